import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'vitest';
import { seedBareRepo, testGit } from '../fixtures/gitops/git-http.js';
import { fault, startFaultProxy, type Fault, type FaultMatch } from './fault-proxy.js';
import { gitSmartHttp, SHORT_TIMEOUT_SECONDS } from './faults-support.js';
import { runCli } from './support.js';

// gitops-bump against a git smart-HTTP remote (git http-backend) behind the fault proxy. After every run the branch
// holds exactly one new commit with the new image, or none at all.
const git = testGit;
const kustomization = (tag: string) => ['images:', '  - name: api', '    newName: 127.0.0.1:5000/shop/api', `    newTag: "${tag}"`, ''].join('\n');

const CLONE_REFS: FaultMatch = { method: 'GET', path: /\/info\/refs\?service=git-upload-pack$/ };
const UPLOAD_PACK: FaultMatch = { method: 'POST', path: /\/git-upload-pack$/ };
const RECEIVE_PACK: FaultMatch = { method: 'POST', path: /\/git-receive-pack$/ };
const PUSH_REFS: FaultMatch = { method: 'GET', path: /\/info\/refs\?service=git-receive-pack$/ };

async function bumpThrough(match: FaultMatch, faults: readonly Fault[]) {
  const root = await mkdtemp(join(tmpdir(), 'gantry-faults-git-'));
  const { bare, head: before } = await seedBareRepo(root, { 'k/kustomization.yaml': kustomization('1') });

  const server = await gitSmartHttp(root);
  const proxy = await startFaultProxy({ upstream: server.url });
  proxy.inject(match, ...faults);
  try {
    const run = await runCli(
      ['run', 'gitops-bump', '--repository', `${proxy.url}/gitops.git`, '--files', 'k/kustomization.yaml', '--service', 'api', '--environment', 'dev', '--image', '127.0.0.1:5000/shop/api:2'],
      { GANTRY_REPOSITORY: 'acme/shop', GANTRY_SHA: '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c', GANTRY_REQUEST_TIMEOUT_SECONDS: SHORT_TIMEOUT_SECONDS },
    );
    const commits = (await git(['--git-dir', bare, 'rev-list', `${before}..main`])).split('\n').filter(Boolean);
    const file = await git(['--git-dir', bare, 'show', 'main:k/kustomization.yaml']);
    return { run, proxy, commits, file };
  } finally {
    await proxy.stop();
    await server.close();
  }
}

describe.concurrent('gitops-bump under git remote faults', () => {
  test.for([
    ['a 503 burst on the clone', CLONE_REFS, [fault.status(503), fault.status(503)], /git clone: .*returned error: 503.*trying again/],
    ['a 429 with Retry-After on the clone', CLONE_REFS, [fault.status(429, '1')], /git clone: .*returned error: 429.*trying again/],
    ['a pack that breaks off', UPLOAD_PACK, [fault.truncate], /git clone: .*trying again/],
    // git's remote helper asks again by itself after this one.
    ['a pack reset mid-transfer', UPLOAD_PACK, [fault.reset], /Pushed \w+ to main/],
    // The remote took the push; the client, its report cut off, sees a rejection or a failure, and finds its commit there.
    ['a push whose answer is lost after the remote took it', RECEIVE_PACK, [fault.reset], /git push: .*trying again|Push attempt 1\/10 rejected/],
    ['a push that stalls past the request timeout', PUSH_REFS, [fault.stall], /git push: .*trying again/],
  ] as const)('%s: exactly one commit lands', async ([, match, faults, logged], { expect }) => {
    const { run, proxy, commits, file } = await bumpThrough(match, faults);
    expect(run.code, run.stderr).toBe(0);
    expect(proxy.pending()).toBe(0);
    expect(run.stderr, JSON.stringify(proxy.log)).toMatch(logged);
    expect(commits).toHaveLength(1);
    expect(file).toBe(kustomization('2').trimEnd());
  });

  test('a remote that keeps failing the push: the stage fails naming git push and the cause, and no commit lands', async ({ expect }) => {
    const { run, proxy, commits, file } = await bumpThrough(RECEIVE_PACK, Array<Fault>(4).fill(fault.status(503)));
    expect(run.code).toBe(1);
    expect(proxy.served()).toEqual(['503', '503', '503', '503']);
    expect(run.stderr).toMatch(/gitops-bump failed: git push failed \(exit \d+\):[\s\S]*returned error: 503/);
    expect(commits).toHaveLength(0);
    expect(file).toBe(kustomization('1').trimEnd());
  });
});
