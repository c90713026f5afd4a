import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { MEDIA_TYPES } from '../../src/oci/archive.js';
import { serveGitHttpBackend } from '../fixtures/gitops/git-http.js';
import { ociArchive, registryHasBlob } from './image-path-support.js';

/** Per-request bound the fault suites run the stages with, so a stalled peer costs seconds, not minutes. */
export const SHORT_TIMEOUT_SECONDS = '2';

export interface TinyImage {
  readonly archive: string;
  readonly digest: string;
  readonly blobs: readonly string[];
}

/**
 * A small OCI image archive with a random layer, so every call gives a new image: what the push stage takes from
 * build, without a build. Made by the suites' shared archive writer; the digests are read back from its layout.
 */
export async function tinyImage(): Promise<TinyImage> {
  const dir = await mkdtemp(join(tmpdir(), 'gantry-faults-oci-'));
  const archive = ociArchive(dir, { noise: randomBytes(30_000).toString('base64') });
  const blobPath = (digest: string) => join(dir, 'layout', 'blobs', 'sha256', digest.slice('sha256:'.length));
  const index = JSON.parse(await readFile(join(dir, 'layout', 'index.json'), 'utf8')) as { manifests: { digest: string }[] };
  const digest = index.manifests[0]!.digest;
  const manifest = JSON.parse(await readFile(blobPath(digest), 'utf8')) as { config: { digest: string }; layers: { digest: string }[] };
  return { archive, digest, blobs: [manifest.config.digest, ...manifest.layers.map((layer) => layer.digest)] };
}

/**
 * The check after a push, fault or not: the tag is either absent or resolves to a manifest the registry serves whose
 * config and layers it has. Returns the digest the tag names.
 */
export async function expectTagComplete(registry: string, repository: string, tag: string): Promise<string | undefined> {
  const accept = `${MEDIA_TYPES.ociManifest}, ${MEDIA_TYPES.ociIndex}, ${MEDIA_TYPES.dockerManifest}`;
  const response = await fetch(`http://${registry}/v2/${repository}/manifests/${tag}`, { headers: { accept } });
  if (response.status === 404) return undefined;
  expect(response.status).toBe(200);
  const manifest = (await response.json()) as { config: { digest: string }; layers: { digest: string }[] };
  for (const blob of [manifest.config, ...manifest.layers]) expect(await registryHasBlob(registry, repository, blob.digest), blob.digest).toBe(true);
  return response.headers.get('docker-content-digest') ?? undefined;
}

/** A loopback smart-HTTP server (git http-backend) for the bare repositories under `projectRoot`. */
export async function gitSmartHttp(projectRoot: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => serveGitHttpBackend(projectRoot, req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
