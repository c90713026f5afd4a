import { GantryError } from '../model/errors.js';
import { ecrRepositoryName } from '../oci/reference.js';
import type { Stage } from '../model/stage.js';
import { findStage } from '../stages/index.js';
import { DEPLOY_KINDS, pipelineSchema, SUPPLIED, type DeployKind, type Environment, type Pipeline, type SuppliedStage } from './model.js';
import { checkStageInputs, fill, inputsFor, type ModelInputs } from './stage-inputs.js';

/** A model that failed validation: every problem, each named by its path in the model. */
export class PipelineError extends GantryError {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`the pipeline model is invalid:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'PipelineError';
    this.problems = problems;
  }
}

/** `['services', 1, 'deploy', 'cluster']` → `services[1].deploy.cluster`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`)).join('');
}

/** One stage's inputs for one service in one environment, placeholders filled in and checked by the stage. */
export interface StageCall {
  readonly stage: string;
  readonly inputs: Readonly<Record<string, string>>;
}

export interface ResolvedService {
  readonly name: string;
  readonly context: string;
  readonly dockerfile?: string;
  /** Commands run in the checkout before the build. */
  readonly beforeBuild: readonly string[];
  /** ECR repository name in this environment. */
  readonly repository: string;
  readonly build: StageCall;
  readonly scan: StageCall;
  readonly push: StageCall;
  /** The sign stage after the push, when the model signs its images. */
  readonly sign?: StageCall;
  readonly deploy: StageCall & { readonly kind: DeployKind };
  readonly verify?: StageCall;
  /** In an environment with promote-from: the promote stage's inputs but the source image, known when the run has it. */
  readonly promote?: StageCall;
}

export interface ResolvedEnvironment extends Environment {
  readonly roleArn: string;
  readonly services: readonly ResolvedService[];
  readonly frontend?: StageCall;
}

export interface ResolvedPipeline {
  readonly model: Pipeline;
  readonly environments: readonly ResolvedEnvironment[];
}

/**
 * Validates a pipeline document and expands it per environment: placeholders filled in, every stage input checked by
 * its stage's own validator. Throws a PipelineError naming each problem by its path; returns nothing partial.
 */
export function resolvePipeline(document: unknown): ResolvedPipeline {
  const parsed = pipelineSchema.safeParse(document);
  if (!parsed.success) {
    throw new PipelineError(
      parsed.error.issues.map((issue) => {
        const missing = issue.code === 'invalid_type' && /received undefined$/.test(issue.message);
        return `${formatPath(issue.path) || '(model)'}: ${missing ? 'required' : issue.message}`;
      }),
    );
  }
  const model = parsed.data;
  const problems: string[] = [];
  const environments = model.environments.map((env) => resolveEnvironment(model, env, problems));
  if (problems.length > 0) throw new PipelineError([...new Set(problems)]);
  return { model, environments };
}

function resolveEnvironment(model: Pipeline, env: Environment, problems: string[]): ResolvedEnvironment {
  const call = (stageName: SuppliedStage, raw: ModelInputs | undefined, at: string, values: Record<string, string>): StageCall => {
    const inputs = inputsFor(raw ?? {}, values, (input) => problems.push(`${at}.${input}: has no value for environment '${env.name}'`));
    const stage = findStage(stageName) as Stage;
    for (const [input, problem] of checkStageInputs(stage, inputs, SUPPLIED[stageName])) {
      problems.push(`${at}.${input}: ${problem}${model.environments.length > 1 ? ` (environment ${env.name})` : ''}`);
    }
    return { stage: stageName, inputs };
  };
  const source = model.environments.find((e) => e.name === env['promote-from']);
  const services = model.services.map((svc, i): ResolvedService => {
    const values = { project: model.project, environment: env.name, service: svc.name };
    const at = `services[${i}]`;
    const target = svc.deploy['*'] ?? svc.deploy[env.name]!;
    const targetAt = svc.deploy['*'] ? `${at}.deploy` : `${at}.deploy.${env.name}`;
    const repository = fill(svc.repository, values);
    // With signing, each deploy requires a signature by the key (its public half for a PEM key), unless it says otherwise.
    const signing = model.signing;
    const deployInputs: ModelInputs = signing ? { 'require-signature': signing['public-key'] ?? signing.key, ...target.inputs } : target.inputs;
    const repositoryCheck = ecrRepositoryName.safeParse(repository);
    if (!repositoryCheck.success) problems.push(`${at}.repository: '${repository}' ${repositoryCheck.error.issues[0]!.message}`);
    const push = call('push', svc.push, `${at}.push`, values);
    return {
      name: svc.name,
      context: svc.context,
      dockerfile: svc.dockerfile,
      beforeBuild: svc['before-build'] ?? [],
      repository,
      build: call('build', svc.build, `${at}.build`, values),
      scan: call('scan', svc.scan, `${at}.scan`, values),
      push,
      sign: signing ? call('sign', { key: signing.key }, 'signing', values) : undefined,
      deploy: { kind: target.kind, ...call(DEPLOY_KINDS[target.kind], deployInputs, targetAt, values) },
      verify: svc.verify ? call('verify', svc.verify, `${at}.verify`, values) : undefined,
      ...(source ? { promote: promoteCall(source, env, repository, push) } : {}),
    };
  });
  const frontend = model.frontend ? call('publish-static', model.frontend, 'frontend', { project: model.project, environment: env.name, service: 'frontend' }) : undefined;
  return { ...env, roleArn: `arn:aws:iam::${env.account}:role/${env.role}`, services, frontend };
}

/**
 * The promote stage's inputs for one service of an environment promoted from `source`: the job authenticates with the
 * source environment's role and chains into this environment's role when it differs; the target registry is the one
 * this environment's pushes would use.
 */
function promoteCall(source: Environment, env: Environment, repository: string, push: StageCall): StageCall {
  const roleOf = (e: Environment) => `arn:aws:iam::${e.account}:role/${e.role}`;
  const inputs: Record<string, string> = { 'aws-region': source.region, 'target-repository': repository };
  if (env.region !== source.region) inputs['target-region'] = env.region;
  if (roleOf(env) !== roleOf(source)) inputs['target-role-arn'] = roleOf(env);
  if (push.inputs.registry !== undefined) inputs['target-registry'] = push.inputs.registry;
  return { stage: 'promote', inputs };
}
