import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MEDIA_TYPES, type Descriptor } from '../oci/archive.js';
import { readRange } from '../oci/tar.js';
import { attachReferrer, cosignTags, listReferrers } from '../oci/referrers.js';
import type { FetchedManifest, RegistryClient } from '../oci/registry.js';
import { formatBytes } from '../model/format.js';

/** What a promotion did with each blob: linked at the target (same registry), streamed across, or found there. */
export interface CopyCounts {
  blobsMounted: number;
  blobsCopied: number;
  blobsPresent: number;
  bytesCopied: number;
  /** Referrers and cosign tags carried to the target. */
  attached: number;
}

export interface CopyOptions {
  /** Mount blobs from the source repository instead of streaming them: both repositories live in one registry. */
  readonly mountFrom?: string;
  readonly log: (line: string) => void;
  readonly warn: (line: string) => void;
}

const INDEX_TYPES: ReadonlySet<string> = new Set([MEDIA_TYPES.ociIndex, MEDIA_TYPES.dockerList]);

interface ManifestShape {
  readonly config?: Descriptor;
  readonly layers?: (Descriptor & { urls?: string[] })[];
  readonly manifests?: Descriptor[];
}

/**
 * Copies manifests by digest from one repository to another, bytes unchanged, so that the digest at the target is
 * the digest at the source. Blobs the target has are left alone; within one registry the others are mounted (no
 * download); across registries they are streamed through a spool file, checked against their digest.
 */
export class ImageCopier {
  readonly counts: CopyCounts = { blobsMounted: 0, blobsCopied: 0, blobsPresent: 0, bytesCopied: 0, attached: 0 };
  private spool?: string;
  private readonly done = new Set<string>();

  constructor(
    private readonly source: RegistryClient,
    private readonly target: RegistryClient,
    private readonly options: CopyOptions,
  ) {}

  /** Copies a manifest and everything it refers to (blobs, platform manifests), then stores it by digest. */
  async copyManifest(manifest: FetchedManifest): Promise<void> {
    if (this.done.has(manifest.digest)) return;
    await this.copyContents(manifest);
    if ((await this.target.manifestDigest(manifest.digest)) !== manifest.digest) {
      await this.target.putManifest(manifest.digest, manifest.mediaType, manifest.bytes);
      this.options.log(`manifest ${manifest.digest}: copied`);
    }
    this.done.add(manifest.digest);
  }

  /** What a manifest refers to: the blobs of an image manifest, the manifests an index lists. */
  private async copyContents(manifest: FetchedManifest): Promise<void> {
    const shape = JSON.parse(manifest.bytes.toString('utf8')) as ManifestShape;
    if (INDEX_TYPES.has(manifest.mediaType)) {
      for (const child of shape.manifests ?? []) await this.copyManifest(await this.sourceManifest(child.digest));
    } else {
      const blobs = [...(shape.config ? [shape.config] : []), ...(shape.layers ?? []).filter((layer) => !layer.urls?.length)];
      for (const blob of blobs) await this.copyBlob(blob);
    }
  }

  /** Points each tag at the manifest; returns the tags that already did. */
  async setTags(manifest: FetchedManifest, tags: readonly string[]): Promise<string[]> {
    const unchanged: string[] = [];
    for (const tag of tags) {
      if ((await this.target.manifestDigest(tag)) === manifest.digest) {
        unchanged.push(tag);
        this.options.log(`tag ${tag}: already points at ${manifest.digest}`);
        continue;
      }
      const stored = await this.target.putManifest(tag, manifest.mediaType, manifest.bytes);
      if (stored && stored !== manifest.digest) throw new Error(`the target registry stored ${tag} as ${stored}, expected ${manifest.digest}`);
      this.options.log(`tag ${tag}: set`);
    }
    return unchanged;
  }

  /**
   * Carries along what is attached to `digest`: its referrers (the API or the referrers tag at the source, the API or
   * the referrers tag at the target, whichever each registry offers), what is attached to those in turn, and cosign's
   * `sha256-<hex>.sig/.att/.sbom` tags. A cosign tag that names another manifest at the target is left as it is.
   */
  async carryAttached(digest: string, seen = new Set<string>()): Promise<void> {
    if (seen.has(digest)) return;
    seen.add(digest);
    const { referrers, through } = await listReferrers(this.source, digest);
    for (const referrer of referrers) {
      const manifest = await this.sourceManifest(referrer.digest);
      // The referrer itself is stored by attachReferrer, whose PUT tells whether the registry indexes its subject.
      await this.copyContents(manifest);
      const stored = await attachReferrer(this.target, digest, manifest);
      this.done.add(manifest.digest);
      this.counts.attached++;
      this.options.log(`referrer ${manifest.digest} (${referrer.artifactType ?? manifest.mediaType}, found through the ${through === 'api' ? 'referrers API' : 'referrers tag'}): carried, indexed through the ${stored === 'api' ? 'referrers API' : 'referrers tag'}`);
      await this.carryAttached(manifest.digest, seen);
    }
    for (const tag of cosignTags(digest)) {
      const manifest = await this.source.getManifest(tag);
      if (!manifest) continue;
      await this.copyManifest(manifest);
      const existing = await this.target.manifestDigest(tag);
      if (existing && existing !== manifest.digest) {
        this.options.warn(`tag ${tag} at the target names ${existing}, not the source's ${manifest.digest}; left as it is`);
        continue;
      }
      if (!existing) await this.target.putManifest(tag, manifest.mediaType, manifest.bytes);
      this.counts.attached++;
      this.options.log(`tag ${tag}: carried`);
    }
  }

  /** Removes the spool directory. */
  async close(): Promise<void> {
    if (this.spool) await rm(this.spool, { recursive: true, force: true });
  }

  private async sourceManifest(digest: string): Promise<FetchedManifest> {
    const manifest = await this.source.getManifest(digest);
    if (!manifest) throw new Error(`the source lists ${digest} but does not serve it`);
    return manifest;
  }

  private async copyBlob(blob: Descriptor): Promise<void> {
    if (this.done.has(blob.digest)) return;
    if (await this.target.blobExists(blob.digest)) {
      this.counts.blobsPresent++;
      this.options.log(`blob ${blob.digest}: already present`);
    } else if (this.options.mountFrom && (await this.target.mountBlob(blob.digest, this.options.mountFrom))) {
      this.counts.blobsMounted++;
      this.options.log(`blob ${blob.digest} (${formatBytes(blob.size)}): mounted from ${this.options.mountFrom}`);
    } else {
      this.spool ??= await mkdtemp(join(tmpdir(), 'gantry-promote-'));
      const file = join(this.spool, blob.digest.replace(':', '-'));
      await this.source.downloadBlob(blob, file);
      await this.target.upload(blob, (offset, length) => readRange(file, offset, length));
      await rm(file, { force: true });
      this.counts.blobsCopied++;
      this.counts.bytesCopied += blob.size;
      this.options.log(`blob ${blob.digest} (${formatBytes(blob.size)}): copied`);
    }
    this.done.add(blob.digest);
  }
}
