import { GantryError } from '../model/errors.js';
import type { Runtime } from '../model/runtime.js';
import type { Clock } from '../model/schedule.js';
import type { SmokePlan } from './inputs.js';
import { smokeSummary } from './report.js';
import { runSmokeChecks, type SmokeResult } from './smoke.js';

/** The smoke checks a deploy stage runs once its rollout completed, in their own log group and summary table. */
export async function verifyRollout(plan: SmokePlan, stage: string, runtime: Runtime, clock: Clock): Promise<SmokeResult> {
  const result = await runtime.group('Verify', () => runSmokeChecks(plan.checks, plan.options, runtime, clock));
  await runtime.appendSummary(smokeSummary(result, `${stage}: verify`));
  return result;
}

/** A rollout that completed but failed its smoke checks; `rolledBack` says whether the previous version runs again. */
export class VerificationFailedError extends GantryError {
  readonly result: SmokeResult;
  readonly rolledBack: boolean;

  constructor(message: string, result: SmokeResult, rolledBack: boolean, options: { remedy?: string } = {}) {
    super(message, options);
    this.name = 'VerificationFailedError';
    this.result = result;
    this.rolledBack = rolledBack;
  }
}
