import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { pipelineFiles } from '../../src/generate/pipeline-files.js';
import { loadPipelineFile } from '../../src/pipeline/load.js';

/** The delivery Gantry generates from examples/pipelines/local.yaml, committed next to it. */
export const MODEL = 'examples/pipelines/local.yaml';
export const WORKFLOW = 'examples/pipelines/local/.github/workflows/deliver.yml';
/** upload-sarif cannot be fetched here; act runs a stand-in from this folder at the pinned ref instead. */
const UPLOAD_SARIF = 'github/codeql-action@5d4e8d1aca955e8d8589aabd499c5cae939e33c7';
const SARIF_STAND_IN = 'test/fixtures/act/codeql-action';

/**
 * The delivery workflow for the running stack. The model names the stack's default endpoints; a stack moved to
 * other ports (GANTRY_LOCAL_*_PORT) gets the same model with its own endpoints, generated into `dir`.
 */
export async function deliveryWorkflow(local: Record<string, string>, dir: string): Promise<string> {
  const model = parse(await readFile(MODEL, 'utf8')) as { workflow: { env: Record<string, string> } };
  const { env } = model.workflow;
  if (env.AWS_ENDPOINT_URL === local.AWS_ENDPOINT_URL && env.GANTRY_REGISTRY === local.GANTRY_REGISTRY) return WORKFLOW;
  model.workflow.env = { ...env, AWS_ENDPOINT_URL: local.AWS_ENDPOINT_URL!, GANTRY_REGISTRY: local.GANTRY_REGISTRY! };
  const config = join(dir, 'local.yaml');
  await writeFile(config, stringify(model));
  const workflow = join(dir, '.github/workflows/deliver.yml');
  await mkdir(dirname(workflow), { recursive: true });
  await writeFile(workflow, pipelineFiles(loadPipelineFile(config), config)['.github/workflows/deliver.yml']!);
  return workflow;
}

export interface ActRun {
  readonly code: number | null;
  readonly output: string;
}

/**
 * Runs a workflow with act on this host (`-self-hosted`: no containers) as a push to main. Only PATH and HOME are
 * inherited (or given): no AWS keys, so every job must get its credentials from the auth step.
 */
export function runAct(workflow: string, env: Record<string, string>, options: { scratch: string; home?: string; path?: string }): Promise<ActRun> {
  const event = join(options.scratch, 'push.json');
  return writeFile(event, JSON.stringify({ ref: 'refs/heads/main', repository: { full_name: 'gantry-ci/gantry' } })).then(() => {
    const args = [
      'push',
      '-e',
      event,
      '-W',
      workflow,
      '-P',
      'ubuntu-latest=-self-hosted',
      '--no-cache-server',
      '--local-repository',
      `${UPLOAD_SARIF}=${resolve(SARIF_STAND_IN)}`,
      ...Object.entries(env).flatMap(([k, v]) => ['--env', `${k}=${v}`]),
    ];
    return new Promise<ActRun>((done, reject) => {
      const child = spawn('act', args, { env: { PATH: options.path ?? process.env.PATH, HOME: options.home ?? process.env.HOME }, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
      child.on('error', reject);
      child.on('close', (code) => done({ code, output }));
    });
  });
}

/** `::set-output:: name=value` lines of one job, by act's job label (`images for ecs (app)`, `deploy app to ecs`). */
export function actOutputsOf(output: string, job: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of output.split('\n')) {
    const match = /^\[deliver\/(.+?)\s*\]\s+⚙\s+::set-output:: ([\w-]+)=(.*)$/.exec(line);
    if (match && match[1] === job) values[match[2]!] = match[3]!;
  }
  return values;
}
