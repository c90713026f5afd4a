import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, test } from 'vitest';
import { fault, startFaultProxy, type Fault } from './fault-proxy.js';
import { runCli } from './support.js';

// notify with its webhook receiver (a loopback server answering as Slack does) behind the fault proxy. The URL's
// path is the secret: it never shows, whatever the fault. A notification is delivered, or the step says why not.
async function notifyThrough(faults: readonly Fault[], extra: string[] = []) {
  const token = `T0k3n${randomBytes(12).toString('hex')}`;
  const delivered: unknown[] = [];
  const receiver = createServer((req, res) => {
    let text = '';
    req.on('data', (c) => (text += c));
    req.on('end', () => {
      delivered.push(JSON.parse(text));
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const proxy = await startFaultProxy({ upstream: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}` });
  proxy.inject({ method: 'POST' }, ...faults);
  try {
    const run = await runCli([
      'run', 'notify', '--status', 'success', '--service', 'api', '--slack-webhook-url', `${proxy.url}/services/${token}`, '--timeout-seconds', '1', ...extra,
    ]);
    return { run, proxy, delivered, token };
  } finally {
    await proxy.stop();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  }
}

describe.concurrent('notify under receiver faults', () => {
  test.for([
    ['a 503 burst', [fault.status(503), fault.status(503)], /answered 503.*attempt 2\//],
    ['a 429 with Retry-After', [fault.status(429, '1')], /answered 429.*attempt 2\//],
    ['a 429 with an HTTP-date Retry-After', [fault.status(429, new Date(Date.now() + 1000).toUTCString())], /answered 429.*attempt 2\//],
    ['a connection that stalls past the timeout', [fault.stall], /no answer within 1000 ms; attempt 2\//],
  ] as const)('%s: delivered once, the URL never shown', async ([, faults, logged], { expect }) => {
    const { run, proxy, delivered, token } = await notifyThrough(faults);
    expect(run.code, run.stderr).toBe(0);
    expect(proxy.pending()).toBe(0);
    expect(run.stderr).toMatch(logged);
    expect(delivered).toHaveLength(1);
    expect(`${run.stdout}${run.stderr}`).not.toContain(token);
  });

  test('a receiver that keeps failing: a warning naming the host and the answer, no URL, and the step still succeeds', async ({ expect }) => {
    const { run, delivered, token } = await notifyThrough(Array<Fault>(3).fill(fault.status(503)), ['--attempts', '3']);
    expect(run.code).toBe(0);
    expect(delivered).toHaveLength(0);
    expect(run.stderr).toMatch(/warning: .*127\.0\.0\.1:\d+ answered 503/);
    expect(`${run.stdout}${run.stderr}`).not.toContain(token);
  });

  test('with fail-on-error, a receiver that keeps stalling fails the step within its bound, naming the cause', async ({ expect }) => {
    const { run, delivered, token } = await notifyThrough(Array<Fault>(2).fill(fault.stall), ['--attempts', '2', '--fail-on-error', 'true']);
    expect(run.code).toBe(1);
    expect(delivered).toHaveLength(0);
    expect(run.stderr).toMatch(/notify failed: .*127\.0\.0\.1:\d+: no answer within 1000 ms/);
    expect(`${run.stdout}${run.stderr}`).not.toContain(token);
  });
});
