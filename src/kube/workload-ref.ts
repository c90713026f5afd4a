/**
 * A workload as the stages name it, without the Kubernetes client's types: the stages' public declarations reach this
 * module, so a consumer of the package type-checks without @kubernetes/client-node's own typings.
 */

/** The workload kinds whose pod template an image rollout changes, with the names kubectl accepts for them. */
export const WORKLOAD_KINDS = {
  deployment: { resource: 'deployments', kind: 'Deployment', aliases: ['deployment', 'deployments', 'deploy'] },
  statefulset: { resource: 'statefulsets', kind: 'StatefulSet', aliases: ['statefulset', 'statefulsets', 'sts'] },
  daemonset: { resource: 'daemonsets', kind: 'DaemonSet', aliases: ['daemonset', 'daemonsets', 'ds'] },
} as const;

export type WorkloadKind = keyof typeof WORKLOAD_KINDS;

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
