import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { stackEnv } from './support.js';

/**
 * The Jenkins shared library (jenkins/) in its Groovy harness, driving the compiled gantry CLI against the loopback
 * stack: each Groovy test method is reported as one TAP line, checked here one by one.
 */
const LIBRARY = resolve('jenkins');
let tap = '';

beforeAll(() => {
  // A launcher, so the test does not depend on the compiled entry point's executable bit.
  const cli = join(mkdtempSync(join(tmpdir(), 'gantry-jenkins-cli-')), 'gantry');
  writeFileSync(cli, `#!/bin/sh\nexec node ${JSON.stringify(resolve('lib/bin/gantry.mjs'))} "$@"\n`);
  chmodSync(cli, 0o755);
  for (const suite of ['LibraryTest', 'PipelineTest']) {
    const run = spawnSync('groovy', ['-cp', 'jenkins/test:jenkins/test/stubs', 'jenkins/test/run.groovy', suite], {
      env: stackEnv({ GANTRY_CLI: cli, GANTRY_LIBRARY: LIBRARY }),
      encoding: 'utf8',
      timeout: 300_000,
    });
    tap += `${run.stdout}\n${run.stderr}`;
  }
}, 320_000);

describe('Jenkins library in the Groovy harness', () => {
  for (const test of [
    'testUnknownKeyFailsBeforeAnyCommandNamingIt',
    'testShellMetacharactersReachTheCliVerbatim',
    'testExitCodeThreeMarksTheBuildUnstableAndReturnsOutputs',
    'testExitCodeOneFailsWithTheStageMessage',
    'testAnotherCliVersionIsRefused',
    'testNoSecretReachesTheConsole',
    'testFailedVerificationRollsBackAndTheBuildFails',
    'testScanWarningEndsUnstableAndOtherBranchesDoNotDeploy',
  ]) {
    it(test, () => {
      expect(tap, tap).toMatch(new RegExp(`^ok \\d+ - ${test}$`, 'm'));
    });
  }
});

/** groovyc of the machine's Groovy 2.4 (the version Jenkins runs pipelines with), with the imports Jenkins adds. */
function groovyc(classpath: string, files: string[]) {
  const out = mkdtempSync(join(tmpdir(), 'gantry-groovyc-'));
  const args = ['--configscript', 'jenkins/test/compiler-config.groovy', '-d', out, ...(classpath ? ['-cp', classpath] : []), ...files];
  return { out, run: spawnSync('groovyc', args, { encoding: 'utf8', timeout: 120_000 }) };
}

const groovyFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? groovyFiles(join(dir, entry.name)) : entry.name.endsWith('.groovy') ? [join(dir, entry.name)] : [],
  );

describe('every Groovy file compiles with Groovy 2.4', () => {
  let stubs = '';
  beforeAll(() => {
    const version = spawnSync('groovyc', ['--version'], { encoding: 'utf8' });
    expect(version.stdout + version.stderr).toMatch(/Groovy compiler version 2\.4\./);
    // Stand-ins for what Jenkins provides (@NonCPS, @Library), compiled first and put on the classpath.
    const compiled = groovyc('', groovyFiles('jenkins/test/stubs'));
    expect(compiled.run.status, compiled.run.stderr).toBe(0);
    stubs = compiled.out;
  }, 120_000);

  it('the library (vars/, src/) and its harness', () => {
    const files = groovyFiles('jenkins').filter((f) => !f.includes('/stubs/') && !f.endsWith('compiler-config.groovy'));
    expect(files).toContain('jenkins/vars/gantryPipeline.groovy');
    const { run } = groovyc(stubs, files);
    expect(run.status, run.stderr).toBe(0);
  }, 120_000);

  it('the Jenkinsfile generated for each seed', () => {
    const seeds = readdirSync('examples/pipelines', { withFileTypes: true }).filter((e) => e.isDirectory());
    expect(seeds.length).toBeGreaterThan(5);
    for (const seed of seeds) {
      const { run } = groovyc(stubs, [join('examples/pipelines', seed.name, 'Jenkinsfile')]);
      expect(run.status, `${seed.name}: ${run.stderr}`).toBe(0);
    }
  }, 240_000);
});
