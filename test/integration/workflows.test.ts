import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const exec = promisify(execFile);
/** This repository's own workflows, and those the seed pipeline models generate. */
const DIRS = ['.github/workflows', ...readdirSync('examples/pipelines', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => `examples/pipelines/${d.name}/.github/workflows`)];
const workflows = DIRS.flatMap((dir) => readdirSync(dir).filter((file) => file.endsWith('.yml')).map((file) => `${dir}/${file}`));

interface Workflow {
  permissions?: Record<string, string>;
  jobs: Record<string, { permissions?: Record<string, string>; steps: { uses?: string }[] }>;
}

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

  it('pins every action by commit SHA (an action of the checkout itself is the commit being run)', () => {
    const uses = Object.values(workflow.jobs).flatMap((job) => job.steps.flatMap((step) => (step.uses ? [step.uses] : [])));
    expect(uses.length).toBeGreaterThan(0);
    for (const ref of uses) expect(ref).toMatch(/^([\w.-]+\/[\w./-]+@[0-9a-f]{40}|\.\/actions\/[\w-]+)$/);
  });

  it('states its token permissions, with id-token: write only on jobs that authenticate by OIDC', () => {
    expect(workflow.permissions).toBeDefined();
    expect(workflow.permissions?.['id-token']).not.toBe('write');
    for (const [name, job] of Object.entries(workflow.jobs)) {
      const authenticates = job.steps.some((step) => step.uses?.includes('/actions/auth'));
      if (job.permissions?.['id-token'] === 'write') expect(authenticates, name).toBe(true);
    }
  });
});
