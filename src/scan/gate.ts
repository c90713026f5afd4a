import { countBySeverity, findingsOf, type Finding, type SeverityCounts } from './findings.js';
import type { TrivyReport } from './report.js';
import type { Severity } from './severity.js';

export const STRATEGIES = ['fail', 'warn', 'ignore'] as const;
/** fail: findings at the gated severities stop the pipeline; warn: it goes on with a warning; ignore: report only. */
export type Strategy = (typeof STRATEGIES)[number];
export type GateState = 'passed' | 'failed' | 'warned';

export interface GatePolicy {
  /** Severities that trip the gate. */
  readonly severities: readonly Severity[];
  readonly strategy: Strategy;
}

export interface GateVerdict {
  readonly state: GateState;
  /** Findings of every severity, after Trivy's own ignore rules (unfixed, .trivyignore). */
  readonly counts: SeverityCounts;
  readonly findings: readonly Finding[];
  /** The findings at the gated severities: what a failed or warned gate is about. */
  readonly gated: readonly Finding[];
}

/** Applies the policy to a report. Pure: the stage decides what a failed gate does to the run. */
export function evaluateGate(report: TrivyReport, policy: GatePolicy): GateVerdict {
  const findings = findingsOf(report);
  const gated = findings.filter((f) => policy.severities.includes(f.severity));
  const tripped = gated.length > 0;
  const state: GateState = !tripped || policy.strategy === 'ignore' ? 'passed' : policy.strategy === 'warn' ? 'warned' : 'failed';
  return { state, counts: countBySeverity(findings), findings, gated };
}
