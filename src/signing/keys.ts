import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { GantryError, InputError } from '../model/errors.js';

/**
 * A signing or verification key as a user names it: an AWS KMS key (`awskms:///<id, alias or ARN>` as cosign writes
 * it, or the bare id, alias or ARN), a PEM key given inline, or the path of a PEM file.
 */
export type KeyReference =
  | { readonly kind: 'kms'; readonly keyId: string; readonly region?: string }
  | { readonly kind: 'pem'; readonly pem: string }
  | { readonly kind: 'file'; readonly path: string };

const KMS_ARN = /^arn:aws[\w-]*:kms:([a-z0-9-]+):\d{12}:(?:key|alias)\/[\w/+=.@-]+$/;
const KMS_ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32}|alias\/[\w/+=.@-]+)$/;

/** Parses a key input; a string says what is wrong. */
export function parseKeyReference(value: string): KeyReference | string {
  const text = value.trim();
  if (text.includes('-----BEGIN ')) return { kind: 'pem', pem: text };
  if (text.startsWith('awskms://')) {
    const match = /^awskms:\/\/([^/]*)\/(.+)$/.exec(text);
    if (!match || match[1] !== '') {
      return 'must be awskms:///<key id, alias or ARN> (three slashes: the endpoint comes from the AWS settings, e.g. AWS_ENDPOINT_URL_KMS)';
    }
    return kmsReference(match[2]!) ?? `names no KMS key: '${match[2]}' is not a key id, alias/<name> or key ARN`;
  }
  const kms = kmsReference(text);
  if (kms) return kms;
  if (text.startsWith('arn:')) return 'must be a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>), a PEM key or the path of one';
  if (text === '' || /[\n\r]/.test(text)) return 'must be a PEM key, the path of a PEM file, or awskms:///<KMS key id, alias or ARN>';
  return { kind: 'file', path: text };
}

function kmsReference(id: string): KeyReference | undefined {
  const arn = KMS_ARN.exec(id);
  if (arn) return { kind: 'kms', keyId: id, region: arn[1] };
  if (KMS_ID.test(id)) return { kind: 'kms', keyId: id };
  return undefined;
}

/** How a key is named in logs and refusals: never the key material itself. */
export function describeKey(reference: KeyReference, publicKey?: KeyObject): string {
  const fingerprint = publicKey ? ` (${keyFingerprint(publicKey)})` : '';
  if (reference.kind === 'kms') return `awskms:///${reference.keyId}${fingerprint}`;
  if (reference.kind === 'file') return `${reference.path}${fingerprint}`;
  return `the PEM key given inline${fingerprint}`;
}

/** `SHA256:<hex>` of the public key's SubjectPublicKeyInfo, shortened: tells two keys apart in a log line. */
export function keyFingerprint(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return `SHA256:${createHash('sha256').update(der).digest('hex').slice(0, 16)}`;
}

/** The key types cosign verifies with SHA-256: ECDSA on P-256 and RSA. */
export function keyTypeProblem(key: KeyObject): string | undefined {
  if (key.asymmetricKeyType === 'ec') {
    const curve = key.asymmetricKeyDetails?.namedCurve;
    return curve === 'prime256v1' ? undefined : `is an ECDSA key on ${curve}; cosign signatures use P-256 (prime256v1)`;
  }
  if (key.asymmetricKeyType === 'rsa') {
    return (key.asymmetricKeyDetails?.modulusLength ?? 0) >= 2048 ? undefined : 'is an RSA key shorter than 2048 bits';
  }
  return `is a ${key.asymmetricKeyType} key; use ECDSA P-256 (or RSA)`;
}

/** The PEM text of a file or inline key; an unreadable file is an input error. */
export async function pemText(reference: Extract<KeyReference, { kind: 'pem' | 'file' }>, input: string): Promise<string> {
  if (reference.kind === 'pem') return reference.pem;
  try {
    return await readFile(reference.path, 'utf8');
  } catch (error) {
    throw new InputError(input, `cannot read ${reference.path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** A PEM public key (a private key gives its public half). */
export function publicKeyFromPem(pem: string, input: string, name: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey({ key: pem, format: 'pem' });
  } catch (error) {
    throw new InputError(input, `${name} is not a PEM public key: ${(error as Error).message}`);
  }
  const problem = keyTypeProblem(key);
  if (problem) throw new InputError(input, `${name} ${problem}`);
  return key;
}

/** cosign's own password-protected format (`cosign generate-key-pair`), sealed with a cipher Node does not ship. */
const COSIGN_ENCRYPTED = /-----BEGIN ENCRYPTED (?:SIGSTORE|COSIGN) PRIVATE KEY-----/;

/** A PEM private key: PKCS#8 (encrypted with `password`, or plain) or SEC1 `EC PRIVATE KEY`. */
export function privateKeyFromPem(pem: string, input: string, name: string, password?: string): KeyObject {
  if (COSIGN_ENCRYPTED.test(pem)) {
    throw new GantryError(`input '${input}': ${name} is in cosign's encrypted key format (scrypt + NaCl secretbox), which Gantry does not read`, {
      remedy:
        'sign with a PKCS#8 PEM key instead: `openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out cosign.pem` (add `-aes256` and give key-password to encrypt it); ' +
        '`cosign import-key-pair --key cosign.pem` makes the same key usable by cosign, and `cosign verify` checks either with its public key.',
    });
  }
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: 'pem', passphrase: password });
  } catch (error) {
    const message = (error as Error).message;
    const encrypted = /ENCRYPTED/.test(pem);
    throw new InputError(
      encrypted ? 'key-password' : input,
      encrypted ? (password ? `does not decrypt ${name}` : `is required: ${name} is encrypted`) : `${name} is not a PEM private key: ${message}`,
    );
  }
  const problem = keyTypeProblem(key);
  if (problem) throw new InputError(input, `${name} ${problem}`);
  return key;
}
