import { MEDIA_TYPES, type Descriptor } from './archive.js';
import type { FetchedManifest, RegistryClient } from './registry.js';

/**
 * What is attached to an image: OCI 1.1 referrers (manifests whose `subject` is the image) and cosign's tags beside
 * it. Registries with the referrers API (ECR, distribution 3) index referrers themselves; for those without it
 * (Debian's docker-registry 2.8) the OCI 1.1 referrers tag scheme applies: an image index at tag `sha256-<hex>`
 * listing them, which the client that attaches a referrer keeps up to date.
 */

/** A descriptor in a referrers list carries the referrer's artifact type. */
export interface ReferrerDescriptor extends Descriptor {
  readonly artifactType?: string;
}

/** The referrers tag of a digest: `sha256:abc…` → `sha256-abc…`. */
export function referrersTag(digest: string): string {
  return digest.replace(':', '-');
}

/** cosign's tags for what it attaches to an image: signatures, attestations, SBOMs. */
export const COSIGN_SUFFIXES = ['sig', 'att', 'sbom'] as const;

export function cosignTags(digest: string): string[] {
  return COSIGN_SUFFIXES.map((suffix) => `${referrersTag(digest)}.${suffix}`);
}

/** The referrers of `digest`: through the referrers API where the registry serves it, else the referrers tag. */
export async function listReferrers(client: RegistryClient, digest: string): Promise<{ referrers: ReferrerDescriptor[]; through: 'api' | 'tag' }> {
  const fromApi = await client.referrersApi(digest);
  if (fromApi) return { referrers: fromApi, through: 'api' };
  const index = await client.getManifest(referrersTag(digest));
  return { referrers: index ? indexEntries(index) : [], through: 'tag' };
}

function indexEntries(index: FetchedManifest): ReferrerDescriptor[] {
  if (index.mediaType !== MEDIA_TYPES.ociIndex) return [];
  return ((JSON.parse(index.bytes.toString('utf8')) as { manifests?: ReferrerDescriptor[] }).manifests ?? []).filter((d) => typeof d.digest === 'string');
}

/** The referrer's descriptor as a referrers list shows it: artifact type and annotations copied from the manifest. */
export function referrerDescriptor(manifest: FetchedManifest): ReferrerDescriptor {
  const parsed = JSON.parse(manifest.bytes.toString('utf8')) as { artifactType?: string; config?: { mediaType?: string }; annotations?: Record<string, string> };
  const artifactType = parsed.artifactType ?? parsed.config?.mediaType;
  return {
    mediaType: manifest.mediaType,
    digest: manifest.digest,
    size: manifest.bytes.length,
    ...(artifactType ? { artifactType } : {}),
    ...(parsed.annotations ? { annotations: parsed.annotations } : {}),
  };
}

/**
 * Stores a referrer of `subject` (its blobs must be there already): PUT by digest, then, unless the registry
 * indexed the subject itself, the referrer is added to the `sha256-<hex>` index. Returns how it is now found.
 */
export async function attachReferrer(client: RegistryClient, subject: string, manifest: FetchedManifest): Promise<'api' | 'tag'> {
  const answer = await client.putManifestAnswer(manifest.digest, manifest.mediaType, manifest.bytes);
  if (answer.digest && answer.digest !== manifest.digest) throw new Error(`the registry stored the referrer as ${answer.digest}, expected ${manifest.digest}`);
  if (answer.subjectIndexed) return 'api';
  const tag = referrersTag(subject);
  const existing = await client.getManifest(tag);
  const entries = existing ? indexEntries(existing) : [];
  if (entries.some((entry) => entry.digest === manifest.digest)) return 'tag';
  const index = { schemaVersion: 2, mediaType: MEDIA_TYPES.ociIndex, manifests: [...entries, referrerDescriptor(manifest)] };
  await client.putManifest(tag, MEDIA_TYPES.ociIndex, Buffer.from(JSON.stringify(index)));
  return 'tag';
}
