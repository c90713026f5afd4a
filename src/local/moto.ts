import { packageFile } from '../package-files.js';
import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { endpointOf, type LocalStackConfig } from './config.js';

/** Credentials the emulator accepts; they open nothing outside it. */
export const EMULATOR_CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' } as const;

const LAUNCHER = packageFile('tools/moto-local/gantry_moto_local.py');

/** The AWS emulator peer: moto in server mode behind the project's launcher (tools/moto-local), which adds the AWS behaviour the stages depend on. */
export async function motoCommand(config: LocalStackConfig): Promise<[string, string[]]> {
  const stateDir = join(config.dir, 'moto');
  await mkdir(stateDir, { recursive: true });
  return [
    join(config.toolsHome, 'venv', 'bin', 'python'),
    [
      LAUNCHER,
      '--host', config.host,
      '--port', String(config.motoPort),
      '--state-dir', stateDir,
      '--ecs-rollout-seconds', String(config.ecsRolloutSeconds),
      '--cloudfront-invalidation-seconds', String(config.cloudfrontInvalidationSeconds),
    ],
  ];
}

/** Client settings that reach the emulator whatever the caller's environment says. */
export function emulatorClientConfig(config: LocalStackConfig) {
  return { region: config.region, endpoint: endpointOf(config), credentials: EMULATOR_CREDENTIALS, maxAttempts: 1 };
}

/** A real API call: STS GetCallerIdentity. */
export async function checkMoto(config: LocalStackConfig): Promise<string> {
  const sts = new STSClient({ ...emulatorClientConfig(config), requestHandler: { requestTimeout: 2_000 } });
  const identity = await sts.send(new GetCallerIdentityCommand({}));
  return `${endpointOf(config)} (account ${identity.Account})`;
}
