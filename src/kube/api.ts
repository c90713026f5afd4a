import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { Agent, request } from 'node:https';

/**
 * The few Kubernetes API calls Gantry makes (read a workload, patch it, watch it, list pods, replica sets and
 * events), over `node:https` with the cluster's CA and a bearer token. The API's types still come from
 * @kubernetes/client-node, but not its runtime: that is 5 MB of generated code that took about half a second to
 * load, more than a re-run's whole deploy-eks.
 */

/** The patch content types the API server takes. */
export const PatchStrategy = {
  JsonPatch: 'application/json-patch+json',
  StrategicMergePatch: 'application/strategic-merge-patch+json',
} as const;
export type PatchContentType = (typeof PatchStrategy)[keyof typeof PatchStrategy];

/** An answer other than 2xx: the status, the API's Status body and the headers (Retry-After), for classifyKubeError. */
export class KubeApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly body: string,
    readonly headers: IncomingHttpHeaders,
    what: string,
  ) {
    super(`${what}: HTTP ${statusCode}`);
    this.name = 'KubeApiError';
  }
}

export interface KubeApiTarget {
  /** The API server's URL, as EKS reports it (`https://…`). */
  readonly server: string;
  /** The cluster CA, base64-encoded PEM. */
  readonly caData: string;
  readonly token: string;
  /** A call without an answer after this long fails with ETIMEDOUT (watches are bounded by their caller). */
  readonly timeoutMs: number;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
export type Query = Record<string, string | number | boolean | undefined>;

export class KubeApi {
  private readonly url: URL;
  private readonly agent: Agent;

  constructor(private readonly target: KubeApiTarget) {
    this.url = new URL(target.server);
    if (this.url.protocol !== 'https:') throw new Error(`the cluster endpoint ${target.server} is not https`);
    // One connection kept for the calls of a rollout; idle, it does not hold the process open.
    this.agent = new Agent({ keepAlive: true, maxSockets: 4, ca: Buffer.from(target.caData, 'base64') });
  }

  get<T>(path: string, query?: Query): Promise<T> {
    return this.json<T>('GET', path, query);
  }

  patch<T>(path: string, body: unknown, contentType: PatchContentType): Promise<T> {
    return this.json<T>('PATCH', path, undefined, { contentType, payload: JSON.stringify(body) });
  }

  /**
   * Streams the watch events of `path` (one JSON object a line) to `onEvent`, then calls `onEnd` once: with no
   * argument when the server ends the watch, with the error when it fails or answers other than 200. The returned
   * function stops the watch; nothing is called after it.
   */
  watch(path: string, query: Query, onEvent: (type: WatchEventType, object: unknown) => void, onEnd: (error?: unknown) => void): () => void {
    let ended = false;
    const end = (error?: unknown) => {
      if (ended) return;
      ended = true;
      onEnd(error);
    };
    const req = this.send('GET', path, { ...query, watch: true }, undefined, (res) => {
      if (res.statusCode !== 200) {
        readBody(res).then((body) => end(new KubeApiError(res.statusCode ?? 0, body, res.headers, `watching ${path}`)), end);
        return;
      }
      let pending = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        pending += chunk;
        for (let newline = pending.indexOf('\n'); newline >= 0 && !ended; newline = pending.indexOf('\n')) {
          const line = pending.slice(0, newline).trim();
          pending = pending.slice(newline + 1);
          if (!line) continue;
          let event: { type: WatchEventType; object: unknown };
          try {
            event = JSON.parse(line) as typeof event;
          } catch (error) {
            req.destroy();
            end(error);
            return;
          }
          onEvent(event.type, event.object);
        }
      });
      res.on('end', () => end());
      res.on('error', end);
      res.on('aborted', () => end(Object.assign(new Error('the watch broke off'), { code: 'ECONNRESET' })));
    });
    req.on('error', end);
    req.end();
    return () => {
      ended = true;
      req.destroy();
    };
  }

  private json<T>(method: string, path: string, query?: Query, body?: { contentType: string; payload: string }): Promise<T> {
    const what = `${method} ${path}`;
    return new Promise<T>((resolve, reject) => {
      const req = this.send(method, path, query, body, (res) => {
        readBody(res).then((text) => {
          const status = res.statusCode ?? 0;
          if (status < 200 || status >= 300) return reject(new KubeApiError(status, text, res.headers, what));
          try {
            resolve(JSON.parse(text) as T);
          } catch (error) {
            // A body cut short: classifyKubeError reads the SyntaxError as a broken answer and the call is made again.
            reject(error);
          }
        }, reject);
      });
      req.setTimeout(this.target.timeoutMs, () => req.destroy(Object.assign(new Error(`${what}: no answer within ${this.target.timeoutMs / 1000} s`), { code: 'ETIMEDOUT' })));
      req.on('error', reject);
      req.end(body?.payload);
    });
  }

  private send(method: string, path: string, query: Query | undefined, body: { contentType: string; payload: string } | undefined, onResponse: (res: IncomingMessage) => void) {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) search.set(key, String(value));
    const base = this.url.pathname.replace(/\/$/, '');
    const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${this.target.token}` };
    if (body) headers['content-type'] = body.contentType;
    return request(
      {
        agent: this.agent,
        host: this.url.hostname.replace(/^\[|\]$/g, ''),
        port: this.url.port || 443,
        method,
        path: `${base}${path}${search.size > 0 ? `?${search}` : ''}`,
        headers,
      },
      onResponse,
    );
  }
}

function readBody(res: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => (text += chunk));
    res.on('end', () => resolve(text));
    res.on('error', reject);
    // A connection reset mid-body: a network failure, retried like one.
    res.on('aborted', () => reject(Object.assign(new Error('the answer broke off'), { code: 'ECONNRESET' })));
  });
}
