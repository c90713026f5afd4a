import { isLocalPath } from '../../pipeline/model.js';
import { isWorkflowExpression } from '../../pipeline/stage-inputs.js';
import { findStage, stages } from '../../stages/index.js';
import { refCondition } from '../../pipeline/branch-pattern.js';
import type { ResolvedEnvironment, ResolvedPipeline, ResolvedService, StageCall } from '../../pipeline/resolve.js';
import { PINNED_ACTIONS, type Job, type PinnedAction, type Step, type Workflow } from './workflow.js';

/** How a renderer refers to actions: Gantry's own at the model's ref, third-party ones by SHA from the pin map. */
export interface ActionRefs {
  gantry(stage: string): string;
  /** Gantry's actions are files of the checkout, so every job that runs one checks out first. */
  readonly local: boolean;
  pinned(name: keyof typeof PINNED_ACTIONS): string;
}

export function actionRefs(pipeline: ResolvedPipeline): ActionRefs {
  const { actions, ref } = pipeline.model.gantry;
  const pins = pinsOf(pipeline);
  const local = isLocalPath(actions);
  return {
    local,
    gantry: (stage) => (local ? `${actions.replace(/\/?$/, '/')}actions/${stage}` : `${actions}/actions/${stage}@${ref}`),
    pinned: (name) => pins[name]!.uses,
  };
}

/** The third-party pins this pipeline uses (Gantry's map, overridden by the model's), and Gantry's own release. */
export function pinsOf(pipeline: ResolvedPipeline): Record<string, PinnedAction> {
  const { actions, ref, version } = pipeline.model.gantry;
  const pins: Record<string, PinnedAction> = { ...PINNED_ACTIONS, ...pipeline.model.workflow.pins };
  if (!isLocalPath(actions) && ref && version) {
    for (const stage of stages) pins[`gantry-${stage.name}`] = { uses: `${actions}/actions/${stage.name}@${ref}`, version };
  }
  return pins;
}

const dispatchCondition = (env: string) => `(github.event_name == 'workflow_dispatch' && inputs.environment == '${env}')`;

/** When a push or a manual run delivers to `env`. */
export function deliversTo(env: ResolvedEnvironment): string {
  const refs = [...(env.branch ? [refCondition('branch', env.branch)] : []), ...(env.tag ? [refCondition('tag', env.tag)] : [])];
  return `${refs.map((r) => `(github.event_name == 'push' && ${r})`).join(' || ')} || ${dispatchCondition(env.name)}`;
}

export const imagesJob = (env: string) => `images-${env}`;
export const deployJob = (env: string, service: string) => `deploy-${env}-${service}`;
export const imageOutput = (service: string) => `image-${service}`;

/**
 * `deliver.yml`: on a push to an environment's branch or tag (or a manual run), test once, then per environment
 * build → scan → push every service as a matrix, deploy each service by digest in its own job (the GitHub
 * environment's protection rules apply, one deploy at a time per service and environment), verify and roll back,
 * publish the front end, and notify whatever happened.
 */
export function deliverWorkflow(pipeline: ResolvedPipeline): Workflow {
  const { model } = pipeline;
  const refs = actionRefs(pipeline);
  const branches = unique(pipeline.environments.flatMap((e) => (e.branch ? [e.branch] : [])));
  const tags = unique(pipeline.environments.flatMap((e) => (e.tag ? [e.tag] : [])));
  const jobs: Record<string, Job> = {};
  const checks = checksJob(pipeline, refs);
  if (checks) jobs.checks = checks;
  const after = checks ? ['checks'] : [];
  const deliveryJobs: string[] = [];

  for (const env of pipeline.environments) {
    if (env.services.length > 0) {
      jobs[imagesJob(env.name)] = imagesJobOf(pipeline, env, refs, after);
      for (const service of env.services) {
        const name = deployJob(env.name, service.name);
        jobs[name] = deployJobOf(pipeline, env, service, refs);
        deliveryJobs.push(name);
      }
    }
    if (env.frontend) {
      const name = `frontend-${env.name}`;
      jobs[name] = frontendJobOf(pipeline, env, env.frontend, refs, after);
      deliveryJobs.push(name);
    }
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
            options: pipeline.environments.map((e) => e.name),
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

function checkout(refs: ActionRefs): Step {
  return { uses: refs.pinned('checkout'), with: { 'persist-credentials': false } };
}

function setupSteps(pipeline: ResolvedPipeline, refs: ActionRefs): Step[] {
  const setup = pipeline.model.setup ?? {};
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

function authStep(env: ResolvedEnvironment, refs: ActionRefs): Step {
  return { id: 'auth', name: 'AWS credentials by OIDC', uses: refs.gantry('auth'), with: { 'aws-region': env.region, 'role-arn': env.roleArn } };
}

/**
 * Stage inputs that differ per service travel in the matrix, namespaced by stage: `scan-severity`. A workflow
 * expression shared by every service is written into the step instead, since a matrix cannot read `env` or `secrets`.
 */
function matrixInputs(services: readonly ResolvedService[], stage: 'build' | 'scan' | 'push') {
  const all = unique(services.flatMap((s) => Object.keys(s[stage].inputs))).sort();
  const sharedExpression = (name: string) => {
    const values = unique(services.map((s) => s[stage].inputs[name]));
    return values.length === 1 && values[0] !== undefined && isWorkflowExpression(values[0]) ? values[0] : undefined;
  };
  const inline = all.filter((name) => sharedExpression(name) !== undefined);
  const names = all.filter((name) => !inline.includes(name));
  const withInputs = Object.fromEntries(all.map((name) => [name, sharedExpression(name) ?? `\${{ matrix.${stage}-${name} }}`]));
  const entry = (service: ResolvedService) => Object.fromEntries(names.map((name) => [`${stage}-${name}`, service[stage].inputs[name] ?? '']));
  return { withInputs, entry };
}

function imagesJobOf(pipeline: ResolvedPipeline, env: ResolvedEnvironment, refs: ActionRefs, needs: string[]): Job {
  const build = matrixInputs(env.services, 'build');
  const scan = matrixInputs(env.services, 'scan');
  const push = matrixInputs(env.services, 'push');
  const include = env.services.map((service) => ({
    service: service.name,
    context: service.context,
    dockerfile: service.dockerfile ?? '',
    repository: service.repository,
    ...build.entry(service),
    ...scan.entry(service),
    ...push.entry(service),
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
      checkout(refs),
      authStep(env, refs),
      // Literal commands, one step per service that has them, rather than a matrix value spliced into a script.
      ...env.services
        .filter((service) => service.beforeBuild.length > 0)
        .flatMap((service) =>
          service.beforeBuild.map((run): Step => ({ name: `before build (${service.name})`, if: `matrix.service == '${service.name}'`, run })),
        ),
      {
        id: 'build',
        uses: refs.gantry('build'),
        with: { context: '${{ matrix.context }}', dockerfile: '${{ matrix.dockerfile }}', image: '${{ matrix.repository }}', ...build.withInputs },
      },
      {
        id: 'scan',
        uses: refs.gantry('scan'),
        with: { 'scan-type': 'image', target: '${{ steps.build.outputs.oci-archive }}', ...scan.withInputs },
      },
      {
        name: 'findings to code scanning',
        if: "always() && steps.scan.outputs.sarif-report != ''",
        uses: refs.pinned('uploadSarif'),
        with: { sarif_file: '${{ steps.scan.outputs.sarif-report }}', category: 'gantry-${{ matrix.service }}' },
      },
      {
        id: 'push',
        uses: refs.gantry('push'),
        with: {
          repository: '${{ matrix.repository }}',
          'oci-archive': '${{ steps.build.outputs.oci-archive }}',
          tags: '${{ steps.build.outputs.tags }}',
          // Required by the action; the auth step's AWS_REGION would do on a runner, but a required input is given.
          'aws-region': env.region,
          ...push.withInputs,
        },
      },
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

function deployJobOf(pipeline: ResolvedPipeline, env: ResolvedEnvironment, service: ResolvedService, refs: ActionRefs): Job {
  const image = `\${{ needs.${imagesJob(env.name)}.outputs.${imageOutput(service.name)} }}`;
  const { kind, stage, inputs } = service.deploy;
  const verify = service.verify?.inputs;
  const steps: Step[] = refs.local ? [checkout(refs)] : [];
  if (kind === 'gitops') {
    steps.push({ id: 'deploy', uses: refs.gantry(stage), with: { ...inputs, image, service: service.name, environment: env.name } });
    if (verify) {
      // A GitOps bump rolls out later, in the cluster: verify in its own step, and revert the bump when it fails.
      steps.push({ id: 'verify', uses: refs.gantry('verify'), with: { ...verify } });
      const repository = Object.fromEntries(['repository', 'branch', 'token'].filter((n) => inputs[n] !== undefined).map((n) => [n, inputs[n]!]));
      steps.push({
        name: 'revert the bump that failed verification',
        if: "failure() && steps.verify.outcome == 'failure'",
        uses: refs.gantry('rollback'),
        with: { target: 'gitops', ...repository, commit: '${{ steps.deploy.outputs.commit }}' },
      });
    }
  } else {
    steps.push(authStep(env, refs));
    // ECS and EKS deploys verify within the step (verify-* inputs) and roll back there when the checks fail.
    const verifyInputs = Object.fromEntries(Object.entries(verify ?? {}).map(([name, value]) => [`verify-${name}`, value]));
    steps.push({ id: 'deploy', uses: refs.gantry(stage), with: { ...inputs, ...verifyInputs, 'aws-region': env.region, image } });
  }
  return {
    name: `deploy ${service.name} to ${env.name}`,
    needs: [imagesJob(env.name)],
    ...baseJob(pipeline),
    permissions: kind === 'gitops' ? { contents: 'read' } : { contents: 'read', 'id-token': 'write' },
    environment: env['github-environment'] ?? env.name,
    // A deploy in progress is never cancelled; the next one waits.
    concurrency: { group: `deploy-${env.name}-${service.name}`, 'cancel-in-progress': false },
    steps,
  };
}

function frontendJobOf(pipeline: ResolvedPipeline, env: ResolvedEnvironment, frontend: StageCall, refs: ActionRefs, needs: string[]): Job {
  return {
    name: `front end to ${env.name}`,
    ...(needs.length ? { needs } : {}),
    if: deliversTo(env),
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
