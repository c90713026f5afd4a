import { mkdtemp, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildahArchiveArgs, buildahBuildArgs } from '../../src/build/buildah.js';
import { dockerBuildArgs } from '../../src/build/docker.js';
import type { BuildPlan } from '../../src/build/plan.js';
import { InputError } from '../../src/model/errors.js';
import { parseInputs } from '../../src/model/stage.js';
import { CliRuntime } from '../../src/runtime/cli/runtime.js';
import { buildStage } from '../../src/stages/build.js';
import { inputErrorOf } from './support.js';


const plan: BuildPlan = {
  context: '/src/app',
  dockerfile: '/src/app/Dockerfile',
  buildArgs: [
    ['GO_VERSION', '1.22'],
    ['GREETING', 'a=b c'],
  ],
  target: 'runtime',
  platforms: ['linux/amd64'],
  labels: { 'org.opencontainers.image.revision': 'abc', 'team': 'core' },
  image: 'shop/prod/api',
  tags: ['sha-abc1234', 'build-9'],
  archive: '/out/api.oci.tar',
  workDir: '/tmp/w',
};

describe('build inputs', () => {
  it('applies defaults', () => {
    const input = parseInputs(buildStage, { image: 'shop/prod/api' });
    expect(input).toMatchObject({ context: '.', builder: 'auto', 'tag-latest': false, 'tag-sha': true, 'timeout-minutes': 60, tags: [], platforms: [] });
  });

  it('parses multi-line build args and labels, keeping = and spaces in values', () => {
    const input = parseInputs(buildStage, { image: 'app', 'build-args': 'A=1\n\n  B = x=y z \n', labels: 'team=core\norg.example/owner=me' });
    expect(input['build-args']).toEqual([
      ['A', '1'],
      ['B', 'x=y z'],
    ]);
    expect(input.labels).toEqual([
      ['team', 'core'],
      ['org.example/owner', 'me'],
    ]);
  });

  it.each([
    [{ image: 'app', tags: 'v1,Latest' }, 'tags', /uppercase/],
    [{ image: 'app', tags: 'release 1' }, 'tags', /space/],
    [{ image: 'Shop/API' }, 'image', /image name/],
    [{ image: 'shop//api' }, 'image', /image name/],
    [{ image: 'shop/api:1.0' }, 'image', /tag or digest/],
    [{ image: 'app', 'build-args': 'no-equals-sign' }, 'build-args', /KEY=value/],
    [{ image: 'app', platforms: 'amd64' }, 'platforms', /linux\/amd64/],
    [{ image: 'app', builder: 'kaniko' }, 'builder', /auto, docker or buildah/],
    [{ image: 'app', 'tag-latest': 'yes' }, 'tag-latest', /must be true or false/],
    [{ image: 'app', sha: 'not-hex' }, 'sha', /sha/],
    [{ image: 'app', 'oci-archive': '/tmp/a:b.tar' }, 'oci-archive', /':'/],
  ])('refuses %o naming %s', (raw, input, message) => {
    const error = inputErrorOf(buildStage, raw);
    expect(error.input).toBe(input);
    expect(error.message).toMatch(message);
  });

  it('accepts registry-qualified names', () => {
    for (const image of ['127.0.0.1:5000/gantry/dev/app', 'localhost/app', '123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/prod/api', 'a__b/c-d.e']) {
      expect(parseInputs(buildStage, { image }).image).toBe(image);
    }
  });

  it('refuses a missing Dockerfile, naming the input, before building anything', async () => {
    const context = await mkdtemp(join(tmpdir(), 'gantry-build-test-'));
    const archive = join(context, 'out', 'image.tar');
    const runtime = new CliRuntime({ env: {}, write: () => undefined });
    const run = buildStage.run(parseInputs(buildStage, { image: 'app', context, 'oci-archive': archive }), runtime);
    await expect(run).rejects.toThrow(InputError);
    await expect(run).rejects.toThrow(/input 'dockerfile': .*Dockerfile does not exist/);
    await mkdir(join(context, 'sub'));
    await writeFile(join(context, 'sub', 'Containerfile'), 'FROM scratch\n');
    await expect(buildStage.run(parseInputs(buildStage, { image: 'app', context, dockerfile: 'sub/Dockerfile' }), runtime)).rejects.toThrow(/input 'dockerfile'/);
    await expect(buildStage.run(parseInputs(buildStage, { image: 'app', context: join(context, 'missing') }), runtime)).rejects.toThrow(/input 'context'/);
  });
});

describe('buildah command', () => {
  it('builds with chroot isolation, every option as its own argument, and tags each tag', () => {
    expect(buildahBuildArgs(plan)).toEqual([
      'build', '--isolation', 'chroot', '--format', 'oci', '--file', '/src/app/Dockerfile',
      '--build-arg', 'GO_VERSION=1.22', '--build-arg', 'GREETING=a=b c',
      '--target', 'runtime',
      '--platform', 'linux/amd64',
      '--label', 'org.opencontainers.image.revision=abc', '--label', 'team=core',
      '--tag', 'shop/prod/api:sha-abc1234', '--tag', 'shop/prod/api:build-9',
      '--iidfile', '/tmp/w/iid', '/src/app',
    ]);
  });

  it('puts the storage driver before the subcommand, as a global flag', () => {
    expect(buildahBuildArgs(plan, 'vfs').slice(0, 3)).toEqual(['--storage-driver', 'vfs', 'build']);
    expect(buildahArchiveArgs(plan, 'abc123', 'vfs')).toEqual(['--storage-driver', 'vfs', 'push', 'abc123', 'oci-archive:/out/api.oci.tar:shop/prod/api:sha-abc1234']);
  });

  it('builds several platforms into a manifest list and archives the whole list', () => {
    const multi = { ...plan, platforms: ['linux/amd64', 'linux/arm64'] };
    const args = buildahBuildArgs(multi);
    expect(args).toContain('--manifest');
    expect(args).not.toContain('--tag');
    expect(args).not.toContain('--iidfile');
    expect(args[args.indexOf('--platform') + 1]).toBe('linux/amd64,linux/arm64');
    expect(buildahArchiveArgs(multi, 'id')).toEqual(['manifest', 'push', '--all', 'shop/prod/api:sha-abc1234', 'oci-archive:/out/api.oci.tar:shop/prod/api:sha-abc1234']);
  });
});

describe('docker buildx command', () => {
  it('writes the OCI archive, loads a single-platform image, and pins no attestations', () => {
    const args = dockerBuildArgs(plan, { ghaCache: false });
    expect(args.slice(0, 4)).toEqual(['buildx', 'build', '--file', '/src/app/Dockerfile']);
    expect(args).toEqual(expect.arrayContaining(['--output', 'type=oci,dest=/out/api.oci.tar', '--load', '--provenance=false']));
    expect(args).toEqual(expect.arrayContaining(['--tag', 'shop/prod/api:sha-abc1234', '--build-arg', 'GREETING=a=b c', '--target', 'runtime']));
    expect(args).not.toContain('--cache-from');
    expect(args.at(-1)).toBe('/src/app');
  });

  it('uses the GitHub Actions cache when asked', () => {
    const args = dockerBuildArgs(plan, { ghaCache: true });
    expect(args[args.indexOf('--cache-from') + 1]).toBe('type=gha');
    expect(args[args.indexOf('--cache-to') + 1]).toBe('type=gha,mode=max');
  });

  it('rewrites the layers\' file times to the build\'s fixed time, for a reproducible image', () => {
    const args = dockerBuildArgs({ ...plan, timestamp: 1_767_323_045 }, { ghaCache: false });
    expect(args[args.indexOf('--output') + 1]).toBe('type=oci,dest=/out/api.oci.tar,rewrite-timestamp=true');
    expect(buildahBuildArgs({ ...plan, timestamp: 1_767_323_045 })).toEqual(expect.arrayContaining(['--timestamp', '1767323045']));
  });

  it('does not --load a multi-platform build (the daemon cannot hold a list)', () => {
    expect(dockerBuildArgs({ ...plan, platforms: ['linux/amd64', 'linux/arm64'] }, { ghaCache: false })).not.toContain('--load');
  });
});
