import type { V1DaemonSet, V1Deployment, V1PodTemplateSpec, V1StatefulSet } from '@kubernetes/client-node';

/** The workload kinds whose pod template an image rollout changes, with the names kubectl accepts for them. */
export const WORKLOAD_KINDS = {
  deployment: { resource: 'deployments', kind: 'Deployment', aliases: ['deployment', 'deployments', 'deploy'] },
  statefulset: { resource: 'statefulsets', kind: 'StatefulSet', aliases: ['statefulset', 'statefulsets', 'sts'] },
  daemonset: { resource: 'daemonsets', kind: 'DaemonSet', aliases: ['daemonset', 'daemonsets', 'ds'] },
} as const;

export type WorkloadKind = keyof typeof WORKLOAD_KINDS;
export type Workload = V1Deployment | V1StatefulSet | V1DaemonSet;

export interface WorkloadRef {
  readonly kind: WorkloadKind;
  readonly name: string;
  readonly namespace: string;
}

/** RFC 1123 subdomain: the names Kubernetes gives Deployments, StatefulSets and DaemonSets. */
const OBJECT_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** `deployment/web`, `sts/db`, or a bare `web` (a Deployment), as kubectl reads them. Undefined when malformed. */
export function parseWorkload(value: string): { kind: WorkloadKind; name: string } | undefined {
  const [first, second, ...rest] = value.split('/');
  if (rest.length > 0 || !first) return undefined;
  const name = second ?? first;
  const kind =
    second === undefined
      ? 'deployment'
      : (Object.keys(WORKLOAD_KINDS) as WorkloadKind[]).find((k) => (WORKLOAD_KINDS[k].aliases as readonly string[]).includes(first.toLowerCase()));
  if (!kind || name.length > 253 || !OBJECT_NAME.test(name)) return undefined;
  return { kind, name };
}

export const describeRef = (ref: WorkloadRef) => `${ref.kind}/${ref.name}`;

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
