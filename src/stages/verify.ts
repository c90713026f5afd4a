import { GantryError } from '../model/errors.js';
import type { Runtime } from '../model/runtime.js';
import { systemClock } from '../model/schedule.js';
import { defineStage, type StageInput } from '../model/stage.js';
import { smokeCheckInputs, smokeCheckProblem, smokePlanOf } from '../verify/inputs.js';
import { failedCheckNames, failureMessage, smokeSummary } from '../verify/report.js';
import { runSmokeChecks } from '../verify/smoke.js';

type VerifyInput = StageInput<typeof smokeCheckInputs>;

/**
 * HTTP smoke checks after a release: each URL is requested until it answers as expected (status, body text, a JSON
 * value, a header) or the deadline passes, so a service that is still warming up passes and one that never comes
 * up fails with what every check saw last.
 */
export const verifyStage = defineStage({
  name: 'verify',
  description: 'HTTP smoke checks with retries until a deadline: status, body text, JSON values and headers; fails with what came back.',
  inputs: smokeCheckInputs,
  outputs: {
    result: { description: 'passed, or failed (the stage then fails too).' },
    attempts: { description: 'Rounds of requests made (1 when every check passed at once).' },
    'duration-ms': { description: 'Milliseconds from the first request to the verdict.' },
    'failed-checks': { description: 'Names (URLs unless named) of the checks that failed, comma-separated; empty on success.' },
  },
  check: (input) => smokeCheckProblem(input) ?? (input.url || input.checks ? undefined : { input: 'url', problem: 'is required unless checks lists the checks' }),
  run: verify,
});

async function verify(input: VerifyInput, runtime: Runtime) {
  const plan = (await smokePlanOf(input))!;
  const result = await runSmokeChecks(plan.checks, plan.options, runtime, systemClock);
  const outputs = {
    result: result.passed ? 'passed' : 'failed',
    attempts: String(result.attempts),
    'duration-ms': String(result.durationMs),
    'failed-checks': failedCheckNames(result).join(','),
  };
  await runtime.appendSummary(smokeSummary(result, 'verify'));
  if (result.passed) {
    runtime.info(`All ${plan.checks.length} smoke checks passed after ${result.attempts} attempt(s)`);
    return outputs;
  }
  // A failed stage's outputs still say what happened: the runner publishes them before the failure.
  for (const [name, value] of Object.entries(outputs)) runtime.setOutput(name, value);
  throw new GantryError(failureMessage(result), {
    remedy: 'read what each check got back above; if the service only needs longer to start, raise deadline-seconds.',
  });
}
