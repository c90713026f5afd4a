import type { Finding } from './findings.js';
import type { GatePolicy, GateVerdict } from './gate.js';
import { SEVERITIES } from './severity.js';

export interface SummaryContext {
  readonly scanType: string;
  readonly target: string;
  readonly scanners: readonly string[];
  readonly trivyVersion: string;
  readonly policy: GatePolicy;
  readonly ignoreUnfixed: boolean;
  readonly ignoreFile?: string;
  /** How many findings the table lists, most severe first. */
  readonly top?: number;
}

const STATE_LINE = {
  passed: '✅ passed',
  failed: '❌ failed',
  warned: '⚠️ passed with warnings',
} as const;

/**
 * The job-summary section of a scan: verdict, counts by severity and scanner, then the most severe findings with
 * installed → fixed versions. Secrets appear by rule, file and line only: a summary is public to everyone who
 * can read the run.
 */
export function renderSummary(verdict: GateVerdict, context: SummaryContext): string {
  const top = context.top ?? 15;
  const { policy } = context;
  const lines = [
    `### Trivy ${context.scanType} scan: ${STATE_LINE[verdict.state]}`,
    '',
    `Target \`${code(context.target)}\` · scanners ${context.scanners.join(', ')} · Trivy ${context.trivyVersion}`,
    `Gate: ${policy.severities.join(', ')} → ${policy.strategy}` +
      (context.ignoreUnfixed ? ' · unfixed vulnerabilities ignored' : '') +
      (context.ignoreFile ? ` · ignore file \`${code(context.ignoreFile)}\`` : ''),
    '',
    '| Severity | Vulnerabilities | Misconfigurations | Secrets | Total |',
    '| --- | ---: | ---: | ---: | ---: |',
  ];
  for (const severity of SEVERITIES) {
    const of = (kind: Finding['kind']) => verdict.findings.filter((f) => f.severity === severity && f.kind === kind).length;
    const mark = policy.severities.includes(severity) ? ` (gated)` : '';
    lines.push(`| ${severity}${mark} | ${of('vulnerability')} | ${of('misconfiguration')} | ${of('secret')} | ${verdict.counts[severity]} |`);
  }
  lines.push('');

  if (verdict.findings.length === 0) {
    lines.push('No findings.', '');
    return lines.join('\n');
  }
  const shown = verdict.findings.slice(0, top);
  lines.push(
    `#### ${verdict.findings.length > shown.length ? `Top ${shown.length} of ${verdict.findings.length} findings` : `Findings (${shown.length})`}`,
    '',
    '| Severity | Kind | ID | Where | Detail |',
    '| --- | --- | --- | --- | --- |',
  );
  for (const f of shown) lines.push(`| ${f.severity} | ${f.kind} | ${cell(f.id)} | ${cell(where(f))} | ${cell(detail(f))} |`);
  lines.push('');
  return lines.join('\n');
}

function where(f: Finding): string {
  switch (f.kind) {
    case 'vulnerability':
      return f.target;
    case 'misconfiguration':
      return f.line ? `${f.target}:${f.line}` : f.target;
    case 'secret':
      return `${f.target}:${f.line}`;
  }
}

function detail(f: Finding): string {
  switch (f.kind) {
    case 'vulnerability':
      return `${f.pkg} ${f.installed} → ${f.fixed || 'no fix yet'}${f.title ? ` — ${f.title}` : ''}`;
    case 'misconfiguration':
      return f.message || f.title;
    case 'secret':
      return `${f.title} (value withheld)`;
  }
}

/** Table cells hold one line and no unescaped pipes. */
function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

function code(text: string): string {
  return text.replace(/`/g, "'");
}

/** One line per gated finding, for the log. */
export function describeFinding(f: Finding): string {
  return `${f.severity} ${f.kind} ${f.id} at ${where(f)}: ${detail(f)}`;
}
