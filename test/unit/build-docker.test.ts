import { execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseInputs } from '../../src/model/stage.js';
import { CliRuntime } from '../../src/runtime/cli/runtime.js';
import type { Runtime } from '../../src/model/runtime.js';
import { buildStage } from '../../src/stages/build.js';

/**
 * This machine has no Docker engine, so the Docker path is exercised with a stand-in `docker` on PATH that answers
 * `docker info` like a daemon, records the buildx command line, and writes what buildx would: the id file and an OCI
 * archive. What is under test is the stage's side: detection, the command, and reading the result.
 */
let fakeBin: string;
let recorded: string;
let ociTar: string;
let configDigest: string;
let manifestDigest: string;

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gantry-fake-docker-'));
  fakeBin = join(dir, 'bin');
  recorded = join(dir, 'args');
  await mkdir(fakeBin);
  // A minimal valid OCI layout, tarred, standing in for buildx's type=oci output.
  const layout = join(dir, 'layout');
  await mkdir(join(layout, 'blobs', 'sha256'), { recursive: true });
  const { createHash } = await import('node:crypto');
  const put = async (data: string) => {
    const hex = createHash('sha256').update(data).digest('hex');
    await writeFile(join(layout, 'blobs', 'sha256', hex), data);
    return { digest: `sha256:${hex}`, size: Buffer.byteLength(data) };
  };
  const config = await put('{"architecture":"amd64","os":"linux"}');
  const layer = await put('layer');
  const manifest = await put(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config }, layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar', ...layer }] }));
  await writeFile(join(layout, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', ...manifest }] }));
  await writeFile(join(layout, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
  ociTar = join(dir, 'oci.tar');
  execFileSync('tar', ['-cf', ociTar, '-C', layout, '.']);
  await writeFile(
    join(fakeBin, 'docker'),
    `#!/bin/sh
if [ "$1" = info ]; then echo 28.0.0; exit 0; fi
if [ -n "$FAKE_DOCKER_ERROR" ]; then echo "ERROR: $FAKE_DOCKER_ERROR" >&2; exit 1; fi
printf '%s\\n' "$@" > "${recorded}"
# Find the values of --iidfile and --output (type=oci,dest=…), as buildx would write them.
prev=""
for a in "$@"; do
  [ "$prev" = --iidfile ] && echo "sha256:${config.digest.slice(7)}" > "$a"
  [ "$prev" = --output ] && cp "${ociTar}" "\${a#type=oci,dest=}"
  prev="$a"
done
echo "#1 building with fake buildx"
`,
  );
  await chmod(join(fakeBin, 'docker'), 0o755);
  configDigest = config.digest;
  manifestDigest = manifest.digest;
});

async function runBuild(runtimeName: 'cli' | 'github', env: Record<string, string> = {}) {
  await writeFile(recorded, '');
  const context = await mkdtemp(join(tmpdir(), 'gantry-docker-ctx-'));
  await writeFile(join(context, 'Dockerfile'), 'FROM scratch\n');
  const lines: string[] = [];
  const cli = new CliRuntime({ env: { PATH: `${fakeBin}:${process.env.PATH}`, ...env }, write: (line) => lines.push(line) });
  const runtime = (runtimeName === 'github' ? new Proxy(cli, { get: (target, key) => (key === 'name' ? 'github' : Reflect.get(target, key)) }) : cli) as Runtime;
  const input = parseInputs(buildStage, { context, image: 'shop/api', sha: 'abcdef1234567', 'build-number': '5', 'oci-archive': join(context, 'out.tar') });
  const outputs = await buildStage.run(input, runtime);
  return { outputs, lines, args: (await readFile(recorded, 'utf8')).trim().split('\n'), context };
}

describe('build stage with a Docker daemon', () => {
  it('picks Docker Buildx when docker info answers, and reads the OCI archive it wrote', async () => {
    const { outputs, args, lines, context } = await runBuild('cli');
    expect(lines.join('\n')).toContain('Building shop/api with docker: tags sha-abcdef1, build-5');
    expect(args.slice(0, 2)).toEqual(['buildx', 'build']);
    expect(args).toEqual(expect.arrayContaining(['--tag', 'shop/api:sha-abcdef1', '--tag', 'shop/api:build-5', '--load', `type=oci,dest=${join(context, 'out.tar')}`]));
    expect(args).not.toContain('--cache-from');
    expect(outputs).toMatchObject({
      'image-id': configDigest.slice(7),
      'local-ref': 'shop/api:sha-abcdef1',
      digest: manifestDigest,
      tags: 'sha-abcdef1,build-5',
    });
  });

  it('uses the gha cache on GitHub, where the runner provides the cache service', async () => {
    const { args } = await runBuild('github', { ACTIONS_RUNTIME_TOKEN: 'token-value' });
    expect(args[args.indexOf('--cache-from') + 1]).toBe('type=gha');
    expect(args[args.indexOf('--cache-to') + 1]).toBe('type=gha,mode=max');
  });

  it('explains that the default docker driver cannot write the OCI archive', async () => {
    const run = runBuild('cli', { FAKE_DOCKER_ERROR: 'OCI exporter is not supported for the docker driver.' });
    await expect(run).rejects.toThrow(/docker buildx build failed \(exit 1\): ERROR: OCI exporter is not supported for the docker driver/);
    await expect(runBuild('cli', { FAKE_DOCKER_ERROR: 'OCI exporter is not supported for the docker driver.' })).rejects.toMatchObject({
      remedy: expect.stringContaining('docker-container builder'),
    });
  });
});
