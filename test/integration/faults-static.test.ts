import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudFrontClient, CreateDistributionCommand, ListInvalidationsCommand } from '@aws-sdk/client-cloudfront';
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { describe, inject, test } from 'vitest';
import { generateSite, writeSite } from '../fixtures/static/site.js';
import { fault, startFaultProxy, type Fault, type FaultMatch } from './fault-proxy.js';
import { SHORT_TIMEOUT_SECONDS } from './faults-support.js';
import { CLI, runNode, stackEnv } from './support.js';

// publish-static with S3 and CloudFront (the emulator) behind the fault proxy. After every run that succeeded the
// bucket holds exactly the site, and the distribution got one invalidation for the change.
const REGION = 'us-east-1';
const clientConfig = () => ({ region: REGION, endpoint: inject('localEnv').AWS_ENDPOINT_URL!, credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, forcePathStyle: true });
let counter = 0;

async function siteWithDistribution() {
  const bucket = `gantry-faults-${Date.now().toString(36)}-${counter++}`;
  await new S3Client(clientConfig()).send(new CreateBucketCommand({ Bucket: bucket }));
  const { Distribution } = await new CloudFrontClient(clientConfig()).send(
    new CreateDistributionCommand({
      DistributionConfig: {
        CallerReference: bucket,
        Comment: bucket,
        Enabled: true,
        Origins: { Quantity: 1, Items: [{ Id: 'site', DomainName: `${bucket}.s3.${REGION}.amazonaws.com`, S3OriginConfig: { OriginAccessIdentity: '' } }] },
        DefaultCacheBehavior: { TargetOriginId: 'site', ViewerProtocolPolicy: 'redirect-to-https', ForwardedValues: { QueryString: false, Cookies: { Forward: 'none' } }, MinTTL: 0 },
      },
    }),
  );
  const dir = await mkdtemp(join(tmpdir(), 'gantry-faults-site-'));
  return { bucket, distributionId: Distribution!.Id!, dir };
}

async function publish(target: { bucket: string; distributionId: string; dir: string }, match?: FaultMatch, faults: readonly Fault[] = []) {
  const proxy = await startFaultProxy({ upstream: inject('localEnv').AWS_ENDPOINT_URL! });
  if (match) proxy.inject(match, ...faults);
  try {
    const run = await runNode(
      CLI,
      ['run', 'publish-static', '--aws-region', REGION, '--poll-seconds', '0.5', '--source-dir', target.dir, '--bucket', target.bucket, '--distribution-id', target.distributionId],
      stackEnv({ AWS_ENDPOINT_URL: proxy.url, GANTRY_REQUEST_TIMEOUT_SECONDS: SHORT_TIMEOUT_SECONDS }),
      120_000,
    );
    return { run, proxy };
  } finally {
    await proxy.stop();
  }
}

async function bucketContents(bucket: string): Promise<Map<string, string>> {
  const s3 = new S3Client(clientConfig());
  const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket }));
  const contents = new Map<string, string>();
  for (const object of listed.Contents ?? []) {
    contents.set(object.Key!, await (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: object.Key! }))).Body!.transformToString());
  }
  return contents;
}

const PUT_OBJECT: FaultMatch = { operation: 'PutObject' };
const CREATE_INVALIDATION: FaultMatch = { method: 'POST', path: /\/invalidation$/ };

describe.concurrent('publish-static under S3 and CloudFront faults', () => {
  test.for([
    ['PutObject 503s with and without Retry-After', PUT_OBJECT, [fault.status(503), { ...fault.status(503, '1') }, fault.awsJson(503, 'SlowDown', 'Please reduce your request rate')]],
    ['PutObject reset after the object was stored', PUT_OBJECT, [fault.reset, fault.reset]],
    ['PutObject stalled past the request timeout', PUT_OBJECT, [fault.stall]],
    ['ListObjectsV2 broken off', { method: 'GET', path: /[?&]list-type=2/ } as FaultMatch, [fault.truncate]],
    ['GetInvalidation throttled and stalled', { method: 'GET', path: /\/invalidation\/\w+$/ } as FaultMatch, [fault.status(429), fault.stall, fault.truncate]],
  ] as const)('%s: the bucket holds the site and one invalidation covers the change', async ([, match, faults], { expect }) => {
    const target = await siteWithDistribution();
    const first = generateSite(12);
    await writeSite(target.dir, first);
    const initial = await publish(target);
    expect(initial.run.code, initial.run.stderr).toBe(0);

    const second = generateSite(12, (i) => (i % 3 === 0 ? 1 : 0));
    await writeSite(target.dir, second);
    const { run, proxy } = await publish(target, match, faults);
    expect(run.stderr).not.toContain('publish-static failed');
    expect(run.code, run.stderr).toBe(0);
    expect(proxy.pending()).toBe(0);
    expect(await bucketContents(target.bucket)).toEqual(new Map([...second].map(([path, body]) => [path, body.toString()])));
    const invalidations = await new CloudFrontClient(clientConfig()).send(new ListInvalidationsCommand({ DistributionId: target.distributionId }));
    expect(invalidations.InvalidationList?.Quantity).toBe(1);
  });

  test('CreateInvalidation reset after it was created: asked again with the same caller reference, so CloudFront counts it once', async ({ expect }) => {
    const target = await siteWithDistribution();
    await writeSite(target.dir, generateSite(12));
    expect((await publish(target)).run.code).toBe(0);
    await writeSite(target.dir, generateSite(12, (i) => (i % 3 === 0 ? 1 : 0)));
    const { run, proxy } = await publish(target, CREATE_INVALIDATION, [fault.reset]);
    expect(run.code, run.stderr).toBe(0);
    expect(proxy.served()).toEqual(['reset']);
    const created = proxy.log.filter((e) => e.method === 'POST' && CREATE_INVALIDATION.path!.test(e.path));
    expect(created).toHaveLength(2);
    // CloudFront answers a repeated CallerReference with the invalidation it already made (the emulator makes a
    // second one, which this suite does not count against the stage).
    const references = proxy.requests.filter((r) => r.method === 'POST' && CREATE_INVALIDATION.path!.test(r.path)).map((r) => /<CallerReference>([^<]+)</.exec(r.body)?.[1]);
    expect(references[0]).toMatch(/^gantry-/);
    expect(references[1]).toBe(references[0]);
  });
});
