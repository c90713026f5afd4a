import { execFile } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workflowYaml } from '../../src/generate/github/render.js';
import { PINNED_ACTIONS } from '../../src/generate/github/workflow.js';
import { releaseWorkflow } from '../../workflows-src/release.js';

const exec = promisify(execFile);
const RELEASE_YML = '.github/workflows/release.yml';

interface ReleaseJob {
  if?: string;
  needs?: string[];
  permissions?: Record<string, string>;
  steps: { uses?: string; run?: string; env?: Record<string, string> }[];
}

describe('release.yml', () => {
  const workflow = parse(readFileSync(RELEASE_YML, 'utf8')) as { permissions: Record<string, string>; jobs: Record<string, ReleaseJob> };

  it('is generated from workflows-src/release.ts', () => {
    expect(readFileSync(RELEASE_YML, 'utf8')).toContain(workflowYaml(releaseWorkflow, PINNED_ACTIONS));
  });

  it('grants nothing at the top and id-token: write to the publishing job only', () => {
    expect(workflow.permissions).toEqual({});
    const signing = Object.entries(workflow.jobs).filter(([, job]) => job.permissions?.['id-token'] === 'write').map(([name]) => name);
    expect(signing).toEqual(['publish']);
    expect(workflow.jobs.publish!.steps.some((step) => step.run === 'npm publish --provenance --access public')).toBe(true);
  });

  it('publishes only after the same tests as CI, and tags only after the publish', () => {
    expect(workflow.jobs.test!.steps.map((step) => step.run)).toContain('sudo --preserve-env=CI,PATH bash .ci/run');
    expect(workflow.jobs.publish!.needs).toEqual(['plan', 'test']);
    expect(workflow.jobs['github-release']!.needs).toEqual(['plan', 'publish']);
    for (const name of ['test', 'publish', 'github-release']) expect(workflow.jobs[name]!.if).toBe("needs.plan.outputs.mode == 'release'");
    expect(workflow.jobs['version-pr']!.if).toBe("needs.plan.outputs.mode == 'version-pr'");
  });
});

/**
 * The workflow's own scripts on a copy of this checkout: the real `changeset version` and git against a bare origin;
 * GitHub's API has no local peer, so `gh` is a stand-in on PATH that records what it was asked.
 */
describe('a release, run locally by the workflow scripts', () => {
  const root = mkdtempSync(join(tmpdir(), 'gantry-release-'));
  const repo = join(root, 'repo');
  const origin = join(root, 'origin.git');
  const ghLog = join(root, 'gh.log');
  const notesCopy = join(root, 'release-notes.md');
  const env: NodeJS.ProcessEnv = {
    PATH: `${join(root, 'bin')}:${process.env.PATH}`,
    HOME: process.env.HOME,
    GIT_AUTHOR_NAME: 'Release Test',
    GIT_AUTHOR_EMAIL: 'release@example.invalid',
    GIT_COMMITTER_NAME: 'Release Test',
    GIT_COMMITTER_EMAIL: 'release@example.invalid',
    GH_TOKEN: 'not-a-real-token',
    GH_LOG: ghLog,
    NOTES_COPY: notesCopy,
  };
  const run = (command: string, args: string[], extra: NodeJS.ProcessEnv = {}) =>
    exec(command, args, { cwd: repo, env: { ...env, ...extra }, maxBuffer: 16 * 1024 * 1024, timeout: 240_000 });
  const git = (...args: string[]) => run('git', args).then(({ stdout }) => stdout.trim());
  const plan = async () => {
    const output = join(root, `plan-${Date.now()}.out`);
    const { stdout } = await run('node', ['scripts/release/plan.mjs'], { GITHUB_OUTPUT: output });
    return { line: stdout.trim(), outputs: Object.fromEntries(readFileSync(output, 'utf8').trim().split('\n').map((l) => l.split('=') as [string, string])) };
  };

  beforeAll(async () => {
    // The working tree as it stands (tracked and new files, not ignored ones), committed as main of a fresh repository.
    const { stdout } = await exec('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { maxBuffer: 16 * 1024 * 1024 });
    for (const file of stdout.split('\0').filter((f) => f && existsSync(f))) {
      mkdirSync(dirname(join(repo, file)), { recursive: true });
      copyFileSync(file, join(repo, file));
    }
    symlinkSync(resolve('node_modules'), join(repo, 'node_modules'));
    mkdirSync(join(root, 'bin'));
    writeFileSync(
      join(root, 'bin', 'gh'),
      [
        '#!/usr/bin/env bash',
        'printf "%s\\n" "$*" >>"$GH_LOG"',
        'case "$1 $2" in',
        '  "pr list") exit 0 ;;',
        '  "release view") exit 1 ;;',
        '  "release create") while (($#)); do [[ $1 == --notes-file ]] && cp "$2" "$NOTES_COPY"; shift; done ;;',
        'esac',
      ].join('\n'),
    );
    chmodSync(join(root, 'bin', 'gh'), 0o755);
    await exec('git', ['init', '--quiet', '--bare', origin]);
    await git('init', '--quiet', '--initial-branch=main');
    await git('add', '--all');
    await git('commit', '--quiet', '--message', 'the checkout under test');
    await git('remote', 'add', 'origin', origin);
    await git('push', '--quiet', 'origin', 'main');
  }, 120_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('opens a Version Packages pull request with the version and changelog changesets write', async () => {
    expect((await plan()).outputs).toEqual({ mode: 'version-pr', version: '0.0.0' });

    await run('bash', ['scripts/release/version-pr.sh']);

    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { version: string };
    expect(pkg.version).toBe('1.0.0');
    expect((JSON.parse(readFileSync(join(repo, 'package-lock.json'), 'utf8')) as { version: string }).version).toBe('1.0.0');
    expect(readFileSync(join(repo, 'jenkins/resources/dev/gantry/stages.json'), 'utf8')).toContain('"1.0.0"');
    expect(readFileSync(join(repo, 'CHANGELOG.md'), 'utf8')).toMatch(/^## 1\.0\.0\n\n### Major Changes\n/m);
    expect(existsSync(join(repo, '.changeset/first-release.md'))).toBe(false);
    expect(await git('status', '--porcelain')).toBe('');
    // The branch is on the origin, and the pull request was asked for with the version in its title.
    expect(await exec('git', ['--git-dir', origin, 'rev-parse', 'refs/heads/changeset-release/main']).then(({ stdout }) => stdout.trim())).toBe(await git('rev-parse', 'HEAD'));
    const gh = readFileSync(ghLog, 'utf8');
    expect(gh).toContain('pr list --head changeset-release/main --base main');
    expect(gh).toMatch(/^pr create --head changeset-release\/main --base main --title Version Packages: v1\.0\.0 --body Merging this releases v1\.0\.0/m);
  });

  it('once merged, releases: the tag, the moved major tag and the GitHub release with the changelog section', async () => {
    await git('switch', '--quiet', 'main');
    await git('merge', '--quiet', '--ff-only', 'changeset-release/main');
    await git('push', '--quiet', 'origin', 'main');
    expect((await plan()).outputs).toEqual({ mode: 'release', version: '1.0.0' });

    await run('bash', ['scripts/release/github-release.sh'], { GANTRY_VERSION: '1.0.0' });

    const head = await git('rev-parse', 'HEAD');
    const tagged = (tag: string) => exec('git', ['--git-dir', origin, 'rev-parse', `refs/tags/${tag}^{commit}`]).then(({ stdout }) => stdout.trim());
    expect(await tagged('v1.0.0')).toBe(head);
    expect(await tagged('v1')).toBe(head);
    expect(readFileSync(ghLog, 'utf8')).toMatch(/^release create v1\.0\.0 --verify-tag --title v1\.0\.0 --notes-file /m);
    expect(readFileSync(notesCopy, 'utf8')).toContain('First release of Gantry as the `gantry-ci` package');
    // The tagged commit serves `uses: …/actions/<stage>@v1`: every action with its bundle.
    const files = await exec('git', ['--git-dir', origin, 'ls-tree', '-r', '--name-only', 'v1', 'actions']).then(({ stdout }) => stdout.split('\n'));
    expect(files).toContain('actions/auth/dist/index.cjs');
    expect(files).toContain('actions/auth/action.yml');

    expect((await plan()).outputs).toEqual({ mode: 'none', version: '1.0.0' });
  });

  it('refuses to move a released tag to another commit, and a wrong version before anything changes', async () => {
    await git('commit', '--quiet', '--allow-empty', '--message', 'after the release');
    await expect(run('bash', ['scripts/release/github-release.sh'], { GANTRY_VERSION: '1.0.0' })).rejects.toMatchObject({ stderr: expect.stringContaining('v1.0.0 already points at') });
    await expect(run('bash', ['scripts/release/github-release.sh'], { GANTRY_VERSION: '1.0.1' })).rejects.toMatchObject({ stderr: expect.stringContaining('package.json is not at 1.0.1') });
    await expect(run('node', ['scripts/release/notes.mjs', '9.9.9'])).rejects.toMatchObject({ stderr: expect.stringContaining("CHANGELOG.md has no section '## 9.9.9'") });
  });
});
