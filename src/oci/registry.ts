import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { retryAfterMs, retryWait } from '../model/backoff.js';
import { GantryError } from '../model/errors.js';
import { exchange, HttpFailure, HttpResponse } from '../http/exchange.js';
import { networkLimits } from '../model/network.js';
import { MEDIA_TYPES, type Descriptor } from './archive.js';
import type { RegistryEndpoint } from './reference.js';

export interface RegistryCredentials {
  readonly username: string;
  readonly password: string;
}

export interface RegistryClientOptions {
  readonly endpoint: RegistryEndpoint;
  readonly repository: string;
  readonly credentials?: RegistryCredentials;
  /** Attempts for a request (or a whole blob upload) that fails with 5xx, 429 or a network error. */
  readonly maxAttempts?: number;
  /** First backoff; doubled per attempt. */
  readonly retryDelayMs?: number;
  /** Per-request bound, so a silent registry fails and is retried instead of hanging the pipeline; default the network limits'. */
  readonly requestTimeoutMs?: number;
  /** Blobs larger than this go up in PATCH chunks of this size (ECR needs chunks of 5 MiB or more, bar the last). */
  readonly chunkSize?: number;
  readonly log?: (line: string) => void;
}

/** Counts what a push really sent, so a re-push can be shown to upload nothing. */
export interface PushStats {
  blobsUploaded: number;
  blobsSkipped: number;
  bytesUploaded: number;
  manifestsPut: number;
  manifestsSkipped: number;
}

/** A manifest as a registry serves it. */
export interface FetchedManifest {
  readonly digest: string;
  readonly mediaType: string;
  readonly bytes: Buffer;
}

const MANIFEST_ACCEPT = Object.values(MEDIA_TYPES).join(', ');

/** A registry failure with the HTTP status and the distribution error codes the registry gave. */
export class RegistryError extends GantryError {
  readonly status?: number;
  readonly codes: readonly string[];
  readonly retryable: boolean;
  /** The wait a 429/503 asked for with Retry-After, in ms. */
  readonly retryAfterMs?: number;

  constructor(
    message: string,
    options: { status?: number; codes?: readonly string[]; retryable: boolean; retryAfterMs?: number; remedy?: string; cause?: unknown },
  ) {
    super(message, { remedy: options.remedy, cause: options.cause });
    this.name = 'RegistryError';
    this.status = options.status;
    this.codes = options.codes ?? [];
    this.retryable = options.retryable;
    this.retryAfterMs = options.retryAfterMs;
  }
}

interface Challenge {
  readonly scheme: string;
  readonly params: Record<string, string>;
}

/**
 * A client for the OCI distribution API (the protocol of ECR, Docker Hub, GHCR and `docker-registry`): the few calls
 * a push needs, with basic or token auth as the registry's challenge asks, bounded retries, and no credential
 * ever placed on a command line.
 */
export class RegistryClient {
  readonly stats: PushStats = { blobsUploaded: 0, blobsSkipped: 0, bytesUploaded: 0, manifestsPut: 0, manifestsSkipped: 0 };
  private readonly base: string;
  private readonly maxAttempts: number;
  private readonly retryDelayMs: number;
  private readonly timeoutMs: number;
  readonly chunkSize: number;
  private authorization?: string;

  constructor(private readonly options: RegistryClientOptions) {
    this.base = `${options.endpoint.scheme}://${options.endpoint.host}`;
    this.maxAttempts = options.maxAttempts ?? 4;
    this.retryDelayMs = options.retryDelayMs ?? 500;
    this.timeoutMs = options.requestTimeoutMs ?? networkLimits().transferTimeoutMs;
    this.chunkSize = options.chunkSize ?? 16 * 1024 * 1024;
  }

  private get repoPath() {
    return `/v2/${this.options.repository}`;
  }

  /** `HEAD /v2/<name>/blobs/<digest>`: is the blob already there? */
  async blobExists(digest: string): Promise<boolean> {
    const response = await this.retrying(`HEAD blob ${short(digest)}`, () => this.send('HEAD', `${this.repoPath}/blobs/${digest}`, {}));
    if (response.status === 200) return true;
    if (response.status === 404) return false;
    throw await failure(`HEAD blob ${digest}`, response);
  }

  /** Uploads a blob unless the registry has it already. `read` returns a byte range of the blob. */
  async ensureBlob(blob: Descriptor, read: (offset: number, length: number) => Promise<Buffer>): Promise<'uploaded' | 'present'> {
    if (await this.blobExists(blob.digest)) {
      this.stats.blobsSkipped++;
      return 'present';
    }
    await this.upload(blob, read);
    return 'uploaded';
  }

  /** Uploads a blob the caller knows the registry lacks. */
  async upload(blob: Descriptor, read: (offset: number, length: number) => Promise<Buffer>): Promise<void> {
    // A failed upload session cannot be resumed portably, so a retry starts a new one.
    await this.retrying(`upload blob ${short(blob.digest)}`, () => this.uploadBlob(blob, read));
    this.stats.blobsUploaded++;
    this.stats.bytesUploaded += blob.size;
  }

  /**
   * Cross-repository blob mount: `POST /v2/<name>/blobs/uploads/?mount=<digest>&from=<repository>`. True when the
   * registry linked the blob (201); false when it opened an upload session instead (202), which is cancelled so
   * the caller can stream the blob.
   */
  async mountBlob(digest: string, fromRepository: string): Promise<boolean> {
    const path = `${this.repoPath}/blobs/uploads/?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(fromRepository)}`;
    const response = await this.retrying(`mount blob ${short(digest)}`, () => this.send('POST', path, { headers: { 'content-length': '0' } }));
    if (response.status === 201) return true;
    if (response.status !== 202) throw await failure(`mount ${digest} from ${fromRepository}`, response);
    const session = response.headers.get('location');
    if (session) await this.send('DELETE', new URL(session, this.base).toString(), {}).catch(() => undefined);
    return false;
  }

  /**
   * Copies a blob into `file`, checking its size and digest, so that what is uploaded elsewhere is exactly what this
   * registry holds. A large blob comes in byte ranges of `chunkSize` (each request bounded, each retried on its own,
   * progress logged); a registry that ignores the range sends it whole.
   */
  async downloadBlob(blob: Descriptor, file: string): Promise<void> {
    const [algorithm, expected] = blob.digest.split(':') as [string, string];
    const hash = createHash(algorithm);
    const ranged = blob.size > this.chunkSize;
    const handle = await open(file, 'w');
    let offset = 0;
    try {
      do {
        const end = Math.min(offset + this.chunkSize, blob.size) - 1;
        const from = offset;
        const answer = (await this.retrying(`download blob ${short(blob.digest)}`, async () => {
          const response = await this.send('GET', `${this.repoPath}/blobs/${blob.digest}`, { headers: ranged ? { range: `bytes=${from}-${end}` } : {} });
          const usable = response.status === 206 || (response.status === 200 && from === 0);
          if (!usable) return retryableOrFail(`GET blob ${blob.digest}${ranged ? ` bytes ${from}-${end}` : ''}`, response);
          return { whole: response.status === 200, bytes: response.body };
        })) as { whole: boolean; bytes: Buffer };
        hash.update(answer.bytes);
        await handle.write(answer.bytes, 0, answer.bytes.length, offset);
        offset += answer.bytes.length;
        if (answer.whole || answer.bytes.length === 0) break;
        if (ranged) this.options.log?.(`  ${short(blob.digest)}: ${Math.round((offset / blob.size) * 100)}% read`);
      } while (offset < blob.size);
    } finally {
      await handle.close();
    }
    if (offset !== blob.size || hash.digest('hex') !== expected) {
      throw new RegistryError(`blob ${blob.digest} read from ${this.options.repository} does not match its digest and size (${offset} bytes, expected ${blob.size})`, {
        retryable: false,
      });
    }
  }

  /** A manifest's exact bytes and media type, or undefined when the registry does not know the reference. */
  async getManifest(reference: string): Promise<FetchedManifest | undefined> {
    const response = await this.retrying(`GET manifest ${reference}`, () =>
      this.send('GET', `${this.repoPath}/manifests/${reference}`, { headers: { accept: MANIFEST_ACCEPT } }),
    );
    if (response.status === 404) return undefined;
    if (response.status !== 200) throw await failure(`GET manifest ${this.options.repository}:${reference}`, response);
    const bytes = response.body;
    const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
    if (reference.startsWith('sha256:') && digest !== reference) {
      throw new RegistryError(`the manifest ${this.options.repository}@${reference} the registry served hashes to ${digest}`, { retryable: false });
    }
    let parsed: { mediaType?: string };
    try {
      parsed = JSON.parse(bytes.toString('utf8')) as { mediaType?: string };
    } catch {
      throw new RegistryError(`the manifest ${this.options.repository}:${reference} is not JSON`, { retryable: false });
    }
    const mediaType = parsed.mediaType ?? response.headers.get('content-type')?.split(';')[0]?.trim() ?? MEDIA_TYPES.ociManifest;
    return { digest, mediaType, bytes };
  }

  /**
   * The OCI 1.1 referrers API, `GET /v2/<name>/referrers/<digest>`: the manifests whose `subject` is `digest`, or
   * undefined when the registry does not serve the API (a 404, as registries before OCI 1.1 answer), in which
   * case the referrers tag scheme applies.
   */
  async referrersApi(digest: string): Promise<Descriptor[] | undefined> {
    const found: Descriptor[] = [];
    let path: string | undefined = `${this.repoPath}/referrers/${digest}`;
    while (path) {
      const url: string = path;
      const response = await this.retrying(`GET referrers ${short(digest)}`, () => this.send('GET', url, { headers: { accept: MEDIA_TYPES.ociIndex } }));
      if (response.status === 404 || response.status === 405) return found.length > 0 ? found : undefined;
      if (response.status !== 200) throw await failure(`GET referrers of ${digest}`, response);
      const index = jsonOr(response, {}) as { manifests?: Descriptor[] };
      if (!(response.headers.get('content-type') ?? '').includes(MEDIA_TYPES.ociIndex) && !Array.isArray(index.manifests)) return undefined;
      found.push(...(index.manifests ?? []));
      path = nextLink(response.headers.get('link'));
    }
    return found;
  }

  /** POST an upload session, then one PUT (small blobs) or PATCH chunks and a closing PUT (large ones). */
  private async uploadBlob(blob: Descriptor, read: (offset: number, length: number) => Promise<Buffer>): Promise<void> {
    const started = await this.send('POST', `${this.repoPath}/blobs/uploads/`, { headers: { 'content-length': '0' } });
    if (started.status !== 202) throw await failure(`start upload of ${blob.digest}`, started);
    let location = this.location(started, 'upload session');

    if (blob.size <= this.chunkSize) {
      const body = await read(0, blob.size);
      const done = await this.send('PUT', withDigest(location, blob.digest), {
        headers: { 'content-type': 'application/octet-stream', 'content-length': String(body.length) },
        body,
      });
      if (done.status !== 201) throw await failure(`upload ${blob.digest}`, done);
      return;
    }
    for (let offset = 0; offset < blob.size; offset += this.chunkSize) {
      const body = await read(offset, Math.min(this.chunkSize, blob.size - offset));
      const chunk = await this.send('PATCH', location, {
        headers: {
          'content-type': 'application/octet-stream',
          'content-length': String(body.length),
          'content-range': `${offset}-${offset + body.length - 1}`,
        },
        body,
      });
      if (chunk.status !== 202) throw await failure(`upload chunk ${offset} of ${blob.digest}`, chunk);
      location = this.location(chunk, 'upload chunk');
      this.options.log?.(`  ${short(blob.digest)}: ${Math.round(((offset + body.length) / blob.size) * 100)}%`);
    }
    const done = await this.send('PUT', withDigest(location, blob.digest), { headers: { 'content-length': '0' } });
    if (done.status !== 201) throw await failure(`finish upload of ${blob.digest}`, done);
  }

  /** The digest a tag (or digest) resolves to, or undefined when the registry does not know it. */
  async manifestDigest(reference: string): Promise<string | undefined> {
    const response = await this.retrying(`HEAD manifest ${reference}`, () =>
      this.send('HEAD', `${this.repoPath}/manifests/${reference}`, { headers: { accept: MANIFEST_ACCEPT } }),
    );
    if (response.status === 404) return undefined;
    if (response.status !== 200) throw await failure(`HEAD manifest ${reference}`, response);
    const digest = response.headers.get('docker-content-digest');
    if (digest) return digest;
    throw new RegistryError(`the registry did not give the digest of ${this.options.repository}:${reference}`, { retryable: false });
  }

  /** PUTs manifest bytes verbatim under a tag or digest; returns the digest the registry computed. */
  async putManifest(reference: string, mediaType: string, bytes: Buffer): Promise<string | undefined> {
    return (await this.putManifestAnswer(reference, mediaType, bytes)).digest;
  }

  /**
   * PUTs a manifest and says whether the registry took note of its `subject` (the `OCI-Subject` header of OCI 1.1
   * registries); when it did not, the client maintains the referrers tag itself.
   */
  async putManifestAnswer(reference: string, mediaType: string, bytes: Buffer): Promise<{ digest?: string; subjectIndexed: boolean }> {
    const response = await this.retrying(`PUT manifest ${reference}`, () =>
      this.send('PUT', `${this.repoPath}/manifests/${reference}`, {
        headers: { 'content-type': mediaType, 'content-length': String(bytes.length) },
        body: bytes,
      }),
    );
    if (response.status !== 201 && response.status !== 200) throw await failure(`PUT manifest ${this.options.repository}:${reference}`, response);
    this.stats.manifestsPut++;
    return { digest: response.headers.get('docker-content-digest') ?? undefined, subjectIndexed: response.headers.has('oci-subject') };
  }

  private location(response: HttpResponse, what: string): string {
    const location = response.headers.get('location');
    if (!location) throw new RegistryError(`the registry answered ${what} without a Location header`, { retryable: false });
    return new URL(location, this.base).toString();
  }

  /** One request, with the credentials the registry's challenge asked for (learnt on the first 401). */
  async send(method: string, pathOrUrl: string, init: { headers?: Record<string, string>; body?: Buffer; maxBodyBytes?: number }): Promise<HttpResponse> {
    const url = new URL(pathOrUrl, this.base);
    const attempt = async () => {
      const headers: Record<string, string> = { ...init.headers };
      // Credentials go to the registry's own host only, never to a host a Location header names.
      if (this.authorization && url.host === this.options.endpoint.host) headers.authorization = this.authorization;
      try {
        return await exchange(url, { method, headers, body: init.body, maxBodyBytes: init.maxBodyBytes, followRedirects: true, timeoutMs: this.timeoutMs });
      } catch (error) {
        // Network failures are asked again; an answer larger than asked for would be as large the next time.
        const retryable = error instanceof HttpFailure && error.code !== 'EBODYTOOLARGE';
        throw new RegistryError(`${method} ${url.host}${url.pathname}: ${(error as Error).message}`, { retryable, cause: error });
      }
    };
    let response = await attempt();
    if (response.status === 401 && url.host === this.options.endpoint.host) {
      const challenge = parseChallenge(response.headers.get('www-authenticate'));
      if (!challenge) throw await failure(`${method} ${url.pathname}`, response);
      this.authorization = await this.authorize(challenge);
      response = await attempt();
    }
    return response;
  }

  private async authorize(challenge: Challenge): Promise<string> {
    const credentials = this.options.credentials;
    if (challenge.scheme === 'basic') {
      if (!credentials) throw new RegistryError(`${this.options.endpoint.host} asks for credentials and none were given`, { status: 401, retryable: false });
      return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
    }
    if (challenge.scheme !== 'bearer' || !challenge.params.realm) {
      throw new RegistryError(`${this.options.endpoint.host} asks for unsupported authentication '${challenge.scheme}'`, { status: 401, retryable: false });
    }
    const realm = new URL(challenge.params.realm);
    if (realm.protocol !== 'https:' && !(realm.protocol === 'http:' && this.options.endpoint.scheme === 'http')) {
      throw new RegistryError(`refusing to send credentials to the token service ${realm.origin} over plain http`, { retryable: false });
    }
    if (challenge.params.service) realm.searchParams.set('service', challenge.params.service);
    realm.searchParams.set('scope', challenge.params.scope ?? `repository:${this.options.repository}:pull,push`);
    const headers: Record<string, string> = {};
    if (credentials) headers.authorization = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
    const response = await this.retrying('token request', async () => {
      try {
        return await exchange(realm, { headers, followRedirects: true, timeoutMs: this.timeoutMs });
      } catch (error) {
        throw new RegistryError(`token request to ${realm.host}: ${(error as Error).message}`, { retryable: error instanceof HttpFailure, cause: error });
      }
    });
    if (response.status !== 200) throw await failure(`token request to ${realm.host}`, response);
    const body = jsonOr(response, {}) as { token?: string; access_token?: string };
    const token = body.token ?? body.access_token;
    if (!token) throw new RegistryError(`the token service ${realm.host} answered without a token`, { retryable: false });
    return `Bearer ${token}`;
  }

  /** Runs `fn` again after a retryable failure (5xx, 429, network), with exponential backoff, a bounded number of times. */
  async retrying<T>(what: string, fn: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      let problem: RegistryError;
      try {
        const result = await fn();
        if (!(result instanceof HttpResponse) || !isRetryableStatus(result.status)) return result;
        problem = await failure(what, result);
      } catch (error) {
        if (!(error instanceof RegistryError) || !error.retryable) throw error;
        problem = error;
      }
      if (attempt >= this.maxAttempts) throw problem;
      const delay = retryWait(attempt, this.retryDelayMs * 2, networkLimits().maxRetryAfterMs, problem.retryAfterMs);
      const asked = problem.retryAfterMs !== undefined ? ' as Retry-After asked' : '';
      const said = problem.message.startsWith(what) ? problem.message : `${what}: ${problem.message}`;
      this.options.log?.(`${said}; retrying in ${delay} ms${asked} (attempt ${attempt + 1} of ${this.maxAttempts})`);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/** `Basic realm="…"` or `Bearer realm="…",service="…",scope="…"`. */
export function parseChallenge(header: string | null): Challenge | undefined {
  if (!header) return undefined;
  const match = /^\s*(\w+)\s*(.*)$/.exec(header);
  if (!match) return undefined;
  const params: Record<string, string> = {};
  for (const [, key, quoted, bare] of match[2]!.matchAll(/(\w+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g)) {
    params[key!.toLowerCase()] = quoted !== undefined ? quoted.replace(/\\(.)/g, '$1') : bare!;
  }
  return { scheme: match[1]!.toLowerCase(), params };
}

export async function failure(what: string, response: HttpResponse): Promise<RegistryError> {
  let codes: string[] = [];
  let detail = '';
  try {
    const body = response.json() as { errors?: { code?: string; message?: string }[] };
    codes = (body.errors ?? []).map((e) => e.code ?? '').filter(Boolean);
    detail = (body.errors ?? []).map((e) => `${e.code}: ${e.message}`).join('; ');
  } catch {
    // Not a distribution error body; the status says enough.
  }
  const status = response.status;
  const remedy =
    status === 401
      ? 'the registry rejected the credentials: check the AWS identity and that it may call ecr:GetAuthorizationToken.'
      : status === 403
        ? 'the identity may not push to this repository: grant ecr:BatchCheckLayerAvailability, ecr:InitiateLayerUpload, ecr:UploadLayerPart, ecr:CompleteLayerUpload and ecr:PutImage.'
        : undefined;
  return new RegistryError(`${what}: HTTP ${status}${detail ? ` (${detail})` : ''}`, {
    status,
    codes,
    retryable: isRetryableStatus(status),
    retryAfterMs: retryAfterMs(response.headers.get('retry-after')),
    remedy,
  });
}

/** The answer's JSON, or `fallback` when its body is not JSON. */
function jsonOr(response: HttpResponse, fallback: unknown): unknown {
  try {
    return response.json();
  } catch {
    return fallback;
  }
}

/** A retryable answer goes back to `retrying` as it is; any other failure is thrown. */
async function retryableOrFail(what: string, response: HttpResponse): Promise<HttpResponse> {
  if (isRetryableStatus(response.status)) return response;
  throw await failure(what, response);
}

/** The next page of a paginated answer: `Link: </v2/…?last=…>; rel="next"`. */
function nextLink(header: string | null): string | undefined {
  const match = header ? /<([^>]+)>\s*;\s*rel="?next"?/.exec(header) : null;
  return match?.[1];
}

function withDigest(location: string, digest: string): string {
  const url = new URL(location);
  url.searchParams.set('digest', digest);
  return url.toString();
}

function short(digest: string): string {
  return digest.replace(/^sha256:/, '').slice(0, 12);
}

/** A manifest as the registry serves it: its exact bytes, media type and digest. */
export interface FetchedManifest {
  readonly bytes: Buffer;
  readonly mediaType: string;
  readonly digest: string;
}

/** `GET /v2/<name>/manifests/<reference>` (a tag or digest), or undefined when the registry does not have it. */
export async function fetchManifest(client: RegistryClient, repository: string, reference: string): Promise<FetchedManifest | undefined> {
  const path = `/v2/${repository}/manifests/${reference}`;
  const response = await client.retrying(`GET manifest ${reference}`, () => client.send('GET', path, { headers: { accept: MANIFEST_ACCEPT } }));
  if (response.status === 404) return undefined;
  if (response.status !== 200) throw await failure(`GET manifest ${repository}:${reference}`, response);
  const bytes = response.body;
  const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
  if (reference.startsWith('sha256:') && reference !== digest) {
    throw new RegistryError(`the registry served ${repository}@${reference} with bytes whose digest is ${digest}`, { retryable: false });
  }
  return { bytes, digest, mediaType: response.headers.get('content-type')?.split(';')[0]?.trim() ?? '' };
}

/** `GET /v2/<name>/blobs/<digest>` of a small blob (a config, a signature payload), its bytes checked against the digest. */
export async function fetchBlob(client: RegistryClient, repository: string, digest: string, maxBytes = 1024 * 1024): Promise<Buffer> {
  const response = await client.retrying(`GET blob ${short(digest)}`, () => client.send('GET', `/v2/${repository}/blobs/${digest}`, { maxBodyBytes: maxBytes }));
  if (response.status !== 200) throw await failure(`GET blob ${repository}@${digest}`, response);
  const bytes = response.body;
  const actual = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
  if (actual !== digest) throw new RegistryError(`the registry served blob ${repository}@${digest} with bytes whose digest is ${actual}`, { retryable: false });
  return bytes;
}
