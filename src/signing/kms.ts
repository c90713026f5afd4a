import { createPublicKey, type KeyObject } from 'node:crypto';
import { GetPublicKeyCommand, SignCommand, type KMSClient, type SigningAlgorithmSpec } from '@aws-sdk/client-kms';
import { awsFailure, classifyAwsError, callAws } from '../aws/errors.js';
import { InputError } from '../model/errors.js';

/** The signing algorithm cosign verifies for each KMS key spec it supports (SHA-256 throughout). */
const ALGORITHMS: Readonly<Record<string, SigningAlgorithmSpec>> = {
  ECC_NIST_P256: 'ECDSA_SHA_256',
  RSA_2048: 'RSASSA_PKCS1_V1_5_SHA_256',
  RSA_3072: 'RSASSA_PKCS1_V1_5_SHA_256',
  RSA_4096: 'RSASSA_PKCS1_V1_5_SHA_256',
};

/** KMS signs a message of at most this many bytes itself (MessageType RAW); a cosign payload is far smaller. */
const RAW_MESSAGE_LIMIT = 4096;

export interface KmsKey {
  readonly keyId: string;
  readonly publicKey: KeyObject;
  readonly algorithm: SigningAlgorithmSpec;
}

/**
 * The public half of an asymmetric KMS signing key (GetPublicKey: DER SubjectPublicKeyInfo) and the algorithm to sign
 * with. A key that does not exist, cannot sign, or has a spec cosign cannot verify is an error naming `input`.
 */
export async function kmsKey(kms: KMSClient, keyId: string, input: string): Promise<KmsKey> {
  let out;
  try {
    out = await kms.send(new GetPublicKeyCommand({ KeyId: keyId }));
  } catch (error) {
    const code = classifyAwsError(error).code;
    if (code === 'NotFoundException' || code === 'InvalidArnException') throw new InputError(input, `KMS key ${keyId} does not exist (${code})`);
    throw awsFailure(`KMS GetPublicKey ${keyId}`, error);
  }
  if (out.KeyUsage !== 'SIGN_VERIFY') throw new InputError(input, `KMS key ${keyId} is a ${out.KeyUsage ?? 'non-signing'} key, not a SIGN_VERIFY one`);
  // CustomerMasterKeySpec: the older name of KeySpec, which some endpoints still answer alone.
  const spec = out.KeySpec ?? out.CustomerMasterKeySpec ?? 'of an unknown spec';
  const algorithm = ALGORITHMS[spec];
  if (!algorithm || !(out.SigningAlgorithms ?? []).includes(algorithm)) {
    throw new InputError(input, `KMS key ${keyId} is ${spec}; cosign signatures need ECC_NIST_P256 (or RSA_2048/3072/4096)`);
  }
  const publicKey = createPublicKey({ key: Buffer.from(out.PublicKey!), format: 'der', type: 'spki' });
  return { keyId: out.KeyId ?? keyId, publicKey, algorithm };
}

/** Signs `message` with the KMS key; KMS hashes it (SHA-256) and answers an ASN.1 DER signature, as cosign stores it. */
export async function kmsSign(kms: KMSClient, key: KmsKey, message: Buffer): Promise<Buffer> {
  if (message.length > RAW_MESSAGE_LIMIT) throw new Error(`a signature payload of ${message.length} bytes exceeds KMS's ${RAW_MESSAGE_LIMIT}-byte message limit`);
  const out = await callAws(`KMS Sign ${key.keyId}`, () =>
    kms.send(new SignCommand({ KeyId: key.keyId, Message: message, MessageType: 'RAW', SigningAlgorithm: key.algorithm })),
  );
  return Buffer.from(out.Signature!);
}
