import { GantryError } from '../model/errors.js';
import { backoffDelay, retryAfterMs, sleep } from '../model/backoff.js';
import { exchange, type HttpResponse } from '../http/exchange.js';
import { networkLimits } from '../model/network.js';

export interface GitHubClientOptions {
  /** REST API root, e.g. `https://api.github.com` or `https://ghe.example.com/api/v3`. */
  readonly apiUrl: string;
  readonly token: string;
  /** Progress lines (retries and why). */
  readonly log: (line: string) => void;
  readonly maxAttempts?: number;
  /** Upper bound of one wait, whatever `retry-after` asks for. */
  readonly maxWaitMs?: number;
  readonly requestTimeoutMs?: number;
}

export interface PullRequestSpec {
  readonly owner: string;
  readonly repo: string;
  /** Branch in the same repository holding the change. */
  readonly head: string;
  readonly base: string;
  readonly title: string;
  readonly body: string;
}

export interface PullRequestResult {
  readonly number: number;
  readonly url: string;
  readonly created: boolean;
}

interface PullRequest {
  readonly number: number;
  readonly html_url: string;
}

/**
 * Opens the pull request for `head`, or updates the open one (title, body, base): one pull request per
 * deterministic branch, however often the bump runs. Plain `fetch` against GitHub's REST API, so the core needs
 * no runner toolkit; 5xx answers and rate limits (403/429 with `retry-after`) are retried with backoff.
 */
export async function upsertPullRequest(options: GitHubClientOptions, spec: PullRequestSpec): Promise<PullRequestResult> {
  const api = new GitHubApi(options);
  const repoPath = `/repos/${encodeURIComponent(spec.owner)}/${encodeURIComponent(spec.repo)}`;
  const findOpen = async () => {
    const query = new URLSearchParams({ head: `${spec.owner}:${spec.head}`, state: 'open' });
    const open = (await api.request('GET', `${repoPath}/pulls?${query}`)).body as PullRequest[];
    return Array.isArray(open) ? open[0] : undefined;
  };
  const update = async (existing: PullRequest) => {
    const { body } = await api.request('PATCH', `${repoPath}/pulls/${existing.number}`, { title: spec.title, body: spec.body, base: spec.base });
    const pr = body as PullRequest;
    return { number: pr.number ?? existing.number, url: pr.html_url ?? existing.html_url, created: false };
  };

  const existing = await findOpen();
  if (existing) return update(existing);
  const created = await api.request('POST', `${repoPath}/pulls`, { title: spec.title, head: spec.head, base: spec.base, body: spec.body }, [422]);
  if (created.status === 422) {
    // Opened by a concurrent run between our GET and POST: update that one instead.
    const raced = await findOpen();
    if (raced) return update(raced);
    throw apiError('POST', `${repoPath}/pulls`, created.status, created.body);
  }
  const pr = created.body as PullRequest;
  return { number: pr.number, url: pr.html_url, created: true };
}

class GitHubApi {
  constructor(private readonly options: GitHubClientOptions) {}

  /** One REST call with retries; statuses in `accept` (besides 2xx) are returned rather than thrown. */
  async request(method: string, path: string, payload?: unknown, accept: number[] = []): Promise<{ status: number; body: unknown }> {
    const attempts = this.options.maxAttempts ?? 5;
    const url = `${this.options.apiUrl.replace(/\/+$/, '')}${path}`;
    for (let attempt = 1; ; attempt++) {
      let response: HttpResponse;
      let body: unknown;
      try {
        response = await exchange(url, {
          method,
          headers: {
            Accept: 'application/vnd.github+json',
            'X-GitHub-Api-Version': '2022-11-28',
            Authorization: `Bearer ${this.options.token}`,
            'User-Agent': 'gantry-gitops-bump',
            ...(payload === undefined ? {} : { 'Content-Type': 'application/json' }),
          },
          body: payload === undefined ? undefined : JSON.stringify(payload),
          timeoutMs: this.options.requestTimeoutMs ?? networkLimits().requestTimeoutMs,
        });
        // Inside the try: a 2xx whose JSON broke off is a network failure like no answer at all.
        body = readBody(response);
      } catch (error) {
        const problem = (error as Error).message;
        if (attempt >= attempts) {
          throw new GantryError(`GitHub API ${method} ${path}: ${problem}`, { remedy: 'check github-api-url and the network path to it.' });
        }
        const wait = backoffDelay(attempt, 1_000, this.options.maxWaitMs ?? 30_000);
        this.options.log(`GitHub API ${method} ${path}: ${problem}; retry ${attempt + 1}/${attempts} in ${seconds(wait)}`);
        await sleep(wait);
        continue;
      }
      if (response.ok || accept.includes(response.status)) return { status: response.status, body };
      const wait = this.retryWait(response, attempt);
      if (wait === undefined || attempt >= attempts) throw apiError(method, path, response.status, body);
      this.options.log(`GitHub API ${method} ${path} answered ${response.status}; retry ${attempt + 1}/${attempts} in ${seconds(wait)}`);
      await sleep(wait);
    }
  }

  /** How long to wait before retrying, or undefined when the answer is final. */
  private retryWait(response: HttpResponse, attempt: number): number | undefined {
    const max = this.options.maxWaitMs ?? 60_000;
    const retryAfter = response.headers.get('retry-after');
    const rateLimited = response.headers.get('x-ratelimit-remaining') === '0';
    if (response.status === 429 || (response.status === 403 && (retryAfter !== null || rateLimited))) {
      const asked = retryAfterMs(retryAfter);
      if (asked !== undefined) return Math.min(asked, max);
      const reset = Number(response.headers.get('x-ratelimit-reset'));
      if (rateLimited && reset > 0) return Math.min(Math.max(reset * 1000 - Date.now(), 0), max);
      return backoffDelay(attempt, 60_000, max);
    }
    if (response.status >= 500) return backoffDelay(attempt, 1_000, max);
    return undefined;
  }
}

/** The answer's JSON, or its text when it is not JSON; a 2xx JSON answer that does not parse broke off on the way. */
function readBody(response: HttpResponse): unknown {
  const text = response.text();
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    if (response.ok && /json/i.test(response.headers.get('content-type') ?? '')) throw new Error(`the answer (${response.status}) broke off: its JSON does not parse`);
    return text;
  }
}

function apiError(method: string, path: string, status: number, body: unknown): GantryError {
  const detail = typeof body === 'object' && body !== null ? body as { message?: string; errors?: { message?: string }[] } : { message: String(body ?? '') };
  const reasons = [detail.message, ...(detail.errors ?? []).map((e) => e.message)].filter(Boolean).join('; ');
  const remedy =
    status === 401
      ? 'the token is invalid or expired.'
      : status === 403 || status === 404
        ? 'the token needs contents: write and pull-requests: write on the GitOps repository (and github-repository must name it).'
        : status === 422
          ? 'check that the base branch exists and differs from the head branch.'
          : undefined;
  return new GantryError(`GitHub API ${method} ${path} answered ${status}${reasons ? `: ${reasons}` : ''}`, { remedy });
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
