import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Project } from 'projen';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { githubWorkflows, reusableWorkflowFiles } from '../../src/generate/github/render.js';
import { callInputsOf, deliverServiceWorkflow, publishFrontendWorkflow } from '../../src/generate/github/reusable.js';
import { isCallJob, type CallJob, type Job, type UsesStep, type Workflow, type WorkflowCall } from '../../src/generate/github/workflow.js';
import { SUPPLIED, type PipelineDocument } from '../../src/pipeline/model.js';
import { PipelineError, resolvePipeline } from '../../src/pipeline/resolve.js';
import { GantryPipeline } from '../../src/projen/gantry-pipeline.js';
import { GantryReusableWorkflows } from '../../src/projen/gantry-reusable-workflows.js';
import { findStage } from '../../src/stages/index.js';

const GANTRY = { actions: 'gantry-ci/gantry', ref: '986721c08755c570c2b1ffa75193ccaef8f8d2c2', version: 'main' };
const deliverService = deliverServiceWorkflow({ gantry: GANTRY });
const publishFrontend = publishFrontendWorkflow({ gantry: GANTRY });
const callOf = (workflow: Workflow) => workflow.on.workflow_call as WorkflowCall;
const stepJobs = (workflow: Workflow) => workflow.jobs as Record<string, Job>;
const RANK = { none: 0, read: 1, write: 2 } as const;
const stage = (name: string) => findStage(name)!;
const usesOf = (job: Job) => job.steps.flatMap((s) => ('uses' in s ? [(s as UsesStep).uses] : []));

/** A model that uses every deploy kind, a secret token, verify, a front end and notify. */
function mixedModel(overrides: Record<string, unknown> = {}) {
  return {
    project: 'shop',
    repository: 'example-org/shop',
    gantry: GANTRY,
    environments: [
      { name: 'staging', branch: 'develop', account: '111111111111', region: 'eu-west-1', role: 'shop-deploy' },
      { name: 'production', branch: 'main', account: '222222222222', region: 'eu-west-1', role: 'shop-deploy', 'github-environment': 'production-approval' },
    ],
    services: [
      { name: 'api', scan: { severity: 'HIGH' }, deploy: { kind: 'ecs', cluster: 'shop-{environment}', service: 'api' }, verify: { url: 'https://api.example.com/healthz' } },
      { name: 'worker', dockerfile: 'worker/Dockerfile', deploy: { kind: 'eks', cluster: 'shop', workload: 'worker', namespace: '{environment}' } },
      {
        name: 'web',
        deploy: { kind: 'gitops', repository: 'https://github.com/example-org/shop-deploy.git', files: 'apps/web/{environment}.yaml', token: '${{ secrets.GITOPS_TOKEN }}' },
        verify: { url: 'https://web.example.com/' },
      },
    ],
    frontend: { 'source-dir': 'dist', bucket: 'shop-{environment}-site', 'build-command': 'npm run build' },
    notify: { 'slack-webhook-secret': 'SLACK_WEBHOOK_URL' },
    setup: { node: 20 },
    test: 'npm test',
    workflow: { style: 'reusable' },
    ...overrides,
  };
}

describe('deliver-service.yml', () => {
  const call = callOf(deliverService);

  it('takes each stage input a caller may set as <stage>-<input>, described and defaulted by the stage declaration', () => {
    for (const stageName of ['build', 'scan', 'push', 'deploy-ecs', 'deploy-eks', 'gitops-bump', 'verify'] as const) {
      const declared = stage(stageName).inputs;
      const callable = callInputsOf(stageName);
      expect(callable.length, stageName).toBeGreaterThan(0);
      for (const { input, call: name } of callable) {
        expect(name).toBe(`${stageName}-${input}`);
        expect(call.inputs[name], name).toEqual({
          description: declared[input]!.description,
          type: 'string',
          required: false,
          ...(declared[input]!.default !== undefined ? { default: declared[input]!.default } : {}),
        });
      }
      // What the workflow supplies itself is not an input.
      for (const supplied of SUPPLIED[stageName]) expect(call.inputs[`${stageName}-${supplied}`], `${stageName}-${supplied}`).toBeUndefined();
    }
    // The deploy stages' verify-* inputs are fed by the shared verify-* inputs, and the token is a secret.
    expect(Object.keys(call.inputs).filter((name) => /^deploy-(ecs|eks)-verify-/.test(name))).toEqual([]);
    expect(call.inputs['gitops-bump-token']).toBeUndefined();
  });

  it('keeps kebab-case names for what every caller passes, described where the stage declares them', () => {
    expect(call.inputs['role-arn']).toMatchObject({ description: stage('auth').inputs['role-arn']!.description, required: true });
    expect(call.inputs['aws-region']).toMatchObject({ description: stage('auth').inputs['aws-region']!.description, required: true });
    expect(call.inputs.repository).toMatchObject({ description: stage('push').inputs.repository!.description, required: true });
    expect(call.inputs.context).toEqual({ description: stage('build').inputs.context!.description, type: 'string', required: false, default: '.' });
    expect(call.inputs['timeout-minutes']).toMatchObject({ type: 'number', default: 30 });
    for (const name of ['service', 'environment', 'deploy-kind']) expect(call.inputs[name]!.required, name).toBe(true);
    expect(call.secrets).toEqual({ 'gitops-token': { description: expect.stringContaining(stage('gitops-bump').inputs.token!.description), required: false } });
  });

  it('refers only to inputs and secrets it declares', () => {
    const text = JSON.stringify(deliverService.jobs);
    const inputs = [...text.matchAll(/inputs\.([\w-]+)/g)].map((m) => m[1]!);
    expect(inputs.length).toBeGreaterThan(50);
    for (const name of inputs) expect(call.inputs, name).toHaveProperty([name]);
    for (const [, name] of text.matchAll(/secrets\.([\w-]+)/g)) expect(call.secrets, name).toHaveProperty([name!]);
  });

  it('hands the caller the image by digest from the push step, and the deploy outputs of each kind', () => {
    const jobs = stepJobs(deliverService);
    expect(call.outputs.image).toEqual({ description: `push: ${stage('push').outputs.image!.description}`, value: '${{ jobs.image.outputs.image }}' });
    expect(stage('push').outputs.image!.description).toMatch(/by digest/);
    expect(jobs.image!.outputs!.image).toBe('${{ steps.push.outputs.image }}');
    expect((jobs.image!.steps.find((s) => 'id' in s && s.id === 'push') as UsesStep).uses).toBe(`${GANTRY.actions}/actions/push@${GANTRY.ref}`);
    // Each deploy output comes from the job and step that run that kind.
    for (const [kind, job, step] of [['deploy-ecs', 'deploy', 'ecs'], ['deploy-eks', 'deploy', 'eks'], ['gitops-bump', 'bump', 'deploy']] as const) {
      for (const output of Object.keys(stage(kind).outputs)) {
        expect(call.outputs[output]?.value, output).toBe(`\${{ jobs.${job}.outputs.${output} }}`);
        expect(jobs[job]!.outputs![output], output).toBe(`\${{ steps.${step}.outputs.${output} }}`);
      }
    }
    expect(Object.keys(call.outputs)).toEqual(expect.arrayContaining(['previous-task-definition-arn', 'previous-images', 'commit']));
    // The deploy steps deploy exactly what was pushed.
    for (const job of [jobs.deploy!, jobs.bump!]) {
      expect(job.needs).toEqual(['image']);
      for (const step of job.steps as UsesStep[]) if (/\/actions\/(deploy-ecs|deploy-eks|gitops-bump)@/.test(step.uses)) expect(step.with!.image).toBe('${{ needs.image.outputs.image }}');
    }
  });

  it('grants nothing at the top; id-token: write only on jobs that assume a role, security-events only where SARIF goes up', () => {
    expect(deliverService.permissions).toEqual({});
    const jobs = stepJobs(deliverService);
    expect(Object.keys(jobs)).toEqual(['image', 'deploy', 'bump']);
    for (const [id, job] of Object.entries(jobs)) {
      expect(job.permissions?.['id-token'] === 'write', id).toBe(usesOf(job).some((u) => u.includes('/actions/auth@')));
      expect(job.permissions?.['security-events'] === 'write', id).toBe(usesOf(job).some((u) => u.includes('upload-sarif@')));
    }
    expect(jobs.bump!.permissions).toEqual({ contents: 'read' });
    expect(jobs.deploy!.if).toBe("inputs.deploy-kind == 'ecs' || inputs.deploy-kind == 'eks'");
    expect(jobs.bump!.if).toBe("inputs.deploy-kind == 'gitops'");
    expect(jobs.deploy!.environment).toBe('${{ inputs.github-environment || inputs.environment }}');
  });

  it('passes the GitOps token as a secret to the bump and its revert', () => {
    const bump = stepJobs(deliverService).bump!.steps as UsesStep[];
    expect(bump.map((s) => s.uses.replace(/@.*/, '').replace(/^.*\/actions\//, ''))).toEqual(['gitops-bump', 'verify', 'rollback']);
    expect(bump[0]!.with!.token).toBe('${{ secrets.gitops-token }}');
    expect(bump[2]!.with!.token).toBe('${{ secrets.gitops-token }}');
    expect(bump[1]!.if).toBe("inputs.verify-url != '' || inputs.verify-checks != ''");
  });
});

describe('publish-frontend.yml', () => {
  const call = callOf(publishFrontend);

  it("takes the publish-static stage's inputs under their own names, with their descriptions, and returns its outputs", () => {
    const declared = stage('publish-static');
    for (const [name, definition] of Object.entries(declared.inputs)) {
      expect(call.inputs[name], name).toMatchObject({ description: definition.description, required: definition.required });
    }
    expect(call.inputs.bucket!.required).toBe(true);
    expect(call.inputs['role-arn']!.description).toBe(stage('auth').inputs['role-arn']!.description);
    for (const [name, spec] of Object.entries(declared.outputs)) expect(call.outputs[name]).toEqual({ description: spec.description, value: `\${{ jobs.publish.outputs.${name} }}` });
    expect(Object.keys(call.outputs)).toEqual(expect.arrayContaining(['uploaded', 'deleted', 'invalidation-id']));
  });

  it('asks for id-token: write in its one job, which authenticates', () => {
    const { publish } = stepJobs(publishFrontend);
    expect(publishFrontend.permissions).toEqual({});
    expect(publish!.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    expect(usesOf(publish!)).toContain(`${GANTRY.actions}/actions/auth@${GANTRY.ref}`);
  });
});

describe('deliver.yml with workflow.style reusable', () => {
  const pipeline = resolvePipeline(mixedModel());
  const deliver = githubWorkflows(pipeline)['deliver.yml']!;
  const serviceInputs = callOf(deliverService).inputs;

  it('calls deliver-service.yml per service and environment, under the environment conditions, after the checks', () => {
    for (const env of pipeline.environments) {
      for (const service of env.services) {
        const job = deliver.jobs[`deploy-${env.name}-${service.name}`] as CallJob;
        expect(isCallJob(job)).toBe(true);
        expect(job.uses).toBe(`${GANTRY.actions}/.github/workflows/deliver-service.yml@${GANTRY.ref}`);
        expect(job.needs).toEqual(['checks']);
        expect(job.if).toContain(`github.ref == 'refs/heads/${env.branch}'`);
        expect(job.if).toContain(`inputs.environment == '${env.name}'`);
        expect(job.concurrency).toEqual({ group: `deploy-${env.name}-${service.name}`, 'cancel-in-progress': false });
        expect(job.with).toMatchObject({ service: service.name, environment: env.name, 'aws-region': env.region, 'role-arn': env.roleArn, repository: service.repository, 'deploy-kind': service.deploy.kind });
        // Every key is an input deliver-service.yml declares, and every required one is there.
        for (const key of Object.keys(job.with!)) expect(serviceInputs, key).toHaveProperty([key]);
        for (const [name, spec] of Object.entries(serviceInputs)) if (spec.required) expect(job.with, name).toHaveProperty([name]);
        expect(JSON.stringify(job.with)).not.toContain('secrets.');
      }
    }
    expect(deliver.jobs['deploy-staging-api']).toMatchObject({ with: { 'deploy-ecs-cluster': 'shop-staging', 'deploy-ecs-service': 'api', 'scan-severity': 'HIGH', 'verify-url': 'https://api.example.com/healthz' } });
    expect(deliver.jobs['deploy-production-worker']).toMatchObject({ with: { 'deploy-eks-namespace': 'production', dockerfile: 'worker/Dockerfile' } });
    expect(deliver.jobs['deploy-production-api']).toMatchObject({ with: { 'github-environment': 'production-approval' } });
    // A deploy target's own verify-* inputs travel as the shared verify-* inputs.
    const own = githubWorkflows(resolvePipeline(mixedModel({ services: [{ name: 'api', deploy: { kind: 'eks', cluster: 'c', workload: 'api', 'verify-url': 'https://x.example.com/' } }] })));
    expect((own['deliver.yml']!.jobs['deploy-staging-api'] as CallJob).with).toMatchObject({ 'deploy-kind': 'eks', 'verify-url': 'https://x.example.com/' });
  });

  it('grants each calling job what the called workflow asks for at most (GitHub refuses a called job more)', () => {
    for (const [id, job] of Object.entries(deliver.jobs)) {
      if (!isCallJob(job)) continue;
      const called = job.uses.includes('deliver-service.yml') ? deliverService : publishFrontend;
      for (const calledJob of Object.values(stepJobs(called))) {
        for (const [scope, level] of Object.entries(calledJob.permissions ?? {})) expect(RANK[job.permissions[scope] ?? 'none'], `${id} ${scope}`).toBeGreaterThanOrEqual(RANK[level]);
      }
    }
    expect(deliver.jobs['deploy-staging-web']!.permissions).toEqual({ contents: 'read', 'id-token': 'write', 'security-events': 'write' });
  });

  it('sends the GitOps token as the gitops-token secret', () => {
    expect((deliver.jobs['deploy-staging-web'] as CallJob).secrets).toEqual({ 'gitops-token': '${{ secrets.GITOPS_TOKEN }}' });
    expect((deliver.jobs['deploy-staging-api'] as CallJob).secrets).toBeUndefined();
  });

  it('calls publish-frontend.yml for the front end, and notifies after every call', () => {
    const frontend = deliver.jobs['frontend-production'] as CallJob;
    expect(frontend.uses).toBe(`${GANTRY.actions}/.github/workflows/publish-frontend.yml@${GANTRY.ref}`);
    expect(frontend.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    expect(frontend.with).toMatchObject({ bucket: 'shop-production-site', 'source-dir': 'dist', 'node-version': '20', 'github-environment': 'production-approval' });
    for (const key of Object.keys(frontend.with!)) expect(callOf(publishFrontend).inputs, key).toHaveProperty([key]);
    const notify = deliver.jobs.notify as Job;
    expect(notify.needs).toEqual([
      'deploy-staging-api', 'deploy-staging-worker', 'deploy-staging-web', 'frontend-staging',
      'deploy-production-api', 'deploy-production-worker', 'deploy-production-web', 'frontend-production',
    ]);
    expect(notify.permissions).toEqual({});
  });

  it("calls this repository's own copies with gantry.actions './'", () => {
    const local = githubWorkflows(resolvePipeline(mixedModel({ gantry: { actions: './' } })))['deliver.yml']!;
    expect((local.jobs['deploy-staging-api'] as CallJob).uses).toBe('./.github/workflows/deliver-service.yml');
    expect((local.jobs['frontend-staging'] as CallJob).uses).toBe('./.github/workflows/publish-frontend.yml');
  });

  it('refuses what a called workflow cannot receive', () => {
    expect(() => resolvePipeline(mixedModel({ gantry: { actions: './vendor/gantry' } }))).toThrow(/gantry\.actions: must be a repository/);
    expect(() => resolvePipeline(mixedModel({ workflow: { style: 'reusable', env: { AWS_ENDPOINT_URL: 'http://127.0.0.1:4566' } } }))).toThrow(/workflow\.env: does not reach/);
    expect(() => resolvePipeline(mixedModel({ workflow: { style: 'sideways' } }))).toThrow(/workflow\.style: must be inline or reusable/);
    const leaky = mixedModel({ services: [{ name: 'api', deploy: { kind: 'ecs', cluster: 'c', service: 's' }, verify: { url: 'https://x.example.com/', header: 'x-key=${{ secrets.KEY }}' } }] });
    expect(() => githubWorkflows(resolvePipeline(leaky))).toThrow(PipelineError);
    expect(() => githubWorkflows(resolvePipeline(leaky))).toThrow(/services\[0\]\.verify\.header: a secret cannot be passed/);
    // Inline, the same model is fine: the step reads the secret itself.
    expect(() => githubWorkflows(resolvePipeline({ ...leaky, workflow: { style: 'inline' } }))).not.toThrow();
  });

  it('renders the committed opsfleet-reusable example and this repository\'s reusable workflows byte for byte', async () => {
    const { githubWorkflowFiles } = await import('../../src/generate/github/render.js');
    const source = 'examples/pipelines/opsfleet-reusable.yaml';
    const seed = resolvePipeline(parse(readFileSync(source, 'utf8')));
    const files = githubWorkflowFiles(seed, `Generated by Gantry from ${source}. Do not edit: change the model and generate again.`);
    for (const [file, text] of Object.entries(files)) expect(readFileSync(`examples/pipelines/opsfleet-reusable/.github/workflows/${file}`, 'utf8')).toBe(text);
    expect(Object.values(seed.model.services).length).toBe(1);
    const header = 'Generated by Gantry (GantryReusableWorkflows in .projenrc.ts). Do not edit: change the options and run npx projen.';
    for (const [file, text] of Object.entries(reusableWorkflowFiles({ gantry: GANTRY }, header))) expect(readFileSync(`.github/workflows/${file}`, 'utf8'), file).toBe(text);
  });
});

describe('synthesis through projen', () => {
  it('keeps every workflow_call input, secret and output name as written (no snake_case renaming)', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'gantry-projen-'));
    const project = new Project({ name: 'shop', outdir });
    new GantryReusableWorkflows(project, { gantry: GANTRY });
    new GantryPipeline(project, { model: mixedModel({ gantry: { actions: './' } }) as PipelineDocument });
    project.synth();

    const read = (file: string) => parse(readFileSync(join(outdir, '.github/workflows', file), 'utf8')) as Workflow;
    const synthesized = callOf(read('deliver-service.yml'));
    const expected = callOf(deliverService);
    expect(Object.keys(synthesized.inputs)).toEqual(Object.keys(expected.inputs));
    expect(Object.keys(synthesized.secrets)).toEqual(['gitops-token']);
    expect(Object.keys(synthesized.outputs)).toEqual(Object.keys(expected.outputs));
    for (const name of ['role-arn', 'aws-region', 'deploy-ecs-cluster', 'previous-task-definition-arn']) expect(JSON.stringify(synthesized)).toContain(`"${name}"`);
    expect(JSON.stringify(synthesized)).not.toMatch(/role_arn|aws_region|previous_task_definition_arn/);
    expect(Object.keys(callOf(read('publish-frontend.yml')).inputs)).toEqual(Object.keys(callOf(publishFrontend).inputs));

    // The caller's with: and secrets: keep their names too, so they still match the called workflow's.
    const call = read('deliver.yml').jobs['deploy-staging-web'] as CallJob;
    expect(call.uses).toBe('./.github/workflows/deliver-service.yml');
    expect(Object.keys(call.with!)).toEqual(expect.arrayContaining(['role-arn', 'aws-region', 'deploy-kind', 'gitops-bump-repository']));
    for (const key of Object.keys(call.with!)) expect(synthesized.inputs, key).toHaveProperty([key]);
    expect(call.secrets).toEqual({ 'gitops-token': '${{ secrets.GITOPS_TOKEN }}' });
  });

  it('refuses a path for Gantry\'s actions: a called workflow runs in its caller\'s checkout', () => {
    const project = new Project({ name: 'shop', outdir: mkdtempSync(join(tmpdir(), 'gantry-projen-')) });
    expect(() => new GantryReusableWorkflows(project, { gantry: { actions: './' } })).toThrow(/must be a repository/);
  });
});
