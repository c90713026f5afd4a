import { createServer, type Server } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIssuer, mintToken } from '../../src/local/oidc.js';
import { readCommandFile, runNode, stackEnv } from './support.js';

const ACTION = 'actions/auth/dist/index.cjs';
const REQUEST_TOKEN = 'runner-request-token-0123456789';

/**
 * The runner's side of the OIDC token request: GitHub serves ID tokens at ACTIONS_ID_TOKEN_REQUEST_URL to a bearer of
 * ACTIONS_ID_TOKEN_REQUEST_TOKEN, with the audience as a query parameter. This server does the same on loopback.
 */
let server: Server;
let tokenUrl: string;
const issued: { audience: string | null; token: string }[] = [];

beforeAll(async () => {
  const issuer = createIssuer();
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.headers.authorization !== `Bearer ${REQUEST_TOKEN}`) {
      res.writeHead(401).end();
      return;
    }
    const audience = url.searchParams.get('audience');
    const token = mintToken(issuer, { sub: 'repo:acme/shop:ref:refs/heads/main', aud: audience ?? '', repository: 'acme/shop' });
    issued.push({ audience, token });
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ value: token }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  tokenUrl = `http://127.0.0.1:${address.port}/idtoken?api-version=2.0`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Workflow commands the runner consumes and never shows, e.g. `::add-mask::value`. */
const addMaskLines = (output: string) => output.split('\n').filter((line) => line.startsWith('::add-mask::'));

function actionEnv(inputs: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'gantry-action-'));
  const files = { GITHUB_OUTPUT: join(dir, 'output'), GITHUB_ENV: join(dir, 'env'), GITHUB_STEP_SUMMARY: join(dir, 'summary') };
  for (const file of Object.values(files)) writeFileSync(file, '');
  const env = stackEnv({
    ...files,
    // A runner holds no AWS settings of its own: only the endpoint that stands in for AWS.
    AWS_ACCESS_KEY_ID: undefined,
    AWS_SECRET_ACCESS_KEY: undefined,
    AWS_ROLE_ARN: undefined,
    AWS_WEB_IDENTITY_TOKEN_FILE: undefined,
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_RUN_ID: '777',
    ACTIONS_ID_TOKEN_REQUEST_URL: tokenUrl,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: REQUEST_TOKEN,
  });
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  return { env, files };
}


describe('actions/auth (bundled) against the emulator', () => {
  it('exchanges the runner OIDC token for masked, exported credentials', async () => {
    const { env, files } = actionEnv({ 'aws-region': 'us-east-1', 'role-arn': 'arn:aws:iam::123456789012:role/gantry-deploy' });
    const run = await runNode(ACTION, [], env);
    const output = run.stdout + run.stderr;
    expect(run.code, output).toBe(0);

    expect(issued.at(-1)?.audience).toBe('sts.amazonaws.com');
    const outputs = readCommandFile(files.GITHUB_OUTPUT);
    expect(outputs['aws-account-id']).toBe('123456789012');
    expect(outputs['aws-identity-arn']).toContain('assumed-role/gantry-deploy/gantry-acme-shop-777');

    const exported = readCommandFile(files.GITHUB_ENV);
    expect(exported.AWS_REGION).toBe('us-east-1');
    const secrets = [exported.AWS_ACCESS_KEY_ID!, exported.AWS_SECRET_ACCESS_KEY!, exported.AWS_SESSION_TOKEN!, issued.at(-1)!.token];
    for (const secret of secrets) expect(secret).toMatch(/\S{16,}/);

    // Every secret is registered with the runner before use, and nothing the runner would show contains one.
    const masked = addMaskLines(run.stdout).map((line) => line.slice('::add-mask::'.length));
    for (const secret of secrets) expect(masked).toContain(secret);
    const visible = output
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n');
    for (const secret of secrets) expect(visible).not.toContain(secret);
  });

  it('asks the runner for the configured audience', async () => {
    const { env } = actionEnv({ 'aws-region': 'us-east-1', 'role-arn': 'arn:aws:iam::123456789012:role/gantry-deploy', audience: 'sts.example' });
    await runNode(ACTION, [], env);
    expect(issued.at(-1)?.audience).toBe('sts.example');
  });

  it('fails the step at once on a malformed role ARN, naming the input', async () => {
    const { env } = actionEnv({ 'aws-region': 'us-east-1', 'role-arn': 'arn:aws:iam::123456789012:user/someone' });
    const run = await runNode(ACTION, [], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("::error::auth failed: input 'role-arn'");
  });
});
