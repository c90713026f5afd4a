/**
 * Exponential backoff with "equal jitter": half the step is fixed, half random, so racing writers spread out
 * instead of retrying in lockstep, and no wait is ever near zero.
 */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const step = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The wait a `Retry-After` header asks for (delay-seconds or an HTTP date), in ms; undefined when absent or unreadable.
 */
export function retryAfterMs(header: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The wait before the next attempt: the backoff, or longer when the peer asked for it, never more than `capMs`. */
export function retryWait(attempt: number, baseMs: number, capMs: number, retryAfter: number | undefined): number {
  const backoff = backoffDelay(attempt, baseMs, capMs);
  return retryAfter === undefined ? backoff : Math.min(capMs, Math.max(backoff, retryAfter));
}
