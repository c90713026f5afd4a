import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serveGitHttpBackend } from '../fixtures/gitops/git-http.js';

/**
 * Smart HTTP through `git http-backend` (CGI) behind a loopback server that insists on GitHub's header form of
 * the token: the only way an https bump can authenticate here is the `http.extraHeader` the stage configures.
 */
export async function gitHttpServer(projectRoot: string, token: string) {
  const expected = `Basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`;
  const seen: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url!, 'http://127.0.0.1');
    seen.push(`${req.method} ${url.pathname}${url.search} ${req.headers.authorization === expected ? 'authorized' : 'anonymous'}`);
    if (req.headers.authorization !== expected) {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="gitops"' });
      res.end('authentication required\n');
      return;
    }
    serveGitHttpBackend(projectRoot, req, res, 'x-access-token');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
