import { createSign, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';

/**
 * A local OIDC issuer: RS256-signed JWTs with the claims GitHub's token service puts in an Actions ID token, so the
 * auth stage runs the same web-identity exchange locally as on a runner.
 */
export const GITHUB_OIDC_ISSUER = 'https://token.actions.githubusercontent.com';

export interface LocalIssuer {
  readonly privateKey: KeyObject;
  readonly kid: string;
}

export function createIssuer(): LocalIssuer {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privateKey, kid: randomUUID() };
}

export interface TokenClaims {
  readonly sub: string;
  readonly aud: string;
  readonly repository?: string;
  readonly ref?: string;
  readonly ttlSeconds?: number;
}

export function mintToken(issuer: LocalIssuer, claims: TokenClaims, now = new Date()): string {
  const iat = Math.floor(now.getTime() / 1000);
  const header = { alg: 'RS256', typ: 'JWT', kid: issuer.kid };
  const payload = {
    iss: GITHUB_OIDC_ISSUER,
    sub: claims.sub,
    aud: claims.aud,
    repository: claims.repository,
    ref: claims.ref,
    jti: randomUUID(),
    iat,
    nbf: iat,
    exp: iat + (claims.ttlSeconds ?? 3600),
  };
  const body = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  const signature = createSign('RSA-SHA256').update(body).sign(issuer.privateKey);
  return `${body}.${b64url(signature)}`;
}

const b64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');
