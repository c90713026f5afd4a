import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchange, HttpFailure } from '../../src/http/exchange.js';

// Two loopback origins: the API, and "storage" on another port that a redirect sends blobs to.
type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;
const routes = new Map<string, Handler>();
const seen: { origin: string; method: string; path: string; authorization?: string; body: string; socket: number }[] = [];
let api: Server;
let storage: Server;
let apiUrl: string;
let storageUrl: string;
const sockets = new WeakMap<object, number>();
let nextSocket = 0;

function serve(): Promise<[Server, string]> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      if (!sockets.has(req.socket)) sockets.set(req.socket, nextSocket++);
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      seen.push({ origin, method: req.method!, path: req.url!, authorization: req.headers.authorization, body, socket: sockets.get(req.socket)! });
      const handler = routes.get(req.url!.split('?')[0]!);
      if (handler) handler(req, res, body);
      else res.writeHead(404).end();
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve([server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`])));
}

beforeAll(async () => {
  [api, apiUrl] = await serve();
  [storage, storageUrl] = await serve();
  routes.set('/json', (_req, res) => res.writeHead(200, { 'content-type': 'application/json', 'x-multi': ['a', 'b'] }).end('{"ok":true}'));
  routes.set('/echo', (req, res, body) => res.writeHead(201, { 'content-type': 'text/plain' }).end(`${req.method} ${req.headers['content-length']} ${body}`));
  routes.set('/blob', (_req, res) => res.writeHead(307, { location: `${storageUrl}/stored?sig=1` }).end());
  routes.set('/same-origin', (_req, res) => res.writeHead(302, { location: '/json' }).end());
  routes.set('/loop', (_req, res) => res.writeHead(302, { location: '/loop' }).end());
  routes.set('/stored', (_req, res) => res.writeHead(200).end('blob bytes'));
  routes.set('/stall', () => undefined);
  routes.set('/broken', (_req, res) => {
    res.writeHead(200, { 'content-length': '100' });
    res.write('partial');
    setTimeout(() => res.socket?.destroy(), 20);
  });
  routes.set('/large', (_req, res) => res.writeHead(200, { 'content-length': '2048' }).end(Buffer.alloc(2048)));
  routes.set('/large-chunked', (_req, res) => {
    res.writeHead(200);
    res.write(Buffer.alloc(1024));
    res.end(Buffer.alloc(1024));
  });
});

afterAll(() => {
  api.closeAllConnections();
  storage.closeAllConnections();
  api.close();
  storage.close();
});

async function failureOf(promise: Promise<unknown>): Promise<HttpFailure> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(HttpFailure);
  return error as HttpFailure;
}

describe('exchange', () => {
  it('reads an answer whole, headers by any case, repeated ones joined as fetch joins them', async () => {
    const response = await exchange(`${apiUrl}/json`, { timeoutMs: 2_000 });
    expect(response.status).toBe(200);
    expect(response.ok).toBe(true);
    expect(response.json()).toEqual({ ok: true });
    expect(response.headers.get('Content-Type')).toBe('application/json');
    expect(response.headers.get('x-multi')).toBe('a, b');
    expect(response.headers.has('location')).toBe(false);
    expect(response.headers.get('location')).toBeNull();
  });

  it('sends a body with its length, and keeps the connection for the next request', async () => {
    seen.length = 0;
    const first = await exchange(`${apiUrl}/echo`, { method: 'PUT', body: Buffer.from('héllo'), timeoutMs: 2_000 });
    const second = await exchange(`${apiUrl}/echo`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' }, timeoutMs: 2_000 });
    expect(first.text()).toBe('PUT 6 héllo');
    expect(second.text()).toBe('POST 2 {}');
    expect(seen[0]!.socket).toBe(seen[1]!.socket);
  });

  it('follows a GET to another origin without the credentials, and within one origin with them', async () => {
    seen.length = 0;
    const blob = await exchange(`${apiUrl}/blob`, { headers: { Authorization: 'Bearer registry-token' }, followRedirects: true, timeoutMs: 2_000 });
    expect(blob.text()).toBe('blob bytes');
    expect(seen.map(({ origin, path, authorization }) => [origin, path, authorization])).toEqual([
      [apiUrl, '/blob', 'Bearer registry-token'],
      [storageUrl, '/stored?sig=1', undefined],
    ]);
    seen.length = 0;
    await exchange(`${apiUrl}/same-origin`, { headers: { authorization: 'Bearer registry-token' }, followRedirects: true, timeoutMs: 2_000 });
    expect(seen.map(({ authorization }) => authorization)).toEqual(['Bearer registry-token', 'Bearer registry-token']);
  });

  it('gives the redirect itself when not following, or for a method other than GET and HEAD', async () => {
    expect((await exchange(`${apiUrl}/blob`, { timeoutMs: 2_000 })).status).toBe(307);
    expect((await exchange(`${apiUrl}/blob`, { method: 'POST', followRedirects: true, timeoutMs: 2_000 })).status).toBe(307);
    expect((await failureOf(exchange(`${apiUrl}/loop`, { followRedirects: true, timeoutMs: 2_000 }))).code).toBe('ETOOMANYREDIRECTS');
  });

  it('fails past its bound with ETIMEDOUT, saying the bound', async () => {
    const failure = await failureOf(exchange(`${apiUrl}/stall`, { timeoutMs: 200 }));
    expect(failure.code).toBe('ETIMEDOUT');
    expect(failure.message).toBe('no answer within 0.2 s');
  });

  it('fails with ECONNRESET when the body breaks off, and says a refused connection without the address', async () => {
    const broken = await failureOf(exchange(`${apiUrl}/broken`, { timeoutMs: 2_000 }));
    expect([broken.code, broken.message]).toEqual(['ECONNRESET', 'the answer broke off']);
    // A port just freed: nothing listens there.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', () => resolve()));
    const unused = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const refused = await failureOf(exchange(`http://127.0.0.1:${unused}/x`, { timeoutMs: 2_000 }));
    expect([refused.code, refused.message]).toEqual(['ECONNREFUSED', 'connection refused']);
  });

  it('refuses an answer longer than asked for, declared or streamed', async () => {
    const declared = await failureOf(exchange(`${apiUrl}/large`, { maxBodyBytes: 1024, timeoutMs: 2_000 }));
    expect([declared.code, declared.message]).toEqual(['EBODYTOOLARGE', 'an answer of 2048 bytes, more than the 1024 expected']);
    const streamed = await failureOf(exchange(`${apiUrl}/large-chunked`, { maxBodyBytes: 1500, timeoutMs: 2_000 }));
    expect(streamed.code).toBe('EBODYTOOLARGE');
    expect((await exchange(`${apiUrl}/large`, { maxBodyBytes: 2048, timeoutMs: 2_000 })).body).toHaveLength(2048);
  });
});
