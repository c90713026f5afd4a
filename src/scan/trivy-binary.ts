import { constants } from 'node:fs';
import { access, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { GantryError } from '../model/errors.js';
import type { Runtime } from '../model/runtime.js';
import { execTool } from './exec.js';

/** The Trivy release Gantry is tested with; reports and flags are read as this version writes them. */
export const TRIVY_VERSION = '0.74.0';
export const TRIVY_MODULE = 'github.com/aquasecurity/trivy/cmd/trivy';
/** Trivy takes its version from a linker flag, not from the module version, so the build sets it. */
const VERSION_LDFLAG = 'github.com/aquasecurity/trivy/pkg/version/app.ver';
const INSTALL_TIMEOUT_MS = 30 * 60_000;

export interface TrivyBinary {
  readonly path: string;
  readonly version: string;
  readonly source: 'input' | 'PATH' | 'tool cache' | 'installed';
}

/** `trivy --version` → `0.74.0`, or undefined when the file does not run as Trivy. */
export async function trivyVersionOf(path: string, env: Readonly<Record<string, string | undefined>>): Promise<string | undefined> {
  try {
    const run = await execTool(path, ['--version'], { env, timeoutMs: 30_000 });
    return run.code === 0 ? /^Version:\s*(\S+)/m.exec(run.stdout)?.[1] : undefined;
  } catch {
    return undefined;
  }
}

/** Where the tool cache keeps one version: `<tool-cache>/trivy/<version>/trivy`. */
export function cachedTrivyPath(toolCache: string, version = TRIVY_VERSION): string {
  return join(toolCache, 'trivy', version, 'trivy');
}

/**
 * The Trivy to run: `trivy-path` or the first `trivy` on PATH when it is the pinned version, else the tool cache's
 * copy, else one built now with `go install` at the pinned version (modules checked against the Go checksum
 * database) and kept in the tool cache for the next run.
 */
export async function resolveTrivy(options: { trivyPath?: string; toolCache: string; runtime: Runtime }): Promise<TrivyBinary> {
  const { runtime } = options;
  const env = runtime.env;
  const candidate = options.trivyPath ?? (await findOnPath('trivy', env.PATH));
  if (candidate) {
    const version = await trivyVersionOf(candidate, env);
    if (version === TRIVY_VERSION) return { path: candidate, version, source: options.trivyPath ? 'input' : 'PATH' };
    runtime.warning(`${candidate} is Trivy ${version ?? '(unknown version)'}, not the pinned ${TRIVY_VERSION}; using the tool cache instead`);
  }
  const cached = cachedTrivyPath(options.toolCache);
  if ((await trivyVersionOf(cached, env)) === TRIVY_VERSION) return { path: cached, version: TRIVY_VERSION, source: 'tool cache' };
  await installTrivy(cached, runtime);
  return { path: cached, version: TRIVY_VERSION, source: 'installed' };
}

async function installTrivy(destination: string, runtime: Runtime): Promise<void> {
  const go = await findOnPath('go', runtime.env.PATH);
  if (!go) {
    throw new GantryError(`Trivy ${TRIVY_VERSION} is not installed and there is no Go toolchain to build it`, {
      remedy: `put trivy ${TRIVY_VERSION} on PATH or pass trivy-path, or install Go (1.25 or later) so Gantry can run \`go install ${TRIVY_MODULE}@v${TRIVY_VERSION}\`.`,
    });
  }
  const dir = join(destination, '..');
  await mkdir(dir, { recursive: true });
  // Build into a scratch directory and rename into place: an interrupted build never leaves a binary to trust.
  const scratch = await mkdtemp(join(dir, '.build-'));
  try {
    await runtime.group(`Installing Trivy ${TRIVY_VERSION} with go install (several minutes on a small runner)`, async () => {
      const run = await execTool(
        go,
        ['install', '-trimpath', '-ldflags', `-s -w -X ${VERSION_LDFLAG}=${TRIVY_VERSION}`, `${TRIVY_MODULE}@v${TRIVY_VERSION}`],
        {
          cwd: scratch,
          env: goInstallEnv(runtime.env, scratch),
          timeoutMs: INSTALL_TIMEOUT_MS,
          onStderrLine: (line) => runtime.debug(line),
          onHeartbeat: (ms) => runtime.info(`still building Trivy (${Math.round(ms / 1000)}s)`),
        },
      );
      if (run.timedOut) throw new GantryError(`go install of Trivy ${TRIVY_VERSION} did not finish within ${INSTALL_TIMEOUT_MS / 60_000} minutes`);
      if (run.code !== 0) {
        const tail = run.stderr.split('\n').filter((l) => l && !l.startsWith('go: downloading')).slice(-15).join('\n');
        throw new GantryError(`go install ${TRIVY_MODULE}@v${TRIVY_VERSION} failed:\n${tail}`, {
          remedy: 'the Go module proxy (GOPROXY) and checksum database must be reachable, and Go new enough for Trivy\'s go directive.',
        });
      }
      runtime.info(`built Trivy ${TRIVY_VERSION} in ${Math.round(run.elapsedMs / 1000)}s`);
    });
    await rename(join(scratch, 'trivy'), destination);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  const version = await trivyVersionOf(destination, runtime.env);
  if (version !== TRIVY_VERSION) throw new GantryError(`the Trivy just built reports version ${version ?? '(none)'}, not ${TRIVY_VERSION}`);
}

/**
 * The build's environment: the runner's, with everything that could change what is built or skip verification
 * put back to Go's defaults, so the module proxy's checksum database vouches for every module.
 */
export function goInstallEnv(env: Readonly<Record<string, string | undefined>>, gobin: string): Record<string, string | undefined> {
  const gosumdb = env.GOSUMDB && env.GOSUMDB !== 'off' ? env.GOSUMDB : undefined;
  return {
    ...env,
    GOBIN: gobin,
    GOTOOLCHAIN: 'local',
    CGO_ENABLED: '0',
    // Trivy imports encoding/json/v2, still behind this experiment in Go 1.25 and 1.26.
    GOEXPERIMENT: 'jsonv2',
    GOFLAGS: '',
    GOWORK: 'off',
    GOSUMDB: gosumdb,
    GONOSUMDB: undefined,
    GONOPROXY: undefined,
    GOPRIVATE: undefined,
    GOINSECURE: undefined,
  };
}

export async function findOnPath(name: string, path: string | undefined): Promise<string | undefined> {
  for (const dir of (path ?? '').split(delimiter).filter(Boolean)) {
    const file = join(dir, name);
    try {
      await access(file, constants.X_OK);
      return file;
    } catch {
      /* next */
    }
  }
  return undefined;
}
