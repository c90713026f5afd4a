import * as z from '../model/zod.js';
import { awsRegion } from '../model/inputs.js';
import { findStage } from '../stages/index.js';
import { parseKeyReference } from '../signing/keys.js';
import { branchPatternProblem } from './branch-pattern.js';
import { isWorkflowExpression, stageInputsSchema, type ModelInputs } from './stage-inputs.js';

/**
 * The pipeline model: a delivery described once — services, an optional static front end, environments — from
 * which the generators write GitHub workflows, a Jenkinsfile and IAM policies, and `gantry` runs. Keys are
 * kebab-case like the stages' inputs, since most of them are stage inputs.
 */

const NAME_RULE = 'must be lowercase letters, digits and -, starting with a letter (at most 40 characters)';
const name = z.string().check(z.regex(/^[a-z][a-z0-9-]{0,39}$/, NAME_RULE));

/** What the pipeline passes to a stage itself, so a model may not set it. */
export const SUPPLIED = {
  build: ['context', 'dockerfile', 'image', 'oci-archive', 'sha', 'build-number'],
  scan: ['scan-type', 'target', 'output-dir'],
  // `registry` is the model's to set: ECR's own endpoint by default, another registry (a mirror, a local stack) when given.
  push: ['aws-region', 'repository', 'oci-archive', 'tags'],
  'deploy-ecs': ['aws-region', 'image'],
  'deploy-eks': ['aws-region', 'image'],
  'gitops-bump': ['image', 'service', 'environment'],
  sign: ['image', 'aws-region'],
  'publish-static': ['aws-region'],
  verify: [],
  notify: [],
} as const satisfies Record<string, readonly string[]>;

export type SuppliedStage = keyof typeof SUPPLIED;

/** Inputs of a stage this version of Gantry ships; a stage still to come is refused where the model uses it. */
function inputsOf(stageName: SuppliedStage) {
  const stage = findStage(stageName);
  if (!stage) {
    return z.any().check(z.superRefine((_, ctx) => ctx.addIssue({ code: 'custom', message: `needs the ${stageName} stage, which this version of Gantry does not ship` })));
  }
  return stageInputsSchema(stage, SUPPLIED[stageName]);
}

export const DEPLOY_KINDS = { ecs: 'deploy-ecs', eks: 'deploy-eks', gitops: 'gitops-bump' } as const;
export type DeployKind = keyof typeof DEPLOY_KINDS;

/** Parses `value` with `schema` inside a transform, reporting its issues at their paths below the current one. */
function parseWithin<T extends z.ZodMiniType>(schema: T, value: unknown, ctx: z.core.ParsePayload): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.issues.push({ code: 'custom', path: issue.path, message: issue.message, input: ctx.value });
  return z.NEVER;
}

const deployTarget = z.pipe(
  z.looseObject({ kind: z.enum(Object.keys(DEPLOY_KINDS) as [DeployKind, ...DeployKind[]], { error: 'must be one of ecs, eks, gitops' }) }),
  z.transform((target, ctx) => {
    const { kind, ...inputs } = target;
    return { kind, inputs: parseWithin(inputsOf(DEPLOY_KINDS[kind]), inputs, ctx) as ModelInputs };
  }),
);
export type DeployTarget = z.output<typeof deployTarget>;

const gitRefPattern = (what: string) =>
  z.string().check(
    z.superRefine((pattern, ctx) => {
      const problem = branchPatternProblem(pattern);
      if (problem) ctx.addIssue({ code: 'custom', message: `is not a ${what} pattern GitHub can match: ${problem}` });
    }),
  );

const environment = z
  .strictObject({
    name,
    /** Branches that deliver to this environment (GitHub filter patterns: `main`, `release/**`). */
    branch: z.optional(gitRefPattern('branch')),
    /** Tags that deliver to this environment (`v*`). */
    tag: z.optional(gitRefPattern('tag')),
    account: z.pipe(
      z.pipe(z.union([z.string(), z.number()]), z.transform(String)),
      z.string().check(z.regex(/^\d{12}$/, 'must be a 12-digit AWS account id (quote it in YAML)')),
    ),
    region: awsRegion,
    /** Name of the IAM role the pipeline assumes in this account by OIDC. */
    role: z.string().check(z.regex(/^[\w+=,.@-]{1,64}$/, 'must be an IAM role name (letters, digits and +=,.@_-, at most 64)')),
    /** GitHub environment of the deploy job (protection rules, approvals); default: the environment's name. */
    'github-environment': z.optional(z.string().check(z.minLength(1))),
    /**
     * Deliver the images another environment deployed and verified, promoted by digest into this environment's
     * repositories, instead of building again; delivered after that environment, in the same run.
     */
    'promote-from': z.optional(name),
  })
  .check(
    z.superRefine((env, ctx) => {
      if (env['promote-from'] !== undefined) {
        for (const key of ['branch', 'tag'] as const) {
          if (env[key] !== undefined) {
            ctx.addIssue({ code: 'custom', path: [key], message: `does not apply with promote-from: the environment is delivered after '${env['promote-from']}', in the same run` });
          }
        }
      } else if (env.branch === undefined && env.tag === undefined) {
        ctx.addIssue({ code: 'custom', path: ['branch'], message: 'needs a branch or a tag pattern that delivers to it, or promote-from' });
      }
    }),
  );
export type Environment = z.output<typeof environment>;

const commands = z.union([z.pipe(z.string().check(z.minLength(1)), z.transform((c) => [c])), z.array(z.string().check(z.minLength(1)))]);

const service = z.strictObject({
  name,
  /** Build context, relative to the repository root. */
  context: z._default(z.string().check(z.minLength(1)), '.'),
  dockerfile: z.optional(z.string().check(z.minLength(1))),
  /** Commands run in the checkout before the image is built (e.g. compiling what the Dockerfile copies). */
  'before-build': z.optional(commands),
  /** ECR repository per environment: placeholders {project}, {environment}, {service}. */
  repository: z._default(z.string().check(z.minLength(1)), '{project}/{environment}/{service}'),
  build: z.optional(inputsOf('build')),
  scan: z.optional(inputsOf('scan')),
  push: z.optional(inputsOf('push')),
  /** One target for every environment (it has a `kind`), or one per environment name. */
  deploy: z.pipe(
    z.unknown(),
    z.transform((value, ctx): Record<string, DeployTarget> => {
      if (value === undefined) {
        ctx.issues.push({ code: 'custom', message: 'required: a target (kind: ecs, eks or gitops), or one per environment', input: value });
        return z.NEVER;
      }
      const single = value !== null && typeof value === 'object' && 'kind' in value;
      if (single) return { '*': parseWithin(deployTarget, value, ctx) };
      return parseWithin(z.record(z.string(), deployTarget), value, ctx);
    }),
  ),
  /** Smoke checks after the deploy (the verify stage's inputs); a failure rolls the deploy back. */
  verify: z.optional(inputsOf('verify')),
});
export type Service = z.output<typeof service>;

/** The publish-static stage's inputs (build command, source dir, bucket, distribution, cache rules). */
const frontend = z.pipe(
  z.record(z.string(), z.unknown()),
  z.transform((inputs, ctx) => parseWithin(inputsOf('publish-static'), inputs, ctx) as ModelInputs),
);

/** A signing key a model may name: an AWS KMS key, or a workflow expression (a secret holding a PEM private key). */
export function isKmsKey(key: string): boolean {
  const parsed = parseKeyReference(key);
  return typeof parsed !== 'string' && parsed.kind === 'kms';
}

/**
 * Image signing: the images job signs each pushed digest (the sign stage), and every deploy requires a signature by
 * the key before it changes anything (require-signature). A KMS key does both; a PEM private key (always a secret)
 * needs its public key beside it for the deploys.
 */
const signing = z
  .strictObject({
    key: z.string().check(
      z.minLength(1),
      z.refine((key) => isWorkflowExpression(key) || isKmsKey(key.replace(/\{(project|environment|service)\}/g, 'x')), {
        message: 'must be an AWS KMS key (awskms:///<key id, alias or ARN>) or a workflow expression such as ${{ secrets.SIGNING_KEY }} holding a PEM private key; a private key is never written into a model',
      }),
    ),
    /** The public key the deploys verify with, when `key` is a PEM private key: PEM text, a path in the checkout, or an expression. */
    'public-key': z.optional(z.string().check(z.minLength(1))),
  })
  .check(
    z.refine((s) => isKmsKey(s.key.replace(/\{(project|environment|service)\}/g, 'x')) || s['public-key'] !== undefined, {
      message: 'required when key is a PEM private key: the deploys check signatures with this public key',
      path: ['public-key'],
    }),
  );

const pinnedAction = z.strictObject({
  uses: z.string().check(z.regex(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/, 'must be owner/repo[/path]@<40-hex commit sha>')),
  version: z.string().check(z.minLength(1)),
});

export const pipelineSchema = z
  .strictObject({
    project: name,
    /** The GitHub repository that delivers (owner/name): the subject of the deploy roles' trust policies. */
    repository: z.string().check(z.regex(/^[\w.-]+\/[\w.-]+$/, 'must be the GitHub repository as owner/name')),
    environments: z.array(environment).check(z.minLength(1, 'needs at least one environment')),
    services: z._default(z.array(service), []),
    frontend: z.optional(frontend),
    signing: z.optional(signing),
    notify: z.optional(z.strictObject({ 'slack-webhook-secret': z.string().check(z.regex(/^[A-Z][A-Z0-9_]*$/, 'must be a secret name (A-Z, 0-9, _)')) })),
    test: z.optional(commands),
    lint: z.optional(commands),
    setup: z.optional(
      z.strictObject({
        node: z.optional(z.pipe(z.union([z.string(), z.number()]), z.transform(String))),
        go: z.optional(z.pipe(z.union([z.string(), z.number()]), z.transform(String))),
        python: z.optional(z.pipe(z.union([z.string(), z.number()]), z.transform(String))),
      }),
    ),
    gantry: z._default(
      z
        .strictObject({
          /** Where Gantry's actions come from: `owner/repo`, or a path in the checkout such as `./` (this repository). */
          actions: z._default(z.string().check(z.minLength(1)), 'gantry-ci/gantry'),
          /** The commit of `actions` to run, by full SHA like every other action; ignored for a path. */
          ref: z.optional(z.string().check(z.regex(/^[0-9a-f]{40}$/, 'must be a full 40-hex commit SHA (a tag can be moved; pin the commit and name the release in version)'))),
          /** The release that `ref` is, shown next to it. */
          version: z.optional(z.string().check(z.minLength(1))),
        })
        .check(z.refine((g) => isLocalPath(g.actions) || g.ref !== undefined, { message: 'required: the commit SHA of the Gantry release to run', path: ['ref'] })),
      { actions: './' },
    ),
    workflow: z._default(
      z.strictObject({
        'runs-on': z._default(z.string().check(z.minLength(1)), 'ubuntu-latest'),
        /** Third-party actions by full SHA, overriding Gantry's map (e.g. an organisation's approved versions). */
        pins: z._default(z.record(z.string(), pinnedAction), {}),
        'timeout-minutes': z._default(z.int().check(z.gte(1), z.lte(360)), 30),
        /** Variables for every job of the delivery (e.g. AWS_ENDPOINT_URL for a local stack); never secrets. */
        env: z._default(
          z.record(
            z.string().check(z.regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name')),
            z.pipe(z.union([z.string(), z.number(), z.boolean()]), z.transform(String)),
          ),
          {},
        ),
        /**
         * `inline`: deliver.yml runs Gantry's actions step by step. `reusable`: it calls Gantry's reusable workflows
         * (deliver-service.yml per service and environment, publish-frontend.yml), so the steps live in Gantry's release.
         */
        style: z._default(z.enum(['inline', 'reusable'], { error: 'must be inline or reusable' }), 'inline'),
      }),
      { 'runs-on': 'ubuntu-latest', pins: {}, 'timeout-minutes': 30, env: {}, style: 'inline' },
    ),
  })
  .check(
    z.superRefine((model, ctx) => {
      duplicates(model.environments.map((e) => e.name), 'environments', ctx);
      duplicates(model.services.map((s) => s.name), 'services', ctx);
      if (model.services.length === 0 && !model.frontend) ctx.addIssue({ code: 'custom', path: ['services'], message: 'needs at least one service or a frontend' });
      if (model.workflow.style === 'reusable') {
        // A reusable workflow lives in a repository's .github/workflows: this one's (`./`), or Gantry's at its ref.
        if (isLocalPath(model.gantry.actions) && model.gantry.actions.replace(/\/$/, '') !== '.') {
          ctx.addIssue({ code: 'custom', path: ['gantry', 'actions'], message: "must be a repository (owner/name) or './' with workflow.style reusable: a reusable workflow cannot come from a subdirectory" });
        }
        if (model.signing) {
          ctx.addIssue({ code: 'custom', path: ['signing'], message: "is not yet rendered by Gantry's reusable workflows; use workflow.style inline" });
        }
        // A called workflow sees neither the caller's env nor its secrets unless passed by name.
        if (Object.keys(model.workflow.env).length > 0) {
          ctx.addIssue({ code: 'custom', path: ['workflow', 'env'], message: "does not reach Gantry's reusable workflows; use workflow.style inline" });
        }
      }
      const names = model.environments.map((e) => e.name);
      model.environments.forEach((env, i) => {
        const from = env['promote-from'];
        if (from === undefined) return;
        const path = ['environments', i, 'promote-from'];
        if (model.workflow.style === 'reusable') {
          ctx.addIssue({ code: 'custom', path, message: "is not available with workflow.style reusable (Gantry's reusable workflows build every environment's images); use workflow.style inline" });
        } else if (!names.includes(from)) {
          ctx.addIssue({ code: 'custom', path, message: `is not an environment (environments: ${names.join(', ')})` });
        } else if (promotionCycle(model.environments, env.name)) {
          ctx.addIssue({ code: 'custom', path, message: `makes a cycle (${promotionCycle(model.environments, env.name)!.join(' → ')}): one environment of it must build` });
        } else if (model.services.length === 0) {
          ctx.addIssue({ code: 'custom', path, message: 'promotes service images, and the model has no services' });
        }
      });
      model.services.forEach((svc, i) => {
        if ('*' in svc.deploy) return;
        for (const env of names) {
          if (!(env in svc.deploy)) ctx.addIssue({ code: 'custom', path: ['services', i, 'deploy', env], message: `required: a deploy target for environment '${env}'` });
        }
        for (const key of Object.keys(svc.deploy)) {
          if (!names.includes(key)) ctx.addIssue({ code: 'custom', path: ['services', i, 'deploy', key], message: `is not an environment (environments: ${names.join(', ')})` });
        }
      });
    }),
  );

/** The environments from `start` along promote-from back to `start` again, or undefined when the chain ends in a build. */
function promotionCycle(environments: readonly { name: string; 'promote-from'?: string }[], start: string): string[] | undefined {
  const chain = [start];
  for (let from = environments.find((e) => e.name === start)?.['promote-from']; from !== undefined; from = environments.find((e) => e.name === from)?.['promote-from']) {
    chain.push(from);
    if (from === start) return chain;
    if (chain.length > environments.length + 1) return undefined;
  }
  return undefined;
}

/** Gantry's actions from the checkout itself (`./`, `./vendor/gantry`) rather than from a repository. */
export function isLocalPath(actions: string): boolean {
  return actions === '.' || actions.startsWith('./');
}

function duplicates(names: string[], list: string, ctx: z.core.$RefinementCtx) {
  names.forEach((n, i) => {
    const first = names.indexOf(n);
    if (first !== i) ctx.addIssue({ code: 'custom', path: [list, i, 'name'], message: `duplicates ${list}[${first}].name '${n}'` });
  });
}

export type Pipeline = z.output<typeof pipelineSchema>;
export type PipelineDocument = z.input<typeof pipelineSchema>;
