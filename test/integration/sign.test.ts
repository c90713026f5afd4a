import { createPublicKey } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { keyFingerprint } from '../../src/signing/keys.js';
import { readSignatures, signatureTag } from '../../src/signing/signatures.js';
import { localRegistry, outputsOf, registryDigest, scratchDir, unique } from './image-path-support.js';
import { createKmsSigningKey, keyPair, pushTestImage, registryClient, type KeyFiles } from './signing-support.js';
import { runCli } from './support.js';

let dir: string;
let alice: KeyFiles;
let bob: KeyFiles;

beforeAll(async () => {
  dir = await scratchDir();
  alice = await keyPair(dir, 'alice');
  bob = await keyPair(dir, 'bob');
});

const sign = (image: string, key: string, ...args: string[]) => runCli(['run', 'sign', '--image', image, '--key', key, ...args]);
/** A key given inline, through its variable, as a pipeline passes a secret. */
const signInline = (image: string, pem: string) => runCli(['run', 'sign', '--image', image], { GANTRY_KEY: pem });

describe('sign stage', () => {
  it('stores a cosign signature beside the image, adds a second key’s, and a re-run changes nothing', { timeout: 60_000 }, async () => {
    const repository = `gantry/it/${unique('sign')}`;
    const digest = await pushTestImage(repository);
    const image = `${localRegistry()}/${repository}@${digest}`;

    const first = outputsOf(await sign(image, alice.privateKey));
    expect(first).toMatchObject({ image, 'signature-tag': `${localRegistry()}/${repository}:${signatureTag(digest)}`, signed: 'true' });
    const stored = await readSignatures(registryClient(repository), repository, digest);
    expect(stored.signatures).toHaveLength(1);
    expect(JSON.parse(stored.signatures[0]!.payloadBytes.toString())).toEqual({
      critical: {
        identity: { 'docker-reference': `${localRegistry()}/${repository}` },
        image: { 'docker-manifest-digest': digest },
        type: 'cosign container image signature',
      },
      optional: null,
    });
    const sigDigest = await registryDigest(localRegistry(), repository, signatureTag(digest));

    // The same key again: its signature is found, nothing is written.
    const again = await sign(image, alice.privateKey);
    expect(outputsOf(again).signed).toBe('false');
    expect(again.stderr).toContain('already carries a signature by');
    expect(await registryDigest(localRegistry(), repository, signatureTag(digest))).toBe(sigDigest);

    // Another key (given inline, as a secret would be): a second layer, the first kept; the key never printed.
    const pem = await readFile(bob.privateKey, 'utf8');
    const second = await signInline(image, pem);
    expect(outputsOf(second).signed).toBe('true');
    expect(outputsOf(second)['key-fingerprint']).toBe(keyFingerprint(createPublicKey(bob.publicPem)));
    const body = pem.split('\n')[1]!;
    expect(second.stdout + second.stderr).not.toContain(body);
    expect((await readSignatures(registryClient(repository), repository, digest)).signatures).toHaveLength(2);
  });

  it('signs with an AWS KMS key of the emulator (kms:Sign), found again by a re-run', { timeout: 60_000 }, async () => {
    const repository = `gantry/it/${unique('sign-kms')}`;
    const digest = await pushTestImage(repository);
    const image = `${localRegistry()}/${repository}@${digest}`;
    const keyId = await createKmsSigningKey();
    const run = await sign(image, `awskms:///${keyId}`, '--aws-region', 'us-east-1');
    expect(outputsOf(run).signed).toBe('true');
    expect(run.stderr).toContain(`with awskms:///${keyId} (SHA256:`);
    expect(outputsOf(await sign(image, `awskms:///${keyId}`, '--aws-region', 'us-east-1')).signed).toBe('false');
  });

  it('refuses bad inputs before writing anything, naming the input', { timeout: 60_000 }, async () => {
    const repository = `gantry/it/${unique('sign-bad')}`;
    const digest = await pushTestImage(repository);
    const image = `${localRegistry()}/${repository}@${digest}`;
    const cosignKey = join(dir, 'cosign.key');
    await writeFile(cosignKey, '-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\neyJrZGYiOnt9fQ==\n-----END ENCRYPTED SIGSTORE PRIVATE KEY-----\n');
    const cases: [string, string[], string][] = [
      ['image', ['--image', `${localRegistry()}/${repository}:v1`, '--key', alice.privateKey], 'must be given by digest'],
      ['key', ['--image', image, '--key', join(dir, 'missing.key')], 'cannot read'],
      ['key', ['--image', image, '--key', alice.publicKey], 'is not a PEM private key'],
      ['key', ['--image', image, '--key', 'awskms://kms.example.com/alias/x'], 'three slashes'],
      ['key', ['--image', image, '--key', 'awskms:///alias/no-such-key', '--aws-region', 'us-east-1'], 'does not exist'],
      ['key', ['--image', image, '--key', cosignKey], "cosign's encrypted key format"],
    ];
    for (const [input, args, problem] of cases) {
      const run = await runCli(['run', 'sign', ...args]);
      expect(run.code, `${input}: ${run.stderr}`).toBe(1);
      expect(run.stderr).toContain(`input '${input}'`);
      expect(run.stderr).toContain(problem);
    }
    const missing = await sign(`${localRegistry()}/${repository}@sha256:${'0'.repeat(64)}`, alice.privateKey);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('is not in the registry: nothing to sign');
    expect(await registryDigest(localRegistry(), repository, signatureTag(digest))).toBeUndefined();
  });
});
