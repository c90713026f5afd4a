import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { InputError } from '../model/errors.js';
import { MEDIA_TYPES, type Descriptor } from '../oci/archive.js';
import { attachReferrer } from '../oci/referrers.js';
import type { FetchedManifest, RegistryClient } from '../oci/registry.js';

export const CYCLONEDX_MEDIA_TYPE = 'application/vnd.cyclonedx+json';

/** OCI 1.1's empty config (`{}`), for artifacts that have no config of their own. */
export const EMPTY_CONFIG: Descriptor & { data: string } = {
  mediaType: 'application/vnd.oci.empty.v1+json',
  digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
  size: 2,
  data: 'e30=',
};

const digestOf = (bytes: Buffer) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

/**
 * An SBOM as an OCI 1.1 artifact: an image manifest with artifactType CycloneDX, the empty config, the SBOM as its
 * one layer, and `subject` the image's manifest. Nothing in it depends on the time, so attaching the same SBOM to
 * the same image again gives the same digest and changes nothing.
 */
export function sbomArtifact(sbom: Buffer, subject: Descriptor): { manifest: FetchedManifest; layer: Descriptor } {
  const layer: Descriptor = { mediaType: CYCLONEDX_MEDIA_TYPE, digest: digestOf(sbom), size: sbom.length, annotations: { 'org.opencontainers.image.title': 'sbom.cdx.json' } };
  const manifest = {
    schemaVersion: 2,
    mediaType: MEDIA_TYPES.ociManifest,
    artifactType: CYCLONEDX_MEDIA_TYPE,
    config: EMPTY_CONFIG,
    layers: [layer],
    subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
  };
  const bytes = Buffer.from(JSON.stringify(manifest));
  return { manifest: { digest: digestOf(bytes), mediaType: MEDIA_TYPES.ociManifest, bytes }, layer };
}

/**
 * Attaches an SBOM to an image already in the registry: the two blobs (uploaded unless present), then the artifact
 * manifest, found again through the referrers API where the registry serves it, else the referrers tag.
 */
export async function attachSbom(client: RegistryClient, subject: Descriptor, sbom: Buffer): Promise<{ digest: string; through: 'api' | 'tag' }> {
  const { manifest, layer } = sbomArtifact(sbom, subject);
  const empty = Buffer.from(EMPTY_CONFIG.data, 'base64');
  await client.ensureBlob(EMPTY_CONFIG, async (offset, length) => empty.subarray(offset, offset + length));
  await client.ensureBlob(layer, async (offset, length) => sbom.subarray(offset, offset + length));
  const through = await attachReferrer(client, subject.digest, manifest);
  return { digest: manifest.digest, through };
}

/** Reads an SBOM file and makes sure it is CycloneDX JSON, so that a wrong file is refused before anything is pushed. */
export async function readSbom(path: string, input = 'sbom-file'): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new InputError(input, `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const problem = cycloneDxProblem(bytes);
  if (problem) throw new InputError(input, `${path} ${problem}`);
  return bytes;
}

/** Why bytes are not a CycloneDX JSON document, or undefined when they are one. */
export function cycloneDxProblem(bytes: Buffer): string | undefined {
  let document: { bomFormat?: unknown; specVersion?: unknown };
  try {
    document = JSON.parse(bytes.toString('utf8')) as typeof document;
  } catch {
    return 'is not JSON (expected a CycloneDX JSON SBOM, as the scan stage writes it)';
  }
  if (document === null || typeof document !== 'object' || document.bomFormat !== 'CycloneDX') return "is not a CycloneDX SBOM (no bomFormat 'CycloneDX')";
  if (typeof document.specVersion !== 'string') return 'is not a CycloneDX SBOM (no specVersion)';
  return undefined;
}
