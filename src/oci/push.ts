import type { OciArchive, ManifestNode } from './archive.js';
import type { RegistryClient } from './registry.js';
import { formatBytes } from '../model/format.js';

export interface PushResult {
  readonly digest: string;
  /** Tags that now point at the image (including those that already did). */
  readonly tags: readonly string[];
  /** Tags that already pointed at this digest, left untouched. */
  readonly unchangedTags: readonly string[];
}

/**
 * Pushes an image from an OCI archive: every blob the registry lacks (HEAD first, so a re-push uploads none), then
 * the manifests of each platform by digest, then the top manifest under each tag that does not already point at it.
 * Manifests are sent as the exact bytes in the archive, so the digest the build printed is the digest pushed.
 */
export async function pushArchive(archive: OciArchive, client: RegistryClient, tags: readonly string[], log: (line: string) => void): Promise<PushResult> {
  for (const blob of archive.blobs) {
    const outcome = await client.ensureBlob(blob, (offset, length) => archive.readBlob(blob.digest, offset, length));
    log(`blob ${blob.digest} (${formatBytes(blob.size)}): ${outcome === 'present' ? 'already present, skipped' : 'uploaded'}`);
  }
  const putChildren = async (node: ManifestNode) => {
    for (const child of node.children) {
      await putChildren(child);
      if ((await client.manifestDigest(child.digest)) === child.digest) {
        client.stats.manifestsSkipped++;
        continue;
      }
      await client.putManifest(child.digest, child.mediaType, child.bytes);
      log(`manifest ${child.digest}: pushed`);
    }
  };
  await putChildren(archive.root);

  const digest = archive.root.digest;
  const unchanged: string[] = [];
  for (const tag of tags.length > 0 ? tags : [digest]) {
    if ((await client.manifestDigest(tag)) === digest) {
      client.stats.manifestsSkipped++;
      unchanged.push(tag);
      log(`tag ${tag}: already points at ${digest}, skipped`);
      continue;
    }
    const stored = await client.putManifest(tag, archive.root.mediaType, archive.root.bytes);
    if (stored && stored !== digest) throw new Error(`the registry stored ${tag} as ${stored}, expected ${digest}`);
    log(`tag ${tag}: pushed`);
  }
  return { digest, tags, unchangedTags: unchanged };
}
