import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

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
    const cgi = execFile('git', ['http-backend'], {
      encoding: 'buffer',
      maxBuffer: 64 * 1024 * 1024,
      env: {
        PATH: process.env.PATH,
        GIT_PROJECT_ROOT: projectRoot,
        GIT_HTTP_EXPORT_ALL: '1',
        REMOTE_USER: 'x-access-token',
        REQUEST_METHOD: req.method,
        PATH_INFO: url.pathname,
        QUERY_STRING: url.search.slice(1),
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        HTTP_CONTENT_ENCODING: req.headers['content-encoding'] ?? '',
        GIT_PROTOCOL: String(req.headers['git-protocol'] ?? ''),
      },
    }, (error, stdout) => {
      if (error && !stdout.length) {
        res.writeHead(500);
        res.end();
        return;
      }
      const split = stdout.indexOf('\r\n\r\n');
      const headerText = stdout.subarray(0, split).toString();
      let status = 200;
      const headers: Record<string, string> = {};
      for (const line of headerText.split('\r\n')) {
        const [name, ...rest] = line.split(':');
        const value = rest.join(':').trim();
        if (name!.toLowerCase() === 'status') status = Number.parseInt(value, 10);
        else headers[name!] = value;
      }
      res.writeHead(status, headers);
      res.end(stdout.subarray(split + 4));
    });
    req.pipe(cgi.stdin!);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
