/**
 * Bounds every network call of a stage shares: how long one request may take before it counts as failed (and is
 * retried), and how long one call of a polling loop may take. The runner sets them once per process from
 * `GANTRY_REQUEST_TIMEOUT_SECONDS` (tests use short ones to make a stalled peer fail fast); the defaults suit CI.
 */
export interface NetworkLimits {
  /** One HTTP request (AWS, registry, Kubernetes, GitHub, webhooks), or one git network command. */
  readonly requestTimeoutMs: number;
  /** One request that carries bulk bytes (a blob or a chunk of one, an S3 object). */
  readonly transferTimeoutMs: number;
  /** One call of a polling loop, which asks again at its next tick rather than waiting long on one answer. */
  readonly pollTimeoutMs: number;
  /** The longest Retry-After a client honours; a peer asking for more is waited on for this long. */
  readonly maxRetryAfterMs: number;
}

export const DEFAULT_NETWORK_LIMITS: NetworkLimits = { requestTimeoutMs: 30_000, transferTimeoutMs: 120_000, pollTimeoutMs: 10_000, maxRetryAfterMs: 30_000 };

let current: NetworkLimits = DEFAULT_NETWORK_LIMITS;

export function networkLimits(): NetworkLimits {
  return current;
}

/** Reads the limits from the runner's environment; an unreadable value is refused naming the variable. */
export function configureNetwork(env: Readonly<Record<string, string | undefined>>): NetworkLimits {
  const raw = env.GANTRY_REQUEST_TIMEOUT_SECONDS;
  if (raw === undefined || raw === '') {
    current = DEFAULT_NETWORK_LIMITS;
    return current;
  }
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600) {
    throw new Error(`GANTRY_REQUEST_TIMEOUT_SECONDS must be a number of seconds between 0 and 3600, got '${raw}'`);
  }
  const ms = Math.round(seconds * 1000);
  current = { requestTimeoutMs: ms, transferTimeoutMs: ms, pollTimeoutMs: Math.min(ms, DEFAULT_NETWORK_LIMITS.pollTimeoutMs), maxRetryAfterMs: DEFAULT_NETWORK_LIMITS.maxRetryAfterMs };
  return current;
}
