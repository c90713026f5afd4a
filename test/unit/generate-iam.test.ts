import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { iamFiles, permissionPolicy, subjectsOf, type Statement } from '../../src/generate/iam/policies.js';
import { resolvePipeline } from '../../src/pipeline/resolve.js';

const seed = (name: string) => resolvePipeline(parse(readFileSync(`examples/pipelines/${name}.yaml`, 'utf8')));
const actionsOf = (statements: readonly Statement[]) => statements.flatMap((s) => (typeof s.Action === 'string' ? [s.Action] : [...s.Action]));

/** The AWS API calls a directory of stage code makes, read from its SDK commands: `new RunTaskCommand` → RunTask. */
function sdkCalls(dir: string): string[] {
  const files = readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isFile() ? [join(dir, f)] : []));
  return [...new Set(files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/new ([A-Z][A-Za-z]+)Command\(/g)].map((m) => m[1]!)))];
}

describe('permission policies', () => {
  const ecsModel = seed('cloud-design');
  const production = ecsModel.environments.find((e) => e.name === 'production')!;
  const policy = permissionPolicy(production);
  const actions = actionsOf(policy.Statement);

  it('allow every ECS and ECR call the push and deploy-ecs code makes', () => {
    for (const call of sdkCalls('src/ecs')) expect(actions, call).toContain(`ecs:${call}`);
    for (const call of sdkCalls('src/oci')) expect(actions, call).toContain(`ecr:${call}`);
  });

  it('name the model\'s resources, per environment', () => {
    const push = policy.Statement.find((s) => s.Sid === 'EcrPush')!;
    expect(push.Resource).toEqual(['api-gateway', 'inventory', 'billing'].map((s) => `arn:aws:ecr:eu-west-1:222222222222:repository/cloud-design/production/${s}`));
    const services = policy.Statement.find((s) => s.Sid === 'EcsServices')!;
    expect(services.Resource).toEqual(['api-gateway', 'inventory', 'billing'].map((s) => `arn:aws:ecs:eu-west-1:222222222222:service/cloud-design-production/${s}`));
    // Roles may be passed to ECS tasks only.
    expect(policy.Statement.find((s) => s.Action === 'iam:PassRole')!.Condition).toEqual({ StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } });
  });

  it('grant nothing of a service the model does not use', () => {
    expect(actions.filter((a) => !/^(ecr|ecs|iam):/.test(a))).toEqual([]);
    const eks = resolvePipeline({
      project: 'p',
      repository: 'o/p',
      environments: [{ name: 'prod', branch: 'main', account: '123456789012', region: 'us-east-1', role: 'r' }],
      services: [{ name: 'web', deploy: { kind: 'eks', cluster: 'main', workload: 'deployment/web' } }],
    });
    const eksActions = actionsOf(permissionPolicy(eks.environments[0]!).Statement);
    expect(eksActions).toContain('eks:DescribeCluster');
    expect(eksActions.filter((a) => a.startsWith('ecs:') || a === 'iam:PassRole')).toEqual([]);
    for (const call of sdkCalls('src/kube').filter((c) => c !== 'GetCallerIdentity')) expect(eksActions, call).toContain(`eks:${call}`);
  });
});

describe('trust subjects', () => {
  it('cover the environment\'s branch, its tag and its GitHub environment', () => {
    const env = { ...seed('navoy').environments[0]!, tag: 'release-**' };
    expect(subjectsOf('o/r', env)).toEqual(['repo:o/r:ref:refs/heads/main', 'repo:o/r:ref:refs/tags/release-*', 'repo:o/r:environment:production']);
  });
});

describe('iamFiles', () => {
  it('writes JSON documents and a Terraform role per environment', () => {
    const files = iamFiles(seed('cloud-design'));
    expect(Object.keys(files).sort()).toEqual(
      ['production', 'staging'].flatMap((e) => [`iam/${e}/permission-policy.json`, `iam/${e}/role.tf`, `iam/${e}/trust-policy.json`]),
    );
    const tf = files['iam/staging/role.tf']!;
    expect(tf).toContain('resource "aws_iam_role" "cloud_design_staging"');
    expect(tf).toContain('name               = "cloud-design-deploy"');
    expect(tf).toMatch(/assume_role_policy = jsonencode\(\{[\s\S]*"repo:example-org\/cloud-design:ref:refs\/heads\/develop"/);
    expect(JSON.parse(files['iam/staging/trust-policy.json']!).Statement[0].Principal.Federated).toBe(
      'arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com',
    );
  });
});

describe('pipelineDoc', () => {
  it('draws every job of deliver.yml and every needs edge, and tables the environments', async () => {
    const { pipelineDoc } = await import('../../src/generate/docs/pipeline-doc.js');
    const { deliverWorkflow } = await import('../../src/generate/github/deliver.js');
    const pipeline = seed('cloud-design');
    const doc = pipelineDoc(pipeline, 'gantry.pipeline.yaml');
    const id = (job: string) => job.replace(/[^A-Za-z0-9_]/g, '_');
    for (const [name, job] of Object.entries(deliverWorkflow(pipeline).jobs)) {
      expect(doc).toContain(`  ${id(name)}["`);
      for (const need of job.needs ?? []) expect(doc).toContain(`  ${id(need)} --> ${id(name)}`);
    }
    expect(doc).toContain('| production | branch `main` | 222222222222 | eu-west-1 | `cloud-design-deploy` | production-approval |');
    expect(doc).toContain('production: ECS `cloud-design-production/billing`');
  });
});
