import { describe, expect, it } from 'vitest';
import { parseInputs } from '../../src/model/stage.js';
import { uncensor } from '../../src/scan/secrets.js';
import { goInstallEnv } from '../../src/scan/trivy-binary.js';
import { trivyArgs, trivyFailure, type TrivyScan } from '../../src/scan/trivy-run.js';
import { scanStage } from '../../src/stages/scan.js';
import { inputErrorOf } from './support.js';

const CONTEXT = 'test/fixtures/scan/clean';


describe('scan inputs', () => {
  it('applies defaults: image scan, gate on CRITICAL, strategy fail', () => {
    const input = parseInputs(scanStage, { target: CONTEXT });
    expect(input).toMatchObject({ 'scan-type': 'image', severity: ['CRITICAL'], strategy: 'fail', 'ignore-unfixed': false, offline: false, timeout: 600 });
    expect(input.scanners).toBeUndefined();
  });

  it('converts lists and booleans', () => {
    const input = parseInputs(scanStage, { target: CONTEXT, 'scan-type': 'fs', scanners: 'secret, Misconfig', severity: 'HIGH,CRITICAL', 'ignore-unfixed': 'TRUE', offline: 'true' });
    expect(input).toMatchObject({ scanners: ['secret', 'misconfig'], severity: ['CRITICAL', 'HIGH'], 'ignore-unfixed': true, offline: true });
  });

  it.each([
    [{ target: CONTEXT, severity: 'SEVERE' }, 'severity', /'SEVERE' is not a severity/],
    [{ target: CONTEXT, severity: 'HIGH,urgent' }, 'severity', /'URGENT' is not a severity/],
    [{ target: CONTEXT, strategy: 'block' }, 'strategy', /fail, warn, ignore/],
    [{ target: CONTEXT, 'scan-type': 'repo' }, 'scan-type', /image, fs, config/],
    [{ target: 'test/fixtures/scan/no-such-dir' }, 'target', /no such file or directory/],
    [{}, 'target', /is required/],
    [{ target: CONTEXT, 'ignore-file': 'nowhere/.trivyignore' }, 'ignore-file', /no such file/],
    [{ target: CONTEXT, 'trivy-path': '/nonexistent/trivy' }, 'trivy-path', /no such file/],
    [{ target: CONTEXT, scanners: 'vuln,license' }, 'scanners', /'license' is not a scanner/],
    [{ target: CONTEXT, 'scan-type': 'config', scanners: 'vuln' }, 'scanners', /misconfigurations only/],
    [{ target: CONTEXT, 'ignore-unfixed': 'yes' }, 'ignore-unfixed', /true or false/],
    [{ target: CONTEXT, timeout: '5' }, 'timeout', /30 to 7200/],
    [{ target: CONTEXT, 'db-repository': 'not a repo' }, 'db-repository', /OCI repository/],
  ])('rejects %j naming %s', (raw, input, message) => {
    const error = inputErrorOf(scanStage, raw);
    expect(error.input).toBe(input);
    expect(error.message).toMatch(message);
  });
});

describe('trivyArgs', () => {
  const base: TrivyScan = {
    scanType: 'fs',
    target: '/src',
    scanners: ['vuln', 'secret'],
    ignoreUnfixed: true,
    ignoreFile: '/src/.trivyignore',
    cacheDir: '/cache',
    offline: false,
    timeoutSeconds: 300,
    output: '/out/r.json',
  };

  it('asks for JSON with every severity and no exit-code gating', () => {
    const args = trivyArgs(base);
    expect(args[0]).toBe('fs');
    expect(args.at(-1)).toBe('/src');
    expect(args.join(' ')).toContain('--format json --output /out/r.json --exit-code 0 --timeout 300s');
    expect(args).not.toContain('--severity');
    expect(args).toEqual(expect.arrayContaining(['--ignore-unfixed', '--ignorefile', '/src/.trivyignore', '--cache-dir', '/cache', '--scanners', 'vuln,secret']));
    expect(args).not.toContain('--skip-db-update');
  });

  it('offline: no DB or checks download, no network lookups', () => {
    const args = trivyArgs({ ...base, offline: true, scanners: ['vuln', 'misconfig'] });
    expect(args).toEqual(expect.arrayContaining(['--skip-db-update', '--offline-scan', '--skip-check-update']));
  });

  it('image scans read the archive with --input', () => {
    expect(trivyArgs({ ...base, scanType: 'image', target: '/out/app.tar' }).slice(-2)).toEqual(['--input', '/out/app.tar']);
  });

  it('config scans pass neither scanners nor vulnerability flags', () => {
    const args = trivyArgs({ ...base, scanType: 'config', scanners: ['misconfig'], offline: true, dbRepository: 'r.example/db:2' });
    expect(args).not.toContain('--scanners');
    expect(args).not.toContain('--ignore-unfixed');
    expect(args).not.toContain('--db-repository');
    expect(args).toContain('--skip-check-update');
  });
});

describe('trivyFailure', () => {
  it('names the offline DB options when the vulnerability DB is missing', () => {
    const error = trivyFailure('2026-01-01T00:00:00Z\tFATAL\tFatal error\trun error: init error: DB error: --skip-db-update cannot be specified on the first run', { scanType: 'fs', cacheDir: '/c', offline: true });
    expect(error.message).toMatch(/vulnerability scan impossible: there is no vulnerability database in the cache \(\/c\)/);
    expect(error.remedy).toMatch(/db-repository/);
    expect(error.remedy).toMatch(/cache-dir/);
    expect(error.remedy).toMatch(/--cache-dir/);
  });

  it('passes other failures through with the fatal line and its continuation', () => {
    expect(trivyFailure('INFO x\nT\tFATAL\tFatal error\tscan error: 1 error occurred:\n\t* open x: no such file\n\n', { scanType: 'fs', offline: false }).message).toBe(
      'trivy fs failed: T\tFATAL\tFatal error\tscan error: 1 error occurred: * open x: no such file',
    );
  });

  it('does not take a Java DB failure for a missing vulnerability DB', () => {
    const error = trivyFailure('FATAL\tFatal error\trun error: Java DB error: OCI artifact error: failed to download', { scanType: 'fs', offline: false });
    expect(error.message).toMatch(/^trivy fs failed: .*Java DB error/);
  });

  it('says the DB could not be downloaded when Trivy could not reach its registry', () => {
    const stderr = 'FATAL\tFatal error\trun error: init error: DB error: failed to download vulnerability DB: OCI artifact error:\n\t* Get "https://127.0.0.1:9/v2/": connection refused';
    const error = trivyFailure(stderr, { scanType: 'image', offline: false });
    expect(error.message).toMatch(/^vulnerability scan impossible: the vulnerability database could not be downloaded .* connection refused$/);
    expect(error.remedy).toMatch(/db-repository.*cache-dir/s);
  });
});

describe('uncensor', () => {
  it("recovers the values behind Trivy's stars", () => {
    expect(uncensor('KEY=********', 'KEY=abcd1234')).toEqual(['abcd1234']);
    expect(uncensor('a ****, b ****', 'a wxyz, b 9876')).toEqual(['wxyz', '9876']);
  });

  it('aligns a window of a long line', () => {
    const original = `${'x'.repeat(80)} token=SECRETVALUE123 ${'y'.repeat(40)}`;
    expect(uncensor(' token=************** yy', original)).toEqual(['SECRETVALUE123']);
  });

  it('returns nothing when the line no longer matches', () => {
    expect(uncensor('KEY=****', 'OTHER=abcd')).toEqual([]);
    expect(uncensor('no stars', 'no stars')).toEqual([]);
  });
});

describe('goInstallEnv', () => {
  it('keeps checksum verification on and the build reproducible whatever the runner sets', () => {
    const env = goInstallEnv({ PATH: '/bin', HOME: '/h', GOSUMDB: 'off', GONOSUMDB: 'github.com', GOPRIVATE: 'github.com/*', GOFLAGS: '-mod=mod', GOINSECURE: '*' }, '/tmp/bin');
    expect(env).toMatchObject({ PATH: '/bin', HOME: '/h', GOBIN: '/tmp/bin', GOTOOLCHAIN: 'local', CGO_ENABLED: '0', GOEXPERIMENT: 'jsonv2', GOFLAGS: '' });
    expect(env.GOSUMDB).toBeUndefined();
    expect(env.GONOSUMDB).toBeUndefined();
    expect(env.GOPRIVATE).toBeUndefined();
    expect(env.GOINSECURE).toBeUndefined();
    expect(goInstallEnv({ GOSUMDB: 'sum.golang.google.cn' }, '/b').GOSUMDB).toBe('sum.golang.google.cn');
  });
});
