import { createServer as createHttpServer, request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, request as httpsRequest } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A fault one request gets instead of (or on the way back from) the real peer:
 * - `status`: an answer the peer never gives by itself (429/503 with or without Retry-After, an AWS error body);
 *   the request does not reach the peer;
 * - `reset`: the request reaches the peer, which acts on it; the client gets the status line, the headers and half
 *   of the first body chunk, then the connection is reset;
 * - `stall`: the request is held without an answer until the client gives up (or the proxy stops); it never
 *   reaches the peer;
 * - `truncate`: the request reaches the peer; the client gets its status and headers and half its body, with a
 *   Content-Length that matches the half (a well-formed response whose JSON breaks off).
 */
export type Fault =
  | { readonly kind: 'status'; readonly status: number; readonly retryAfter?: string; readonly headers?: Record<string, string>; readonly body?: string }
  | { readonly kind: 'reset' }
  | { readonly kind: 'stall' }
  | { readonly kind: 'truncate' };

export const fault = {
  status: (status: number, retryAfter?: string, body?: string): Fault => ({ kind: 'status', status, retryAfter, body }),
  /** An AWS JSON-protocol error answer (ECS, ECR, EKS): `__type` and message. */
  awsJson: (status: number, type: string, message: string): Fault => ({
    kind: 'status',
    status,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'fault-proxy' },
    body: JSON.stringify({ __type: type, message }),
  }),
  reset: { kind: 'reset' } as Fault,
  stall: { kind: 'stall' } as Fault,
  truncate: { kind: 'truncate' } as Fault,
};

/** What a rule sees of a request: method, path with query, headers, the body's text and the AWS operation it names. */
export interface SeenRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
  /** `X-Amz-Target`'s operation (JSON protocols), the `Action` parameter (query protocols) or S3's `x-id`, else ''. */
  readonly operation: string;
}

export interface FaultMatch {
  readonly method?: string;
  readonly path?: RegExp;
  readonly operation?: string;
  readonly when?: (request: SeenRequest) => boolean;
}

export interface ProxyLogEntry {
  readonly method: string;
  readonly path: string;
  readonly operation: string;
  /** The fault served, or undefined when the request went through untouched. */
  readonly fault?: Fault['kind'];
  readonly status?: number;
}

export interface FaultProxyOptions {
  /** The real peer: http(s)://host:port. */
  readonly upstream: string;
  /** Serve TLS with this key and certificate (a certificate the client already trusts, e.g. the peer's own). */
  readonly tls?: { readonly key: string | Buffer; readonly cert: string | Buffer };
  /** CA that signed an https upstream's certificate. */
  readonly upstreamCa?: string | Buffer;
  /**
   * Rewrites the peer's answer to matching requests (buffered), e.g. DescribeCluster's endpoint so that a client
   * finds its way to a second proxy. Undefined leaves the answer as it is.
   */
  readonly rewriteAnswer?: (request: SeenRequest, body: Buffer) => Buffer | undefined;
}

interface Rule {
  readonly match: FaultMatch;
  readonly faults: Fault[];
}

/**
 * A loopback proxy any HTTP peer can sit behind (moto's AWS APIs, the OCI registry, the Kubernetes API over TLS, the
 * GitHub stand-in, a git smart-HTTP remote, a webhook receiver). Requests go through untouched (streamed, so watches
 * and pushes work) unless a rule matches: each matching request then consumes the rule's next fault, in order.
 */
export class FaultProxy {
  private server?: Server;
  private readonly rules: Rule[] = [];
  private readonly sockets = new Set<Socket>();
  readonly log: ProxyLogEntry[] = [];
  /** Every request as the proxy saw it, bodies included, in order. */
  readonly requests: SeenRequest[] = [];
  /** host:port the proxy listens on, once started. */
  host = '';

  constructor(private readonly options: FaultProxyOptions) {}

  /** Serves `faults` to the next requests matching `match`, one each; later matching requests go through. */
  inject(match: FaultMatch, ...faults: Fault[]): this {
    this.rules.push({ match, faults: [...faults] });
    return this;
  }

  /** The faults served so far, as `<kind>` or `<status>` strings in order. */
  served(): string[] {
    return this.log.filter((e) => e.fault).map((e) => (e.fault === 'status' ? String(e.status) : e.fault!));
  }

  /** Faults injected but not yet served. */
  pending(): number {
    return this.rules.reduce((n, rule) => n + rule.faults.length, 0);
  }

  get url(): string {
    return `${this.options.tls ? 'https' : 'http'}://${this.host}`;
  }

  async start(): Promise<string> {
    const handler = (req: IncomingMessage, res: ServerResponse) => void this.handle(req, res);
    this.server = this.options.tls ? createHttpsServer({ key: this.options.tls.key, cert: this.options.tls.cert }, handler) : createHttpServer(handler);
    this.server.on(this.options.tls ? 'secureConnection' : 'connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.host = `127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const seen: SeenRequest = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body: body.toString('latin1'), operation: operationOf(req, body) };
    this.requests.push(seen);
    const rule = this.rules.find((r) => r.faults.length > 0 && matches(r.match, seen));
    const chosen = rule?.faults.shift();
    this.log.push({ method: seen.method, path: seen.path, operation: seen.operation, fault: chosen?.kind, status: chosen?.kind === 'status' ? chosen.status : undefined });

    if (chosen?.kind === 'status') {
      const headers: OutgoingHttpHeaders = { 'content-type': 'application/json', ...chosen.headers };
      if (chosen.retryAfter !== undefined) headers['retry-after'] = chosen.retryAfter;
      const text = chosen.body ?? JSON.stringify({ errors: [{ code: chosen.status === 429 ? 'TOOMANYREQUESTS' : 'UNAVAILABLE', message: 'injected by the fault proxy' }] });
      res.writeHead(chosen.status, { ...headers, 'content-length': Buffer.byteLength(text) });
      res.end(text);
      return;
    }
    if (chosen?.kind === 'stall') return; // held until the client or stop() closes the socket

    const upstream = this.forward(req, body);
    upstream.on('error', (error) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`fault proxy: upstream ${error.message}`);
    });
    upstream.on('response', (answer) => {
      const headers = { ...answer.headers };
      if (chosen?.kind === 'reset') {
        answer.once('data', (first: Buffer) => {
          res.writeHead(answer.statusCode ?? 502, headers);
          res.write(first.subarray(0, Math.max(1, Math.floor(first.length / 2))));
          answer.destroy();
          setTimeout(() => res.socket?.destroy(), 20);
        });
        answer.once('end', () => res.socket?.destroy());
        return;
      }
      if (chosen?.kind === 'truncate') {
        const parts: Buffer[] = [];
        answer.on('data', (c: Buffer) => parts.push(c));
        answer.on('end', () => {
          const whole = Buffer.concat(parts);
          const cut = whole.subarray(0, Math.floor(whole.length / 2));
          delete headers['transfer-encoding'];
          delete headers['content-encoding'];
          res.writeHead(answer.statusCode ?? 502, { ...headers, 'content-length': cut.length });
          res.end(cut);
        });
        return;
      }
      const rewrite = this.options.rewriteAnswer;
      if (rewrite) {
        const parts: Buffer[] = [];
        answer.on('data', (c: Buffer) => parts.push(c));
        answer.on('end', () => {
          const whole = Buffer.concat(parts);
          const out = rewrite(seen, whole) ?? whole;
          delete headers['transfer-encoding'];
          res.writeHead(answer.statusCode ?? 502, { ...headers, 'content-length': out.length });
          res.end(out);
        });
        return;
      }
      res.writeHead(answer.statusCode ?? 502, headers);
      answer.pipe(res);
      res.on('close', () => answer.destroy());
    });
    upstream.end(body);
  }

  private forward(req: IncomingMessage, body: Buffer) {
    const target = new URL(req.url ?? '/', this.options.upstream);
    // The Host header stays the proxy's: signatures cover it, and peers build their Location headers from it.
    const headers = { ...req.headers, 'content-length': String(body.length) };
    delete headers['transfer-encoding'];
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    return send(target, { method: req.method, headers, ca: this.options.upstreamCa });
  }
}

function matches(match: FaultMatch, seen: SeenRequest): boolean {
  if (match.method && match.method !== seen.method) return false;
  if (match.path && !match.path.test(seen.path)) return false;
  if (match.operation && match.operation !== seen.operation) return false;
  return match.when ? match.when(seen) : true;
}

function operationOf(req: IncomingMessage, body: Buffer): string {
  const target = req.headers['x-amz-target'];
  if (typeof target === 'string') return target.split('.').pop() ?? '';
  const params = new URL(req.url ?? '/', 'http://x').searchParams;
  // The query protocols name the operation `Action`; the SDK marks S3's REST calls with `x-id`.
  const named = params.get('Action') ?? params.get('x-id');
  if (named) return named;
  if (String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
    return new URLSearchParams(body.toString('utf8')).get('Action') ?? '';
  }
  return '';
}

/** Starts a proxy in front of `upstream`; the caller stops it. */
export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const proxy = new FaultProxy(options);
  await proxy.start();
  return proxy;
}
