import { createHash, verify, type KeyObject } from 'node:crypto';
import { GantryError } from '../model/errors.js';
import { MEDIA_TYPES, type Descriptor } from '../oci/archive.js';
import { fetchBlob, fetchManifest, type RegistryClient } from '../oci/registry.js';
import { parseSimpleSigningPayload, type SimpleSigningPayload } from './payload.js';

/**
 * cosign's classic storage of signatures: an OCI image manifest at the tag `sha256-<hex>.sig` beside the image, one
 * layer per signature. A layer's blob is the simple-signing payload; its annotation holds the base64 signature.
 */
export const SIMPLE_SIGNING_MEDIA_TYPE = 'application/vnd.dev.cosign.simplesigning.v1+json';
export const SIGNATURE_ANNOTATION = 'dev.cosignproject.cosign/signature';
const CONFIG_MEDIA_TYPE = 'application/vnd.oci.image.config.v1+json';

/** The tag that holds the signatures of `digest`: `sha256:abc…` → `sha256-abc….sig`. */
export function signatureTag(digest: string): string {
  return `${digest.replace(':', '-')}.sig`;
}

export interface StoredSignature {
  readonly layer: Descriptor;
  readonly payloadBytes: Buffer;
  /** The parsed payload, or what is wrong with it. */
  readonly payload: SimpleSigningPayload | string;
  /** The decoded signature; empty when the layer carries none. */
  readonly signature: Buffer;
}

export interface SignatureSet {
  /** The layers of the signature manifest as stored (empty when there is none). */
  readonly layers: readonly Descriptor[];
  readonly signatures: readonly StoredSignature[];
}

/** Reads every signature stored for `digest` in the client's repository. */
export async function readSignatures(client: RegistryClient, repository: string, digest: string): Promise<SignatureSet> {
  const manifest = await fetchManifest(client, repository, signatureTag(digest));
  if (!manifest) return { layers: [], signatures: [] };
  let layers: Descriptor[];
  try {
    layers = (JSON.parse(manifest.bytes.toString('utf8')) as { layers?: Descriptor[] }).layers ?? [];
  } catch {
    throw new GantryError(`${repository}:${signatureTag(digest)} is not a JSON image manifest, so it holds no cosign signature`);
  }
  const signatures: StoredSignature[] = [];
  for (const layer of layers) {
    if (layer.mediaType !== SIMPLE_SIGNING_MEDIA_TYPE) continue;
    const payloadBytes = await fetchBlob(client, repository, layer.digest);
    const encoded = layer.annotations?.[SIGNATURE_ANNOTATION] ?? '';
    signatures.push({ layer, payloadBytes, payload: parseSimpleSigningPayload(payloadBytes), signature: Buffer.from(encoded, 'base64') });
  }
  return { layers, signatures };
}

/** Does `signature` verify over the payload with `publicKey` (SHA-256; ECDSA in ASN.1 DER, or RSA PKCS#1 v1.5)? */
export function signatureVerifies(publicKey: KeyObject, stored: StoredSignature): boolean {
  if (stored.signature.length === 0) return false;
  try {
    return verify('sha256', stored.payloadBytes, publicKey, stored.signature);
  } catch {
    return false;
  }
}

export function signedDigest(stored: StoredSignature): string | undefined {
  return typeof stored.payload === 'string' ? undefined : stored.payload.critical.image['docker-manifest-digest'];
}

/**
 * Adds a signature to the manifest at `sha256-<hex>.sig`, keeping the signatures already there: uploads the payload
 * and a config naming every layer (as cosign builds it), then puts the manifest. Returns the manifest's digest.
 */
export async function storeSignature(
  client: RegistryClient,
  digest: string,
  existing: readonly Descriptor[],
  payload: Buffer,
  signature: Buffer,
): Promise<string> {
  const layer: Descriptor = {
    mediaType: SIMPLE_SIGNING_MEDIA_TYPE,
    size: payload.length,
    digest: sha256(payload),
    annotations: { [SIGNATURE_ANNOTATION]: signature.toString('base64') },
  };
  const layers = [...existing, layer];
  const config = Buffer.from(
    JSON.stringify({
      architecture: '',
      created: '0001-01-01T00:00:00Z',
      history: layers.map(() => ({ created: '0001-01-01T00:00:00Z' })),
      os: '',
      rootfs: { type: 'layers', diff_ids: layers.map((l) => l.digest) },
      config: {},
    }),
  );
  const configDescriptor: Descriptor = { mediaType: CONFIG_MEDIA_TYPE, size: config.length, digest: sha256(config) };
  await client.ensureBlob(layer, async (offset, length) => payload.subarray(offset, offset + length));
  await client.ensureBlob(configDescriptor, async (offset, length) => config.subarray(offset, offset + length));
  const manifest = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: MEDIA_TYPES.ociManifest, config: configDescriptor, layers }));
  await client.putManifest(signatureTag(digest), MEDIA_TYPES.ociManifest, manifest);
  return sha256(manifest);
}

function sha256(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}
