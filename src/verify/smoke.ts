import { backoffDelay } from '../model/backoff.js';
import type { Runtime } from '../model/runtime.js';
import type { Clock } from '../model/schedule.js';
import { describeExpectations, excerpt, unmetExpectations, type HttpAnswer, type SmokeCheck } from './check.js';
import { probe, ProbeError } from './http-probe.js';

export interface SmokeOptions {
  /** Checks are retried until this long after the first attempt; the last attempt starts by then. */
  readonly deadlineMs: number;
  /** Bound on one request (connect, TLS, headers, body). */
  readonly requestTimeoutMs: number;
  /** The first wait between attempts; later waits double (jittered) up to eight times this. */
  readonly intervalMs: number;
  /** PEM certificates trusted for https URLs (a private CA). */
  readonly ca?: string;
  readonly random?: () => number;
}

/** What one check saw the last time it was tried. */
export interface Observation {
  /** Absent when no HTTP answer came back (see `error`). */
  readonly answer?: HttpAnswer;
  readonly error?: string;
  /** The expectations not met, each with what came back instead; empty when the check passed. */
  readonly unmet: readonly string[];
}

export interface CheckReport {
  readonly check: SmokeCheck;
  readonly passed: boolean;
  /** Requests made for this check. */
  readonly attempts: number;
  readonly last: Observation;
}

export interface SmokeResult {
  readonly passed: boolean;
  /** Rounds of requests made: 1 when everything passed at once. */
  readonly attempts: number;
  readonly durationMs: number;
  readonly checks: readonly CheckReport[];
}

/**
 * Tries every check until each has passed once, in rounds: the checks still failing are requested together, then
 * a jittered, growing wait, never past the deadline. A service still warming up passes as soon as it answers as
 * expected; one that never does fails once the deadline has passed, with what each check saw last.
 */
export async function runSmokeChecks(checks: readonly SmokeCheck[], options: SmokeOptions, runtime: Runtime, clock: Clock): Promise<SmokeResult> {
  const started = clock.now();
  const deadline = started + options.deadlineMs;
  // A password in a URL goes out as basic auth; logs show the URL with *** in its place, and the runner masks it too.
  for (const check of checks) if (check.url.password) runtime.setSecret(decodeURIComponent(check.url.password));
  const state = checks.map((check) => ({ check, passed: false, attempts: 0, last: { unmet: ['not tried'] } as Observation }));
  runtime.info(
    `Smoke checks (${checks.length}), retried for up to ${seconds(options.deadlineMs)}:\n${checks.map((c) => `  ${c.name}: ${describeExpectations(c)}`).join('\n')}`,
  );
  for (let round = 1; ; round++) {
    const pending = state.filter((s) => !s.passed);
    await Promise.all(
      pending.map(async (s) => {
        s.attempts++;
        s.last = await observe(s.check, options);
        s.passed = s.last.unmet.length === 0;
        if (s.passed) runtime.info(`${s.check.name}: passed (status ${s.last.answer?.status}) on attempt ${s.attempts}`);
        else runtime.info(`attempt ${round}: ${s.check.name}: ${s.last.unmet.join('; ')}`);
      }),
    );
    const result = (passed: boolean): SmokeResult => ({
      passed,
      attempts: round,
      durationMs: Math.round(clock.now() - started),
      checks: state.map((s) => ({ check: s.check, passed: s.passed, attempts: s.attempts, last: s.last })),
    });
    if (state.every((s) => s.passed)) return result(true);
    const remaining = deadline - clock.now();
    if (remaining <= 0) return result(false);
    const wait = Math.min(backoffDelay(round, options.intervalMs, options.intervalMs * 8, options.random), remaining);
    runtime.info(`${state.filter((s) => !s.passed).length} of ${state.length} checks not passing yet; next attempt in ${seconds(wait)} (${seconds(remaining)} left)`);
    await clock.sleep(wait);
  }
}

async function observe(check: SmokeCheck, options: SmokeOptions): Promise<Observation> {
  try {
    const answer = await probe(check.url, { timeoutMs: options.requestTimeoutMs, ca: options.ca });
    return { answer, unmet: unmetExpectations(check, answer) };
  } catch (error) {
    const message = error instanceof ProbeError ? error.message : (error as Error).message;
    return { error: message, unmet: [message] };
  }
}

/** What came back, in one line: status, the headers checked, a short body excerpt; or the network error. */
export function describeObservation(report: CheckReport, bodyChars = 200): string {
  const { answer, error } = report.last;
  if (!answer) return error ?? 'not tried';
  const headers = report.check.headers.map((h) => `${h.name}: ${answer.headers[h.name] ?? '(missing)'}`);
  const body = answer.body ? `body ${JSON.stringify(excerpt(answer.body, bodyChars))}` : 'empty body';
  return [`status ${answer.status}`, ...headers, body].join('; ');
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}
