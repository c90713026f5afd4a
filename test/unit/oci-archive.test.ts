import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openOciArchive, MEDIA_TYPES } from '../../src/oci/archive.js';
import { indexTar, readRange } from '../../src/oci/tar.js';

const digestOf = (data: Buffer | string) => `sha256:${createHash('sha256').update(data).digest('hex')}`;

/** Writes an OCI image layout into a directory and tars it with the system tar, in the given format. */
async function layoutArchive(format: 'pax' | 'gnu' | 'ustar', options: { corruptManifest?: boolean } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'gantry-oci-'));
  const layout = join(dir, 'layout');
  await mkdir(join(layout, 'blobs', 'sha256'), { recursive: true });
  const put = async (data: Buffer | string) => {
    const digest = digestOf(data);
    await writeFile(join(layout, 'blobs', 'sha256', digest.slice(7)), data);
    return { digest, size: Buffer.byteLength(data) };
  };
  const layer = await put(Buffer.alloc(70_000, 7));
  const config = await put(JSON.stringify({ architecture: 'amd64', os: 'linux' }));
  const manifestText = JSON.stringify({
    schemaVersion: 2,
    mediaType: MEDIA_TYPES.ociManifest,
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
    layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', ...layer }],
  });
  const manifest = await put(manifestText);
  if (options.corruptManifest) await writeFile(join(layout, 'blobs', 'sha256', manifest.digest.slice(7)), manifestText.replace('amd64', 'arm64') + ' ');
  await writeFile(join(layout, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
  await writeFile(
    join(layout, 'index.json'),
    JSON.stringify({ schemaVersion: 2, manifests: [{ mediaType: MEDIA_TYPES.ociManifest, ...manifest, annotations: { 'org.opencontainers.image.ref.name': 'shop/api:sha-abc1234' } }] }),
  );
  const archive = join(dir, 'image.tar');
  execFileSync('tar', [`--format=${format}`, '-cf', archive, '-C', layout, '.']);
  return { archive, manifest, config, layer };
}

describe('indexTar', () => {
  it.each(['pax', 'gnu'] as const)('finds files with names longer than 100 characters (%s)', async (format) => {
    const dir = await mkdtemp(join(tmpdir(), 'gantry-tar-'));
    const long = `${'d'.repeat(60)}/${'f'.repeat(80)}.bin`;
    await mkdir(join(dir, 'src', 'd'.repeat(60)), { recursive: true });
    await writeFile(join(dir, 'src', long), 'payload');
    await writeFile(join(dir, 'src', 'short.txt'), 'x'.repeat(1000));
    const archive = join(dir, 'a.tar');
    execFileSync('tar', [`--format=${format}`, '-cf', archive, '-C', join(dir, 'src'), '.']);
    const entries = await indexTar(archive);
    expect(entries.get(long)?.size).toBe(7);
    expect((await readRange(archive, entries.get(long)!.offset, 7)).toString()).toBe('payload');
    expect(entries.get('short.txt')?.size).toBe(1000);
    expect([...entries.keys()].some((name) => name.endsWith('/'))).toBe(false);
  });

  it('refuses a file that is not a tar archive', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gantry-tar-'));
    await writeFile(join(dir, 'x.tar'), Buffer.alloc(2048, 65));
    await expect(indexTar(join(dir, 'x.tar'))).rejects.toThrow(/not a tar archive/);
  });
});

describe('openOciArchive', () => {
  it.each(['pax', 'gnu', 'ustar'] as const)('reads the manifest, its blobs and the recorded name (%s tar)', async (format) => {
    const { archive, manifest, config, layer } = await layoutArchive(format);
    const image = await openOciArchive(archive);
    expect(image.root.digest).toBe(manifest.digest);
    expect(image.root.mediaType).toBe(MEDIA_TYPES.ociManifest);
    expect(image.blobs.map((b) => b.digest)).toEqual([config.digest, layer.digest]);
    expect(image.refName).toBe('shop/api:sha-abc1234');
    expect(digestOf(await image.readBlob(layer.digest))).toBe(layer.digest);
    expect(await image.readBlob(layer.digest, 69_990, 10)).toEqual(Buffer.alloc(10, 7));
    await expect(image.readBlob(layer.digest, 69_995, 10)).rejects.toThrow(/outside blob/);
  });

  it('refuses an archive whose manifest does not match its digest', async () => {
    const { archive } = await layoutArchive('pax', { corruptManifest: true });
    await expect(openOciArchive(archive)).rejects.toThrow(/corrupt/);
  });

  it('says what is wrong with a missing file', async () => {
    await expect(openOciArchive('/nonexistent/image.tar')).rejects.toThrow(/cannot read the OCI archive/);
  });
});
