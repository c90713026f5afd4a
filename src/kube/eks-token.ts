import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { awsFailure } from '../aws/errors.js';
import { createAwsClient } from '../aws/clients.js';

/** How EKS (aws-iam-authenticator) recognises its bearer tokens. */
export const EKS_TOKEN_PREFIX = 'k8s-aws-v1.';
/** The signed header that binds a token to one cluster. */
const CLUSTER_ID_HEADER = 'x-k8s-aws-id';
/** What `aws eks get-token` uses; the server accepts a token for at most 15 minutes past its signing time anyway. */
const PRESIGN_EXPIRES_SECONDS = 60;

export interface EksToken {
  readonly token: string;
  /** When the API server stops accepting it (signing time + 15 min, less a margin for clock skew). */
  readonly refreshAfter: Date;
}

/** Where the STS client would send GetCallerIdentity, and under which region it would sign it. */
interface StsTarget {
  readonly protocol: string;
  readonly hostname: string;
  readonly port?: number;
  readonly signingRegion: string;
}

/**
 * An EKS bearer token, as `aws eks get-token` makes it: STS GetCallerIdentity presigned as a GET, with the cluster
 * name as a signed header, base64url-encoded behind `k8s-aws-v1.`. No aws CLI and no kubeconfig: the STS endpoint is
 * the one the SDK resolves for STS (so `AWS_ENDPOINT_URL_STS` / `AWS_ENDPOINT_URL` apply as to every other call),
 * and the credentials are those of the default chain unless given.
 */
export async function eksToken(
  clusterName: string,
  options: { region: string; credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider; now?: Date },
): Promise<EksToken> {
  const sts = createAwsClient(STSClient, { region: options.region, credentials: options.credentials });
  let credentials: AwsCredentialIdentity;
  try {
    credentials = await sts.config.credentials();
  } catch (error) {
    throw awsFailure('loading AWS credentials for the EKS token', error);
  }
  const target = await resolveStsTarget(sts, options.region);
  const signer = new SignatureV4({ credentials, region: target.signingRegion, service: 'sts', sha256: Hash.bind(null, 'sha256') });
  const host = target.port ? `${target.hostname}:${target.port}` : target.hostname;
  const signingDate = options.now ?? new Date();
  const presigned = await signer.presign(
    {
      method: 'GET',
      protocol: target.protocol,
      hostname: target.hostname,
      port: target.port,
      path: '/',
      query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
      headers: { host, [CLUSTER_ID_HEADER]: clusterName },
    },
    { expiresIn: PRESIGN_EXPIRES_SECONDS, signingDate },
  );
  const query = new URLSearchParams(presigned.query as Record<string, string>).toString();
  const url = `${target.protocol}//${host}/?${query}`;
  return {
    token: `${EKS_TOKEN_PREFIX}${Buffer.from(url).toString('base64url')}`,
    refreshAfter: new Date(signingDate.getTime() + 14 * 60_000 - 30_000),
  };
}

/**
 * Asks the SDK itself where GetCallerIdentity would go: a middleware after endpoint resolution reads the request and
 * returns before anything is signed or sent. This keeps every endpoint rule (regional STS, FIPS, the endpoint
 * environment variables) in the SDK instead of copying them here.
 */
async function resolveStsTarget(sts: STSClient, region: string): Promise<StsTarget> {
  let target: StsTarget | undefined;
  sts.middlewareStack.add(
    (_next, context) => async (args) => {
      const request = args.request as { protocol: string; hostname: string; port?: number };
      const scheme = (context as { endpointV2?: { properties?: { authSchemes?: { signingRegion?: string }[] } } }).endpointV2;
      target = {
        protocol: request.protocol,
        hostname: request.hostname,
        port: request.port,
        signingRegion: scheme?.properties?.authSchemes?.[0]?.signingRegion ?? region,
      };
      return { output: { $metadata: {} }, response: {} } as never;
    },
    { step: 'build', name: 'gantryResolveStsTarget' },
  );
  await sts.send(new GetCallerIdentityCommand({}));
  if (!target) throw new Error('could not resolve the STS endpoint for the EKS token');
  return target;
}
