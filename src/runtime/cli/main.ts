#!/usr/bin/env node
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { describeFailure } from '../../model/errors.js';
import { EXIT_FAILURE, EXIT_SUCCESS, EXIT_UNSTABLE, EXIT_USAGE } from '../../model/exit-codes.js';
import { packageFile } from '../../package-files.js';
import { exitWhenFlushed } from '../exit.js';
import { codeCacheDir, loadCodeCached } from './code-cache.js';
import { describeStage } from './describe-stage.js';
import type { StageCommand } from './run-command.js';
import { exportLines } from './shell.js';
import { STAGE_NAMES } from './stage-names.js';

// Every command loads only the modules it needs (one process per pipeline stage makes start time count): `run` its
// stage's module under stages/, the generators, the pipeline model and the loopback stack by dynamic import where used.

const USAGE = `gantry — typed CI/CD stages for AWS, run from a terminal or Jenkins

Usage:
  gantry run <stage> [--<input> <value>]... [options]
  gantry stages                      list the stages and their inputs
  gantry local up|down|status|env    the loopback stack (registry, AWS emulator, GitOps repository)
  gantry local install [--check] [--only apt,python,go]
                                     install the stack's peers (scripts/install-peers.sh, shipped in the package)
  gantry generate --config <model>   write the workflows of a pipeline model (.yaml or .json) [--out <dir>] [--check]
  gantry schema                      print the JSON Schema of the pipeline model, for editors
  gantry version                     print the CLI's version (the Jenkins library checks it)

Options of 'gantry run':
  --json                 print the outputs as one JSON object (default: name=value lines)
  --output-file <path>   also append the outputs to a GITHUB_OUTPUT-style file
  --exports-file <path>  write exported variables (credentials included) as 'export' lines to a 0600 file
                         (not --env-file: Node 20 reads that flag as its own wherever it stands)
  --print-exports        print exported variables as 'export' lines on stdout, for eval

Every input can also be set as GANTRY_<INPUT_NAME> in the environment. A stage's compiled code is cached in
$XDG_CACHE_HOME/gantry/v8 (default ~/.cache/gantry/v8); NODE_DISABLE_COMPILE_CACHE=1 turns that off.

Exit codes: 0 success, 1 the stage failed, 2 usage error, 3 success but unstable (e.g. a scan gate with strategy warn).`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'run':
      return runStageCommand(rest);
    case 'local':
      return localCommand(rest);
    case 'stages':
      return listStages();
    case 'generate':
      return generateCommand(rest);
    case 'version':
    case '--version':
      process.stdout.write(`${await cliVersion()}\n`);
      return EXIT_SUCCESS;
    case 'schema': {
      const { pipelineJsonSchema } = await import('../../pipeline/json-schema.js');
      process.stdout.write(`${JSON.stringify(pipelineJsonSchema(), null, 2)}\n`);
      return EXIT_SUCCESS;
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(`${USAGE}\n`);
      return EXIT_SUCCESS;
    default:
      process.stderr.write(`unknown command '${command}'\n\n${USAGE}\n`);
      return EXIT_USAGE;
  }
}

/**
 * Writes every file of a pipeline model. The model is validated whole first, so a bad model writes nothing;
 * `--check` writes nothing either and fails when a file on disk differs (for CI).
 */
async function generateCommand(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { config: { type: 'string' }, out: { type: 'string' }, check: { type: 'boolean' } }, strict: true }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\nusage: gantry generate --config <model.yaml|json> [--out <dir>] [--check]\n`);
    return EXIT_USAGE;
  }
  if (!values.config) {
    process.stderr.write('usage: gantry generate --config <model.yaml|json> [--out <dir>] [--check]\n');
    return EXIT_USAGE;
  }
  const out = values.out ?? '.';
  try {
    const [{ pipelineFiles }, { loadPipelineFile }] = await Promise.all([import('../../generate/pipeline-files.js'), import('../../pipeline/load.js')]);
    const files = pipelineFiles(loadPipelineFile(values.config), relative(out, values.config) || values.config);
    const stale: string[] = [];
    for (const [path, text] of Object.entries(files)) {
      const target = join(out, path);
      const current = await readFile(target, 'utf8').catch(() => undefined);
      if (current === text) continue;
      if (values.check) {
        stale.push(path);
        continue;
      }
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, text);
      process.stderr.write(`wrote ${target}\n`);
    }
    if (values.check && stale.length > 0) {
      process.stderr.write(`out of date (run gantry generate --config ${values.config}): ${stale.join(', ')}\n`);
      return EXIT_FAILURE;
    }
    return EXIT_SUCCESS;
  } catch (error) {
    process.stderr.write(`error: ${describeFailure(error)}\n`);
    return EXIT_FAILURE;
  }
}

const LOCAL_USAGE = 'usage: gantry local up|down|status|env, or gantry local install [--check] [--only apt,python,go]';

async function localCommand(argv: string[]): Promise<number> {
  const [{ localStackConfig }, { localDown, localEnv, localStatus, localUp }, { installPeers }] = await Promise.all([
    import('../../local/config.js'),
    import('../../local/stack.js'),
    import('../../local/install.js'),
  ]);
  const config = localStackConfig();
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const [action, ...args] = argv;
  try {
    switch (action) {
      case 'install': {
        let values;
        try {
          ({ values } = parseArgs({ args, options: { check: { type: 'boolean' }, only: { type: 'string' } }, strict: true }));
        } catch (error) {
          process.stderr.write(`${(error as Error).message}\n${LOCAL_USAGE}\n`);
          return EXIT_USAGE;
        }
        return await installPeers(config, values);
      }
      case 'up':
        await localUp(config, log);
        return EXIT_SUCCESS;
      case 'down':
        await localDown(config, log);
        return EXIT_SUCCESS;
      case 'status': {
        const statuses = await localStatus(config);
        for (const s of statuses) process.stdout.write(`${s.name.padEnd(9)} ${s.ok ? 'up  ' : 'DOWN'}  ${s.detail}\n`);
        return statuses.every((s) => s.ok) ? EXIT_SUCCESS : EXIT_FAILURE;
      }
      case 'env':
        process.stdout.write(exportLines(new Map(Object.entries(await localEnv(config)))));
        return EXIT_SUCCESS;
      default:
        process.stderr.write(`${LOCAL_USAGE}\n`);
        return EXIT_USAGE;
    }
  } catch (error) {
    log(`local ${action}: ${describeFailure(error)}`);
    return EXIT_FAILURE;
  }
}

/**
 * `gantry run <stage>`: the stage's own bundle in the bin (lib/bin/stages/<stage>.cjs, the stage with the run command
 * and nothing else, in one file: a pipeline starts one process per stage), compiled with V8's code cache.
 */
async function runStageCommand(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || !STAGE_NAMES.includes(name)) {
    process.stderr.write(`${name ? `unknown stage '${name}'` : 'no stage named'}; stages: ${STAGE_NAMES.join(', ')}\n`);
    return EXIT_USAGE;
  }
  const bundle = loadCodeCached<StageCommand>(packageFile(`lib/bin/stages/${name}.cjs`), codeCacheDir());
  const code = await bundle.exports.run(args);
  // Cached after a run that did the stage's work, so that the cache holds what that work compiled: --help or a
  // refused input compiles a fraction of it, and a cache is never written again while V8 takes it.
  const didWork = (code === EXIT_SUCCESS || code === EXIT_UNSTABLE) && !args.some((arg) => arg === '--help' || arg === '-h');
  if (didWork) bundle.saveCache();
  return code;
}

async function listStages(): Promise<number> {
  const { stages } = await import('../../stages/index.js');
  for (const stage of stages) process.stdout.write(describeStage(stage));
  return EXIT_SUCCESS;
}

/** The version of the installed package. */
async function cliVersion(): Promise<string> {
  const manifest = JSON.parse(await readFile(packageFile('package.json'), 'utf8')) as { version?: string };
  return manifest.version ?? 'unknown';
}

// The SDK warns on every run under Node 20 that its releases after January 2027 need Node 22. Gantry's SDK version
// is pinned by its lockfile, so the warning tells a pipeline user nothing they can act on.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
process.exitCode = await main(process.argv.slice(2));
exitWhenFlushed();
