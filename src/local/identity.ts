import { readFile, writeFile, chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { createPrivateKey } from 'node:crypto';
import {
  CreateOpenIDConnectProviderCommand,
  CreateRoleCommand,
  GetRoleCommand,
  IAMClient,
  ListOpenIDConnectProvidersCommand,
} from '@aws-sdk/client-iam';
import { deployRoleOf, tokenFileOf, type LocalStackConfig } from './config.js';
import { emulatorClientConfig } from './moto.js';
import { createIssuer, GITHUB_OIDC_ISSUER, mintToken, type LocalIssuer } from './oidc.js';

export const LOCAL_SUBJECT = 'repo:local/gantry:ref:refs/heads/main';

/**
 * What a real account has for OIDC: GitHub's identity provider and a deploy role whose trust policy admits this
 * repository's tokens for the sts.amazonaws.com audience, plus a second role that trusts the first (for chaining).
 */
export async function seedIdentity(config: LocalStackConfig): Promise<void> {
  const iam = new IAMClient(emulatorClientConfig(config));
  const providers = await iam.send(new ListOpenIDConnectProvidersCommand({}));
  const providerArn = `arn:aws:iam::${config.accountId}:oidc-provider/token.actions.githubusercontent.com`;
  if (!providers.OpenIDConnectProviderList?.some((p) => p.Arn === providerArn)) {
    await iam.send(
      new CreateOpenIDConnectProviderCommand({
        Url: GITHUB_OIDC_ISSUER,
        ClientIDList: ['sts.amazonaws.com'],
        ThumbprintList: ['6938fd4d98bab03faadb97b34396831e3780aea1'],
      }),
    );
  }
  const webIdentityTrust = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: providerArn },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
          StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:*' },
        },
      },
    ],
  };
  await ensureRole(iam, 'gantry-deploy', webIdentityTrust);
  await ensureRole(iam, 'gantry-deploy-chained', {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: deployRoleOf(config) }, Action: 'sts:AssumeRole' }],
  });
}

async function ensureRole(iam: IAMClient, name: string, trust: object) {
  try {
    await iam.send(new GetRoleCommand({ RoleName: name }));
  } catch {
    await iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: JSON.stringify(trust) }));
  }
}

/** Writes a fresh token for the local repository to the token file (0600), keeping one signing key per stack. */
export async function refreshLocalToken(config: LocalStackConfig): Promise<string> {
  const issuer = await localIssuer(config);
  const token = mintToken(issuer, { sub: LOCAL_SUBJECT, aud: 'sts.amazonaws.com', repository: 'local/gantry', ref: 'refs/heads/main' });
  const file = tokenFileOf(config);
  await writeFile(file, token, { mode: 0o600 });
  await chmod(file, 0o600);
  return file;
}

async function localIssuer(config: LocalStackConfig): Promise<LocalIssuer> {
  const keyFile = join(config.dir, 'oidc-signing-key.json');
  try {
    const saved = JSON.parse(await readFile(keyFile, 'utf8')) as { pem: string; kid: string };
    return { privateKey: createPrivateKey(saved.pem), kid: saved.kid };
  } catch {
    const issuer = createIssuer();
    const pem = issuer.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    await writeFile(keyFile, JSON.stringify({ pem, kid: issuer.kid }), { mode: 0o600 });
    return issuer;
  }
}
