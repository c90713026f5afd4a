import { open, type FileHandle } from 'node:fs/promises';

/** Where one regular file lives inside a tar archive: its bytes are `size` bytes from `offset`. */
export interface TarEntry {
  readonly name: string;
  readonly offset: number;
  readonly size: number;
}

const BLOCK = 512;

/**
 * Lists the regular files of a tar archive by reading its headers only, so that a multi-gigabyte image archive is
 * indexed without being extracted or read whole. Understands ustar names (prefix + name), pax `path`/`size`
 * records and GNU long names, which is what buildah, docker and skopeo write.
 */
export async function indexTar(path: string): Promise<Map<string, TarEntry>> {
  const file = await open(path, 'r');
  try {
    const entries = new Map<string, TarEntry>();
    const { size: total } = await file.stat();
    let position = 0;
    let pending: { path?: string; size?: number } = {};
    while (position + BLOCK <= total) {
      const header = await readAt(file, position, BLOCK);
      if (header.every((byte) => byte === 0)) break;
      checkHeader(header, position, path);
      const size = pending.size ?? headerSize(header);
      const type = String.fromCharCode(header[156]!);
      const dataOffset = position + BLOCK;
      position = dataOffset + Math.ceil(size / BLOCK) * BLOCK;
      if (type === 'x') {
        pending = { ...pending, ...parsePax(await readAt(file, dataOffset, size)) };
        continue;
      }
      if (type === 'L') {
        pending = { ...pending, path: cString(await readAt(file, dataOffset, size), 0, size) };
        continue;
      }
      if (type === 'g') continue;
      const name = normalise(pending.path ?? ustarName(header));
      pending = {};
      if (type === '0' || type === '\0' || type === '7') entries.set(name, { name, offset: dataOffset, size });
    }
    return entries;
  } finally {
    await file.close();
  }
}

/** Reads `length` bytes of the archive from `offset`; blobs are read this way, one at a time. */
export async function readRange(path: string, offset: number, length: number): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    return await readAt(file, offset, length);
  } finally {
    await file.close();
  }
}

async function readAt(file: FileHandle, offset: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let read = 0;
  while (read < length) {
    const { bytesRead } = await file.read(buffer, read, length - read, offset + read);
    if (bytesRead === 0) throw new Error(`unexpected end of tar archive at byte ${offset + read}`);
    read += bytesRead;
  }
  return buffer;
}

function checkHeader(header: Buffer, position: number, path: string) {
  const stored = parseOctal(header, 148, 8);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : header[i]!;
  if (stored !== sum) throw new Error(`${path} is not a tar archive (bad header checksum at byte ${position})`);
}

function headerSize(header: Buffer): number {
  // Sizes past 8 GiB use GNU base-256: high bit set, big-endian binary in the remaining bytes.
  if (header[124]! & 0x80) {
    let n = 0;
    for (let i = 125; i < 136; i++) n = n * 256 + header[i]!;
    return n;
  }
  return parseOctal(header, 124, 12);
}

function parseOctal(buffer: Buffer, start: number, length: number): number {
  const text = cString(buffer, start, length).trim();
  return text === '' ? 0 : parseInt(text, 8);
}

function cString(buffer: Buffer, start: number, length: number): string {
  const end = buffer.indexOf(0, start);
  return buffer.toString('utf8', start, end === -1 || end > start + length ? start + length : end);
}

function ustarName(header: Buffer): string {
  const name = cString(header, 0, 100);
  const magic = header.toString('latin1', 257, 262);
  const prefix = magic === 'ustar' ? cString(header, 345, 155) : '';
  return prefix ? `${prefix}/${name}` : name;
}

/** Pax records: `<length> <key>=<value>\n`, repeated. */
function parsePax(data: Buffer): { path?: string; size?: number } {
  const out: { path?: string; size?: number } = {};
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(0x20, at);
    if (space === -1) break;
    const length = parseInt(data.toString('utf8', at, space), 10);
    if (!Number.isFinite(length) || length <= 0) break;
    const record = data.toString('utf8', space + 1, at + length - 1);
    const eq = record.indexOf('=');
    const key = record.slice(0, eq);
    const value = record.slice(eq + 1);
    if (key === 'path') out.path = value;
    if (key === 'size') out.size = Number(value);
    at += length;
  }
  return out;
}

function normalise(name: string): string {
  return name.replace(/^\.\//, '').replace(/^\/+/, '');
}
