import { appendFile, chmod, writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { EXIT_FAILURE, EXIT_SUCCESS, EXIT_UNSTABLE, EXIT_USAGE } from '../../model/exit-codes.js';
import type { Stage } from '../../model/stage.js';
import { runStage } from '../run-stage.js';
import { describeStage } from './describe-stage.js';
import { CliRuntime } from './runtime.js';
import { exportLines } from './shell.js';

/** What each module of src/runtime/cli/stages/ exports: its stage, and `gantry run <stage>` for it. */
export interface StageCommand {
  readonly stage: Stage;
  run(args: readonly string[]): Promise<number>;
}

const RUN_OPTIONS = {
  json: { type: 'boolean' },
  'output-file': { type: 'string' },
  'exports-file': { type: 'string' },
  'print-exports': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `gantry run <stage> [--<input> <value>]... [options]`, after the stage name: the exit code. */
export async function runCommand(stage: Stage, args: readonly string[]): Promise<number> {
  const inputOptions = Object.fromEntries(Object.keys(stage.inputs).map((input) => [input, { type: 'string' as const }]));
  let parsed;
  try {
    parsed = parseArgs({ args, options: { ...inputOptions, ...RUN_OPTIONS }, strict: true, allowPositionals: false });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\nInputs of '${stage.name}': ${Object.keys(stage.inputs).map((i) => `--${i}`).join(' ')}\n`);
    return EXIT_USAGE;
  }
  const { json, 'output-file': outputFile, 'exports-file': exportsFile, 'print-exports': printExports, help, ...flags } = parsed.values;
  if (help) {
    process.stdout.write(describeStage(stage));
    return EXIT_SUCCESS;
  }
  const runtime = new CliRuntime();
  const result = await runStage(stage, runtime.readInputs(stage, flags as Record<string, string | undefined>), runtime);

  // Exports (credentials) only from a stage that succeeded; outputs always, as a failed stage's outputs say what
  // it left behind (e.g. the rollout state after a rollback).
  if (result.ok && exportsFile) {
    await writeFile(exportsFile, exportLines(runtime.exports), { mode: 0o600 });
    await chmod(exportsFile, 0o600);
    runtime.info(`exported ${runtime.exports.size} variables to ${exportsFile}`);
  }
  if (result.ok && printExports) process.stdout.write(exportLines(runtime.exports));
  if (outputFile) await appendFile(outputFile, githubOutputLines(runtime.outputs));
  if (json) process.stdout.write(`${JSON.stringify(Object.fromEntries(runtime.outputs))}\n`);
  else if (!printExports) for (const [key, value] of runtime.outputs) process.stdout.write(`${key}=${value}\n`);
  if (!result.ok) return EXIT_FAILURE;
  return runtime.unstable ? EXIT_UNSTABLE : EXIT_SUCCESS;
}

/** The multi-line-safe `name<<delimiter` form that GitHub's GITHUB_OUTPUT file uses. */
function githubOutputLines(outputs: ReadonlyMap<string, string>): string {
  return [...outputs]
    .map(([key, value]) => {
      const delimiter = `ghadelimiter_${randomUUID()}`;
      return `${key}<<${delimiter}\n${value}\n${delimiter}\n`;
    })
    .join('');
}

