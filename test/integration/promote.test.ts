import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CreateRepositoryCommand, DescribeImagesCommand, DescribeRepositoriesCommand, ListImagesCommand, type ECRClient } from '@aws-sdk/client-ecr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEDIA_TYPES } from '../../src/oci/archive.js';
import { listReferrers, referrersTag } from '../../src/oci/referrers.js';
import { RegistryClient } from '../../src/oci/registry.js';
import { ImageCopier } from '../../src/promote/copy.js';
import { attachSbom, CYCLONEDX_MEDIA_TYPE } from '../../src/sbom/artifact.js';
import {
  APP,
  authenticatedRegistry,
  buildExampleBinary,
  countingProxy,
  ecrClient,
  ecrInAccount,
  emulatorRegistryPassword,
  localRegistry,
  outputsOf,
  plainRegistry,
  registryDigest,
  registryHasBlob,
  scratchDir,
  unique,
} from './image-path-support.js';
import { keyPair, pushTestImage } from './signing-support.js';
import { runCli } from './support.js';

/** The account a second docker-registry stands in for, reached through a role in it (moto serves any account). */
const TARGET_ACCOUNT = '210987654321';
const TARGET_ROLE = `arn:aws:iam::${TARGET_ACCOUNT}:role/gantry-promote-target`;

let dir: string;
let imageA: Record<string, string>;
let imageB: Record<string, string>;
let stagingRepo: string;
const sbom = Buffer.from(JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', version: 1, components: [{ type: 'application', name: 'example-app' }] }));

beforeAll(async () => {
  await buildExampleBinary();
  dir = await scratchDir();
  const build = (variant: string) =>
    runCli(['run', 'build', '--context', APP, '--image', 'gantry/it/promote', '--tags', variant, '--tag-sha', 'false', '--labels', `variant=${variant}`, '--oci-archive', join(dir, `${variant}.tar`)]);
  imageA = outputsOf(await build('a'));
  imageB = outputsOf(await build('b'));
  stagingRepo = `gantry/${unique('staging')}/app`;
  for (const [image, tag] of [[imageA, 'a'], [imageB, 'b']] as const) {
    outputsOf(await runCli(['run', 'push', '--aws-region', 'us-east-1', '--repository', stagingRepo, '--oci-archive', image['oci-archive']!, '--tags', tag, '--registry', localRegistry()]));
  }
  // What a pipeline attaches to the tested image: an SBOM referrer and a cosign-style signature tag.
  const staging = new RegistryClient({ endpoint: { scheme: 'http', host: localRegistry() }, repository: stagingRepo });
  const root = (await staging.getManifest(imageA.digest!))!;
  await attachSbom(staging, { mediaType: root.mediaType, digest: root.digest, size: root.bytes.length }, sbom);
  await pushSignatureTag(staging, imageA.digest!);
}, 300_000);

const promote = (...args: string[]) => runCli(['run', 'promote', '--aws-region', 'us-east-1', ...args]);

async function createTargetRepository(ecr: ECRClient, immutable = false): Promise<string> {
  const name = `gantry/${unique('production')}/app`;
  await ecr.send(new CreateRepositoryCommand({ repositoryName: name, imageTagMutability: immutable ? 'IMMUTABLE' : 'MUTABLE' }));
  return name;
}

describe('promote within one registry', () => {
  it('mounts every blob (counted at the registry), never downloads one, keeps the digest and carries SBOM and signature', { timeout: 120_000 }, async () => {
    const target = await createTargetRepository(ecrClient());
    const proxy = await countingProxy(localRegistry());
    try {
      const run = await promote('--source-image', `${proxy.host}/${stagingRepo}@${imageA.digest}`, '--target-repository', target, '--tags', 'v1,sha-abc', '--target-registry', proxy.host);
      const out = outputsOf(run);
      expect(out.digest).toBe(imageA.digest);
      expect(out.image).toBe(`${proxy.host}/${target}@${imageA.digest}`);
      const mounts = proxy.requests.filter((r) => r.method === 'POST' && r.path.startsWith(`/v2/${target}/blobs/uploads/?mount=`));
      // image config + layer, the SBOM's empty config and layer, the signature's config and payload
      expect(mounts.length).toBe(6);
      expect(Number(out['blobs-mounted'])).toBe(mounts.length);
      expect(out['blobs-copied']).toBe('0');
      expect(proxy.requests.filter((r) => r.method === 'GET' && r.path.includes('/blobs/'))).toEqual([]);
      expect(proxy.blobUploads()).toBe(mounts.length);
      expect(out.attached).toBe('2');
    } finally {
      await proxy.close();
    }
    expect(await registryDigest(localRegistry(), target, 'v1')).toBe(imageA.digest);
    expect(await registryDigest(localRegistry(), target, 'sha-abc')).toBe(imageA.digest);
    await expectAttachedAt(localRegistry(), target, imageA.digest!);

    // A second run finds everything in place and changes nothing.
    const again = outputsOf(await promote('--source-image', `${localRegistry()}/${stagingRepo}@${imageA.digest}`, '--target-repository', target, '--tags', 'v1,sha-abc', '--target-registry', localRegistry()));
    expect([again['blobs-mounted'], again['blobs-copied'], again['blobs-present']]).toEqual(['0', '0', '6']);
    expect(again.digest).toBe(imageA.digest);
  });
});

describe('a mount the registry declines', () => {
  it('streams the blob instead (the registry answered 202 and opened an upload session)', { timeout: 60_000 }, async () => {
    const proxy = await countingProxy(localRegistry());
    try {
      const endpoint = { scheme: 'http' as const, host: proxy.host };
      const source = new RegistryClient({ endpoint, repository: stagingRepo });
      const targetRepo = `gantry/${unique('declined')}/app`;
      const target = new RegistryClient({ endpoint, repository: targetRepo });
      // A repository that holds none of the blobs: the registry cannot mount from it.
      const copier = new ImageCopier(source, target, { mountFrom: `gantry/${unique('empty')}/app`, log: () => undefined, warn: () => undefined });
      await copier.copyManifest((await source.getManifest(imageA.digest!))!);
      await copier.close();
      expect(copier.counts).toMatchObject({ blobsMounted: 0, blobsCopied: 2, blobsPresent: 0 });
      expect(proxy.requests.filter((r) => r.method === 'POST' && r.path.includes('?mount='))).toHaveLength(2);
      expect(proxy.requests.filter((r) => r.method === 'GET' && r.path.includes(`/v2/${stagingRepo}/blobs/`))).toHaveLength(2);
      expect(await registryDigest(localRegistry(), targetRepo, imageA.digest!)).toBe(imageA.digest);
    } finally {
      await proxy.close();
    }
  });
});

describe('streaming a large blob', () => {
  it('reads it in byte ranges from the real registry, checked against its digest', { timeout: 60_000 }, async () => {
    const lines: string[] = [];
    const source = new RegistryClient({ endpoint: { scheme: 'http', host: localRegistry() }, repository: stagingRepo, chunkSize: 1024 * 1024, log: (line) => lines.push(line) });
    const manifest = JSON.parse((await source.getManifest(imageA.digest!))!.bytes.toString()) as { layers: { mediaType: string; digest: string; size: number }[] };
    const layer = manifest.layers.at(-1)!;
    expect(layer.size).toBeGreaterThan(2 * 1024 * 1024);
    const file = join(dir, 'layer.bin');
    await source.downloadBlob(layer, file);
    expect(createHash('sha256').update(await readFile(file)).digest('hex')).toBe(layer.digest.slice('sha256:'.length));
    // One range request per MiB (the registry answered 206 to each), each logged.
    expect(lines).toHaveLength(Math.ceil(layer.size / (1024 * 1024)));
    expect(lines.at(-1)).toMatch(/100% read$/);
  });
});

describe('promote to another account and registry', () => {
  let other: { host: string; stop(): Promise<void> };
  let targetEcr: ECRClient;
  beforeAll(async () => {
    other = await plainRegistry();
    targetEcr = await ecrInAccount(TARGET_ROLE);
  });
  afterAll(async () => other?.stop());

  it('streams only the blobs the target lacks, under the target role, and records the image in the target account', { timeout: 120_000 }, async () => {
    const target = await createTargetRepository(targetEcr);
    const first = outputsOf(
      await promote('--source-image', `${localRegistry()}/${stagingRepo}@${imageA.digest}`, '--target-repository', target, '--tags', 'v1', '--target-registry', other.host, '--target-role-arn', TARGET_ROLE),
    );
    expect(first.digest).toBe(imageA.digest);
    expect([first['blobs-mounted'], first['blobs-copied'], first['blobs-present']]).toEqual(['0', '6', '0']);
    expect(await registryDigest(other.host, target, 'v1')).toBe(imageA.digest);
    await expectAttachedAt(other.host, target, imageA.digest!);
    const recorded = (await targetEcr.send(new DescribeImagesCommand({ repositoryName: target }))).imageDetails!;
    expect(recorded.find((i) => i.imageTags?.includes('v1'))?.imageDigest).toBe(imageA.digest);
    // The repository lives in the target account only: the job's own account does not have it.
    await expect(ecrClient().send(new DescribeRepositoriesCommand({ repositoryNames: [target] }))).rejects.toThrow(/RepositoryNotFound|does not exist/);

    // Image B shares its layer with A: only its config crosses.
    const second = outputsOf(
      await promote('--source-image', `${localRegistry()}/${stagingRepo}@${imageB.digest}`, '--target-repository', target, '--tags', 'v2', '--target-registry', other.host, '--target-role-arn', TARGET_ROLE),
    );
    expect([second['blobs-copied'], second['blobs-present'], second.attached]).toEqual(['1', '1', '0']);
    expect(await registryDigest(other.host, target, 'v2')).toBe(imageB.digest);
  });
});

describe('promote to a registry that demands the ECR credentials', () => {
  it('logs in with GetAuthorizationToken, mounts nothing across registries, and never prints the password', { timeout: 120_000 }, async () => {
    const password = await emulatorRegistryPassword();
    const registry = await authenticatedRegistry('AWS', password);
    try {
      const target = await createTargetRepository(ecrClient());
      const run = await runCli(
        ['run', 'promote', '--aws-region', 'us-east-1', '--source-image', `${localRegistry()}/${stagingRepo}@${imageB.digest}`, '--target-repository', target, '--tags', 'b', '--target-registry', registry.host, '--carry-attached', 'false'],
        { GANTRY_DEBUG: '1' },
      );
      const out = outputsOf(run);
      expect([out['blobs-mounted'], out['blobs-copied'], out.attached]).toEqual(['0', '2', '0']);
      const basic = `Basic ${Buffer.from(`AWS:${password}`).toString('base64')}`;
      expect(await registryDigest(registry.host, target, 'b', basic)).toBe(imageB.digest);
      for (const output of [run.stdout, run.stderr]) {
        expect(output).not.toContain(password);
        expect(output).not.toContain(Buffer.from(`AWS:${password}`).toString('base64'));
      }
    } finally {
      await registry.stop();
    }
  });
});

describe('a multi-platform image', () => {
  it('goes across as its index and both platform manifests, under the same digests', { timeout: 240_000 }, async () => {
    const repository = `gantry/${unique('staging')}/multi`;
    const built = outputsOf(
      await runCli(['run', 'build', '--context', APP, '--image', repository, '--platforms', 'linux/amd64,linux/arm64', '--tags', 'multi', '--tag-sha', 'false', '--oci-archive', join(dir, 'multi.tar')]),
    );
    const pushed = outputsOf(await runCli(['run', 'push', '--aws-region', 'us-east-1', '--repository', repository, '--oci-archive', built['oci-archive']!, '--tags', 'multi', '--registry', localRegistry()]));
    const other = await plainRegistry();
    try {
      const target = await createTargetRepository(ecrClient());
      const out = outputsOf(await promote('--source-image', pushed.image!, '--target-repository', target, '--tags', 'multi', '--target-registry', other.host));
      expect(out.digest).toBe(built.digest);
      // Two configs and two layers (one binary per platform).
      expect([out['blobs-copied'], out['blobs-present']]).toEqual(['4', '0']);
      const index = (await (await fetch(`http://${other.host}/v2/${target}/manifests/multi`, { headers: { accept: MEDIA_TYPES.ociIndex } })).json()) as { mediaType: string; manifests: { digest: string }[] };
      expect(index.mediaType).toBe(MEDIA_TYPES.ociIndex);
      expect(index.manifests).toHaveLength(2);
      for (const child of index.manifests) expect(await registryDigest(other.host, target, child.digest)).toBe(child.digest);
    } finally {
      await other.stop();
    }
  });
});

describe('promote refuses before copying anything', () => {
  const source = () => `${localRegistry()}/${stagingRepo}`;

  it('a source named by tag, naming the input', { timeout: 60_000 }, async () => {
    const target = await createTargetRepository(ecrClient());
    const run = await promote('--source-image', `${source()}:a`, '--target-repository', target, '--tags', 'v1', '--target-registry', localRegistry());
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("input 'source-image': must name the image by digest");
    expect(await registryDigest(localRegistry(), target, 'v1')).toBeUndefined();
  });

  it('a digest the source does not have', { timeout: 60_000 }, async () => {
    const target = await createTargetRepository(ecrClient());
    const absent = `sha256:${randomBytes(32).toString('hex')}`;
    const run = await promote('--source-image', `${source()}@${absent}`, '--target-repository', target, '--tags', 'v1', '--target-registry', localRegistry());
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${absent} is not in the source repository ${source()}`);
    expect(await registryDigest(localRegistry(), target, 'v1')).toBeUndefined();
  });

  it('a target repository that does not exist', { timeout: 60_000 }, async () => {
    const target = `gantry/${unique('missing')}/app`;
    const run = await promote('--source-image', `${source()}@${imageA.digest}`, '--target-repository', target, '--tags', 'v1', '--target-registry', localRegistry());
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`the target repository ${target} does not exist`);
    expect(await registryHasBlob(localRegistry(), target, imageA.digest!)).toBe(false);
    expect(await registryDigest(localRegistry(), target, imageA.digest!)).toBeUndefined();
  });

  it('an immutable target tag that names another image', { timeout: 120_000 }, async () => {
    const target = await createTargetRepository(ecrClient(), true);
    outputsOf(await promote('--source-image', `${source()}@${imageA.digest}`, '--target-repository', target, '--tags', 'v1', '--target-registry', localRegistry()));
    const run = await promote('--source-image', `${source()}@${imageB.digest}`, '--target-repository', target, '--tags', 'v1', '--target-registry', localRegistry());
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`tag 'v1' of the target repository '${target}' is immutable and already points at ${imageA.digest}, not at ${imageB.digest}`);
    expect(await registryDigest(localRegistry(), target, 'v1')).toBe(imageA.digest);
    expect(await registryDigest(localRegistry(), target, imageB.digest!)).toBeUndefined();
    // The same image under the same immutable tag is no conflict.
    expect(outputsOf(await promote('--source-image', `${source()}@${imageA.digest}`, '--target-repository', target, '--tags', 'v1', '--target-registry', localRegistry())).digest).toBe(imageA.digest);
  });
});

describe('promote with require-signature', () => {
  it('refuses an unsigned digest and one signed by another key, naming both, and promotes the signed one with its signature', { timeout: 120_000 }, async () => {
    const repository = `gantry/${unique('signed')}/app`;
    const [signer, other] = [await keyPair(dir, 'promote-signer'), await keyPair(dir, 'promote-other')];
    const [signed, byOther, unsigned] = [await pushTestImage(repository, 'signed'), await pushTestImage(repository, 'other'), await pushTestImage(repository, 'unsigned')];
    const image = (digest: string) => `${localRegistry()}/${repository}@${digest}`;
    for (const [digest, key] of [[signed, signer.privateKey], [byOther, other.privateKey]] as const) outputsOf(await runCli(['run', 'sign', '--image', image(digest), '--key', key]));
    const target = await createTargetRepository(ecrClient());
    const promoteSigned = (digest: string) => promote('--source-image', image(digest), '--target-repository', target, '--tags', 'v1', '--target-registry', localRegistry(), '--require-signature', signer.publicKey);

    for (const [digest, reason] of [[unsigned, 'it carries no signature'], [byOther, 'none of its 1 signature verifies with this key']] as const) {
      const run = await promoteSigned(digest);
      expect(run.code, run.stderr).toBe(1);
      expect(run.stderr).toContain(`image ${repository}@${digest} is not signed by key ${signer.publicKey}`);
      expect(run.stderr).toContain(reason);
      expect(await registryDigest(localRegistry(), target, digest)).toBeUndefined();
      expect(await registryDigest(localRegistry(), target, `${referrersTag(digest)}.sig`)).toBeUndefined();
    }
    expect(await registryDigest(localRegistry(), target, 'v1')).toBeUndefined();
    expect((await ecrClient().send(new ListImagesCommand({ repositoryName: target }))).imageIds).toEqual([]);

    const out = outputsOf(await promoteSigned(signed));
    expect(out.digest).toBe(signed);
    expect(out.attached).toBe('1');
    expect(await registryDigest(localRegistry(), target, 'v1')).toBe(signed);
    const signatures = `${referrersTag(signed)}.sig`;
    const sourceSignatures = await registryDigest(localRegistry(), repository, signatures);
    expect(sourceSignatures).toBeDefined();
    expect(await registryDigest(localRegistry(), target, signatures)).toBe(sourceSignatures);
  });
});

/** The SBOM and the signature tag are at the target, found through the referrers tag (registry 2.8 has no API). */
async function expectAttachedAt(host: string, repository: string, digest: string) {
  const client = new RegistryClient({ endpoint: { scheme: 'http', host }, repository });
  const { referrers, through } = await listReferrers(client, digest);
  expect(through).toBe('tag');
  expect(referrers.map((r) => r.artifactType)).toEqual([CYCLONEDX_MEDIA_TYPE]);
  const artifact = JSON.parse((await client.getManifest(referrers[0]!.digest))!.bytes.toString()) as { subject: { digest: string }; layers: { digest: string }[] };
  expect(artifact.subject.digest).toBe(digest);
  const blob = Buffer.from(await (await fetch(`http://${host}/v2/${repository}/blobs/${artifact.layers[0]!.digest}`)).arrayBuffer());
  expect(blob.equals(sbom)).toBe(true);
  expect(await registryDigest(host, repository, `${referrersTag(digest)}.sig`)).toBeDefined();
}

/** A signature manifest in cosign's layout (simple-signing payload as its layer) at tag `sha256-<hex>.sig`. */
async function pushSignatureTag(client: RegistryClient, digest: string) {
  const payload = Buffer.from(JSON.stringify({ critical: { identity: { 'docker-reference': 'gantry/it/promote' }, image: { 'docker-manifest-digest': digest }, type: 'cosign container image signature' }, optional: null }));
  const config = Buffer.from(JSON.stringify({ architecture: '', os: '', rootfs: { type: 'layers', diff_ids: [] }, config: {} }));
  const describe = (mediaType: string, bytes: Buffer) => ({ mediaType, digest: `sha256:${createHash('sha256').update(bytes).digest('hex')}`, size: bytes.length });
  const layer = { ...describe('application/vnd.dev.cosign.simplesigning.v1+json', payload), annotations: { 'dev.cosignproject.cosign/signature': randomBytes(64).toString('base64') } };
  const configDescriptor = describe('application/vnd.oci.image.config.v1+json', config);
  await client.ensureBlob(configDescriptor, async () => config);
  await client.ensureBlob(layer, async () => payload);
  const manifest = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: MEDIA_TYPES.ociManifest, config: configDescriptor, layers: [layer] }));
  await client.putManifest(`${referrersTag(digest)}.sig`, MEDIA_TYPES.ociManifest, manifest);
}
