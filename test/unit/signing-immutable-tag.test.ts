import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient } from '../../src/oci/registry.js';
import { simpleSigningPayload } from '../../src/signing/payload.js';
import { signImage } from '../../src/signing/sign.js';
import { SIGNATURE_ANNOTATION, SIMPLE_SIGNING_MEDIA_TYPE, signatureTag } from '../../src/signing/signatures.js';

/**
 * ECR with immutable tags refuses to overwrite the `.sig` tag that already holds a signature: a fault shape Debian's
 * docker-registry cannot produce (it has no immutable tags), so a small fake registry answers as ECR does.
 */
const sha256 = (bytes: Buffer) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
const digest = `sha256:${'c4'.repeat(32)}`;
const other = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const payload = simpleSigningPayload('registry.test/shop/api', digest);
const layer = { mediaType: SIMPLE_SIGNING_MEDIA_TYPE, size: payload.length, digest: sha256(payload), annotations: { [SIGNATURE_ANNOTATION]: sign('sha256', payload, other.privateKey).toString('base64') } };
const sigManifest = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: layer, layers: [layer] }));
const puts: string[] = [];

const server = createServer((req, res) => {
  const url = req.url!;
  if (url === `/v2/shop/api/manifests/${digest}`) return res.writeHead(200, { 'docker-content-digest': digest }).end();
  if (url === `/v2/shop/api/manifests/${signatureTag(digest)}` && req.method === 'GET') {
    return res.writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json', 'content-length': sigManifest.length }).end(sigManifest);
  }
  if (url.startsWith('/v2/shop/api/blobs/') && req.method === 'GET') return res.writeHead(200, { 'content-length': payload.length }).end(payload);
  if (url.startsWith('/v2/shop/api/blobs/') && req.method === 'HEAD') return res.writeHead(200).end();
  if (req.method === 'PUT') {
    puts.push(url);
    const body = { errors: [{ code: 'TAG_INVALID', message: `The image tag '${signatureTag(digest)}' already exists in the 'shop/api' repository and cannot be overwritten because the repository is immutable.` }] };
    return res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }
  return res.writeHead(404).end();
});

beforeAll(() => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve)));
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('signing into a repository with immutable tags', () => {
  it('says why a second signature cannot be stored, and how to allow it', async () => {
    const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    const client = new RegistryClient({ endpoint: { scheme: 'http', host }, repository: 'shop/api', maxAttempts: 1 });
    const mine = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const signer = { name: 'mine', publicKey: mine.publicKey, sign: async (bytes: Buffer) => sign('sha256', bytes, mine.privateKey) };
    const signing = signImage(client, { repository: 'shop/api', dockerReference: 'registry.test/shop/api', digest }, signer, () => undefined);
    await expect(signing).rejects.toThrow(`registry.test/shop/api:${signatureTag(digest)} already holds 1 signature(s) and the repository's tags are immutable`);
    await expect(signing).rejects.toMatchObject({ remedy: expect.stringContaining('IMMUTABLE_WITH_EXCLUSION') });
    expect(puts).toEqual([`/v2/shop/api/manifests/${signatureTag(digest)}`]);
  });
});
