import { createPublicKey, sign, type KeyObject } from 'node:crypto';
import type { Runtime } from '../model/runtime.js';
import { GantryError } from '../model/errors.js';
import { RegistryError, type RegistryClient } from '../oci/registry.js';
import { kmsClientFor } from './access.js';
import { describeKey, pemText, privateKeyFromPem, type KeyReference } from './keys.js';
import { kmsKey, kmsSign } from './kms.js';
import { simpleSigningPayload } from './payload.js';
import { readSignatures, signatureTag, signatureVerifies, signedDigest, storeSignature } from './signatures.js';

/** Something that signs payloads: a PEM private key in this process, or an AWS KMS key (the key never leaves KMS). */
export interface Signer {
  readonly name: string;
  readonly publicKey: KeyObject;
  sign(payload: Buffer): Promise<Buffer>;
}

export async function loadSigner(reference: KeyReference, options: { password?: string; region?: string; runtime: Runtime; input: string }): Promise<Signer> {
  if (reference.kind === 'kms') {
    const kms = kmsClientFor(reference, options.region, options.runtime, options.input);
    const key = await kmsKey(kms, reference.keyId, options.input);
    return { name: describeKey(reference, key.publicKey), publicKey: key.publicKey, sign: (payload) => kmsSign(kms, key, payload) };
  }
  const pem = await pemText(reference, options.input);
  const privateKey = privateKeyFromPem(pem, options.input, describeKey(reference), options.password);
  const publicKey = createPublicKey(privateKey);
  return { name: describeKey(reference, publicKey), publicKey, sign: async (payload) => sign('sha256', payload, privateKey) };
}

export interface SignResult {
  /** `sha256-<hex>.sig`. */
  readonly tag: string;
  /** Digest of the signature manifest after this run. */
  readonly manifestDigest?: string;
  /** False when the image already carried a valid signature by this key over this digest (nothing was written). */
  readonly signed: boolean;
}

/**
 * Signs the image `digest` in the client's repository as `cosign sign` does: a simple-signing payload naming
 * `dockerReference` and the digest, signed, stored as a new layer of `sha256-<hex>.sig` beside the signatures already
 * there. A re-run with the same key finds its signature and writes nothing.
 */
export async function signImage(
  client: RegistryClient,
  target: { repository: string; dockerReference: string; digest: string },
  signer: Signer,
  log: (line: string) => void,
): Promise<SignResult> {
  const { repository, digest } = target;
  const tag = signatureTag(digest);
  if (!(await client.manifestDigest(digest))) {
    throw new GantryError(`${target.dockerReference}@${digest} is not in the registry: nothing to sign`, { remedy: 'sign the image output of the push stage, after the push.' });
  }
  const existing = await readSignatures(client, repository, digest);
  const mine = existing.signatures.find((stored) => signatureVerifies(signer.publicKey, stored) && signedDigest(stored) === digest);
  if (mine) {
    log(`${target.dockerReference}@${digest} already carries a signature by ${signer.name}: nothing to do`);
    return { tag, signed: false };
  }
  const payload = simpleSigningPayload(target.dockerReference, digest);
  const signature = await signer.sign(payload);
  const manifestDigest = await storeSignature(client, digest, existing.layers, payload, signature).catch((error: unknown) => {
    // ECR's immutable tags: the .sig tag takes a first signature, never a second one.
    if (error instanceof RegistryError && error.codes.includes('TAG_INVALID') && existing.layers.length > 0) {
      throw new GantryError(`${target.dockerReference}:${tag} already holds ${existing.signatures.length} signature(s) and the repository's tags are immutable, so it cannot take another`, {
        remedy: `exclude the signature tags from immutability (ECR: IMMUTABLE_WITH_EXCLUSION with the filter sha256-*.sig), or sign each digest with one key only.`,
        cause: error,
      });
    }
    throw error;
  });
  log(`Signed ${target.dockerReference}@${digest} with ${signer.name}: ${tag} (${existing.signatures.length + 1} signature${existing.signatures.length === 0 ? '' : 's'})`);
  return { tag, manifestDigest, signed: true };
}
