import { STATUS_CODES } from 'node:http';
import { retryAfterMs } from '../model/backoff.js';
import { GantryError } from '../model/errors.js';

/** Why a Kubernetes API call failed, in the terms that decide what to do next. */
export interface KubeFailure {
  readonly status?: number;
  /** The API server's Status reason (NotFound, Forbidden, Invalid...) or the network error code. */
  readonly reason: string;
  readonly message: string;
  readonly retryable: boolean;
  /** The wait a 429 or 503 asked for with Retry-After, in ms. */
  readonly retryAfterMs?: number;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND', 'UND_ERR_SOCKET', 'ERR_STREAM_PREMATURE_CLOSE']);

interface ApiErrorShape {
  name?: string;
  code?: number | string;
  statusCode?: number;
  body?: unknown;
  message?: string;
  cause?: { code?: string };
  type?: string;
  headers?: Record<string, string | string[] | undefined>;
}

/** Reads a KubeApiError (a status the API server answered), a watch error, or a network error. */
export function classifyKubeError(error: unknown): KubeFailure {
  const e = (typeof error === 'object' && error !== null ? error : {}) as ApiErrorShape;
  const status = typeof e.code === 'number' ? e.code : e.statusCode;
  const body = statusBody(e.body);
  const networkCode = typeof e.code === 'string' ? e.code : e.cause?.code;
  if (status === undefined) {
    // An answer whose body broke off: its JSON does not parse. Asked again like a reset connection.
    if (e.name === 'SyntaxError' || /in JSON at position|Unexpected end of JSON/.test(e.message ?? '')) {
      return { reason: 'BrokenAnswer', message: `the answer broke off (${(e.message ?? '').split('\n')[0]})`, retryable: true };
    }
    const network = networkCode !== undefined && NETWORK_CODES.has(networkCode);
    return { reason: networkCode ?? 'Error', message: e.message ?? String(error), retryable: network || e.type === 'system' };
  }
  const reason = body?.reason ?? STATUS_CODES[status] ?? `HTTP ${status}`;
  const message = body?.message ?? e.message ?? '';
  const retryAfter = e.headers?.['retry-after'] ?? e.headers?.['Retry-After'];
  return { status, reason, message, retryable: status === 429 || status >= 500, retryAfterMs: retryAfterMs(Array.isArray(retryAfter) ? retryAfter[0] : retryAfter) };
}

function statusBody(body: unknown): { reason?: string; message?: string } | undefined {
  if (typeof body === 'string') {
    try {
      return JSON.parse(body) as { reason?: string; message?: string };
    } catch {
      return body ? { message: body } : undefined;
    }
  }
  return typeof body === 'object' && body !== null ? (body as { reason?: string; message?: string }) : undefined;
}

const REMEDIES: Record<number, string> = {
  401:
    "the API server did not accept the EKS token: map the IAM role to a Kubernetes user (an EKS access entry or the aws-auth ConfigMap), and check that the credentials are the role's (run the auth stage) and not expired.",
  403: "the Kubernetes user lacks an RBAC permission: bind it to a Role allowing get, list, watch and patch on the workload, and list on pods, replicasets and events.",
};

/** A Kubernetes failure as a GantryError naming what we were doing, the API's reason and, where known, the remedy. */
export function kubeFailure(action: string, error: unknown): GantryError {
  const failure = classifyKubeError(error);
  const status = failure.status ? `${failure.status} ${failure.reason}` : failure.reason;
  return new GantryError(`${action}: ${status}${failure.message ? `: ${failure.message}` : ''}`, {
    remedy: failure.status ? REMEDIES[failure.status] : undefined,
    cause: error,
  });
}

/** The HTTP status behind an error, looking through the GantryError that `KubeSession.call` wraps it in. */
export function kubeStatusOf(error: unknown): number | undefined {
  for (let e = error; e !== undefined && e !== null; e = (e as { cause?: unknown }).cause) {
    const status = classifyKubeError(e).status;
    if (status !== undefined) return status;
  }
  return undefined;
}
