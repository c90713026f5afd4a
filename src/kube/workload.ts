import type { V1DaemonSet, V1Deployment, V1PodTemplateSpec, V1StatefulSet } from '@kubernetes/client-node';
import type { WorkloadKind } from './workload-ref.js';

export { describeRef, parseWorkload, WORKLOAD_KINDS, type WorkloadKind, type WorkloadRef } from './workload-ref.js';

export type Workload = V1Deployment | V1StatefulSet | V1DaemonSet;

export function podTemplateOf(workload: Workload): V1PodTemplateSpec {
  const template = workload.spec?.template;
  if (!template) throw new Error(`${workload.kind ?? 'workload'} ${workload.metadata?.name} has no pod template`);
  return template;
}

/** Each named container's image, init containers included, as `name → image`. */
export function containerImages(template: V1PodTemplateSpec): Map<string, string> {
  const images = new Map<string, string>();
  for (const c of [...(template.spec?.initContainers ?? []), ...(template.spec?.containers ?? [])]) images.set(c.name, c.image ?? '');
  return images;
}

/**
 * The revision a rollout produces, in the terms of each kind: the Deployment's revision number (as `kubectl rollout
 * history` shows it), the StatefulSet's update revision, the DaemonSet's generation.
 */
export function revisionOf(kind: WorkloadKind, workload: Workload): string {
  switch (kind) {
    case 'deployment':
      return workload.metadata?.annotations?.['deployment.kubernetes.io/revision'] ?? '';
    case 'statefulset':
      return (workload as V1StatefulSet).status?.updateRevision ?? '';
    case 'daemonset':
      return String(workload.metadata?.generation ?? '');
  }
}

/** Why an image rollout of this workload could never complete, or undefined when it can. */
export function rolloutBlocker(kind: WorkloadKind, workload: Workload): string | undefined {
  if (kind === 'deployment' && (workload as V1Deployment).spec?.paused) {
    return 'is paused: a new image would not roll out until it is resumed (kubectl rollout resume)';
  }
  if (kind === 'statefulset' || kind === 'daemonset') {
    const strategy = (workload as V1StatefulSet | V1DaemonSet).spec?.updateStrategy?.type ?? 'RollingUpdate';
    if (strategy !== 'RollingUpdate') return `uses the ${strategy} update strategy: its pods only change when deleted, so there is no rollout to follow`;
  }
  return undefined;
}
