import { execFileSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EXIT_UNSTABLE } from '../../src/model/exit-codes.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ociArchive } from './image-path-support.js';
import { readCommandFile, runCli, runNode, stackEnv, type Run } from './support.js';

/**
 * The scan stage against the real Trivy 0.74.0 on PATH, offline: the secret and misconfiguration scanners need
 * no download (misconfiguration checks are built into the binary), the vulnerability DB cannot be had here.
 */
const ACTION = 'actions/scan/dist/index.cjs';
const CLEAN = resolve('test/fixtures/scan/clean');
const MISCONFIG = resolve('test/fixtures/scan/misconfig');
const TIMEOUT = 120_000;

/** Scratch directories, removed after the file: the planted keys are fake, but they do not linger either. */
const scratchDirs: string[] = [];
const scratch = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), `gantry-scan-${prefix}-`));
  scratchDirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
});

/**
 * A context with a freshly generated AWS key pair in config/aws.env. Generated, not AWS's documented example keys:
 * Trivy's built-in allow rules skip anything containing "example".
 */
function plantedContext() {
  const dir = scratch('ctx');
  cpSync(CLEAN, dir, { recursive: true });
  const pick = (alphabet: string, n: number) => Array.from({ length: n }, () => alphabet[randomInt(alphabet.length)]).join('');
  const keyId = `AKIA${pick('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`;
  const secretKey = pick('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+', 40);
  mkdirSync(join(dir, 'config'));
  writeFileSync(join(dir, 'config', 'aws.env'), `# deploy credentials\nAWS_ACCESS_KEY_ID=${keyId}\nAWS_SECRET_ACCESS_KEY=${secretKey}\nAWS_REGION=eu-west-1\n`);
  return { dir, keyId, secretKey };
}

/** Inputs shared by the offline scans: private cache and report directories per test. */
function offlineFlags(extra: Record<string, string> = {}) {
  const work = scratch('work');
  const flags: Record<string, string> = {
    offline: 'true',
    'cache-dir': join(work, 'trivy-cache'),
    'tool-cache': join(work, 'tools'),
    'output-dir': join(work, 'reports'),
    ...extra,
  };
  return { work, flags, args: Object.entries(flags).flatMap(([k, v]) => [`--${k}`, v]) };
}

function outputsOf(run: Run): Record<string, string> {
  return Object.fromEntries(
    run.stdout
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}


beforeAll(() => {
  // Without the pinned Trivy on PATH the stage would spend many minutes building one; say so instead.
  const version = execFileSync('trivy', ['--version'], { env: stackEnv(), encoding: 'utf8' });
  expect(version, 'trivy 0.74.0 on PATH (scripts/install-peers.sh --only go)').toMatch(/^Version: 0\.74\.0$/m);
});

describe('gantry run scan (CLI) with the real Trivy', () => {
  it('passes a clean context and writes every report', { timeout: TIMEOUT }, async () => {
    const { work, args } = offlineFlags();
    const summaryFile = join(work, 'summary.md');
    const run = await runCli(['run', 'scan', '--scan-type', 'fs', '--target', CLEAN, '--scanners', 'secret,misconfig', ...args], { GANTRY_SUMMARY_FILE: summaryFile });
    expect(run.stderr).toContain('Trivy 0.74.0 (PATH: ');
    expect(run.code, run.stderr).toBe(0);
    const outputs = outputsOf(run);
    expect(outputs).toMatchObject({ gate: 'passed', critical: '0', high: '0' });
    const report = JSON.parse(readFileSync(outputs['json-report']!, 'utf8'));
    expect(report.SchemaVersion).toBe(2);
    expect(report.Trivy.Version).toBe('0.74.0');
    // The misconfiguration scanner ran (offline, on the checks built into Trivy) and judged the Dockerfile.
    expect(report.Results.find((r: { Target: string }) => r.Target === 'Dockerfile')?.MisconfSummary.Successes).toBeGreaterThan(10);
    expect(JSON.parse(readFileSync(outputs['sarif-report']!, 'utf8')).runs[0].results).toEqual([]);
    expect(readFileSync(outputs['junit-report']!, 'utf8')).toMatch(/^<\?xml version="1.0" \?>\n<testsuites name="trivy">/);
    const summary = readFileSync(summaryFile, 'utf8');
    expect(summary).toContain('### Trivy fs scan: ✅ passed');
    expect(summary).toBe(readFileSync(outputs['summary-report']!, 'utf8') + '\n');
  });

  it('fails the gate on a planted AWS key, with a readable summary that never shows the key', { timeout: TIMEOUT }, async () => {
    const context = plantedContext();
    const { work, args } = offlineFlags();
    const summaryFile = join(work, 'summary.md');
    const run = await runCli(['run', 'scan', '--scan-type', 'fs', '--target', context.dir, '--scanners', 'secret', ...args], { GANTRY_SUMMARY_FILE: summaryFile, GANTRY_DEBUG: '1' });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain('error: scan failed: scan gate failed: 2 finding(s) at CRITICAL');
    expect(run.stderr).toContain('CRITICAL secret aws-access-key-id at config/aws.env:2: AWS Access Key ID (value withheld)');
    expect(run.stderr).toContain('CRITICAL secret aws-secret-access-key at config/aws.env:3');
    const summary = readFileSync(summaryFile, 'utf8');
    expect(summary).toContain('### Trivy fs scan: ❌ failed');
    expect(summary).toContain('| CRITICAL (gated) | 0 | 0 | 2 | 2 |');
    expect(summary).toContain('| CRITICAL | secret | aws-secret-access-key | config/aws.env:3 | AWS Secret Access Key (value withheld) |');

    const reports = join(work, 'reports');
    const sarif = JSON.parse(readFileSync(join(reports, 'trivy-report.sarif'), 'utf8'));
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId).sort()).toEqual(['aws-access-key-id', 'aws-secret-access-key']);
    expect(readFileSync(join(reports, 'trivy-junit.xml'), 'utf8')).toContain('name="[CRITICAL] aws-secret-access-key"');
    // Nothing Gantry or Trivy wrote holds either value: logs, summary, and all four reports.
    const everything = [run.stdout, run.stderr, summary, ...['trivy-report.json', 'trivy-report.sarif', 'trivy-junit.xml', 'trivy-summary.md'].map((f) => readFileSync(join(reports, f), 'utf8'))];
    for (const text of everything) {
      expect(text).not.toContain(context.keyId);
      expect(text).not.toContain(context.secretKey);
    }
  });

  it('strategy warn: the pipeline goes on with a warning, gate=warned and the unstable exit code', { timeout: TIMEOUT }, async () => {
    const context = plantedContext();
    const { args } = offlineFlags({ strategy: 'warn' });
    const run = await runCli(['run', 'scan', '--scan-type', 'fs', '--target', context.dir, '--scanners', 'secret', ...args]);
    expect(run.code, run.stderr).toBe(EXIT_UNSTABLE);
    expect(run.stderr).toContain('warning: scan gate: 2 finding(s) at CRITICAL; continuing because strategy is warn');
    expect(outputsOf(run)).toMatchObject({ gate: 'warned', critical: '2' });
  });

  it('an ignore file accepts a finding', { timeout: TIMEOUT }, async () => {
    const context = plantedContext();
    writeFileSync(join(context.dir, '.trivyignore'), '# rotated, tracked in SEC-42\naws-access-key-id\naws-secret-access-key\n');
    const { args } = offlineFlags();
    const run = await runCli(['run', 'scan', '--scan-type', 'fs', '--target', context.dir, '--scanners', 'secret', ...args]);
    expect(run.code, run.stderr).toBe(0);
    expect(outputsOf(run)).toMatchObject({ gate: 'passed', critical: '0' });
  });

  it('image scan of an OCI archive: a key baked into a layer fails the gate', { timeout: TIMEOUT }, async () => {
    const planted = plantedContext();
    const archive = ociArchive(scratch('oci'), { 'app/config/aws.env': readFileSync(join(planted.dir, 'config', 'aws.env'), 'utf8'), 'app/VERSION': '1.0.0\n' });
    const { work, args } = offlineFlags();
    const run = await runCli(['run', 'scan', '--scan-type', 'image', '--target', archive, '--scanners', 'secret', ...args]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain('CRITICAL secret aws-secret-access-key at /app/config/aws.env:3');
    const sarif = JSON.parse(readFileSync(join(work, 'reports', 'trivy-report.sarif'), 'utf8'));
    expect(sarif.runs[0].properties.imageName).toBe(archive);
    for (const text of [run.stdout, run.stderr, readFileSync(join(work, 'reports', 'trivy-report.json'), 'utf8')]) {
      expect(text).not.toContain(planted.secretKey);
    }
  });

  it('config scan: a Dockerfile running as root fails a HIGH gate (checks built into Trivy, offline)', { timeout: TIMEOUT }, async () => {
    const { work, args } = offlineFlags({ severity: 'HIGH' });
    const run = await runCli(['run', 'scan', '--scan-type', 'config', '--target', MISCONFIG, ...args]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/HIGH misconfiguration DS-?0002 at Dockerfile:3: /);
    const junit = readFileSync(join(work, 'reports', 'trivy-junit.xml'), 'utf8');
    expect(junit).toMatch(/<testcase classname="Dockerfile Security Check" name="\[HIGH\] DS-?0002" time="">/);
  });

  it('a vulnerability scan offline without a DB stops before Trivy runs, naming cache-dir and db-repository', { timeout: TIMEOUT }, async () => {
    const { args } = offlineFlags();
    const run = await runCli(['run', 'scan', '--scan-type', 'fs', '--target', CLEAN, '--scanners', 'vuln', ...args]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('vulnerability scan impossible: there is no vulnerability database in the cache');
    expect(run.stderr).toMatch(/Remedy: .*db-repository.*cache-dir/);
    expect(run.stderr).not.toContain('▶ trivy fs');
  });

  it('a vulnerability scan that must download the DB fails with the same advice when the registry is unreachable', { timeout: TIMEOUT }, async () => {
    const { args } = offlineFlags({ offline: 'false', 'db-repository': '127.0.0.1:9/gantry/trivy-db:2' });
    const run = await runCli(['run', 'scan', '--scan-type', 'fs', '--target', CLEAN, '--scanners', 'vuln', ...args]);
    expect(run.code).toBe(1);
    // Trivy itself ran and tried.
    expect(run.stderr).toContain('▶ trivy fs');
    expect(run.stderr).toContain('vulnerability scan impossible: the vulnerability database could not be downloaded');
    expect(run.stderr).toMatch(/Remedy: .*db-repository.*cache-dir/);
  });

  it('rejects bad input before running anything, naming the input', async () => {
    const run = await runCli(['run', 'scan', '--target', CLEAN, '--severity', 'SEVERE']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("input 'severity': 'SEVERE' is not a severity");
    expect(run.stderr).not.toContain('Trivy');
  });
});

describe('actions/scan (bundled) with the real Trivy', () => {
  function actionEnv(inputs: Record<string, string>) {
    const dir = scratch('action');
    const files = { GITHUB_OUTPUT: join(dir, 'output'), GITHUB_STEP_SUMMARY: join(dir, 'summary') };
    for (const file of Object.values(files)) writeFileSync(file, '');
    const env = stackEnv(files);
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
    return { env, files };
  }

  it('fails the step on a planted key: outputs, job summary, masked values', { timeout: TIMEOUT }, async () => {
    const context = plantedContext();
    const { flags } = offlineFlags();
    const { env, files } = actionEnv({ 'scan-type': 'fs', target: context.dir, scanners: 'secret', ...flags });
    const run = await runNode(ACTION, [], env, TIMEOUT);
    expect(run.code, run.stdout).toBe(1);
    expect(run.stdout).toContain('::error::scan failed: scan gate failed: 2 finding(s) at CRITICAL');
    const outputs = readCommandFile(files.GITHUB_OUTPUT);
    expect(outputs).toMatchObject({ gate: 'failed', critical: '2', 'sarif-report': join(flags['output-dir']!, 'trivy-report.sarif') });
    const summary = readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8');
    expect(summary).toContain('| CRITICAL (gated) | 0 | 0 | 2 | 2 |');
    // The values are registered with the runner's masker (::add-mask::, which the runner never shows) and
    // appear nowhere else.
    const visible = run.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::')).join('\n');
    expect(run.stdout).toContain(`::add-mask::${context.secretKey}`);
    for (const text of [visible, run.stderr, summary]) {
      expect(text).not.toContain(context.keyId);
      expect(text).not.toContain(context.secretKey);
    }
  });

  it('passes a clean context with warn strategy and writes its outputs', { timeout: TIMEOUT }, async () => {
    const { flags } = offlineFlags({ strategy: 'warn' });
    const { env, files } = actionEnv({ 'scan-type': 'fs', target: CLEAN, scanners: 'secret,misconfig', ...flags });
    const run = await runNode(ACTION, [], env, TIMEOUT);
    expect(run.code, run.stdout).toBe(0);
    const outputs = readCommandFile(files.GITHUB_OUTPUT);
    expect(outputs).toMatchObject({ gate: 'passed', critical: '0', high: '0', medium: '0', low: '0', unknown: '0' });
    for (const name of ['json-report', 'sarif-report', 'junit-report', 'summary-report']) expect(existsSync(outputs[name]!), name).toBe(true);
    expect(readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8')).toContain('### Trivy fs scan: ✅ passed');
  });
});
