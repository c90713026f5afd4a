import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { parseChallenge, RegistryClient, RegistryError } from '../../src/oci/registry.js';

/**
 * A loopback HTTP server scripted request by request: only for the faults a real registry will not produce on demand
 * (5xx bursts, throttling, dropped connections, token services). The happy paths run against docker-registry in the
 * integration tests.
 */
interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}
type Handler = (req: Seen, res: ServerResponse, host: string) => void;

const servers: ReturnType<typeof createServer>[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function faultServer(handler: Handler) {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request = { method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks) };
      seen.push(request);
      handler(request, res, host);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { host, seen };
}

const blob = { mediaType: 'application/octet-stream', digest: 'sha256:' + 'a'.repeat(64), size: 10 };
const read = async (offset: number, length: number) => Buffer.alloc(length, offset % 256);

function client(host: string, extra: Partial<ConstructorParameters<typeof RegistryClient>[0]> = {}) {
  return new RegistryClient({ endpoint: { scheme: 'http', host }, repository: 'shop/api', retryDelayMs: 1, maxAttempts: 3, ...extra });
}

describe('RegistryClient retries', () => {
  it('retries a blob upload that got a 503, in a new upload session, and succeeds', async () => {
    let puts = 0;
    const { host, seen } = await faultServer((req, res) => {
      if (req.method === 'HEAD') return res.writeHead(404).end();
      if (req.method === 'POST') return res.writeHead(202, { location: `/v2/shop/api/blobs/uploads/${seen.length}` }).end();
      if (req.method === 'PUT') return ++puts === 1 ? res.writeHead(503).end() : res.writeHead(201).end();
      return res.writeHead(500).end();
    });
    const registry = client(host);
    expect(await registry.ensureBlob(blob, read)).toBe('uploaded');
    expect(seen.map((r) => r.method)).toEqual(['HEAD', 'POST', 'PUT', 'POST', 'PUT']);
    expect(seen[4]!.url).toMatch(new RegExp(`^/v2/shop/api/blobs/uploads/\\d+\\?digest=sha256%3A${'a'.repeat(64)}$`));
    expect(seen[4]!.body.length).toBe(10);
    expect(registry.stats).toMatchObject({ blobsUploaded: 1, bytesUploaded: 10 });
  });

  it('retries throttling (429) and dropped connections on idempotent calls', async () => {
    let n = 0;
    const { host } = await faultServer((_req, res) => {
      n++;
      if (n === 1) return res.writeHead(429).end();
      if (n === 2) return res.socket?.destroy();
      return res.writeHead(200, { 'docker-content-digest': 'sha256:' + 'b'.repeat(64) }).end();
    });
    expect(await client(host).manifestDigest('latest')).toBe('sha256:' + 'b'.repeat(64));
    expect(n).toBe(3);
  });

  it('stops after maxAttempts with the status and the registry error in the message', async () => {
    const { host, seen } = await faultServer((_req, res) => {
      return res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ code: 'UNKNOWN', message: 'disk full' }] }));
    });
    await expect(client(host).putManifest('v1', 'application/vnd.oci.image.manifest.v1+json', Buffer.from('{}'))).rejects.toThrow(/HTTP 500 \(UNKNOWN: disk full\)/);
    expect(seen.length).toBe(3);
  });

  it('does not retry a client error, and reports its distribution error code', async () => {
    const { host, seen } = await faultServer((_req, res) => {
      return res.writeHead(400, { 'content-type': 'application/json' }).end(
        JSON.stringify({ errors: [{ code: 'TAG_INVALID', message: "The image tag 'v1' already exists in the 'shop/api' repository and cannot be overwritten because the repository is immutable." }] }),
      );
    });
    const error = await client(host).putManifest('v1', 'application/vnd.oci.image.manifest.v1+json', Buffer.from('{}')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryError);
    expect((error as RegistryError).codes).toEqual(['TAG_INVALID']);
    expect((error as Error).message).toMatch(/shop\/api:v1: HTTP 400 \(TAG_INVALID: The image tag 'v1' already exists/);
    expect(seen.length).toBe(1);
  });
});

describe('RegistryClient uploads', () => {
  it('sends a large blob in PATCH chunks with Content-Range, following each Location, then closes with PUT', async () => {
    const { host, seen } = await faultServer((req, res) => {
      if (req.method === 'HEAD') return res.writeHead(404).end();
      if (req.method === 'POST') return res.writeHead(202, { location: '/upload/0' }).end();
      if (req.method === 'PATCH') return res.writeHead(202, { location: `/upload/${seen.length}` }).end();
      if (req.method === 'PUT') return res.writeHead(201).end();
      return res.writeHead(405).end();
    });
    await client(host, { chunkSize: 4 }).ensureBlob(blob, read);
    const patches = seen.filter((r) => r.method === 'PATCH');
    expect(patches.map((r) => r.headers['content-range'])).toEqual(['0-3', '4-7', '8-9']);
    expect(patches.map((r) => r.url)).toEqual(['/upload/0', '/upload/3', '/upload/4']);
    const put = seen.at(-1)!;
    expect(put.method).toBe('PUT');
    expect(put.url).toMatch(/^\/upload\/5\?digest=sha256/);
    expect(put.body.length).toBe(0);
  });

  it('skips a blob the registry has', async () => {
    const { host, seen } = await faultServer((_req, res) => res.writeHead(200).end());
    const registry = client(host);
    expect(await registry.ensureBlob(blob, read)).toBe('present');
    expect(seen.map((r) => r.method)).toEqual(['HEAD']);
    expect(registry.stats).toMatchObject({ blobsSkipped: 1, blobsUploaded: 0 });
  });
});

describe('RegistryClient authentication', () => {
  const credentials = { username: 'AWS', password: 'pw-from-ecr' };
  const basic = `Basic ${Buffer.from('AWS:pw-from-ecr').toString('base64')}`;

  it('answers a Basic challenge with the credentials and keeps using them', async () => {
    const { host, seen } = await faultServer((req, res) => {
      if (req.headers.authorization !== basic) return res.writeHead(401, { 'www-authenticate': 'Basic realm="https://ecr.example"' }).end();
      return res.writeHead(404).end();
    });
    const registry = client(host, { credentials });
    expect(await registry.blobExists(blob.digest)).toBe(false);
    expect(await registry.blobExists(blob.digest)).toBe(false);
    expect(seen.map((r) => r.headers.authorization)).toEqual([undefined, basic, basic]);
  });

  it('fetches a bearer token with the credentials for the challenged scope', async () => {
    const { host, seen } = await faultServer((req, res, self) => {
      if (req.url.startsWith('/token')) {
        if (req.headers.authorization !== basic) return res.writeHead(401).end();
        return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token: 'tok-123' }));
      }
      if (req.headers.authorization !== 'Bearer tok-123') {
        return res.writeHead(401, { 'www-authenticate': `Bearer realm="http://${self}/token",service="reg",scope="repository:shop/api:pull,push"` }).end();
      }
      return res.writeHead(200).end();
    });
    expect(await client(host, { credentials }).blobExists(blob.digest)).toBe(true);
    const token = seen.find((r) => r.url.startsWith('/token'))!;
    expect(new URL(token.url, 'http://x').searchParams.get('scope')).toBe('repository:shop/api:pull,push');
    expect(new URL(token.url, 'http://x').searchParams.get('service')).toBe('reg');
  });

  it('never sends the credentials to another host named in a Location header', async () => {
    const other = await faultServer((_req, res) => res.writeHead(201).end());
    const { host, seen } = await faultServer((req, res) => {
      if (!req.headers.authorization) return res.writeHead(401, { 'www-authenticate': 'Basic realm="r"' }).end();
      if (req.method === 'HEAD') return res.writeHead(404).end();
      return res.writeHead(202, { location: `http://${other.host}/upload/1` }).end();
    });
    await client(host, { credentials }).ensureBlob(blob, read);
    expect(seen.filter((r) => r.method === 'POST').at(-1)!.headers.authorization).toBe(basic);
    expect(other.seen).toHaveLength(1);
    expect(other.seen[0]!.headers.authorization).toBeUndefined();
  });

  it('says so when the registry wants credentials and there are none', async () => {
    const { host } = await faultServer((_req, res) => res.writeHead(401, { 'www-authenticate': 'Basic realm="r"' }).end());
    await expect(client(host).blobExists(blob.digest)).rejects.toThrow(/asks for credentials/);
  });

  it('parses challenges with quoted and bare values', () => {
    expect(parseChallenge('Bearer realm="https://auth.example/token",service=registry.example,scope="repository:a/b:pull,push"')).toEqual({
      scheme: 'bearer',
      params: { realm: 'https://auth.example/token', service: 'registry.example', scope: 'repository:a/b:pull,push' },
    });
    expect(parseChallenge('Basic realm="x"')).toEqual({ scheme: 'basic', params: { realm: 'x' } });
    expect(parseChallenge(null)).toBeUndefined();
  });
});
