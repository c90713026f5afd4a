import type { AppsV1Api, setHeaderOptions } from '@kubernetes/client-node';
import { kubeClientNode, type PatchStrategy } from './client-node.js';
import type { KubeSession } from './session.js';
import { describeRef, WORKLOAD_KINDS, type Workload, type WorkloadRef } from './workload.js';

type Target = { name: string; namespace: string };
type PatchRequest = Target & { body: unknown };
type PatchOptions = ReturnType<typeof setHeaderOptions>;

/** The typed AppsV1Api calls of each kind, so the rest of the code is written once for all three. */
const CALLS: Record<WorkloadRef['kind'], { read(api: AppsV1Api, t: Target): Promise<Workload>; patch(api: AppsV1Api, p: PatchRequest, o: PatchOptions): Promise<Workload> }> = {
  deployment: { read: (api, t) => api.readNamespacedDeployment(t), patch: (api, p, o) => api.patchNamespacedDeployment(p, o) },
  statefulset: { read: (api, t) => api.readNamespacedStatefulSet(t), patch: (api, p, o) => api.patchNamespacedStatefulSet(p, o) },
  daemonset: { read: (api, t) => api.readNamespacedDaemonSet(t), patch: (api, p, o) => api.patchNamespacedDaemonSet(p, o) },
};

export function readWorkload(session: KubeSession, ref: WorkloadRef): Promise<Workload> {
  return session.call(`reading ${describeRef(ref)} in namespace ${ref.namespace}`, ({ apps }) =>
    CALLS[ref.kind].read(apps, { name: ref.name, namespace: ref.namespace }),
  );
}

/** A strategic-merge patch (containers merge by name) or a JSON patch (atomic test-and-replace). */
export function patchWorkload(
  session: KubeSession,
  ref: WorkloadRef,
  body: unknown,
  strategy: typeof PatchStrategy.StrategicMergePatch | typeof PatchStrategy.JsonPatch,
): Promise<Workload> {
  return session.call(`patching ${describeRef(ref)} in namespace ${ref.namespace}`, async ({ apps }) => {
    const { setHeaderOptions } = await kubeClientNode();
    return CALLS[ref.kind].patch(apps, { name: ref.name, namespace: ref.namespace, body }, setHeaderOptions('Content-Type', strategy));
  });
}

/** The watch path of the kind in a namespace (one object is picked with a field selector). */
export const watchPathOf = (ref: WorkloadRef) => `/apis/apps/v1/namespaces/${ref.namespace}/${WORKLOAD_KINDS[ref.kind].resource}`;
