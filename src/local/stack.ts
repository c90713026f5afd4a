import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { deployRoleOf, endpointOf, gitopsRepoOf, registryOf, tokenFileOf, type LocalStackConfig } from './config.js';
import { checkGitopsRepo, ensureGitopsRepo } from './gitops.js';
import { seedEcr } from './ecr.js';
import { seedEcs } from './ecs.js';
import { seedEks } from './eks.js';
import { findSiteDistribution, LOCAL_SITE_BUCKET, seedSite } from './site.js';
import { checkKube, kubeBinDir, kubeCommand, seedKube } from './kube.js';
import { refreshLocalToken, seedIdentity } from './identity.js';
import { checkMoto, EMULATOR_CREDENTIALS, motoCommand } from './moto.js';
import { isAlive, readPid, startDetached, stopProcess, waitFor } from './process.js';
import { checkRegistry, registryCommand } from './registry.js';

type Log = (line: string) => void;

/** A peer that runs as a process of its own. */
interface ServerPeer {
  readonly name: string;
  command(config: LocalStackConfig): Promise<[string, string[]]>;
  check(config: LocalStackConfig): Promise<string>;
  /** Start-up can be slow (moto imports every service model); bounded nonetheless. */
  readonly startTimeoutMs: number;
  /** How long a SIGTERM may take before SIGKILL (the control plane stops its components in order). */
  readonly stopGraceMs?: number;
  /** Why the peer cannot run on this machine yet (e.g. not built), or undefined when it can. */
  unavailable?(config: LocalStackConfig): Promise<string | undefined>;
  /** Runs once the peer answers: resources a cloud account would already have. */
  seed?(config: LocalStackConfig): Promise<void>;
}

const SERVERS: readonly ServerPeer[] = [
  { name: 'registry', command: registryCommand, check: checkRegistry, startTimeoutMs: 15_000 },
  {
    name: 'aws',
    command: motoCommand,
    check: checkMoto,
    startTimeoutMs: 60_000,
    seed: async (config) => {
      await seedIdentity(config);
      await seedEcs(config);
      await seedEcr(config);
      await seedEks(config);
      await seedSite(config);
    },
  },
  // After the emulator: its token webhook verifies EKS tokens against the emulator's STS.
  {
    name: 'kube',
    command: kubeCommand,
    check: checkKube,
    startTimeoutMs: 180_000,
    stopGraceMs: 20_000,
    seed: seedKube,
    unavailable: async (config) => ((await kubeBinDir(config)) ? undefined : 'not built: run gantry local install'),
  },
];

const pidFile = (config: LocalStackConfig, peer: string) => join(config.dir, `${peer}.pid`);
const logFile = (config: LocalStackConfig, peer: string) => join(config.dir, `${peer}.log`);

/** Starts what is not running yet; leaves running peers alone. Returns the peers it started. */
export async function localUp(config: LocalStackConfig, log: Log): Promise<string[]> {
  await mkdir(config.dir, { recursive: true });
  const started: string[] = [];
  for (const peer of SERVERS) {
    const unavailable = await peer.unavailable?.(config);
    if (unavailable) {
      log(`${peer.name}: skipped, ${unavailable}`);
      continue;
    }
    const pid = await readPid(pidFile(config, peer.name));
    if (pid !== undefined && isAlive(pid)) {
      const detail = await peer.check(config).catch((e: Error) => `not answering: ${e.message}`);
      log(`${peer.name}: already running (pid ${pid}) ${detail}`);
      continue;
    }
    const [command, args] = await peer.command(config);
    const newPid = await startDetached(command, args, { logFile: logFile(config, peer.name), pidFile: pidFile(config, peer.name) }).catch(
      (error: Error) => {
        throw new Error(`${peer.name}: cannot start ${command}: ${error.message} (run gantry local install)`);
      },
    );
    const detail = await waitFor(
      peer.name,
      async () => {
        if (!isAlive(newPid)) throw new Error(`exited; see ${logFile(config, peer.name)}`);
        return peer.check(config);
      },
      { timeoutMs: peer.startTimeoutMs, progress: log },
    );
    await peer.seed?.(config);
    started.push(peer.name);
    log(`${peer.name}: started (pid ${newPid}) ${detail}`);
  }
  log(`gitops: ${await ensureGitopsRepo(config)}`);
  await refreshLocalToken(config);
  return started;
}

/** Stops the peers it finds running; with `only`, just those. */
export async function localDown(config: LocalStackConfig, log: Log, only?: readonly string[]): Promise<void> {
  for (const peer of [...SERVERS].reverse()) {
    if (only && !only.includes(peer.name)) continue;
    const stopped = await stopProcess(pidFile(config, peer.name), peer.stopGraceMs);
    log(`${peer.name}: ${stopped ? 'stopped' : 'not running'}`);
  }
}

export interface PeerStatus {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

/** Asks each peer for real (an API call each), not just whether its pid lives. */
export async function localStatus(config: LocalStackConfig): Promise<PeerStatus[]> {
  const probes = [...SERVERS, { name: 'gitops', check: checkGitopsRepo, unavailable: undefined }];
  return Promise.all(
    probes.map(async ({ name, check, unavailable }) => {
      try {
        const reason = await unavailable?.(config);
        if (reason) throw new Error(reason);
        return { name, ok: true, detail: await check(config) };
      } catch (error) {
        return { name, ok: false, detail: (error as Error).message };
      }
    }),
  );
}

/** The environment that points the AWS SDK, the CLI and the stages at the local stack. */
export async function localEnv(config: LocalStackConfig): Promise<Record<string, string>> {
  await mkdir(config.dir, { recursive: true });
  await refreshLocalToken(config);
  return {
    AWS_ENDPOINT_URL: endpointOf(config),
    AWS_REGION: config.region,
    AWS_DEFAULT_REGION: config.region,
    AWS_ACCESS_KEY_ID: EMULATOR_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: EMULATOR_CREDENTIALS.secretAccessKey,
    AWS_ROLE_ARN: deployRoleOf(config),
    AWS_WEB_IDENTITY_TOKEN_FILE: tokenFileOf(config),
    GANTRY_REGISTRY: registryOf(config),
    GANTRY_GITOPS_REPO: gitopsRepoOf(config),
    GANTRY_SITE_BUCKET: LOCAL_SITE_BUCKET,
    ...(await siteDistributionEnv(config)),
  };
}

/** The seeded distribution's ID, when the emulator answers and holds it (a stack seeded before it existed does not). */
async function siteDistributionEnv(config: LocalStackConfig): Promise<Record<string, string>> {
  const distribution = await findSiteDistribution(config).catch(() => undefined);
  return distribution?.Id ? { GANTRY_SITE_DISTRIBUTION_ID: distribution.Id } : {};
}
