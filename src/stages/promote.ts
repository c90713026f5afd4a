import { ECRClient } from '@aws-sdk/client-ecr';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { callAws } from '../aws/errors.js';
import { createAwsClient } from '../aws/clients.js';
import { GantryError, InputError } from '../model/errors.js';
import { formatBytes } from '../model/format.js';
import { awsRegion, booleanString, iamRoleArn } from '../model/inputs.js';
import type { Runtime } from '../model/runtime.js';
import { defineStage, input, type StageInput } from '../model/stage.js';
import * as z from '../model/zod.js';
import { ecrEndpointOf, ecrLogin, ecrRecordImage } from '../oci/ecr.js';
import { imageReferenceInput, splitRegistry } from '../oci/image-reference.js';
import { ecrRepositoryName, parseRegistry, registryEndpoint, tagList } from '../oci/reference.js';
import { RegistryClient } from '../oci/registry.js';
import { checkPromotion, type Promotion } from '../promote/checks.js';
import { ImageCopier } from '../promote/copy.js';
import { loadVerificationKey } from '../signing/access.js';
import { keyReferenceInput, REQUIRE_SIGNATURE } from '../signing/require.js';
import { deriveSessionName } from './auth.js';

const inputs = {
  'aws-region': input(awsRegion, { description: 'AWS region of the source repository (and of the target, unless target-region says otherwise).', env: ['AWS_REGION', 'AWS_DEFAULT_REGION'] }),
  'source-image': input(
    imageReferenceInput().check(
      z.refine((reference) => reference.digest !== undefined, {
        message: 'must name the image by digest ([registry/]repository@sha256:<64 hex digits>), the bytes that were tested; a tag can move',
      }),
    ),
    { description: "The image to promote, by digest: the image output of the source environment's push or promote, e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/staging/api@sha256:…. Without a registry host, the ECR registry of the job's account." },
  ),
  'target-repository': input(ecrRepositoryName, { description: 'ECR repository to promote into, e.g. shop/production/api. It must exist; promote does not create repositories.' }),
  tags: input(
    tagList.check(z.refine((list) => list.length > 0, 'must name at least one tag to set at the target')),
    { description: 'Tags to set at the target, comma- or newline-separated; each then names the promoted digest.' },
  ),
  'target-registry': input(z.optional(registryEndpoint), {
    description:
      "Registry that receives the image, host[:port] or http(s)://host[:port]; default the target account's ECR endpoint from GetAuthorizationToken. Plain http only for loopback. When it differs from ECR's, the image is also recorded in ECR with PutImage.",
  }),
  'target-role-arn': input(z.optional(iamRoleArn), {
    description: "Role in the target account, assumed with the job's credentials (role chaining), for the target's ECR API and registry. Without it the job's credentials serve both sides.",
  }),
  'target-region': input(z.optional(awsRegion), { description: 'AWS region of the target repository; default aws-region.' }),
  [REQUIRE_SIGNATURE]: input(z.optional(keyReferenceInput), {
    description:
      'Promote only an image whose digest carries a valid cosign signature by this key at the source, checked before anything is copied: a PEM public key (inline or a file path), or an AWS KMS key as awskms:///<key id, alias or ARN>.',
  }),
  'carry-attached': input(booleanString, {
    description: "Carry along what is attached to the image: OCI referrers (SBOMs, attestations) and cosign's sha256-<hex>.sig/.att/.sbom tags.",
    default: 'true',
  }),
};

type PromoteInput = StageInput<typeof inputs>;

/**
 * Promotes an image by digest from one environment's repository to another's: what was tested is what runs, byte
 * for byte. Refuses before copying anything (see src/promote/checks.ts); within one registry blobs are mounted
 * (no download), across registries the blobs the target lacks are streamed; manifests go over verbatim, so the
 * digest never changes; referrers and cosign tags come along.
 */
export const promoteStage = defineStage({
  name: 'promote',
  description: 'Promote an image by digest to another repository, account or region (blob mounts where possible), with its attached SBOMs and signatures.',
  inputs,
  outputs: {
    image: { description: 'The promoted image by digest: <target registry>/<target repository>@sha256:…, what deploy stages deploy.' },
    digest: { description: 'Manifest digest (sha256:…), the same at source and target.' },
    tags: { description: 'Tags that point at the image at the target, comma-separated.' },
    registry: { description: 'Registry host the image was promoted to.' },
    'blobs-mounted': { description: 'Blobs linked from the source repository by cross-repository mount (same registry).' },
    'blobs-copied': { description: 'Blobs streamed from source to target.' },
    'blobs-present': { description: 'Blobs the target already had.' },
    attached: { description: 'Referrers and cosign tags carried along.' },
  },
  run: promote,
});

async function promote(input: PromoteInput, runtime: Runtime) {
  const reference = input['source-image'];
  const digest = reference.digest!;
  const { registry: sourceHost, repository: sourceRepository } = splitRegistry(reference.name);
  const region = input['aws-region'];
  const targetRegion = input['target-region'] ?? region;
  const sourceGiven = sourceHost ? parseRegistry(sourceHost) : undefined;
  if (typeof sourceGiven === 'string') throw new InputError('source-image', sourceGiven);

  const sourceEcr = createAwsClient(ECRClient, { region });
  const targetEcr = input['target-role-arn'] ? await assumeTarget(input['target-role-arn'], targetRegion, runtime) : targetRegion === region ? sourceEcr : createAwsClient(ECRClient, { region: targetRegion });

  const mask = (secret: string) => runtime.setSecret(secret);
  const sourceLogin = await ecrLogin(sourceEcr, mask);
  const targetLogin = targetEcr === sourceEcr ? sourceLogin : await ecrLogin(targetEcr, mask);
  const sourceEndpoint = sourceGiven ?? ecrEndpointOf(sourceLogin);
  const targetEcrEndpoint = ecrEndpointOf(targetLogin);
  const targetEndpoint = input['target-registry'] ?? targetEcrEndpoint;
  const sameRegistry = sourceEndpoint.host === targetEndpoint.host && sourceEndpoint.scheme === targetEndpoint.scheme;

  const log = (line: string) => runtime.info(line);
  const source = new RegistryClient({ endpoint: sourceEndpoint, repository: sourceRepository, credentials: sourceLogin.credentials, log });
  const target = new RegistryClient({ endpoint: targetEndpoint, repository: input['target-repository'], credentials: targetLogin.credentials, log });
  const sourceImage = `${sourceEndpoint.host}/${sourceRepository}@${digest}`;
  const targetName = `${targetEndpoint.host}/${input['target-repository']}`;
  runtime.info(`Promoting ${sourceImage} to ${targetName} (${sameRegistry ? 'same registry: blobs mounted' : 'another registry: missing blobs streamed'}); tags ${input.tags.join(', ')}`);

  const requiredKey = input[REQUIRE_SIGNATURE];
  const signatureKey = requiredKey ? await loadVerificationKey(requiredKey, { region, runtime, input: REQUIRE_SIGNATURE }) : undefined;
  const promotion: Promotion = {
    sourceImage,
    sourceRepository,
    digest,
    source,
    target,
    targetEcr,
    targetRepository: input['target-repository'],
    tags: input.tags,
    signatureKey,
    found: {},
  };
  const manifest = await runtime.group('checks before copying', () => checkPromotion(promotion, log));

  const copier = new ImageCopier(source, target, { mountFrom: sameRegistry ? sourceRepository : undefined, log, warn: (line) => runtime.warning(line) });
  let unchanged: string[];
  try {
    unchanged = await runtime.group(`copy ${digest}`, async () => {
      await copier.copyManifest(manifest);
      if (input['carry-attached']) await copier.carryAttached(digest);
      return copier.setTags(manifest, input.tags);
    });
  } finally {
    await copier.close();
  }
  if (targetEndpoint.host !== targetEcrEndpoint.host) {
    for (const tag of input.tags) await ecrRecordImage(targetEcr, input['target-repository'], tag, manifest.bytes, manifest.mediaType, digest);
  }

  const counts = copier.counts;
  const image = `${targetName}@${digest}`;
  runtime.info(
    `Promoted ${image}: ${counts.blobsMounted} blobs mounted, ${counts.blobsCopied} copied (${formatBytes(counts.bytesCopied)}), ${counts.blobsPresent} already present; ` +
      `${counts.attached} attached artifacts carried; ${input.tags.length - unchanged.length} tags set, ${unchanged.length} unchanged`,
  );
  await runtime.appendSummary(
    [
      `### Image promoted: \`${image}\``,
      '',
      `from \`${sourceImage}\``,
      '',
      '| tags | blobs mounted | blobs copied | blobs present | attached |',
      '|---|---|---|---|---|',
      `| ${input.tags.map((t) => `\`${t}\``).join(' ')} | ${counts.blobsMounted} | ${counts.blobsCopied} (${formatBytes(counts.bytesCopied)}) | ${counts.blobsPresent} | ${counts.attached} |`,
      '',
    ].join('\n'),
  );
  return {
    image,
    digest,
    tags: input.tags.join(','),
    registry: targetEndpoint.host,
    'blobs-mounted': String(counts.blobsMounted),
    'blobs-copied': String(counts.blobsCopied),
    'blobs-present': String(counts.blobsPresent),
    attached: String(counts.attached),
  };
}

/** An ECR client in the target account: the target role assumed with the job's credentials. */
async function assumeTarget(roleArn: string, region: string, runtime: Runtime): Promise<ECRClient> {
  const sts = createAwsClient(STSClient, { region });
  runtime.info(`Assuming ${roleArn} for the target`);
  const out = await callAws(`AssumeRole ${roleArn}`, () => sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: deriveSessionName(runtime.run), DurationSeconds: 3600 })));
  const { AccessKeyId, SecretAccessKey, SessionToken } = out.Credentials ?? {};
  if (!AccessKeyId || !SecretAccessKey || !SessionToken) throw new GantryError(`AssumeRole ${roleArn} answered without complete credentials`);
  for (const secret of [AccessKeyId, SecretAccessKey, SessionToken]) runtime.setSecret(secret);
  return createAwsClient(ECRClient, { region, credentials: { accessKeyId: AccessKeyId, secretAccessKey: SecretAccessKey, sessionToken: SessionToken } });
}
