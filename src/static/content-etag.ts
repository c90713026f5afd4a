import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';

/**
 * The ETag S3 gives an object uploaded the way the transfer module uploads it, computed from the local file, so a
 * file is compared by content and never by modification time:
 * - up to `partSize` bytes, one PutObject: the MD5 of the content;
 * - larger, a multipart upload in parts of `partSize` (the last one shorter): the MD5 of the concatenated binary
 *   MD5s of the parts, then `-<number of parts>`.
 * The same rule decides single or multipart in `transfer.ts` (`usesMultipart`), so both sides agree by construction.
 */
export async function localEtag(path: string, size: number, partSize: number): Promise<string> {
  // One read for a file that fits in a part (most of a site): far cheaper than a stream per small file.
  if (!usesMultipart(size, partSize)) return createHash('md5').update(await readFile(path)).digest('hex');
  const partDigests: Buffer[] = [];
  let part = createHash('md5');
  let inPart = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) {
    let data = chunk as Buffer;
    while (data.length > 0) {
      const take = Math.min(partSize - inPart, data.length);
      part.update(data.subarray(0, take));
      inPart += take;
      data = data.subarray(take);
      if (inPart === partSize) {
        partDigests.push(part.digest());
        part = createHash('md5');
        inPart = 0;
      }
    }
  }
  if (inPart > 0) partDigests.push(part.digest());
  return `${createHash('md5').update(Buffer.concat(partDigests)).digest('hex')}-${partDigests.length}`;
}

/** Whether a file of `size` bytes goes up in parts: only when it does not fit in one part. */
export function usesMultipart(size: number, partSize: number): boolean {
  return size > partSize;
}

/** S3 quotes ETags (`"abc…"`); comparisons use the bare value, lower-cased. */
export function bareEtag(etag: string | undefined): string | undefined {
  return etag?.replace(/^W\//, '').replace(/"/g, '').toLowerCase();
}
