import { describe, expect, it } from 'vitest';
import { parseInputs } from '../../src/model/stage.js';
import { lifecyclePolicy, samePolicy } from '../../src/oci/ecr.js';
import { parseRegistry } from '../../src/oci/reference.js';
import { pushStage } from '../../src/stages/push.js';
import { inputErrorOf } from './support.js';

const valid = { 'aws-region': 'us-east-1', repository: 'shop/prod/api', 'oci-archive': '/tmp/image.tar' };


describe('push inputs', () => {
  it('applies defaults', () => {
    expect(parseInputs(pushStage, valid)).toMatchObject({
      encryption: 'AES256',
      'keep-last': 10,
      'expire-untagged-days': 7,
      tags: [],
    });
  });

  it.each([
    [{ repository: 'Shop/API' }, 'repository', /ECR repository name/],
    [{ repository: 'a' }, 'repository', /2-256/],
    [{ repository: 'x'.repeat(257) }, 'repository', /2-256/],
    [{ repository: 'shop//api' }, 'repository', /ECR repository name/],
    [{ repository: 'shop/api/' }, 'repository', /ECR repository name/],
    [{ repository: 'shop/api:tag' }, 'repository', /ECR repository name/],
    [{ 'keep-last': '-1' }, 'keep-last', /whole number from 1/],
    [{ 'keep-last': '0' }, 'keep-last', /whole number from 1/],
    [{ 'expire-untagged-days': '-3' }, 'expire-untagged-days', /whole number/],
    [{ tags: 'ok,Not OK' }, 'tags', /uppercase|space/],
    [{ registry: 'http://registry.example.com' }, 'registry', /only for a loopback registry/],
    [{ registry: 'not a host' }, 'registry', /registry host/],
    [{ encryption: 'aws:kms' }, 'encryption', /AES256 or KMS/],
    [{ 'aws-region': 'Mars' }, 'aws-region', /AWS region/],
  ])('refuses %o naming %s', (override, input, message) => {
    const error = inputErrorOf(pushStage, { ...valid, ...override });
    expect(error.input).toBe(input);
    expect(error.message).toMatch(message);
  });

  it('leaves scanning and mutability unset unless given, so an existing repository keeps its own', () => {
    const input = parseInputs(pushStage, valid);
    expect(input['scan-on-push']).toBeUndefined();
    expect(input['tag-immutability']).toBeUndefined();
    expect(parseInputs(pushStage, { ...valid, 'tag-immutability': 'true' })['tag-immutability']).toBe(true);
  });

  it('accepts project/env/service names and the characters ECR allows', () => {
    for (const repository of ['shop/prod/api', 'a1', 'team.x/svc_y-z', 'x'.repeat(256)]) expect(parseInputs(pushStage, { ...valid, repository }).repository).toBe(repository);
  });
});

describe('parseRegistry', () => {
  it('uses http for a bare loopback host and https otherwise', () => {
    expect(parseRegistry('127.0.0.1:5000')).toEqual({ scheme: 'http', host: '127.0.0.1:5000' });
    expect(parseRegistry('localhost:5000')).toEqual({ scheme: 'http', host: 'localhost:5000' });
    expect(parseRegistry('https://127.0.0.1:5443')).toEqual({ scheme: 'https', host: '127.0.0.1:5443' });
    expect(parseRegistry('https://123456789012.dkr.ecr.us-east-1.amazonaws.com')).toEqual({ scheme: 'https', host: '123456789012.dkr.ecr.us-east-1.amazonaws.com' });
    expect(parseRegistry('123456789012.dkr.ecr.us-east-1.amazonaws.com')).toEqual({ scheme: 'https', host: '123456789012.dkr.ecr.us-east-1.amazonaws.com' });
  });

  it('refuses plain http to anything but loopback', () => {
    expect(parseRegistry('http://10.0.0.5:5000')).toMatch(/loopback/);
    expect(parseRegistry('http://127.0.0.1.evil.com')).toMatch(/loopback/);
  });
});

describe('lifecycle policy', () => {
  it('expires untagged images first, then keeps the last N tagged ones', () => {
    const policy = lifecyclePolicy({ keepLast: 10, expireUntaggedDays: 14 });
    expect(policy.rules).toEqual([
      expect.objectContaining({ rulePriority: 1, selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 14 }, action: { type: 'expire' } }),
      expect.objectContaining({ rulePriority: 2, selection: { tagStatus: 'tagged', tagPatternList: ['*'], countType: 'imageCountMoreThan', countNumber: 10 }, action: { type: 'expire' } }),
    ]);
  });

  it('has no untagged rule when untagged images are kept', () => {
    expect(lifecyclePolicy({ keepLast: 3, expireUntaggedDays: 0 }).rules).toEqual([expect.objectContaining({ rulePriority: 1, selection: expect.objectContaining({ countNumber: 3 }) })]);
  });

  it('compares policies by meaning, so an unchanged policy is not rewritten', () => {
    const desired = JSON.stringify(lifecyclePolicy({ keepLast: 10, expireUntaggedDays: 7 }));
    const reordered = JSON.stringify(JSON.parse(desired), null, 2).replace('"rulePriority": 1,', '"rulePriority":1,');
    expect(samePolicy(reordered, desired)).toBe(true);
    expect(samePolicy(undefined, desired)).toBe(false);
    expect(samePolicy(JSON.stringify(lifecyclePolicy({ keepLast: 5, expireUntaggedDays: 7 })), desired)).toBe(false);
    expect(samePolicy('not json', desired)).toBe(false);
  });
});
