import { describe, expect, it } from 'vitest';
import { awsFailure, classifyAwsError } from '../../src/aws/errors.js';

const sdkError = (name: string, status?: number, fault?: 'client' | 'server') =>
  Object.assign(new Error(`${name} happened`), { name, $metadata: { httpStatusCode: status }, $fault: fault });

describe('classifyAwsError', () => {
  it.each([
    ['AccessDenied', 403, 'permission'],
    ['ExpiredToken', 400, 'credentials'],
    ['InvalidIdentityToken', 400, 'credentials'],
    ['ValidationError', 400, 'validation'],
    ['ThrottlingException', 400, 'throttling'],
    ['ServiceUnavailable', 503, 'server'],
    ['ClusterNotFoundException', 400, 'not-found'],
    ['RepositoryAlreadyExistsException', 400, 'conflict'],
    ['SomethingNew', 429, 'throttling'],
    ['SomethingNew', 401, 'credentials'],
  ] as const)('%s (%s) is %s', (name, status, kind) => {
    expect(classifyAwsError(sdkError(name, status)).kind).toBe(kind);
  });

  it('retries only what can succeed later', () => {
    expect(classifyAwsError(sdkError('ThrottlingException', 400)).retryable).toBe(true);
    expect(classifyAwsError(sdkError('InternalFailure', 500, 'server')).retryable).toBe(true);
    expect(classifyAwsError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })).retryable).toBe(true);
    expect(classifyAwsError(sdkError('AccessDenied', 403)).retryable).toBe(false);
    expect(classifyAwsError(sdkError('ExpiredTokenException', 400)).retryable).toBe(false);
  });

  it('wraps a failure with the action, the code and a remedy', () => {
    const error = awsFailure('AssumeRoleWithWebIdentity arn:aws:iam::1:role/x', sdkError('AccessDenied', 403));
    expect(error.message).toBe('AssumeRoleWithWebIdentity arn:aws:iam::1:role/x: AccessDenied: AccessDenied happened');
    expect(error.remedy).toMatch(/trust policy/);
  });
});
