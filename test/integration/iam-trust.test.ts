import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { randomUUID } from 'node:crypto';
import { describe, expect, it, inject } from 'vitest';
import { permissionPolicy, trustPolicy } from '../../src/generate/iam/policies.js';
import { createIssuer, mintToken } from '../../src/local/oidc.js';
import { resolvePipeline } from '../../src/pipeline/resolve.js';

// The emulator's account, which the local stack gives GitHub's OIDC provider; the emulator checks trust conditions.
const ACCOUNT = '123456789012';
const issuer = createIssuer();

const pipeline = resolvePipeline({
  project: 'shop',
  repository: 'acme/shop',
  environments: [
    { name: 'staging', branch: 'develop', account: ACCOUNT, region: 'us-east-1', role: 'shop-staging' },
    { name: 'production', branch: 'main', tag: 'v*', account: ACCOUNT, region: 'us-east-1', role: 'shop-production', 'github-environment': 'prod' },
  ],
  services: [{ name: 'api', deploy: { kind: 'ecs', cluster: 'shop-{environment}', service: 'api' } }],
});

function clients() {
  const local = inject('localEnv');
  const config = { region: 'us-east-1', endpoint: local.AWS_ENDPOINT_URL, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
  return { iam: new IAMClient(config), sts: new STSClient(config) };
}

/** Creates the generated role (trust + permission policy) under a fresh name, as the platform team would. */
async function createGeneratedRole(envName: string): Promise<string> {
  const { iam } = clients();
  const env = pipeline.environments.find((e) => e.name === envName)!;
  const name = `${env.role}-${randomUUID().slice(0, 8)}`;
  const role = await iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: JSON.stringify(trustPolicy(pipeline.model.repository, env)) }));
  await iam.send(new PutRolePolicyCommand({ RoleName: name, PolicyName: 'delivery', PolicyDocument: JSON.stringify(permissionPolicy(env)) }));
  return role.Role!.Arn!;
}

async function assume(roleArn: string, sub: string): Promise<'admitted' | string> {
  const token = mintToken(issuer, { sub, aud: 'sts.amazonaws.com' });
  try {
    await clients().sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: roleArn, RoleSessionName: 'trust-test', WebIdentityToken: token }));
    return 'admitted';
  } catch (error) {
    return (error as { name: string }).name;
  }
}

describe('generated trust policies, enforced by the emulator', () => {
  it('admit the repository on the environment\'s branch, tag or GitHub environment, and nothing else', async () => {
    const production = await createGeneratedRole('production');
    expect(await assume(production, 'repo:acme/shop:ref:refs/heads/main')).toBe('admitted');
    expect(await assume(production, 'repo:acme/shop:ref:refs/tags/v1.4.0')).toBe('admitted');
    expect(await assume(production, 'repo:acme/shop:environment:prod')).toBe('admitted');
    expect(await assume(production, 'repo:acme/shop:ref:refs/heads/develop')).toBe('AccessDenied');
    expect(await assume(production, 'repo:acme/shop:environment:staging')).toBe('AccessDenied');
    expect(await assume(production, 'repo:acme/other:ref:refs/heads/main')).toBe('AccessDenied');
    expect(await assume(production, 'repo:acme/shop-fork:ref:refs/heads/main')).toBe('AccessDenied');

    const staging = await createGeneratedRole('staging');
    expect(await assume(staging, 'repo:acme/shop:ref:refs/heads/develop')).toBe('admitted');
    expect(await assume(staging, 'repo:acme/shop:ref:refs/heads/main')).toBe('AccessDenied');
  });
});
