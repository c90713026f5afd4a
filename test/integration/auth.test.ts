import { readFile, stat, writeFile } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterEach, describe, expect, it, inject, vi } from 'vitest';
import { createAwsClient } from '../../src/aws/clients.js';
import { createIssuer, mintToken } from '../../src/local/oidc.js';
import { parseExports, runCli } from './support.js';

const ACCOUNT = '123456789012';
const work = mkdtempSync(join(tmpdir(), 'gantry-auth-'));

async function identityOf(credentials: Record<string, string>) {
  const sts = new STSClient({
    region: 'us-east-1',
    endpoint: inject('localEnv').AWS_ENDPOINT_URL,
    credentials: {
      accessKeyId: credentials.AWS_ACCESS_KEY_ID!,
      secretAccessKey: credentials.AWS_SECRET_ACCESS_KEY!,
      sessionToken: credentials.AWS_SESSION_TOKEN,
    },
  });
  return sts.send(new GetCallerIdentityCommand({}));
}

describe('gantry run auth (CLI) against the emulator', () => {
  it('assumes the deploy role by web identity, writes credentials to a 0600 file and logs none of them', async () => {
    const exportsFile = join(work, 'web-identity.env');
    const run = await runCli(['run', 'auth', '--exports-file', exportsFile], { GANTRY_REPOSITORY: 'acme/shop', GANTRY_RUN_ID: '4242' });
    expect(run.stderr).not.toMatch(/error/);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`aws-account-id=${ACCOUNT}`);
    expect(run.stdout).toMatch(/aws-identity-arn=arn:aws:sts::123456789012:assumed-role\/gantry-deploy\/gantry-acme-shop-4242/);

    expect((await stat(exportsFile)).mode & 0o777).toBe(0o600);
    const exported = parseExports(await readFile(exportsFile, 'utf8'));
    expect(Object.keys(exported)).toEqual(
      expect.arrayContaining(['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_REGION']),
    );
    // The exported credentials are real: the emulator knows them as the assumed role.
    expect((await identityOf(exported)).Arn).toContain('assumed-role/gantry-deploy/');

    const token = (await readFile(inject('localEnv').AWS_WEB_IDENTITY_TOKEN_FILE!, 'utf8')).trim();
    for (const secret of [exported.AWS_ACCESS_KEY_ID, exported.AWS_SECRET_ACCESS_KEY, exported.AWS_SESSION_TOKEN, token]) {
      expect(run.stdout + run.stderr).not.toContain(secret);
    }
  });

  it('prints export lines only when asked, for eval', async () => {
    const run = await runCli(['run', 'auth', '--print-exports']);
    expect(run.code).toBe(0);
    const exported = parseExports(run.stdout);
    expect(exported.AWS_SESSION_TOKEN).toMatch(/\S{16,}/);
    expect(run.stderr).not.toContain(exported.AWS_SESSION_TOKEN);
  });

  it('chains into a second role with the first role\'s credentials', async () => {
    const run = await runCli(['run', 'auth', '--chain-role-arn', `arn:aws:iam::${ACCOUNT}:role/gantry-deploy-chained`, '--json']);
    expect(run.code).toBe(0);
    const outputs = JSON.parse(run.stdout) as Record<string, string>;
    expect(outputs['aws-identity-arn']).toContain('assumed-role/gantry-deploy-chained/');
    expect(Date.parse(outputs['aws-expiration']!)).toBeGreaterThan(Date.now());
  });

  it('without a role, verifies the default credential chain', async () => {
    const run = await runCli(['run', 'auth', '--json'], { AWS_ROLE_ARN: '', AWS_WEB_IDENTITY_TOKEN_FILE: '' });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ 'aws-account-id': ACCOUNT, 'aws-expiration': '' });
  });

  it('refuses a malformed role ARN at once, naming the input, before calling AWS', async () => {
    const run = await runCli(['run', 'auth', '--role-arn', 'arn:aws:iam::123:role/deploy']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("input 'role-arn': must be an IAM role ARN");
    expect(run.stderr).not.toContain('Assuming');
  });

  it('reports STS AccessDenied at once with its cause when the trust policy does not admit the token', async () => {
    // gantry-deploy-chained trusts only the deploy role, not the OIDC provider.
    const run = await runCli(['run', 'auth', '--role-arn', `arn:aws:iam::${ACCOUNT}:role/gantry-deploy-chained`]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('AssumeRoleWithWebIdentity arn:aws:iam::123456789012:role/gantry-deploy-chained: AccessDenied');
    // How fast this fails, against the official action's retries, is timed by bench/anchors.mjs.
    expect(run.stderr).toMatch(/Remedy: .*trust policy/);
  });

  it('reports an expired token as such', async () => {
    const expired = join(work, 'expired-token');
    await writeFile(expired, mintToken(createIssuer(), { sub: 'repo:acme/shop:ref:refs/heads/main', aud: 'sts.amazonaws.com', ttlSeconds: -60 }));
    const run = await runCli(['run', 'auth', '--web-identity-token-file', expired]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('ExpiredTokenException');
    expect(run.stderr).toMatch(/Remedy: the credentials are missing, expired/);
  });

  it('refuses a token file that holds no JWT', async () => {
    const bad = join(work, 'not-a-jwt');
    await writeFile(bad, 'hello');
    const run = await runCli(['run', 'auth', '--web-identity-token-file', bad]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('is not a JWT');
  });

  it('reports an unknown stage flag with the inputs it accepts', async () => {
    const run = await runCli(['run', 'auth', '--role', 'x']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--role-arn');
  });
});

describe('AWS client factory', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('reaches STS through the SDK endpoint setting, also for the web-identity credentials behind a client', async () => {
    const local = inject('localEnv');
    // Only the service-specific endpoint and the token-file pair: no keys, no code path of our own.
    vi.stubEnv('AWS_ENDPOINT_URL', undefined);
    vi.stubEnv('AWS_ACCESS_KEY_ID', undefined);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', undefined);
    vi.stubEnv('AWS_CONFIG_FILE', join(work, 'no-config'));
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(work, 'no-credentials'));
    vi.stubEnv('AWS_ENDPOINT_URL_STS', local.AWS_ENDPOINT_URL!);
    vi.stubEnv('AWS_ROLE_ARN', local.AWS_ROLE_ARN!);
    vi.stubEnv('AWS_WEB_IDENTITY_TOKEN_FILE', local.AWS_WEB_IDENTITY_TOKEN_FILE!);
    vi.stubEnv('AWS_ROLE_SESSION_NAME', 'gantry-sdk-chain');
    const sts = createAwsClient(STSClient, { region: 'us-east-1' });
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    expect(identity.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/gantry-deploy/gantry-sdk-chain`);
  });
});
