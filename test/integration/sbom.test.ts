import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DescribeRepositoriesCommand } from '@aws-sdk/client-ecr';
import { beforeAll, describe, expect, it } from 'vitest';
import { listReferrers, referrersTag } from '../../src/oci/referrers.js';
import { RegistryClient } from '../../src/oci/registry.js';
import { CYCLONEDX_MEDIA_TYPE, cycloneDxProblem } from '../../src/sbom/artifact.js';
import { APP, buildExampleBinary, ecrClient, localRegistry, outputsOf, registryDigest, scratchDir, unique } from './image-path-support.js';
import { runCli } from './support.js';

/** The SBOM path against real peers: Trivy writes it offline, push attaches it, the registry (2.8, no referrers API) gives it back. */
let dir: string;
let image: Record<string, string>;

beforeAll(async () => {
  await buildExampleBinary();
  dir = await scratchDir();
  image = outputsOf(
    await runCli(['run', 'build', '--context', APP, '--image', 'gantry/it/sbom', '--tags', 'sbom', '--tag-sha', 'false', '--oci-archive', join(dir, 'image.tar')]),
  );
}, 300_000);

const push = (repository: string, ...args: string[]) =>
  runCli(['run', 'push', '--aws-region', 'us-east-1', '--repository', repository, '--oci-archive', image['oci-archive']!, '--registry', localRegistry(), ...args]);

describe('SBOM', () => {
  it('scan writes a CycloneDX SBOM offline; push attaches it; it is found again through the referrers tag, byte for byte', { timeout: 180_000 }, async () => {
    const sbomFile = join(dir, 'sbom.cdx.json');
    const scan = outputsOf(
      await runCli(['run', 'scan', '--scan-type', 'image', '--target', image['oci-archive']!, '--scanners', 'secret', '--offline', 'true', '--output-dir', join(dir, 'reports'), '--sbom-file', sbomFile]),
    );
    expect(scan['sbom-file']).toBe(sbomFile);
    const written = await readFile(sbomFile);
    expect(cycloneDxProblem(written)).toBeUndefined();
    const bom = JSON.parse(written.toString()) as { specVersion: string; metadata: { component: { name: string } }; components?: unknown[] };
    expect(bom.specVersion).toMatch(/^1\.\d+$/);
    // The SBOM names the archive the user scanned, not the scratch directory Trivy read it from.
    expect(bom.metadata.component.name).toBe(image['oci-archive']);

    const repository = `gantry/it/${unique('sbom')}`;
    const pushed = outputsOf(await push(repository, '--tags', 'v1', '--sbom-file', sbomFile));
    expect(pushed.sbom).toMatch(/^sha256:[0-9a-f]{64}$/);

    const client = new RegistryClient({ endpoint: { scheme: 'http', host: localRegistry() }, repository });
    const { referrers, through } = await listReferrers(client, image.digest!);
    expect(through).toBe('tag');
    expect(referrers).toEqual([expect.objectContaining({ digest: pushed.sbom, artifactType: CYCLONEDX_MEDIA_TYPE })]);
    const artifact = JSON.parse((await client.getManifest(pushed.sbom!))!.bytes.toString()) as {
      artifactType: string;
      subject: { digest: string };
      layers: { mediaType: string; digest: string }[];
    };
    expect(artifact.artifactType).toBe(CYCLONEDX_MEDIA_TYPE);
    expect(artifact.subject.digest).toBe(image.digest);
    const blob = Buffer.from(await (await fetch(`http://${localRegistry()}/v2/${repository}/blobs/${artifact.layers[0]!.digest}`)).arrayBuffer());
    expect(blob.equals(written)).toBe(true);
    expect(cycloneDxProblem(blob)).toBeUndefined();

    // A re-push attaches nothing new: same artifact digest, one entry in the referrers tag.
    const again = outputsOf(await push(repository, '--tags', 'v1', '--sbom-file', sbomFile));
    expect(again.sbom).toBe(pushed.sbom);
    expect((await listReferrers(client, image.digest!)).referrers).toHaveLength(1);
    expect(await registryDigest(localRegistry(), repository, referrersTag(image.digest!))).toBeDefined();
  });

  it('push refuses a file that is not a CycloneDX SBOM, naming the input, before creating anything', { timeout: 60_000 }, async () => {
    const notSbom = join(dir, 'not-sbom.json');
    await writeFile(notSbom, JSON.stringify({ spdxVersion: 'SPDX-2.3' }));
    const repository = `gantry/it/${unique('sbom-refused')}`;
    const run = await push(repository, '--tags', 'v1', '--sbom-file', notSbom);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`input 'sbom-file': ${notSbom} is not a CycloneDX SBOM`);
    await expect(ecrClient().send(new DescribeRepositoriesCommand({ repositoryNames: [repository] }))).rejects.toThrow(/RepositoryNotFound|does not exist/);
  });

  it('scan refuses an SBOM of configuration files, naming the input', { timeout: 60_000 }, async () => {
    const run = await runCli(['run', 'scan', '--scan-type', 'config', '--target', APP, '--sbom-file', join(dir, 'config.cdx.json')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("input 'sbom-file': an SBOM describes an image or a directory");
  });
});
