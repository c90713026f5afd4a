import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GantryError } from '../model/errors.js';
import { runCommand } from './exec.js';
import { refOf, type BuildPlan, type Builder, type BuiltImage } from './plan.js';

export interface DockerOptions {
  /** Use the GitHub Actions cache (`type=gha`) for layers: only on GitHub, where the runner provides the cache service. */
  readonly ghaCache: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly log: (line: string) => void;
  readonly timeoutMs?: number;
}

/**
 * `docker buildx build`, writing the OCI archive that scan and push read, and loading a single-platform image into
 * the daemon as well (two exporters need buildx 0.13 or later; the GitHub runners have it). Provenance attestations
 * are off so that the archive holds the plain image manifest whose digest deploy stages pin.
 */
export function dockerBuildArgs(plan: BuildPlan, options: { ghaCache: boolean }): string[] {
  const args = ['buildx', 'build', '--file', plan.dockerfile];
  for (const [key, value] of plan.buildArgs) args.push('--build-arg', `${key}=${value}`);
  if (plan.target) args.push('--target', plan.target);
  if (plan.platforms.length > 0) args.push('--platform', plan.platforms.join(','));
  for (const [key, value] of Object.entries(plan.labels)) args.push('--label', `${key}=${value}`);
  for (const tag of plan.tags) args.push('--tag', refOf(plan, tag));
  args.push('--provenance=false');
  // rewrite-timestamp sets the layers' file times to SOURCE_DATE_EPOCH (given to buildx in its environment).
  args.push('--output', `type=oci,dest=${plan.archive}${plan.timestamp !== undefined ? ',rewrite-timestamp=true' : ''}`);
  if (plan.platforms.length <= 1) args.push('--load');
  if (options.ghaCache) args.push('--cache-from', 'type=gha', '--cache-to', 'type=gha,mode=max');
  args.push('--iidfile', join(plan.workDir, 'iid'), '--metadata-file', join(plan.workDir, 'metadata.json'), plan.context);
  return args;
}

export class DockerBuilder implements Builder {
  readonly name = 'docker' as const;

  constructor(private readonly options: DockerOptions) {}

  async build(plan: BuildPlan): Promise<BuiltImage> {
    const args = dockerBuildArgs(plan, this.options);
    this.options.log(`$ docker ${args.join(' ')}`);
    const env = plan.timestamp !== undefined ? { ...this.options.env, SOURCE_DATE_EPOCH: String(plan.timestamp) } : this.options.env;
    const result = await runCommand('docker', args, { cwd: plan.context, env, onLine: this.options.log, timeoutMs: this.options.timeoutMs });
    if (result.code !== 0) {
      throw new GantryError(`docker buildx build failed (exit ${result.code}): ${result.stderr.trim().split('\n').slice(-5).join('\n')}`, {
        remedy: /docker driver|type=gha|cache export/i.test(result.stderr)
          ? "the default 'docker' builder cannot write OCI archives or use the gha cache: create a docker-container builder first (docker/setup-buildx-action on GitHub, `docker buildx create --use` elsewhere)."
          : 'see the build log above.',
      });
    }
    const imageId = (await readFile(join(plan.workDir, 'iid'), 'utf8')).trim().replace(/^sha256:/, '');
    return { imageId, localRef: refOf(plan, plan.tags[0]!) };
  }
}

/** A Docker engine answers: `docker info` succeeds within a few seconds. */
export async function dockerDaemonAnswers(env: Readonly<Record<string, string | undefined>>): Promise<boolean> {
  try {
    const result = await runCommand('docker', ['info', '--format', '{{.ServerVersion}}'], { env, timeoutMs: 15_000 });
    return result.code === 0 && result.stdout.trim() !== '';
  } catch {
    return false;
  }
}
