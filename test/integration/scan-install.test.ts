import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, runCli, runNode, stackEnv } from './support.js';

/**
 * The fallback when no Trivy 0.74.0 is on PATH: the stage builds one with `go install` (modules from the Go module
 * proxy, verified against its checksum database) into the tool cache, and reuses it on the next run. With the Go
 * build cache warm (scripts/install-peers.sh built the same module with the same flags) this takes under a minute;
 * cold, several.
 */
const BUILD_TIMEOUT = 20 * 60_000;
const scratchDirs: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'gantry-scan-install-'));
  scratchDirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
});

describe('Trivy install fallback', () => {
  it('replaces an old trivy on PATH by one built into the tool cache, then reuses it', { timeout: BUILD_TIMEOUT }, async () => {
    const go = execFileSync('sh', ['-c', 'command -v go'], { encoding: 'utf8' }).trim();
    const work = scratch();
    // An outdated trivy first on PATH: a script answering like Trivy 0.50.0 would (a version the real peer is not).
    const oldBin = join(work, 'old-bin');
    mkdirSync(oldBin);
    writeFileSync(join(oldBin, 'trivy'), '#!/bin/sh\necho "Version: 0.50.0"\n');
    chmodSync(join(oldBin, 'trivy'), 0o755);
    const env = { PATH: [oldBin, dirname(go), '/usr/bin', '/bin'].join(':') };
    const args = ['run', 'scan', '--scan-type', 'config', '--target', resolve('test/fixtures/scan/clean'), '--offline', 'true'];
    const flags = ['--tool-cache', join(work, 'tools'), '--cache-dir', join(work, 'trivy-cache'), '--output-dir', join(work, 'reports')];

    const first = await runNode(CLI, [...args, ...flags], stackEnv(env), BUILD_TIMEOUT);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain(`warning: ${join(oldBin, 'trivy')} is Trivy 0.50.0, not the pinned 0.74.0; using the tool cache instead`);
    expect(first.stderr).toContain('▶ Installing Trivy 0.74.0 with go install');
    expect(first.stderr).toContain(`Trivy 0.74.0 (installed: ${join(work, 'tools', 'trivy', '0.74.0', 'trivy')})`);
    expect(first.stdout).toContain('gate=passed');
    expect(execFileSync(join(work, 'tools', 'trivy', '0.74.0', 'trivy'), ['--version'], { encoding: 'utf8' })).toMatch(/^Version: 0\.74\.0$/m);
    // No scratch build directory is left behind.
    expect(existsSync(join(work, 'tools', 'trivy', '0.74.0'))).toBe(true);
    expect(execFileSync('ls', ['-A', join(work, 'tools', 'trivy', '0.74.0')], { encoding: 'utf8' }).trim()).toBe('trivy');

    const second = await runNode(CLI, [...args, ...flags], stackEnv(env), 120_000);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toContain(`Trivy 0.74.0 (tool cache: ${join(work, 'tools', 'trivy', '0.74.0', 'trivy')})`);
    expect(second.stderr).not.toContain('Installing Trivy');
  });

  it('without Go and without Trivy, says how to provide one', async () => {
    const work = scratch();
    const run = await runCli(
      ['run', 'scan', '--scan-type', 'config', '--target', resolve('test/fixtures/scan/clean'), '--offline', 'true', '--tool-cache', join(work, 'tools')],
      { PATH: '/usr/bin:/bin' },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Trivy 0.74.0 is not installed and there is no Go toolchain to build it');
    expect(run.stderr).toMatch(/Remedy: put trivy 0\.74\.0 on PATH or pass trivy-path, or install Go/);
  });
});
