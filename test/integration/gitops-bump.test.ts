import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stage } from '../../src/model/stage.js';
import { CliRuntime } from '../../src/runtime/cli/runtime.js';
import { runStage } from '../../src/runtime/run-stage.js';
import { gitopsBumpStage } from '../../src/stages/gitops-bump.js';
import { gitHttpServer } from './git-http-remote.js';
import { holdFirstPush, runCli, runNode, stackEnv, readCommandFile } from './support.js';
import { fakeGitHub } from '../fixtures/gitops/github.js';
import { seedBareRepo } from '../fixtures/gitops/git-http.js';

const exec = promisify(execFile);
const SOURCE_SHA = '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c';
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'gantry-gitops-test-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function git(args: string[], cwd?: string): Promise<string> {
  const { stdout } = await exec('git', args, { cwd, env: { PATH: process.env.PATH, HOME: root, LC_ALL: 'C' } });
  return stdout;
}

/** A bare repository on disk whose `main` holds `files`: the GitOps peer, as Argo CD or Flux would watch it. */
async function seedRepo(name: string, files: Record<string, string>): Promise<string> {
  return (await seedBareRepo(root, files, name)).bare;
}

const show = (bare: string, path: string, ref = 'main') => git(['--git-dir', bare, 'show', `${ref}:${path}`]);
const head = async (bare: string, ref = 'main') => (await git(['--git-dir', bare, 'rev-parse', ref])).trim();
const commitCount = async (bare: string) => Number((await git(['--git-dir', bare, 'rev-list', '--count', 'main'])).trim());

/** Runs the stage in this process, as the CLI would, collecting its log lines. */
async function bump(raw: Record<string, string>, env: Record<string, string | undefined> = {}) {
  const lines: string[] = [];
  const runtime = new CliRuntime({
    env: { PATH: process.env.PATH, HOME: root, GANTRY_REPOSITORY: 'acme/shop', GANTRY_SHA: SOURCE_SHA, ...env },
    write: (line) => lines.push(line),
  });
  const result = await runStage(gitopsBumpStage as unknown as Stage, raw, runtime);
  return { result, outputs: result.ok ? result.outputs : {}, log: lines.join('\n') };
}

const kustomization = (name: string, tag: string) =>
  [`# ${name} overlay`, 'images:', `  - name: ${name} # base name`, `    newName: 127.0.0.1:5000/shop/${name}`, `    newTag: "${tag}"`, ''].join('\n');


describe('gitops-bump against real git repositories', () => {
  it('edits a kustomization byte-for-byte, commits with the templated message and pushes', async () => {
    const input = await readFile('test/fixtures/gitops/kustomize-tag.input.yaml', 'utf8');
    const bare = await seedRepo('golden', { 'apps/api/overlays/production/kustomization.yaml': input });
    const { result, outputs, log } = await bump({
      repository: bare,
      files: 'apps/{service}/overlays/{environment}/kustomization.yaml',
      image: 'registry.example.com/shop/api:1.5.0',
      service: 'api',
      environment: 'production',
      'author-name': 'Release Bot',
      'author-email': 'release@example.com',
      'committer-name': 'Gantry CI',
      'committer-email': 'ci@example.com',
    });
    expect(result.ok, log).toBe(true);
    expect(await show(bare, 'apps/api/overlays/production/kustomization.yaml')).toBe(
      await readFile('test/fixtures/gitops/kustomize-tag.expected.yaml', 'utf8'),
    );
    expect(outputs).toEqual({
      commit: await head(bare),
      'changed-files': 'apps/api/overlays/production/kustomization.yaml',
      'previous-image': 'registry.example.com/shop/api:1.4.2',
      'pull-request-url': '',
    });
    const meta = await git(['--git-dir', bare, 'log', '-1', '--format=%an <%ae>|%cn <%ce>|%B', 'main']);
    expect(meta).toBe(
      [
        'Release Bot <release@example.com>|Gantry CI <ci@example.com>|production: deploy api 1.5.0',
        '',
        'api in production: registry.example.com/shop/api:1.4.2 → registry.example.com/shop/api:1.5.0',
        `Source: acme/shop@${SOURCE_SHA}`,
        '',
        '',
      ].join('\n'),
    );
  });

  it.each([
    ['helm-map', 'values.yaml', { edit: 'helm', image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/production/billing:sha-9f8e7d6' }],
    ['helm-path', 'values.yaml', { edit: 'helm', image: 'registry.example.com/inventory:1.1.0', 'values-path': 'inventory.deployment.containers.0.image' }],
    ['flux-markers', 'podinfo.yaml', { edit: 'flux', image: 'ghcr.io/stefanprodan/podinfo:6.6.1', 'image-policy': 'flux-system:podinfo' }],
  ])('edits %s byte-for-byte through clone, commit and push', async (fixture, file, extra) => {
    const bare = await seedRepo(`golden-${fixture}`, { [`env/${file}`]: await readFile(`test/fixtures/gitops/${fixture}.input.yaml`, 'utf8') });
    const { result, outputs, log } = await bump({ repository: bare, files: `env/${file}`, service: 'svc', environment: 'production', ...extra });
    expect(result.ok, log).toBe(true);
    expect(outputs.commit).toBe(await head(bare));
    expect(await show(bare, `env/${file}`)).toBe(await readFile(`test/fixtures/gitops/${fixture}.expected.yaml`, 'utf8'));
  });

  it('makes no commit and pushes nothing when the image is already set', async () => {
    const bare = await seedRepo('noop', { 'k/kustomization.yaml': kustomization('web', 'v7') });
    const before = await head(bare);
    const { result, outputs, log } = await bump({
      repository: `file://${bare}`,
      files: 'k/kustomization.yaml',
      image: '127.0.0.1:5000/shop/web:v7',
      service: 'web',
      environment: 'staging',
    });
    expect(result.ok, log).toBe(true);
    expect(outputs.commit).toBe('');
    expect(outputs['changed-files']).toBe('');
    expect(outputs['previous-image']).toBe('127.0.0.1:5000/shop/web:v7');
    expect(await head(bare)).toBe(before);
    expect(log).toContain('already set');
  });

  it('lands 20 concurrent bumps of different services in one repository, none lost', async () => {
    const services = Array.from({ length: 20 }, (_, i) => `svc-${String(i).padStart(2, '0')}`);
    const bare = await seedRepo('concurrent', Object.fromEntries(services.map((s) => [`apps/${s}/staging/kustomization.yaml`, kustomization(s, 'v1')])));
    const runs = await Promise.all(
      services.map((service) =>
        bump({
          repository: bare,
          files: 'apps/{service}/{environment}/kustomization.yaml',
          image: `127.0.0.1:5000/shop/${service}:v2`,
          service,
          environment: 'staging',
          'push-attempts': '30',
        }),
      ),
    );
    for (const run of runs) expect(run.result.ok, run.log).toBe(true);
    expect(new Set(runs.map((run) => run.outputs.commit)).size).toBe(20);
    expect(await commitCount(bare)).toBe(21);

    const check = join(root, 'concurrent-check');
    await git(['clone', '--quiet', bare, check]);
    for (const service of services) {
      expect(await readFile(join(check, 'apps', service, 'staging', 'kustomization.yaml'), 'utf8')).toBe(kustomization(service, 'v2'));
    }
    // The race was real: at least one bump had to fetch, rebase and push again.
    expect(runs.some((run) => /Push attempt 1\/30 rejected/.test(run.log))).toBe(true);
  }, 240_000);

  it('re-applies the edit when a concurrent bump of the same file makes the rebase conflict', async () => {
    const file = 'clusters/production/images.yaml';
    const original = [
      'images:',
      '  - {name: api, newName: 127.0.0.1:5000/shop/api, newTag: "1"}',
      '  - {name: web, newName: 127.0.0.1:5000/shop/web, newTag: "1"}',
      '',
    ].join('\n');
    const bare = await seedRepo('conflict', { [file]: original });
    const firstPushHeld = await holdFirstPush(bare);
    const common = { repository: bare, files: file, environment: 'production' };
    const api = bump({ ...common, service: 'api', image: '127.0.0.1:5000/shop/api:2' });
    await firstPushHeld();
    const web = await bump({ ...common, service: 'web', image: '127.0.0.1:5000/shop/web:2' });
    expect(web.result.ok, web.log).toBe(true);
    const first = await api;
    expect(first.result.ok, first.log).toBe(true);

    expect(first.log).toMatch(/Push attempt 1\/10 rejected/);
    expect(first.log).toMatch(/conflicts in clusters\/production\/images\.yaml: re-applying the edit/);
    expect(await show(bare, file)).toBe(original.replace(/newTag: "1"/g, 'newTag: "2"'));
    expect(first.outputs.commit).toBe(await head(bare));
    expect(await git(['--git-dir', bare, 'rev-parse', `${first.outputs.commit}^`])).toBe(`${web.outputs.commit}\n`);
    expect(await commitCount(bare)).toBe(3);
  });

  it('rebases without redoing when the concurrent bump touched another file', async () => {
    const bare = await seedRepo('rebase', { 'a/kustomization.yaml': kustomization('a', '1'), 'b/kustomization.yaml': kustomization('b', '1') });
    const firstPushHeld = await holdFirstPush(bare);
    const a = bump({ repository: bare, files: 'a/kustomization.yaml', service: 'a', environment: 'dev', image: '127.0.0.1:5000/shop/a:2' });
    await firstPushHeld();
    const b = await bump({ repository: bare, files: 'b/kustomization.yaml', service: 'b', environment: 'dev', image: '127.0.0.1:5000/shop/b:2' });
    expect(b.result.ok, b.log).toBe(true);
    const first = await a;
    expect(first.result.ok, first.log).toBe(true);
    expect(first.log).toMatch(/Rebased onto/);
    expect(first.log).not.toMatch(/re-applying/);
    expect(await show(bare, 'a/kustomization.yaml')).toBe(kustomization('a', '2'));
    expect(await show(bare, 'b/kustomization.yaml')).toBe(kustomization('b', '2'));
  });

  it('clones and pushes over ssh (scp-like URL), through the ssh command the runner configures', async () => {
    const bare = await seedRepo('ssh', { 'k.yaml': kustomization('api', '1') });
    // Stands in for ssh: runs the git command it was asked to run on "the server", here this machine.
    const sshShim = join(root, 'fake-ssh');
    await writeFile(sshShim, '#!/bin/sh\nfor last; do :; done\necho "$@" >> "$0.log"\nexec sh -c "$last"\n');
    await chmod(sshShim, 0o755);
    const { result, outputs, log } = await bump(
      { repository: `git@gitops.example:${bare}`, files: 'k.yaml', service: 'api', environment: 'dev', image: '127.0.0.1:5000/shop/api:2' },
      { GIT_SSH_COMMAND: sshShim },
    );
    expect(result.ok, log).toBe(true);
    expect(outputs.commit).toBe(await head(bare));
    const calls = await readFile(`${sshShim}.log`, 'utf8');
    expect(calls).toMatch(/gitops\.example git-upload-pack/);
    expect(calls).toMatch(/gitops\.example git-receive-pack/);
  });

  it('refuses bad inputs before cloning, naming the input', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ image: 'Shop/API:1' }, "input 'image': must be an image reference [registry/]repository[:tag][@sha256:<64 hex digits>]; this one has a malformed repository name"],
      [{ image: '127.0.0.1:5000/shop/api' }, "input 'image': must be an image reference [registry/]repository[:tag][@sha256:<64 hex digits>]; this one needs a tag or a digest"],
      [{ edit: 'jsonnet' }, "input 'edit': must be one of kustomize, helm, flux"],
      [{ files: ' , ' }, "input 'files': needs at least one file path"],
      [{ files: '../outside.yaml' }, "input 'files': paths must be relative"],
      [{ repository: 'https://user:secret-in-url@git.example.com/o/r.git' }, "input 'repository': must not carry credentials"],
      [{ repository: '--upload-pack=touch /tmp/x' }, "input 'repository': must not start with"],
      [{ mode: 'production=merge' }, "input 'mode': must be push, pull-request"],
      [{ mode: 'pull-request' }, "input 'token': is required"],
      [{ 'commit-message': 'bump {app}' }, "input 'commit-message': has unknown placeholders {app}"],
      [{ 'push-attempts': '0' }, "input 'push-attempts'"],
      [{ service: 'a b' }, "input 'service'"],
    ];
    const bare = await seedRepo('inputs', { 'k.yaml': kustomization('api', '1') });
    const valid = { repository: bare, files: 'k.yaml', image: '127.0.0.1:5000/shop/api:2', service: 'api', environment: 'staging' };
    for (const [override, message] of cases) {
      const { result, log } = await bump({ ...valid, ...override });
      expect(result.ok).toBe(false);
      expect(log).toContain(message);
      expect(log).not.toContain('secret-in-url');
      expect(log).not.toContain('Clone');
    }
    const missing = await bump({ ...valid, files: 'nope/kustomization.yaml' });
    expect(missing.log).toContain("file 'nope/kustomization.yaml' does not exist in the GitOps repository");
    expect(await commitCount(bare)).toBe(1);
  });
});

/** Queues one canned answer; the returned check says whether it was served. */
function fakeGitHubFault(github: Awaited<ReturnType<typeof fakeGitHub>>, fault: { status: number; body?: unknown }) {
  github.faults.push(fault);
  return () => !github.faults.includes(fault);
}

describe('gitops-bump pull-request mode', () => {
  const token = 'ghs_pullRequestModeToken0123456789abcdef';

  it('pushes gantry/<env>/<service>, opens one pull request, then updates it (PATCH) on the next bump', async () => {
    const bare = await seedRepo('pr', { 'apps/api/production/kustomization.yaml': kustomization('api', '1.0.0') });
    const mainBefore = await head(bare);
    // One 502 and one secondary rate limit: both must be retried, not fail the bump.
    const github = await fakeGitHub(token, [{ status: 502 }, { status: 403, headers: { 'retry-after': '0' } }]);
    try {
      const raw = {
        repository: bare,
        files: 'apps/{service}/{environment}/kustomization.yaml',
        service: 'api',
        environment: 'production',
        mode: 'production=pull-request,*=push',
        token,
        'github-api-url': github.url,
        'github-repository': 'acme/gitops',
      };
      const first = await bump({ ...raw, image: '127.0.0.1:5000/shop/api:1.1.0' });
      expect(first.result.ok, first.log).toBe(true);
      expect(first.outputs['pull-request-url']).toBe('https://github.example/acme/gitops/pull/1');
      expect(first.log).toMatch(/answered 502; retry 2\/5/);
      expect(first.log).toMatch(/answered 403; retry 3\/5/);
      expect(first.log).not.toContain(token);
      expect(await head(bare)).toBe(mainBefore);
      expect(await head(bare, 'gantry/production/api')).toBe(first.outputs.commit);
      expect(await show(bare, 'apps/api/production/kustomization.yaml', 'gantry/production/api')).toBe(kustomization('api', '1.1.0'));

      const second = await bump({ ...raw, image: '127.0.0.1:5000/shop/api:1.2.0' });
      expect(second.result.ok, second.log).toBe(true);
      expect(second.outputs['pull-request-url']).toBe('https://github.example/acme/gitops/pull/1');
      expect(await show(bare, 'apps/api/production/kustomization.yaml', 'gantry/production/api')).toBe(kustomization('api', '1.2.0'));

      const calls = github.requests.filter((r) => r.headers.authorization === `Bearer ${token}`).map((r) => `${r.method} ${r.path}`);
      const find = 'GET /repos/acme/gitops/pulls?head=acme%3Agantry%2Fproduction%2Fapi&state=open';
      expect(calls).toEqual([find, find, find, 'POST /repos/acme/gitops/pulls', find, 'PATCH /repos/acme/gitops/pulls/1']);
      for (const request of github.requests) {
        expect(request.headers.accept).toBe('application/vnd.github+json');
        expect(request.headers['x-github-api-version']).toBe('2022-11-28');
      }
      const post = github.requests.find((r) => r.method === 'POST')!;
      expect(post.body).toMatchObject({ head: 'gantry/production/api', base: 'main', title: 'production: deploy api 1.1.0' });
      expect(String(post.body!.body)).toContain('127.0.0.1:5000/shop/api:1.0.0 → 127.0.0.1:5000/shop/api:1.1.0');
      const patch = github.requests.find((r) => r.method === 'PATCH')!;
      expect(patch.body).toMatchObject({ title: 'production: deploy api 1.2.0', base: 'main' });
      expect(github.pulls).toHaveLength(1);
      expect(github.pulls[0]!.title).toBe('production: deploy api 1.2.0');
    } finally {
      await github.close();
    }
  });

  it('updates the pull request a concurrent run opened between its lookup and its POST (422 already exists)', async () => {
    const bare = await seedRepo('pr-race', { 'k.yaml': kustomization('api', '1') });
    const github = await fakeGitHub(token);
    try {
      const raw = { repository: bare, files: 'k.yaml', service: 'api', environment: 'production', mode: 'pull-request', token, 'github-api-url': github.url, 'github-repository': 'acme/gitops' };
      expect((await bump({ ...raw, image: '127.0.0.1:5000/shop/api:2' })).result.ok).toBe(true);
      // The next lookup answers as if the pull request did not exist yet: GitHub then refuses the POST with 422.
      github.requests.length = 0;
      const stale = fakeGitHubFault(github, { status: 200, body: [] });
      const second = await bump({ ...raw, image: '127.0.0.1:5000/shop/api:3' });
      expect(second.result.ok, second.log).toBe(true);
      expect(stale()).toBe(true);
      expect(github.requests.map((r) => r.method)).toEqual(['GET', 'POST', 'GET', 'PATCH']);
      expect(second.outputs['pull-request-url']).toBe('https://github.example/acme/gitops/pull/1');
      expect(github.pulls).toHaveLength(1);
      expect(github.pulls[0]!.title).toBe('production: deploy api 3');
    } finally {
      await github.close();
    }
  });

  it('pushes directly for an environment the mode list sends to push', async () => {
    const bare = await seedRepo('pr-staging', { 'apps/api/staging/kustomization.yaml': kustomization('api', '1.0.0') });
    const { result, outputs, log } = await bump({
      repository: bare,
      files: 'apps/{service}/{environment}/kustomization.yaml',
      service: 'api',
      environment: 'staging',
      image: '127.0.0.1:5000/shop/api:1.1.0',
      mode: 'production=pull-request,*=push',
    });
    expect(result.ok, log).toBe(true);
    expect(outputs['pull-request-url']).toBe('');
    expect(outputs.commit).toBe(await head(bare));
  });

  it('fails with the API message and a remedy when GitHub refuses, never printing the token', async () => {
    const bare = await seedRepo('pr-denied', { 'k.yaml': kustomization('api', '1') });
    const github = await fakeGitHub('another-token');
    try {
      const { result, log } = await bump({
        repository: bare,
        files: 'k.yaml',
        service: 'api',
        environment: 'production',
        image: '127.0.0.1:5000/shop/api:2',
        mode: 'pull-request',
        token,
        'github-api-url': github.url,
        'github-repository': 'acme/gitops',
      });
      expect(result.ok).toBe(false);
      expect(log).toContain('answered 401: Bad credentials');
      expect(log).toContain('Remedy: the token is invalid or expired.');
      expect(log).not.toContain(token);
    } finally {
      await github.close();
    }
  });
});

/** A `git` on PATH that records every argument list before running the real git: a spy on what `ps` would show. */
async function gitArgvSpy(dir: string) {
  const real = (await exec('sh', ['-c', 'command -v git'])).stdout.trim();
  const log = join(dir, 'argv.log');
  await mkdir(join(dir, 'bin'), { recursive: true });
  await writeFile(join(dir, 'bin', 'git'), `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\nexec '${real}' "$@"\n`);
  await chmod(join(dir, 'bin', 'git'), 0o755);
  return { path: `${join(dir, 'bin')}:${process.env.PATH}`, argv: () => readFile(log, 'utf8').catch(() => '') };
}

describe('the token never shows', () => {
  const token = 'ghs_S3cretTokenValueThatMustNeverLeak42';
  const header = Buffer.from(`x-access-token:${token}`).toString('base64');

  it('authenticates an https-style bump by header only (CLI), and no argument, URL or output carries it', async () => {
    const projectRoot = join(root, 'http');
    await mkdir(projectRoot, { recursive: true });
    const seeded = await seedRepo('http-seed', { 'k/kustomization.yaml': kustomization('api', '1') });
    await git(['clone', '--quiet', '--bare', seeded, join(projectRoot, 'gitops.git')]);
    const server = await gitHttpServer(projectRoot, token);
    const spy = await gitArgvSpy(join(root, 'spy-ok'));
    try {
      const run = await runCli(
        ['run', 'gitops-bump', '--repository', `${server.base}/gitops.git`, '--files', 'k/kustomization.yaml', '--service', 'api', '--environment', 'dev', '--image', '127.0.0.1:5000/shop/api:2', '--token', token, '--json'],
        { PATH: spy.path, GANTRY_DEBUG: '1' },
      );
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ 'changed-files': 'k/kustomization.yaml', 'previous-image': '127.0.0.1:5000/shop/api:1' });
      expect(await show(join(projectRoot, 'gitops.git'), 'k/kustomization.yaml')).toBe(kustomization('api', '2'));
      // The server saw authorized clone and push traffic, so the header did travel.
      expect(server.seen.some((line) => /git-upload-pack authorized/.test(line))).toBe(true);
      expect(server.seen.some((line) => /git-receive-pack authorized/.test(line))).toBe(true);
      const argv = await spy.argv();
      expect(argv).toContain('clone');
      expect(argv).toContain(`${server.base}/gitops.git`);
      for (const text of [argv, run.stdout, run.stderr]) {
        expect(text).not.toContain(token);
        expect(text).not.toContain(header);
      }
    } finally {
      await server.close();
    }
  });

  it.each([
    ['a repository that does not exist', (base: string) => `${base}/missing.git`, token],
    ['a wrong token (401, no prompt)', (base: string) => `${base}/gitops.git`, 'ghs_WrongTokenAlsoSecret0000000000000'],
    ['a port nobody listens on', () => 'http://127.0.0.1:9/gitops.git', token],
  ])('fails cleanly on %s without printing the token', async (_name, url, used) => {
    const projectRoot = join(root, 'http');
    const server = await gitHttpServer(projectRoot, token);
    const spy = await gitArgvSpy(join(root, `spy-${Math.random().toString(36).slice(2)}`));
    try {
      const run = await runCli(
        ['run', 'gitops-bump', '--repository', url(server.base), '--files', 'k/kustomization.yaml', '--service', 'api', '--environment', 'dev', '--image', '127.0.0.1:5000/shop/api:3', '--token', used],
        { PATH: spy.path, GANTRY_DEBUG: '1' },
      );
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/gitops-bump failed: git clone failed/);
      const argv = await spy.argv();
      expect(argv).toContain('clone');
      for (const text of [argv, run.stdout, run.stderr]) {
        expect(text).not.toContain(used);
        expect(text).not.toContain(Buffer.from(`x-access-token:${used}`).toString('base64'));
      }
    } finally {
      await server.close();
    }
  });
});

describe('gitops-bump on the local stack', () => {
  const overlay = 'apps/example/overlays/staging/kustomization.yaml';

  it('bumps the stack GitOps repo through the CLI, then is a no-op the second time', async () => {
    const repo = stackEnv().GANTRY_GITOPS_REPO!;
    const tag = `sha-${Date.now().toString(16)}cli`;
    const image = `${stackEnv().GANTRY_REGISTRY}/gantry/staging/example-app:${tag}`;
    const args = ['run', 'gitops-bump', '--repository', repo, '--files', 'apps/{service}/overlays/{environment}/kustomization.yaml', '--service', 'example', '--environment', 'staging', '--image-name', 'example-app', '--image', image, '--json'];
    const first = await runCli(args, { GANTRY_REPOSITORY: 'acme/example', GANTRY_SHA: SOURCE_SHA });
    expect(first.code, first.stderr).toBe(0);
    const outputs = JSON.parse(first.stdout) as Record<string, string>;
    expect(outputs.commit).toBe(await head(repo));
    expect(outputs['changed-files']).toBe(overlay);
    const file = await show(repo, overlay);
    // The stack's repository is shared with the act pipeline and the demo, which may have left a digest where the
    // quoted tag was: quoting is the golden files' to check; here, that the tag landed in place.
    expect(file).toMatch(new RegExp(`\n    newTag: "?${tag}"?\n`));
    expect(file).toContain('  - name: example-app # the name used in the base manifests');
    expect(await git(['--git-dir', repo, 'log', '-1', '--format=%B', 'main'])).toContain(`Source: acme/example@${SOURCE_SHA}`);

    const again = await runCli(args);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ commit: '', 'changed-files': '', 'previous-image': image });
    expect(await head(repo)).toBe(outputs.commit);
  });

  it('bumps the stack GitOps repo through the bundled action', async () => {
    const repo = stackEnv().GANTRY_GITOPS_REPO!;
    const tag = `sha-${Date.now().toString(16)}act`;
    const image = `${stackEnv().GANTRY_REGISTRY}/gantry/production/example-app:${tag}`;
    const outputFile = join(root, 'action-output');
    await writeFile(outputFile, '');
    const run = await runNode(
      'actions/gitops-bump/dist/index.cjs',
      [],
      stackEnv({
        GITHUB_OUTPUT: outputFile,
        GITHUB_REPOSITORY: 'acme/example',
        GITHUB_SHA: SOURCE_SHA,
        INPUT_REPOSITORY: repo,
        INPUT_FILES: 'apps/example/overlays/production/kustomization.yaml',
        INPUT_SERVICE: 'example',
        INPUT_ENVIRONMENT: 'production',
        'INPUT_IMAGE-NAME': 'example-app',
        INPUT_IMAGE: image,
        INPUT_BRANCH: 'main',
        INPUT_EDIT: 'kustomize',
        INPUT_MODE: 'push',
      }),
    );
    expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
    const outputs = readCommandFile(outputFile);
    expect(outputs.commit).toBe(await head(repo));
    expect(outputs['changed-files']).toBe('apps/example/overlays/production/kustomization.yaml');
    // Quoted as the seed has it, or plain when an earlier bump (the demo's, by digest) rewrote the entry.
    expect(await show(repo, 'apps/example/overlays/production/kustomization.yaml')).toMatch(new RegExp(`^ {4}newTag: "?${tag}"?$`, 'm'));
    expect(await git(['--git-dir', repo, 'log', '-1', '--format=%s', 'main'])).toBe(`production: deploy example ${tag}\n`);
  });
});

