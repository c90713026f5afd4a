import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/**
 * A file the package ships (scripts/, tools/, package.json), found from wherever this code was loaded: src/ under
 * the tests, lib/ for the library, lib/bin/ for the bundled CLI. The package root is the nearest directory above
 * that holds a package.json.
 */
export function packageFile(relative: string): string {
  if (!root) {
    let dir = dirname(fileURLToPath(import.meta.url));
    while (!existsSync(join(dir, 'package.json'))) {
      const parent = dirname(dir);
      if (parent === dir) throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}`);
      dir = parent;
    }
    root = dir;
  }
  return join(root, relative);
}
