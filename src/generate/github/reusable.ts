import type { InputDefinition, Stage } from '../../model/stage.js';
import { DEPLOY_KINDS, SUPPLIED, type DeployKind, type Pipeline, type SuppliedStage } from '../../pipeline/model.js';
import { PipelineError, type ResolvedEnvironment, type ResolvedPipeline, type ResolvedService } from '../../pipeline/resolve.js';
import { findStage } from '../../stages/index.js';
import {
  authStep,
  checkout,
  deliversTo,
  deployJob,
  frontendJob,
  gantryActionRefs,
  gantryPins,
  gitopsSteps,
  imageSteps,
  setupStepsOf,
  type ActionRefs,
  type DeliveryRenderer,
} from './deliver.js';
import type { CallJob, Job, PinnedAction, Step, Workflow, WorkflowCall } from './workflow.js';

/**
 * Gantry's reusable workflows (`on: workflow_call`), rendered from the same step builders as `deliver.yml`:
 * `deliver-service.yml` builds, scans, pushes and deploys one service to one environment; `publish-frontend.yml`
 * publishes a static site. An app repository calls them as `<owner>/gantry/.github/workflows/<file>@<sha>`, and
 * `deliver.yml` does so with `workflow.style: reusable`.
 *
 * Input names are kebab-case like the stages': each stage input a caller may set is `<stage>-<input>`
 * (`scan-severity`, `deploy-ecs-cluster`, `verify-url`), described by the stage's own declaration.
 */

export const DELIVER_SERVICE = 'deliver-service.yml';
export const PUBLISH_FRONTEND = 'publish-frontend.yml';

/** Where the reusable workflows take Gantry's actions from: a repository at a full SHA (a release), as a model's `gantry`. */
export interface ReusableWorkflowOptions {
  readonly gantry: Pipeline['gantry'];
  /** Third-party pins overriding Gantry's map. */
  readonly pins?: Readonly<Record<string, PinnedAction>>;
}

/** The secret that carries the GitOps token (gitops-bump's and rollback's `token`): secrets never travel as inputs. */
export const GITOPS_TOKEN_SECRET = 'gitops-token';

/** The permissions each called workflow's jobs ask for at most; the calling job must grant them all. */
export const DELIVER_SERVICE_PERMISSIONS = { contents: 'read', 'id-token': 'write', 'security-events': 'write' } as const;
export const PUBLISH_FRONTEND_PERMISSIONS = { contents: 'read', 'id-token': 'write' } as const;

type CallableStage = SuppliedStage;

function stage(name: string): Stage {
  const found = findStage(name);
  if (!found) throw new Error(`Gantry's reusable workflows need the ${name} stage`);
  return found;
}

/**
 * The inputs of `stageName` a caller sets, each with the name it has in `deliver-service.yml`: `<stage>-<input>`.
 * Left out: what the workflow supplies itself, the deploy stages' `verify-*` inputs (the shared `verify-*` inputs
 * feed them) and the GitOps token (a secret).
 */
export function callInputsOf(stageName: CallableStage): { input: string; call: string; definition: InputDefinition }[] {
  const declared = stage(stageName).inputs;
  const verifyInputs = new Set(Object.keys(stage('verify').inputs).map((name) => `verify-${name}`));
  return Object.entries(declared)
    .filter(([name]) => !(SUPPLIED[stageName] as readonly string[]).includes(name))
    .filter(([name]) => stageName === 'verify' || !((stageName === 'deploy-ecs' || stageName === 'deploy-eks') && verifyInputs.has(name)))
    .filter(([name]) => !(stageName === 'gitops-bump' && name === 'token'))
    .map(([name, definition]) => ({ input: name, call: `${stageName}-${name}`, definition }));
}

const PREFIXED_STAGES = ['build', 'scan', 'push', 'deploy-ecs', 'deploy-eks', 'gitops-bump', 'verify'] as const satisfies readonly CallableStage[];

type CallInput = WorkflowCall['inputs'][string];

function declared(definition: InputDefinition, required = false): CallInput {
  return { description: definition.description, type: 'string', required, ...(definition.default !== undefined ? { default: definition.default } : {}) };
}

/** Inputs both workflows share: where the jobs run, and which GitHub environment (its protection rules) they deploy in. */
function runnerInputs(): Record<string, CallInput> {
  return {
    environment: { description: 'Environment delivered to (job names, concurrency group).', type: 'string', required: true },
    'github-environment': { description: "GitHub environment of the deploy job (protection rules, approvals); empty: the environment's name.", type: 'string', required: false },
    'role-arn': declared(stage('auth').inputs['role-arn']!, true),
    'runs-on': { description: 'Runner label of every job.', type: 'string', required: false, default: 'ubuntu-latest' },
    'timeout-minutes': { description: 'Longest a job may run, in minutes.', type: 'number', required: false, default: 30 },
  };
}

const input = (name: string) => `\${{ inputs.${name} }}`;
const runner = { 'runs-on': input('runs-on'), 'timeout-minutes': input('timeout-minutes') };
const githubEnvironment = '${{ inputs.github-environment || inputs.environment }}';
const aws = { region: input('aws-region'), roleArn: input('role-arn') };

/** `with:` of a stage's step in the reusable workflow: each caller-set input passed through (empty means the stage's default). */
function passThrough(stageName: CallableStage): Record<string, string> {
  return Object.fromEntries(callInputsOf(stageName).map(({ input: name, call }) => [name, input(call)]));
}

function deployOutputs(kind: DeployKind, job: string, step: string): { outputs: Record<string, string>; call: WorkflowCall['outputs'] } {
  const declaredOutputs = stage(DEPLOY_KINDS[kind]).outputs;
  return {
    outputs: Object.fromEntries(Object.keys(declaredOutputs).map((name) => [name, `\${{ steps.${step}.outputs.${name} }}`])),
    call: Object.fromEntries(
      Object.entries(declaredOutputs).map(([name, spec]) => [name, { description: `${DEPLOY_KINDS[kind]}: ${spec.description}`, value: `\${{ jobs.${job}.outputs.${name} }}` }]),
    ),
  };
}

/** `deliver-service.yml`: one service to one environment. Jobs: `image` (build, scan, push), then `deploy` (ECS, EKS) or `bump` (GitOps). */
export function deliverServiceWorkflow(options: ReusableWorkflowOptions): Workflow {
  const refs = refsOf(options);
  const push = stage('push');
  const build = stage('build');
  const inputs: Record<string, CallInput> = {
    service: { description: 'Name of the service (job names, code-scanning category, GitOps commit).', type: 'string', required: true },
    ...runnerInputs(),
    'aws-region': declared(stage('auth').inputs['aws-region']!, true),
    context: declared(build.inputs.context!),
    dockerfile: declared(build.inputs.dockerfile!),
    repository: declared(push.inputs.repository!, true),
    'deploy-kind': { description: 'How the image is deployed: ecs (deploy-ecs-* inputs), eks (deploy-eks-*) or gitops (gitops-bump-*).', type: 'string', required: true },
  };
  for (const stageName of PREFIXED_STAGES) for (const { call, definition } of callInputsOf(stageName)) inputs[call] = declared(definition);

  const image = '${{ needs.image.outputs.image }}';
  const verifyOfDeploy = Object.fromEntries(callInputsOf('verify').map(({ call }) => [call, input(call)]));
  const ecs = deployOutputs('ecs', 'deploy', 'ecs');
  const eks = deployOutputs('eks', 'deploy', 'eks');
  const gitops = deployOutputs('gitops', 'bump', 'deploy');
  const concurrency = { group: 'gantry-deploy-${{ inputs.environment }}-${{ inputs.service }}', 'cancel-in-progress': false };

  const imageJob: Job = {
    name: 'image of ${{ inputs.service }} for ${{ inputs.environment }}',
    ...runner,
    permissions: { contents: 'read', 'id-token': 'write', 'security-events': 'write' },
    outputs: Object.fromEntries(['image', 'digest', 'tags'].map((name) => [name, `\${{ steps.push.outputs.${name} }}`])),
    steps: imageSteps(
      refs,
      { service: input('service'), context: input('context'), dockerfile: input('dockerfile'), repository: input('repository') },
      aws,
      { build: passThrough('build'), scan: passThrough('scan'), push: passThrough('push') },
    ),
  };
  const deploy: Job = {
    name: 'deploy ${{ inputs.service }} to ${{ inputs.environment }}',
    needs: ['image'],
    if: "inputs.deploy-kind == 'ecs' || inputs.deploy-kind == 'eks'",
    ...runner,
    permissions: { contents: 'read', 'id-token': 'write' },
    environment: githubEnvironment,
    // A deploy in progress is never cancelled; the next one waits. (Not the caller's group: that would deadlock.)
    concurrency,
    outputs: { ...ecs.outputs, ...eks.outputs },
    steps: [
      authStep(aws, refs),
      // ECS and EKS deploys verify within the step and roll back there when the checks fail.
      ...(['ecs', 'eks'] as const).map(
        (kind): Step => ({
          id: kind,
          if: `inputs.deploy-kind == '${kind}'`,
          uses: refs.gantry(DEPLOY_KINDS[kind]),
          with: { ...passThrough(DEPLOY_KINDS[kind]), ...verifyOfDeploy, 'aws-region': input('aws-region'), image },
        }),
      ),
    ],
  };
  const bump: Job = {
    name: 'bump ${{ inputs.service }} in ${{ inputs.environment }}',
    needs: ['image'],
    if: "inputs.deploy-kind == 'gitops'",
    ...runner,
    permissions: { contents: 'read' },
    environment: githubEnvironment,
    concurrency,
    outputs: gitops.outputs,
    steps: gitopsSteps(
      refs,
      { ...passThrough('gitops-bump'), token: `\${{ secrets.${GITOPS_TOKEN_SECRET} }}`, image, service: input('service'), environment: input('environment') },
      passThrough('verify'),
      "inputs.verify-url != '' || inputs.verify-checks != ''",
    ),
  };

  const outputs: WorkflowCall['outputs'] = Object.fromEntries(
    (['image', 'digest', 'tags'] as const).map((name) => [name, { description: `push: ${push.outputs[name]!.description}`, value: `\${{ jobs.image.outputs.${name} }}` }]),
  );
  for (const call of [ecs.call, eks.call, gitops.call]) {
    for (const [name, output] of Object.entries(call)) {
      if (name in outputs) throw new Error(`deliver-service.yml: two outputs named '${name}'`);
      outputs[name] = output;
    }
  }
  const workflowCall: WorkflowCall = {
    inputs,
    secrets: { [GITOPS_TOKEN_SECRET]: { description: `gitops-bump, rollback: ${stage('gitops-bump').inputs.token!.description}`, required: false } },
    outputs,
  };
  return { name: 'deliver-service', on: { workflow_call: workflowCall }, permissions: {}, jobs: { image: imageJob, deploy, bump } };
}

const SETUP_TOOLS = [
  { key: 'node', input: 'node-version', tool: 'Node.js' },
  { key: 'go', input: 'go-version', tool: 'Go' },
  { key: 'python', input: 'python-version', tool: 'Python' },
] as const;

/** `publish-frontend.yml`: the publish-static stage in one job, with the toolchains the site's build command needs. */
export function publishFrontendWorkflow(options: ReusableWorkflowOptions): Workflow {
  const refs = refsOf(options);
  const publishStatic = stage('publish-static');
  const inputs: Record<string, CallInput> = { ...runnerInputs() };
  for (const { input: name, tool } of SETUP_TOOLS) inputs[name] = { description: `${tool} version to set up for the build command; empty: none.`, type: 'string', required: false };
  // Un-prefixed: the workflow runs this one stage. Its own declarations say what is required.
  for (const [name, definition] of Object.entries(publishStatic.inputs)) inputs[name] = declared(definition, definition.required);
  const setup: Step[] = SETUP_TOOLS.map(({ key, input: name }) => ({ if: `inputs.${name} != ''`, ...setupStepsOf({ [key]: input(name) }, refs)[0]! }));
  const publish: Job = {
    name: 'front end to ${{ inputs.environment }}',
    ...runner,
    permissions: { contents: 'read', 'id-token': 'write' },
    environment: githubEnvironment,
    concurrency: { group: 'gantry-frontend-${{ inputs.environment }}', 'cancel-in-progress': false },
    outputs: Object.fromEntries(Object.keys(publishStatic.outputs).map((name) => [name, `\${{ steps.publish.outputs.${name} }}`])),
    steps: [
      checkout(refs),
      ...setup,
      authStep(aws, refs),
      { id: 'publish', uses: refs.gantry('publish-static'), with: Object.fromEntries(Object.keys(publishStatic.inputs).map((name) => [name, input(name)])) },
    ],
  };
  const workflowCall: WorkflowCall = {
    inputs,
    secrets: {},
    outputs: Object.fromEntries(
      Object.entries(publishStatic.outputs).map(([name, spec]) => [name, { description: spec.description, value: `\${{ jobs.publish.outputs.${name} }}` }]),
    ),
  };
  return { name: 'publish-frontend', on: { workflow_call: workflowCall }, permissions: {}, jobs: { publish } };
}

/** Both reusable workflows, by file name under `.github/workflows/`. */
export function reusableWorkflows(options: ReusableWorkflowOptions): Record<string, Workflow> {
  return { [DELIVER_SERVICE]: deliverServiceWorkflow(options), [PUBLISH_FRONTEND]: publishFrontendWorkflow(options) };
}

export function reusablePins(options: ReusableWorkflowOptions): Record<string, PinnedAction> {
  return gantryPins(options.gantry, options.pins);
}

function refsOf(options: ReusableWorkflowOptions): ActionRefs {
  return gantryActionRefs(options.gantry, reusablePins(options));
}

// ---- deliver.yml in reusable style: one call per service and environment, one for the front end ----

const SECRET_EXPRESSION = /^\$\{\{\s*secrets\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}$/;

/**
 * `with:` of a calling job cannot read secrets: the GitOps token goes to the `gitops-token` secret; any other
 * secret in an input is refused, naming where it is.
 */
function withoutSecrets(at: string, values: Readonly<Record<string, string>>): Record<string, string> {
  for (const [name, value] of Object.entries(values)) {
    if (value.includes('secrets.')) throw new PipelineError([`${at}.${name}: a secret cannot be passed to a reusable workflow as an input; use workflow.style inline`]);
  }
  return values;
}

/** Model inputs of a stage under their names in deliver-service.yml; one it cannot take is a bug here, not dropped. */
function prefixed(stageName: CallableStage, values: Readonly<Record<string, string>>): Record<string, string> {
  const names = new Map(callInputsOf(stageName).map(({ input: name, call }) => [name, call]));
  // A deploy stage's own verify-* inputs are the shared verify-* inputs.
  if (stageName === 'deploy-ecs' || stageName === 'deploy-eks') for (const { call } of callInputsOf('verify')) names.set(call, call);
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => {
      const call = names.get(name);
      if (!call) throw new Error(`deliver-service.yml has no input for ${stageName}'s '${name}'`);
      return [call, value];
    }),
  );
}

function serviceCall(pipeline: ResolvedPipeline, env: ResolvedEnvironment, service: ResolvedService, refs: ActionRefs, after: string[]): CallJob {
  const at = `services[${pipeline.model.services.findIndex((s) => s.name === service.name)}]`;
  const { kind, stage: deployStage, inputs: deployInputs } = service.deploy;
  const { token, ...deployWith } = deployInputs;
  const secret = token === undefined ? undefined : SECRET_EXPRESSION.exec(token)?.[1];
  if (token !== undefined && !secret) throw new PipelineError([`${at}.deploy.token: with workflow.style reusable, must be a secret: \${{ secrets.NAME }}`]);
  return {
    name: `deliver ${service.name} to ${env.name}`,
    ...(after.length ? { needs: after } : {}),
    if: deliversTo(env),
    permissions: { ...DELIVER_SERVICE_PERMISSIONS },
    // One delivery at a time per service and environment; one in progress is never cancelled.
    concurrency: { group: deployJob(env.name, service.name), 'cancel-in-progress': false },
    uses: refs.workflow(DELIVER_SERVICE),
    with: {
      service: service.name,
      ...environmentInputs(pipeline, env),
      context: service.context,
      ...(service.dockerfile ? { dockerfile: service.dockerfile } : {}),
      repository: service.repository,
      'deploy-kind': kind,
      ...prefixed('build', withoutSecrets(`${at}.build`, service.build.inputs)),
      ...prefixed('scan', withoutSecrets(`${at}.scan`, service.scan.inputs)),
      ...prefixed('push', withoutSecrets(`${at}.push`, service.push.inputs)),
      ...prefixed(deployStage as CallableStage, withoutSecrets(`${at}.deploy`, deployWith)),
      ...prefixed('verify', withoutSecrets(`${at}.verify`, service.verify?.inputs ?? {})),
    },
    ...(secret ? { secrets: { [GITOPS_TOKEN_SECRET]: `\${{ secrets.${secret} }}` } } : {}),
  };
}

/** What both reusable workflows take of the environment they deliver to, and of the runner. */
function environmentInputs(pipeline: ResolvedPipeline, env: ResolvedEnvironment) {
  return {
    environment: env.name,
    ...(env['github-environment'] ? { 'github-environment': env['github-environment'] } : {}),
    'aws-region': env.region,
    'role-arn': env.roleArn,
    'runs-on': pipeline.model.workflow['runs-on'],
    'timeout-minutes': pipeline.model.workflow['timeout-minutes'],
  };
}

function frontendCall(pipeline: ResolvedPipeline, env: ResolvedEnvironment, refs: ActionRefs, after: string[]): CallJob {
  const setup = pipeline.model.setup ?? {};
  return {
    name: `front end to ${env.name}`,
    ...(after.length ? { needs: after } : {}),
    if: deliversTo(env),
    permissions: { ...PUBLISH_FRONTEND_PERMISSIONS },
    concurrency: { group: frontendJob(env.name), 'cancel-in-progress': false },
    uses: refs.workflow(PUBLISH_FRONTEND),
    with: {
      ...environmentInputs(pipeline, env),
      ...Object.fromEntries(SETUP_TOOLS.flatMap(({ key, input: name }) => (setup[key] ? [[name, setup[key]]] : []))),
      ...withoutSecrets('frontend', { ...env.frontend!.inputs }),
    },
  };
}

/** `deliver.yml` with `workflow.style: reusable`: per environment, a call of deliver-service.yml per service and of publish-frontend.yml. */
export const reusableDelivery: DeliveryRenderer = (pipeline, env, refs, after) => {
  const jobs: Record<string, CallJob> = {};
  for (const service of env.services) jobs[deployJob(env.name, service.name)] = serviceCall(pipeline, env, service, refs, after);
  if (env.frontend) jobs[frontendJob(env.name)] = frontendCall(pipeline, env, refs, after);
  return { jobs, delivering: Object.keys(jobs) };
};
