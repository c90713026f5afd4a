import { readFile } from 'node:fs/promises';
import {
  AssumeRoleCommand,
  AssumeRoleWithWebIdentityCommand,
  GetCallerIdentityCommand,
  STSClient,
  type Credentials,
} from '@aws-sdk/client-sts';
import { callAws } from '../aws/errors.js';
import { createAwsClient } from '../aws/clients.js';
import { GantryError, InputError } from '../model/errors.js';
import { awsRegion, iamRoleArn, integerString, roleSessionName } from '../model/inputs.js';
import { defineStage, input, type StageInput } from '../model/stage.js';
import * as z from '../model/zod.js';
import type { Runtime, RunContext } from '../model/runtime.js';

const inputs = {
  'aws-region': input(awsRegion, { description: 'AWS region for STS and for later steps.', env: ['AWS_REGION', 'AWS_DEFAULT_REGION'] }),
  'role-arn': input(z.optional(iamRoleArn), {
    description: 'IAM role to assume with the OIDC token. Without it the default credential chain is verified instead.',
    env: ['AWS_ROLE_ARN'],
  }),
  audience: input(z.string().check(z.minLength(1)), { description: 'Audience (aud claim) of the OIDC token.', default: 'sts.amazonaws.com' }),
  'web-identity-token-file': input(z.optional(z.string().check(z.minLength(1))), {
    description: "File holding the OIDC token; without it the runner's identity provider issues one.",
    env: ['AWS_WEB_IDENTITY_TOKEN_FILE'],
  }),
  'role-session-name': input(z.optional(roleSessionName), { description: 'STS session name; derived from the repository and run id when empty.' }),
  'role-duration-seconds': input(integerString(900, 43_200), { description: 'Lifetime of the credentials in seconds (900-43200).', default: '3600' }),
  'chain-role-arn': input(z.optional(iamRoleArn), { description: "A second role to assume with the first role's credentials (role chaining)." }),
};

type AuthInput = StageInput<typeof inputs>;

/**
 * AWS credentials for the rest of the job. With a role: an OIDC token (the runner's, or a token file) exchanged
 * through STS AssumeRoleWithWebIdentity, optionally chained into a second role, exported masked. Without one:
 * the default credential chain, checked with GetCallerIdentity, so a misconfigured job stops here and not halfway
 * through a deploy.
 */
export const authStage = defineStage({
  name: 'auth',
  description: 'Authenticate to AWS by OIDC web identity (no long-lived keys) and export short-lived credentials.',
  inputs,
  outputs: {
    'aws-account-id': { description: 'Account id of the assumed identity.' },
    'aws-identity-arn': { description: 'ARN of the assumed identity.' },
    'aws-expiration': { description: 'When the credentials expire (ISO 8601); empty for the default chain.' },
  },
  run: authenticate,
});

async function authenticate(input: AuthInput, runtime: Runtime) {
  const region = input['aws-region'];
  if (!input['role-arn']) return verifyDefaultChain(region, runtime);

  const token = await webIdentityToken(input, runtime);
  const sessionName = input['role-session-name'] ?? deriveSessionName(runtime.run);
  const sts = createAwsClient(STSClient, { region });
  runtime.info(`Assuming ${input['role-arn']} by web identity (session ${sessionName})`);
  let credentials = await callAws(`AssumeRoleWithWebIdentity ${input['role-arn']}`, async () => {
    const out = await sts.send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: input['role-arn'],
        RoleSessionName: sessionName,
        WebIdentityToken: token,
        DurationSeconds: input['role-duration-seconds'],
      }),
    );
    return { credentials: out.Credentials, arn: out.AssumedRoleUser?.Arn };
  });

  if (input['chain-role-arn']) {
    const first = usable(credentials.credentials, runtime);
    const chained = createAwsClient(STSClient, { region, credentials: first });
    runtime.info(`Chaining into ${input['chain-role-arn']}`);
    credentials = await callAws(`AssumeRole ${input['chain-role-arn']}`, async () => {
      const out = await chained.send(
        new AssumeRoleCommand({
          RoleArn: input['chain-role-arn'],
          RoleSessionName: sessionName,
          // Role chaining caps a session at one hour.
          DurationSeconds: Math.min(input['role-duration-seconds'], 3600),
        }),
      );
      return { credentials: out.Credentials, arn: out.AssumedRoleUser?.Arn };
    });
  }

  const exported = usable(credentials.credentials, runtime);
  runtime.exportVariable('AWS_ACCESS_KEY_ID', exported.accessKeyId, { secret: true });
  runtime.exportVariable('AWS_SECRET_ACCESS_KEY', exported.secretAccessKey, { secret: true });
  runtime.exportVariable('AWS_SESSION_TOKEN', exported.sessionToken, { secret: true });
  runtime.exportVariable('AWS_REGION', region);
  runtime.exportVariable('AWS_DEFAULT_REGION', region);

  const arn = credentials.arn ?? '';
  const accountId = accountOf(arn);
  runtime.info(`Authenticated as ${arn} in account ${accountId}, until ${exported.expiration.toISOString()}`);
  return { 'aws-account-id': accountId, 'aws-identity-arn': arn, 'aws-expiration': exported.expiration.toISOString() };
}

async function verifyDefaultChain(region: string, runtime: Runtime) {
  runtime.info('No role-arn given: verifying the default credential chain');
  const sts = createAwsClient(STSClient, { region });
  const identity = await callAws('GetCallerIdentity', () => sts.send(new GetCallerIdentityCommand({})));
  runtime.exportVariable('AWS_REGION', region);
  runtime.exportVariable('AWS_DEFAULT_REGION', region);
  runtime.info(`Authenticated as ${identity.Arn} in account ${identity.Account}`);
  return { 'aws-account-id': identity.Account ?? '', 'aws-identity-arn': identity.Arn ?? '', 'aws-expiration': '' };
}

async function webIdentityToken(input: AuthInput, runtime: Runtime): Promise<string> {
  const file = input['web-identity-token-file'];
  let token: string;
  if (file) {
    try {
      token = (await readFile(file, 'utf8')).trim();
    } catch (error) {
      throw new InputError('web-identity-token-file', `cannot read ${file}: ${(error as Error).message}`);
    }
  } else {
    token = await runtime.getIdToken(input.audience);
  }
  runtime.setSecret(token);
  if (!/^[\w-]+\.[\w-]+\.[\w-]*$/.test(token)) {
    throw new GantryError(`the web identity token${file ? ` in ${file}` : ''} is not a JWT`, {
      remedy: 'point web-identity-token-file at the OIDC token itself (three base64url parts separated by dots).',
    });
  }
  return token;
}

/** Runs one STS call, turning an SDK error into a message with its cause and remedy. */

function usable(credentials: Credentials | undefined, runtime: Runtime) {
  const { AccessKeyId, SecretAccessKey, SessionToken, Expiration } = credentials ?? {};
  if (!AccessKeyId || !SecretAccessKey || !SessionToken || !Expiration) {
    throw new GantryError('STS answered without complete credentials');
  }
  // Mask before anything else can print them.
  for (const secret of [AccessKeyId, SecretAccessKey, SessionToken]) runtime.setSecret(secret);
  return { accessKeyId: AccessKeyId, secretAccessKey: SecretAccessKey, sessionToken: SessionToken, expiration: Expiration };
}

function accountOf(arn: string): string {
  return /^arn:[^:]+:[^:]+::(\d{12}):/.exec(arn)?.[1] ?? '';
}

/** `gantry-<owner>-<repo>-<run id>`, reduced to STS's alphabet and 64 characters, keeping the run id visible. */
export function deriveSessionName(run: RunContext, now: Date = new Date()): string {
  const clean = (s: string) => s.replace(/[^\w+=,.@-]+/g, '-').replace(/^-+|-+$/g, '');
  const suffix = clean(run.runId ?? String(Math.floor(now.getTime() / 1000)));
  const prefix = clean(`gantry-${run.repository ?? 'local'}`);
  const room = 64 - suffix.length - 1;
  return `${prefix.slice(0, Math.max(room, 0)).replace(/-+$/, '')}-${suffix}`.slice(0, 64);
}
