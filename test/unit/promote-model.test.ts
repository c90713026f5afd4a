import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { deliverWorkflow } from '../../src/generate/github/deliver.js';
import { permissionPolicy, trustPolicy, type Statement } from '../../src/generate/iam/policies.js';
import { renderJenkinsfile } from '../../src/generate/jenkins/jenkinsfile.js';
import type { Job } from '../../src/generate/github/workflow.js';
import { resolvePipeline } from '../../src/pipeline/resolve.js';
import { problemsOf } from './support.js';

/** environments[].promote-from: the model, deliver.yml, the Jenkinsfile and the IAM policies. */
function model(): Record<string, any> {
  return {
    project: 'shop',
    repository: 'acme/shop',
    environments: [
      { name: 'production', 'promote-from': 'staging', account: '222222222222', region: 'eu-central-1', role: 'deploy', 'github-environment': 'prod-approval' },
      { name: 'staging', branch: 'main', account: '111111111111', region: 'eu-west-1', role: 'deploy' },
    ],
    services: [
      { name: 'api', push: { registry: '127.0.0.1:5000' }, deploy: { kind: 'ecs', cluster: '{project}-{environment}', service: '{service}' } },
      { name: 'web', deploy: { kind: 'eks', cluster: 'c', workload: 'deployment/web' } },
    ],
  };
}

const actionsOf = (statements: readonly Statement[]) => statements.flatMap((s) => (typeof s.Action === 'string' ? [s.Action] : [...s.Action]));

describe('promote-from in the model', () => {
  it('resolves the promote inputs of each service: source region, target repository, region, role and registry', () => {
    const production = resolvePipeline(model()).environments.find((e) => e.name === 'production')!;
    expect(production.services[0]!.promote).toEqual({
      stage: 'promote',
      inputs: {
        'aws-region': 'eu-west-1',
        'target-repository': 'shop/production/api',
        'target-region': 'eu-central-1',
        'target-role-arn': 'arn:aws:iam::222222222222:role/deploy',
        'target-registry': '127.0.0.1:5000',
      },
    });
    const staging = resolvePipeline(model()).environments.find((e) => e.name === 'staging')!;
    expect(staging.services[0]!.promote).toBeUndefined();
  });

  it.each([
    ['an unknown environment', (m: any) => (m.environments[0]['promote-from'] = 'qa'), "environments[0].promote-from: is not an environment (environments: production, staging)"],
    ['itself', (m: any) => (m.environments[0]['promote-from'] = 'production'), 'environments[0].promote-from: makes a cycle (production → production)'],
    [
      'a cycle',
      (m: any) => {
        m.environments[1] = { ...m.environments[1], branch: undefined, 'promote-from': 'production' };
        delete m.environments[1].branch;
      },
      'environments[0].promote-from: makes a cycle (production → staging → production)',
    ],
    ['a branch beside it', (m: any) => (m.environments[0].branch = 'main'), "environments[0].branch: does not apply with promote-from: the environment is delivered after 'staging', in the same run"],
    [
      'the reusable workflow style',
      (m: any) => {
        m.gantry = { actions: 'gantry-ci/gantry', ref: 'a'.repeat(40) };
        m.workflow = { style: 'reusable' };
      },
      'environments[0].promote-from: is not available with workflow.style reusable',
    ],
  ])('refuses promote-from naming %s, by path', (_, change, problem) => {
    const document = model();
    change(document);
    expect(problemsOf(document).join('\n')).toContain(problem);
  });

  it('still asks an environment without promote-from for a branch or tag', () => {
    const document = model();
    delete document.environments[1].branch;
    expect(problemsOf(document)).toContain('environments[1].branch: needs a branch or a tag pattern that delivers to it, or promote-from');
  });
});

describe('deliver.yml with promote-from', () => {
  const workflow = deliverWorkflow(resolvePipeline(model()));
  const jobs = workflow.jobs as Record<string, Job>;

  it('promotes after every deploy of the source, gated like a deploy, and builds nothing for the promoted environment', () => {
    expect(Object.keys(jobs)).toEqual(['promote-production', 'deploy-production-api', 'deploy-production-web', 'images-staging', 'deploy-staging-api', 'deploy-staging-web']);
    const promote = jobs['promote-production']!;
    expect(promote.needs).toEqual(['images-staging', 'deploy-staging-api', 'deploy-staging-web']);
    expect(promote.environment).toBe('prod-approval');
    expect(promote.if).toBeUndefined();
    expect(promote.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    const auth = promote.steps.find((s) => s.id === 'auth');
    const api = promote.steps.find((s) => s.id === 'promote-api');
    expect((auth as any).with).toEqual({ 'aws-region': 'eu-west-1', 'role-arn': 'arn:aws:iam::111111111111:role/deploy' });
    expect((api as any).with).toMatchObject({ 'source-image': '${{ needs.images-staging.outputs.image-api }}', 'target-repository': 'shop/production/api', tags: 'build-${{ github.run_number }}' });
    expect(promote.outputs).toEqual({ 'image-api': '${{ steps.promote-api.outputs.image }}', 'image-web': '${{ steps.promote-web.outputs.image }}' });
  });

  it("deploys the promoted digest, and leaves the promoted environment out of the manual run's choices", () => {
    const deploy = jobs['deploy-production-api']!;
    expect(deploy.needs).toEqual(['promote-production']);
    expect((deploy.steps.find((s) => s.id === "deploy") as any).with.image).toBe('${{ needs.promote-production.outputs.image-api }}');
    expect((workflow.on as any).workflow_dispatch.inputs.environment.options).toEqual(['staging']);
  });
});

describe('Jenkinsfile with promote-from', () => {
  const text = renderJenkinsfile(resolvePipeline(model()), 'generated');

  it("promotes after the source environment's stages, under the source's branch, and deploys the promoted image", () => {
    expect(text.indexOf("stage('Deploy web (staging)')")).toBeLessThan(text.indexOf("stage('Promote api (production)')"));
    expect(text).toContain("gantryPromote('aws-region': 'eu-west-1', 'target-repository': 'shop/production/api'");
    expect(text).toContain("'source-image': delivered['api']['staging'].push.image, 'tags': 'build-' + env.BUILD_NUMBER)");
    expect(text).toContain("gantryDeployEcs('cluster': 'shop-production', 'service': 'api', 'aws-region': 'eu-central-1', 'image': delivered['api']['production'].promote.image)");
    expect(text).not.toContain("stage('Push api (production)')");
  });
});

describe('IAM with promote-from', () => {
  const { environments } = resolvePipeline(model());
  const production = environments.find((e) => e.name === 'production')!;
  const staging = environments.find((e) => e.name === 'staging')!;

  it("lets the promoted environment's role write its repositories, create none, and be assumed by the source role", () => {
    const statements = permissionPolicy(production, environments).Statement;
    const target = statements.find((s) => s.Sid === 'EcrPromoteTarget')!;
    expect(target.Action).toEqual(
      expect.arrayContaining(['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability', 'ecr:InitiateLayerUpload', 'ecr:UploadLayerPart', 'ecr:CompleteLayerUpload', 'ecr:PutImage', 'ecr:DescribeImages', 'ecr:DescribeRepositories']),
    );
    expect(actionsOf(statements)).not.toContain('ecr:CreateRepository');
    expect(trustPolicy('acme/shop', production, environments).Statement[0]).toEqual({ Sid: 'PromotionFromSourceRole', Effect: 'Allow', Principal: { AWS: staging.roleArn }, Action: 'sts:AssumeRole' });
  });

  it("lets the source role chain into the target role, and admits the promote job's GitHub environment", () => {
    const chain = permissionPolicy(staging, environments).Statement.find((s) => s.Sid === 'PromotionTargetRoles')!;
    expect(chain).toEqual({ Sid: 'PromotionTargetRoles', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: [production.roleArn] });
    const subjects = trustPolicy('acme/shop', staging, environments).Statement[0]!.Condition!.StringLike!['token.actions.githubusercontent.com:sub'];
    expect(subjects).toEqual(['repo:acme/shop:ref:refs/heads/main', 'repo:acme/shop:environment:staging', 'repo:acme/shop:environment:prod-approval']);
  });
});

describe('the promotion seed', () => {
  it('resolves, with production promoted from staging', () => {
    const { environments } = resolvePipeline(parse(readFileSync('examples/pipelines/promotion.yaml', 'utf8')));
    expect(environments.map((e) => [e.name, e['promote-from']])).toEqual([['staging', undefined], ['production', 'staging']]);
  });
});
