import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { resolvePipeline } from '../../src/pipeline/resolve.js';
import { problemsOf } from './support.js';

const seed = (name: string) => parse(readFileSync(`examples/pipelines/${name}.yaml`, 'utf8')) as Record<string, unknown>;

/** A small valid model; each test breaks one thing. */
function model(): Record<string, any> {
  return {
    project: 'shop',
    repository: 'acme/shop',
    environments: [
      { name: 'staging', branch: 'develop', account: '111111111111', region: 'eu-west-1', role: 'deploy' },
      { name: 'production', branch: 'main', account: '222222222222', region: 'eu-west-1', role: 'deploy' },
    ],
    services: [
      { name: 'api', deploy: { kind: 'ecs', cluster: '{project}-{environment}', service: '{service}' } },
      { name: 'web', deploy: { staging: { kind: 'eks', cluster: 'c', workload: 'deployment/web' }, production: { kind: 'eks', cluster: 'c', workload: 'deployment/web' } } },
    ],
  };
}

describe('resolvePipeline', () => {
  it('expands a model per environment, placeholders filled in', () => {
    const { environments } = resolvePipeline(model());
    expect(environments.map((e) => e.name)).toEqual(['staging', 'production']);
    const api = environments[1]!.services[0]!;
    expect(api.repository).toBe('shop/production/api');
    expect(api.deploy).toEqual({ kind: 'ecs', stage: 'deploy-ecs', inputs: { cluster: 'shop-production', service: 'api' } });
    expect(environments[0]!.roleArn).toBe('arn:aws:iam::111111111111:role/deploy');
    expect(environments[1]!.services[1]!.deploy.stage).toBe('deploy-eks');
  });

  it.each(['navoy', 'cloud-design', 'waraq', 'opsfleet', 'task-manager'])('resolves the seed model %s', (name) => {
    expect(resolvePipeline(seed(name)).environments.length).toBeGreaterThan(0);
  });

  it.each([
    ['an unknown deploy kind', (m: any) => (m.services[0].deploy = { kind: 'lambda' }), 'services[0].deploy.kind: must be one of ecs, eks, gitops'],
    ['an environment without a role', (m: any) => delete m.environments[1].role, 'environments[1].role: required'],
    ['duplicate service names', (m: any) => (m.services[1].name = 'api'), "services[1].name: duplicates services[0].name 'api'"],
    ['a branch pattern that does not parse', (m: any) => (m.environments[0].branch = 'release/[0-9'), 'environments[0].branch: is not a branch pattern GitHub can match: a "[" is never closed'],
    ['a deploy target missing for an environment', (m: any) => delete m.services[1].deploy.production, "services[1].deploy.production: required: a deploy target for environment 'production'"],
    ['a target for an environment that does not exist', (m: any) => (m.services[1].deploy.qa = m.services[1].deploy.staging), 'services[1].deploy.qa: is not an environment (environments: staging, production)'],
    ['a required stage input nobody sets', (m: any) => delete m.services[0].deploy.cluster, 'services[0].deploy.cluster: required (environment staging)'],
    ['an input the stage does not have', (m: any) => (m.services[0].deploy.replicas = 3), "services[0].deploy.replicas: is not an input of stage 'deploy-ecs'"],
    ['an input the pipeline supplies', (m: any) => (m.services[0].deploy.image = 'x:1'), "services[0].deploy.image: is set by the pipeline itself (from the push job's image output, by digest)"],
    ['a value the stage refuses', (m: any) => (m.services[0].scan = { strategy: 'explode' }), 'services[0].scan.strategy: must be one of fail, warn, ignore'],
    ['a placeholder that makes a bad value', (m: any) => (m.services[0].repository = '{project}/{environment}/Bad'), "services[0].repository: 'shop/staging/Bad' must be an ECR repository name"],
    ['an account id YAML turned into a number', (m: any) => (m.environments[0].account = 12345), 'environments[0].account: must be a 12-digit AWS account id (quote it in YAML)'],
    ['an environment nothing delivers to', (m: any) => delete m.environments[0].branch, 'environments[0].branch: needs a branch or a tag pattern that delivers to it'],
    ['a key the model does not have', (m: any) => (m.enviroments = []), 'Unrecognized key: "enviroments"'],
  ])('refuses %s, naming the path', (_, breakIt, problem) => {
    const document = model();
    breakIt(document);
    expect(problemsOf(document).join('\n')).toContain(problem);
  });

  it('uses a stage input added to a stage without a second declaration: every input of the stage is accepted', async () => {
    const { deployEcsStage } = await import('../../src/stages/deploy-ecs.js');
    const document = model();
    const optional = Object.entries(deployEcsStage.inputs).filter(([name, d]) => !d.required && d.default !== undefined && name !== 'aws-region');
    for (const [name, definition] of optional) document.services[0].deploy[name] = definition.default;
    expect(Object.keys(resolvePipeline(document).environments[0]!.services[0]!.deploy.inputs)).toEqual(
      expect.arrayContaining(optional.map(([name]) => name)),
    );
  });
});

describe('what a local or mirrored delivery needs from the model', () => {
  it('takes the push registry from the model, checked by the push stage', () => {
    const document = model();
    document.services[0].push = { registry: 'registry.example.com:5000' };
    expect(resolvePipeline(document).environments[0]!.services[0]!.push.inputs).toEqual({ registry: 'registry.example.com:5000' });
    document.services[0].push = { registry: 'not a registry' };
    expect(problemsOf(document).some((p) => p.startsWith('services[0].push.registry: '))).toBe(true);
  });

  it('leaves a whole workflow expression to be checked when the step runs, and still checks the rest', () => {
    const document = model();
    document.services[0].deploy = { kind: 'gitops', repository: '${{ vars.GITOPS_REPO }}', files: 'apps/{service}.yaml' };
    expect(resolvePipeline(document).environments[0]!.services[0]!.deploy.inputs.repository).toBe('${{ vars.GITOPS_REPO }}');
    // Only a whole expression is left to the step: text around one is checked as it stands.
    document.services[0].deploy = { kind: 'ecs', cluster: 'shop-${{ vars.SUFFIX }}', service: 'api' };
    expect(problemsOf(document).some((p) => p.startsWith('services[0].deploy.cluster: '))).toBe(true);
  });

  it('takes before-build commands per service, one or a list', () => {
    const document = model();
    document.services[0]['before-build'] = 'make dist';
    document.services[1]['before-build'] = ['go generate ./...', 'make dist'];
    const [api, web] = resolvePipeline(document).environments[0]!.services;
    expect(api!.beforeBuild).toEqual(['make dist']);
    expect(web!.beforeBuild).toEqual(['go generate ./...', 'make dist']);
    document.services[0]['before-build'] = [''];
    expect(problemsOf(document).some((p) => p.startsWith("services[0].before-build[0]: "))).toBe(true);
  });
});
