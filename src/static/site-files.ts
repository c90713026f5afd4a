import { opendir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** One file of the built site: where it is on disk and its path relative to the source directory, `/`-separated. */
export interface SiteFile {
  readonly path: string;
  readonly relativePath: string;
  readonly size: number;
}

/**
 * Every regular file under `root`, sorted by relative path. Symbolic links are followed (a build may link shared
 * assets in); directories that link back into the tree are not, so a loop cannot make the walk endless.
 */
export async function listSiteFiles(root: string): Promise<SiteFile[]> {
  const files: SiteFile[] = [];
  const visited = new Set<string>();
  async function walk(dir: string): Promise<void> {
    const directory = await stat(dir);
    const identity = `${directory.dev}:${directory.ino}`;
    if (visited.has(identity)) return;
    visited.add(identity);
    for await (const entry of await opendir(dir)) {
      const path = join(dir, entry.name);
      const info = await stat(path).catch(() => undefined); // stat follows links; a dangling one has nothing to publish
      if (info?.isDirectory()) await walk(path);
      else if (info?.isFile()) files.push({ path, relativePath: relative(root, path).split(sep).join('/'), size: info.size });
    }
  }
  await walk(root);
  return files.sort((a, b) => (a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0));
}
