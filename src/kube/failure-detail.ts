import type { CoreV1Event, CoreV1EventList, V1LabelSelector, V1Pod, V1PodList, V1ReplicaSetList } from '@kubernetes/client-node';
import type { KubeSession } from './session.js';
import type { Workload, WorkloadRef } from './workload.js';

const PODS_SHOWN = 3;
const EVENTS_SHOWN = 8;

export interface FailureDetail {
  /** One line per pod of the workload that is not ready, at most a few. */
  readonly pods: readonly string[];
  /** The events of the workload, its ReplicaSets and pods since the rollout began, oldest first. */
  readonly events: readonly string[];
}

/**
 * Why a rollout did not finish, as a person would dig it out with kubectl: the workload's pods that are not ready
 * (unscheduled, waiting containers, crash loops) and the events since the rollout began of the workload, its
 * ReplicaSets and those pods. Best effort: failing to gather detail never hides the failure itself.
 */
export async function failureDetail(session: KubeSession, ref: WorkloadRef, workload: Workload, since: Date): Promise<FailureDetail> {
  try {
    const selector = labelSelector(workload.spec?.selector);
    const [pods, replicaSets, events] = await Promise.all([
      session.call('listing pods', (api) => api.get<V1PodList>(`/api/v1/namespaces/${ref.namespace}/pods`, { labelSelector: selector })),
      ref.kind === 'deployment'
        ? session.call('listing replica sets', (api) => api.get<V1ReplicaSetList>(`/apis/apps/v1/namespaces/${ref.namespace}/replicasets`, { labelSelector: selector }))
        : undefined,
      session.call('listing events', (api) => api.get<CoreV1EventList>(`/api/v1/namespaces/${ref.namespace}/events`)),
    ]);
    const owners = new Set([workload.metadata?.uid, ...(replicaSets?.items ?? []).map((rs) => rs.metadata?.uid)]);
    const owned = pods.items.filter((pod) => pod.metadata?.ownerReferences?.some((o) => owners.has(o.uid)));
    const unready = owned.filter((pod) => !isReady(pod));
    const involved = new Set([ref.name, ...(replicaSets?.items ?? []).map((rs) => rs.metadata?.name), ...owned.map((pod) => pod.metadata?.name)]);
    // Event times have whole seconds.
    const from = Math.floor(since.getTime() / 1000) * 1000;
    const recent = events.items
      .filter((event) => involved.has(event.involvedObject.name) && eventTime(event) >= from)
      .sort((a, b) => eventTime(a) - eventTime(b))
      .slice(-EVENTS_SHOWN);
    return {
      pods: [
        ...unready.slice(0, PODS_SHOWN).map(describePod),
        ...(unready.length > PODS_SHOWN ? [`and ${unready.length - PODS_SHOWN} more pods not ready`] : []),
      ],
      events: recent.map(formatEvent),
    };
  } catch (error) {
    return { pods: [`(pods and events unavailable: ${(error as Error).message})`], events: [] };
  }
}

/** `matchLabels` and `matchExpressions` as the `labelSelector` query parameter. */
export function labelSelector(selector: V1LabelSelector | undefined): string {
  const terms = Object.entries(selector?.matchLabels ?? {}).map(([key, value]) => `${key}=${value}`);
  for (const e of selector?.matchExpressions ?? []) {
    const values = (e.values ?? []).join(',');
    if (e.operator === 'In') terms.push(`${e.key} in (${values})`);
    else if (e.operator === 'NotIn') terms.push(`${e.key} notin (${values})`);
    else if (e.operator === 'Exists') terms.push(e.key);
    else if (e.operator === 'DoesNotExist') terms.push(`!${e.key}`);
  }
  return terms.join(',');
}

const isReady = (pod: V1Pod) => pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;

/** `pod web-5d9c-x2k: Pending; PodScheduled=False Unschedulable: 0/2 nodes are available…; container app waiting: ImagePullBackOff`. */
export function describePod(pod: V1Pod): string {
  const parts = [`pod ${pod.metadata?.name}: ${pod.status?.phase ?? 'Unknown'}`];
  for (const c of pod.status?.conditions ?? []) {
    if (c.status !== 'True' && c.reason) parts.push(`${c.type}=${c.status} ${c.reason}${c.message ? `: ${c.message}` : ''}`);
  }
  for (const s of [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])]) {
    const waiting = s.state?.waiting;
    const terminated = s.state?.terminated ?? s.lastState?.terminated;
    if (waiting?.reason) parts.push(`container ${s.name} waiting: ${waiting.reason}${waiting.message ? ` (${waiting.message})` : ''}`);
    else if (terminated && terminated.exitCode !== 0) parts.push(`container ${s.name} exited ${terminated.exitCode}${terminated.reason ? ` (${terminated.reason})` : ''}`);
    if (s.restartCount > 0) parts.push(`container ${s.name} restarted ${s.restartCount}x`);
  }
  return parts.join('; ');
}

function eventTime(event: CoreV1Event): number {
  const time = event.lastTimestamp ?? event.eventTime ?? event.firstTimestamp ?? event.metadata.creationTimestamp;
  return time ? new Date(time).getTime() : 0;
}

/** `Warning FailedScheduling pod/web-5d9c-x2k: 0/2 nodes are available… (x3)`. */
export function formatEvent(event: CoreV1Event): string {
  const count = event.count && event.count > 1 ? ` (x${event.count})` : '';
  return `${event.type ?? 'Normal'} ${event.reason ?? ''} ${event.involvedObject.kind?.toLowerCase()}/${event.involvedObject.name}: ${event.message ?? ''}${count}`;
}
