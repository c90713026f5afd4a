import * as z from '../model/zod.js';
import { parseWorkload } from './workload-ref.js';

/** EKS cluster names: 1-100 characters, a letter or digit first, then letters, digits, - and _. */
export const EKS_CLUSTER_NAME = /^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$/;
export const EKS_CLUSTER_NAME_RULE = 'must be an EKS cluster name (letters, digits, - and _, at most 100)';
/** RFC 1123 label: Kubernetes namespace and container names. */
export const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

export const eksClusterName = z.string().check(z.regex(EKS_CLUSTER_NAME, EKS_CLUSTER_NAME_RULE));
export const namespaceName = z
  .string()
  .check(z.regex(DNS_LABEL, 'must be a Kubernetes namespace name (lowercase letters, digits and -, at most 63)'));

/** `[deployment|statefulset|daemonset/]<name>`, parsed into the workload reference. */
export const workloadInput = z.pipe(
  z.string(),
  z.transform((value, ctx) => {
    const workload = parseWorkload(value);
    if (workload) return workload;
    ctx.issues.push({
      code: 'custom',
      input: value,
      message: 'must be [deployment|statefulset|daemonset/]<name>, e.g. deployment/web (a bare name is a Deployment)',
    });
    return z.NEVER;
  }),
);
