import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile, access } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gitopsRepoOf, registryOf, type LocalStackConfig } from './config.js';

const exec = promisify(execFile);
const GIT_IDENTITY = ['-c', 'user.name=Gantry local', '-c', 'user.email=gantry@localhost'];

/** The GitOps peer: a bare repository holding a kustomize overlay per environment, as Argo CD or Flux would watch. */
export async function ensureGitopsRepo(config: LocalStackConfig): Promise<string> {
  const bare = gitopsRepoOf(config);
  if (await exists(join(bare, 'HEAD'))) return bare;
  await exec('git', ['init', '--quiet', '--bare', '--initial-branch=main', bare]);
  const work = await mkdtemp(join(tmpdir(), 'gantry-gitops-'));
  try {
    await exec('git', ['clone', '--quiet', bare, work]);
    for (const env of ['staging', 'production']) {
      const dir = join(work, 'apps', 'example', 'overlays', env);
      await mkdir(dir, { recursive: true });
      await writeFile(
        join(dir, 'kustomization.yaml'),
        [
          '# Example service, ' + env + ' overlay. The image below is set by the gitops-bump stage.',
          'apiVersion: kustomize.config.k8s.io/v1beta1',
          'kind: Kustomization',
          'resources:',
          '  - ../../base',
          'images:',
          '  - name: example-app # the name used in the base manifests',
          `    newName: ${registryOf(config)}/gantry/${env}/example-app`,
          '    newTag: "initial"',
          '',
        ].join('\n'),
      );
    }
    await exec('git', ['-C', work, 'add', '.']);
    await exec('git', ['-C', work, ...GIT_IDENTITY, 'commit', '--quiet', '-m', 'Initial overlays']);
    await exec('git', ['-C', work, 'push', '--quiet', 'origin', 'main']);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return bare;
}

/** A real check: the repository answers `git ls-remote` with its main branch. */
export async function checkGitopsRepo(config: LocalStackConfig): Promise<string> {
  const { stdout } = await exec('git', ['ls-remote', gitopsRepoOf(config), 'refs/heads/main'], { timeout: 5_000 });
  const sha = stdout.split(/\s/)[0];
  if (!sha) throw new Error('no main branch');
  return `${gitopsRepoOf(config)} (main at ${sha.slice(0, 12)})`;
}

async function exists(path: string) {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
