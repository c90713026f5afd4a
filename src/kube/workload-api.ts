import { type PatchContentType } from './api.js';
import type { KubeSession } from './session.js';
import { describeRef, WORKLOAD_KINDS, type Workload, type WorkloadRef } from './workload.js';

/** The path of the kind's collection in the namespace (a watch picks one object with a field selector). */
export const collectionPathOf = (ref: WorkloadRef) => `/apis/apps/v1/namespaces/${ref.namespace}/${WORKLOAD_KINDS[ref.kind].resource}`;

const objectPathOf = (ref: WorkloadRef) => `${collectionPathOf(ref)}/${ref.name}`;

export function readWorkload(session: KubeSession, ref: WorkloadRef): Promise<Workload> {
  return session.call(`reading ${describeRef(ref)} in namespace ${ref.namespace}`, (api) => api.get<Workload>(objectPathOf(ref)));
}

/** A strategic-merge patch (containers merge by name) or a JSON patch (atomic test-and-replace). */
export function patchWorkload(session: KubeSession, ref: WorkloadRef, body: unknown, strategy: PatchContentType): Promise<Workload> {
  return session.call(`patching ${describeRef(ref)} in namespace ${ref.namespace}`, (api) => api.patch<Workload>(objectPathOf(ref), body, strategy));
}
