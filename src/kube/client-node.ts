/**
 * @kubernetes/client-node costs about half a second to evaluate: it is loaded when a stage first talks to a
 * cluster, not when the stage starts (a bundled action keeps it in its one file; the dynamic import defers it).
 */
export type KubeClientNode = typeof import('./client-node-api.js');

let loading: Promise<KubeClientNode> | undefined;

export function kubeClientNode(): Promise<KubeClientNode> {
  return (loading ??= import('./client-node-api.js'));
}

/** The patch content types of the library's `PatchStrategy`, usable without loading it. */
export const PatchStrategy = {
  JsonPatch: 'application/json-patch+json',
  StrategicMergePatch: 'application/strategic-merge-patch+json',
} as const;
