import { retryWait } from '../model/backoff.js';
import { networkLimits } from '../model/network.js';
import { systemClock, type Clock } from '../model/schedule.js';
import type { Runtime } from '../model/runtime.js';
import type { EksToken } from './eks-token.js';
import type { ClusterEndpoint } from './eks-cluster.js';
import { KubeApi } from './api.js';
import { classifyKubeError, kubeFailure } from './errors.js';

export interface RetryPolicy {
  readonly attempts: number;
  readonly baseMs: number;
  readonly maxMs: number;
}

const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseMs: 500, maxMs: 8_000 };

/**
 * The API of one cluster, authenticated by an EKS token that is renewed before the API server would stop
 * accepting it (tokens last 15 minutes; rollouts may take longer). Every call goes through `call`: throttling, 5xx
 * and network failures are retried with jittered backoff, a 401 gets one fresh token, anything else stops at once.
 */
export class KubeSession {
  private current?: { readonly token: EksToken; readonly api: KubeApi };

  constructor(
    readonly cluster: ClusterEndpoint,
    private readonly newToken: () => Promise<EksToken>,
    private readonly runtime: Runtime,
    private readonly clock: Clock = systemClock,
    private readonly retry: RetryPolicy = DEFAULT_RETRY,
  ) {}

  async api(): Promise<KubeApi> {
    if (!this.current || Date.now() >= this.current.token.refreshAfter.getTime()) {
      const token = await this.newToken();
      this.runtime.setSecret(token.token);
      const { endpoint: server, caData } = this.cluster;
      this.current = { token, api: new KubeApi({ server, caData, token: token.token, timeoutMs: networkLimits().requestTimeoutMs }) };
    }
    return this.current.api;
  }

  /** Forgets the token, so that the next call presigns a new one. */
  renewToken(): void {
    this.current = undefined;
  }

  /**
   * One API call, bounded by the request limit (30 s by default; a call with no answer by then counts as a network
   * failure and is made again), retried as the class comment says; Retry-After is honoured up to the cap.
   */
  async call<T>(action: string, fn: (api: KubeApi) => Promise<T>): Promise<T> {
    let renewed = false;
    for (let attempt = 1; ; attempt++) {
      try {
        return await bounded(fn(await this.api()), networkLimits().requestTimeoutMs);
      } catch (error) {
        const failure = classifyKubeError(error);
        if (failure.status === 401 && !renewed) {
          renewed = true;
          this.renewToken();
          continue;
        }
        if (!failure.retryable || attempt >= this.retry.attempts) throw kubeFailure(action, error);
        const wait = retryWait(attempt, this.retry.baseMs, Math.max(this.retry.maxMs, failure.retryAfterMs === undefined ? 0 : networkLimits().maxRetryAfterMs), failure.retryAfterMs);
        const asked = failure.retryAfterMs === undefined ? '' : ' as Retry-After asked';
        this.runtime.warning(`${action}: ${failure.status ? `${failure.status} ${failure.reason}` : failure.reason}, retrying in ${wait} ms${asked}`);
        await this.clock.sleep(wait);
      }
    }
  }
}

/** The call's answer, or a retryable network failure once `ms` pass without one. */
async function bounded<T>(call: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`no answer within ${ms / 1000} s`), { code: 'ETIMEDOUT' })), ms);
  });
  try {
    return await Promise.race([call, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
