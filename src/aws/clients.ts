import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';

/**
 * Settings every AWS client is built with. Endpoints are deliberately absent: the SDK reads `AWS_ENDPOINT_URL`
 * and `AWS_ENDPOINT_URL_<SERVICE>` itself, for every client including the STS client behind web-identity
 * credentials, so a local emulator is one environment variable away and no code path differs.
 */
export interface AwsClientOptions {
  readonly region: string;
  /** Explicit credentials; omitted, the SDK's default chain (env, web identity token file, profile…) applies. */
  readonly credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** Attempts per call in the SDK's standard retry mode (throttling, 5xx and network errors, with backoff). */
  readonly maxAttempts?: number;
}

export const DEFAULT_MAX_ATTEMPTS = 5;

export function awsClientConfig(options: AwsClientOptions) {
  return {
    region: options.region,
    credentials: options.credentials,
    retryMode: 'standard' as const,
    maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    // Bounded sockets: a silent endpoint must fail and be retried, not hang a pipeline.
    requestHandler: new NodeHttpHandler({ connectionTimeout: 5_000, requestTimeout: 60_000 }),
  };
}

/** Builds any modular SDK v3 client with Gantry's settings: `createAwsClient(STSClient, { region })`. */
export function createAwsClient<C>(Client: new (config: ReturnType<typeof awsClientConfig>) => C, options: AwsClientOptions): C {
  return new Client(awsClientConfig(options));
}
