import { bareEtag } from './content-etag.js';
import { keyOf, relativePathOf } from './key-prefix.js';

/** A site file whose content hash is known. */
export interface HashedFile {
  readonly path: string;
  readonly relativePath: string;
  readonly size: number;
  /** The ETag S3 would give it (see content-etag.ts). */
  readonly etag: string;
}

/** An object under the prefix, as ListObjectsV2 reports it. */
export interface RemoteObject {
  readonly key: string;
  readonly etag?: string;
  readonly size?: number;
}

export interface PlannedUpload extends HashedFile {
  readonly key: string;
  readonly reason: 'new' | 'changed';
}

export interface SyncPlan {
  /** Uploads in the order they should land: each phase completes before the next starts. */
  readonly uploadPhases: readonly (readonly PlannedUpload[])[];
  readonly unchanged: readonly HashedFile[];
  /** Keys under the prefix with no local file, deleted after every upload (empty when deletion is off). */
  readonly deletions: readonly string[];
  /** Keys with no local file that stay because deletion is off. */
  readonly kept: readonly string[];
}

export interface PlanOptions {
  readonly prefix: string;
  readonly delete: boolean;
  /** Assets first, then pages: a page never goes live before what it references. */
  readonly htmlLast: boolean;
}

export function isPage(relativePath: string): boolean {
  return /\.html?$/i.test(relativePath);
}

/** Compares by content: a file is unchanged when its ETag and size equal the object's, whatever its mtime. */
export function planSync(local: readonly HashedFile[], remote: readonly RemoteObject[], options: PlanOptions): SyncPlan {
  const remoteByKey = new Map(remote.map((object) => [object.key, object]));
  const uploads: PlannedUpload[] = [];
  const unchanged: HashedFile[] = [];
  const localKeys = new Set<string>();
  for (const file of local) {
    const key = keyOf(options.prefix, file.relativePath);
    localKeys.add(key);
    const object = remoteByKey.get(key);
    if (!object) uploads.push({ ...file, key, reason: 'new' });
    else if (bareEtag(object.etag) !== file.etag || (object.size !== undefined && object.size !== file.size)) uploads.push({ ...file, key, reason: 'changed' });
    else unchanged.push(file);
  }
  // Every key listed must be ours (relativePathOf throws otherwise): a listing bug must not become a deletion.
  const gone = remote.filter((object) => !localKeys.has(object.key) && relativePathOf(options.prefix, object.key) !== undefined).map((object) => object.key);
  const uploadPhases = options.htmlLast
    ? [uploads.filter((upload) => !isPage(upload.relativePath)), uploads.filter((upload) => isPage(upload.relativePath))]
    : [uploads];
  return {
    uploadPhases: uploadPhases.filter((phase) => phase.length > 0),
    unchanged,
    deletions: options.delete ? gone : [],
    kept: options.delete ? [] : gone,
  };
}
