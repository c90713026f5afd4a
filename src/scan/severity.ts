/** Trivy's severities, most severe first. */
export const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN'] as const;
export type Severity = (typeof SEVERITIES)[number];

export function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}

/** Position in SEVERITIES: 0 for CRITICAL, larger for less severe. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/**
 * The severities that fail the gate, from the `severity` input. One name is a threshold (`HIGH` = HIGH and
 * CRITICAL), a comma-separated list is taken as it is (`MEDIUM,CRITICAL`). Returns an error message instead when a
 * name is not a severity.
 */
export function parseSeveritySelection(value: string): { severities: Severity[] } | { error: string } {
  const names = value
    .split(',')
    .map((name) => name.trim().toUpperCase())
    .filter((name) => name !== '');
  if (names.length === 0) return { error: `must name a severity: ${SEVERITIES.join(', ')}` };
  const unknown = names.find((name) => !isSeverity(name));
  if (unknown !== undefined) return { error: `'${unknown}' is not a severity (use ${SEVERITIES.join(', ')})` };
  const chosen = names as Severity[];
  if (chosen.length === 1) return { severities: SEVERITIES.filter((s) => severityRank(s) <= severityRank(chosen[0]!)) };
  return { severities: SEVERITIES.filter((s) => chosen.includes(s)) };
}
