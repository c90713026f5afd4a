import { GantryError } from '../model/errors.js';

/**
 * Why an AWS call failed, in the terms that decide what to do next: retry (throttling, server, network) or stop at
 * once and tell the user how to fix it (everything else). The SDK's standard retry mode already retries the first
 * group inside one call; this classification is for our own loops and for the message the user sees.
 */
export type AwsFailureKind =
  | 'credentials'
  | 'permission'
  | 'validation'
  | 'not-found'
  | 'conflict'
  | 'throttling'
  | 'server'
  | 'network'
  | 'unknown';

export interface AwsFailure {
  readonly kind: AwsFailureKind;
  readonly code: string;
  readonly message: string;
  readonly retryable: boolean;
  readonly remedy?: string;
}

const REMEDIES: Partial<Record<AwsFailureKind, string>> = {
  credentials:
    'the credentials are missing, expired or were rejected: run the auth stage again (credentials from a web identity last at most role-duration-seconds), or check AWS_WEB_IDENTITY_TOKEN_FILE / AWS_ROLE_ARN.',
  permission:
    "the role lacks a permission, or its trust policy does not admit this caller: check the role's permission policy and, for OIDC, the trust policy's `aud` and `sub` conditions against this repository and branch.",
  validation: 'a parameter sent to AWS is malformed: check the input named in the message.',
  'not-found': 'the resource does not exist in this account and region: check its name, the account and aws-region.',
  throttling: 'AWS is throttling requests: the call was retried with backoff; lower the concurrency or try again later.',
  network: 'AWS could not be reached: check the network, the region and any AWS_ENDPOINT_URL override.',
};

const CREDENTIAL_CODES = new Set([
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidIdentityToken',
  'IDPRejectedClaim',
  'IDPCommunicationError',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'SignatureDoesNotMatch',
  'IncompleteSignature',
  'MissingAuthenticationToken',
  'CredentialsProviderError',
  'TokenRefreshRequired',
]);
const PERMISSION_CODES = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'NotAuthorized', 'AuthorizationError']);
const VALIDATION_CODES = new Set([
  'ValidationError',
  'ValidationException',
  'InvalidParameterValue',
  'InvalidParameterException',
  'InvalidParameterCombination',
  'MalformedPolicyDocument',
  'MalformedPolicyDocumentException',
  'PackedPolicyTooLarge',
  'InvalidRequest',
  'InvalidInput',
  'SerializationException',
]);
const THROTTLING_CODES = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'ProvisionedThroughputExceededException',
  'LimitExceededException',
]);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'ERR_STREAM_PREMATURE_CLOSE',
  'TimeoutError',
  'RequestTimeout',
  // An answer whose body broke off: its JSON does not parse.
  'SyntaxError',
]);

interface SdkErrorShape {
  name?: string;
  code?: string;
  Code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  $fault?: 'client' | 'server';
}

export function classifyAwsError(error: unknown): AwsFailure {
  const e = (typeof error === 'object' && error !== null ? error : {}) as SdkErrorShape;
  const code = e.Code ?? e.code ?? e.name ?? 'Error';
  const status = e.$metadata?.httpStatusCode;
  // The SDK appends a hint about a hidden field to a deserialization error; the user needs only the first line.
  const message = code === 'SyntaxError' ? `the answer broke off (${(e.message ?? '').split('\n')[0]})` : (e.message ?? String(error));
  const kind = kindOf(code, status, e.$fault);
  const retryable = kind === 'throttling' || kind === 'server' || kind === 'network';
  return { kind, code, message, retryable, remedy: REMEDIES[kind] };
}

function kindOf(code: string, status: number | undefined, fault: string | undefined): AwsFailureKind {
  if (CREDENTIAL_CODES.has(code)) return 'credentials';
  if (PERMISSION_CODES.has(code)) return 'permission';
  if (VALIDATION_CODES.has(code)) return 'validation';
  if (THROTTLING_CODES.has(code) || status === 429) return 'throttling';
  if (NETWORK_CODES.has(code)) return 'network';
  if (code.endsWith('NotFoundException') || code.startsWith('NoSuch') || code.endsWith('NotFound') || status === 404) return 'not-found';
  if (code.endsWith('AlreadyExistsException') || status === 409) return 'conflict';
  if (status === 401) return 'credentials';
  if (status === 403) return 'permission';
  if ((status !== undefined && status >= 500) || fault === 'server') return 'server';
  if (status === 400) return 'validation';
  return 'unknown';
}

/** Wraps an AWS failure as a GantryError that names what we were doing, the AWS error code and the remedy. */
export function awsFailure(action: string, error: unknown): GantryError {
  const failure = classifyAwsError(error);
  return new GantryError(`${action}: ${failure.code}: ${failure.message}`, { remedy: failure.remedy, cause: error });
}

/**
 * Runs one AWS call, turning its failure into the GantryError `awsFailure` describes. A GantryError thrown by our own
 * code inside `fn` already says what went wrong, and passes through unchanged.
 */
export async function callAws<T>(action: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof GantryError) throw error;
    throw awsFailure(action, error);
  }
}
