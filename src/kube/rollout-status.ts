import type { V1DaemonSet, V1Deployment, V1StatefulSet } from '@kubernetes/client-node';
import type { Workload, WorkloadKind } from './workload.js';

export type RolloutStatus =
  | { readonly state: 'progressing'; readonly message: string }
  | { readonly state: 'complete'; readonly message: string }
  | { readonly state: 'failed'; readonly message: string };

/**
 * Where a rollout stands, by the rules of `kubectl rollout status`: nothing counts until the controller has observed
 * the current generation; then updated, ready and available replicas against the desired count; a Deployment whose
 * Progressing condition says ProgressDeadlineExceeded has failed. `since` ignores such a condition when it predates
 * the change being followed (a rollback starts from a Deployment that has just failed).
 */
export function rolloutStatus(kind: WorkloadKind, workload: Workload, since?: Date): RolloutStatus {
  const generation = workload.metadata?.generation ?? 0;
  const observed = workload.status?.observedGeneration ?? 0;
  if (observed === 0 || generation > observed) return progressing(`waiting for the controller to observe generation ${generation}`);
  switch (kind) {
    case 'deployment':
      return deploymentStatus(workload as V1Deployment, since);
    case 'statefulset':
      return statefulSetStatus(workload as V1StatefulSet);
    case 'daemonset':
      return daemonSetStatus(workload as V1DaemonSet);
  }
}

const progressing = (message: string): RolloutStatus => ({ state: 'progressing', message });

function deploymentStatus(d: V1Deployment, since: Date | undefined): RolloutStatus {
  const status = d.status ?? {};
  const progress = status.conditions?.find((c) => c.type === 'Progressing');
  if (progress?.reason === 'ProgressDeadlineExceeded' && !predates(progress.lastUpdateTime, since)) {
    const deadline = d.spec?.progressDeadlineSeconds;
    return { state: 'failed', message: `exceeded its progress deadline${deadline ? ` (${deadline}s)` : ''}: ${progress.message ?? ''}`.trimEnd() };
  }
  const desired = d.spec?.replicas ?? 1;
  const updated = status.updatedReplicas ?? 0;
  const replicas = status.replicas ?? 0;
  const available = status.availableReplicas ?? 0;
  if (updated < desired) return progressing(`${updated} of ${desired} new replicas updated, ${available} available`);
  if (replicas > updated) return progressing(`${replicas - updated} old replicas pending termination`);
  if (available < updated) return progressing(`${available} of ${updated} updated replicas available`);
  return { state: 'complete', message: `rolled out: ${available} of ${desired} replicas available` };
}

function statefulSetStatus(s: V1StatefulSet): RolloutStatus {
  const status = s.status ?? { replicas: 0 };
  const desired = s.spec?.replicas ?? 1;
  const ready = status.readyReplicas ?? 0;
  const updated = status.updatedReplicas ?? 0;
  if (ready < desired) return progressing(`${ready} of ${desired} pods ready, ${updated} updated`);
  const partition = s.spec?.updateStrategy?.rollingUpdate?.partition ?? 0;
  if (partition > 0) {
    if (updated < desired - partition) return progressing(`partitioned roll out: ${updated} of ${desired - partition} new pods updated`);
    return { state: 'complete', message: `partitioned roll out complete: ${updated} new pods updated` };
  }
  if (status.updateRevision !== status.currentRevision) {
    return progressing(`${updated} of ${desired} pods at revision ${status.updateRevision ?? '?'}`);
  }
  return { state: 'complete', message: `rolled out: ${ready} pods ready at revision ${status.currentRevision ?? '?'}` };
}

function daemonSetStatus(ds: V1DaemonSet): RolloutStatus {
  const status = ds.status;
  const desired = status?.desiredNumberScheduled ?? 0;
  const updated = status?.updatedNumberScheduled ?? 0;
  const available = status?.numberAvailable ?? 0;
  if (updated < desired) return progressing(`${updated} of ${desired} new pods updated, ${available} available`);
  if (available < desired) return progressing(`${available} of ${desired} updated pods available`);
  return { state: 'complete', message: `rolled out: ${available} of ${desired} pods available` };
}

/** Condition times have whole seconds: a condition from the second the change was made still counts. */
function predates(time: Date | string | undefined, since: Date | undefined): boolean {
  if (!since || time === undefined) return false;
  return new Date(time).getTime() < Math.floor(since.getTime() / 1000) * 1000;
}
