import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GantryError } from '../../src/model/errors.js';
import { countBySeverity, findingsOf } from '../../src/scan/findings.js';
import { parseTrivyReport } from '../../src/scan/report.js';

/** Real reports written by Trivy's own integration tests; read in place, never copied. */
const FIXTURES = '/work/shared/fixtures/trivy';
const reports = readdirSync(FIXTURES)
  .filter((file) => file.endsWith('.json'))
  .sort();

/** Expected numbers come from a plain walk of the raw JSON, independent of the parser under test. */
interface Raw {
  Results?: Array<{ Target: string; Vulnerabilities?: Array<{ Severity: string; VulnerabilityID: string }>; Misconfigurations?: Array<{ Severity: string; Status: string }>; Secrets?: unknown[] }>;
}
function rawWalk(file: string) {
  const raw = JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as Raw;
  const results = raw.Results ?? [];
  const severities = [
    ...results.flatMap((r) => (r.Vulnerabilities ?? []).map((v) => v.Severity)),
    ...results.flatMap((r) => (r.Misconfigurations ?? []).filter((m) => m.Status === 'FAIL').map((m) => m.Severity)),
  ];
  return {
    results: results.length,
    vulnerabilities: results.reduce((n, r) => n + (r.Vulnerabilities?.length ?? 0), 0),
    misconfigurations: results.reduce((n, r) => n + (r.Misconfigurations?.length ?? 0), 0),
    secrets: results.reduce((n, r) => n + (r.Secrets?.length ?? 0), 0),
    bySeverity: (s: string) => severities.filter((x) => x === s).length,
  };
}

describe('parseTrivyReport on every Trivy fixture', () => {
  it('finds the fixtures', () => {
    expect(reports.length).toBeGreaterThanOrEqual(10);
  });

  it.each(reports)('%s: same results, findings and severity counts as a raw walk', (file) => {
    const report = parseTrivyReport(readFileSync(join(FIXTURES, file), 'utf8'), file);
    const raw = rawWalk(file);
    expect(report.SchemaVersion).toBe(2);
    expect(report.Results).toHaveLength(raw.results);
    expect(report.Results.reduce((n, r) => n + r.Vulnerabilities.length, 0)).toBe(raw.vulnerabilities);
    expect(report.Results.reduce((n, r) => n + r.Misconfigurations.length, 0)).toBe(raw.misconfigurations);
    expect(report.Results.reduce((n, r) => n + r.Secrets.length, 0)).toBe(raw.secrets);
    const counts = countBySeverity(findingsOf(report));
    for (const severity of ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN'] as const) expect(counts[severity], severity).toBe(raw.bySeverity(severity));
  });
});

// Hard facts checked with jq against the fixture files, e.g.
//   jq -c '[.Results[]|(.Vulnerabilities//[])[]|.Severity]|group_by(.)|map({(.[0]):length})|add' alpine-39.json
describe('fields of specific fixtures (verified with jq)', () => {
  const load = (file: string) => parseTrivyReport(readFileSync(join(FIXTURES, file), 'utf8'));

  it('alpine-39: 2 CRITICAL + 4 MEDIUM; musl CVE-2019-14697 1.1.20-r4 → 1.1.20-r5', () => {
    const report = load('alpine-39.json');
    expect(report.ArtifactType).toBe('container_image');
    expect(report.Results[0]!.Target).toBe('testdata/fixtures/images/alpine-39.tar.gz (alpine 3.9.4)');
    expect(report.Results[0]!.Class).toBe('os-pkgs');
    expect(countBySeverity(findingsOf(report))).toEqual({ CRITICAL: 2, HIGH: 0, MEDIUM: 4, LOW: 0, UNKNOWN: 0 });
    const musl = report.Results[0]!.Vulnerabilities.find((v) => v.PkgName === 'musl')!;
    expect(musl).toMatchObject({ VulnerabilityID: 'CVE-2019-14697', InstalledVersion: '1.1.20-r4', FixedVersion: '1.1.20-r5', Status: 'fixed', Severity: 'CRITICAL' });
    expect(musl.CVSS.nvd?.V3Score).toBe(9.8);
  });

  it('alpine-39-high-critical: exactly the CRITICAL findings of alpine-39', () => {
    const ids = (file: string, pick: (s: string) => boolean) =>
      findingsOf(load(file))
        .filter((f) => pick(f.severity))
        .map((f) => f.id)
        .sort();
    expect(ids('alpine-39-high-critical.json', () => true)).toEqual(ids('alpine-39.json', (s) => s === 'CRITICAL' || s === 'HIGH'));
  });

  it('debian-buster: bash CVE-2019-18276 has no fixed version (status affected)', () => {
    const bash = load('debian-buster.json').Results[0]!.Vulnerabilities.find((v) => v.PkgName === 'bash')!;
    expect(bash).toMatchObject({ VulnerabilityID: 'CVE-2019-18276', FixedVersion: '', Status: 'affected', Severity: 'LOW' });
  });

  it('centos-7-ignore-unfixed: every vulnerability has a fix', () => {
    const vulns = load('centos-7-ignore-unfixed.json').Results.flatMap((r) => r.Vulnerabilities);
    expect(vulns).toHaveLength(2);
    for (const v of vulns) expect(v.FixedVersion).not.toBe('');
  });

  it('gomod: three go.mod results, 4 UNKNOWN + 1 MEDIUM', () => {
    const report = load('gomod.json');
    expect(report.Results.map((r) => r.Target)).toEqual(['go.mod', 'submod/go.mod', 'submod2/go.mod']);
    expect(report.Results.map((r) => r.Class)).toEqual(['lang-pkgs', 'lang-pkgs', 'lang-pkgs']);
    expect(countBySeverity(findingsOf(report))).toEqual({ CRITICAL: 0, HIGH: 0, MEDIUM: 1, LOW: 0, UNKNOWN: 4 });
  });

  it('dockerfile: one failed HIGH check DS-0002, 26 successes', () => {
    const result = load('dockerfile.json').Results[0]!;
    expect(result.Class).toBe('config');
    expect(result.MisconfSummary).toEqual({ Successes: 26, Failures: 1 });
    expect(result.Misconfigurations[0]).toMatchObject({ ID: 'DS-0002', Severity: 'HIGH', Status: 'FAIL', Title: "Image user should not be 'root'" });
    expect(findingsOf(load('dockerfile.json'))).toEqual([
      expect.objectContaining({ kind: 'misconfiguration', id: 'DS-0002', severity: 'HIGH', target: 'Dockerfile' }),
    ]);
  });

  it('npm: one MEDIUM in package-lock.json', () => {
    const findings = findingsOf(load('npm.json'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ kind: 'vulnerability', severity: 'MEDIUM', target: 'package-lock.json' });
  });
});

describe('parseTrivyReport rejects what it cannot read', () => {
  it.each([
    ['not JSON', '{', /not JSON/],
    ['schema version 1', JSON.stringify({ SchemaVersion: 1, Results: [] }), /SchemaVersion/],
    ['a bad severity', JSON.stringify({ SchemaVersion: 2, Results: [{ Target: 'x', Vulnerabilities: [{ VulnerabilityID: 'CVE-1', PkgName: 'p', Severity: 'SEVERE' }] }] }), /Results\.0\.Vulnerabilities\.0\.Severity/],
  ])('%s', (_name, text, message) => {
    expect(() => parseTrivyReport(text)).toThrow(GantryError);
    expect(() => parseTrivyReport(text)).toThrow(message);
  });

  it('normalises absent and null lists to empty ones', () => {
    const report = parseTrivyReport(JSON.stringify({ SchemaVersion: 2, ArtifactName: 'x', Results: [{ Target: 't', Vulnerabilities: null }] }));
    expect(report.Results[0]).toMatchObject({ Vulnerabilities: [], Misconfigurations: [], Secrets: [] });
    expect(report.Metadata).toEqual({ RepoTags: [], RepoDigests: [] });
  });
});

describe('parseTrivyReport on a secret scan by Trivy 0.74.0 (test/fixtures/scan/secret-report.json)', () => {
  it('reads the findings, whose matched lines Trivy has censored', () => {
    const report = parseTrivyReport(readFileSync('test/fixtures/scan/secret-report.json', 'utf8'));
    expect(report.Trivy?.Version).toBe('0.74.0');
    expect(report.Results).toHaveLength(1);
    expect(report.Results[0]).toMatchObject({ Target: 'config/aws.env', Class: 'secret' });
    expect(report.Results[0]!.Secrets.map((s) => [s.RuleID, s.Severity, s.StartLine])).toEqual([
      ['aws-access-key-id', 'CRITICAL', 2],
      ['aws-secret-access-key', 'CRITICAL', 3],
    ]);
    expect(report.Results[0]!.Secrets[1]!.Match).toBe(`AWS_SECRET_ACCESS_KEY=${'*'.repeat(40)}`);
  });
});
