import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { filterReport, findingsOf } from '../../src/scan/findings.js';
import { evaluateGate } from '../../src/scan/gate.js';
import { parseTrivyReport } from '../../src/scan/report.js';
import { parseSeveritySelection } from '../../src/scan/severity.js';

const load = (file: string) => parseTrivyReport(readFileSync(`/work/shared/fixtures/trivy/${file}`, 'utf8'));

describe('parseSeveritySelection', () => {
  it.each([
    ['CRITICAL', ['CRITICAL']],
    ['high', ['CRITICAL', 'HIGH']],
    ['MEDIUM', ['CRITICAL', 'HIGH', 'MEDIUM']],
    ['UNKNOWN', ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN']],
    ['HIGH,CRITICAL', ['CRITICAL', 'HIGH']],
    ['critical, medium', ['CRITICAL', 'MEDIUM']],
    ['LOW,LOW', ['LOW']],
  ])('%s → %j', (value, severities) => {
    expect(parseSeveritySelection(value)).toEqual({ severities });
  });

  it.each([
    ['SEVERE', "'SEVERE' is not a severity"],
    ['HIGH,BAD', "'BAD' is not a severity"],
    [' , ', 'must name a severity'],
  ])('rejects %j', (value, message) => {
    const parsed = parseSeveritySelection(value);
    expect('error' in parsed && parsed.error).toContain(message);
  });
});

describe('evaluateGate', () => {
  it('fails on CRITICAL by default policy and counts every severity', () => {
    const verdict = evaluateGate(load('alpine-39.json'), { severities: ['CRITICAL'], strategy: 'fail' });
    expect(verdict.state).toBe('failed');
    expect(verdict.counts).toEqual({ CRITICAL: 2, HIGH: 0, MEDIUM: 4, LOW: 0, UNKNOWN: 0 });
    expect(verdict.gated.map((f) => f.id)).toEqual(['CVE-2019-14697', 'CVE-2019-14697']);
  });

  it('passes when nothing reaches the gated severities', () => {
    for (const file of ['alpine-distroless.json', 'amazon-2.json', 'npm.json', 'distroless-base.json', 'centos-7-ignore-unfixed.json']) {
      expect(evaluateGate(load(file), { severities: ['CRITICAL', 'HIGH'], strategy: 'fail' }).state, file).toBe('passed');
    }
  });

  it('warns instead of failing with strategy warn, and reports passed with ignore', () => {
    const report = load('debian-buster.json');
    expect(evaluateGate(report, { severities: ['CRITICAL'], strategy: 'warn' }).state).toBe('warned');
    const ignored = evaluateGate(report, { severities: ['CRITICAL'], strategy: 'ignore' });
    expect(ignored.state).toBe('passed');
    expect(ignored.gated).toHaveLength(1);
  });

  it('gates on failed misconfiguration checks only', () => {
    const report = load('dockerfile.json');
    expect(evaluateGate(report, { severities: ['HIGH'], strategy: 'fail' }).state).toBe('failed');
    report.Results[0]!.Misconfigurations[0]!.Status = 'PASS';
    const verdict = evaluateGate(report, { severities: ['HIGH'], strategy: 'fail' });
    expect(verdict.state).toBe('passed');
    expect(verdict.counts.HIGH).toBe(0);
  });

  it('a list gates exactly its severities', () => {
    expect(evaluateGate(load('gomod.json'), { severities: ['UNKNOWN'], strategy: 'fail' }).gated).toHaveLength(4);
    expect(evaluateGate(load('gomod.json'), { severities: ['CRITICAL', 'HIGH'], strategy: 'fail' }).state).toBe('passed');
  });
});

describe('filterReport', () => {
  it('is what trivy --severity HIGH,CRITICAL wrote for the same image', () => {
    const ours = findingsOf(filterReport(load('alpine-39.json'), ['CRITICAL', 'HIGH']));
    const trivys = findingsOf(load('alpine-39-high-critical.json'));
    expect(ours).toEqual(trivys);
  });

  it('keeps every result so each target still has its suite', () => {
    const filtered = filterReport(load('gomod.json'), ['CRITICAL']);
    expect(filtered.Results.map((r) => r.Target)).toEqual(['go.mod', 'submod/go.mod', 'submod2/go.mod']);
    expect(filtered.Results.every((r) => r.Vulnerabilities.length === 0)).toBe(true);
  });
});
