import { GantryError } from '../model/errors.js';
import type { Runtime } from '../model/runtime.js';
import { input, type InputProblem } from '../model/stage.js';
import { parsedBy } from '../model/inputs.js';
import * as z from '../model/zod.js';
import { formatImageReference, parseImageReference, type ImageReference } from '../oci/image-reference.js';
import type { RegistryClient } from '../oci/registry.js';
import { imageRepository, loadVerificationKey, type VerificationKey } from './access.js';
import { parseKeyReference, type KeyReference } from './keys.js';
import { readSignatures, signatureTag, signatureVerifies, signedDigest } from './signatures.js';

export interface SignatureCheck {
  readonly registryClient: RegistryClient;
  /** The repository path on the registry. */
  readonly repository: string;
  readonly digest: string;
  readonly key: VerificationKey;
}

/** An image whose digest carries no valid signature by the key required. */
export class SignatureRequiredError extends GantryError {
  constructor(repository: string, digest: string, key: string, reason: string) {
    super(`image ${repository}@${digest} is not signed by key ${key}: ${reason}; refusing to deploy it`, {
      remedy: `sign this digest with that key (the sign stage, or cosign sign --key) after pushing it, or deploy an image that is signed.`,
    });
    this.name = 'SignatureRequiredError';
  }
}

/**
 * Resolves when the image `digest` carries, at `sha256-<hex>.sig` in its repository, a signature that verifies with
 * `key` over a simple-signing payload naming that very digest; throws a SignatureRequiredError naming the digest and
 * the key otherwise (no signature, signatures by other keys only, or a signature over another digest copied here).
 * Returns how many stored signatures were examined.
 */
export async function requireSignature({ registryClient, repository, digest, key }: SignatureCheck): Promise<{ signatures: number }> {
  const refuse = (reason: string) => new SignatureRequiredError(repository, digest, key.name, reason);
  if (!(await registryClient.manifestDigest(digest))) throw refuse('the registry does not have this digest');
  const { signatures } = await readSignatures(registryClient, repository, digest);
  if (signatures.length === 0) throw refuse(`it carries no signature (no ${signatureTag(digest)} in the registry)`);
  const byKey = signatures.filter((stored) => signatureVerifies(key.publicKey, stored));
  if (byKey.some((stored) => signedDigest(stored) === digest)) return { signatures: signatures.length };
  if (byKey.length > 0) {
    const others = [...new Set(byKey.map((stored) => signedDigest(stored) ?? (stored.payload as string)))];
    throw refuse(`the signature by this key covers ${others.join(', ')}, not this digest`);
  }
  throw refuse(`none of its ${signatures.length} signature${signatures.length === 1 ? '' : 's'} verifies with this key`);
}

/** A key input: PEM (inline or a file path) or a KMS key, parsed into its reference. */
export const keyReferenceInput = parsedBy(parseKeyReference);

export const REQUIRE_SIGNATURE = 'require-signature';

/** The `require-signature` input the deploy stages share. */
export const requireSignatureInputs = {
  [REQUIRE_SIGNATURE]: input(z.optional(keyReferenceInput), {
    description:
      'Deploy only an image whose digest carries a valid cosign signature by this key, checked before any change: a PEM public key (inline or a file path), or an AWS KMS key as awskms:///<key id, alias or ARN>.',
  }),
};

/** With `require-signature`, the image must be given by digest: what is checked must be exactly what runs. */
export function requireSignatureProblem(image: string | ImageReference | undefined, key: KeyReference | undefined): InputProblem | undefined {
  if (!key) return undefined;
  const reference = typeof image === 'string' ? parseImageReference(image) : image;
  if (reference === undefined) return { input: 'image', problem: `is required with ${REQUIRE_SIGNATURE}` };
  if (typeof reference !== 'string' && !reference.digest) {
    return { input: 'image', problem: `must be given by digest (repo@sha256:…) with ${REQUIRE_SIGNATURE}, so that the image checked is the image deployed` };
  }
  return undefined;
}

/**
 * The deploy stages' check: loads the key, reads the image's signatures from its registry and refuses the deploy
 * unless one verifies. Runs before the stage changes anything.
 */
export async function checkImageSignature(image: string | ImageReference, key: KeyReference, options: { region?: string; runtime: Runtime }): Promise<void> {
  const { runtime } = options;
  const reference = typeof image === 'string' ? (parseImageReference(image) as ImageReference) : image;
  const verificationKey = await loadVerificationKey(key, { region: options.region, runtime, input: REQUIRE_SIGNATURE });
  const { client, repository } = await imageRepository(reference.name, runtime, 'image');
  const result = await requireSignature({ registryClient: client, repository, digest: reference.digest!, key: verificationKey });
  runtime.info(`Signature of ${formatImageReference({ name: reference.name, digest: reference.digest })} by ${verificationKey.name} verified (${result.signatures} stored signature${result.signatures === 1 ? '' : 's'} examined)`);
}
