import { type KeyObject } from 'node:crypto';
import { ECRClient } from '@aws-sdk/client-ecr';
import { KMSClient } from '@aws-sdk/client-kms';
import { createAwsClient } from '../aws/clients.js';
import { InputError } from '../model/errors.js';
import type { Runtime } from '../model/runtime.js';
import { ecrLogin } from '../oci/ecr.js';
import { splitRegistry } from '../oci/image-reference.js';
import { parseRegistry } from '../oci/reference.js';
import { RegistryClient } from '../oci/registry.js';
import { describeKey, pemText, publicKeyFromPem, type KeyReference } from './keys.js';
import { kmsKey } from './kms.js';

/** `<account>.dkr.ecr.<region>.amazonaws.com[.cn]`: a registry whose credentials come from GetAuthorizationToken. */
const ECR_HOST = /^\d{12}\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?$/;

export interface ImageRepository {
  readonly client: RegistryClient;
  /** The repository path on the registry, e.g. `shop/prod/api`. */
  readonly repository: string;
}

/**
 * A client for the repository of an image name (`host[:port]/path`): ECR's credentials for an ECR host (the password
 * masked), none for any other registry (a loopback one, a public mirror).
 */
export async function imageRepository(name: string, runtime: Runtime, input: string): Promise<ImageRepository> {
  const { registry, repository } = splitRegistry(name);
  if (!registry) throw new InputError(input, `${name} names no registry host; give the image as the push stage outputs it (<registry>/<repository>@sha256:…)`);
  const endpoint = parseRegistry(registry);
  if (typeof endpoint === 'string') throw new InputError(input, `registry ${registry}: ${endpoint}`);
  const ecrRegion = ECR_HOST.exec(endpoint.host)?.[1];
  const credentials = ecrRegion
    ? (await ecrLogin(createAwsClient(ECRClient, { region: ecrRegion }), (secret) => runtime.setSecret(secret))).credentials
    : undefined;
  return { client: new RegistryClient({ endpoint, repository, credentials, log: (line) => runtime.info(line) }), repository };
}

/** A KMS client for a key: the region of its ARN, else the stage's, else the runner's AWS_REGION. */
export function kmsClientFor(reference: Extract<KeyReference, { kind: 'kms' }>, region: string | undefined, runtime: Runtime, input: string): KMSClient {
  const chosen = reference.region ?? region ?? runtime.env.AWS_REGION ?? runtime.env.AWS_DEFAULT_REGION;
  if (!chosen) throw new InputError(input, `KMS key ${reference.keyId} needs a region: give the key's ARN or set AWS_REGION`);
  return createAwsClient(KMSClient, { region: chosen });
}

/** A public key that signatures must verify with, and how messages name it. */
export interface VerificationKey {
  readonly publicKey: KeyObject;
  readonly name: string;
}

/** Loads the key of a `require-signature` input: a PEM public key (inline or a file), or a KMS key's public half. */
export async function loadVerificationKey(reference: KeyReference, options: { region?: string; runtime: Runtime; input: string }): Promise<VerificationKey> {
  if (reference.kind === 'kms') {
    const key = await kmsKey(kmsClientFor(reference, options.region, options.runtime, options.input), reference.keyId, options.input);
    return { publicKey: key.publicKey, name: describeKey(reference, key.publicKey) };
  }
  const publicKey = publicKeyFromPem(await pemText(reference, options.input), options.input, describeKey(reference));
  return { publicKey, name: describeKey(reference, publicKey) };
}
