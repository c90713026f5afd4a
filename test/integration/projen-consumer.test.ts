import { execFile, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const exec = promisify(execFile);
const CONSUMER = 'examples/projen-consumer';
const TSX = resolve('node_modules/.bin/tsx');
const scratch = mkdtempSync(join(tmpdir(), 'gantry-consumer-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of the example consumer whose node_modules holds this checkout (as gantry-ci) and its projen. */
function consumerCopy(name: string): string {
  const dir = join(scratch, name);
  cpSync(CONSUMER, dir, { recursive: true });
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(resolve('.'), join(dir, 'node_modules/gantry-ci'), 'dir');
  symlinkSync(resolve('node_modules/projen'), join(dir, 'node_modules/projen'), 'dir');
  return dir;
}

/** Every file under `dir`, relative, node_modules left out. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (path === 'node_modules') return [];
    return entry.isDirectory() ? filesUnder(dir, path) : [path];
  });
}

/** `npx projen` as a consumer runs it (its default task is `ts-node .projenrc.ts`; tsx runs the same file), no install. */
function synth(dir: string): Promise<{ code: number | null; output: string }> {
  return new Promise((done, reject) => {
    const child = spawn(TSX, ['.projenrc.ts'], { cwd: dir, env: { PATH: process.env.PATH, HOME: process.env.HOME, PROJEN_DISABLE_POST: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => done({ code, output }));
  });
}

describe('a projen project that adds GantryPipeline (examples/projen-consumer)', () => {
  it('synthesizes the workflows, the pipeline doc and the IAM policies, read-only, and they pass actionlint and zizmor', { timeout: 120_000 }, async () => {
    const dir = consumerCopy('good');
    const run = await synth(dir);
    expect(run.code, run.output).toBe(0);
    const files = filesUnder(dir);
    const expected = ['.github/workflows/deliver.yml', '.github/workflows/ci.yml', 'docs/pipeline.md'];
    for (const env of ['staging', 'production']) expected.push(`iam/${env}/trust-policy.json`, `iam/${env}/permission-policy.json`, `iam/${env}/role.tf`);
    expect(files).toEqual(expect.arrayContaining(expected));
    // projen keeps them as its own generated files: listed in .projen/files.json, read-only on disk.
    const managed = (JSON.parse(readFileSync(join(dir, '.projen/files.json'), 'utf8')) as { files: string[] }).files;
    expect(managed).toEqual(expect.arrayContaining(expected));
    // No write bit for anyone (a test running as root could write anyway, so the mode is what is checked).
    expect(statSync(join(dir, '.github/workflows/deliver.yml')).mode & 0o222).toBe(0);

    const deliver = readFileSync(join(dir, '.github/workflows/deliver.yml'), 'utf8');
    expect(deliver).toContain('role-arn: arn:aws:iam::222222222222:role/shop-deploy');
    expect(deliver).toContain('gantry-ci/gantry/actions/deploy-ecs@986721c08755c570c2b1ffa75193ccaef8f8d2c2 # main');
    for (const workflow of ['deliver.yml', 'ci.yml']) {
      const path = join(dir, '.github/workflows', workflow);
      const lint = await exec('actionlint', ['-no-color', path]).catch((error: { stdout: string; stderr: string }) => error);
      expect(lint.stdout + lint.stderr, workflow).toBe('');
      const audit = await exec('zizmor', ['--offline', '--no-progress', '--format', 'plain', path]).catch((error: { stdout: string }) => error);
      expect(audit.stdout, workflow).toContain('No findings');
    }
  });

  it('fails synthesis on a bad model, naming the path of the problem, and writes nothing', { timeout: 120_000 }, async () => {
    const dir = consumerCopy('bad');
    const projenrc = join(dir, '.projenrc.ts');
    writeFileSync(projenrc, readFileSync(projenrc, 'utf8').replace("account: '222222222222', region: 'eu-west-1'", "account: '222222222222', region: 'Europe'"));
    const before = filesUnder(dir);
    const run = await synth(dir);
    expect(run.code).not.toBe(0);
    expect(run.output).toContain('environments[1].region: must be an AWS region such as us-east-1');
    expect(filesUnder(dir)).toEqual(before);
  });
});
