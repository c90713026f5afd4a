/**
 * cosign's "simple signing" payload: the JSON document a signature covers, naming the image manifest by digest. The
 * bytes are what get signed and stored, so they are written in cosign's own key order and read back verbatim.
 */
export const SIGNATURE_TYPE = 'cosign container image signature';

export interface SimpleSigningPayload {
  readonly critical: {
    readonly identity: { readonly 'docker-reference': string };
    readonly image: { readonly 'docker-manifest-digest': string };
    readonly type: string;
  };
  readonly optional: Readonly<Record<string, unknown>> | null;
}

/** The payload for `repository` (registry host and path, no tag or digest) at `digest`, as `cosign sign` writes it. */
export function simpleSigningPayload(repository: string, digest: string): Buffer {
  const payload: SimpleSigningPayload = {
    critical: { identity: { 'docker-reference': repository }, image: { 'docker-manifest-digest': digest }, type: SIGNATURE_TYPE },
    optional: null,
  };
  return Buffer.from(JSON.stringify(payload));
}

/** Parses a payload; a string says what is wrong with it. */
export function parseSimpleSigningPayload(bytes: Buffer): SimpleSigningPayload | string {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    return 'the payload is not JSON';
  }
  const critical = (value as { critical?: SimpleSigningPayload['critical'] } | null)?.critical;
  const digest = critical?.image?.['docker-manifest-digest'];
  if (typeof digest !== 'string') return 'the payload names no critical.image.docker-manifest-digest';
  if (critical?.type !== SIGNATURE_TYPE) return `the payload's critical.type is ${JSON.stringify(critical?.type)}, not '${SIGNATURE_TYPE}'`;
  return value as SimpleSigningPayload;
}
