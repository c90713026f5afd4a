import { exchange, HttpFailure } from '../http/exchange.js';
import { backoffDelay, retryAfterMs } from '../model/backoff.js';
import type { Clock } from '../model/schedule.js';
import { webhookHost } from './webhook-url.js';

export interface DeliveryOptions {
  readonly attempts: number;
  readonly timeoutMs: number;
  /** Upper bound of one wait, whatever Retry-After asks for. */
  readonly maxWaitMs: number;
  readonly clock: Clock;
  /** Progress lines (retries and why); they name the host, never the URL. */
  readonly log: (line: string) => void;
  readonly random?: () => number;
}

export type DeliveryResult =
  | { readonly delivered: true; readonly attempts: number }
  | { readonly delivered: false; readonly attempts: number; readonly problem: string };

/**
 * POSTs a JSON body to a webhook. 429 is retried after its Retry-After, 5xx and network failures after a jittered
 * backoff; any other answer is final. Nothing here repeats the URL: problems name the host and what it answered.
 */
export async function postJson(url: URL, body: unknown, options: DeliveryOptions): Promise<DeliveryResult> {
  const host = webhookHost(url);
  const payload = JSON.stringify(body);
  for (let attempt = 1; ; attempt++) {
    let problem: string;
    let wait: number | undefined;
    try {
      const response = await exchange(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'gantry-notify' },
        body: payload,
        timeoutMs: options.timeoutMs,
      });
      const text = redactPath(response.text(), url).replace(/\s+/g, ' ').trim().slice(0, 120);
      if (response.ok) return { delivered: true, attempts: attempt };
      problem = `${host} answered ${response.status}${text ? ` (${text})` : ''}`;
      if (response.status === 429) wait = retryAfterMs(response.headers.get('retry-after'), Date.now()) ?? backoffDelay(attempt, 1_000, options.maxWaitMs, options.random);
      else if (response.status >= 500) wait = backoffDelay(attempt, 500, options.maxWaitMs, options.random);
    } catch (error) {
      problem = `${host}: ${networkProblem(error, options.timeoutMs)}`;
      wait = backoffDelay(attempt, 500, options.maxWaitMs, options.random);
    }
    if (wait === undefined || attempt >= options.attempts) return { delivered: false, attempts: attempt, problem };
    const bounded = Math.min(wait, options.maxWaitMs);
    options.log(`${problem}; attempt ${attempt + 1}/${options.attempts} in ${(bounded / 1000).toFixed(1)}s`);
    await options.clock.sleep(bounded);
  }
}

/** A receiver's error page may quote the path it was asked for, which holds the secret. */
function redactPath(text: string, url: URL): string {
  return url.pathname.length > 1 ? text.split(url.pathname).join('***') : text;
}

/**
 * Why no answer came. The exchange's messages never hold the URL (whose path is the webhook's secret); its bound is
 * said in this input's milliseconds.
 */
function networkProblem(error: unknown, timeoutMs: number): string {
  if (!(error instanceof HttpFailure)) return 'network error';
  return error.code === 'ETIMEDOUT' ? `no answer within ${timeoutMs} ms` : error.message;
}
