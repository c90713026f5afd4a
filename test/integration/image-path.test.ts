import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DescribeImagesCommand, DescribeRepositoriesCommand, GetLifecyclePolicyCommand } from '@aws-sdk/client-ecr';
import { beforeAll, describe, expect, it } from 'vitest';
import { openOciArchive } from '../../src/oci/archive.js';
import {
  APP,
  buildExampleBinary,
  countingProxy,
  ecrClient,
  emulatorRegistryPassword,
  localRegistry,
  outputsOf,
  registryDigest,
  scratchDir,
  unique,
} from './image-path-support.js';
import { runCli, runNode, stackEnv, readCommandFile } from './support.js';

const headSha = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
const headCommitTime = Number(execFileSync('git', ['log', '-1', '--format=%ct', 'HEAD'], { encoding: 'utf8' }).trim());

beforeAll(async () => {
  await buildExampleBinary();
}, 300_000);

describe('image path through the CLI: build → push', () => {
  it('builds the example app with buildah, pushes every tag, and a re-push uploads no blob', { timeout: 180_000 }, async () => {
    const dir = await scratchDir();
    const repository = `gantry/it/${unique('app')}`;
    const build = await runCli(['run', 'build', '--context', APP, '--image', repository, '--build-number', '17', '--tag-latest', 'true', '--oci-archive', join(dir, 'app.tar')], {
      GANTRY_RUN_NUMBER: '99',
    });
    const built = outputsOf(build);
    expect(built.tags).toBe(`sha-${headSha.slice(0, 7)},build-17,latest`);
    expect(built['oci-archive']).toBe(join(dir, 'app.tar'));
    expect(built['local-ref']).toBe(`${repository}:sha-${headSha.slice(0, 7)}`);
    const archive = await openOciArchive(built['oci-archive']!);
    expect(built.digest).toBe(archive.root.digest);
    expect(built['image-id']).toBe(archive.blobs[0]!.digest.slice(7));
    const config = JSON.parse((await archive.readBlob(archive.blobs[0]!.digest)).toString()) as { config: { Labels: Record<string, string>; Entrypoint: string[] } };
    expect(config.config.Entrypoint).toEqual(['/app']);
    expect(config.config.Labels).toMatchObject({ 'org.opencontainers.image.revision': headSha, 'org.opencontainers.image.version': `sha-${headSha.slice(0, 7)}` });
    // Stamped with the commit's time, not the clock's, so the same commit builds the same image.
    expect(config.config.Labels['org.opencontainers.image.created']).toBe(new Date(headCommitTime * 1000).toISOString());

    // Both pushes go through a counting proxy in front of the local registry: the first must upload, the second not.
    const proxy = await countingProxy(localRegistry());
    try {
      const pushArgs = ['run', 'push', '--aws-region', 'us-east-1', '--repository', repository, '--oci-archive', built['oci-archive']!, '--tags', built.tags!, '--registry', proxy.host];
      const first = outputsOf(await runCli(pushArgs));
      expect(first.digest).toBe(built.digest);
      expect(first.image).toBe(`${proxy.host}/${repository}@${built.digest}`);
      expect(first.tags).toBe(built.tags);
      expect(proxy.blobUploads()).toBeGreaterThanOrEqual(4); // two blobs: POST + PUT each
      for (const tag of built.tags!.split(',')) expect(await registryDigest(localRegistry(), repository, tag)).toBe(built.digest);

      const before = proxy.requests.length;
      const uploadsBefore = proxy.blobUploads();
      const again = await runCli(pushArgs);
      expect(outputsOf(again).digest).toBe(built.digest);
      expect(proxy.blobUploads()).toBe(uploadsBefore);
      expect(proxy.requests.slice(before).filter((r) => r.method === 'PUT')).toEqual([]);
      expect(again.stderr).toMatch(/0 blobs uploaded \(0 B\), 2 already present; 0 tags set, 3 unchanged/);
    } finally {
      await proxy.close();
    }

    // The emulator's ECR knows the repository, its settings, and the image under every tag with the same digest.
    const ecr = ecrClient();
    const repo = (await ecr.send(new DescribeRepositoriesCommand({ repositoryNames: [repository] }))).repositories![0]!;
    expect(repo.imageScanningConfiguration?.scanOnPush).toBe(true);
    expect(repo.imageTagMutability).toBe('MUTABLE');
    expect(repo.encryptionConfiguration?.encryptionType).toBe('AES256');
    const policy = JSON.parse((await ecr.send(new GetLifecyclePolicyCommand({ repositoryName: repository }))).lifecyclePolicyText!) as { rules: { selection: { countNumber: number; tagStatus: string } }[] };
    expect(policy.rules.map((r) => [r.selection.tagStatus, r.selection.countNumber])).toEqual([
      ['untagged', 7],
      ['tagged', 10],
    ]);
    const images = (await ecr.send(new DescribeImagesCommand({ repositoryName: repository }))).imageDetails!;
    expect(images).toHaveLength(1);
    expect(images[0]!.imageDigest).toBe(built.digest);
    expect([...images[0]!.imageTags!].sort()).toEqual(built.tags!.split(',').sort());
  });

  it('updates a lifecycle policy that differs, and leaves an equal one alone', { timeout: 120_000 }, async () => {
    const dir = await scratchDir();
    const repository = `gantry/it/${unique('lifecycle')}`;
    const built = outputsOf(await runCli(['run', 'build', '--context', APP, '--image', repository, '--tags', 'one', '--tag-sha', 'false', '--oci-archive', join(dir, 'a.tar')]));
    // Region and registry come from the environment `gantry local env` prints (AWS_REGION, GANTRY_REGISTRY).
    const push = (keep: string) => runCli(['run', 'push', '--repository', repository, '--oci-archive', built['oci-archive']!, '--keep-last', keep]);
    expect((await push('10')).stderr).toMatch(/Set the lifecycle policy/);
    expect((await push('10')).stderr).toMatch(/Lifecycle policy of .* is up to date/);
    const changed = await push('3');
    expect(changed.stderr).toMatch(/Updated the lifecycle policy of .*: keep the last 3 tagged images/);
    const text = (await ecrClient().send(new GetLifecyclePolicyCommand({ repositoryName: repository }))).lifecyclePolicyText!;
    expect(JSON.parse(text).rules[1].selection.countNumber).toBe(3);
    // Without --tags the push uses the tag the build recorded in the archive.
    expect(outputsOf(changed).tags).toBe('one');
    expect(outputsOf(changed).image).toBe(`${localRegistry()}/${repository}@${built.digest}`);
  });
});

describe('multi-platform image', () => {
  it('builds linux/amd64 and linux/arm64 into one index and pushes the index with both images', { timeout: 180_000 }, async () => {
    const dir = await scratchDir();
    const repository = `gantry/it/${unique('multi')}`;
    const built = outputsOf(
      await runCli(['run', 'build', '--context', APP, '--image', repository, '--platforms', 'linux/amd64,linux/arm64', '--tags', 'multi', '--tag-sha', 'false', '--oci-archive', join(dir, 'm.tar')]),
    );
    const archive = await openOciArchive(built['oci-archive']!);
    expect(archive.root.mediaType).toBe('application/vnd.oci.image.index.v1+json');
    expect(archive.root.children).toHaveLength(2);
    const pushed = outputsOf(await runCli(['run', 'push', '--aws-region', 'us-east-1', '--repository', repository, '--oci-archive', built['oci-archive']!, '--tags', 'multi', '--registry', localRegistry()]));
    expect(pushed.digest).toBe(built.digest);
    expect(await registryDigest(localRegistry(), repository, 'multi')).toBe(built.digest);
    const index = (await (await fetch(`http://${localRegistry()}/v2/${repository}/manifests/multi`, { headers: { accept: 'application/vnd.oci.image.index.v1+json' } })).json()) as {
      manifests: { digest: string; platform: { architecture: string } }[];
    };
    expect(index.manifests.map((m) => m.platform.architecture).sort()).toEqual(['amd64', 'arm64']);
    for (const child of index.manifests) expect(await registryDigest(localRegistry(), repository, child.digest)).toBe(child.digest);
    // Each platform got its own binary: the arm64 image's layer differs from the amd64 one.
    const layers = archive.root.children.map((c) => c.blobs.at(-1)!.digest);
    expect(new Set(layers).size).toBe(2);
  });
});

describe('image path through the bundled actions: build → push', () => {
  it('runs actions/build and actions/push with INPUT_* and GITHUB_OUTPUT, as a runner would', { timeout: 180_000 }, async () => {
    const dir = await scratchDir();
    const repository = `gantry/it/${unique('action')}`;
    const sha = 'abcdef0123456789abcdef0123456789abcdef01';
    // The runner creates these files before a step starts.
    for (const step of ['build', 'push']) for (const kind of ['output', 'env', 'summary']) await writeFile(join(dir, `${step}.${kind}`), '');
    const github = (step: string) => ({
      GITHUB_OUTPUT: join(dir, `${step}.output`),
      GITHUB_ENV: join(dir, `${step}.env`),
      GITHUB_STEP_SUMMARY: join(dir, `${step}.summary`),
      GITHUB_SHA: sha,
      GITHUB_RUN_NUMBER: '314',
      GITHUB_REPOSITORY: 'example/shop',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_WORKSPACE: process.cwd(),
    });
    const build = await runNode(
      'actions/build/dist/index.cjs',
      [],
      stackEnv({
        ...github('build'),
        INPUT_CONTEXT: APP,
        INPUT_IMAGE: repository,
        INPUT_TAGS: 'stable\nrc-1',
        'INPUT_BUILD-ARGS': 'UNUSED=1',
        INPUT_LABELS: 'team=core',
        'INPUT_OCI-ARCHIVE': join(dir, 'image.tar'),
      }),
      120_000,
    );
    expect(build.code, build.stdout + build.stderr).toBe(0);
    const built = readCommandFile(join(dir, 'build.output'));
    expect(built.tags).toBe('sha-abcdef0,build-314,stable,rc-1');
    expect(existsSync(built['oci-archive']!)).toBe(true);
    const archive = await openOciArchive(built['oci-archive']!);
    const labels = (JSON.parse((await archive.readBlob(archive.blobs[0]!.digest)).toString()) as { config: { Labels: Record<string, string> } }).config.Labels;
    expect(labels).toMatchObject({ 'org.opencontainers.image.source': 'https://github.com/example/shop', 'org.opencontainers.image.revision': sha, team: 'core' });
    expect(await readFile(join(dir, 'build.summary'), 'utf8')).toContain(built.digest);

    const push = await runNode(
      'actions/push/dist/index.cjs',
      [],
      stackEnv({
        ...github('push'),
        'INPUT_AWS-REGION': 'us-east-1',
        INPUT_REPOSITORY: repository,
        'INPUT_OCI-ARCHIVE': built['oci-archive'],
        INPUT_TAGS: built.tags,
        INPUT_REGISTRY: localRegistry(),
        'INPUT_KEEP-LAST': '5',
      }),
      120_000,
    );
    expect(push.code, push.stdout + push.stderr).toBe(0);
    // On GitHub the password reaches the runner only as a mask command, which the runner consumes and never shows.
    const password = await emulatorRegistryPassword();
    const revealing = `${push.stdout}\n${push.stderr}`.split('\n').filter((line) => line.includes(password));
    expect(revealing).toContain(`::add-mask::${password}`);
    expect(revealing.every((line) => line.startsWith('::add-mask::'))).toBe(true);
    const pushed = readCommandFile(join(dir, 'push.output'));
    expect(pushed.image).toBe(`${localRegistry()}/${repository}@${built.digest}`);
    expect(pushed.digest).toBe(built.digest);
    for (const tag of built.tags!.split(',')) expect(await registryDigest(localRegistry(), repository, tag)).toBe(built.digest);
  });
});
