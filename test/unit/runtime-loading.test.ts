import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StageCommand } from '../../src/runtime/cli/run-command.js';
import { STAGE_NAMES } from '../../src/runtime/cli/stage-names.js';
import { GitHubRuntime } from '../../src/runtime/github/index.js';
import { stages } from '../../src/stages/index.js';

// What the CLI and the actions load lazily must stay what the eager code would have used.

describe('the stages gantry run knows', () => {
  it('are every stage, in pipeline order', () => {
    expect(STAGE_NAMES).toEqual(stages.map((stage) => stage.name));
  });

  it('each have a module under src/runtime/cli/stages/ with that stage and its run command', async () => {
    for (const stage of stages) {
      const command = (await import(`../../src/runtime/cli/stages/${stage.name}.ts`)) as StageCommand;
      expect(command.stage, stage.name).toBe(stage);
      expect(typeof command.run).toBe('function');
    }
  });
});

describe('GitHubRuntime writes the workflow commands and files the toolkit writes', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'gantry-commands-'));
  const tricky = 'line 1\r\nline 2: 100%, done';
  const saved = { ...process.env };
  afterEach(() => {
    vi.restoreAllMocks();
    process.env = { ...saved };
  });

  /** Everything `fn` writes to stdout. */
  async function stdoutOf(fn: () => unknown): Promise<string> {
    let written = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written += String(chunk);
      return true;
    });
    await fn();
    vi.restoreAllMocks();
    return written;
  }

  it('for log lines, annotations, masks and groups', async () => {
    const runtime = new GitHubRuntime({});
    for (const [ours, theirs] of [
      [() => runtime.info(tricky), () => core.info(tricky)],
      [() => runtime.notice(tricky), () => core.notice(tricky)],
      [() => runtime.warning(tricky), () => core.warning(tricky)],
      [() => runtime.error(tricky), () => core.error(tricky)],
      [() => runtime.debug(tricky), () => core.debug(tricky)],
      [() => runtime.setSecret(tricky), () => core.setSecret(tricky)],
      [() => runtime.group(tricky, async () => runtime.info('inside')), () => core.group(tricky, async () => core.info('inside'))],
    ] as const) {
      expect(await stdoutOf(ours)).toBe(await stdoutOf(theirs));
    }
  });

  it('for outputs and exported variables, through the files the runner gives', async () => {
    const ours = { GITHUB_OUTPUT: join(scratch, 'ours-output'), GITHUB_ENV: join(scratch, 'ours-env') };
    const theirs = { GITHUB_OUTPUT: join(scratch, 'theirs-output'), GITHUB_ENV: join(scratch, 'theirs-env') };
    for (const path of [...Object.values(ours), ...Object.values(theirs)]) writeFileSync(path, '');
    const runtime = new GitHubRuntime(ours);
    runtime.setOutput('digest', tricky);
    runtime.exportVariable('GANTRY_TEST_VALUE', tricky);
    expect(process.env.GANTRY_TEST_VALUE).toBe(tricky);
    process.env = { ...process.env, ...theirs };
    core.setOutput('digest', tricky);
    core.exportVariable('GANTRY_TEST_VALUE', tricky);
    const sameDelimiter = (text: string) => text.replace(/ghadelimiter_[0-9a-f-]{36}/g, 'ghadelimiter_X');
    for (const file of ['GITHUB_OUTPUT', 'GITHUB_ENV'] as const) {
      expect(sameDelimiter(readFileSync(ours[file], 'utf8'))).toBe(sameDelimiter(readFileSync(theirs[file], 'utf8')));
    }
  });

  it('for outputs without a file (an old runner): the set-output command', async () => {
    const runtime = new GitHubRuntime({});
    delete process.env.GITHUB_OUTPUT;
    expect(await stdoutOf(() => runtime.setOutput('tags', 'a,b:c'))).toBe(await stdoutOf(() => core.setOutput('tags', 'a,b:c')));
  });

  it('reads inputs as the toolkit does', () => {
    const env = { 'INPUT_AWS-REGION': '  eu-west-1 \n', INPUT_CLUSTER: '' };
    process.env = { ...process.env, ...env };
    const stage = stages.find((s) => s.name === 'deploy-ecs')!;
    const raw = new GitHubRuntime(env).readInputs(stage);
    expect(raw['aws-region']).toBe(core.getInput('aws-region'));
    expect(raw.cluster).toBeUndefined();
  });
});
