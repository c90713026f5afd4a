import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { githubWorkflowFiles, reusableWorkflowFiles, workflowYaml } from '../../src/generate/github/render.js';
import type { Workflow as GeneratedWorkflow } from '../../src/generate/github/workflow.js';
import { resolvePipeline } from '../../src/pipeline/resolve.js';

const exec = promisify(execFile);
/** This repository's own workflows, and those the seed pipeline models generate. */
const DIRS = ['.github/workflows', ...readdirSync('examples/pipelines', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => `examples/pipelines/${d.name}/.github/workflows`)];
const workflows = DIRS.flatMap((dir) => readdirSync(dir).filter((file) => file.endsWith('.yml')).map((file) => `${dir}/${file}`));

interface Workflow {
  permissions?: Record<string, string>;
  /** A job runs steps, or calls a reusable workflow (`uses:` on the job). */
  jobs: Record<string, { permissions?: Record<string, string>; steps?: { uses?: string; run?: string }[]; uses?: string }>;
}

/** The reusable workflow a calling job names, read from this repository's own copy (they are rendered here). */
function calledWorkflow(uses: string): Workflow {
  const file = /\/\.github\/workflows\/([\w.-]+\.yml)(@[0-9a-f]{40})?$/.exec(uses)?.[1];
  if (!file) throw new Error(`not a reusable workflow: ${uses}`);
  return parse(readFileSync(`.github/workflows/${file}`, 'utf8')) as Workflow;
}
/** A job that assumes a role through Gantry's auth action, or signs an npm provenance statement (the release). */
const authenticates = (job: Workflow['jobs'][string]) =>
  (job.steps ?? []).some((step) => step.uses?.includes('/actions/auth') || /\bnpm publish --provenance\b/.test(step.run ?? ''));

describe.each(workflows)('generated workflow %s', (path) => {
  const workflow = parse(readFileSync(path, 'utf8')) as Workflow;

  it('passes actionlint', async () => {
    const { stdout, stderr } = await exec('actionlint', ['-no-color', path]).catch((error: { stdout: string; stderr: string }) => error);
    expect(stdout + stderr).toBe('');
  });

  it('passes zizmor (offline audits)', async () => {
    const run = await exec('zizmor', ['--offline', '--no-progress', '--format', 'plain', path]).catch(
      (error: { stdout: string; stderr: string; code: number }) => error,
    );
    expect(run.stdout).toContain('No findings');
  });

  it('pins every action by commit SHA (an action or workflow of the checkout itself is the commit being run)', () => {
    const uses = Object.values(workflow.jobs).flatMap((job) => [...(job.uses ? [job.uses] : []), ...(job.steps ?? []).flatMap((step) => (step.uses ? [step.uses] : []))]);
    expect(uses.length).toBeGreaterThan(0);
    for (const ref of uses) expect(ref).toMatch(/^([\w.-]+\/[\w./-]+@[0-9a-f]{40}|\.\/actions\/[\w-]+|\.\/\.github\/workflows\/[\w-]+\.yml)$/);
  });

  it('states its token permissions, with id-token: write only on jobs that authenticate by OIDC or sign provenance', () => {
    expect(workflow.permissions).toBeDefined();
    expect(workflow.permissions?.['id-token']).not.toBe('write');
    for (const [name, job] of Object.entries(workflow.jobs)) {
      // A calling job grants what the called workflow's jobs need: one of them must authenticate.
      const needsToken = job.uses ? Object.values(calledWorkflow(job.uses).jobs).some(authenticates) : authenticates(job);
      if (job.permissions?.['id-token'] === 'write') expect(needsToken, name).toBe(true);
    }
  });

  it('grants each calling job at least what every job of the called workflow asks for (GitHub refuses the run otherwise)', () => {
    const rank: Record<string, number> = { none: 0, read: 1, write: 2 };
    for (const [name, job] of Object.entries(workflow.jobs)) {
      if (!job.uses) continue;
      for (const called of Object.values(calledWorkflow(job.uses).jobs)) {
        for (const [scope, level] of Object.entries(called.permissions ?? {})) expect(rank[job.permissions?.[scope] ?? 'none'], `${name} ${scope}`).toBeGreaterThanOrEqual(rank[level]!);
      }
    }
  });
});

/**
 * deliver.yml in reusable style next to the reusable workflows in one repository, plus an app's own caller: actionlint
 * then checks every call against the called workflow's declarations (unknown or missing inputs, secrets, outputs read
 * by a later job), which it cannot do for a call into another repository.
 */
describe('reusable workflows and their callers, linted together', () => {
  const repo = mkdtempSync(join(tmpdir(), 'gantry-reusable-lint-'));
  const workflowsDir = join(repo, '.github/workflows');
  mkdirSync(workflowsDir, { recursive: true });
  // actionlint resolves ./.github/workflows/... from the repository root, which it finds by .git.
  mkdirSync(join(repo, '.git'));
  const gantry = { actions: 'gantry-ci/gantry', ref: '986721c08755c570c2b1ffa75193ccaef8f8d2c2', version: 'main' };
  for (const [file, text] of Object.entries(reusableWorkflowFiles({ gantry }, 'reusable'))) writeFileSync(join(workflowsDir, file), text);
  const model = parse(readFileSync('examples/pipelines/waraq.yaml', 'utf8'));
  const pipeline = resolvePipeline({
    ...model,
    gantry: { actions: './' },
    workflow: { style: 'reusable' },
    notify: { 'slack-webhook-secret': 'SLACK_WEBHOOK_URL' },
    services: [
      ...model.services,
      { name: 'web', deploy: { kind: 'ecs', cluster: 'waraq-{environment}', service: 'web' }, verify: { url: 'https://web.example.com/healthz' } },
      { name: 'jobs', deploy: { kind: 'eks', cluster: 'waraq', workload: 'jobs', 'verify-url': 'https://jobs.example.com/healthz' } },
    ],
  });
  for (const [file, text] of Object.entries(githubWorkflowFiles(pipeline, 'caller'))) writeFileSync(join(workflowsDir, file), text);
  // An app repository's own caller: one service, then a job that reads what the call hands back.
  const app: GeneratedWorkflow = {
    name: 'app',
    on: { push: { branches: ['main'] } },
    permissions: {},
    jobs: {
      api: {
        permissions: { contents: 'read', 'id-token': 'write', 'security-events': 'write' },
        uses: './.github/workflows/deliver-service.yml',
        with: { service: 'api', environment: 'production', 'aws-region': 'eu-west-1', 'role-arn': 'arn:aws:iam::111111111111:role/app-deploy', repository: 'app/api', 'deploy-kind': 'ecs', 'deploy-ecs-cluster': 'app', 'deploy-ecs-service': 'api' },
      },
      site: {
        permissions: { contents: 'read', 'id-token': 'write' },
        uses: './.github/workflows/publish-frontend.yml',
        with: { environment: 'production', 'aws-region': 'eu-west-1', 'role-arn': 'arn:aws:iam::111111111111:role/app-deploy', 'source-dir': 'public', bucket: 'app-site' },
      },
      report: {
        needs: ['api', 'site'],
        'runs-on': 'ubuntu-latest',
        'timeout-minutes': 5,
        permissions: {},
        steps: [
          {
            run: 'echo "deployed $IMAGE (was $PREVIOUS); invalidation $INVALIDATION" >> "$GITHUB_STEP_SUMMARY"',
            env: { IMAGE: '${{ needs.api.outputs.image }}', PREVIOUS: '${{ needs.api.outputs.previous-task-definition-arn }}', INVALIDATION: '${{ needs.site.outputs.invalidation-id }}' },
          },
        ],
      },
    },
  };
  writeFileSync(join(workflowsDir, 'app.yml'), workflowYaml(app));

  it('passes actionlint, calls checked against the called workflows', async () => {
    const files = readdirSync(workflowsDir).sort();
    expect(files).toEqual(['app.yml', 'ci.yml', 'deliver-service.yml', 'deliver.yml', 'publish-frontend.yml']);
    const { stdout, stderr } = await exec('actionlint', ['-no-color'], { cwd: repo }).catch((error: { stdout: string; stderr: string }) => error);
    expect(stdout + stderr).toBe('');
  });

  it('fails actionlint when a caller passes an input the called workflow does not declare', async () => {
    const deliver = join(workflowsDir, 'deliver.yml');
    const text = readFileSync(deliver, 'utf8');
    writeFileSync(deliver, text.replace('deploy-kind: ecs', 'deploy-kind: ecs\n      deploy-ecs-clustr: typo'));
    const run = await exec('actionlint', ['-no-color', '.github/workflows/deliver.yml'], { cwd: repo }).catch((error: { stdout: string }) => error);
    writeFileSync(deliver, text);
    expect(run.stdout).toContain('input "deploy-ecs-clustr" is not defined in "./.github/workflows/deliver-service.yml" reusable workflow');
  });

  it('passes zizmor at medium severity and above', async () => {
    // Calls into the same repository by ./ path draw only zizmor's low "self-repository" hint.
    const run = await exec('zizmor', ['--offline', '--no-progress', '--min-severity', 'medium', '--format', 'plain', workflowsDir]).catch(
      (error: { stdout: string; stderr: string }) => error,
    );
    expect(run.stdout).toContain('No findings');
  });
});
