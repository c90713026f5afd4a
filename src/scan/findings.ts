import type { TrivyMisconfiguration, TrivyReport, TrivyResult } from './report.js';
import { SEVERITIES, severityRank, type Severity } from './severity.js';

/** One thing Trivy found, whatever the scanner: what a gate counts and a summary lists. */
export type Finding =
  | { kind: 'vulnerability'; severity: Severity; id: string; title: string; target: string; pkg: string; installed: string; fixed: string }
  | { kind: 'misconfiguration'; severity: Severity; id: string; title: string; target: string; message: string; line?: number }
  | { kind: 'secret'; severity: Severity; id: string; title: string; target: string; category: string; line: number };

export type SeverityCounts = Record<Severity, number>;

/** A misconfiguration check that passed (listed with --include-non-failures) is not a finding. */
export function isFailedCheck(misconfiguration: TrivyMisconfiguration): boolean {
  return misconfiguration.Status === 'FAIL';
}

/**
 * Every finding in the report, most severe first (stable within a severity). Secrets carry no match text: a
 * finding is safe to print.
 */
export function findingsOf(report: TrivyReport): Finding[] {
  const findings: Finding[] = [];
  for (const result of report.Results) {
    for (const v of result.Vulnerabilities) {
      findings.push({
        kind: 'vulnerability',
        severity: v.Severity,
        id: v.VulnerabilityID,
        title: v.Title,
        target: v.PkgPath || result.Target,
        pkg: v.PkgName,
        installed: v.InstalledVersion,
        fixed: v.FixedVersion,
      });
    }
    for (const m of result.Misconfigurations.filter(isFailedCheck)) {
      findings.push({
        kind: 'misconfiguration',
        severity: m.Severity,
        id: m.ID,
        title: m.Title,
        target: result.Target,
        message: m.Message,
        line: m.CauseMetadata.StartLine,
      });
    }
    for (const s of result.Secrets) {
      findings.push({ kind: 'secret', severity: s.Severity, id: s.RuleID, title: s.Title, target: result.Target, category: s.Category, line: s.StartLine });
    }
  }
  return findings.sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
}

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as SeverityCounts;
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

/**
 * The report cut down to the given severities (and to failed checks), the way `trivy --severity` would have
 * written it; results left empty are kept so a JUnit suite still lists every target scanned.
 */
export function filterReport(report: TrivyReport, severities: readonly Severity[]): TrivyReport {
  const keep = (s: Severity) => severities.includes(s);
  return {
    ...report,
    Results: report.Results.map(
      (result): TrivyResult => ({
        ...result,
        Vulnerabilities: result.Vulnerabilities.filter((v) => keep(v.Severity)),
        Misconfigurations: result.Misconfigurations.filter((m) => isFailedCheck(m) && keep(m.Severity)),
        Secrets: result.Secrets.filter((s) => keep(s.Severity)),
      }),
    ),
  };
}
