import { GantryError } from '../model/errors.js';
import { formatDuration, type Clock } from '../model/schedule.js';
import type { Runtime } from '../model/runtime.js';
import { classifyKubeError, kubeFailure } from './errors.js';
import { rolloutStatus } from './rollout-status.js';
import type { KubeSession } from './session.js';
import { collectionPathOf, readWorkload } from './workload-api.js';
import { describeRef, type Workload, type WorkloadRef } from './workload.js';

export type RolloutOutcome = {
  readonly kind: 'complete' | 'failed' | 'timed-out';
  /** The last state seen. */
  readonly workload: Workload;
  /** The last status line: why it failed, or where it stood when time ran out. */
  readonly message: string;
};

export interface FollowOptions {
  /** Clock time (`clock.now()`) by which the rollout must be complete. */
  readonly deadline: number;
  /** Conditions older than this belong to an earlier rollout (see rolloutStatus). */
  readonly since?: Date;
  readonly clock: Clock;
  readonly runtime: Runtime;
}

/** Longest single watch request; the server ends it and we open the next one from the last resourceVersion. */
const MAX_WATCH_SECONDS = 60;

/**
 * Follows a rollout as `kubectl rollout status` does: re-evaluates the workload at every change the API server
 * pushes over a watch (so completion is seen as it happens, not at the next poll), prints a progress line whenever
 * the status changes, and stops at completion, failure (progress deadline exceeded) or the deadline.
 */
export async function followRollout(session: KubeSession, ref: WorkloadRef, start: Workload, options: FollowOptions): Promise<RolloutOutcome> {
  const { clock, runtime } = options;
  const started = clock.now();
  let current = start;
  let lastMessage = '';
  for (;;) {
    const status = rolloutStatus(ref.kind, current, options.since);
    if (status.message !== lastMessage) {
      runtime.info(`${describeRef(ref)}: ${status.message} [${formatDuration(clock.now() - started)}]`);
      lastMessage = status.message;
    }
    if (status.state !== 'progressing') return { kind: status.state, workload: current, message: status.message };
    const remaining = options.deadline - clock.now();
    if (remaining <= 0) return { kind: 'timed-out', workload: current, message: status.message };
    current = await nextVersion(session, ref, current, remaining, clock);
  }
}

type WatchEnd =
  | { readonly kind: 'changed'; readonly workload: Workload }
  | { readonly kind: 'deleted' }
  /** The watch ended without news (server timeout, expired resourceVersion, our own deadline): read afresh. */
  | { readonly kind: 'reread' }
  | { readonly kind: 'error'; readonly error: unknown };

/** The workload's next version: the first change after `current` over a watch, or a fresh read. */
async function nextVersion(session: KubeSession, ref: WorkloadRef, current: Workload, remainingMs: number, clock: Clock): Promise<Workload> {
  const end = await watchForChange(session, ref, current.metadata?.resourceVersion, remainingMs);
  switch (end.kind) {
    case 'changed':
      return end.workload;
    case 'deleted':
      throw new GantryError(`${describeRef(ref)} was deleted from namespace ${ref.namespace} during the rollout`);
    case 'error': {
      const failure = classifyKubeError(end.error);
      if (failure.status === 401) session.renewToken();
      else if (failure.retryable) await clock.sleep(1_000);
      else throw kubeFailure(`watching ${describeRef(ref)}`, end.error);
      return readWorkload(session, ref);
    }
    case 'reread':
      return readWorkload(session, ref);
  }
}

async function watchForChange(session: KubeSession, ref: WorkloadRef, resourceVersion: string | undefined, remainingMs: number): Promise<WatchEnd> {
  const api = await session.api();
  return new Promise<WatchEnd>((resolve) => {
    let settled = false;
    const finish = (end: WatchEnd) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      stop();
      resolve(end);
    };
    // Our own bound as well as the server's: a watch that goes silent must not outlive the deadline.
    const timer = setTimeout(() => finish({ kind: 'reread' }), remainingMs);
    const query = {
      fieldSelector: `metadata.name=${ref.name}`,
      resourceVersion,
      timeoutSeconds: Math.max(1, Math.min(MAX_WATCH_SECONDS, Math.ceil(remainingMs / 1000))),
    };
    const stop = api.watch(
      collectionPathOf(ref),
      query,
      (type, object) => {
        if (type === 'DELETED') finish({ kind: 'deleted' });
        else if (type === 'ADDED' || type === 'MODIFIED') finish({ kind: 'changed', workload: object as Workload });
        else if (type === 'ERROR') finish({ kind: 'reread' }); // e.g. 410 Gone: the resourceVersion is too old
      },
      (error) => finish(error ? { kind: 'error', error } : { kind: 'reread' }),
    );
  });
}
