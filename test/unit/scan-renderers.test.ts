import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filterReport } from '../../src/scan/findings.js';
import { evaluateGate } from '../../src/scan/gate.js';
import { renderJunit, xml } from '../../src/scan/junit.js';
import { renderSummary } from '../../src/scan/markdown.js';
import { parseTrivyReport, type TrivyReport } from '../../src/scan/report.js';
import { renderSarif } from '../../src/scan/sarif.js';
import type { Severity } from '../../src/scan/severity.js';

const FIXTURES = '/work/shared/fixtures/trivy';
const load = (file: string) => parseTrivyReport(readFileSync(join(FIXTURES, file), 'utf8'));
const fixtureText = (file: string) => readFileSync(join(FIXTURES, file), 'utf8');

/**
 * alpine-310 (whose SARIF and JUnit renderings Trivy's suite keeps) has the same four MEDIUM openssl findings as
 * alpine-39 at a later installed version. Rendering alpine-39 cut to MEDIUM and renaming image and version must
 * give Trivy's own files back.
 */
const asAlpine310 = (text: string) =>
  text
    .replaceAll('1.1.1b-r1', '1.1.1c-r0')
    .replaceAll('alpine-39.tar.gz (alpine 3.9.4)', 'alpine-310.tar.gz (alpine 3.10.2)')
    .replaceAll('alpine-39', 'alpine-310');

/** A secret finding in the form Trivy 0.74 writes it (see test/fixtures/scan/secret-report.json). */
const secretReport: TrivyReport = parseTrivyReport(readFileSync('test/fixtures/scan/secret-report.json', 'utf8'));
/** The matched lines (censored by Trivy): Gantry's renderings never copy them, censored or not. */
const MATCHES = secretReport.Results.flatMap((r) => r.Secrets.map((s) => s.Match));
function expectNoMatchText(text: string) {
  expect(MATCHES.length).toBe(2);
  for (const match of MATCHES) expect(text).not.toContain(match);
  expect(text).not.toContain('****');
}

describe('renderSarif', () => {
  it("matches Trivy's own SARIF for the same findings (rules and results)", () => {
    const mine = JSON.parse(asAlpine310(JSON.stringify(renderSarif(filterReport(load('alpine-39.json'), ['MEDIUM'])))));
    const trivy = JSON.parse(fixtureText('alpine-310.sarif'));
    expect(mine.runs[0].tool.driver.rules).toEqual(trivy.runs[0].tool.driver.rules);
    expect(mine.runs[0].results).toEqual(trivy.runs[0].results);
    expect(Object.keys(mine.runs[0]).sort()).toEqual(Object.keys(trivy.runs[0]).sort());
    expect(Object.keys(mine.runs[0].properties).sort()).toEqual(Object.keys(trivy.runs[0].properties).sort());
    expect(mine.version).toBe(trivy.version);
    expect(mine.$schema).toBe(trivy.$schema);
  });

  it.each<[Severity[], string[]]>([
    [['CRITICAL'], ['CVE-2019-14697', 'CVE-2019-14697']],
    [['CRITICAL', 'HIGH'], ['CVE-2019-14697', 'CVE-2019-14697']],
    [['LOW'], []],
  ])('keeps only the gated severities %j', (severities, ruleIds) => {
    const sarif = renderSarif(filterReport(load('alpine-39.json'), severities));
    expect(sarif.runs[0]!.results.map((r) => r.ruleId)).toEqual(ruleIds);
    expect(sarif.runs[0]!.tool.driver.rules.map((r) => r.id)).toEqual([...new Set(ruleIds)]);
    for (const result of sarif.runs[0]!.results) expect(result.level).toBe('error');
  });

  it('renders a failed misconfiguration check as Trivy does', () => {
    const sarif = renderSarif(filterReport(load('dockerfile.json'), ['HIGH']));
    const [rule] = sarif.runs[0]!.tool.driver.rules;
    expect(rule).toMatchObject({ id: 'DS-0002', name: 'Misconfiguration', defaultConfiguration: { level: 'error' }, helpUri: 'https://avd.aquasec.com/misconfig/ds-0002' });
    expect(rule!.properties).toMatchObject({ 'security-severity': '8.0', tags: ['misconfiguration', 'security', 'HIGH'] });
    expect(sarif.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('Dockerfile');
  });

  it('points a secret at its file and line and never carries the match', () => {
    const sarif = renderSarif(secretReport, { rootPath: '/work/app' });
    const text = JSON.stringify(sarif);
    expect(sarif.runs[0]!.results.map((r) => r.ruleId).sort()).toEqual(['aws-access-key-id', 'aws-secret-access-key']);
    expect(sarif.runs[0]!.tool.driver.rules.every((r) => r.name === 'Secret')).toBe(true);
    expect(sarif.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('config/aws.env');
    expect(sarif.runs[0]!.originalUriBaseIds).toEqual({ ROOTPATH: { uri: 'file:///work/app/' } });
    expectNoMatchText(text);
  });
});

describe('renderJunit', () => {
  it("is Trivy's own JUnit for the same findings", () => {
    expect(asAlpine310(renderJunit(filterReport(load('alpine-39.json'), ['MEDIUM'])))).toBe(fixtureText('alpine-310.junit.xml'));
  });

  it('lists only gated findings, failed checks included', () => {
    const junit = renderJunit(filterReport(load('alpine-39.json'), ['CRITICAL']));
    expect(junit.match(/<testcase /g)).toHaveLength(2);
    expect(junit).toContain('name="[CRITICAL] CVE-2019-14697"');
    expect(junit).not.toContain('MEDIUM');
    const dockerfile = renderJunit(filterReport(load('dockerfile.json'), ['HIGH', 'CRITICAL']));
    expect(dockerfile).toContain('<testcase classname="Dockerfile Security Check" name="[HIGH] DS-0002" time="">');
    expect(dockerfile).toContain('failure message="Image user should not be &apos;root&apos;"');
  });

  it('adds a suite for secrets, without their values', () => {
    const junit = renderJunit(secretReport);
    expect(junit).toContain('name="[CRITICAL] aws-access-key-id"');
    expect(junit).toContain('classname="config/aws.env:2"');
    expectNoMatchText(junit);
  });

  it('escapes XML and drops characters XML cannot hold', () => {
    expect(xml(`a<b>&"c'\u0001`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;');
  });
});

describe('renderSummary', () => {
  const context = { scanType: 'image', target: 'app.tar', scanners: ['vuln', 'secret'], trivyVersion: '0.74.0', ignoreUnfixed: false };

  it('counts by severity and lists findings with installed → fixed versions', () => {
    const policy = { severities: ['CRITICAL'] as Severity[], strategy: 'fail' as const };
    const md = renderSummary(evaluateGate(load('alpine-39.json'), policy), { ...context, policy });
    expect(md).toContain('### Trivy image scan: ❌ failed');
    expect(md).toContain('| CRITICAL (gated) | 2 | 0 | 0 | 2 |');
    expect(md).toContain('| MEDIUM | 4 | 0 | 0 | 4 |');
    expect(md).toContain('| CRITICAL | vulnerability | CVE-2019-14697 | testdata/fixtures/images/alpine-39.tar.gz (alpine 3.9.4) | musl 1.1.20-r4 → 1.1.20-r5');
    // Most severe first.
    expect(md.indexOf('CVE-2019-14697')).toBeLessThan(md.indexOf('CVE-2019-1549'));
  });

  it('says when a vulnerability has no fix, and shows misconfigurations', () => {
    const policy = { severities: ['CRITICAL', 'HIGH'] as Severity[], strategy: 'warn' as const };
    expect(renderSummary(evaluateGate(load('debian-buster.json'), policy), { ...context, policy })).toContain('bash 5.0-4 → no fix yet');
    const md = renderSummary(evaluateGate(load('dockerfile.json'), policy), { ...context, scanType: 'config', policy });
    expect(md).toContain('### Trivy config scan: ⚠️ passed with warnings');
    expect(md).toContain('| HIGH (gated) | 0 | 1 | 0 | 1 |');
    expect(md).toContain('| HIGH | misconfiguration | DS-0002 | Dockerfile | Specify at least 1 USER command in Dockerfile with non-root user as argument |');
  });

  it('lists secrets by rule, file and line, never by value', () => {
    const policy = { severities: ['CRITICAL'] as Severity[], strategy: 'fail' as const };
    const md = renderSummary(evaluateGate(secretReport, policy), { ...context, scanType: 'fs', policy });
    expect(md).toContain('| CRITICAL (gated) | 0 | 0 | 2 | 2 |');
    expect(md).toContain('| CRITICAL | secret | aws-access-key-id | config/aws.env:2 | AWS Access Key ID (value withheld) |');
    expectNoMatchText(md);
  });

  it('limits the table to the top findings and says so', () => {
    const policy = { severities: ['CRITICAL'] as Severity[], strategy: 'fail' as const };
    const md = renderSummary(evaluateGate(load('alpine-39.json'), policy), { ...context, policy, top: 3 });
    expect(md).toContain('#### Top 3 of 6 findings');
    expect(md.match(/^\| (CRITICAL|MEDIUM) \| vulnerability/gm)).toHaveLength(3);
  });

  it('escapes pipes in cells', () => {
    const policy = { severities: ['CRITICAL'] as Severity[], strategy: 'fail' as const };
    const report = load('npm.json');
    report.Results[0]!.Vulnerabilities[0]!.Title = 'a | b\nc';
    expect(renderSummary(evaluateGate(report, policy), { ...context, policy })).toContain('a \\| b c');
  });
});
