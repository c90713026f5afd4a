import { createHash } from 'node:crypto';
import { GantryError } from '../model/errors.js';
import { indexTar, readRange, type TarEntry } from './tar.js';

export const MEDIA_TYPES = {
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
} as const;

const INDEX_TYPES: ReadonlySet<string> = new Set([MEDIA_TYPES.ociIndex, MEDIA_TYPES.dockerList]);
const MANIFEST_TYPES: ReadonlySet<string> = new Set([MEDIA_TYPES.ociManifest, MEDIA_TYPES.dockerManifest, ...INDEX_TYPES]);

export interface Descriptor {
  readonly mediaType: string;
  readonly digest: string;
  readonly size: number;
  readonly annotations?: Readonly<Record<string, string>>;
}

/** A manifest as stored: its exact bytes (pushed verbatim, so the digest survives), what it refers to. */
export interface ManifestNode {
  readonly digest: string;
  readonly mediaType: string;
  readonly bytes: Buffer;
  /** Config and layers of an image manifest; empty for an index. */
  readonly blobs: readonly Descriptor[];
  /** The manifests an index lists (one per platform); empty for an image manifest. */
  readonly children: readonly ManifestNode[];
}

/**
 * An image in an OCI archive (the tar of an OCI image layout, as `buildah push … oci-archive:` and
 * `docker buildx --output type=oci` write it), read in place: manifests are parsed, blobs are read on demand.
 */
export interface OciArchive {
  readonly path: string;
  readonly root: ManifestNode;
  /** Every distinct blob of every image, config blobs included. */
  readonly blobs: readonly Descriptor[];
  /** The `org.opencontainers.image.ref.name` the builder recorded, if any. */
  readonly refName?: string;
  readBlob(digest: string, offset?: number, length?: number): Promise<Buffer>;
}

export async function openOciArchive(path: string): Promise<OciArchive> {
  let entries: Map<string, TarEntry>;
  try {
    entries = await indexTar(path);
  } catch (error) {
    throw new GantryError(`cannot read the OCI archive ${path}: ${(error as Error).message}`, {
      remedy: 'pass the oci-archive output of the build stage (an OCI image layout in a tar file).',
    });
  }
  const read = async (name: string) => {
    const entry = entries.get(name);
    if (!entry) throw new GantryError(`the OCI archive ${path} has no ${name}`, { remedy: 'rebuild the image; the archive is incomplete.' });
    return readRange(path, entry.offset, entry.size);
  };
  const blobEntry = (digest: string) => {
    const [algorithm, hex] = digest.split(':');
    const entry = entries.get(`blobs/${algorithm}/${hex}`);
    if (!entry) throw new GantryError(`the OCI archive ${path} lacks blob ${digest}`, { remedy: 'rebuild the image; the archive is incomplete.' });
    return entry;
  };
  const readBlob = async (digest: string, offset = 0, length?: number) => {
    const entry = blobEntry(digest);
    const size = length ?? entry.size - offset;
    if (offset < 0 || offset + size > entry.size) throw new Error(`range ${offset}+${size} outside blob ${digest} of ${entry.size} bytes`);
    return readRange(path, entry.offset + offset, size);
  };

  const indexBytes = await read('index.json');
  const index = parseJson(indexBytes, `${path}:index.json`) as { manifests?: Descriptor[] };
  const top = index.manifests ?? [];
  if (top.length === 0) throw new GantryError(`the OCI archive ${path} holds no image (index.json lists no manifest)`);

  const load = async (descriptor: Descriptor): Promise<ManifestNode> => {
    const bytes = await readBlob(descriptor.digest);
    const digest = sha256(bytes);
    if (digest !== descriptor.digest) throw new GantryError(`manifest ${descriptor.digest} in ${path} has digest ${digest}: the archive is corrupt`);
    return node(digest, bytes, descriptor.mediaType);
  };
  const node = async (digest: string, bytes: Buffer, declared?: string): Promise<ManifestNode> => {
    const manifest = parseJson(bytes, digest) as { mediaType?: string; config?: Descriptor; layers?: Descriptor[]; manifests?: Descriptor[] };
    const mediaType = manifest.mediaType ?? declared ?? (manifest.manifests ? MEDIA_TYPES.ociIndex : MEDIA_TYPES.ociManifest);
    if (!MANIFEST_TYPES.has(mediaType)) throw new GantryError(`unsupported manifest media type ${mediaType} in ${path}`);
    if (INDEX_TYPES.has(mediaType)) {
      const children = await Promise.all((manifest.manifests ?? []).map(load));
      return { digest, mediaType, bytes, blobs: [], children };
    }
    if (!manifest.config) throw new GantryError(`manifest ${digest} in ${path} has no config`);
    return { digest, mediaType, bytes, blobs: [manifest.config, ...(manifest.layers ?? [])], children: [] };
  };

  // One image: index.json points at its manifest (or at an index, for a multi-platform build). Several entries
  // with platforms: index.json is itself the image index.
  const root = top.length === 1 ? await load(top[0]!) : await node(sha256(indexBytes), indexBytes, MEDIA_TYPES.ociIndex);
  const blobs = new Map<string, Descriptor>();
  const collect = (n: ManifestNode) => {
    for (const blob of n.blobs) {
      blobEntry(blob.digest);
      blobs.set(blob.digest, blob);
    }
    n.children.forEach(collect);
  };
  collect(root);
  return { path, root, blobs: [...blobs.values()], refName: top[0]?.annotations?.['org.opencontainers.image.ref.name'], readBlob };
}

export function sha256(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

function parseJson(bytes: Buffer, what: string): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new GantryError(`${what} is not valid JSON: the OCI archive is corrupt`);
  }
}
