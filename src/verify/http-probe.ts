import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { HttpAnswer } from './check.js';

export interface ProbeOptions {
  /** Bound on the whole exchange: connect, TLS, headers and body. */
  readonly timeoutMs: number;
  /** PEM certificates trusted for https, instead of Node's bundled roots (a private CA). */
  readonly ca?: string;
  /** Bytes of body kept; the rest is read and dropped, so a large page neither fails nor fills memory. */
  readonly maxBodyBytes?: number;
}

/** A request that got no HTTP answer: the reason, phrased for a log line. */
export class ProbeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProbeError';
  }
}

const USER_AGENT = 'gantry-verify';

/**
 * One GET, with Node's own http/https: no redirects followed (a redirect is an answer to check), certificates
 * checked against `ca` when given, never switched off.
 */
export function probe(url: URL, options: ProbeOptions): Promise<HttpAnswer> {
  const maxBody = options.maxBodyBytes ?? 64 * 1024;
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      url,
      {
        method: 'GET',
        headers: { 'user-agent': USER_AGENT, accept: '*/*' },
        ...(url.protocol === 'https:' && options.ca ? { ca: options.ca } : {}),
        // One connection per probe: a retry must reach the service afresh, not a socket kept from a failed try.
        agent: false,
      },
      (res) => {
        readAnswer(res, maxBody).then(
          (answer) => {
            clearTimeout(timer);
            resolve(answer);
          },
          (error: Error) => {
            clearTimeout(timer);
            reject(new ProbeError(`the answer broke off: ${error.message}`));
          },
        );
      },
    );
    const timer = setTimeout(() => req.destroy(new ProbeError(`no complete answer within ${options.timeoutMs} ms`)), options.timeoutMs);
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error instanceof ProbeError ? error : new ProbeError(describeNetworkError(error as NodeJS.ErrnoException)));
    });
    req.end();
  });
}

function readAnswer(res: IncomingMessage, maxBody: number): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let kept = 0;
    res.on('data', (chunk: Buffer) => {
      if (kept < maxBody) {
        chunks.push(chunk.subarray(0, maxBody - kept));
        kept += Math.min(chunk.length, maxBody - kept);
      }
    });
    res.on('error', reject);
    res.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(res.headers)) {
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
      }
      resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString('utf8') });
    });
  });
}

/** TLS failures get a sentence that points at the fix; the others keep Node's code, which is what people search. */
const TLS_UNTRUSTED = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
]);

export function describeNetworkError(error: NodeJS.ErrnoException): string {
  const code = error.code ?? '';
  if (TLS_UNTRUSTED.has(code)) {
    return `TLS: the server's certificate is not trusted (${code}: ${error.message}); if it is issued by a private CA, give that CA's PEM file as ca-file`;
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return `TLS: the certificate does not name this host (${error.message})`;
  if (code === 'CERT_HAS_EXPIRED') return `TLS: the server's certificate has expired (${error.message})`;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ECONNRESET') return 'connection reset by the server';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `host name not resolved (${code})`;
  return code && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
}
