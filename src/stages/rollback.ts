import { tmpdir } from 'node:os';
import { ECSClient } from '@aws-sdk/client-ecs';
import { EKSClient } from '@aws-sdk/client-eks';
import { createAwsClient } from '../aws/clients.js';
import { shortTaskDefinition } from '../ecs/ecs-api.js';
import { ECS_NAME, ecsName, taskDefinitionRevision } from '../ecs/names.js';
import { rollBackToRevision } from '../ecs/revision-rollback.js';
import { parseRemote, type Remote } from '../git/remote-url.js';
import { sourceOf } from '../gitops/commit-message.js';
import { branchName, identityPart, repositoryLocation } from '../gitops/input-schemas.js';
import { gitForRepository } from '../gitops/repository-git.js';
import { revertCommit } from '../gitops/revert.js';
import { formatContainerImages, parseContainerImages } from '../kube/container-images.js';
import { describeEksCluster } from '../kube/eks-cluster.js';
import { eksToken } from '../kube/eks-token.js';
import { EKS_CLUSTER_NAME, EKS_CLUSTER_NAME_RULE, namespaceName, workloadInput } from '../kube/names.js';
import { describeRef } from '../kube/workload-ref.js';
import { awsRegion, booleanString, decimalString, integerString, parsedBy } from '../model/inputs.js';
import type { Runtime } from '../model/runtime.js';
import { systemClock } from '../model/schedule.js';
import { defineStage, input, type InputProblem, type StageInput } from '../model/stage.js';
import * as z from '../model/zod.js';
import { formatImageReference, imageReferenceInput } from '../oci/image-reference.js';

export const TARGETS = ['ecs', 'eks', 'gitops'] as const;
export type Target = (typeof TARGETS)[number];

const ECS_CLUSTER_ARN = /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:cluster\/[\w/-]+$/;

const inputs = {
  target: input(z.enum(TARGETS, { error: `must be one of ${TARGETS.join(', ')}` }), {
    description: 'What to roll back: ecs (a service to an earlier task definition), eks (a workload to its previous images) or gitops (revert a bump commit).',
  }),
  'aws-region': input(z.optional(awsRegion), { description: 'ecs, eks: AWS region of the cluster.', env: ['AWS_REGION', 'AWS_DEFAULT_REGION'] }),
  cluster: input(
    z.optional(
      z
        .string()
        .check(
          z.refine((v) => ECS_NAME.test(v) || ECS_CLUSTER_ARN.test(v), 'must be a cluster name (letters, digits, - and _) or an ECS cluster ARN'),
        ),
    ),
    { description: 'ecs, eks: the cluster (ECS cluster name or ARN; EKS cluster name).' },
  ),
  service: input(z.optional(ecsName('an ECS service', 'service')), { description: 'ecs: the service to roll back.' }),
  'task-definition-arn': input(z.optional(taskDefinitionRevision), {
    description: "ecs: the revision to roll back to: deploy-ecs's previous-task-definition-arn output.",
  }),
  'expected-task-definition-arn': input(z.optional(taskDefinitionRevision), {
    description: "ecs: the revision the deploy being undone registered (deploy-ecs's task-definition-arn); if the service runs another, someone deployed since and the rollback refuses.",
  }),
  force: input(booleanString, { description: 'ecs: roll back even when the service no longer runs expected-task-definition-arn.', default: 'false' }),
  namespace: input(namespaceName, {
    description: 'eks: Kubernetes namespace of the workload.',
    default: 'default',
  }),
  workload: input(z.optional(workloadInput), {
    description: 'eks: the workload: [deployment|statefulset|daemonset/]<name>; a bare name is a Deployment.',
  }),
  'previous-images': input(
    z.optional(parsedBy(parseContainerImages)),
    { description: "eks: the images to go back to, as container=image pairs separated by commas: deploy-eks's previous-images output." },
  ),
  image: input(z.optional(z.pipe(imageReferenceInput(), z.transform(formatImageReference))), {
    description: 'eks: the image the deploy set, the one to undo; a container running anything else means another deploy happened, and the rollback refuses.',
  }),
  repository: input(z.optional(repositoryLocation), {
    description: 'gitops: the GitOps repository: https:// URL, ssh URL or user@host:path, file:// URL or local path.',
    env: ['GANTRY_GITOPS_REPO'],
  }),
  branch: input(branchName, { description: 'gitops: the branch the bump was pushed to.', default: 'main' }),
  commit: input(
    z.optional(
      z.pipe(z.string().check(z.regex(/^[0-9a-f]{7,40}$/i, 'must be a commit sha (7 to 40 hex digits)')), z.transform((v) => v.toLowerCase())),
    ),
    { description: "gitops: the bump commit to revert: gitops-bump's commit output." },
  ),
  reason: input(z.string().check(z.minLength(1), z.maxLength(500, 'must be at most 500 characters')), {
    description: 'Why the rollback happens, recorded in the revert commit (gitops) and the summary.',
    default: 'the deployment failed verification',
  }),
  token: input(z.optional(z.string()), {
    description: 'gitops: token for https remotes (sent as an HTTP header, never in the URL).',
    env: ['GANTRY_GITOPS_TOKEN'],
  }),
  'author-name': input(identityPart, { description: 'gitops: author (and committer) name of the revert commit.', default: 'Gantry' }),
  'author-email': input(identityPart, { description: 'gitops: author (and committer) email of the revert commit.', default: 'gantry@users.noreply.github.com' }),
  'push-attempts': input(integerString(1, 50), {
    description: 'gitops: push attempts when the branch moved meanwhile (1-50); each fetches, rebases and retries.',
    default: '10',
  }),
  'poll-seconds': input(decimalString(0.1, 60), { description: 'ecs: seconds between two status polls (fixed interval).', default: '2' }),
  'timeout-minutes': input(decimalString(0.01, 1440), {
    description: 'ecs, eks: longest wait for the rollback to roll out (fractions allowed).',
    default: '15',
  }),
};

type RollbackInput = StageInput<typeof inputs>;

/** The inputs each target needs; `check` names the first one missing. */
export const REQUIRED_INPUTS: Readonly<Record<Target, readonly (keyof RollbackInput)[]>> = {
  ecs: ['aws-region', 'cluster', 'service', 'task-definition-arn'],
  eks: ['aws-region', 'cluster', 'workload', 'previous-images'],
  gitops: ['repository', 'commit'],
};

/**
 * Inputs of one target only, with neither default nor environment fallback: given with another target, they show
 * that outputs of one deploy were wired to the rollback of another.
 */
const TARGET_ONLY: Readonly<Partial<Record<keyof RollbackInput, Target>>> = {
  service: 'ecs',
  'task-definition-arn': 'ecs',
  'expected-task-definition-arn': 'ecs',
  workload: 'eks',
  'previous-images': 'eks',
  image: 'eks',
  commit: 'gitops',
};

export function targetInputs(input: RollbackInput): InputProblem | undefined {
  const { target } = input;
  for (const name of REQUIRED_INPUTS[target]) {
    if (input[name] === undefined) return { input: name, problem: `is required with target ${target}` };
  }
  for (const [name, owner] of Object.entries(TARGET_ONLY)) {
    if (owner !== target && input[name as keyof RollbackInput] !== undefined) {
      return { input: name, problem: `is an input of target ${owner}, not ${target}` };
    }
  }
  if (input.force && target !== 'ecs') return { input: 'force', problem: 'is only used with target ecs' };
  if (target === 'eks' && !EKS_CLUSTER_NAME.test(input.cluster!)) {
    return { input: 'cluster', problem: `${EKS_CLUSTER_NAME_RULE} with target eks` };
  }
  return undefined;
}

/**
 * Undoes a rollout that succeeded but serves the wrong thing (verify failed afterwards), from what the deploy stage
 * output: an ECS service back to the previous task definition, an EKS workload back to its previous images (never
 * over another deploy), or a GitOps bump reverted on its branch. Re-running it after it succeeded changes nothing.
 */
export const rollbackStage = defineStage({
  name: 'rollback',
  description: 'Roll back a deployment after it rolled out: an ECS service, an EKS workload, or a GitOps bump (revert commit).',
  inputs,
  outputs: {
    target: { description: 'The target rolled back: ecs, eks or gitops.' },
    'rolled-back-to': { description: 'What runs now: the task-definition ARN (ecs), container=image pairs (eks) or the commit holding the reverted content (gitops).' },
    changed: { description: 'true when this run changed something; false when it was already rolled back.' },
    'deployment-id': { description: 'ecs: the ECS deployment of the rolled-back revision.' },
    revision: { description: 'eks: the workload revision after the rollback.' },
    'revert-commit': { description: 'gitops: the revert commit (pushed by this run, or found on the branch).' },
  },
  check: targetInputs,
  run: rollBack,
});

type Outputs = Record<'target' | 'rolled-back-to' | 'changed' | 'deployment-id' | 'revision' | 'revert-commit', string>;

function rollBack(input: RollbackInput, runtime: Runtime): Promise<Outputs> {
  switch (input.target) {
    case 'ecs':
      return rollBackEcs(input, runtime);
    case 'eks':
      return rollBackEks(input, runtime);
    case 'gitops':
      return revertGitops(input, runtime);
  }
}

const outputs = (target: Target, rolledBackTo: string, changed: boolean, extra: Partial<Outputs> = {}): Outputs => ({
  target,
  'rolled-back-to': rolledBackTo,
  changed: String(changed),
  'deployment-id': '',
  revision: '',
  'revert-commit': '',
  ...extra,
});

async function rollBackEcs(input: RollbackInput, runtime: Runtime): Promise<Outputs> {
  const ecs = createAwsClient(ECSClient, { region: input['aws-region']! });
  const result = await rollBackToRevision(
    {
      cluster: input.cluster!,
      service: input.service!,
      taskDefinition: input['task-definition-arn']!,
      expectedTaskDefinition: input['expected-task-definition-arn'],
      force: input.force,
      schedule: { intervalMs: input['poll-seconds'] * 1000, timeoutMs: input['timeout-minutes'] * 60_000 },
    },
    ecs,
    runtime,
    systemClock,
  );
  await runtime.appendSummary(
    summary(`ECS service ${input.service}`, input.reason, result.changed, [
      ['cluster', input.cluster!],
      ['from', shortTaskDefinition(result.replacedTaskDefinitionArn)],
      ['to', shortTaskDefinition(result.taskDefinitionArn)],
      ['deployment', result.deploymentId],
    ]),
  );
  return outputs('ecs', result.taskDefinitionArn, result.changed, { 'deployment-id': result.deploymentId });
}

async function rollBackEks(input: RollbackInput, runtime: Runtime): Promise<Outputs> {
  // The Kubernetes client takes half a second to load: only this target pays for it.
  const [{ rollBackImages }, { KubeSession }] = await Promise.all([import('../kube/rollback.js'), import('../kube/session.js')]);
  const region = input['aws-region']!;
  const cluster = await describeEksCluster(createAwsClient(EKSClient, { region }), input.cluster!, region);
  const session = new KubeSession(cluster, () => eksToken(cluster.name, { region }), runtime);
  const ref = { ...input.workload!, namespace: input.namespace };
  const result = await rollBackImages(
    session,
    { ref, previousImages: input['previous-images']!, deployedImage: input.image, timeoutMs: input['timeout-minutes'] * 60_000 },
    runtime,
    systemClock,
  );
  const images = formatContainerImages(result.images);
  await runtime.appendSummary(
    summary(`${describeRef(ref)} in ${input.namespace}`, input.reason, result.changed, [
      ['cluster', cluster.name],
      ['undone', input.image ?? '(not given)'],
      ['images', images],
      ['revision', result.revision],
    ]),
  );
  return outputs('eks', images, result.changed, { revision: result.revision });
}

async function revertGitops(input: RollbackInput, runtime: Runtime): Promise<Outputs> {
  const remote = parseRemote(input.repository!, process.cwd()) as Remote;
  const identity = { authorName: input['author-name'], authorEmail: input['author-email'] };
  const git = gitForRepository(remote, { token: input.token, identity: { ...identity, committerName: identity.authorName, committerEmail: identity.authorEmail } }, runtime);
  const result = await revertCommit(
    git,
    {
      url: remote.url,
      branch: input.branch,
      commit: input.commit!,
      reason: input.reason,
      source: sourceOf(runtime.run),
      pushAttempts: input['push-attempts'],
      workDir: runtime.env.RUNNER_TEMP || tmpdir(),
    },
    runtime,
  );
  await runtime.appendSummary(
    summary(`GitOps ${input.branch}`, input.reason, result.changed, [
      ['reverted', `${result.reverted.slice(0, 12)} ${result.subject}`],
      ['files', result.files.join(', ')],
      ['revert commit', result.revertCommit || '(none: undone by a later commit)'],
    ]),
  );
  return outputs('gitops', result.head, result.changed, { 'revert-commit': result.revertCommit });
}

function summary(what: string, reason: string, changed: boolean, rows: readonly [string, string][]): string {
  return [
    `### rollback: ${what} — ${changed ? 'rolled back' : 'already rolled back, nothing changed'}`,
    '',
    `| ${rows.map(([name]) => name).join(' | ')} |`,
    `| ${rows.map(() => '---').join(' | ')} |`,
    `| ${rows.map(([, value]) => value.replace(/\|/g, '\\|')).join(' | ')} |`,
    '',
    `Reason: ${reason}`,
    '',
  ].join('\n');
}
