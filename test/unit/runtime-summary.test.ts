import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CliRuntime } from '../../src/runtime/cli/runtime.js';
import { GitHubRuntime } from '../../src/runtime/github/index.js';

// The Runtime contract: a summary that cannot be written is a warning, never a stage failure.
const scratch = mkdtempSync(join(tmpdir(), 'gantry-summary-'));
const unwritable = join(scratch, 'no-such-dir', 'summary.md');

describe('CliRuntime.appendSummary', () => {
  it('appends to the summary file', async () => {
    const file = join(scratch, 'cli.md');
    const runtime = new CliRuntime({ env: {}, write: () => {}, summaryFile: file });
    await runtime.appendSummary('### one');
    await runtime.appendSummary('### two');
    expect(readFileSync(file, 'utf8')).toBe('### one\n### two\n');
  });

  it('warns and resolves when the file cannot be written', async () => {
    const lines: string[] = [];
    const runtime = new CliRuntime({ env: {}, write: (line) => lines.push(line), summaryFile: unwritable });
    await expect(runtime.appendSummary('### lost')).resolves.toBeUndefined();
    expect(lines).toEqual([expect.stringMatching(/^warning: could not write the summary file .*no-such-dir.*ENOENT/)]);
  });
});

describe('GitHubRuntime.appendSummary', () => {
  const saved = process.env.GITHUB_STEP_SUMMARY;
  afterEach(() => {
    if (saved === undefined) delete process.env.GITHUB_STEP_SUMMARY;
    else process.env.GITHUB_STEP_SUMMARY = saved;
    vi.restoreAllMocks();
  });

  it('warns and resolves when the step summary cannot be written, and does not repeat the lost text later', async () => {
    const stdout: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      stdout.push(String(chunk));
      return true;
    });
    process.env.GITHUB_STEP_SUMMARY = unwritable;
    await expect(new GitHubRuntime(process.env).appendSummary('### lost')).resolves.toBeUndefined();
    expect(stdout.join('')).toMatch(/::warning::could not write the job summary: ENOENT.*no-such-dir/);

    const file = join(scratch, 'github.md');
    writeFileSync(file, '');
    process.env.GITHUB_STEP_SUMMARY = file;
    await new GitHubRuntime(process.env).appendSummary('### kept');
    expect(readFileSync(file, 'utf8')).toBe('### kept\n');
  });
});
