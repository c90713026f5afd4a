import { execFile } from 'node:child_process';
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { inject } from 'vitest';
import { MEDIA_TYPES } from '../../src/oci/archive.js';
import { parseRegistry, type RegistryEndpoint } from '../../src/oci/reference.js';
import { RegistryClient } from '../../src/oci/registry.js';
import { signatureTag } from '../../src/signing/signatures.js';
import { localRegistry } from './image-path-support.js';

/** Helpers of the signing tests: images, keys and signatures on the loopback stack's registry and KMS. */

export function registryClient(repository: string): RegistryClient {
  return new RegistryClient({ endpoint: parseRegistry(localRegistry()) as RegistryEndpoint, repository });
}

/** A small OCI image (a config and one layer of random bytes) pushed to the local registry; returns its digest. */
export async function pushTestImage(repository: string, tag = 'v1'): Promise<string> {
  const client = registryClient(repository);
  const layer = randomBytes(512);
  const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] }, config: {} }));
  const descriptor = (mediaType: string, bytes: Buffer) => ({ mediaType, size: bytes.length, digest: `sha256:${sha256(bytes)}` });
  const layerDescriptor = descriptor('application/vnd.oci.image.layer.v1.tar', layer);
  const configDescriptor = descriptor('application/vnd.oci.image.config.v1+json', config);
  await client.ensureBlob(layerDescriptor, async (o, l) => layer.subarray(o, o + l));
  await client.ensureBlob(configDescriptor, async (o, l) => config.subarray(o, o + l));
  const manifest = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: MEDIA_TYPES.ociManifest, config: configDescriptor, layers: [layerDescriptor] }));
  await client.putManifest(tag, MEDIA_TYPES.ociManifest, manifest);
  return `sha256:${sha256(manifest)}`;
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export interface KeyFiles {
  readonly privateKey: string;
  readonly publicKey: string;
  readonly publicPem: string;
}

/** An ECDSA P-256 key pair written as PKCS#8 and SPKI PEM files in `dir`. */
export async function keyPair(dir: string, name: string): Promise<KeyFiles> {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const files = { privateKey: join(dir, `${name}.key`), publicKey: join(dir, `${name}.pub`) };
  await writeFile(files.privateKey, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  await writeFile(files.publicKey, publicPem);
  return { ...files, publicPem };
}

/** Puts the signature manifest of `from` at the signature tag of `to`: a signature copied onto another digest. */
export async function copySignature(repository: string, from: string, to: string): Promise<void> {
  const host = localRegistry();
  const accept = { accept: MEDIA_TYPES.ociManifest };
  const response = await fetch(`http://${host}/v2/${repository}/manifests/${signatureTag(from)}`, { headers: accept });
  if (response.status !== 200) throw new Error(`no signature manifest for ${from}: ${response.status}`);
  await registryClient(repository).putManifest(signatureTag(to), MEDIA_TYPES.ociManifest, Buffer.from(await response.arrayBuffer()));
}

export function emulatorKms(): KMSClient {
  const env = inject('localEnv');
  return new KMSClient({ region: env.AWS_REGION, endpoint: env.AWS_ENDPOINT_URL, credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID!, secretAccessKey: env.AWS_SECRET_ACCESS_KEY! } });
}

/** An asymmetric ECC_NIST_P256 signing key in the emulator's KMS; returns its id. */
export async function createKmsSigningKey(): Promise<string> {
  const out = await emulatorKms().send(new CreateKeyCommand({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY', Description: 'gantry signing test' }));
  return out.KeyMetadata!.KeyId!;
}

/** The cosign binary the peers installer builds (scripts/install-peers.sh --only go), as the tests run it. */
export const COSIGN = process.env.GANTRY_COSIGN ?? '/opt/gantry/bin/cosign';

export async function cosign(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(COSIGN, args, { env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number | string; stdout?: string; stderr?: string; message: string };
    if (e.code === 'ENOENT') throw new Error(`cosign is not installed at ${COSIGN}: run bash scripts/install-peers.sh --only go`);
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? e.message };
  }
}
