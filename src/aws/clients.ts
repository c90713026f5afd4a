import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { networkLimits } from '../model/network.js';

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
    // Bounded sockets: a silent endpoint must fail and be retried, not hang a pipeline. Without throwOnRequestTimeout
    // the handler only warns when the bound passes, and the call waits on.
    requestHandler: new NodeHttpHandler({ connectionTimeout: 5_000, requestTimeout: networkLimits().requestTimeoutMs, throwOnRequestTimeout: true }),
  };
}

interface MiddlewareStackLike {
  add(middleware: unknown, options: { step: 'deserialize'; priority: 'high'; name: string }): void;
}

/** Builds any modular SDK v3 client with Gantry's settings: `createAwsClient(STSClient, { region })`. */
export function createAwsClient<C extends { middlewareStack: MiddlewareStackLike }>(
  Client: new (config: ReturnType<typeof awsClientConfig>) => C,
  options: AwsClientOptions,
): C {
  const client = new Client(awsClientConfig(options));
  client.middlewareStack.add(retryBrokenAnswers, { step: 'deserialize', priority: 'high', name: 'gantryRetryBrokenAnswers' });
  return client;
}

/**
 * An answer that breaks off — a body cut short, JSON that ends mid-way — is a network failure like a reset
 * connection, not a verdict: marked retryable, the SDK's standard retry mode asks again with backoff. Placed
 * around the deserializer, inside the retry loop.
 */
function retryBrokenAnswers(next: (args: unknown) => Promise<unknown>) {
  return async (args: unknown) => {
    try {
      return await next(args);
    } catch (error) {
      if (isBrokenAnswer(error)) Object.assign(error as object, { $retryable: {} });
      throw error;
    }
  };
}

export function isBrokenAnswer(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { name?: string; code?: string; $responseBodyText?: unknown };
  return e.name === 'SyntaxError' || e.$responseBodyText !== undefined || e.code === 'ECONNRESET' || e.code === 'ERR_STREAM_PREMATURE_CLOSE';
}
