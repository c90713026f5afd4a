import { describe, expect, it } from 'vitest';
import { CliRuntime } from '../../src/runtime/cli/runtime.js';
import { SecretMasker } from '../../src/runtime/mask.js';
import { authStage } from '../../src/stages/auth.js';

describe('SecretMasker', () => {
  it('masks every occurrence, the longer secret first', () => {
    const masker = new SecretMasker();
    masker.add('abcd');
    masker.add('abcdefgh');
    expect(masker.mask('key=abcdefgh token=abcd abcd')).toBe('key=*** token=*** ***');
  });

  it('masks each line of a multi-line secret on its own', () => {
    const masker = new SecretMasker();
    masker.add('-----BEGIN KEY-----\nsecretline\n-----END KEY-----');
    expect(masker.mask('got secretline')).toBe('got ***');
  });
});

describe('CliRuntime', () => {
  it('masks secrets in every log level, including exported values', () => {
    const lines: string[] = [];
    const runtime = new CliRuntime({ env: {}, write: (line) => lines.push(line) });
    runtime.exportVariable('AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMIK7MDENG', { secret: true });
    runtime.info('secret is wJalrXUtnFEMIK7MDENG');
    runtime.warning('again wJalrXUtnFEMIK7MDENG');
    runtime.error('and wJalrXUtnFEMIK7MDENG');
    expect(lines).toEqual(['secret is ***', 'warning: again ***', 'error: and ***']);
    expect(runtime.exports.get('AWS_SECRET_ACCESS_KEY')).toBe('wJalrXUtnFEMIK7MDENG');
  });

  it('reads an input from the flag, then GANTRY_<NAME>, then its own fallbacks', () => {
    const env = { GANTRY_AWS_REGION: 'eu-west-1', AWS_REGION: 'us-east-2', AWS_ROLE_ARN: 'arn:aws:iam::123456789012:role/r' };
    const runtime = new CliRuntime({ env, write: () => {} });
    expect(runtime.readInputs(authStage, {})['aws-region']).toBe('eu-west-1');
    expect(runtime.readInputs(authStage, { 'aws-region': 'ap-south-1' })['aws-region']).toBe('ap-south-1');
    expect(runtime.readInputs(authStage, {})['role-arn']).toBe(env.AWS_ROLE_ARN);
    expect(new CliRuntime({ env: { AWS_REGION: 'us-east-2' }, write: () => {} }).readInputs(authStage, {})['aws-region']).toBe('us-east-2');
  });

  it('takes run facts from Jenkins variables', () => {
    const runtime = new CliRuntime({
      env: { GIT_URL: 'https://git.example/acme/shop.git', BUILD_TAG: 'jenkins-shop-42', BUILD_NUMBER: '42', GIT_COMMIT: 'abc123' },
      write: () => {},
    });
    expect(runtime.run).toMatchObject({ repository: 'acme/shop', runId: 'jenkins-shop-42', runNumber: '42', sha: 'abc123' });
  });

  it('refuses to invent an OIDC token and says where one comes from', async () => {
    await expect(new CliRuntime({ env: {}, write: () => {} }).getIdToken()).rejects.toThrow(/no OIDC identity provider/);
  });
});

describe('CliRuntime.markUnstable', () => {
  it('records the state and says why, masked like any log line', () => {
    const lines: string[] = [];
    const runtime = new CliRuntime({ env: {}, write: (line) => lines.push(line) });
    runtime.setSecret('s3cr3t-value');
    expect(runtime.unstable).toBe(false);
    runtime.markUnstable('gate warned about s3cr3t-value');
    expect(runtime.unstable).toBe(true);
    expect(lines).toEqual(['warning: gate warned about ***']);
  });
});
