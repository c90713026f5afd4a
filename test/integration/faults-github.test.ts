import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'vitest';
import { seedBareRepo } from '../fixtures/gitops/git-http.js';
import { fakeGitHub } from '../fixtures/gitops/github.js';
import { fault, startFaultProxy, type Fault, type FaultMatch } from './fault-proxy.js';
import { SHORT_TIMEOUT_SECONDS } from './faults-support.js';
import { runCli } from './support.js';

// gitops-bump's pull-request mode with the GitHub stand-in (GitHub has no local peer) behind the fault proxy. After
// every run there is exactly one open pull request for the branch, pointing at the commit that was pushed.
const TOKEN = 'ghs_faultSuiteToken0123456789abcdefABCDEF';

const FIND: FaultMatch = { method: 'GET', path: /\/repos\/acme\/gitops\/pulls\?/ };
const CREATE: FaultMatch = { method: 'POST', path: /\/repos\/acme\/gitops\/pulls$/ };

async function openPullRequestThrough(match: FaultMatch, faults: readonly Fault[]) {
  const root = await mkdtemp(join(tmpdir(), 'gantry-faults-gh-'));
  const { bare } = await seedBareRepo(root, { 'k/kustomization.yaml': 'images:\n  - name: api\n    newName: 127.0.0.1:5000/shop/api\n    newTag: "1"\n' });

  const github = await fakeGitHub(TOKEN);
  const proxy = await startFaultProxy({ upstream: github.url });
  proxy.inject(match, ...faults);
  try {
    const run = await runCli(
      [
        'run', 'gitops-bump', '--repository', bare, '--files', 'k/kustomization.yaml', '--service', 'api', '--environment', 'production',
        '--image', '127.0.0.1:5000/shop/api:2', '--mode', 'pull-request', '--token', TOKEN, '--github-api-url', proxy.url, '--github-repository', 'acme/gitops',
      ],
      { GANTRY_REPOSITORY: 'acme/shop', GANTRY_SHA: '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c', GANTRY_REQUEST_TIMEOUT_SECONDS: SHORT_TIMEOUT_SECONDS },
    );
    return { run, proxy, pulls: github.pulls };
  } finally {
    await proxy.stop();
    await github.close();
  }
}

describe.concurrent('gitops-bump pull-request mode under GitHub API faults', () => {
  test.for([
    ['a 503 burst', FIND, [fault.status(503), fault.status(503)], /answered 503; retry 2\/5/],
    ['a 429 with an HTTP-date Retry-After', FIND, [fault.status(429, new Date(Date.now() + 1000).toUTCString())], /answered 429; retry 2\/5/],
    ['an answer that breaks off', FIND, [fault.truncate], /broke off: its JSON does not parse; retry 2\/5/],
    ['an answer reset mid-body', FIND, [fault.reset], /GitHub API GET \/repos\/acme\/gitops\/pulls\?\S+: .*; retry 2\/5/],
    ['an answer that stalls past the request timeout', FIND, [fault.stall], /no answer within [\d.]+ s; retry 2\/5/],
    ['a create whose answer is lost after GitHub made it', CREATE, [fault.reset], /GitHub API POST \/repos\/acme\/gitops\/pulls: .*; retry 2\/5/],
  ] as const)('%s: exactly one pull request is open', async ([, match, faults, logged], { expect }) => {
    const { run, proxy, pulls } = await openPullRequestThrough(match, faults);
    expect(run.code, run.stderr).toBe(0);
    expect(proxy.pending()).toBe(0);
    expect(run.stderr).toMatch(logged);
    expect(run.stderr).not.toContain(TOKEN);
    expect(pulls.filter((pr) => pr.state === 'open').map((pr) => pr.head)).toEqual(['gantry/production/api']);
    expect(run.stdout).toContain('pull-request-url=https://github.example/acme/gitops/pull/1');
  });
});
