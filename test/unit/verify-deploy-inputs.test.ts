import { describe, expect, it } from 'vitest';
import { parseInputs } from '../../src/model/stage.js';
import { deployEcsStage } from '../../src/stages/deploy-ecs.js';
import { deployEksStage } from '../../src/stages/deploy-eks.js';
import { verifyStage } from '../../src/stages/verify.js';
import { smokeCheckValues, smokePlanOf, verifyInputs } from '../../src/verify/inputs.js';
import { inputErrorOf } from './support.js';

describe('verify inputs of the deploy stages', () => {
  it('are the verify stage inputs prefixed verify-, in both deploy stages', () => {
    const names = Object.keys(verifyInputs);
    expect(names).toEqual(Object.keys(verifyStage.inputs).map((name) => `verify-${name}`));
    for (const stage of [deployEcsStage, deployEksStage]) expect(Object.keys(stage.inputs)).toEqual(expect.arrayContaining(names));
  });

  it('verify nothing unless verify-url or verify-checks is given', async () => {
    const base = { 'aws-region': 'us-east-1', cluster: 'c', service: 's' };
    expect(await smokePlanOf(smokeCheckValues(parseInputs(deployEcsStage, base), 'verify-'), 'verify-')).toBeUndefined();
    const plan = await smokePlanOf(smokeCheckValues(parseInputs(deployEcsStage, { ...base, 'verify-url': 'http://h/ready', 'verify-deadline-seconds': '5' }), 'verify-'), 'verify-');
    expect(plan?.checks.map((c) => c.name)).toEqual(['http://h/ready']);
    expect(plan?.options.deadlineMs).toBe(5_000);
  });

  it('name the prefixed input in their complaints', () => {
    const base = { 'aws-region': 'us-east-1', cluster: 'c', workload: 'web', image: 'r/web:1' };
    expect(inputErrorOf(deployEksStage, { ...base, 'verify-header': 'etag' }).input).toBe('verify-header');
    expect(inputErrorOf(deployEksStage, { ...base, 'verify-header': 'etag' }).message).toMatch(/is only used with verify-url/);
    expect(inputErrorOf(deployEcsStage, { 'aws-region': 'us-east-1', cluster: 'c', service: 's', 'verify-url': 'file:///x' }).input).toBe('verify-url');
  });
});
