import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/**
 * One HTTP exchange over Node's own http/https, for the registry, the GitHub APIs and webhooks. Not `fetch`: in
 * Node 20 its first use loads the undici HTTP stack and compiles its WebAssembly parser, which V8 then optimizes on
 * a background thread that a process must wait for before it exits; a stage making a handful of requests paid more
 * for that than for the requests (docs/benchmarks.md).
 */
export interface ExchangeOptions {
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: Buffer | string;
  /** Bound on the whole exchange: connect, TLS, headers and body. */
  readonly timeoutMs: number;
  /**
   * Follow redirects (GET and HEAD only, at most 5). Credentials do not follow to another origin: `authorization`
   * and `cookie` are dropped there, as a registry's blob redirect to storage must not carry the registry's token.
   */
  readonly followRedirects?: boolean;
  /** An answer whose body is longer fails with EBODYTOOLARGE, read no further. */
  readonly maxBodyBytes?: number;
}

/** An answer, its body read whole. */
export class HttpResponse {
  constructor(
    readonly status: number,
    readonly headers: HttpHeaders,
    readonly body: Buffer,
  ) {}

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  text(): string {
    return this.body.toString('utf8');
  }

  /** The body as JSON; a SyntaxError when it is not. */
  json(): unknown {
    return JSON.parse(this.text());
  }
}

/** Header lookup by name, any case; repeated headers joined with ", " as fetch joins them. */
export class HttpHeaders {
  constructor(private readonly raw: IncomingHttpHeaders) {}

  get(name: string): string | null {
    const value = this.raw[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(', ') : value;
  }

  has(name: string): boolean {
    return this.raw[name.toLowerCase()] !== undefined;
  }
}

/**
 * No answer: `code` is Node's (ECONNREFUSED, ECONNRESET, ENOTFOUND, a TLS code), ETIMEDOUT when the exchange ran
 * past its bound, ECONNRESET when the body broke off. The message never holds the URL, which may carry a secret
 * (a webhook's path).
 */
export class HttpFailure extends Error {
  constructor(
    message: string,
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'HttpFailure';
  }
}

// Connections are kept for the next request to the same host (a push makes several), and do not keep the process up.
const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };
const MAX_REDIRECTS = 5;

export async function exchange(url: URL | string, options: ExchangeOptions): Promise<HttpResponse> {
  const deadline = Date.now() + options.timeoutMs;
  let target = new URL(url);
  let headers = { ...options.headers };
  for (let redirects = 0; ; redirects++) {
    const response = await once(target, { ...options, headers, timeoutMs: Math.max(deadline - Date.now(), 1) }, options.timeoutMs);
    const location = response.headers.get('location');
    const redirect = [301, 302, 303, 307, 308].includes(response.status) && location;
    if (!options.followRedirects || !redirect || !['GET', 'HEAD'].includes(options.method ?? 'GET')) return response;
    if (redirects === MAX_REDIRECTS) throw new HttpFailure(`more than ${MAX_REDIRECTS} redirects`, 'ETOOMANYREDIRECTS');
    const next = new URL(location, target);
    if (next.origin !== target.origin) {
      headers = Object.fromEntries(Object.entries(headers).filter(([name]) => !['authorization', 'cookie'].includes(name.toLowerCase())));
    }
    target = next;
  }
}

function once(url: URL, options: ExchangeOptions, boundMs: number): Promise<HttpResponse> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return Promise.reject(new HttpFailure(`unsupported protocol ${url.protocol}`, 'EPROTO'));
  const https = url.protocol === 'https:';
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-length')) {
    headers['content-length'] = String(Buffer.byteLength(options.body));
  }
  return new Promise((resolve, reject) => {
    const send = https ? httpsRequest : httpRequest;
    const req = send(url, { method: options.method ?? 'GET', headers, agent: https ? agents.https : agents.http }, (res) => {
      readBody(res, options.maxBodyBytes).then(
        (body) => {
          clearTimeout(timer);
          resolve(new HttpResponse(res.statusCode ?? 0, new HttpHeaders(res.headers), body));
        },
        (error: Error) => {
          clearTimeout(timer);
          req.destroy();
          reject(error);
        },
      );
    });
    const timer = setTimeout(() => req.destroy(new HttpFailure(`no answer within ${seconds(boundMs)}`, 'ETIMEDOUT')), options.timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(error instanceof HttpFailure ? error : new HttpFailure(describeSocketError(error), error.code ?? 'ENETWORK', { cause: error }));
    });
    req.end(options.body);
  });
}

function readBody(res: IncomingMessage, maxBytes = Number.POSITIVE_INFINITY): Promise<Buffer> {
  const declared = Number(res.headers['content-length'] ?? Number.NaN);
  if (declared > maxBytes) return Promise.reject(new HttpFailure(`an answer of ${declared} bytes, more than the ${maxBytes} expected`, 'EBODYTOOLARGE'));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    res.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length <= maxBytes) chunks.push(chunk);
      else reject(new HttpFailure(`an answer of more than the ${maxBytes} bytes expected`, 'EBODYTOOLARGE'));
    });
    res.on('end', () => resolve(Buffer.concat(chunks)));
    res.on('error', (error) => reject(new HttpFailure('the answer broke off', 'ECONNRESET', { cause: error })));
    res.on('aborted', () => reject(new HttpFailure('the answer broke off', 'ECONNRESET')));
  });
}

/** Node's socket errors quote the address they tried; the code and what it means are enough. */
function describeSocketError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'connection reset';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host name not resolved';
    default:
      return error.code ? `${error.code}: ${error.message}` : error.message;
  }
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
