import { backoffDelay, sleep } from '../model/backoff.js';
import { GantryError } from '../model/errors.js';
import type { Clone } from './clone.js';

/** What a retried push carries: the commit to push, or empty once there is nothing left to push. */
export interface PushState {
  readonly commit: string;
}

export interface PushRetryOptions<S extends PushState> {
  /** Push attempts in all, the first included. */
  readonly attempts: number;
  /** Progress lines (a rejected attempt and the wait before the next). */
  readonly log: (line: string) => void;
  /**
   * The branch moved: `upstream` is its new tip, already fetched. Returns the state to push next: the commit
   * rebased or redone on `upstream`, or one with an empty commit when the change is no longer needed.
   */
  readonly onUpstreamMoved: (upstream: string, state: S) => Promise<S>;
}

/**
 * Pushes HEAD to the clone's branch; when the push is rejected because the branch moved meanwhile, fetches it,
 * lets the caller put its commit on top again, and retries. Attempts are bounded, with jittered backoff, so racing
 * pipelines spread out instead of retrying in lockstep.
 */
export async function pushWithRetry<S extends PushState>(clone: Clone, initial: S, options: PushRetryOptions<S>): Promise<S> {
  const { attempts, log } = options;
  let state = initial;
  let brokeOff = false;
  for (let attempt = 1; ; attempt++) {
    const pushed = await clone.push(clone.branch);
    if (pushed.ok) return state;
    brokeOff ||= pushed.afterBreakOff;
    if (attempt >= attempts) {
      throw new GantryError(`push to ${clone.branch} rejected ${attempts} times: the branch keeps moving (${pushed.detail})`, {
        remedy: 'raise push-attempts, or serialise the pushes (a concurrency group per GitOps repository).',
      });
    }
    const wait = backoffDelay(attempt, 250, 8_000);
    log(`Push attempt ${attempt}/${attempts} rejected (${pushed.detail}); fetching ${clone.branch} and retrying in ${(wait / 1000).toFixed(1)} s`);
    await sleep(wait);
    const upstream = await clone.fetchUpstream();
    // A push that broke off after the remote took it, then rejected when repeated: the commit is there, done. Only
    // then: a racing pipeline can push a byte-identical commit (same parent, change and second), which is not ours.
    if (brokeOff && (await clone.contains(upstream, state.commit))) return state;
    state = await options.onUpstreamMoved(upstream, state);
    if (!state.commit) return state;
  }
}
