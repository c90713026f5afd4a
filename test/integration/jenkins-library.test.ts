import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
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
  writeFileSync(cli, `#!/bin/sh\nexec node ${JSON.stringify(resolve('lib/runtime/cli/main.js'))} "$@"\n`);
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
