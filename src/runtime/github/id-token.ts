import { retryAfterMs, retryWait, sleep } from '../../model/backoff.js';
import { GantryError } from '../../model/errors.js';
import { exchange } from '../../http/exchange.js';
import { networkLimits } from '../../model/network.js';

const ATTEMPTS = 5;

/**
 * The runner's OIDC token for `audience`. GitHub serves it at ACTIONS_ID_TOKEN_REQUEST_URL to a bearer of
 * ACTIONS_ID_TOKEN_REQUEST_TOKEN, both set only in jobs granted `id-token: write`; the answer is `{"value": "<jwt>"}`.
 * One request over Node's https (the Actions toolkit's client would add 0.7 MB of HTTP stack to the auth bundle):
 * throttling, 5xx, network failures and broken answers are asked again with backoff, a refusal stops at once.
 */
export async function githubIdToken(audience: string, env: Readonly<Record<string, string | undefined>>, warn: (line: string) => void): Promise<string> {
  const base = env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const bearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (!base || !bearer) {
    throw new GantryError('the runner offers no OIDC token: ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set', {
      remedy: 'grant the job `permissions: id-token: write` (a pull request from a fork never gets one), or pass web-identity-token-file.',
    });
  }
  const url = new URL(base);
  url.searchParams.set('audience', audience);
  for (let attempt = 1; ; attempt++) {
    let failure: string;
    let retryAfter: number | undefined;
    try {
      const response = await exchange(url, {
        headers: { authorization: `Bearer ${bearer}`, accept: 'application/json' },
        timeoutMs: networkLimits().requestTimeoutMs,
      });
      const body = response.text();
      if (response.ok) {
        const value = tokenOf(body);
        if (value) return value;
        failure = 'an answer without a token';
      } else if (response.status === 429 || response.status >= 500) {
        failure = `HTTP ${response.status}`;
        retryAfter = retryAfterMs(response.headers.get('retry-after'));
      } else {
        throw new GantryError(`the runner refused the OIDC token request (audience ${audience}): HTTP ${response.status}`, {
          remedy: 'the job needs `permissions: id-token: write`; an expired ACTIONS_ID_TOKEN_REQUEST_TOKEN means a job that ran too long.',
        });
      }
    } catch (error) {
      if (error instanceof GantryError) throw error;
      failure = (error as Error).message;
    }
    if (attempt >= ATTEMPTS) throw new GantryError(`no OIDC token from the runner after ${ATTEMPTS} attempts: ${failure}`);
    const wait = retryWait(attempt, 500, Math.max(8_000, retryAfter === undefined ? 0 : networkLimits().maxRetryAfterMs), retryAfter);
    warn(`requesting the OIDC token: ${failure}, retrying in ${wait} ms`);
    await sleep(wait);
  }
}

function tokenOf(body: string): string | undefined {
  try {
    const value = (JSON.parse(body) as { value?: unknown }).value;
    return typeof value === 'string' && value ? value : undefined;
  } catch {
    return undefined;
  }
}
