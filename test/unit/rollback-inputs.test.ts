import { describe, expect, it } from 'vitest';
import { parseInputs } from '../../src/model/stage.js';
import { REQUIRED_INPUTS, rollbackStage } from '../../src/stages/rollback.js';
import { inputErrorOf } from './support.js';

const TD = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:41';
const valid = {
  ecs: { target: 'ecs', 'aws-region': 'us-east-1', cluster: 'prod', service: 'web', 'task-definition-arn': TD },
  eks: { target: 'eks', 'aws-region': 'us-east-1', cluster: 'prod', workload: 'deployment/web', 'previous-images': 'app=reg.example.com/web:1.4' },
  gitops: { target: 'gitops', repository: '/srv/gitops.git', commit: '0123456789abcdef0123456789abcdef01234567' },
} as const;

describe('rollback inputs, per target', () => {
  it.each(Object.entries(valid))('accepts the inputs target %s needs, with the defaults', (target, raw) => {
    const input = parseInputs(rollbackStage, raw);
    expect(input.target).toBe(target);
    expect(input.force).toBe(false);
    expect(input['timeout-minutes']).toBe(15);
    expect(input.branch).toBe('main');
    expect(input.reason).toBe('the deployment failed verification');
  });

  it.each(
    (Object.keys(REQUIRED_INPUTS) as (keyof typeof REQUIRED_INPUTS)[]).flatMap((target) => REQUIRED_INPUTS[target].map((name) => [target, name] as const)),
  )('target %s refuses to run without %s, naming it', (target, name) => {
    const error = inputErrorOf(rollbackStage, { ...valid[target], [name]: undefined });
    expect(error.input).toBe(name);
    expect(error.message).toBe(`input '${name}': is required with target ${target}`);
  });

  it('requires a target, and one of the three', () => {
    expect(inputErrorOf(rollbackStage, { ...valid.ecs, target: undefined }).message).toBe("input 'target': is required");
    expect(inputErrorOf(rollbackStage, { ...valid.ecs, target: 'lambda' }).message).toBe("input 'target': must be one of ecs, eks, gitops");
  });

  it.each([
    ['ecs', 'previous-images', 'app=web:1', 'is an input of target eks, not ecs'],
    ['ecs', 'commit', 'abcdef1', 'is an input of target gitops, not ecs'],
    ['eks', 'task-definition-arn', TD, 'is an input of target ecs, not eks'],
    ['gitops', 'image', 'web:2', 'is an input of target eks, not gitops'],
    ['gitops', 'force', 'true', 'is only used with target ecs'],
  ] as const)('target %s refuses %s, which belongs to another target', (target, name, value, problem) => {
    const error = inputErrorOf(rollbackStage, { ...valid[target], [name]: value });
    expect(error.input).toBe(name);
    expect(error.message).toBe(`input '${name}': ${problem}`);
  });

  it.each([
    ['ecs', 'task-definition-arn', 'web', 'must be a task-definition ARN or family:revision'],
    ['ecs', 'expected-task-definition-arn', 'arn:aws:ecs:us-east-1:123456789012:task-definition/web', 'must be a task-definition ARN or family:revision'],
    ['ecs', 'cluster', 'no spaces', 'must be a cluster name'],
    ['ecs', 'timeout-minutes', '0', 'must be a number from 0.01 to 1440'],
    ['eks', 'cluster', 'arn:aws:ecs:us-east-1:123456789012:cluster/prod', 'must be an EKS cluster name'],
    ['eks', 'workload', 'job/migrate', 'must be [deployment|statefulset|daemonset/]<name>'],
    ['eks', 'previous-images', 'app', 'must be container=image pairs'],
    ['eks', 'image', 'web@sha256:123', 'must be an image reference'],
    ['gitops', 'commit', 'HEAD~1', 'must be a commit sha'],
    ['gitops', 'repository', 'ext::sh -c evil', 'must be an https://'],
    ['gitops', 'branch', 'a..b', 'must be a valid git branch name'],
    ['gitops', 'author-name', 'Eve <x>', 'must not contain <, >'],
  ] as const)('target %s: a malformed %s (%s) is refused, naming it', (target, name, value, problem) => {
    const error = inputErrorOf(rollbackStage, { ...valid[target], [name]: value });
    expect(error.input).toBe(name);
    expect(error.message).toContain(problem);
  });

  it('accepts family:revision and keeps what the deploy output', () => {
    const input = parseInputs(rollbackStage, { ...valid.ecs, 'task-definition-arn': 'web:41', 'expected-task-definition-arn': TD, force: 'TRUE' });
    expect(input['task-definition-arn']).toBe('web:41');
    expect(input['expected-task-definition-arn']).toBe(TD);
    expect(input.force).toBe(true);
  });

  it('reads the workload and previous images of an eks rollback', () => {
    const input = parseInputs(rollbackStage, { ...valid.eks, workload: 'sts/db', 'previous-images': 'db=pg:16,exporter=reg:5000/exp@sha256:' + 'a'.repeat(64) });
    expect(input.workload).toEqual({ kind: 'statefulset', name: 'db' });
    expect([...input['previous-images']!]).toEqual([
      ['db', 'pg:16'],
      ['exporter', `reg:5000/exp@sha256:${'a'.repeat(64)}`],
    ]);
  });
});
