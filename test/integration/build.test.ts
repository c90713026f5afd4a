import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP, buildExampleBinary, outputsOf, scratchDir } from './image-path-support.js';
import { runCli } from './support.js';

beforeAll(async () => {
  await buildExampleBinary();
}, 300_000);

describe('build stage (buildah)', () => {
  it.each([
    [['--tags', 'Release-1'], "input 'tags': tag 'Release-1' contains uppercase letters"],
    [['--tags', 'release 1'], "input 'tags': tag 'release 1' contains a space"],
    [['--image', 'Shop/API'], "input 'image': must be an image name"],
    [['--dockerfile', 'Missing.Dockerfile'], "input 'dockerfile':"],
  ])('refuses %o before building anything', { timeout: 60_000 }, async (args, message) => {
    const dir = await scratchDir();
    const archive = join(dir, 'never.tar');
    const run = await runCli(['run', 'build', '--context', APP, '--image', 'gantry/it/refused', '--oci-archive', archive, ...args]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(/buildah build/);
    expect(existsSync(archive)).toBe(false);
  });

  it("fails with buildah's reason when the Dockerfile copies a file that is not there", { timeout: 60_000 }, async () => {
    const dir = await scratchDir();
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(dir, 'Dockerfile'), 'FROM scratch\nCOPY not-there /x\n');
    const run = await runCli(['run', 'build', '--context', dir, '--image', 'gantry/it/broken', '--tags', 'x', '--oci-archive', join(dir, 'x.tar')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/build failed: buildah build failed \(exit \d+\):[\s\S]*not-there/);
    expect(existsSync(join(dir, 'x.tar'))).toBe(false);
  });

  it('derives a semver tag from a v* git tag on HEAD and the source label from the remote', { timeout: 120_000 }, async () => {
    const dir = await scratchDir();
    const { execFileSync } = await import('node:child_process');
    const { cp } = await import('node:fs/promises');
    // A throwaway git repository holding the app, tagged v2.3.4-RC.1.
    const context = join(dir, 'app');
    await cp(APP, context, { recursive: true });
        const git = (...args: string[]) => execFileSync('git', ['-C', context, '-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { encoding: 'utf8' });
    git('init', '-q');
    git('remote', 'add', 'origin', 'git@github.com:example/app.git');
    git('add', '.');
    git('commit', '-qm', 'app');
    git('tag', 'v2.3.4-RC.1');
    const sha = git('rev-parse', 'HEAD').trim();
    const run = await runCli(['run', 'build', '--context', context, '--image', 'gantry/it/semver', '--oci-archive', join(dir, 's.tar')]);
    const out = outputsOf(run);
    expect(out.tags).toBe(`sha-${sha.slice(0, 7)},2.3.4-rc.1`);
    expect(out.version).toBe('2.3.4-rc.1');
    expect(run.stderr).toContain('--label org.opencontainers.image.source=https://github.com/example/app');
    expect(run.stderr).toContain('--label org.opencontainers.image.version=2.3.4-rc.1');
  });

  it('builds the same digest from the same commit, stamped with the commit time; source-date-epoch sets another', { timeout: 180_000 }, async () => {
    const dir = await scratchDir();
    const { execFileSync } = await import('node:child_process');
    const { cp } = await import('node:fs/promises');
    const context = join(dir, 'app');
    await cp(APP, context, { recursive: true });
    const git = (...args: string[]) => execFileSync('git', ['-C', context, '-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { encoding: 'utf8' });
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'app', '--date', '2026-01-02T03:04:05Z');
    const committed = Number(git('log', '-1', '--format=%ct').trim());
    const build = (name: string, ...extra: string[]) =>
      runCli(['run', 'build', '--context', context, '--image', 'gantry/it/repro', '--tags', name, '--oci-archive', join(dir, `${name}.tar`), ...extra]);

    const first = await build('one');
    const second = await build('two');
    // A re-run of the pipeline for this commit: nothing new to push.
    expect(outputsOf(second).digest).toBe(outputsOf(first).digest);
    expect(first.stderr).toContain(`--timestamp ${committed}`);
    expect(first.stderr).toContain(`--label org.opencontainers.image.created=${new Date(committed * 1000).toISOString()}`);
    const other = await build('three', '--source-date-epoch', String(committed + 60));
    expect(outputsOf(other).digest).not.toBe(outputsOf(first).digest);
  });
});
