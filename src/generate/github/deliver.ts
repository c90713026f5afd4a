import { isLocalPath } from '../../pipeline/model.js';
import { isWorkflowExpression } from '../../pipeline/stage-inputs.js';
import { findStage, stages } from '../../stages/index.js';
import { refCondition } from '../../pipeline/branch-pattern.js';
import type { ResolvedEnvironment, ResolvedPipeline, ResolvedService, StageCall } from '../../pipeline/resolve.js';
import type { Pipeline } from '../../pipeline/model.js';
import { PINNED_ACTIONS, type CallJob, type Job, type PinnedAction, type Step, type Workflow } from './workflow.js';

/** How a renderer refers to actions: Gantry's own at the model's ref, third-party ones by SHA from the pin map. */
export interface ActionRefs {
  gantry(stage: string): string;
  /** Gantry's actions are files of the checkout, so every job that runs one checks out first. */
  readonly local: boolean;
  /** One of Gantry's reusable workflows (`deliver-service.yml`), from the same repository and ref as its actions. */
  workflow(file: string): string;
  pinned(name: keyof typeof PINNED_ACTIONS): string;
}

export function actionRefs(pipeline: ResolvedPipeline): ActionRefs {
  return gantryActionRefs(pipeline.model.gantry, pinsOf(pipeline));
}

export function gantryActionRefs({ actions, ref }: Pipeline['gantry'], pins: Readonly<Record<string, PinnedAction>>): ActionRefs {
  const local = isLocalPath(actions);
  return {
    local,
    gantry: (stage) => (local ? `${actions.replace(/\/?$/, '/')}actions/${stage}` : `${actions}/actions/${stage}@${ref}`),
    workflow: (file) => (local ? `./.github/workflows/${file}` : `${actions}/.github/workflows/${file}@${ref}`),
    pinned: (name) => pins[name]!.uses,
  };
}

/** The third-party pins this pipeline uses (Gantry's map, overridden by the model's), and Gantry's own release. */
export function pinsOf(pipeline: ResolvedPipeline): Record<string, PinnedAction> {
  return gantryPins(pipeline.model.gantry, pipeline.model.workflow.pins);
}

export function gantryPins({ actions, ref, version }: Pipeline['gantry'], overrides: Readonly<Record<string, PinnedAction>> = {}): Record<string, PinnedAction> {
  const pins: Record<string, PinnedAction> = { ...PINNED_ACTIONS, ...overrides };
  if (!isLocalPath(actions) && ref && version) {
    for (const stage of stages) pins[`gantry-${stage.name}`] = { uses: `${actions}/actions/${stage.name}@${ref}`, version };
    for (const file of GANTRY_WORKFLOWS) pins[`gantry-${file}`] = { uses: `${actions}/.github/workflows/${file}@${ref}`, version };
  }
  return pins;
}

/** The reusable workflows a Gantry release ships (see reusable.ts). */
export const GANTRY_WORKFLOWS = ['deliver-service.yml', 'publish-frontend.yml'] as const;

const dispatchCondition = (env: string) => `(github.event_name == 'workflow_dispatch' && inputs.environment == '${env}')`;

/** When a push or a manual run delivers to `env`. */
export function deliversTo(env: ResolvedEnvironment): string {
  const refs = [...(env.branch ? [refCondition('branch', env.branch)] : []), ...(env.tag ? [refCondition('tag', env.tag)] : [])];
  return `${refs.map((r) => `(github.event_name == 'push' && ${r})`).join(' || ')} || ${dispatchCondition(env.name)}`;
}

export const imagesJob = (env: string) => `images-${env}`;
export const promoteJob = (env: string) => `promote-${env}`;
/** The job whose outputs hold an environment's images by digest: its images job, or its promote job. */
export const imageSourceJob = (env: Pick<ResolvedEnvironment, 'name' | 'promote-from'>) => (env['promote-from'] ? promoteJob(env.name) : imagesJob(env.name));
export const deployJob = (env: string, service: string) => `deploy-${env}-${service}`;
export const imageOutput = (service: string) => `image-${service}`;

/** The jobs that deliver one environment, and which of them `notify` reports on. */
export interface EnvironmentDelivery {
  readonly jobs: Record<string, Job | CallJob>;
  readonly delivering: readonly string[];
}

/** How `deliver.yml` delivers an environment: steps inline (the default), or calls of Gantry's reusable workflows. */
export type DeliveryRenderer = (pipeline: ResolvedPipeline, env: ResolvedEnvironment, refs: ActionRefs, after: string[]) => EnvironmentDelivery;

export const inlineDelivery: DeliveryRenderer = (pipeline, env, refs, after) => {
  const jobs: Record<string, Job> = {};
  const delivering: string[] = [];
  const source = pipeline.environments.find((e) => e.name === env['promote-from']);
  if (env.services.length > 0) {
    if (source) jobs[promoteJob(env.name)] = promoteJobOf(pipeline, env, source, refs);
    else jobs[imagesJob(env.name)] = imagesJobOf(pipeline, env, refs, after);
    for (const service of env.services) {
      const name = deployJob(env.name, service.name);
      jobs[name] = deployJobOf(pipeline, env, service, refs);
      delivering.push(name);
    }
  }
  if (env.frontend) {
    const name = frontendJob(env.name);
    // A promoted environment's front end follows its images, or else the source environment's front end.
    const frontendNeeds = source ? [env.services.length > 0 ? promoteJob(env.name) : frontendJob(source.name)] : after;
    jobs[name] = frontendJobOf(pipeline, env, env.frontend, refs, frontendNeeds, !source);
    delivering.push(name);
  }
  return { jobs, delivering };
};

export const frontendJob = (env: string) => `frontend-${env}`;

/**
 * `deliver.yml`: on a push to an environment's branch or tag (or a manual run), test once, then per environment
 * build → scan → push every service as a matrix, deploy each service by digest in its own job (the GitHub
 * environment's protection rules apply, one deploy at a time per service and environment), verify and roll back,
 * publish the front end, and notify whatever happened.
 */
export function deliverWorkflow(pipeline: ResolvedPipeline, delivery: DeliveryRenderer = inlineDelivery): Workflow {
  const { model } = pipeline;
  const refs = actionRefs(pipeline);
  const branches = unique(pipeline.environments.flatMap((e) => (e.branch ? [e.branch] : [])));
  const tags = unique(pipeline.environments.flatMap((e) => (e.tag ? [e.tag] : [])));
  const jobs: Record<string, Job | CallJob> = {};
  const checks = checksJob(pipeline, refs);
  if (checks) jobs.checks = checks;
  const after = checks ? ['checks'] : [];
  const deliveryJobs: string[] = [];

  for (const env of pipeline.environments) {
    const delivered = delivery(pipeline, env, refs, after);
    Object.assign(jobs, delivered.jobs);
    deliveryJobs.push(...delivered.delivering);
  }
  if (model.notify && findStage('notify')) jobs.notify = notifyJob(pipeline, refs, deliveryJobs);

  return {
    name: 'deliver',
    on: {
      push: { ...(branches.length ? { branches } : {}), ...(tags.length ? { tags } : {}) },
      workflow_dispatch: {
        inputs: {
          environment: {
            description: 'Environment to deliver the checked-out ref to',
            type: 'choice',
            required: true,
            // A promoted environment follows its source environment; it is not delivered on its own.
            options: pipeline.environments.filter((e) => !e['promote-from']).map((e) => e.name),
          },
        },
      },
    },
    // Nothing by default; each job asks for what it needs.
    permissions: {},
    ...(Object.keys(model.workflow.env).length > 0 ? { env: model.workflow.env } : {}),
    jobs,
  };
}

function baseJob(pipeline: ResolvedPipeline): Pick<Job, 'runs-on' | 'timeout-minutes'> {
  return { 'runs-on': pipeline.model.workflow['runs-on'], 'timeout-minutes': pipeline.model.workflow['timeout-minutes'] };
}

export function checkout(refs: ActionRefs): Step {
  return { uses: refs.pinned('checkout'), with: { 'persist-credentials': false } };
}

function setupSteps(pipeline: ResolvedPipeline, refs: ActionRefs): Step[] {
  return setupStepsOf(pipeline.model.setup ?? {}, refs);
}

export function setupStepsOf(setup: NonNullable<Pipeline['setup']>, refs: ActionRefs): Step[] {
  const steps: Step[] = [];
  // No dependency caches: a delivery publishes what it builds, and a cache written by another ref could poison it.
  if (setup.node) steps.push({ uses: refs.pinned('setupNode'), with: { 'node-version': setup.node, 'package-manager-cache': false } });
  if (setup.go) steps.push({ uses: refs.pinned('setupGo'), with: { 'go-version': setup.go, cache: false } });
  if (setup.python) steps.push({ uses: refs.pinned('setupPython'), with: { 'python-version': setup.python } });
  return steps;
}

function checksJob(pipeline: ResolvedPipeline, refs: ActionRefs): Job | undefined {
  const { test = [], lint = [] } = pipeline.model;
  if (test.length + lint.length === 0) return undefined;
  return {
    name: 'test and lint',
    ...baseJob(pipeline),
    permissions: { contents: 'read' },
    steps: [
      checkout(refs),
      ...setupSteps(pipeline, refs),
      ...lint.map((run): Step => ({ name: 'lint', run })),
      ...test.map((run): Step => ({ name: 'test', run })),
    ],
  };
}

/** `ci.yml`: tests and lint on pull requests, read-only, no AWS, no secrets. */
export function checksOnly(pipeline: ResolvedPipeline): Workflow | undefined {
  const checks = checksJob(pipeline, actionRefs(pipeline));
  if (!checks) return undefined;
  return {
    name: 'ci',
    on: { pull_request: {} },
    permissions: { contents: 'read' },
    concurrency: { group: 'ci-${{ github.event.pull_request.number }}', 'cancel-in-progress': true },
    jobs: { checks },
  };
}

export function authStep(env: Pick<ResolvedEnvironment, 'region' | 'roleArn'>, refs: ActionRefs): Step {
  return { id: 'auth', name: 'AWS credentials by OIDC', uses: refs.gantry('auth'), with: { 'aws-region': env.region, 'role-arn': env.roleArn } };
}

/**
 * Stage inputs that differ per service travel in the matrix, namespaced by stage: `scan-severity`. A workflow
 * expression shared by every service is written into the step instead, since a matrix cannot read `env` or `secrets`.
 */
function matrixInputs(services: readonly ResolvedService[], stage: 'build' | 'scan' | 'push' | 'sign') {
  const all = unique(services.flatMap((s) => Object.keys(s[stage]?.inputs ?? {}))).sort();
  const sharedExpression = (name: string) => {
    const values = unique(services.map((s) => s[stage]?.inputs[name]));
    return values.length === 1 && values[0] !== undefined && isWorkflowExpression(values[0]) ? values[0] : undefined;
  };
  const inline = all.filter((name) => sharedExpression(name) !== undefined);
  const names = all.filter((name) => !inline.includes(name));
  const withInputs = Object.fromEntries(all.map((name) => [name, sharedExpression(name) ?? `\${{ matrix.${stage}-${name} }}`]));
  const entry = (service: ResolvedService) => Object.fromEntries(names.map((name) => [`${stage}-${name}`, service[stage]?.inputs[name] ?? '']));
  return { withInputs, entry };
}

function imagesJobOf(pipeline: ResolvedPipeline, env: ResolvedEnvironment, refs: ActionRefs, needs: string[]): Job {
  const build = matrixInputs(env.services, 'build');
  const scan = matrixInputs(env.services, 'scan');
  const push = matrixInputs(env.services, 'push');
  const sign = env.services.some((s) => s.sign) ? matrixInputs(env.services, 'sign') : undefined;
  const include = env.services.map((service) => ({
    service: service.name,
    context: service.context,
    dockerfile: service.dockerfile ?? '',
    repository: service.repository,
    ...build.entry(service),
    ...scan.entry(service),
    ...push.entry(service),
    ...sign?.entry(service),
  }));
  return {
    name: `images for ${env.name} (\${{ matrix.service }})`,
    ...(needs.length ? { needs } : {}),
    if: deliversTo(env),
    ...baseJob(pipeline),
    permissions: { contents: 'read', 'id-token': 'write', 'security-events': 'write' },
    strategy: { 'fail-fast': false, matrix: { include } },
    // Each leg sets only its own service's output; GitHub merges the legs' outputs by name.
    outputs: Object.fromEntries(env.services.map((s) => [imageOutput(s.name), `\${{ steps.record.outputs.${imageOutput(s.name)} }}`])),
    steps: [
      ...imageSteps(
        refs,
        { service: '${{ matrix.service }}', context: '${{ matrix.context }}', dockerfile: '${{ matrix.dockerfile }}', repository: '${{ matrix.repository }}' },
        { region: env.region, roleArn: env.roleArn },
        { build: build.withInputs, scan: scan.withInputs, push: push.withInputs, sign: sign?.withInputs },
        // Literal commands, one step per service that has them, rather than a matrix value spliced into a script.
        env.services
          .filter((service) => service.beforeBuild.length > 0)
          .flatMap((service) =>
            service.beforeBuild.map((run): Step => ({ name: `before build (${service.name})`, if: `matrix.service == '${service.name}'`, run })),
          ),
      ),
      {
        id: 'record',
        name: 'image by digest for the deploy jobs',
        // Values reach the script through env, never spliced into it.
        run: 'echo "image-${SERVICE}=${IMAGE}" >> "$GITHUB_OUTPUT"',
        env: { SERVICE: '${{ matrix.service }}', IMAGE: '${{ steps.push.outputs.image }}' },
      },
    ],
  };
}

/** What an image's steps are told: each value literal or an expression (`${{ matrix.context }}`). */
export interface ImageSource {
  readonly service: string;
  readonly context: string;
  readonly dockerfile: string;
  readonly repository: string;
}

/** checkout → auth → build → scan (findings to code scanning) → push; the pushed image is the push step's output. */
export function imageSteps(
  refs: ActionRefs,
  source: ImageSource,
  aws: Pick<ResolvedEnvironment, 'region' | 'roleArn'>,
  inputs: { readonly build: Record<string, string>; readonly scan: Record<string, string>; readonly push: Record<string, string>; readonly sign?: Record<string, string> },
  beforeBuild: readonly Step[] = [],
): Step[] {
  // The pushed digest signed where it was pushed, before any deploy job can ask for its signature.
  const sign: Step[] = inputs.sign
    ? [{ id: 'sign', uses: refs.gantry('sign'), with: { image: '${{ steps.push.outputs.image }}', 'aws-region': aws.region, ...inputs.sign } }]
    : [];
  return [
    checkout(refs),
    authStep(aws, refs),
    ...beforeBuild,
    {
      id: 'build',
      uses: refs.gantry('build'),
      with: { context: source.context, dockerfile: source.dockerfile, image: source.repository, ...inputs.build },
    },
    {
      id: 'scan',
      uses: refs.gantry('scan'),
      with: { 'scan-type': 'image', target: '${{ steps.build.outputs.oci-archive }}', ...inputs.scan },
    },
    {
      name: 'findings to code scanning',
      if: "always() && steps.scan.outputs.sarif-report != ''",
      uses: refs.pinned('uploadSarif'),
      with: { sarif_file: '${{ steps.scan.outputs.sarif-report }}', category: `gantry-${source.service}` },
    },
    {
      id: 'push',
      uses: refs.gantry('push'),
      with: {
        repository: source.repository,
        'oci-archive': '${{ steps.build.outputs.oci-archive }}',
        tags: '${{ steps.build.outputs.tags }}',
        // Required by the action; the auth step's AWS_REGION would do on a runner, but a required input is given.
        'aws-region': aws.region,
        ...inputs.push,
      },
    },
    ...sign,
  ];
}

/**
 * A GitOps bump, then (with verify inputs) its verification in a step of its own and a revert of the bump when that
 * fails: the bump rolls out later, in the cluster. `verifyIf` runs the verification only when it has checks.
 */
export function gitopsSteps(refs: ActionRefs, bump: Record<string, string>, verify: Record<string, string> | undefined, verifyIf?: string): Step[] {
  const steps: Step[] = [{ id: 'deploy', uses: refs.gantry('gitops-bump'), with: bump }];
  if (!verify) return steps;
  steps.push({ id: 'verify', ...(verifyIf ? { if: verifyIf } : {}), uses: refs.gantry('verify'), with: { ...verify } });
  const repository = Object.fromEntries(['repository', 'branch', 'token'].filter((n) => bump[n] !== undefined).map((n) => [n, bump[n]!]));
  steps.push({
    name: 'revert the bump that failed verification',
    if: "failure() && steps.verify.outcome == 'failure'",
    uses: refs.gantry('rollback'),
    with: { target: 'gitops', ...repository, commit: '${{ steps.deploy.outputs.commit }}' },
  });
  return steps;
}

/**
 * Promotes each service's image, by digest, from the source environment's repository into this environment's, once
 * every deploy of the source environment succeeded (and was verified there): gated like a deploy, in this
 * environment's GitHub environment. It authenticates with the source environment's role and the promote stage
 * chains into this environment's role when the two differ.
 */
function promoteJobOf(pipeline: ResolvedPipeline, env: ResolvedEnvironment, source: ResolvedEnvironment, refs: ActionRefs): Job {
  const steps: Step[] = [...(refs.local ? [checkout(refs)] : []), authStep(source, refs)];
  for (const service of env.services) {
    steps.push({
      id: `promote-${service.name}`,
      uses: refs.gantry('promote'),
      with: {
        ...service.promote!.inputs,
        'source-image': `\${{ needs.${imageSourceJob(source)}.outputs.${imageOutput(service.name)} }}`,
        tags: 'build-${{ github.run_number }}',
      },
    });
  }
  return {
    name: `promote to ${env.name} (from ${source.name})`,
    needs: [imageSourceJob(source), ...source.services.map((s) => deployJob(source.name, s.name))],
    ...baseJob(pipeline),
    permissions: { contents: 'read', 'id-token': 'write' },
    environment: env['github-environment'] ?? env.name,
    concurrency: { group: `promote-${env.name}`, 'cancel-in-progress': false },
    outputs: Object.fromEntries(env.services.map((s) => [imageOutput(s.name), `\${{ steps.promote-${s.name}.outputs.image }}`])),
    steps,
  };
}

function deployJobOf(pipeline: ResolvedPipeline, env: ResolvedEnvironment, service: ResolvedService, refs: ActionRefs): Job {
  const image = `\${{ needs.${imageSourceJob(env)}.outputs.${imageOutput(service.name)} }}`;
  const { kind, stage, inputs } = service.deploy;
  const verify = service.verify?.inputs;
  const steps: Step[] = refs.local ? [checkout(refs)] : [];
  // A GitOps bump needs AWS only to check a signature: the image's registry (ECR) and a KMS key.
  const aws = kind !== 'gitops' || inputs['require-signature'] !== undefined;
  if (kind === 'gitops') {
    if (aws) steps.push(authStep(env, refs));
    steps.push(...gitopsSteps(refs, { ...inputs, image, service: service.name, environment: env.name }, verify));
  } else {
    steps.push(authStep(env, refs));
    // ECS and EKS deploys verify within the step (verify-* inputs) and roll back there when the checks fail.
    const verifyInputs = Object.fromEntries(Object.entries(verify ?? {}).map(([name, value]) => [`verify-${name}`, value]));
    steps.push({ id: 'deploy', uses: refs.gantry(stage), with: { ...inputs, ...verifyInputs, 'aws-region': env.region, image } });
  }
  return {
    name: `deploy ${service.name} to ${env.name}`,
    needs: [imageSourceJob(env)],
    ...baseJob(pipeline),
    permissions: aws ? { contents: 'read', 'id-token': 'write' } : { contents: 'read' },
    environment: env['github-environment'] ?? env.name,
    // A deploy in progress is never cancelled; the next one waits.
    concurrency: { group: `deploy-${env.name}-${service.name}`, 'cancel-in-progress': false },
    steps,
  };
}

function frontendJobOf(pipeline: ResolvedPipeline, env: ResolvedEnvironment, frontend: StageCall, refs: ActionRefs, needs: string[], gated = true): Job {
  return {
    name: `front end to ${env.name}`,
    ...(needs.length ? { needs } : {}),
    ...(gated ? { if: deliversTo(env) } : {}),
    ...baseJob(pipeline),
    permissions: { contents: 'read', 'id-token': 'write' },
    environment: env['github-environment'] ?? env.name,
    concurrency: { group: `frontend-${env.name}`, 'cancel-in-progress': false },
    steps: [
      checkout(refs),
      ...setupSteps(pipeline, refs),
      authStep(env, refs),
      { id: 'publish', uses: refs.gantry('publish-static'), with: { ...frontend.inputs, 'aws-region': env.region } },
    ],
  };
}

function notifyJob(pipeline: ResolvedPipeline, refs: ActionRefs, needs: string[]): Job {
  const secret = pipeline.model.notify!['slack-webhook-secret'];
  const results = needs.map((job) => `needs.${job}.result`);
  return {
    name: 'notify',
    needs,
    if: 'always()',
    ...baseJob(pipeline),
    permissions: {},
    steps: [
      {
        uses: refs.gantry('notify'),
        with: {
          'slack-webhook-url': `\${{ secrets.${secret} }}`,
          status: `\${{ (${results.map((r) => `${r} == 'failure'`).join(' || ')}) && 'failure' || (${results.map((r) => `${r} == 'cancelled'`).join(' || ')}) && 'cancelled' || 'success' }}`,
        },
      },
    ],
  };
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
