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
  const bound = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), boundMs);
  });
  try {
    const answer = await Promise.race([call(), bound]);
    if (answer !== 'timeout') return answer;
    runtime.warning(`${action}: no answer within ${boundMs / 1000} s, asking again at the next poll`);
    return undefined;
  } catch (error) {
    const failure = classifyAwsError(error);
    if (!failure.retryable) throw awsFailure(action, error);
    runtime.warning(`${action}: ${failure.code} (${failure.kind}), asking again at the next poll`);
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}
