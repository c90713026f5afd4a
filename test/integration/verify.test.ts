import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../src/model/runtime.js';
import type { Clock } from '../../src/model/schedule.js';
import { parseInputs } from '../../src/model/stage.js';
import { verifyStage } from '../../src/stages/verify.js';
import { smokePlanOf } from '../../src/verify/inputs.js';
import { runSmokeChecks } from '../../src/verify/smoke.js';
import { readCommandFile, runCli, runNode, stackEnv, type Run } from './support.js';

/**
 * The verify stage against services on loopback that answer as real ones do while they start, fail or run behind
 * a private CA: through the CLI and the bundled action, and its retry loop in process on a clock of the test's own.
 */
type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const PASSWORD = 'pw-not-for-logs-7f3a';

const requests = new Map<string, number>();
const count = (key: string) => {
  const n = (requests.get(key) ?? 0) + 1;
  requests.set(key, n);
  return n;
};

const routes: Record<string, Handler> = {
  // Fails `fail` times per key (503 with a maintenance page), then answers healthy.
  '/flaky': (req, res) => {
    const url = new URL(req.url!, 'http://x');
    if (count(`flaky:${url.searchParams.get('key')}`) <= Number(url.searchParams.get('fail'))) {
      res.writeHead(503, { 'content-type': 'text/html' }).end('<html><body>Service warming up</body></html>');
    } else {
      res.writeHead(200, { 'content-type': 'application/json', 'x-version': '2' }).end(JSON.stringify({ status: 'ok', checks: [{ ok: true }] }));
    }
  },
  '/health': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'x-version': '2' }).end(JSON.stringify({ status: 'ok', checks: [{ ok: true }, { ok: false }] }));
  },
  '/degraded': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'x-version': '1' }).end(JSON.stringify({ status: 'degraded', checks: [{ ok: false }] }));
  },
  '/down': (_req, res) => {
    res.writeHead(503, { 'content-type': 'text/plain' }).end('upstream connect error or disconnect/reset before headers');
  },
  // Accepts the request and never answers.
  '/hang': () => {},
  // Sends its headers and the start of a body, then stalls.
  '/stall': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.write('partial');
  },
  '/private': (req, res) => {
    const expected = `Basic ${Buffer.from(`probe:${PASSWORD}`).toString('base64')}`;
    if (req.headers.authorization === expected) res.writeHead(200).end('welcome');
    else res.writeHead(401, { 'www-authenticate': 'Basic' }).end('who are you');
  },
};

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
}

const route: Handler = (req, res) => (routes[new URL(req.url!, 'http://x').pathname] ?? ((_q, r) => r.writeHead(404).end('not found')))(req, res);

let server: Server;
let base: string;
let tlsServer: Server;
let tlsBase: string;
let caFile: string;
const dir = mkdtempSync(join(tmpdir(), 'gantry-verify-'));

beforeAll(async () => {
  server = createServer(route);
  base = `http://127.0.0.1:${await listen(server)}`;

  // A private CA and a server certificate it issued, as an internal host would have.
  const openssl = (...args: string[]) => execFileSync('/usr/bin/openssl', args, { cwd: dir, stdio: 'pipe' });
  openssl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=Gantry Test Private CA');
  openssl('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1');
  writeFileSync(join(dir, 'ext.cnf'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  openssl('x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '2', '-extfile', 'ext.cnf');
  caFile = join(dir, 'ca.pem');
  tlsServer = createHttpsServer({ key: readFileSync(join(dir, 'server.key')), cert: readFileSync(join(dir, 'server.pem')) }, route);
  tlsBase = `https://127.0.0.1:${await listen(tlsServer)}`;
});

afterAll(async () => {
  for (const s of [server, tlsServer]) {
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
});

/** `name=value` lines of the CLI's stdout. */
function outputs(run: Run): Record<string, string> {
  return Object.fromEntries(run.stdout.trim().split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
}

let summaries = 0;
function verify(inputs: Record<string, string>) {
  const summary = join(dir, `summary-${++summaries}.md`);
  const args = ['run', 'verify', ...Object.entries(inputs).flatMap(([name, value]) => [`--${name}`, value])];
  return runCli(args, { GANTRY_SUMMARY_FILE: summary }).then((run) => ({ ...run, summary: existsSync(summary) ? readFileSync(summary, 'utf8') : '' }));
}

describe.concurrent('gantry run verify against loopback services', () => {
  it('passes a service that fails twice before it answers, counting the attempts', async ({ expect }) => {
    const run = await verify({
      url: `${base}/flaky?key=cli&fail=2`,
      'json-equals': 'status=ok\nchecks[0].ok=true',
      header: 'x-version=2',
      'interval-seconds': '0.2',
      'deadline-seconds': '20',
    });
    expect(run.code, run.stderr).toBe(0);
    expect(outputs(run)).toMatchObject({ result: 'passed', attempts: '3', 'failed-checks': '' });
    expect(Number(outputs(run)['duration-ms'])).toBeGreaterThan(0);
    expect(run.stderr).toMatch(/attempt 1: http:\/\/127\.0\.0\.1:\d+\/flaky\?key=cli&fail=2: status 503, expected 200; json status: the body is not JSON/);
    expect(run.stderr).toMatch(/passed \(status 200\) on attempt 3/);
    expect(run.summary).toContain('### verify: passed');
    // Markdown with HTML escaped, as GitHub renders it.
    expect(run.summary).toMatch(/\| http:\/\/127\.0\.0\.1:\d+\/flaky\?key=cli&amp;fail=2 \| status 200; json status = ok; json checks\[0\]\.ok = true; header x-version: 2 \| status 200; x-version: 2; body .* \| passed \|/);
  });

  it('fails a service that never comes up once the deadline has passed, not before, with what came back', async ({ expect }) => {
    const started = Date.now();
    const run = await verify({ url: `${base}/down`, 'body-contains': 'ok', 'deadline-seconds': '3', 'interval-seconds': '0.5', 'timeout-seconds': '1' });
    const elapsed = Date.now() - started;
    expect(run.code).toBe(1);
    expect(elapsed).toBeGreaterThanOrEqual(3_000);
    const out = outputs(run);
    expect(out.result).toBe('failed');
    expect(Number(out.attempts)).toBeGreaterThanOrEqual(3);
    // Measured in the process, without its start-up: the last attempt starts by the deadline and takes at most one
    // request timeout (1 s) beyond it.
    expect(Number(out['duration-ms'])).toBeGreaterThanOrEqual(3_000);
    expect(Number(out['duration-ms'])).toBeLessThan(3_000 + 1_000 + 500);
    expect(out['failed-checks']).toBe(`${base}/down`);
    expect(run.stderr).toMatch(/verify failed: smoke check http:\/\/127\.0\.0\.1:\d+\/down failed after \d+ attempts in 3s/);
    expect(run.stderr).toContain(
      `${base}/down: expected status 200; body contains "ok"; got status 503; body "upstream connect error or disconnect/reset before headers" (status 503, expected 200; body does not contain "ok")`,
    );
    expect(run.summary).toContain('### verify: FAILED');
    expect(run.summary).toContain('| failed: status 503, expected 200; body does not contain "ok" |');
  });

  it('fails on a wrong body, a JSON value and a header, each named with what came back', async ({ expect }) => {
    const checks = [
      { name: 'home', url: `${base}/health`, 'body-contains': 'Welcome' },
      { name: 'json', url: `${base}/degraded`, 'json-equals': ['status=ok', 'checks[0].ok=true'] },
      { name: 'version', url: `${base}/degraded`, header: ['x-version=2', 'etag'] },
      { name: 'fine', url: `${base}/health`, 'expect-status': '2xx' },
    ];
    const run = await verify({ checks: JSON.stringify(checks), 'deadline-seconds': '0' });
    expect(run.code).toBe(1);
    expect(outputs(run)).toMatchObject({ result: 'failed', attempts: '1', 'failed-checks': 'home,json,version' });
    expect(run.stderr).toContain('home: expected status 200; body contains "Welcome"; got status 200; body "{\\"status\\":\\"ok\\"');
    expect(run.stderr).toContain('(body does not contain "Welcome")');
    expect(run.stderr).toContain('(json status = degraded, expected ok; json checks[0].ok = false, expected true)');
    expect(run.stderr).toContain('version: expected status 200; header x-version: 2; header etag present; got status 200; x-version: 1; etag: (missing)');
    expect(run.stderr).toContain('(header x-version: 1, expected 2; header etag is missing)');
    expect(run.stderr).toMatch(/fine: passed \(status 200\) on attempt 1/);
    expect(run.summary).toMatch(/\| fine \| status 2xx \| status 200; body .* \| passed \|/);
    expect(run.summary).toMatch(/\| json \| .* \| failed: json status = degraded, expected ok; json checks\[0\]\.ok = false, expected true \|/);
  });

  it('gives up on a request that never answers, or never finishes its body, after timeout-seconds', async ({ expect }) => {
    const checks = JSON.stringify([{ url: `${base}/hang` }, { url: `${base}/stall` }]);
    const run = await verify({ checks, 'timeout-seconds': '0.5', 'deadline-seconds': '0' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/\/hang: expected status 200; got no complete answer within 500 ms/);
    expect(run.stderr).toMatch(/\/stall: expected status 200; got no complete answer within 500 ms/);
  });

  it('trusts a private CA given as ca-file, and without it fails with a TLS message that says what to do', async ({ expect }) => {
    const trusted = await verify({ url: `${tlsBase}/health`, 'json-equals': 'status=ok', 'ca-file': caFile, 'deadline-seconds': '0' });
    expect(trusted.code, trusted.stderr).toBe(0);
    expect(outputs(trusted).result).toBe('passed');

    const untrusted = await verify({ url: `${tlsBase}/health`, 'deadline-seconds': '0' });
    expect(untrusted.code).toBe(1);
    expect(untrusted.stderr).toMatch(
      /TLS: the server's certificate is not trusted \(UNABLE_TO_VERIFY_LEAF_SIGNATURE: unable to verify the first certificate\); if it is issued by a private CA, give that CA's PEM file as ca-file/,
    );
    // The CA is trusted for this stage's requests only: never by switching verification off.
    expect(untrusted.stderr + trusted.stderr).not.toContain('NODE_TLS_REJECT_UNAUTHORIZED');
  });

  it('sends a password in the URL as basic auth and never shows it', async ({ expect }) => {
    const ok = await verify({ url: `http://probe:${PASSWORD}@127.0.0.1:${new URL(base).port}/private`, 'body-contains': 'welcome', 'deadline-seconds': '0' });
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr).toContain(`http://probe:***@127.0.0.1:${new URL(base).port}/private: passed`);
    const wrong = await verify({ url: `http://probe:${PASSWORD}x@127.0.0.1:${new URL(base).port}/private`, 'deadline-seconds': '0' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('got status 401; body "who are you"');
    for (const run of [ok, wrong]) expect(run.stdout + run.stderr + run.summary).not.toContain(PASSWORD);
  });

  it('refuses bad inputs before any request, naming the input', async ({ expect }) => {
    const before = requests.get('flaky:refused') ?? 0;
    const run = await verify({ url: `${base}/flaky?key=refused&fail=0`, 'json-equals': 'status' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("input 'json-equals': 'status' must be path=value");
    expect(requests.get('flaky:refused') ?? 0).toBe(before);
    expect(run.summary).toBe('');
  });
});

describe('actions/verify (bundled)', () => {
  it('runs the checks from INPUT_*, writes outputs and the step summary, and fails the step with them', async () => {
    const files = { GITHUB_OUTPUT: join(dir, 'action-output'), GITHUB_STEP_SUMMARY: join(dir, 'action-summary') };
    for (const file of Object.values(files)) writeFileSync(file, '');
    const inputs = {
      url: `${base}/flaky?key=action&fail=1`,
      'expect-status': '200,204',
      'json-equals': 'status=ok',
      checks: `- name: degraded\n  url: ${base}/degraded\n  json-equals: status=ok`,
      'interval-seconds': '0.2',
      'deadline-seconds': '1',
    };
    const env = stackEnv(files);
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
    const run = await runNode('actions/verify/dist/index.cjs', [], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::verify failed: smoke check degraded failed after \d+ attempts/);
    expect(readCommandFile(files.GITHUB_OUTPUT)).toMatchObject({ result: 'failed', 'failed-checks': 'degraded' });
    const summary = readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8');
    expect(summary).toContain('### verify: FAILED');
    expect(summary).toMatch(/\| http:\/\/127\.0\.0\.1:\d+\/flaky\?key=action&amp;fail=1 \| status 200,204; json status = ok \| .* \| passed \|/);
    expect(summary).toMatch(/\| degraded \| status 200; json status = ok \| status 200; body .*degraded.* \| failed: json status = degraded, expected ok \|/);
  });

  it('passes and reports the attempts', async () => {
    const files = { GITHUB_OUTPUT: join(dir, 'action-output-2'), GITHUB_STEP_SUMMARY: join(dir, 'action-summary-2') };
    for (const file of Object.values(files)) writeFileSync(file, '');
    const env = stackEnv({ ...files, INPUT_URL: `${base}/flaky?key=action2&fail=1`, 'INPUT_INTERVAL-SECONDS': '0.2', INPUT_HEADER: 'x-version' });
    const run = await runNode('actions/verify/dist/index.cjs', [], env);
    expect(run.code, run.stdout).toBe(0);
    expect(readCommandFile(files.GITHUB_OUTPUT)).toMatchObject({ result: 'passed', attempts: '2', 'failed-checks': '' });
    expect(readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8')).toContain('### verify: passed');
  });
});

/** The retry loop in process, on a clock of the test's own: minutes of waiting in milliseconds. */
describe('runSmokeChecks on a service that takes 40 s to warm up', () => {
  function virtualClock(): Clock & { slept: number[] } {
    let now = 0;
    const slept: number[] = [];
    return { slept, now: () => now, sleep: async (ms) => void (slept.push(ms), (now += ms)) };
  }
  const quietRuntime = { info: () => {}, appendSummary: async () => {} } as unknown as Runtime;

  it('passes with the default schedule, with growing jittered waits', async () => {
    const clock = virtualClock();
    const warming = createServer((_req, res) => res.writeHead(clock.now() < 40_000 ? 503 : 200).end(clock.now() < 40_000 ? 'starting' : 'ready'));
    const port = await listen(warming);
    try {
      const plan = (await smokePlanOf(parseInputs(verifyStage, { url: `http://127.0.0.1:${port}/`, 'body-contains': 'ready' })))!;
      const result = await runSmokeChecks(plan.checks, plan.options, quietRuntime, clock);
      expect(result.passed).toBe(true);
      expect(result.attempts).toBe(clock.slept.length + 1);
      expect(clock.now()).toBeGreaterThanOrEqual(40_000);
      // Waits grow from about the interval (2 s) to at most eight times it, so the answer is seen within 16 s.
      expect(clock.slept[0]).toBeGreaterThanOrEqual(1_000);
      expect(Math.max(...clock.slept)).toBeLessThanOrEqual(16_000);
      expect(clock.now()).toBeLessThan(40_000 + 16_000);
    } finally {
      warming.close();
    }
  });

  it('fails at the deadline, the last attempt made at it', async () => {
    const clock = virtualClock();
    const never = createServer((_req, res) => res.writeHead(503).end());
    const port = await listen(never);
    try {
      const plan = (await smokePlanOf(parseInputs(verifyStage, { url: `http://127.0.0.1:${port}/`, 'deadline-seconds': '30' })))!;
      const result = await runSmokeChecks(plan.checks, plan.options, quietRuntime, clock);
      expect(result.passed).toBe(false);
      expect(clock.slept.reduce((a, b) => a + b, 0)).toBe(30_000);
      expect(result.checks[0]!.attempts).toBe(clock.slept.length + 1);
      expect(result.checks[0]!.last.unmet).toEqual(['status 503, expected 200']);
    } finally {
      never.close();
    }
  });
});
