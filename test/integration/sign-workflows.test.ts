import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { githubWorkflowFiles } from '../../src/generate/github/render.js';
import { resolvePipeline } from '../../src/pipeline/resolve.js';

/** deliver.yml of the local seed with signing (a KMS key, or a PEM key from a secret), checked by actionlint and zizmor. */
const exec = promisify(execFile);
const seed = parse(readFileSync('examples/pipelines/local.yaml', 'utf8')) as Record<string, unknown>;

describe.each([
  ['a KMS key', { key: 'awskms:///alias/{project}-{environment}-signing' }],
  ['a PEM key from a secret', { key: '${{ secrets.SIGNING_KEY }}', 'public-key': 'keys/signing.pub' }],
])('deliver.yml signing with %s', (_, signing) => {
  const path = join(mkdtempSync(join(tmpdir(), 'gantry-sign-workflow-')), 'deliver.yml');
  const text = githubWorkflowFiles(resolvePipeline({ ...seed, signing }), '# generated for a test')['deliver.yml']!;
  writeFileSync(path, text);

  it('signs and requires signatures', () => {
    expect(text).toContain('/actions/sign');
    expect(text).toContain('require-signature:');
  });

  it('passes actionlint', async () => {
    const { stdout, stderr } = await exec('actionlint', ['-no-color', path]).catch((error: { stdout: string; stderr: string }) => error);
    expect(stdout + stderr).toBe('');
  });

  it('passes zizmor (offline audits)', async () => {
    const run = await exec('zizmor', ['--offline', '--no-progress', '--format', 'plain', path]).catch((error: { stdout: string; stderr: string }) => error);
    expect(run.stdout).toContain('No findings');
  });
});
