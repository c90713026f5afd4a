import { awsRegion } from '../model/inputs.js';
import type { Runtime } from '../model/runtime.js';
import { defineStage, input, type StageInput } from '../model/stage.js';
import * as z from '../model/zod.js';
import { formatImageReference, imageReferenceInput } from '../oci/image-reference.js';
import { imageRepository } from '../signing/access.js';
import { keyFingerprint } from '../signing/keys.js';
import { keyReferenceInput } from '../signing/require.js';
import { loadSigner, signImage } from '../signing/sign.js';

const inputs = {
  image: input(imageReferenceInput({ pinned: true }), {
    description: 'The image to sign, by digest: <registry>/<repository>@sha256:… (the image output of push).',
  }),
  key: input(keyReferenceInput, {
    description:
      'Signing key: a PEM private key (PKCS#8 or EC; inline or a file path), or an AWS KMS asymmetric key (ECC_NIST_P256) as awskms:///<key id, alias or ARN>, which signs with kms:Sign and never leaves KMS.',
  }),
  'key-password': input(z.optional(z.string()), {
    description: 'Password of an encrypted PKCS#8 PEM key (masked).',
    env: ['COSIGN_PASSWORD'],
  }),
  'aws-region': input(z.optional(awsRegion), {
    description: "AWS region of a KMS key not given by its ARN (an ARN names its own region). An ECR registry's login uses the region of the registry's host.",
    env: ['AWS_REGION', 'AWS_DEFAULT_REGION'],
  }),
};

type SignInput = StageInput<typeof inputs>;

/**
 * Signs an image digest in the format `cosign verify` checks: a simple-signing payload naming the digest, signed
 * with a PEM key or an AWS KMS key, stored as a layer of the `sha256-<hex>.sig` manifest in the image's repository.
 */
export const signStage = defineStage({
  name: 'sign',
  description: 'Sign an image by digest with a PEM or AWS KMS key, stored as cosign stores signatures (verifiable with cosign verify).',
  inputs,
  outputs: {
    image: { description: 'The signed image by digest.' },
    'signature-tag': { description: 'Where the signatures are stored: <registry>/<repository>:sha256-<hex>.sig.' },
    'key-fingerprint': { description: 'SHA256 fingerprint of the public key that verifies the signature (as refusals and logs name it).' },
    signed: { description: 'true when this run added a signature; false when one by this key was already there.' },
  },
  check: (input) => (input.image.digest ? undefined : { input: 'image', problem: 'must be given by digest (repo@sha256:…): a signature covers a digest, never a tag' }),
  run: signRun,
});

async function signRun(input: SignInput, runtime: Runtime) {
  const password = input['key-password'];
  if (password) runtime.setSecret(password);
  if (input.key.kind === 'pem') runtime.setSecret(input.key.pem);
  const signer = await loadSigner(input.key, { password, region: input['aws-region'], runtime, input: 'key' });
  const { name } = input.image;
  const digest = input.image.digest!;
  const { client, repository } = await imageRepository(name, runtime, 'image');
  const result = await signImage(client, { repository, dockerReference: name, digest }, signer, (line) => runtime.info(line));
  const image = formatImageReference({ name, digest });
  await runtime.appendSummary([`### Image signed: \`${image}\``, '', `key ${signer.name}; signatures at \`${name}:${result.tag}\`${result.signed ? '' : ' (already signed)'}`, ''].join('\n'));
  return {
    image,
    'signature-tag': `${name}:${result.tag}`,
    'key-fingerprint': keyFingerprint(signer.publicKey),
    signed: String(result.signed),
  };
}
