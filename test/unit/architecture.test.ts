import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The runner-agnostic core: these directories must run on any runner, so they never load the Actions toolkit. */
const CORE = ['src/model', 'src/stages', 'src/aws', 'src/static'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Module specifiers a file loads: static and type imports, re-exports, dynamic import() and require(). */
export function importedModules(source: string): string[] {
  const patterns = [/\bfrom\s+['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]/g, /\brequire\s*\(\s*['"]([^'"]+)['"]/g, /^\s*import\s+['"]([^'"]+)['"]/gm];
  return patterns.flatMap((pattern) => [...source.matchAll(pattern)].map((m) => m[1]!));
}

describe('core boundary', () => {
  it('finds every kind of import, so the check below can fail', () => {
    const sample = [
      "import * as core from '@actions/core';",
      "import type { X } from \"@actions/github\";",
      "export { y } from '@actions/exec';",
      "const z = await import('@actions/io');",
      "const w = require('@actions/cache');",
      "import '@actions/tool-cache';",
    ].join('\n');
    expect(importedModules(sample)).toEqual(
      expect.arrayContaining(['@actions/core', '@actions/github', '@actions/exec', '@actions/io', '@actions/cache', '@actions/tool-cache']),
    );
  });

  it.each(CORE)('%s never imports @actions/*', (dir) => {
    const files = sourceFiles(dir);
    expect(files.length).toBeGreaterThan(0);
    const offenders = files.filter((file) => importedModules(readFileSync(file, 'utf8')).some((m) => m.startsWith('@actions/')));
    expect(offenders).toEqual([]);
  });
});

describe('the runner contract belongs to the core', () => {
  it('src/model imports nothing from src/runtime: the adapters implement the core\'s Runtime, not the other way round', () => {
    const offenders = sourceFiles('src/model').filter((file) => importedModules(readFileSync(file, 'utf8')).some((m) => /(^|\/)runtime\//.test(m)));
    expect(sourceFiles('src/model')).toContain(join('src/model', 'runtime.ts'));
    expect(offenders).toEqual([]);
  });
});
