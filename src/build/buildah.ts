import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GantryError } from '../model/errors.js';
import { runCommand } from './exec.js';
import { refOf, type BuildPlan, type Builder, type BuiltImage } from './plan.js';

export interface BuildahOptions {
  /** `overlay`, `vfs`…; undefined keeps buildah's configured driver. */
  readonly storageDriver?: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly log: (line: string) => void;
  readonly timeoutMs?: number;
}

/** Global flags go before the subcommand; they replace what would otherwise be edited into /etc/containers. */
function globalArgs(storageDriver: string | undefined): string[] {
  return storageDriver ? ['--storage-driver', storageDriver] : [];
}

/**
 * `buildah build` with chroot isolation: no daemon, no user namespaces needed when root, and enough for Dockerfiles
 * whose RUN steps need no network namespace of their own. Several platforms build a manifest list.
 */
export function buildahBuildArgs(plan: BuildPlan, storageDriver?: string): string[] {
  const args = [...globalArgs(storageDriver), 'build', '--isolation', 'chroot', '--format', 'oci', '--file', plan.dockerfile];
  for (const [key, value] of plan.buildArgs) args.push('--build-arg', `${key}=${value}`);
  if (plan.target) args.push('--target', plan.target);
  if (plan.platforms.length > 0) args.push('--platform', plan.platforms.join(','));
  for (const [key, value] of Object.entries(plan.labels)) args.push('--label', `${key}=${value}`);
  if (plan.timestamp !== undefined) args.push('--timestamp', String(plan.timestamp));
  // A list has no single image id, and buildah refuses --iidfile for it.
  if (plan.platforms.length > 1) args.push('--manifest', refOf(plan, plan.tags[0]!));
  else {
    for (const tag of plan.tags) args.push('--tag', refOf(plan, tag));
    args.push('--iidfile', join(plan.workDir, 'iid'));
  }
  args.push(plan.context);
  return args;
}

/** Writes the image (or, for several platforms, the whole manifest list) to an OCI archive. */
export function buildahArchiveArgs(plan: BuildPlan, imageId: string, storageDriver?: string): string[] {
  const destination = `oci-archive:${plan.archive}:${refOf(plan, plan.tags[0]!)}`;
  return plan.platforms.length > 1
    ? [...globalArgs(storageDriver), 'manifest', 'push', '--all', refOf(plan, plan.tags[0]!), destination]
    : [...globalArgs(storageDriver), 'push', imageId, destination];
}

export class BuildahBuilder implements Builder {
  readonly name = 'buildah' as const;

  constructor(private readonly options: BuildahOptions) {}

  async build(plan: BuildPlan): Promise<BuiltImage> {
    const { env, log, storageDriver } = this.options;
    const run = async (args: string[], what: string) => {
      log(`$ buildah ${args.join(' ')}`);
      const result = await runCommand('buildah', args, { cwd: plan.context, env, onLine: log, timeoutMs: this.options.timeoutMs });
      if (result.code !== 0) {
        throw new GantryError(`buildah ${what} failed (exit ${result.code}): ${lastLines(result.stderr || result.stdout)}`, {
          remedy: /overlay|mount/i.test(result.stderr)
            ? 'the overlay storage driver is unusable here: set the storage-driver input to vfs.'
            : 'see the build log above.',
        });
      }
      return result;
    };
    const localRef = refOf(plan, plan.tags[0]!);
    if (plan.platforms.length > 1) {
      // `build --manifest` adds to an existing list of that name (and fails on a plain image of that name): drop the
      // name first so the list holds this build only. Untagging is all rmi does when other names share the image.
      await runCommand('buildah', [...globalArgs(storageDriver), 'manifest', 'rm', localRef], { env, timeoutMs: 60_000 });
      await runCommand('buildah', [...globalArgs(storageDriver), 'rmi', localRef], { env, timeoutMs: 60_000 });
      await run(buildahBuildArgs(plan, storageDriver), 'build');
      await run(buildahArchiveArgs(plan, localRef, storageDriver), 'push to the OCI archive');
      return { localRef };
    }
    await run(buildahBuildArgs(plan, storageDriver), 'build');
    const imageId = (await readFile(join(plan.workDir, 'iid'), 'utf8')).trim().replace(/^sha256:/, '');
    await run(buildahArchiveArgs(plan, imageId, storageDriver), 'push to the OCI archive');
    return { imageId, localRef };
  }
}

/** Picks the storage driver: the one asked for, else buildah's own if it works here, else vfs (always works, slower). */
export async function resolveStorageDriver(requested: string | undefined, env: Readonly<Record<string, string | undefined>>, log: (line: string) => void) {
  if (requested) return requested;
  const probe = await runCommand('buildah', ['info', '--format', '{{.store.GraphDriverName}}'], { env, timeoutMs: 30_000 });
  if (probe.code === 0) return undefined;
  log(`buildah's configured storage is unusable here (${lastLines(probe.stderr)}); using the vfs driver`);
  return 'vfs';
}

function lastLines(text: string, count = 5): string {
  return text.trim().split('\n').slice(-count).join('\n');
}
