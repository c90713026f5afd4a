import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bareEtag, localEtag, usesMultipart } from '../../src/static/content-etag.js';

const dir = mkdtempSync(join(tmpdir(), 'gantry-etag-'));
function file(bytes: Buffer): string {
  const path = join(dir, `${createHash('sha1').update(bytes).digest('hex')}.bin`);
  writeFileSync(path, bytes);
  return path;
}

/** The multipart ETag by another road: the whole file in memory, sliced into parts, each hashed on its own. */
function multipartEtagInMemory(bytes: Buffer, partSize: number): string {
  const digests: Buffer[] = [];
  for (let offset = 0; offset < bytes.length; offset += partSize) digests.push(createHash('md5').update(bytes.subarray(offset, offset + partSize)).digest());
  return `${createHash('md5').update(Buffer.concat(digests)).digest('hex')}-${digests.length}`;
}

describe('local ETags', () => {
  const partSize = 5 * 1024 * 1024;

  it('is the plain MD5 of a file that fits in one part, up to exactly the part size', async () => {
    for (const size of [0, 1, 1000, partSize]) {
      const bytes = randomBytes(size);
      expect(await localEtag(file(bytes), size, partSize)).toBe(createHash('md5').update(bytes).digest('hex'));
    }
    expect(usesMultipart(partSize, partSize)).toBe(false);
    expect(usesMultipart(partSize + 1, partSize)).toBe(true);
  });

  it.each([partSize + 1, 2 * partSize, 2 * partSize + 7, 3 * partSize + 1_234_567])('is the MD5 of the part MD5s and the part count for %i bytes', async (size) => {
    const bytes = randomBytes(size);
    const etag = await localEtag(file(bytes), size, partSize);
    expect(etag).toBe(multipartEtagInMemory(bytes, partSize));
    expect(etag).toMatch(new RegExp(`^[0-9a-f]{32}-${Math.ceil(size / partSize)}$`));
  });

  it('matches a known value: 10 MiB + 1 of zeros in 5 MiB parts', async () => {
    // Three parts: two of 5 MiB of zeros (MD5 5f363e0e58a95f06cbe9bbc662c5dfb6) and one zero byte (93b885adfe0da089cdf634904fd59f71).
    const bytes = Buffer.alloc(2 * partSize + 1);
    const expected = createHash('md5')
      .update(Buffer.from('5f363e0e58a95f06cbe9bbc662c5dfb6' + '5f363e0e58a95f06cbe9bbc662c5dfb6' + '93b885adfe0da089cdf634904fd59f71', 'hex'))
      .digest('hex');
    expect(await localEtag(file(bytes), bytes.length, partSize)).toBe(`${expected}-3`);
  });

  it('compares S3 ETags without quotes, weakness marks or case', () => {
    expect(bareEtag('"ABC123-2"')).toBe('abc123-2');
    expect(bareEtag('W/"abc"')).toBe('abc');
    expect(bareEtag(undefined)).toBeUndefined();
  });
});
