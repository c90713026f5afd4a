import { resolve } from 'node:path';

/** Where and how the loopback stack runs. Everything binds to 127.0.0.1; ports and paths can be moved by env. */
export interface LocalStackConfig {
  readonly host: '127.0.0.1';
  /** State, logs and pid files: `.gantry/local/` under the working directory. */
  readonly dir: string;
  readonly motoPort: number;
  readonly registryPort: number;
  readonly region: string;
  /** The account moto serves (its default). */
  readonly accountId: string;
  /** Where scripts/install-peers.sh put the Python venv and tool binaries. */
  readonly toolsHome: string;
  readonly ecsRolloutSeconds: number;
  readonly cloudfrontInvalidationSeconds: number;
}

export function localStackConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): LocalStackConfig {
  return {
    host: '127.0.0.1',
    dir: resolve(cwd, env.GANTRY_LOCAL_DIR ?? '.gantry/local'),
    motoPort: port(env.GANTRY_LOCAL_MOTO_PORT, 4566),
    registryPort: port(env.GANTRY_LOCAL_REGISTRY_PORT, 5000),
    region: env.GANTRY_LOCAL_REGION ?? 'us-east-1',
    accountId: '123456789012',
    toolsHome: env.GANTRY_HOME ?? '/opt/gantry',
    ecsRolloutSeconds: Number(env.GANTRY_LOCAL_ECS_ROLLOUT_SECONDS ?? 3),
    cloudfrontInvalidationSeconds: Number(env.GANTRY_LOCAL_CLOUDFRONT_INVALIDATION_SECONDS ?? 2),
  };
}

function port(value: string | undefined, fallback: number): number {
  const n = Number(value ?? fallback);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new Error(`invalid port ${value}`);
  return n;
}

export const endpointOf = (config: LocalStackConfig) => `http://${config.host}:${config.motoPort}`;
export const registryOf = (config: LocalStackConfig) => `${config.host}:${config.registryPort}`;
export const gitopsRepoOf = (config: LocalStackConfig) => resolve(config.dir, 'gitops.git');
export const tokenFileOf = (config: LocalStackConfig) => resolve(config.dir, 'web-identity-token');
/** The role the local stack trusts for OIDC web identity, as a real account's deploy role would be. */
export const deployRoleOf = (config: LocalStackConfig) => `arn:aws:iam::${config.accountId}:role/gantry-deploy`;
