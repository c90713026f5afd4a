import { describe, expect, it } from 'vitest';
import { parseInputs } from '../../src/model/stage.js';
import { authStage, deriveSessionName } from '../../src/stages/auth.js';
import { inputErrorOf } from './support.js';

const valid = { 'aws-region': 'eu-west-1', 'role-arn': 'arn:aws:iam::123456789012:role/deploy' };


describe('parseInputs (auth)', () => {
  it('applies defaults and converts types', () => {
    const input = parseInputs(authStage, valid);
    expect(input['role-duration-seconds']).toBe(3600);
    expect(input.audience).toBe('sts.amazonaws.com');
    expect(input['role-arn']).toBe(valid['role-arn']);
  });

  it('treats empty strings as unset, as action inputs arrive', () => {
    expect(parseInputs(authStage, { ...valid, 'role-session-name': '' })['role-session-name']).toBeUndefined();
  });

  it('names a missing required input', () => {
    const error = inputErrorOf(authStage, { 'role-arn': valid['role-arn'] });
    expect(error.input).toBe('aws-region');
    expect(error.message).toBe("input 'aws-region': is required");
  });

  it.each([
    ['role-arn', 'arn:aws:iam::12345:role/deploy'],
    ['role-arn', 'arn:aws:iam::123456789012:user/deploy'],
    ['chain-role-arn', 'not-an-arn'],
    ['aws-region', 'Europe'],
    ['role-duration-seconds', '60'],
    ['role-duration-seconds', '1h'],
    ['role-session-name', 'has spaces in it'],
  ])('refuses a malformed %s (%s) and names it', (input, value) => {
    const error = inputErrorOf(authStage, { ...valid, [input]: value });
    expect(error.input).toBe(input);
    expect(error.message).toContain(`input '${input}'`);
  });

  it('refuses an input the stage does not have', () => {
    expect(inputErrorOf(authStage, { ...valid, 'role-arm': 'x' }).input).toBe('role-arm');
  });
});

describe('deriveSessionName', () => {
  it('joins repository and run id in STS alphabet', () => {
    expect(deriveSessionName({ repository: 'acme/web shop', runId: '123' })).toBe('gantry-acme-web-shop-123');
  });

  it('keeps the run id when the repository is long, within 64 characters', () => {
    const name = deriveSessionName({ repository: `acme/${'x'.repeat(100)}`, runId: '9876543210' });
    expect(name.length).toBeLessThanOrEqual(64);
    expect(name).toMatch(/^gantry-acme-x+-9876543210$/);
  });

  it('falls back to a timestamp outside CI', () => {
    expect(deriveSessionName({}, new Date(1_700_000_000_000))).toBe('gantry-local-1700000000');
  });
});
