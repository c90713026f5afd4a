import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { GantryError } from '../model/errors.js';
import { indexTar, type TarEntry } from '../oci/tar.js';

/**
 * Trivy 0.74's `image --input` opens a Docker archive (a tar with manifest.json) or an OCI layout *directory*, but
 * not an OCI archive, the tar that `buildah push oci-archive:` and the build stage write. Such a tar is unpacked
 * to a scratch layout directory first; only the layout's own files are taken from it.
 */

/** Names an OCI image layout consists of; nothing else is unpacked, and none of these can leave the directory. */
const LAYOUT_FILE = /^(oci-layout|index\.json|blobs\/[a-z0-9]+\/[a-f0-9]{32,128})$/;

async function entriesOf(path: string): Promise<Map<string, TarEntry> | undefined> {
  try {
    return await indexTar(path);
  } catch {
    return undefined;
  }
}

/** An OCI archive: a tar holding an OCI layout (oci-layout, index.json) and no Docker manifest.json. */
export async function isOciArchive(path: string): Promise<boolean> {
  const entries = await entriesOf(path);
  return entries !== undefined && entries.has('oci-layout') && entries.has('index.json') && !entries.has('manifest.json');
}

/** Unpacks an OCI archive into a new scratch directory and returns it; the caller removes it. */
export async function unpackOciArchive(path: string): Promise<string> {
  const entries = await entriesOf(path);
  if (!entries) throw new GantryError(`${path} is not a tar archive`);
  const dir = await mkdtemp(join(tmpdir(), 'gantry-oci-'));
  try {
    for (const entry of entries.values()) {
      if (!LAYOUT_FILE.test(entry.name)) continue;
      const out = join(dir, entry.name);
      await mkdir(dirname(out), { recursive: true });
      if (entry.size === 0) await writeFile(out, '');
      else await pipeline(createReadStream(path, { start: entry.offset, end: entry.offset + entry.size - 1 }), createWriteStream(out));
    }
    return dir;
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw new GantryError(`cannot unpack the OCI archive ${path}: ${(error as Error).message}`, { cause: error });
  }
}
