import { createPublicKey } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GetPublicKeyCommand } from '@aws-sdk/client-kms';
import { beforeAll, describe, expect, it } from 'vitest';
import { localRegistry, outputsOf, scratchDir, unique } from './image-path-support.js';
import { cosign, createKmsSigningKey, emulatorKms, keyPair, pushTestImage, type KeyFiles } from './signing-support.js';
import { runCli } from './support.js';
import { createTestService, emulatorEcs, revisionCount } from '../fixtures/ecs/emulator.js';

/**
 * Interoperability with the real cosign (built by scripts/install-peers.sh at the pinned version): cosign verifies
 * what the sign stage writes, with a PEM key and with a KMS key of the emulator, and Gantry's require-signature accepts
 * what `cosign sign` writes. Nothing leaves loopback: no transparency log, no Fulcio, a plain-http local registry.
 */
const ecs = emulatorEcs();
let dir: string;
let home: string;
let alice: KeyFiles;
let mallory: KeyFiles;
const repository = `gantry/it/${unique('cosign')}`;
const image = (digest: string) => `${localRegistry()}/${repository}@${digest}`;

beforeAll(async () => {
  dir = await scratchDir();
  home = await scratchDir();
  await writeFile(join(home, 'trusted-root.json'), TRUSTED_ROOT);
  alice = await keyPair(dir, 'alice');
  mallory = await keyPair(dir, 'mallory');
}, 60_000);

/**
 * An empty trusted root given with --trusted-root: with a key and no transparency log cosign needs none, and without
 * the flag it would fetch Sigstore's from the public TUF repository.
 */
const TRUSTED_ROOT = '{"mediaType":"application/vnd.dev.sigstore.trustedroot+json;version=0.1"}';

const verify = async (key: string, target: string) => {
  const run = await cosign(['verify', '--key', key, '--insecure-ignore-tlog=true', '--allow-http-registry', '--trusted-root', join(home, 'trusted-root.json'), '--output', 'json', target], { HOME: home });
  expect(run.stderr).not.toContain('TUF');
  return run;
};

describe('cosign interoperability', () => {
  it('cosign verifies a PEM-key signature of the sign stage, and refuses it with another key', { timeout: 120_000 }, async () => {
    const digest = await pushTestImage(repository, 'pem');
    outputsOf(await runCli(['run', 'sign', '--image', image(digest), '--key', alice.privateKey]));
    const ok = await verify(alice.publicKey, image(digest));
    expect(ok.code, ok.stderr).toBe(0);
    const [verified] = JSON.parse(ok.stdout) as { critical: { image: { 'docker-manifest-digest': string } } }[];
    expect(verified!.critical.image['docker-manifest-digest']).toBe(digest);
    expect(ok.stderr).toContain('The signatures were verified against the specified public key');

    const wrong = await verify(mallory.publicKey, image(digest));
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toMatch(/no matching signatures/);
  });

  it('cosign verifies a signature made with a KMS key of the emulator, by the public key KMS gives', { timeout: 120_000 }, async () => {
    const digest = await pushTestImage(repository, 'kms');
    const keyId = await createKmsSigningKey();
    outputsOf(await runCli(['run', 'sign', '--image', image(digest), '--key', `awskms:///${keyId}`, '--aws-region', 'us-east-1']));
    const { PublicKey } = await emulatorKms().send(new GetPublicKeyCommand({ KeyId: keyId }));
    const pem = join(dir, 'kms.pub');
    await writeFile(pem, createPublicKey({ key: Buffer.from(PublicKey!), format: 'der', type: 'spki' }).export({ type: 'spki', format: 'pem' }));
    const ok = await verify(pem, image(digest));
    expect(ok.code, ok.stderr).toBe(0);
  });

  it("require-signature accepts cosign's own signature, and the sign stage explains cosign's encrypted key", { timeout: 180_000 }, async () => {
    const digest = await pushTestImage(repository, 'by-cosign');
    const env = { HOME: home, COSIGN_PASSWORD: 'test-only-password' };
    const generated = await cosign(['generate-key-pair', '--output-key-prefix', join(dir, 'cosign')], env);
    expect(generated.code, generated.stderr).toBe(0);
    const signed = await cosign(['sign', '--key', join(dir, 'cosign.key'), '--tlog-upload=false', '--allow-http-registry', '-y', image(digest)], env);
    expect(signed.code, signed.stderr).toBe(0);
    expect(signed.stderr).not.toContain('TUF');

    const t = await createTestService(ecs, 'cosign');
    const deploy = (key: string) =>
      runCli(['run', 'deploy-ecs', '--aws-region', 'us-east-1', '--cluster', t.cluster, '--service', t.service, '--poll-seconds', '0.25', '--image', image(digest), '--require-signature', key]);
    const refused = await deploy(alice.publicKey);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`image ${repository}@${digest} is not signed by key ${alice.publicKey}`);
    expect(await revisionCount(ecs, t.family)).toBe(1);
    const accepted = await deploy(join(dir, 'cosign.pub'));
    expect(outputsOf(accepted)['rollout-state']).toBe('COMPLETED');
    expect(accepted.stderr).toMatch(/Signature of .* by .*cosign\.pub \(SHA256:\w+\) verified/);

    const run = await runCli(['run', 'sign', '--image', image(digest), '--key', join(dir, 'cosign.key')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("cosign's encrypted key format");
    expect(run.stderr).toContain('Remedy: sign with a PKCS#8 PEM key');
    expect(await readFile(join(dir, 'cosign.pub'), 'utf8')).toContain('BEGIN PUBLIC KEY');
  });
});
