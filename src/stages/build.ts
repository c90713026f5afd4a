import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { BuildahBuilder, resolveStorageDriver } from '../build/buildah.js';
import { DockerBuilder, dockerDaemonAnswers } from '../build/docker.js';
import { browsableUrl, gitFacts } from '../build/git.js';
import type { Builder, BuildPlan } from '../build/plan.js';
import { deriveTags, shortSha, TagError } from '../build/tags.js';
import { GantryError, InputError } from '../model/errors.js';
import { booleanString, integerString } from '../model/inputs.js';
import { defineStage, input, type StageInput } from '../model/stage.js';
import * as z from '../model/zod.js';
import { openOciArchive } from '../oci/archive.js';
import { imageName, splitList, tagList } from '../oci/reference.js';
import type { Runtime } from '../model/runtime.js';


/** Multi-line `KEY=value` (build args, labels): one pair a line, blank lines ignored, the value may hold `=`. */
function keyValueLines(keyPattern: RegExp, what: string) {
  return z.pipe(
    z.optional(z.string()),
    z.transform((text, ctx) => {
      const pairs: [string, string][] = [];
      for (const line of (text ?? '').split('\n').map((l) => l.trim()).filter(Boolean)) {
        const eq = line.indexOf('=');
        const key = eq > 0 ? line.slice(0, eq).trim() : '';
        if (!keyPattern.test(key)) {
          ctx.issues.push({ code: 'custom', input: text, message: `'${line}' is not ${what}=value` });
          return z.NEVER;
        }
        pairs.push([key, line.slice(eq + 1).trim()]);
      }
      return pairs;
    }),
  );
}

const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?$/;

const inputs = {
  context: input(z.string().check(z.minLength(1)), { description: 'Build context directory.', default: '.' }),
  dockerfile: input(z.optional(z.string().check(z.minLength(1))), { description: 'Dockerfile path; default <context>/Dockerfile.' }),
  image: input(imageName, { description: 'Image name without tag, e.g. shop/prod/api.' }),
  'build-args': input(keyValueLines(/^[A-Za-z_][A-Za-z0-9_]*$/, 'KEY'), { description: 'Build arguments, one KEY=value per line.' }),
  target: input(
    z.optional(z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'must be the name of a stage in the Dockerfile'))),
    { description: 'Dockerfile stage to build (multi-stage builds).' },
  ),
  platforms: input(
    z
      .pipe(z.optional(z.string()), z.transform((value) => splitList(value)))
      .check(z.refine((list) => list.every((p) => PLATFORM.test(p)), 'must be platforms such as linux/amd64,linux/arm64')),
    { description: "Target platforms, comma-separated (linux/amd64,linux/arm64); default the runner's." },
  ),
  labels: input(keyValueLines(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, 'a label key'), {
    description: 'Extra image labels, one key=value per line; they override the OCI labels Gantry sets.',
  }),
  tags: input(tagList, { description: 'Extra tags, comma- or newline-separated (lowercase).' }),
  'tag-latest': input(booleanString, { description: "Also tag 'latest' (true/false).", default: 'false' }),
  'tag-sha': input(booleanString, { description: 'Tag sha-<short commit sha> (true/false).', default: 'true' }),
  sha: input(
    z.optional(z.string().check(z.regex(/^[0-9a-fA-F]{7,64}$/, 'must be a git commit sha (hex)'))),
    { description: "Commit being built; default the run's commit, else the context's git HEAD." },
  ),
  'build-number': input(
    z.optional(z.string().check(z.regex(/^\d{1,10}$/, 'must be a whole number'))),
    { description: 'Run number for the build-<n> tag; default the GitHub run number or Jenkins BUILD_NUMBER.' },
  ),
  'source-date-epoch': input(z.optional(integerString(0, 4_102_444_800)), {
    description:
      "Seconds since the epoch recorded as the image's creation time and on its layers' files, so the same commit builds the same digest; default the commit time of the context's git HEAD, else now.",
    env: ['SOURCE_DATE_EPOCH'],
  }),
  builder: input(z.enum(['auto', 'docker', 'buildah'], { message: 'must be auto, docker or buildah' }), {
    description: 'auto (Docker Buildx if a daemon answers, else buildah), docker or buildah.',
    default: 'auto',
  }),
  'storage-driver': input(z.optional(z.enum(['overlay', 'vfs'], { message: 'must be overlay or vfs' })), {
    description: "buildah storage driver (overlay or vfs); default buildah's own, vfs if that is unusable.",
  }),
  'oci-archive': input(
    z.optional(z.string().check(z.refine((path) => !path.includes(':'), "must be a path without ':' (buildah reads ':' as a separator)"))),
    { description: 'Where to write the OCI archive of the image; default .gantry/build/<image>.oci.tar.' },
  ),
  'timeout-minutes': input(integerString(1, 360), { description: 'Bound on the build.', default: '60' }),
};

type BuildInput = StageInput<typeof inputs>;

/**
 * Builds a container image from a Dockerfile with Docker Buildx where a daemon answers and buildah (no daemon)
 * otherwise, tags it from the commit, the run number and any version tag, and writes it to an OCI archive that the
 * scan and push stages read directly, so no later step needs a daemon either.
 */
export const buildStage = defineStage({
  name: 'build',
  description: 'Build a container image (Docker Buildx or buildah), tag it from the commit, run number and version, and write an OCI archive.',
  inputs,
  outputs: {
    'image-id': { description: 'Local image id (config digest, hex); for several platforms, the manifest list digest (hex).' },
    'local-ref': { description: 'Local reference of the image (<image>:<first tag>).' },
    tags: { description: 'Every tag given to the image, comma-separated.' },
    'oci-archive': { description: 'Absolute path of the OCI archive holding the image, for scan and push.' },
    digest: { description: 'Manifest digest (sha256:…) of the image in the archive; push keeps it.' },
    version: { description: 'Semantic version from a v* git tag on the commit, if any.' },
  },
  run: build,
});

async function build(input: BuildInput, runtime: Runtime) {
  const context = resolve(input.context);
  if (!(await isDirectory(context))) throw new InputError('context', `${context} is not a directory`);
  const dockerfile = resolve(context, input.dockerfile ?? 'Dockerfile');
  if (!(await isFile(dockerfile))) throw new InputError('dockerfile', `${dockerfile} does not exist`);

  const git = await gitFacts(context, runtime.env);
  const sha = input.sha ?? runtime.run.sha ?? git.sha;
  let derived;
  try {
    derived = deriveTags({
      sha,
      shaTag: input['tag-sha'],
      runNumber: input['build-number'] ?? runtime.run.runNumber,
      gitTags: git.versionTags,
      latest: input['tag-latest'],
      extra: input.tags,
    });
  } catch (error) {
    if (error instanceof TagError) throw new InputError(error.source === 'git tag' ? 'tags' : error.source, error.message);
    throw error;
  }
  if (derived.tags.length === 0) {
    throw new InputError('tags', 'no tag could be derived (no commit sha, run number or version tag): give tags, sha or build-number');
  }

  // A fixed time makes the build reproducible: a re-run of the same commit pushes nothing new and deploys nothing.
  const timestamp = input['source-date-epoch'] ?? git.commitTime;
  const source = runtime.run.repository && runtime.run.serverUrl ? `${runtime.run.serverUrl}/${runtime.run.repository}` : git.remoteUrl && browsableUrl(git.remoteUrl);
  const labels: Record<string, string> = {
    'org.opencontainers.image.created': new Date((timestamp ?? Math.floor(Date.now() / 1000)) * 1000).toISOString(),
    ...(source ? { 'org.opencontainers.image.source': source } : {}),
    ...(sha ? { 'org.opencontainers.image.revision': sha } : {}),
    'org.opencontainers.image.version': derived.version ?? (sha ? `sha-${shortSha(sha)}` : derived.tags[0]!),
    ...Object.fromEntries(input.labels),
  };

  const archive = resolve(input['oci-archive'] ?? join('.gantry', 'build', `${input.image.replace(/[^a-z0-9._-]+/g, '_')}.oci.tar`));
  await mkdir(dirname(archive), { recursive: true });
  await rm(archive, { force: true });
  const workDir = await mkdtemp(join(tmpdir(), 'gantry-build-'));
  const plan: BuildPlan = {
    context,
    dockerfile,
    buildArgs: input['build-args'],
    target: input.target,
    platforms: input.platforms,
    labels,
    timestamp,
    image: input.image,
    tags: derived.tags,
    archive,
    workDir,
  };

  try {
    const builder = await chooseBuilder(input, runtime);
    runtime.info(`Building ${input.image} with ${builder.name}: tags ${derived.tags.join(', ')}`);
    const built = await runtime.group(`${builder.name} build ${input.image}`, () => builder.build(plan));
    const image = await openOciArchive(archive);
    // A manifest list has no image id; its digest identifies it.
    const imageId = built.imageId ?? image.root.digest.replace(/^sha256:/, '');
    runtime.info(`Built ${built.localRef} (image id ${imageId.slice(0, 12)}, digest ${image.root.digest}) → ${archive}`);
    await runtime.appendSummary(
      [`### Image built: \`${input.image}\``, '', `| | |`, `|---|---|`, `| digest | \`${image.root.digest}\` |`, `| tags | ${derived.tags.map((t) => `\`${t}\``).join(' ')} |`, `| builder | ${builder.name} |`, ''].join('\n'),
    );
    return {
      'image-id': imageId,
      'local-ref': built.localRef,
      tags: derived.tags.join(','),
      'oci-archive': archive,
      digest: image.root.digest,
      version: derived.version ?? '',
    };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

async function chooseBuilder(input: BuildInput, runtime: Runtime): Promise<Builder> {
  const timeoutMs = input['timeout-minutes'] * 60_000;
  const log = (line: string) => runtime.info(line);
  const useDocker = input.builder === 'docker' || (input.builder === 'auto' && (await dockerDaemonAnswers(runtime.env)));
  if (useDocker) {
    // The gha cache backend exists only inside GitHub Actions jobs.
    const ghaCache = runtime.name === 'github' && Boolean(runtime.env.ACTIONS_RUNTIME_TOKEN);
    return new DockerBuilder({ ghaCache, env: runtime.env, log, timeoutMs });
  }
  if (input.builder === 'auto') runtime.info('No Docker daemon answers: building with buildah');
  if (input.platforms.length > 1) runtime.info(`Building ${input.platforms.length} platforms into one manifest list`);
  const storageDriver = await resolveStorageDriver(input['storage-driver'], runtime.env, log).catch((error: unknown) => {
    throw error instanceof GantryError ? error : new GantryError(`buildah cannot run: ${(error as Error).message}`);
  });
  return new BuildahBuilder({ storageDriver, env: runtime.env, log, timeoutMs });
}

async function isDirectory(path: string) {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
}

async function isFile(path: string) {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}

/** The summary is a courtesy: failing to write it must not fail the stage. */