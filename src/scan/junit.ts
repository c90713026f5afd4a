import type { TrivyReport, TrivyResult } from './report.js';

/**
 * JUnit XML for Jenkins' `junit` step, in the layout of Trivy's `contrib/junit.tpl`: per scanned target one suite
 * of vulnerabilities and one of misconfigurations, one failed test case per finding. Secrets, which Trivy's
 * template leaves out, get a third suite when there are any; only their rule, file and line are written.
 * Render it from a report already filtered to the gated severities.
 */
export function renderJunit(report: TrivyReport): string {
  const lines = ['<?xml version="1.0" ?>', '<testsuites name="trivy">'];
  for (const result of report.Results) {
    lines.push(
      ...suite(
        result,
        result.Vulnerabilities.map((v) => ({
          classname: `${v.PkgName}-${v.InstalledVersion}`,
          name: `[${v.Severity}] ${v.VulnerabilityID}`,
          message: v.Title,
          body: v.Description,
        })),
      ),
    );
    lines.push(
      ...suite(
        result,
        result.Misconfigurations.map((m) => ({
          classname: m.Type,
          name: `[${m.Severity}] ${m.ID}`,
          message: m.Title,
          body: [m.Message, m.Description].filter(Boolean).join('\n'),
        })),
      ),
    );
    if (result.Secrets.length > 0) {
      lines.push(
        ...suite(
          result,
          result.Secrets.map((s) => ({
            classname: `${result.Target}:${s.StartLine}`,
            name: `[${s.Severity}] ${s.RuleID}`,
            message: s.Title,
            body: `${s.Title} (${s.Category}) in ${result.Target} at line ${s.StartLine}`,
          })),
        ),
      );
    }
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}

interface Case {
  classname: string;
  name: string;
  message: string;
  body: string;
}

function suite(result: TrivyResult, cases: Case[]): string[] {
  const lines = [`    <testsuite tests="${cases.length}" failures="${cases.length}" name="${xml(result.Target)}" errors="0" skipped="0" time="">`];
  if (result.Type) {
    lines.push('        <properties>', `            <property name="type" value="${xml(result.Type)}"></property>`, '        </properties>');
  }
  for (const c of cases) {
    lines.push(
      `        <testcase classname="${xml(c.classname)}" name="${xml(c.name)}" time="">`,
      `            <failure message="${xml(c.message)}" type="description">${xml(c.body)}</failure>`,
      '        </testcase>',
    );
  }
  lines.push('    </testsuite>');
  return lines;
}

/** Escapes text for an XML attribute or element, dropping characters XML 1.0 cannot carry. */
export function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
