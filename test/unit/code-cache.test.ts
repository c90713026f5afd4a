import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { codeCacheDir, loadCodeCached } from '../../src/runtime/cli/code-cache.js';

// A CommonJS bundle in miniature: module.exports, a built-in required lazily, functions V8 compiles when first called.
const BUNDLE = `
module.exports = { square: (n) => n * n, builtin: () => Promise.resolve().then(() => require('node:os').platform()) };
`;

function scratch(source = BUNDLE): { file: string; cacheDir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'gantry-code-cache-'));
  const file = join(dir, 'stage.cjs');
  writeFileSync(file, source);
  return { file, cacheDir: join(dir, 'cache', 'gantry', 'v8') };
}

interface Load {
  readonly cache: string;
  readonly square: number;
  readonly builtin: string;
}

const LOADER = fileURLToPath(new URL('../../src/runtime/cli/code-cache.ts', import.meta.url));

/**
 * Loads the bundle in a process of its own, as `gantry run` does, and saves the cache: V8 also keeps compiled
 * scripts in memory, so a second load in one process would never read the cache.
 */
function load(file: string, cacheDir: string | undefined): Load {
  const driver = `
    const { loadCodeCached } = await import(${JSON.stringify(LOADER)});
    const bundle = loadCodeCached(${JSON.stringify(file)}, ${JSON.stringify(cacheDir)});
    const load = { cache: bundle.cache, square: bundle.exports.square(7), builtin: await bundle.exports.builtin() };
    bundle.saveCache();
    console.log(JSON.stringify(load));`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', driver], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as Load;
}

describe('loadCodeCached', () => {
  it('compiles from source the first time, writes a private cache, and compiles from the cache after', () => {
    const { file, cacheDir } = scratch();
    expect(load(file, cacheDir)).toEqual({ cache: 'miss', square: 49, builtin: process.platform });

    const [entry, ...others] = readdirSync(cacheDir);
    expect(others).toEqual([]);
    expect(entry).toMatch(/^stage\.cjs-[0-9a-f]{32}\.v8$/);
    expect(statSync(cacheDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(cacheDir, entry!)).mode & 0o777).toBe(0o600);
    const written = statSync(join(cacheDir, entry!)).mtimeMs;

    // From the cache, the bundle runs as before, built-in required lazily included; the cache is not written again.
    expect(load(file, cacheDir)).toEqual({ cache: 'hit', square: 49, builtin: process.platform });
    expect(statSync(join(cacheDir, entry!)).mtimeMs).toBe(written);
  });

  it('takes a changed bundle for a new one, and keeps the caches of the four newest builds', () => {
    const { file, cacheDir } = scratch();
    const written: string[] = [];
    // Five builds of the bundle, each run once: the same length, other code. V8 alone would take the first build's
    // cache for all of them, as it checks only the source's length.
    for (const [build, operator] of ['*', '+', '-', '%', '/'].entries()) {
      writeFileSync(file, BUNDLE.replace('n * n', `n ${operator} n`));
      expect(load(file, cacheDir)).toMatchObject({ cache: 'miss', square: [49, 14, 0, 0, 1][build] });
      const entry = readdirSync(cacheDir).find((name) => !written.includes(name))!;
      written.push(entry);
      // Written a minute apart, so that their order does not rest on the file system's clock resolution.
      utimesSync(join(cacheDir, entry), new Date(Date.now() - (5 - build) * 60_000), new Date(Date.now() - (5 - build) * 60_000));
    }
    expect(readdirSync(cacheDir).sort()).toEqual(written.slice(1).sort());
    expect(load(file, cacheDir)).toMatchObject({ cache: 'hit', square: 1 });
    // A build run again after an upgrade (two versions in turn on one machine) still has its cache.
    writeFileSync(file, BUNDLE.replace('n * n', 'n + n'));
    expect(load(file, cacheDir)).toMatchObject({ cache: 'hit', square: 14 });
  });

  it('compiles from source when V8 refuses the cache, and writes it anew', () => {
    const { file, cacheDir } = scratch();
    load(file, cacheDir);
    const cacheFile = join(cacheDir, readdirSync(cacheDir)[0]!);
    writeFileSync(cacheFile, Buffer.alloc(statSync(cacheFile).size, 7));
    expect(load(file, cacheDir)).toEqual({ cache: 'rejected', square: 49, builtin: process.platform });
    expect(readFileSync(cacheFile).every((byte) => byte === 7)).toBe(false);
    expect(load(file, cacheDir).cache).toBe('hit');
  });

  it('runs without a cache directory, and when the cache cannot be written', () => {
    const { file, cacheDir } = scratch();
    expect(load(file, undefined)).toEqual({ cache: 'off', square: 49, builtin: process.platform });
    expect(existsSync(cacheDir)).toBe(false);

    // A file where the directory would go: the cache stays unwritten, and the stage is not the worse for it.
    writeFileSync(join(cacheDir, '..', '..', '..', 'cache'), 'not a directory');
    expect(load(file, cacheDir)).toEqual({ cache: 'miss', square: 49, builtin: process.platform });
    expect(load(file, cacheDir).cache).toBe('miss');
  });

  it('gives errors thrown while evaluating the bundle to the caller, with the bundle in the stack', () => {
    const { file, cacheDir } = scratch("'use strict';\nthrow new Error('bad bundle');\n");
    let thrown: Error | undefined;
    try {
      loadCodeCached(file, cacheDir);
    } catch (error) {
      thrown = error as Error;
    }
    expect(thrown?.message).toBe('bad bundle');
    expect(thrown?.stack).toContain(`${file}:2`);
  });
});

describe('codeCacheDir', () => {
  it('is under XDG_CACHE_HOME, else ~/.cache, and off with NODE_DISABLE_COMPILE_CACHE', () => {
    expect(codeCacheDir({ XDG_CACHE_HOME: '/var/cache/ci' })).toBe('/var/cache/ci/gantry/v8');
    expect(codeCacheDir({})).toBe(join(homedir(), '.cache', 'gantry', 'v8'));
    expect(codeCacheDir({ XDG_CACHE_HOME: '/var/cache/ci', NODE_DISABLE_COMPILE_CACHE: '1' })).toBeUndefined();
  });
});
