import { ECRClient } from '@aws-sdk/client-ecr';
import { createAwsClient } from '../aws/clients.js';
import { GantryError, InputError } from '../model/errors.js';
import { awsRegion, booleanString, integerString } from '../model/inputs.js';
import { defineStage, input, type StageInput } from '../model/stage.js';
import * as z from '../model/zod.js';
import { openOciArchive } from '../oci/archive.js';
import { ecrDigestOfTag, ecrEndpointOf, ecrLogin, ecrRecordImage, ensureRepository } from '../oci/ecr.js';
import { formatBytes } from '../model/format.js';
import { pushArchive } from '../oci/push.js';
import { ecrRepositoryName, registryEndpoint, tagList, tagProblem } from '../oci/reference.js';
import { RegistryClient } from '../oci/registry.js';
import { referrersTag } from '../oci/referrers.js';
import { attachSbom, readSbom } from '../sbom/artifact.js';
import type { Runtime } from '../model/runtime.js';

const inputs = {
  'aws-region': input(awsRegion, { description: 'AWS region of the repository.', env: ['AWS_REGION', 'AWS_DEFAULT_REGION'] }),
  repository: input(ecrRepositoryName, { description: 'ECR repository name, e.g. shop/prod/api.' }),
  'oci-archive': input(z.string().check(z.minLength(1)), { description: 'OCI archive of the image (the oci-archive output of build).' }),
  tags: input(tagList, { description: "Tags to push, comma- or newline-separated (build's tags output); default the tag recorded in the archive." }),
  registry: input(z.optional(registryEndpoint), {
    description:
      "Registry that receives the blobs and manifests, host[:port] or http(s)://host[:port]; default the ECR endpoint from GetAuthorizationToken. Plain http only for loopback. When it differs from ECR's, the manifest is also recorded in ECR with PutImage. The CLI reads GANTRY_REGISTRY, which `gantry local env` sets to the local stack's registry.",
  }),
  'scan-on-push': input(z.optional(booleanString), {
    description: 'Scan images on push (true/false). A new repository gets true when unset; an existing one is changed only when this is set.',
  }),
  'tag-immutability': input(z.optional(booleanString), {
    description:
      'Make tags immutable (true/false); a tag that already names another image is then refused. A new repository is mutable when unset; an existing one is changed only when this is set.',
  }),
  encryption: input(z.enum(['AES256', 'KMS'], { message: 'must be AES256 or KMS' }), {
    description: 'Repository encryption at creation: AES256 or KMS.',
    default: 'AES256',
  }),
  'kms-key': input(
    z.optional(
      z
        .string()
        .check(z.regex(/^(arn:aws[\w-]*:kms:[\w-]+:\d{12}:(key|alias)\/[\w/-]+|[\w-]{36}|alias\/[\w/-]+)$/, 'must be a KMS key id, alias or ARN')),
    ),
    { description: 'KMS key for encryption KMS; default the AWS managed key.' },
  ),
  'keep-last': input(integerString(1, 10_000), { description: 'Lifecycle: number of tagged images to keep.', default: '10' }),
  'sbom-file': input(z.optional(z.string().check(z.minLength(1))), {
    description:
      "CycloneDX SBOM (JSON) to attach to the image as an OCI 1.1 artifact whose subject is the image (the scan stage's sbom-file output): found through the registry's referrers API, or the referrers tag sha256-<hex> where the registry has no such API.",
  }),
  'expire-untagged-days': input(integerString(0, 3650), {
    description: 'Lifecycle: expire untagged images after this many days (0: never).',
    default: '7',
  }),
};

type PushInput = StageInput<typeof inputs>;

/**
 * Pushes the image in the build stage's OCI archive to ECR: makes sure the repository exists with the scanning,
 * tag mutability, encryption and lifecycle settings asked for, logs in with GetAuthorizationToken (password masked,
 * never on a command line), and uploads over the OCI distribution API only the blobs the registry lacks.
 */
export const pushStage = defineStage({
  name: 'push',
  description: 'Push the built image to ECR (repository created and configured as needed), skipping blobs and tags already there.',
  inputs,
  outputs: {
    image: { description: 'The pushed image by digest: <registry>/<repository>@sha256:…, what deploy stages deploy.' },
    digest: { description: 'Manifest digest (sha256:…).' },
    tags: { description: 'Tags that point at the image, comma-separated.' },
    registry: { description: 'Registry host the image was pushed to.' },
    'repository-uri': { description: "The repository's URI in ECR." },
    sbom: { description: 'Digest of the attached SBOM artifact (sha256:…); empty without sbom-file.' },
  },
  run: push,
});

async function push(input: PushInput, runtime: Runtime) {
  if (input['kms-key'] && input.encryption !== 'KMS') throw new InputError('kms-key', 'is only used with encryption KMS');
  const archive = await openOciArchive(input['oci-archive']).catch((error: unknown) => {
    throw new InputError('oci-archive', (error as Error).message);
  });
  const sbom = input['sbom-file'] ? await readSbom(input['sbom-file']) : undefined;
  const archiveTag = archive.refName?.includes(':') ? archive.refName.slice(archive.refName.lastIndexOf(':') + 1) : undefined;
  const tags = input.tags.length > 0 ? input.tags : archiveTag && !tagProblem(archiveTag) ? [archiveTag] : [];
  if (tags.length === 0) throw new InputError('tags', 'no tag given and the archive records none');
  const digest = archive.root.digest;
  const size = archive.blobs.reduce((sum, blob) => sum + blob.size, 0);
  runtime.info(`Image ${digest}: ${archive.blobs.length} blobs, ${formatBytes(size)}; tags ${tags.join(', ')}`);

  const ecr = createAwsClient(ECRClient, { region: input['aws-region'] });
  const repository = await runtime.group(`ECR repository ${input.repository}`, () =>
    ensureRepository(
      ecr,
      {
        name: input.repository,
        scanOnPush: input['scan-on-push'],
        immutableTags: input['tag-immutability'],
        encryption: input.encryption,
        kmsKey: input['kms-key'],
        keepLast: input['keep-last'],
        expireUntaggedDays: input['expire-untagged-days'],
      },
      runtime,
    ),
  );

  const login = await ecrLogin(ecr, (secret) => runtime.setSecret(secret));
  const ecrEndpoint = ecrEndpointOf(login);
  const endpoint = input.registry ?? ecrEndpoint;
  const separateRegistry = endpoint.host !== ecrEndpoint.host;
  runtime.info(`Pushing to ${endpoint.scheme}://${endpoint.host}/${input.repository}${separateRegistry ? ' (recording the image in ECR as well)' : ''}`);
  const client = new RegistryClient({ endpoint, repository: input.repository, credentials: login.credentials, log: (line) => runtime.info(line) });

  // An immutable tag that already names another image would fail halfway through; refuse before uploading anything.
  if (repository.imageTagMutability?.startsWith('IMMUTABLE')) {
    for (const tag of tags) {
      const existing = (await ecrDigestOfTag(ecr, input.repository, tag)) ?? (await client.manifestDigest(tag));
      if (existing && existing !== digest) {
        throw new GantryError(`tag '${tag}' of repository '${input.repository}' is immutable and already points at ${existing}, not at ${digest}`, {
          remedy: 'push under a new tag (a version or sha tag), or make the repository mutable with tag-immutability false.',
        });
      }
    }
  }

  const result = await runtime.group(`push ${input.repository}@${digest}`, () => pushArchive(archive, client, tags, (line) => runtime.info(line)));
  if (separateRegistry) {
    for (const tag of tags) await ecrRecordImage(ecr, input.repository, tag, archive.root.bytes, archive.root.mediaType, digest);
  }
  let sbomDigest = '';
  if (sbom) {
    const root = archive.root;
    const attached = await attachSbom(client, { mediaType: root.mediaType, digest: root.digest, size: root.bytes.length }, sbom);
    sbomDigest = attached.digest;
    runtime.info(`SBOM attached as ${attached.digest}, found through the ${attached.through === 'api' ? "registry's referrers API" : `referrers tag ${referrersTag(digest)}`}`);
  }
  const { stats } = client;
  runtime.info(
    `Pushed ${input.repository}@${digest}: ${stats.blobsUploaded} blobs uploaded (${formatBytes(stats.bytesUploaded)}), ${stats.blobsSkipped} already present; ` +
      `${tags.length - result.unchangedTags.length} tags set, ${result.unchangedTags.length} unchanged`,
  );
  const image = `${endpoint.host}/${input.repository}@${digest}`;
  await runtime.appendSummary(
    [`### Image pushed: \`${image}\``, '', `| tags | blobs uploaded | blobs present |`, `|---|---|---|`, `| ${tags.map((t) => `\`${t}\``).join(' ')} | ${stats.blobsUploaded} (${formatBytes(stats.bytesUploaded)}) | ${stats.blobsSkipped} |`, ''].join('\n'),
  );
  return { image, digest, tags: tags.join(','), registry: endpoint.host, 'repository-uri': repository.repositoryUri ?? `${ecrEndpoint.host}/${input.repository}`, sbom: sbomDigest };
}

/** The summary is a courtesy: failing to write it must not fail the stage. */