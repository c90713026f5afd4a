import { join } from 'node:path';
import { DescribeImagesCommand, DescribeRepositoriesCommand } from '@aws-sdk/client-ecr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOciArchive } from '../../src/oci/archive.js';
import { pushArchive } from '../../src/oci/push.js';
import { RegistryClient } from '../../src/oci/registry.js';
import {
  APP,
  authenticatedRegistry,
  buildExampleBinary,
  ecrClient,
  emulatorRegistryPassword,
  localRegistry,
  outputsOf,
  registryDigest,
  registryHasBlob,
  scratchDir,
  unique,
} from './image-path-support.js';
import { runCli } from './support.js';

let dir: string;
/** Two different images (labels differ, so configs and digests differ) sharing one layer. */
let imageA: Record<string, string>;
let imageB: Record<string, string>;

beforeAll(async () => {
  await buildExampleBinary();
  dir = await scratchDir();
  const build = (variant: string) =>
    runCli(['run', 'build', '--context', APP, '--image', 'gantry/it/push', '--tags', variant, '--tag-sha', 'false', '--labels', `variant=${variant}`, '--oci-archive', join(dir, `${variant}.tar`)]);
  imageA = outputsOf(await build('a'));
  imageB = outputsOf(await build('b'));
  expect(imageA.digest).not.toBe(imageB.digest);
}, 300_000);

const push = (repository: string, archive: string, ...args: string[]) =>
  runCli(['run', 'push', '--aws-region', 'us-east-1', '--repository', repository, '--oci-archive', archive, '--registry', localRegistry(), ...args]);

describe('push stage', () => {
  it('refuses an immutable tag that names another image, naming tag and repository, before uploading', { timeout: 120_000 }, async () => {
    const repository = `gantry/it/${unique('immutable')}`;
    const first = await push(repository, imageA['oci-archive']!, '--tags', 'v1', '--tag-immutability', 'true');
    expect(outputsOf(first).digest).toBe(imageA.digest);

    const conflict = await push(repository, imageB['oci-archive']!, '--tags', 'v1', '--tag-immutability', 'true');
    expect(conflict.code).toBe(1);
    expect(conflict.stderr).toContain(`tag 'v1' of repository '${repository}' is immutable and already points at ${imageA.digest}, not at ${imageB.digest}`);
    expect(conflict.stderr).toMatch(/Remedy: push under a new tag/);
    // Nothing of image B reached the registry, and v1 still names image A.
    const archiveB = await openOciArchive(imageB['oci-archive']!);
    expect(await registryHasBlob(localRegistry(), repository, archiveB.blobs[0]!.digest)).toBe(false);
    expect(await registryDigest(localRegistry(), repository, 'v1')).toBe(imageA.digest);
    const repo = (await ecrClient().send(new DescribeRepositoriesCommand({ repositoryNames: [repository] }))).repositories![0]!;
    expect(repo.imageTagMutability).toBe('IMMUTABLE');

    // A push that does not mention tag-immutability leaves the repository immutable, and still refuses.
    const unsaid = await push(repository, imageB['oci-archive']!, '--tags', 'v1');
    expect(unsaid.code).toBe(1);
    expect(unsaid.stderr).toContain(`tag 'v1' of repository '${repository}' is immutable`);

    // The same image under the same immutable tag is no conflict: a re-run of the pipeline succeeds.
    expect(outputsOf(await push(repository, imageA['oci-archive']!, '--tags', 'v1', '--tag-immutability', 'true')).digest).toBe(imageA.digest);
    // And image B goes up fine under a new tag.
    expect(outputsOf(await push(repository, imageB['oci-archive']!, '--tags', 'v2', '--tag-immutability', 'true')).digest).toBe(imageB.digest);
  });

  it('moves a mutable tag to the new image, uploading only the blob the registry lacks', { timeout: 120_000 }, async () => {
    const repository = `gantry/it/${unique('mutable')}`;
    outputsOf(await push(repository, imageA['oci-archive']!, '--tags', 'latest'));
    const second = await push(repository, imageB['oci-archive']!, '--tags', 'latest');
    expect(outputsOf(second).digest).toBe(imageB.digest);
    // Same layer, new config: exactly one blob uploaded.
    expect(second.stderr).toMatch(/1 blobs uploaded \(.*\), 1 already present/);
    expect(await registryDigest(localRegistry(), repository, 'latest')).toBe(imageB.digest);
    const images = (await ecrClient().send(new DescribeImagesCommand({ repositoryName: repository }))).imageDetails!;
    expect(images.find((i) => i.imageTags?.includes('latest'))?.imageDigest).toBe(imageB.digest);
  });

  it.each([
    [['--repository', 'Shop/API'], "input 'repository': must be an ECR repository name"],
    [['--keep-last=-1'], "input 'keep-last': must be a whole number from 1 to 10000"],
    [['--registry', 'http://10.1.2.3:5000'], "input 'registry': plain http is allowed only for a loopback registry"],
  ])('refuses %o before creating anything', { timeout: 60_000 }, async (args, message) => {
    const repository = `gantry/it/${unique('refused')}`;
    const run = await runCli(['run', 'push', '--aws-region', 'us-east-1', '--repository', repository, '--oci-archive', imageA['oci-archive']!, '--registry', localRegistry(), ...args]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(message);
    await expect(ecrClient().send(new DescribeRepositoriesCommand({ repositoryNames: [repository] }))).rejects.toThrow(/RepositoryNotFound|does not exist/);
  });

  it('uploads a large blob in chunks that the real registry reassembles', { timeout: 60_000 }, async () => {
    const repository = `gantry/it/${unique('chunked')}`;
    const archive = await openOciArchive(imageA['oci-archive']!);
    const layer = archive.blobs.at(-1)!;
    expect(layer.size).toBeGreaterThan(2 * 1024 * 1024);
    const chunkLines: string[] = [];
    const client = new RegistryClient({ endpoint: { scheme: 'http', host: localRegistry() }, repository, chunkSize: 1024 * 1024, log: (line) => chunkLines.push(line) });
    const result = await pushArchive(archive, client, ['chunked'], () => undefined);
    expect(result.digest).toBe(imageA.digest);
    expect(chunkLines.length).toBe(Math.ceil(layer.size / (1024 * 1024)));
    expect(chunkLines.at(-1)).toMatch(/100%$/);
    // The registry verified the digest of the reassembled blob on the closing PUT; read it back to be sure.
    const stored = Buffer.from(await (await fetch(`http://${localRegistry()}/v2/${repository}/blobs/${layer.digest}`)).arrayBuffer());
    expect(stored.equals(await archive.readBlob(layer.digest))).toBe(true);
    expect(await registryDigest(localRegistry(), repository, 'chunked')).toBe(imageA.digest);
  });

  describe('against a registry that demands the ECR credentials', () => {
    let registry: Awaited<ReturnType<typeof authenticatedRegistry>>;
    let password: string;
    beforeAll(async () => {
      password = await emulatorRegistryPassword();
      registry = await authenticatedRegistry('AWS', password);
    });
    afterAll(async () => registry?.stop());

    it('logs in with GetAuthorizationToken and never prints the password, even in debug logs', { timeout: 120_000 }, async () => {
      const repository = `gantry/it/${unique('auth')}`;
      const run = await runCli(['run', 'push', '--aws-region', 'us-east-1', '--repository', repository, '--oci-archive', imageA['oci-archive']!, '--tags', 'a', '--registry', registry.host], {
        GANTRY_DEBUG: '1',
      });
      expect(outputsOf(run).digest).toBe(imageA.digest);
      const basic = `Basic ${Buffer.from(`AWS:${password}`).toString('base64')}`;
      expect(await registryDigest(registry.host, repository, 'a', basic)).toBe(imageA.digest);
      expect(await registryDigest(registry.host, repository, 'a').catch((e: Error) => e.message)).toMatch(/401/);
      for (const output of [run.stdout, run.stderr]) {
        expect(output).not.toContain(password);
        expect(output).not.toContain(Buffer.from(`AWS:${password}`).toString('base64'));
      }
    });

    it('fails clearly when the credentials are refused', { timeout: 60_000 }, async () => {
      const other = await authenticatedRegistry('AWS', 'a-different-password');
      try {
        const run = await runCli(['run', 'push', '--aws-region', 'us-east-1', '--repository', `gantry/it/${unique('denied')}`, '--oci-archive', imageA['oci-archive']!, '--tags', 'a', '--registry', other.host]);
        expect(run.code).toBe(1);
        expect(run.stderr).toMatch(/HTTP 401/);
        expect(run.stderr).toMatch(/Remedy: the registry rejected the credentials/);
        expect(run.stderr).not.toContain(password);
      } finally {
        await other.stop();
      }
    });
  });
});
