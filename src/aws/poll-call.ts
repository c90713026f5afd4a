import { awsFailure, classifyAwsError } from './errors.js';
import type { Runtime } from '../model/runtime.js';

/**
 * One AWS call of a polling loop. A throttled, 5xx or network failure (the SDK has already retried it with backoff)
 * is logged and skipped: the loop asks again at its next tick, within its deadline. Anything else — expired
 * credentials, AccessDenied, a missing resource — stops the loop at once with the cause and its remedy.
 */
export async function pollCall<T>(action: string, call: () => Promise<T>, runtime: Runtime): Promise<T | undefined> {
  try {
    return await call();
  } catch (error) {
    const failure = classifyAwsError(error);
    if (!failure.retryable) throw awsFailure(action, error);
    runtime.warning(`${action}: ${failure.code} (${failure.kind}), asking again at the next poll`);
    return undefined;
  }
}
