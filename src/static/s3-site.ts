import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { DeleteObjectsCommand, HeadBucketCommand, paginateListObjectsV2, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { awsFailure, classifyAwsError } from '../aws/errors.js';
import { GantryError } from '../model/errors.js';
import { usesMultipart } from './content-etag.js';
import { assertOwnedKey } from './key-prefix.js';
import type { PlannedUpload, RemoteObject } from './sync-plan.js';

/**
 * Refuses a bucket that cannot take the site before anything is uploaded: HeadBucket tells a missing bucket (404)
 * from one these credentials may not use (403) or one in another region (301).
 */
export async function checkBucket(s3: S3Client, bucket: string, region: string): Promise<void> {
  try {
    await s3.send(new HeadBucketCommand({ Bucket: bucket }));
  } catch (error) {
    const failure = classifyAwsError(error);
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 404 || failure.code === 'NotFound' || failure.code === 'NoSuchBucket') {
      throw new GantryError(`input 'bucket': bucket '${bucket}' does not exist`, {
        remedy: `create it (private, with the distribution's origin access), or correct the name; the account is the one of these credentials.`,
        cause: error,
      });
    }
    if (status === 403 || failure.kind === 'permission') {
      throw new GantryError(`input 'bucket': bucket '${bucket}' is not reachable with these credentials (403 Forbidden)`, {
        remedy: 'it may belong to another account, or the role lacks s3:ListBucket, s3:PutObject and s3:DeleteObject on it: check the role\'s policy and the bucket policy.',
        cause: error,
      });
    }
    if (status === 301) {
      throw new GantryError(`input 'bucket': bucket '${bucket}' is not in ${region}`, { remedy: 'set aws-region to the bucket\'s region.', cause: error });
    }
    throw awsFailure(`HeadBucket ${bucket}`, error);
  }
}

/** Every object under the prefix (and nothing else: the listing is bounded by it, and each key is checked again). */
export async function listSiteObjects(s3: S3Client, bucket: string, prefix: string): Promise<RemoteObject[]> {
  const objects: RemoteObject[] = [];
  try {
    for await (const page of paginateListObjectsV2({ client: s3, pageSize: 1000 }, { Bucket: bucket, Prefix: prefix || undefined })) {
      for (const object of page.Contents ?? []) {
        if (object.Key === undefined || !object.Key.startsWith(prefix)) continue;
        // A "folder" marker of a console upload has no file of its own; it is neither compared nor deleted.
        if (object.Key.endsWith('/') && object.Size === 0) continue;
        objects.push({ key: object.Key, etag: object.ETag, size: object.Size });
      }
    }
  } catch (error) {
    throw awsFailure(`ListObjectsV2 s3://${bucket}/${prefix}`, error);
  }
  return objects;
}

export interface ObjectHeaders {
  readonly contentType: string;
  readonly cacheControl: string;
}

/**
 * Uploads one file as the ETag rule of content-etag.ts expects: one PutObject (with Content-MD5, so S3 refuses a
 * file that changed since it was hashed) up to `partSize`, a multipart upload in parts of exactly `partSize` above.
 */
export async function uploadFile(s3: S3Client, bucket: string, prefix: string, file: PlannedUpload, headers: ObjectHeaders, partSize: number): Promise<void> {
  const key = assertOwnedKey(prefix, file.key);
  const common = { Bucket: bucket, Key: key, ContentType: headers.contentType, CacheControl: headers.cacheControl };
  try {
    if (!usesMultipart(file.size, partSize)) {
      const body = await readFile(file.path);
      await s3.send(new PutObjectCommand({ ...common, Body: body, ContentLength: body.length, ContentMD5: Buffer.from(file.etag, 'hex').toString('base64') }));
      return;
    }
    const upload = new Upload({ client: s3, partSize, queueSize: 4, leavePartsOnError: false, params: { ...common, Body: createReadStream(file.path), ContentLength: file.size } });
    await upload.done();
  } catch (error) {
    throw awsFailure(`uploading ${file.relativePath} to s3://${bucket}/${key}`, error);
  }
}

/** Deletes keys in batches of 1,000 (DeleteObjects' limit); any key it could not delete fails the stage. */
export async function deleteObjects(s3: S3Client, bucket: string, prefix: string, keys: readonly string[]): Promise<void> {
  for (let start = 0; start < keys.length; start += 1000) {
    const batch = keys.slice(start, start + 1000).map((key) => ({ Key: assertOwnedKey(prefix, key) }));
    let result;
    try {
      result = await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: batch, Quiet: true } }));
    } catch (error) {
      throw awsFailure(`DeleteObjects in s3://${bucket}/${prefix}`, error);
    }
    const failed = result.Errors ?? [];
    if (failed.length > 0) {
      throw new GantryError(`could not delete ${failed.length} objects from s3://${bucket}: ${failed.slice(0, 3).map((e) => `${e.Key} (${e.Code})`).join(', ')}`, {
        remedy: 'the role needs s3:DeleteObject on the bucket.',
      });
    }
  }
}

/** Runs `task` over `items` with at most `limit` at a time; the first failure stops new tasks and is thrown. */
export async function forEachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: unknown;
  const worker = async () => {
    while (failure === undefined && next < items.length) {
      const item = items[next++]!;
      try {
        await task(item);
      } catch (error) {
        failure ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure !== undefined) throw failure;
}
