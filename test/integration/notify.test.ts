import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCommandFile, runCli, runNode, stackEnv, type Run } from './support.js';

/**
 * The notify stage against receivers on loopback that record what they get and answer as Slack and webhook
 * receivers do: ok, rate limited, failing for a while, or always. The URLs carry a secret-looking token in their
 * path, as Slack's do, and the tests look for it in everything the step leaves behind.
 */
const TOKEN = `gantryT0k3n${randomBytes(12).toString('hex')}`;
const DIGEST = `sha256:${'d1'.repeat(32)}`;
const IMAGE = `127.0.0.1:5000/gantry/api@${DIGEST}`;
const SHA = '0123456789abcdef0123456789abcdef01234567';

interface Received {
  readonly path: string;
  readonly contentType?: string;
  readonly body: unknown;
}
const received = new Map<string, Received[]>();
const answered = new Map<string, number>();

let receiver: Server;
let base: string;
const dir = mkdtempSync(join(tmpdir(), 'gantry-notify-'));

/** Paths `/<behaviour>/<key>/<token>`: each test its own key, so their counts never mix. */
beforeAll(async () => {
  receiver = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      const [, behaviour, key] = req.url!.split('/');
      const id = `${behaviour}/${key}`;
      const n = (answered.get(id) ?? 0) + 1;
      answered.set(id, n);
      const record = () => received.set(id, [...(received.get(id) ?? []), { path: req.url!, contentType: req.headers['content-type'], body: JSON.parse(text) }]);
      if (behaviour === 'ok' || (behaviour === 'flaky' && n > 2)) {
        record();
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      } else if (behaviour === 'limited' && n === 1) {
        res.writeHead(429, { 'retry-after': '1' }).end('rate_limited');
      } else if (behaviour === 'limited') {
        record();
        res.writeHead(200).end('ok');
      } else {
        // A failing receiver whose error page quotes the path it was asked for, secret and all.
        res.writeHead(500, { 'content-type': 'text/plain' }).end(`internal error handling POST ${req.url}`);
      }
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(receiver.address() as { port: number }).port}`;
});

afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

const hook = (behaviour: string, key: string) => `${base}/${behaviour}/${key}/services/T0GANTRY/B0GANTRY/${TOKEN}`;

function outputs(run: Run): Record<string, string> {
  return Object.fromEntries(run.stdout.trim().split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
}

let runs = 0;
/** `gantry run notify` as Jenkins runs it: URLs from the environment, a summary file and an output file. */
async function notify(inputs: Record<string, string>, secrets: Record<string, string>) {
  const files = { summary: join(dir, `summary-${++runs}.md`), output: join(dir, `output-${runs}`) };
  const args = ['run', 'notify', '--output-file', files.output, ...Object.entries(inputs).flatMap(([name, value]) => [`--${name}`, value])];
  const run = await runCli(args, {
    ...secrets,
    GANTRY_SUMMARY_FILE: files.summary,
    GANTRY_REPOSITORY: 'acme/shop',
    GANTRY_SHA: SHA,
    GANTRY_RUN_ID: '4242',
    GITHUB_SERVER_URL: 'https://github.com',
  });
  const read = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : '');
  return { ...run, summary: read(files.summary), outputFile: read(files.output) };
}

/** Nothing the step printed or wrote holds the URL or its token. */
function expectNoSecret(...texts: string[]) {
  for (const text of texts) {
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain('/services/T0GANTRY');
  }
}

describe.concurrent('gantry run notify against loopback receivers', () => {
  it('posts a Block Kit message to Slack and the same facts to a JSON webhook', async ({ expect }) => {
    const run = await notify(
      { status: 'success', service: 'api', environment: 'staging', image: IMAGE, 'duration-seconds': '125', message: 'Release 2.3' },
      { SLACK_WEBHOOK_URL: hook('ok', 'slack'), GANTRY_WEBHOOK_URL: hook('ok', 'hook') },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(outputs(run)).toEqual({ delivered: 'slack,webhook', failed: '' });
    expectNoSecret(run.stdout, run.stderr, run.summary, run.outputFile);
    expect(run.stderr).toContain(`slack: notified 127.0.0.1:${new URL(base).port} (success)`);
    expect(run.summary).toContain(`- slack (127.0.0.1:${new URL(base).port}): delivered`);

    const [slack] = received.get('ok/slack')!;
    expect(slack!.contentType).toBe('application/json; charset=utf-8');
    const message = slack!.body as { text: string; blocks: { type: string; text?: { text: string }; fields?: { text: string }[]; elements?: { text: string }[] }[] };
    const runUrl = 'https://github.com/acme/shop/actions/runs/4242';
    expect(message.text).toBe(`Deploy of api to staging succeeded (${DIGEST}) ${runUrl}`);
    expect(message.blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'context']);
    expect(message.blocks[0]!.text!.text).toBe(':white_check_mark: Deploy of api to staging succeeded');
    expect(message.blocks[1]!.text!.text).toBe('Release 2.3');
    expect(message.blocks[2]!.fields!.map((f) => f.text)).toEqual([
      '*Status*\nsuccess',
      '*Service*\napi',
      '*Environment*\nstaging',
      `*Commit*\n<https://github.com/acme/shop/commit/${SHA}|${SHA.slice(0, 12)}>`,
      `*Image*\n\`${DIGEST}\``,
      '*Duration*\n2m05s',
    ]);
    expect(message.blocks[3]!.elements![0]!.text).toBe(`<${runUrl}|View run> · acme/shop · ${IMAGE}`);

    const [json] = received.get('ok/hook')!;
    expect(json!.body).toMatchObject({ status: 'success', service: 'api', environment: 'staging', image: IMAGE, digest: DIGEST, commit: SHA, runUrl, durationSeconds: 125 });
  });

  it('retries a receiver that fails twice, and one that is rate limited after its Retry-After', async ({ expect }) => {
    const started = Date.now();
    const run = await notify({ status: 'failure', service: 'billing' }, { SLACK_WEBHOOK_URL: hook('flaky', 'retry'), GANTRY_WEBHOOK_URL: hook('limited', 'retry') });
    expect(run.code, run.stderr).toBe(0);
    expect(outputs(run).delivered).toBe('slack,webhook');
    expect(answered.get('flaky/retry')).toBe(3);
    expect(received.get('flaky/retry')).toHaveLength(1);
    expect(answered.get('limited/retry')).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(run.stderr).toMatch(/slack: 127\.0\.0\.1:\d+ answered 500 \(internal error handling POST \*\*\*\); attempt 2\/4 in \d\.\ds/);
    expect(run.stderr).toMatch(/webhook: 127\.0\.0\.1:\d+ answered 429 \(rate_limited\); attempt 2\/4 in 1\.0s/);
    expect(run.stderr).toContain('(failure, attempt 3)');
    expectNoSecret(run.stdout, run.stderr, run.summary, run.outputFile);
  });

  it('warns and succeeds when a notification cannot be delivered', async ({ expect }) => {
    const run = await notify({ status: 'cancelled', attempts: '3' }, { GANTRY_WEBHOOK_URL: hook('down', 'warn') });
    expect(run.code, run.stderr).toBe(0);
    expect(outputs(run)).toEqual({ delivered: '', failed: 'webhook' });
    expect(answered.get('down/warn')).toBe(3);
    expect(run.stderr).toMatch(/warning: webhook: notification not delivered after 3 attempt\(s\): 127\.0\.0\.1:\d+ answered 500/);
    expect(run.summary).toMatch(/- webhook \(127\.0\.0\.1:\d+\): not delivered/);
    expectNoSecret(run.stdout, run.stderr, run.summary, run.outputFile);
  });

  it('fails with fail-on-error, naming the host only', async ({ expect }) => {
    const run = await notify({ status: 'unstable', attempts: '2', 'fail-on-error': 'true' }, { SLACK_WEBHOOK_URL: hook('down', 'strict') });
    expect(run.code).toBe(1);
    expect(outputs(run)).toEqual({ delivered: '', failed: 'slack' });
    expect(run.stderr).toMatch(/error: notify failed: notification not delivered: slack \(127\.0\.0\.1:\d+ answered 500/);
    expectNoSecret(run.stdout, run.stderr, run.summary, run.outputFile);
  });

  it('names only the host of a receiver that refuses connections', async ({ expect }) => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const run = await notify({ status: 'success', attempts: '1', 'fail-on-error': 'true' }, { SLACK_WEBHOOK_URL: `http://127.0.0.1:${port}/services/T0GANTRY/B0GANTRY/${TOKEN}` });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`slack (127.0.0.1:${port}: connection refused)`);
    expectNoSecret(run.stdout, run.stderr, run.summary, run.outputFile);
  });

  it('refuses plain http to a host that is not loopback, before sending anything and without repeating the URL', async ({ expect }) => {
    const run = await notify({ status: 'success' }, { SLACK_WEBHOOK_URL: `http://hooks.example.com/services/T0GANTRY/B0GANTRY/${TOKEN}` });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("input 'slack-webhook-url': must be an https:// URL (plain http:// is allowed for loopback hosts only)");
    expectNoSecret(run.stdout, run.stderr, run.summary, run.outputFile);
  });
});

describe('actions/notify (bundled)', () => {
  it('reads the secret inputs, masks them before anything else, and writes outputs and the step summary', async () => {
    const files = { GITHUB_OUTPUT: join(dir, 'action-output'), GITHUB_STEP_SUMMARY: join(dir, 'action-summary') };
    for (const file of Object.values(files)) writeFileSync(file, '');
    const env = stackEnv({
      ...files,
      GITHUB_REPOSITORY: 'acme/shop',
      GITHUB_RUN_ID: '777',
      GITHUB_SHA: SHA,
      GITHUB_SERVER_URL: 'https://github.example',
      INPUT_STATUS: 'failure',
      INPUT_SERVICE: 'api',
      INPUT_ENVIRONMENT: 'production',
      INPUT_IMAGE: IMAGE,
      'INPUT_SLACK-WEBHOOK-URL': hook('ok', 'action'),
      'INPUT_WEBHOOK-URL': hook('down', 'action'),
      INPUT_ATTEMPTS: '2',
    });
    const run = await runNode('actions/notify/dist/index.cjs', [], env);
    expect(run.code, run.stdout).toBe(0);

    // The runner is told the secrets first (it consumes these lines and never shows them); nothing else holds them.
    const lines = run.stdout.split('\n');
    const firstMask = lines.findIndex((line) => line.startsWith('::add-mask::'));
    expect(firstMask).toBe(0);
    expect(lines.filter((line) => line.startsWith('::add-mask::')).some((line) => line.includes(TOKEN))).toBe(true);
    const visible = lines.filter((line) => !line.startsWith('::add-mask::')).join('\n');
    expect(visible).toMatch(/::warning::webhook: notification not delivered after 2 attempt\(s\): 127\.0\.0\.1:\d+ answered 500/);
    const written = [readFileSync(files.GITHUB_OUTPUT, 'utf8'), readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8')];
    expectNoSecret(visible, run.stderr, ...written);
    expect(readCommandFile(files.GITHUB_OUTPUT)).toEqual({ delivered: 'slack', failed: 'webhook' });
    expect(written[1]).toContain('### notify: failure');

    const message = received.get('ok/action')![0]!.body as { text: string };
    expect(message.text).toBe(`Deploy of api to production failed (${DIGEST}) https://github.example/acme/shop/actions/runs/777`);
  });
});
