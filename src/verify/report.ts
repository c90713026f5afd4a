import { formatDuration } from '../model/schedule.js';
import { describeExpectations } from './check.js';
import { describeObservation, type SmokeResult } from './smoke.js';

/** The checks that failed, by name, for an error message or an output. */
export function failedCheckNames(result: SmokeResult): string[] {
  return result.checks.filter((c) => !c.passed).map((c) => c.check.name);
}

/** One line per failed check: its expectations and what came back last. */
export function failureLines(result: SmokeResult): string[] {
  return result.checks
    .filter((c) => !c.passed)
    .map((c) => `${c.check.name}: expected ${describeExpectations(c.check)}; got ${describeObservation(c)} (${c.last.unmet.join('; ')})`);
}

/** The reason a stage fails with: which checks, for how long, and what each saw. */
export function failureMessage(result: SmokeResult): string {
  const failed = failedCheckNames(result);
  return [
    `smoke check${failed.length > 1 ? 's' : ''} ${failed.join(', ')} failed after ${result.attempts} attempts in ${formatDuration(result.durationMs)}`,
    ...failureLines(result).map((line) => `  ${line}`),
  ].join('\n');
}

/** A Markdown table of every check: expectation, last answer, verdict. */
export function smokeSummary(result: SmokeResult, title: string): string {
  // Answers are the service's text: escaped so that an HTML error page shows as text, not markup, in the summary.
  const cell = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return [
    `### ${title}: ${result.passed ? 'passed' : 'FAILED'}`,
    '',
    `${result.attempts} attempt${result.attempts === 1 ? '' : 's'} in ${formatDuration(result.durationMs)}`,
    '',
    '| check | expected | last answer | result |',
    '| --- | --- | --- | --- |',
    ...result.checks.map(
      (c) =>
        `| ${cell(c.check.name)} | ${cell(describeExpectations(c.check))} | ${cell(describeObservation(c, 120))} | ${c.passed ? 'passed' : `failed: ${cell(c.last.unmet.join('; '))}`} |`,
    ),
    '',
  ].join('\n');
}
