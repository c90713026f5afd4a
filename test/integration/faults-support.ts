import { createHash, randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { MEDIA_TYPES } from '../../src/oci/archive.js';
import { serveGitHttpBackend } from '../fixtures/gitops/git-http.js';
import { registryHasBlob } from './image-path-support.js';

/** Per-request bound the fault suites run the stages with, so a stalled peer costs seconds, not minutes. */
export const SHORT_TIMEOUT_SECONDS = '2';

const digestOf = (data: Buffer | string) => `sha256:${createHash('sha256').update(data).digest('hex')}`;

export interface TinyImage {
  readonly archive: string;
  readonly digest: string;
  readonly blobs: readonly string[];
}

/**
 * A small OCI image archive (a random layer, so every call gives a new image), written as an OCI layout and tarred:
 * what the push stage takes from build, without a build.
 */
export async function tinyImage(tag = 'v1'): Promise<TinyImage> {
  const dir = await mkdtemp(join(tmpdir(), 'gantry-faults-oci-'));
  const layout = join(dir, 'layout');
  await mkdir(join(layout, 'blobs', 'sha256'), { recursive: true });
  const put = async (data: Buffer | string) => {
    const digest = digestOf(data);
    await writeFile(join(layout, 'blobs', 'sha256', digest.slice(7)), data);
    return { digest, size: Buffer.byteLength(data) };
  };
  const layer = await put(randomBytes(40_000));
  const config = await put(JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [layer.digest] } }));
  const manifest = await put(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MEDIA_TYPES.ociManifest,
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
      layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar', ...layer }],
    }),
  );
  await writeFile(join(layout, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
  await writeFile(
    join(layout, 'index.json'),
    JSON.stringify({ schemaVersion: 2, manifests: [{ mediaType: MEDIA_TYPES.ociManifest, ...manifest, annotations: { 'org.opencontainers.image.ref.name': `gantry/faults:${tag}` } }] }),
  );
  const archive = join(dir, 'image.tar');
  execFileSync('tar', ['-cf', archive, '-C', layout, '.']);
  return { archive, digest: manifest.digest, blobs: [config.digest, layer.digest] };
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
