import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { configureNetwork } from '../../src/model/network.js';
import { githubIdToken } from '../../src/runtime/github/id-token.js';

// The runner's token service on loopback: each test queues the answers it gives, in order.
const BEARER = 'request-token-0123456789';
type Answer = (req: IncomingMessage, res: ServerResponse) => void;
let answers: Answer[] = [];
const seen: { audience: string | null; authorization?: string }[] = [];
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  seen.push({ audience: url.searchParams.get('audience'), authorization: req.headers.authorization });
  (answers.shift() ?? ((_, r) => r.writeHead(500).end()))(req, res);
});
let env: Record<string, string>;

/** The error a call failed with; a call that succeeds fails the test. */
const failureOf = (call: Promise<string>) =>
  call.then(
    (token) => expect.unreachable(`got a token: ${token}`),
    (error: Error & { remedy?: string }) => error,
  );
const token = (value: string): Answer => (_, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ value }));
const status = (code: number, headers: Record<string, string> = {}): Answer => (_, res) => res.writeHead(code, headers).end('{"message":"no"}');

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  env = {
    ACTIONS_ID_TOKEN_REQUEST_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/idtoken?api-version=2.0`,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: BEARER,
  };
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => {
  answers = [];
  seen.length = 0;
  configureNetwork({});
});

describe('the runner OIDC token request', () => {
  it('asks with the bearer token for the audience and returns the token', async () => {
    answers = [token('a.b.c')];
    const warnings: string[] = [];
    expect(await githubIdToken('sts.amazonaws.com', env, (line) => warnings.push(line))).toBe('a.b.c');
    expect(seen).toEqual([{ audience: 'sts.amazonaws.com', authorization: `Bearer ${BEARER}` }]);
    expect(warnings).toEqual([]);
  });

  it('asks again after a 503, a 429 and an answer without a token, saying why each time', async () => {
    answers = [status(503), status(429, { 'retry-after': '0' }), (_, res) => res.writeHead(200).end('{"val'), token('x.y.z')];
    const warnings: string[] = [];
    expect(await githubIdToken('sts.amazonaws.com', env, (line) => warnings.push(line))).toBe('x.y.z');
    expect(seen).toHaveLength(4);
    expect(warnings.map((line) => line.replace(/\d+ ms/, 'N ms'))).toEqual([
      'requesting the OIDC token: HTTP 503, retrying in N ms',
      'requesting the OIDC token: HTTP 429, retrying in N ms',
      'requesting the OIDC token: an answer without a token, retrying in N ms',
    ]);
  }, 20_000);

  it('asks again when the service stalls past the request bound', async () => {
    configureNetwork({ GANTRY_REQUEST_TIMEOUT_SECONDS: '0.3' });
    answers = [() => undefined, token('s.t.u')];
    const warnings: string[] = [];
    expect(await githubIdToken('sts.amazonaws.com', env, (line) => warnings.push(line))).toBe('s.t.u');
    expect(warnings[0]).toMatch(/^requesting the OIDC token: no answer within 0.3 s, retrying in \d+ ms$/);
  }, 20_000);

  it('stops at once on a refusal, with the remedy and without the bearer token', async () => {
    answers = [status(403)];
    const failure = await failureOf(githubIdToken('sts.amazonaws.com', env, () => undefined));
    expect(seen).toHaveLength(1);
    expect(failure.message).toBe('the runner refused the OIDC token request (audience sts.amazonaws.com): HTTP 403');
    expect(failure.remedy).toContain('id-token: write');
    expect(JSON.stringify({ message: failure.message, remedy: failure.remedy })).not.toContain(BEARER);
  });

  it('names the missing permission when the runner offers no token', async () => {
    const failure = await failureOf(githubIdToken('sts.amazonaws.com', {}, () => undefined));
    expect(failure.message).toContain('ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set');
    expect(failure.remedy).toContain('permissions: id-token: write');
    expect(seen).toHaveLength(0);
  });

  it('gives up after five failed attempts, with the last cause', async () => {
    answers = [status(502), status(502), status(502), status(502), status(502)];
    const failure = await failureOf(githubIdToken('sts.amazonaws.com', env, () => undefined));
    expect(failure.message).toBe('no OIDC token from the runner after 5 attempts: HTTP 502');
    expect(seen).toHaveLength(5);
  }, 30_000);
});
