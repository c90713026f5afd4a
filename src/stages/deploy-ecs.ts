import { readFile } from 'node:fs/promises';
import { ECSClient, type TaskOverride } from '@aws-sdk/client-ecs';
import { createAwsClient } from '../aws/clients.js';
import { commandWords } from '../ecs/command-words.js';
import { ECS_NAME, ecsName } from '../ecs/names.js';
import { deployToEcs, outputsOf, type EcsDeployPlan } from '../ecs/deploy.js';
import { deployableImage, imageReferenceInput } from '../oci/image-reference.js';
import { systemClock } from '../model/schedule.js';
import { parseTaskDefinitionDocument, TaskDefinitionDocumentError, type TaskDefinitionSpec } from '../ecs/task-definition.js';
import { InputError } from '../model/errors.js';
import { awsRegion, booleanString, decimalString, integerString } from '../model/inputs.js';
import { defineStage, input, type StageInput } from '../model/stage.js';
import * as z from '../model/zod.js';
import type { Runtime } from '../model/runtime.js';
import { checkImageSignature, REQUIRE_SIGNATURE, requireSignatureInputs, requireSignatureProblem } from '../signing/require.js';
import { smokeCheckProblem, smokeCheckValues, smokePlanOf, VERIFY_PREFIX, verifyInputs } from '../verify/inputs.js';


const inputs = {
  'aws-region': input(awsRegion, { description: 'AWS region of the cluster.', env: ['AWS_REGION', 'AWS_DEFAULT_REGION'] }),
  cluster: input(ecsName('an ECS cluster', 'cluster'), { description: 'ECS cluster name or ARN.' }),
  service: input(ecsName('an ECS service', 'service'), { description: 'ECS service name or ARN.' }),
  image: input(
    z.optional(z.pipe(imageReferenceInput(), z.transform(deployableImage))),
    { description: 'Image to deploy, preferably by digest (repo@sha256:...). Empty: register the task definition as it is.' },
  ),
  containers: input(
    z.optional(
      z
        .pipe(z.string(), z.transform((v) => v.split(/[\s,]+/).filter(Boolean)))
        .check(
          z.refine(
            (names) => names.every((n) => ECS_NAME.test(n)),
            'must be container names (letters, digits, - and _), separated by commas or spaces',
          ),
        ),
    ),
    { description: 'Containers that get the image, separated by commas or spaces; empty: the only container.' },
  ),
  'task-definition-file': input(z.optional(z.string().check(z.minLength(1))), {
    description: "Task definition to start from (JSON or YAML, as describe-task-definition prints it); empty: the service's live one.",
  }),
  'force-new-deployment': input(booleanString, {
    description: 'Register and deploy even when the service already runs exactly this task definition (replacing every task); false: such a re-run changes nothing.',
    default: 'false',
  }),
  'desired-count': input(z.optional(integerString(0, 100_000)), { description: 'Set the service desired count with this deployment.' }),
  rollback: input(booleanString, { description: 'Roll back to the previous revision when the rollout fails or times out.', default: 'true' }),
  'poll-seconds': input(decimalString(0.1, 60), { description: 'Seconds between two status polls (fixed interval).', default: '2' }),
  'timeout-minutes': input(decimalString(0.01, 1440), {
    description: 'Longest wait for the rollout (fractions allowed), then roll back.',
    default: '30',
  }),
  'pre-deploy-task-command': input(
    z.optional(
      z.pipe(
        z.string(),
        z.transform((value, ctx) => {
          try {
            return commandWords(value);
          } catch (error) {
            ctx.issues.push({ code: 'custom', input: value, message: (error as Error).message });
            return z.NEVER;
          }
        }),
      ),
    ),
    {
      description:
        'Run the new revision once with this command before the rollout (e.g. migrations): a JSON array or shell-style words. A non-zero exit stops the deploy.',
    },
  ),
  'pre-deploy-task-container': input(z.optional(z.string().check(z.regex(ECS_NAME, 'must be a container name (letters, digits, - and _)'))), {
    description: 'Container that runs the pre-deploy command; empty: the first updated container.',
  }),
  'pre-deploy-task-definition': input(
    z.optional(
      z
        .string()
        .check(
          z.regex(
            /^([a-zA-Z0-9_-]{1,255}(:\d+)?|arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:task-definition\/[a-zA-Z0-9_-]{1,255}:\d+)$/,
            'must be a task-definition family, family:revision or ARN',
          ),
        ),
    ),
    { description: 'Run this task definition (family[:revision] or ARN) as the pre-deploy task instead of the new revision.' },
  ),
  'pre-deploy-task-overrides': input(
    z.optional(
      z.pipe(
        z.string(),
        z.transform((value, ctx) => {
          try {
            const parsed: unknown = JSON.parse(value);
            if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as TaskOverride;
          } catch {
            // reported below
          }
          ctx.issues.push({
            code: 'custom',
            input: value,
            message: 'must be a JSON object in the shape of ECS TaskOverride ({"containerOverrides": [...]})',
          });
          return z.NEVER;
        }),
      ),
    ),
    { description: 'ECS TaskOverride JSON for the pre-deploy task (containerOverrides, cpu, memory...).' },
  ),
  'pre-deploy-task-timeout-minutes': input(decimalString(0.01, 1440), {
    description: 'Longest wait for the pre-deploy task to stop (fractions allowed).',
    default: '15',
  }),
  ...verifyInputs,
  ...requireSignatureInputs,
};

type DeployEcsInput = StageInput<typeof inputs>;

/**
 * Rolls a new image out to an ECS service: a new task-definition revision (from the live one or a file), an
 * optional one-off task first (migrations), UpdateService, and a watch on that very deployment until it
 * completes; on failure or timeout, back to the previous revision, and fail with the service events.
 */
export const deployEcsStage = defineStage({
  name: 'deploy-ecs',
  description: 'Deploy an image to an ECS service: new task-definition revision, rolling update, wait, roll back on failure.',
  inputs,
  outputs: {
    'task-definition-arn': { description: 'ARN of the task-definition revision registered and deployed (the live one when UNCHANGED).' },
    'previous-task-definition-arn': { description: 'ARN of the revision the service ran before (the rollback target; the live one when UNCHANGED).' },
    'deployment-id': { description: 'ID of the ECS deployment this stage started (the completed live one when UNCHANGED).' },
    'rollout-state': {
      description:
        'COMPLETED on success; UNCHANGED when the service already ran exactly this task definition, completed, so nothing was registered or deployed (a success: test for COMPLETED or UNCHANGED); on the failure path FAILED, TIMED_OUT, SUPERSEDED, or VERIFY_FAILED (the rollout completed, the verify checks failed, and the service was rolled back to the previous revision unless rollback is false).',
    },
  },
  check: (input) =>
    smokeCheckProblem(smokeCheckValues(input, VERIFY_PREFIX), VERIFY_PREFIX) ?? requireSignatureProblem(input.image, input[REQUIRE_SIGNATURE]),
  run: deployEcs,
});

async function deployEcs(input: DeployEcsInput, runtime: Runtime) {
  const plan = await planOf(input);
  const key = input[REQUIRE_SIGNATURE];
  if (key) await checkImageSignature(input.image!, key, { region: input['aws-region'], runtime });
  const ecs = createAwsClient(ECSClient, { region: input['aws-region'] });
  const result = await deployToEcs(plan, ecs, runtime, systemClock);
  return outputsOf(result);
}

/** Turns the inputs into a plan, reading the task-definition file; still before anything is changed. */
export async function planOf(input: DeployEcsInput): Promise<EcsDeployPlan> {
  const preDeploy =
    input['pre-deploy-task-command'] || input['pre-deploy-task-definition'] || input['pre-deploy-task-overrides']
      ? {
          command: input['pre-deploy-task-command'],
          container: input['pre-deploy-task-container'],
          taskDefinition: input['pre-deploy-task-definition'],
          overrides: input['pre-deploy-task-overrides'],
          schedule: { intervalMs: input['poll-seconds'] * 1000, timeoutMs: input['pre-deploy-task-timeout-minutes'] * 60_000 },
        }
      : undefined;
  if (!preDeploy && input['pre-deploy-task-container']) {
    throw new InputError('pre-deploy-task-container', 'is only used with pre-deploy-task-command');
  }
  return {
    cluster: input.cluster,
    service: input.service,
    image: input.image,
    containers: input.containers ?? [],
    taskDefinition: input['task-definition-file'] ? await readTaskDefinitionFile(input['task-definition-file']) : undefined,
    forceNewDeployment: input['force-new-deployment'],
    desiredCount: input['desired-count'],
    rollback: input.rollback,
    schedule: { intervalMs: input['poll-seconds'] * 1000, timeoutMs: input['timeout-minutes'] * 60_000 },
    preDeploy,
    verify: await smokePlanOf(smokeCheckValues(input, VERIFY_PREFIX), VERIFY_PREFIX),
  };
}

async function readTaskDefinitionFile(path: string): Promise<TaskDefinitionSpec> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError('task-definition-file', `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    return parseTaskDefinitionDocument(text);
  } catch (error) {
    if (error instanceof TaskDefinitionDocumentError) throw new InputError('task-definition-file', `${path}: ${error.message}`);
    throw error;
  }
}
