// The part of @kubernetes/client-node that Gantry calls, imported by client-node.ts on first use. Named re-exports
// (not the whole namespace) keep the bundle tree-shaken to what these classes reach.
export { AppsV1Api, CoreV1Api, KubeConfig, setHeaderOptions, Watch } from '@kubernetes/client-node';
