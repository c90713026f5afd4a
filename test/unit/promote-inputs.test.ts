import { describe, expect, it } from 'vitest';
import { parseInputs } from '../../src/model/stage.js';
import { PROMOTION_CHECKS } from '../../src/promote/checks.js';
import { promoteStage } from '../../src/stages/promote.js';
import { inputErrorOf } from './support.js';

const digest = `sha256:${'a'.repeat(64)}`;
const valid = { 'aws-region': 'eu-west-1', 'source-image': `111111111111.dkr.ecr.eu-west-1.amazonaws.com/shop/staging/api@${digest}`, 'target-repository': 'shop/production/api', tags: 'v1, sha-abc1234' };

describe('promote inputs', () => {
  it('parses a digest reference, the tags and the defaults', () => {
    const input = parseInputs(promoteStage, valid);
    expect(input['source-image']).toEqual({ name: '111111111111.dkr.ecr.eu-west-1.amazonaws.com/shop/staging/api', digest, tag: undefined });
    expect(input.tags).toEqual(['v1', 'sha-abc1234']);
    expect(input['carry-attached']).toBe(true);
  });

  it.each([
    [{ 'source-image': 'shop/staging/api:v1' }, 'source-image', 'must name the image by digest'],
    [{ 'source-image': 'shop/staging/api' }, 'source-image', 'must name the image by digest'],
    [{ 'source-image': 'shop/staging/api@sha256:abc' }, 'source-image', 'has a malformed digest'],
    [{ tags: '' }, 'tags', 'is required'],
    [{ tags: ' , ' }, 'tags', 'must name at least one tag'],
    [{ tags: 'V1' }, 'tags', 'contains uppercase letters'],
    [{ 'target-repository': 'Shop/Prod' }, 'target-repository', 'must be an ECR repository name'],
    [{ 'target-registry': 'http://10.0.0.1:5000' }, 'target-registry', 'plain http is allowed only for a loopback registry'],
    [{ 'target-role-arn': 'production' }, 'target-role-arn', 'must be an IAM role ARN'],
    [{ 'target-region': 'europe' }, 'target-region', 'must be an AWS region'],
  ])('refuses %o, naming %s', (change, name, problem) => {
    const error = inputErrorOf(promoteStage, { ...valid, ...change });
    expect(error.input).toBe(name);
    expect(error.message).toContain(problem);
  });

  it('keeps its refusals in one ordered list, the source checked before the target', () => {
    expect(PROMOTION_CHECKS.map((check) => check.name)).toEqual(['digest present at the source', 'signature by the required key', 'target repository exists', 'immutable target tags free']);
  });
});
