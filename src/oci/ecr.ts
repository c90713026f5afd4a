import {
  CreateRepositoryCommand,
  DescribeImagesCommand,
  DescribeRepositoriesCommand,
  GetAuthorizationTokenCommand,
  GetLifecyclePolicyCommand,
  PutImageCommand,
  PutImageScanningConfigurationCommand,
  PutImageTagMutabilityCommand,
  PutLifecyclePolicyCommand,
  type ECRClient,
  type Repository,
} from '@aws-sdk/client-ecr';
import { awsFailure, classifyAwsError, callAws } from '../aws/errors.js';
import { GantryError } from '../model/errors.js';
import { parseRegistry, type RegistryEndpoint } from './reference.js';
import type { RegistryCredentials } from './registry.js';

export interface RepositorySettings {
  readonly name: string;
  /** Undefined: true for a new repository, unchanged for an existing one. */
  readonly scanOnPush?: boolean;
  /** Undefined: mutable for a new repository, unchanged for an existing one. */
  readonly immutableTags?: boolean;
  readonly encryption: 'AES256' | 'KMS';
  readonly kmsKey?: string;
  /** Tagged images to keep; older ones expire. */
  readonly keepLast: number;
  /** Untagged images expire this many days after push; 0 keeps them. */
  readonly expireUntaggedDays: number;
}

/**
 * The lifecycle policy for the settings: untagged images expire after D days, and of the tagged ones only the last N
 * pushed stay. ECR evaluates rules by priority, so the untagged rule comes first.
 */
export function lifecyclePolicy(settings: Pick<RepositorySettings, 'keepLast' | 'expireUntaggedDays'>) {
  const rules: object[] = [];
  if (settings.expireUntaggedDays > 0) {
    rules.push({
      rulePriority: rules.length + 1,
      description: `Expire untagged images ${settings.expireUntaggedDays} days after push`,
      selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: settings.expireUntaggedDays },
      action: { type: 'expire' },
    });
  }
  rules.push({
    rulePriority: rules.length + 1,
    description: `Keep the last ${settings.keepLast} tagged images`,
    selection: { tagStatus: 'tagged', tagPatternList: ['*'], countType: 'imageCountMoreThan', countNumber: settings.keepLast },
    action: { type: 'expire' },
  });
  return { rules };
}

/** Policies compare by meaning, not by whitespace or key order. */
export function samePolicy(a: string | undefined, b: string): boolean {
  if (!a) return false;
  try {
    return canonical(JSON.parse(a)) === canonical(JSON.parse(b));
  } catch {
    return false;
  }
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}


/**
 * Creates the repository when missing; otherwise brings scan-on-push and tag mutability to the settings (encryption
 * cannot change after creation, so a difference is reported). Then sets the lifecycle policy if it differs.
 */
/** Where ensureRepository reports; a Runtime is one. */
export interface RepositoryLog {
  info(line: string): void;
  warning(line: string): void;
}

export async function ensureRepository(ecr: ECRClient, settings: RepositorySettings, log: RepositoryLog): Promise<Repository> {
  let repository: Repository | undefined;
  try {
    const found = await ecr.send(new DescribeRepositoriesCommand({ repositoryNames: [settings.name] }));
    repository = found.repositories?.[0];
  } catch (error) {
    if (classifyAwsError(error).code !== 'RepositoryNotFoundException') throw awsFailure(`DescribeRepositories ${settings.name}`, error);
  }
  if (!repository) {
    const scanOnPush = settings.scanOnPush ?? true;
    const mutability = settings.immutableTags ? 'IMMUTABLE' : 'MUTABLE';
    // A CreateRepository whose answer was lost is asked again by the SDK and then finds the repository it made (as
    // does a concurrent push): that is success, with the repository as it now is.
    const created = await callAws(`CreateRepository ${settings.name}`, () =>
      ecr
        .send(
          new CreateRepositoryCommand({
            repositoryName: settings.name,
            imageScanningConfiguration: { scanOnPush },
            imageTagMutability: mutability,
            encryptionConfiguration: { encryptionType: settings.encryption, kmsKey: settings.encryption === 'KMS' ? settings.kmsKey : undefined },
          }),
        )
        .catch(async (error: unknown) => {
          if (classifyAwsError(error).code !== 'RepositoryAlreadyExistsException') throw error;
          return ecr.send(new DescribeRepositoriesCommand({ repositoryNames: [settings.name] })).then((found) => ({ repository: found.repositories?.[0] }));
        }),
    );
    if (!created.repository) throw new GantryError(`CreateRepository ${settings.name} answered without the repository`);
    repository = created.repository;
    log.info(`Created ECR repository ${settings.name} (scan on push ${scanOnPush}, tags ${mutability}, encryption ${settings.encryption})`);
  } else {
    if (settings.scanOnPush !== undefined && (repository.imageScanningConfiguration?.scanOnPush ?? false) !== settings.scanOnPush) {
      await callAws(`PutImageScanningConfiguration ${settings.name}`, () =>
        ecr.send(new PutImageScanningConfigurationCommand({ repositoryName: settings.name, imageScanningConfiguration: { scanOnPush: settings.scanOnPush } })),
      );
      log.info(`Set scan on push to ${settings.scanOnPush} on ${settings.name}`);
    }
    const mutability = settings.immutableTags === undefined ? undefined : settings.immutableTags ? 'IMMUTABLE' : 'MUTABLE';
    if (mutability && (repository.imageTagMutability ?? 'MUTABLE') !== mutability) {
      await callAws(`PutImageTagMutability ${settings.name}`, () =>
        ecr.send(new PutImageTagMutabilityCommand({ repositoryName: settings.name, imageTagMutability: mutability })),
      );
      repository = { ...repository, imageTagMutability: mutability };
      log.info(`Set tag mutability to ${mutability} on ${settings.name}`);
    }
    const encryption = repository.encryptionConfiguration?.encryptionType ?? 'AES256';
    if (encryption !== settings.encryption) {
      log.warning(`${settings.name} is encrypted with ${encryption}, not ${settings.encryption}; encryption cannot change after creation`);
    }
    log.info(`ECR repository ${settings.name} exists (${repository.repositoryUri ?? ''})`);
  }

  const desired = JSON.stringify(lifecyclePolicy(settings));
  let current: string | undefined;
  try {
    current = (await ecr.send(new GetLifecyclePolicyCommand({ repositoryName: settings.name }))).lifecyclePolicyText;
  } catch (error) {
    if (classifyAwsError(error).code !== 'LifecyclePolicyNotFoundException') throw awsFailure(`GetLifecyclePolicy ${settings.name}`, error);
  }
  if (samePolicy(current, desired)) {
    log.info(`Lifecycle policy of ${settings.name} is up to date`);
  } else {
    await callAws(`PutLifecyclePolicy ${settings.name}`, () => ecr.send(new PutLifecyclePolicyCommand({ repositoryName: settings.name, lifecyclePolicyText: desired })));
    log.info(`${current ? 'Updated' : 'Set'} the lifecycle policy of ${settings.name}: keep the last ${settings.keepLast} tagged images${settings.expireUntaggedDays > 0 ? `, expire untagged after ${settings.expireUntaggedDays} days` : ''}`);
  }
  return repository;
}

export interface RegistryLogin {
  readonly credentials: RegistryCredentials;
  /** `https://<account>.dkr.ecr.<region>.amazonaws.com` */
  readonly proxyEndpoint: string;
}

/** The registry endpoint GetAuthorizationToken named. */
export function ecrEndpointOf(login: RegistryLogin): RegistryEndpoint {
  const endpoint = parseRegistry(login.proxyEndpoint);
  if (typeof endpoint === 'string') throw new GantryError(`GetAuthorizationToken gave an unusable endpoint ${login.proxyEndpoint}: ${endpoint}`);
  return endpoint;
}

/**
 * ECR's registry credentials. The password is handed to `mask` before this function returns anything, so no log
 * line written afterwards can show it.
 */
export async function ecrLogin(ecr: ECRClient, mask: (secret: string) => void): Promise<RegistryLogin> {
  const out = await callAws('GetAuthorizationToken', () => ecr.send(new GetAuthorizationTokenCommand({})));
  const data = out.authorizationData?.[0];
  if (!data?.authorizationToken || !data.proxyEndpoint) throw new GantryError('GetAuthorizationToken answered without a token');
  mask(data.authorizationToken);
  const decoded = Buffer.from(data.authorizationToken, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) throw new GantryError('the ECR authorization token is not user:password');
  const password = decoded.slice(colon + 1);
  mask(password);
  return { credentials: { username: decoded.slice(0, colon), password }, proxyEndpoint: data.proxyEndpoint };
}

/** The digest ECR has for a tag, or undefined when the tag is not there. */
export async function ecrDigestOfTag(ecr: ECRClient, repository: string, tag: string): Promise<string | undefined> {
  try {
    const out = await ecr.send(new DescribeImagesCommand({ repositoryName: repository, imageIds: [{ imageTag: tag }] }));
    return out.imageDetails?.[0]?.imageDigest;
  } catch (error) {
    if (classifyAwsError(error).code === 'ImageNotFoundException') return undefined;
    throw awsFailure(`DescribeImages ${repository}:${tag}`, error);
  }
}

/**
 * Records a manifest under a tag in ECR's catalogue. Needed only when the blobs went to another registry (the local
 * stack's), so that DescribeImages and the lifecycle rules see the image; pushing to ECR itself records it already.
 */
export async function ecrRecordImage(ecr: ECRClient, repository: string, tag: string, manifest: Buffer, mediaType: string, digest: string): Promise<void> {
  try {
    await ecr.send(
      new PutImageCommand({ repositoryName: repository, imageTag: tag, imageManifest: manifest.toString('utf8'), imageManifestMediaType: mediaType, imageDigest: digest }),
    );
  } catch (error) {
    if (classifyAwsError(error).code === 'ImageAlreadyExistsException') return;
    throw awsFailure(`PutImage ${repository}:${tag}`, error);
  }
}
