import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/model/errors.js';
import { describeKey, keyFingerprint, parseKeyReference, privateKeyFromPem, publicKeyFromPem } from '../../src/signing/keys.js';
import { parseSimpleSigningPayload, simpleSigningPayload } from '../../src/signing/payload.js';
import { signatureTag } from '../../src/signing/signatures.js';
import { requireSignatureProblem } from '../../src/signing/require.js';

const UUID = '1234abcd-12ab-34cd-56ef-1234567890ab';

describe('key references', () => {
  it.each([
    [`awskms:///${UUID}`, { kind: 'kms', keyId: UUID }],
    ['awskms:///alias/release-signing', { kind: 'kms', keyId: 'alias/release-signing' }],
    [`awskms:///arn:aws:kms:eu-west-1:123456789012:key/${UUID}`, { kind: 'kms', keyId: `arn:aws:kms:eu-west-1:123456789012:key/${UUID}`, region: 'eu-west-1' }],
    [UUID, { kind: 'kms', keyId: UUID }],
    ['alias/release-signing', { kind: 'kms', keyId: 'alias/release-signing' }],
    ['keys/release.pub', { kind: 'file', path: 'keys/release.pub' }],
    ['-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----', { kind: 'pem', pem: '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----' }],
  ])('%s', (value, expected) => {
    expect(parseKeyReference(value)).toEqual(expected);
  });

  it.each([
    ['awskms://kms.example.com/alias/x', /three slashes/],
    ['awskms:///not a key', /names no KMS key/],
    ['arn:aws:iam::123456789012:role/x', /must be a KMS key ARN/],
    ['', /must be a PEM key/],
  ])('refuses %j', (value, problem) => {
    expect(parseKeyReference(value)).toMatch(problem);
  });

  it('names a key by where it came from and its fingerprint, never by its material', () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const name = describeKey({ kind: 'pem', pem }, publicKey);
    expect(name).toMatch(/^the PEM key given inline \(SHA256:[0-9a-f]{16}\)$/);
    expect(name).toContain(keyFingerprint(publicKey));
  });

  it('accepts P-256 and RSA keys, refuses other curves and key types, naming the input', () => {
    const p256 = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const p384 = generateKeyPairSync('ec', { namedCurve: 'secp384r1' });
    const ed = generateKeyPairSync('ed25519');
    const pem = (k: { publicKey: { export(o: object): string | Buffer } }) => k.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(publicKeyFromPem(pem(p256), 'require-signature', 'k').asymmetricKeyType).toBe('ec');
    expect(() => publicKeyFromPem(pem(p384), 'require-signature', 'k')).toThrow(/input 'require-signature': k is an ECDSA key on secp384r1/);
    expect(() => publicKeyFromPem(pem(ed), 'require-signature', 'k')).toThrow(/is a ed25519 key/);
    expect(() => publicKeyFromPem('-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----', 'require-signature', 'k')).toThrow(InputError);
  });

  it('reads an encrypted PKCS#8 key with its password, and names key-password when it is missing or wrong', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const encrypted = privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'right' }).toString();
    expect(privateKeyFromPem(encrypted, 'key', 'k', 'right').asymmetricKeyType).toBe('ec');
    expect(() => privateKeyFromPem(encrypted, 'key', 'k')).toThrow("input 'key-password': is required: k is encrypted");
    expect(() => privateKeyFromPem(encrypted, 'key', 'k', 'wrong')).toThrow("input 'key-password': does not decrypt k");
  });
});

describe('simple-signing payload', () => {
  const digest = `sha256:${'ab'.repeat(32)}`;

  it("is cosign's JSON, byte for byte, and parses back", () => {
    const bytes = simpleSigningPayload('127.0.0.1:5000/shop/api', digest);
    expect(bytes.toString()).toBe(
      `{"critical":{"identity":{"docker-reference":"127.0.0.1:5000/shop/api"},"image":{"docker-manifest-digest":"${digest}"},"type":"cosign container image signature"},"optional":null}`,
    );
    expect(parseSimpleSigningPayload(bytes)).toMatchObject({ critical: { image: { 'docker-manifest-digest': digest } } });
    expect(signatureTag(digest)).toBe(`sha256-${'ab'.repeat(32)}.sig`);
  });

  it('says what is wrong with a payload that is not one', () => {
    expect(parseSimpleSigningPayload(Buffer.from('not json'))).toBe('the payload is not JSON');
    expect(parseSimpleSigningPayload(Buffer.from('{"critical":{}}'))).toMatch(/names no critical\.image\.docker-manifest-digest/);
    expect(parseSimpleSigningPayload(Buffer.from(`{"critical":{"image":{"docker-manifest-digest":"${digest}"},"type":"other"}}`))).toMatch(/critical\.type is "other"/);
  });
});

describe('require-signature needs the image by digest', () => {
  const key = { kind: 'file', path: 'k.pub' } as const;
  it.each([
    ['127.0.0.1:5000/app:v1', 'must be given by digest'],
    [undefined, 'is required with require-signature'],
  ])('%s', (image, problem) => {
    expect(requireSignatureProblem(image, key)?.problem).toContain(problem);
  });
  it('and is silent without a key or with a digest', () => {
    expect(requireSignatureProblem('127.0.0.1:5000/app:v1', undefined)).toBeUndefined();
    expect(requireSignatureProblem(`127.0.0.1:5000/app@sha256:${'0'.repeat(64)}`, key)).toBeUndefined();
  });
});
