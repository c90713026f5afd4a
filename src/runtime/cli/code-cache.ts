import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

/**
 * What became of V8's code cache for a bundle: `hit`, compiled from the cache; `miss`, no cache yet; `rejected`,
 * V8 refused the cache (another Node version or V8 flags); `off`, no cache directory.
 */
export type CodeCacheState = 'hit' | 'miss' | 'rejected' | 'off';

/** A CommonJS bundle, evaluated. */
export interface LoadedBundle<T> {
  readonly exports: T;
  readonly cache: CodeCacheState;
  /**
   * Writes the code cache after a miss or a rejection. Called once the bundle's work is done, so that the cache also
   * holds the functions V8 compiled lazily while it ran (most of them), not only the top level. Never throws: the
   * cache only saves time, so a cache that cannot be written (a read-only home) is left unwritten.
   */
  saveCache(): void;
}

/**
 * The directory of Gantry's code caches: `$XDG_CACHE_HOME/gantry/v8`, by default under ~/.cache. Private to the user
 * (the cache is compiled code that the process runs). `NODE_DISABLE_COMPILE_CACHE=1`, the variable that turns off
 * Node's own compile cache, turns it off.
 */
export function codeCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'gantry', 'v8');
}

/**
 * Evaluates a CommonJS bundle as Node's loader would, compiling it with V8's code cache from `cacheDir`. A stage's
 * bundle is a megabyte of JavaScript that V8 would otherwise parse at every start, and a pipeline starts one process
 * per stage: from the cache, a stage reaches its first request about 70 ms sooner (docs/benchmarks.md). Node 22 has
 * module.enableCompileCache() for this; Node 20 has only the V8 API. The cache file is named by the source's hash and
 * the Node version, as V8 itself checks only the source's length.
 */
export function loadCodeCached<T>(file: string, cacheDir: string | undefined): LoadedBundle<T> {
  const source = readFileSync(file, 'utf8');
  const cacheFile = cacheDir && join(cacheDir, `${basename(file)}-${cacheKey(source)}.v8`);
  const cachedData = cacheFile ? readIfPresent(cacheFile) : undefined;
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  const cache: CodeCacheState = !cacheFile ? 'off' : !cachedData ? 'miss' : script.cachedDataRejected ? 'rejected' : 'hit';

  const module = { exports: {} as T };
  (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, createRequire(file), module, file, dirname(file));

  return {
    exports: module.exports,
    cache,
    saveCache() {
      if (!cacheDir || !cacheFile || cache === 'hit' || cache === 'off') return;
      try {
        mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
        // Written whole, then renamed: a process starting meanwhile reads the old cache or the new one, never half.
        const partial = `${cacheFile}.${process.pid}.partial`;
        writeFileSync(partial, script.createCachedData(), { mode: 0o600 });
        renameSync(partial, cacheFile);
        removeOldCaches(cacheDir, basename(file));
      } catch {
        // Unwritable: the next start compiles from source, as this one did.
      }
    },
  };
}

/**
 * Caches of other builds of a bundle (an upgrade, another Node version) pile up; the newest few are kept, as one
 * machine may well run two versions of Gantry in turn (two projects on one Jenkins agent).
 */
const CACHES_KEPT_PER_BUNDLE = 4;

function removeOldCaches(cacheDir: string, bundle: string): void {
  const caches = readdirSync(cacheDir)
    .filter((entry) => entry.startsWith(`${bundle}-`) && entry.endsWith('.v8'))
    .map((entry) => ({ path: join(cacheDir, entry), written: statSync(join(cacheDir, entry)).mtimeMs }))
    .sort((a, b) => b.written - a.written);
  for (const { path } of caches.slice(CACHES_KEPT_PER_BUNDLE)) rmSync(path, { force: true });
}

function cacheKey(source: string): string {
  return createHash('sha256').update(process.version).update('\0').update(process.arch).update('\0').update(source).digest('hex').slice(0, 32);
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}
