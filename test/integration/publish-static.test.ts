import { randomBytes } from 'node:crypto';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudFrontClient, CreateDistributionCommand, GetDistributionCommand, GetInvalidationCommand, ListInvalidationsCommand } from '@aws-sdk/client-cloudfront';
import { CreateBucketCommand, GetObjectCommand, GetPublicAccessBlockCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { localStackConfig } from '../../src/local/config.js';
import { LOCAL_SITE_BUCKET, seedSite } from '../../src/local/site.js';
import { diffSites, generateSite, mutations, objectWrites, recordingProxy, writeSite } from '../fixtures/static/site.js';
import { CLI, readCommandFile, runNode, stackEnv } from './support.js';

const REGION = 'us-east-1';
const IMMUTABLE = 'public, max-age=31536000, immutable';
const endpoint = () => inject('localEnv').AWS_ENDPOINT_URL!;
const clientConfig = () => ({ region: REGION, endpoint: endpoint(), credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, forcePathStyle: true });
const s3 = () => new S3Client(clientConfig());
const cloudfront = () => new CloudFrontClient(clientConfig());

let proxy: Awaited<ReturnType<typeof recordingProxy>>;
let scratch: string;

beforeAll(async () => {
  proxy = await recordingProxy(endpoint());
  scratch = await mkdtemp(join(tmpdir(), 'gantry-static-'));
});
afterAll(async () => {
  await proxy.close();
  await rm(scratch, { recursive: true, force: true });
});

let counter = 0;
const unique = (what: string) => `gantry-it-${what}-${Date.now().toString(36)}-${counter++}`;

async function createBucket(what: string): Promise<string> {
  const bucket = unique(what);
  await s3().send(new CreateBucketCommand({ Bucket: bucket }));
  return bucket;
}

/** A distribution with the bucket as its origin, as a real site has; `originPath` when the site lives under a prefix. */
async function createDistribution(bucket: string, originPath = ''): Promise<string> {
  const { Distribution: distribution } = await cloudfront().send(
    new CreateDistributionCommand({
      DistributionConfig: {
        CallerReference: bucket,
        Comment: bucket,
        Enabled: true,
        Origins: { Quantity: 1, Items: [{ Id: 'site', DomainName: `${bucket}.s3.${REGION}.amazonaws.com`, OriginPath: originPath, S3OriginConfig: { OriginAccessIdentity: '' } }] },
        DefaultCacheBehavior: { TargetOriginId: 'site', ViewerProtocolPolicy: 'redirect-to-https', ForwardedValues: { QueryString: false, Cookies: { Forward: 'none' } }, MinTTL: 0 },
      },
    }),
  );
  return distribution!.Id!;
}

async function listKeys(bucket: string): Promise<Map<string, string>> {
  const objects = new Map<string, string>();
  let token: string | undefined;
  do {
    const page = await s3().send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
    for (const object of page.Contents ?? []) objects.set(object.Key!, object.ETag!);
    token = page.NextContinuationToken;
  } while (token);
  return objects;
}

async function head(bucket: string, key: string) {
  const object = await s3().send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
  return { contentType: object.ContentType, cacheControl: object.CacheControl, etag: object.ETag };
}

/** `name=value` lines of the CLI's stdout. */
function outputsOf(stdout: string): Record<string, string> {
  return Object.fromEntries(stdout.trim().split('\n').filter((line) => line.includes('=')).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
}

/** Runs the stage through the CLI, pointed at the recording proxy; returns the run and the requests it made. */
async function publish(args: string[], timeoutMs = 240_000) {
  const from = proxy.requests.length;
  const run = await runNode(CLI, ['run', 'publish-static', '--aws-region', REGION, '--poll-seconds', '0.5', ...args], stackEnv({ AWS_ENDPOINT_URL: proxy.url }), timeoutMs);
  return { run, requests: proxy.requests.slice(from), outputs: outputsOf(run.stdout) };
}

/** The paths a change must invalidate, derived here on their own: each path, and a directory index's two directory URLs. */
function expectedPaths(paths: readonly string[]): string[] {
  const expected = new Set<string>();
  for (const path of paths) {
    expected.add(`/${path}`);
    if (path.endsWith('/index.html')) {
      const dir = path.slice(0, -'index.html'.length);
      expected.add(`/${dir}`);
      expected.add(`/${dir.slice(0, -1)}`);
    }
  }
  return [...expected].sort();
}

describe('publish-static against the emulator', () => {
  it('syncs a 2,000-file site, then uploads only the 1% whose content changed, deletes what is gone and invalidates just that', { timeout: 600_000 }, async () => {
    const bucket = await createBucket('sync');
    const distributionId = await createDistribution(bucket, '/www');
    // Objects outside the prefix, one sharing its first letters: never listed, compared or deleted.
    for (const key of ['www-old/index.html', 'other/keep.txt']) await s3().send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'keep me' }));
    const dir = join(scratch, 'sync');
    const first = generateSite(2000);
    await writeSite(dir, first);

    const initial = await publish(['--source-dir', dir, '--bucket', bucket, '--prefix', '/www', '--distribution-id', distributionId]);
    expect(initial.run.code, initial.run.stderr).toBe(0);
    expect(initial.outputs).toMatchObject({ uploaded: '2000', unchanged: '0', deleted: '0' });
    expect(objectWrites(initial.requests)).toHaveLength(2000);
    // New objects were never cached: no invalidation.
    expect(initial.outputs['invalidation-id']).toBe('');
    expect(initial.run.stderr).toContain(`nothing changed or was deleted: no invalidation of ${distributionId}`);

    // Rebuild: every file rewritten (fresh mtimes), 1% of the contents changed, ten files gone.
    const changedIndex = (i: number) => i % 100 === Math.floor(i / 100) % 10;
    const gone = (path: string) => Number(/^data\/item-(\d+)\.json$/.exec(path)?.[1] ?? 1) % 200 === 126;
    const second = new Map([...generateSite(2000, (i) => (changedIndex(i) ? 1 : 0))].filter(([path]) => !gone(path)));
    const diff = diffSites(first, second);
    expect(diff.deleted.length).toBeGreaterThanOrEqual(10);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // mtimes a second newer than the uploads
    await writeSite(dir, second);

    const update = await publish(['--source-dir', dir, '--bucket', bucket, '--prefix', 'www', '--distribution-id', distributionId]);
    expect(update.run.code, update.run.stderr).toBe(0);
    const uploads = diff.changed.length + diff.added.length;
    expect(uploads).toBe(20); // 1% of 2,000 (fingerprinted files changed their names: added, and their old names deleted)
    expect(objectWrites(update.requests)).toHaveLength(uploads);
    expect(update.outputs).toMatchObject({ uploaded: String(uploads), unchanged: String(second.size - uploads), deleted: String(diff.deleted.length) });

    const objects = await listKeys(bucket);
    expect([...objects.keys()].filter((key) => key.startsWith('www/')).sort()).toEqual([...second.keys()].map((path) => `www/${path}`).sort());
    expect(objects.get('www-old/index.html')).toBeDefined();
    expect(objects.get('other/keep.txt')).toBeDefined();

    // One invalidation, with the viewer paths (under the origin path /www) of what changed or went away.
    const paths = update.outputs['invalidation-paths']!.split(',');
    expect(paths).toEqual(expectedPaths([...diff.changed, ...diff.deleted]));
    // File 1000 is a directory index (section-14/page-1000/index.html) that changed; viewers see it without /www.
    expect(paths).toEqual(expect.arrayContaining(['/section-14/page-1000', '/section-14/page-1000/', '/section-14/page-1000/index.html']));
    expect(paths.filter((path) => path.startsWith('/www'))).toEqual([]);
    const { InvalidationList: list } = await cloudfront().send(new ListInvalidationsCommand({ DistributionId: distributionId }));
    expect(list?.Items?.map((i) => i.Id)).toEqual([update.outputs['invalidation-id']]);
    const { Invalidation: invalidation } = await cloudfront().send(new GetInvalidationCommand({ DistributionId: distributionId, Id: update.outputs['invalidation-id']! }));
    expect(invalidation?.Status).toBe('Completed');
    expect([...(invalidation?.InvalidationBatch?.Paths?.Items ?? [])].sort()).toEqual(paths);
    expect(update.run.stderr).toMatch(/invalidation \w+: InProgress/);
    expect(update.run.stderr).toMatch(/invalidation \w+: Completed \[\d+s\]/);

    // Headers per kind of file.
    const htmlPage = [...second.keys()].find((p) => p.endsWith('/index.html'))!;
    expect(await head(bucket, `www/${htmlPage}`)).toMatchObject({ contentType: 'text/html; charset=utf-8', cacheControl: 'no-cache' });
    expect(await head(bucket, 'www/sw.js')).toMatchObject({ contentType: 'text/javascript; charset=utf-8', cacheControl: 'no-cache' });
    const script = [...second.keys()].find((p) => /^assets\/app-\d+\.[0-9a-f]{8}\.js$/.test(p))!;
    expect(await head(bucket, `www/${script}`)).toMatchObject({ contentType: 'text/javascript; charset=utf-8', cacheControl: IMMUTABLE });
    const hugoStyle = [...second.keys()].find((p) => /^css\/style-\d+\.min\.[0-9a-f]{64}\.css$/.test(p))!;
    expect(await head(bucket, `www/${hugoStyle}`)).toMatchObject({ contentType: 'text/css; charset=utf-8', cacheControl: IMMUTABLE });
    expect(await head(bucket, 'www/img/picture-5.png')).toMatchObject({ contentType: 'image/png', cacheControl: 'public, max-age=300' });
    expect(await head(bucket, 'www/fonts/font-8.woff2')).toMatchObject({ contentType: 'font/woff2', cacheControl: 'public, max-age=300' });

    // A third run with nothing changed uploads, deletes and invalidates nothing.
    const again = await publish(['--source-dir', dir, '--bucket', bucket, '--prefix', 'www', '--distribution-id', distributionId]);
    expect(again.run.code, again.run.stderr).toBe(0);
    expect(mutations(again.requests)).toEqual([]);
    expect(again.outputs).toMatchObject({ uploaded: '0', deleted: '0', 'invalidation-id': '' });
  });

  it('collapses a large invalidation to /* and keeps a multipart file stable across runs', { timeout: 240_000 }, async () => {
    const bucket = await createBucket('collapse');
    const distributionId = await createDistribution(bucket);
    const dir = join(scratch, 'collapse');
    const first = generateSite(60);
    await writeSite(dir, first);
    // 20 MiB + 3 bytes: three 8 MiB parts with the default part size.
    const large = randomBytes(20 * 1024 * 1024 + 3);
    await mkdir(join(dir, 'media'), { recursive: true });
    await writeFile(join(dir, 'media', 'film.bin'), large);

    const initial = await publish(['--source-dir', dir, '--bucket', bucket, '--distribution-id', distributionId]);
    expect(initial.run.code, initial.run.stderr).toBe(0);
    expect(initial.outputs.uploaded).toBe('61');
    expect(initial.requests.filter((r) => r.method === 'PUT' && /[?&]partNumber=/.test(r.url))).toHaveLength(3);
    expect((await head(bucket, 'media/film.bin')).etag).toMatch(/^"[0-9a-f]{32}-3"$/);

    // Every file rewritten, the large one with the same bytes: compared by its multipart ETag, it stays.
    const second = generateSite(60, () => 1);
    await writeSite(dir, second);
    await mkdir(join(dir, 'media'), { recursive: true });
    writeFileSync(join(dir, 'media', 'film.bin'), large);
    const update = await publish(['--source-dir', dir, '--bucket', bucket, '--distribution-id', distributionId, '--max-invalidation-paths', '10', '--max-invalidation-wildcards', '3']);
    expect(update.run.code, update.run.stderr).toBe(0);
    expect(objectWrites(update.requests).map((r) => r.url)).not.toContainEqual(expect.stringContaining('film.bin'));
    expect(update.requests.filter((r) => /[?&]partNumber=/.test(r.url))).toEqual([]);
    expect(update.outputs['invalidation-paths']).toBe('/*');
    expect(update.run.stderr).toMatch(/paths \(collapsed from \d+ paths\): \/\*/);

    // Unchanged content, new mtimes, a part size that differs from the upload's: the large file is uploaded again,
    // since its ETag can no longer be compared; with the same part size it is not.
    const sameParts = await publish(['--source-dir', dir, '--bucket', bucket, '--wait', 'false']);
    expect(sameParts.outputs.uploaded).toBe('0');
    const otherParts = await publish(['--source-dir', dir, '--bucket', bucket, '--part-size-mb', '5']);
    expect(otherParts.outputs.uploaded).toBe('1');
    expect((await head(bucket, 'media/film.bin')).etag).toMatch(/-5"$/);
  });

  describe('refusals, before anything is uploaded', () => {
    let bucket: string;
    let dir: string;
    let before: Map<string, string>;

    beforeAll(async () => {
      bucket = await createBucket('refuse');
      dir = join(scratch, 'refuse');
      await writeSite(dir, generateSite(5));
      const seeded = await publish(['--source-dir', dir, '--bucket', bucket]);
      expect(seeded.run.code, seeded.run.stderr).toBe(0);
      await writeSite(dir, generateSite(8, () => 2)); // every later run would upload and delete, if it were let through
      before = await listKeys(bucket);
    });

    it.each([
      ['a bucket that does not exist', () => ['--bucket', `${bucket}-missing`], /input 'bucket': bucket 'gantry-it-refuse-[\w-]+-missing' does not exist\n(error: )?Remedy: create it/],
      ['a distribution that does not exist', () => ['--distribution-id', 'ENOSUCHDIST1'], /input 'distribution-id': distribution 'ENOSUCHDIST1' does not exist\n(error: )?Remedy: use the ID/],
      ['a missing source-dir', () => ['--source-dir', join(scratch, 'nowhere')], /input 'source-dir': .*nowhere does not exist/],
      ['a prefix with ..', () => ['--prefix', 'site/../..'], /input 'prefix': must not hold '\.' or '\.\.' segments/],
      ['a failing build command', () => ['--build-command', 'echo building; exit 7'], /input 'build-command': `echo building; exit 7` exited with code 7; nothing was uploaded/],
    ])('refuses %s, naming the input, and leaves the bucket as it was', { timeout: 60_000 }, async (_what, args, message) => {
      const refused = await publish(['--source-dir', dir, '--bucket', bucket, ...args()]);
      expect(refused.run.code).toBe(1);
      expect(refused.run.stderr).toMatch(message);
      expect(mutations(refused.requests)).toEqual([]);
      expect(await listKeys(bucket)).toEqual(before);
    });

    it('refuses an empty source-dir unless allow-empty is true, which then empties the prefix', { timeout: 60_000 }, async () => {
      const empty = join(scratch, 'empty');
      await mkdir(empty, { recursive: true });
      const refused = await publish(['--source-dir', empty, '--bucket', bucket]);
      expect(refused.run.code).toBe(1);
      expect(refused.run.stderr).toMatch(/input 'source-dir': .*empty holds no file; publishing it would delete every object under s3:\/\//);
      expect(refused.run.stderr).toContain('Remedy: check the build output directory; set allow-empty true');
      expect(mutations(refused.requests)).toEqual([]);
      expect(await listKeys(bucket)).toEqual(before);

      const allowed = await publish(['--source-dir', empty, '--bucket', bucket, '--allow-empty', 'true']);
      expect(allowed.run.code, allowed.run.stderr).toBe(0);
      expect(allowed.outputs.deleted).toBe(String(before.size));
      expect((await listKeys(bucket)).size).toBe(0);
    });
  });

  it('runs as the bundled action: inputs from INPUT_*, outputs and summary through the runner files', { timeout: 120_000 }, async () => {
    const bucket = await createBucket('action');
    const distributionId = await createDistribution(bucket);
    const dir = join(scratch, 'action');
    await writeSite(dir, generateSite(30));
    await publish(['--source-dir', dir, '--bucket', bucket]);
    await writeSite(dir, generateSite(30, (i) => (i === 0 ? 1 : 0)));

    const files = { GITHUB_OUTPUT: join(scratch, 'output'), GITHUB_STEP_SUMMARY: join(scratch, 'summary'), GITHUB_ENV: join(scratch, 'env') };
    for (const file of Object.values(files)) writeFileSync(file, '');
    const env = stackEnv({ ...files, AWS_ENDPOINT_URL: proxy.url });
    Object.assign(env, {
      'INPUT_AWS-REGION': REGION,
      'INPUT_SOURCE-DIR': dir,
      INPUT_BUCKET: bucket,
      'INPUT_DISTRIBUTION-ID': distributionId,
      'INPUT_POLL-SECONDS': '0.5',
      'INPUT_CACHE-CONTROL': '**/*.html: no-cache, no-store\n',
    });
    const from = proxy.requests.length;
    const run = await runNode('actions/publish-static/dist/index.cjs', [], env, 120_000);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(objectWrites(proxy.requests.slice(from))).toHaveLength(1);
    const outputs = readCommandFile(files.GITHUB_OUTPUT);
    expect(outputs).toMatchObject({ uploaded: '1', unchanged: '29', deleted: '0', 'invalidation-paths': '/section-0/page-0,/section-0/page-0/,/section-0/page-0/index.html' });
    expect(outputs['invalidation-id']).toMatch(/^\w+$/);
    expect(await head(bucket, 'section-0/page-0/index.html')).toMatchObject({ cacheControl: 'no-cache, no-store' });
    const summary = readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8');
    expect(summary).toContain(`### Static site published to \`s3://${bucket}/\``);
    expect(summary).toMatch(/\| 1 \| 29 \| 0 \| [\d.]+ \w?B \| `\w+` \(3 paths, Completed\) \|/);
  });

  it('builds the Hugo example with real hugo, publishes it and serves it back with the right headers', { timeout: 120_000 }, async () => {
    const bucket = await createBucket('hugo');
    const workdir = join(scratch, 'hugo-site');
    // A copy of the example, so the test never writes into the checkout.
    await cp('examples/site', workdir, { recursive: true, filter: (source) => !/[/\\](public|resources)$/.test(source) });
    const { run, outputs } = await publish(['--working-directory', workdir, '--build-command', 'hugo --gc --minify', '--source-dir', 'public', '--bucket', bucket]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/▶ build: hugo --gc --minify\n\s+Start building sites/);
    expect(Number(outputs.uploaded)).toBeGreaterThanOrEqual(6);

    const index = await s3().send(new GetObjectCommand({ Bucket: bucket, Key: 'index.html' }));
    expect(index.ContentType).toBe('text/html; charset=utf-8');
    expect(index.CacheControl).toBe('no-cache');
    const html = await index.Body!.transformToString();
    const stylesheet = /href="?\/(css\/style\.min\.[0-9a-f]{64}\.css)"?/.exec(html)?.[1];
    expect(stylesheet, html).toBeDefined();
    const css = await s3().send(new GetObjectCommand({ Bucket: bucket, Key: stylesheet! }));
    expect(css.ContentType).toBe('text/css; charset=utf-8');
    expect(css.CacheControl).toBe(IMMUTABLE);
    expect(await css.Body!.transformToString()).toContain('font-family:system-ui');
    expect((await listKeys(bucket)).has('docs/getting-started/index.html')).toBe(true);
  });

  it('seeds the local stack site: a private bucket and a distribution in front of it, idempotently', async () => {
    const config = localStackConfig({ ...process.env, GANTRY_LOCAL_MOTO_PORT: new URL(endpoint()).port });
    const first = await seedSite(config);
    const second = await seedSite(config);
    expect(second).toEqual(first);
    expect(first.bucket).toBe(LOCAL_SITE_BUCKET);
    const { Distribution: distribution } = await cloudfront().send(new GetDistributionCommand({ Id: first.distributionId }));
    expect(distribution?.DistributionConfig?.Origins?.Items?.[0]?.DomainName).toBe(`${LOCAL_SITE_BUCKET}.s3.${REGION}.amazonaws.com`);
    const publicAccess = await s3().send(new GetPublicAccessBlockCommand({ Bucket: LOCAL_SITE_BUCKET }));
    expect(publicAccess.PublicAccessBlockConfiguration?.BlockPublicPolicy).toBe(true);
  });
});
