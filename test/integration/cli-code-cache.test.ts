import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support.js';

// `gantry run <stage>` compiles its stage's bundle with V8's code cache (src/runtime/cli/code-cache.ts). A stage run
// from the cache must behave as one compiled from source: auth's requests to the emulator go through the SDK's HTTP
// handler, which loads node:http lazily, the import() the stage bundles rewrite for the cache.
describe('gantry run with the code cache', () => {
  const cacheHome = mkdtempSync(join(tmpdir(), 'gantry-xdg-cache-'));
  const cacheDir = join(cacheHome, 'gantry', 'v8');
  const auth = (env: NodeJS.ProcessEnv = {}) => runCli(['run', 'auth'], { XDG_CACHE_HOME: cacheHome, ...env });
  const cacheFile = () => {
    const entries = readdirSync(cacheDir).filter((entry) => entry.startsWith('auth.cjs-'));
    expect(entries).toHaveLength(1);
    return join(cacheDir, entries[0]!);
  };

  it('writes the cache on the first run and runs from it after, with the same outcome', async () => {
    const first = await auth();
    expect(first.code, first.stderr).toBe(0);
    const written = statSync(cacheFile()).mtimeMs;

    const again = await auth();
    expect(again.code, again.stderr).toBe(0);
    // The same outputs, but for the session's name and expiry, which each run gets anew.
    const stable = (stdout: string) => stdout.replace(/gantry-local-\d+/g, 'SESSION').replace(/^aws-expiration=.*$/m, 'aws-expiration=');
    expect(stable(again.stdout)).toBe(stable(first.stdout));
    expect(again.stdout).toContain('aws-identity-arn=arn:aws:sts::123456789012:assumed-role/gantry-deploy/');
    // Taken from the cache, not written again.
    expect(statSync(cacheFile()).mtimeMs).toBe(written);
  });

  it('runs from source when the cache is damaged, and writes it anew', async () => {
    if (!existsSync(cacheDir)) expect((await auth()).code).toBe(0);
    const file = cacheFile();
    writeFileSync(file, Buffer.alloc(4096, 1));
    const run = await auth();
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('aws-account-id=123456789012');
    expect(statSync(cacheFile()).size).toBeGreaterThan(4096);
  });

  it('writes the cache only after a run that did the stage work, not after --help or a refused input', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'gantry-xdg-cache-'));
    const help = await runCli(['run', 'auth', '--help'], { XDG_CACHE_HOME: elsewhere });
    expect(help.code).toBe(0);
    const refused = await auth({ XDG_CACHE_HOME: elsewhere, GANTRY_ROLE_ARN: 'not-an-arn' });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('role-arn');
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('writes no cache with NODE_DISABLE_COMPILE_CACHE set', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'gantry-xdg-cache-'));
    const run = await auth({ XDG_CACHE_HOME: elsewhere, NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(elsewhere)).toEqual([]);
  });
});
