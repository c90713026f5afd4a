import { awsFailure, classifyAwsError } from './errors.js';
import type { Runtime } from '../model/runtime.js';
import { networkLimits } from '../model/network.js';

/**
 * One AWS call of a polling loop. A throttled, 5xx or network failure (the SDK has already retried it with backoff)
 * is logged and skipped: the loop asks again at its next tick, within its deadline. So is a call that has not
 * answered within the poll bound (10 s by default): one slow answer must not hold the loop past its deadline.
 * Anything else — expired credentials, AccessDenied, a missing resource — stops the loop at once with the cause and
 * its remedy.
 */
export async function pollCall<T>(action: string, call: () => Promise<T>, runtime: Runtime): Promise<T | undefined> {
  const boundMs = networkLimits().pollTimeoutMs;
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`no answer within ${boundMs / 1000} s`), { name: 'PollTimeout' })), boundMs);
    timer.unref();
  });
  try {
    return await Promise.race([call(), bound]);
  } catch (error) {
    const failure = classifyAwsError(error);
    if (!failure.retryable) throw awsFailure(action, error);
    runtime.warning(`${action}: ${failure.code} (${failure.kind}), asking again at the next poll`);
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}
