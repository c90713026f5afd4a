import {
  DeregisterTaskDefinitionCommand,
  DescribeTaskDefinitionCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
  type Service,
  type TaskOverride,
} from '@aws-sdk/client-ecs';
import { awsFailure, classifyAwsError, callAws } from '../aws/errors.js';
import { GantryError, InputError } from '../model/errors.js';
import type { Runtime } from '../model/runtime.js';
import { checkedRollingService, describeService, shortTaskDefinition, type EcsApi } from './ecs-api.js';
import { failureDetail } from './failure-detail.js';
import { runOneOffTask } from './one-off-task.js';
import type { Clock, PollSchedule } from '../model/schedule.js';
import { rollBack, waitForRollback, type RollbackPlan } from './rollback.js';
import { watchDeployment, type RolloutOutcome } from './rollout-watcher.js';
import { ServiceEventLog } from './service-events.js';
import { containerNames, registrable, sameTaskDefinition, withImage, type TaskDefinitionSpec } from './task-definition.js';
import { verifyRollout, VerificationFailedError } from '../verify/after-rollout.js';
import type { SmokePlan } from '../verify/inputs.js';
import { failureMessage } from '../verify/report.js';

/** Everything the deployment needs, validated and typed; task-definition files are already parsed. */
export interface EcsDeployPlan {
  readonly cluster: string;
  readonly service: string;
  /** The image to set, by digest when known; absent to register the task definition as it is. */
  readonly image?: string;
  /** The containers to give the image; empty means "the only container". */
  readonly containers: readonly string[];
  /** A task definition read from `task-definition-file`; absent to start from the service's live one. */
  readonly taskDefinition?: TaskDefinitionSpec;
  readonly forceNewDeployment: boolean;
  readonly desiredCount?: number;
  readonly rollback: boolean;
  readonly schedule: PollSchedule;
  readonly preDeploy?: PreDeployPlan;
  /** Smoke checks run once the rollout completed; their failure rolls back like a failed rollout. */
  readonly verify?: SmokePlan;
}

export interface PreDeployPlan {
  readonly command?: readonly string[];
  readonly container?: string;
  /** A separate task definition (family, family:revision or ARN); absent to run the new revision. */
  readonly taskDefinition?: string;
  readonly overrides?: TaskOverride;
  readonly schedule: PollSchedule;
}

export interface EcsDeployResult {
  readonly taskDefinitionArn: string;
  readonly previousTaskDefinitionArn: string;
  readonly deploymentId: string;
  readonly rolloutState: string;
}

/**
 * The deploy-ecs stage after input parsing: check every input against the account first (cluster, service,
 * containers, pre-deploy task definition), then register the new revision, run the optional pre-deploy task,
 * update the service and follow that deployment; roll back to the previous revision on failure or timeout.
 */
export async function deployToEcs(plan: EcsDeployPlan, ecs: EcsApi, runtime: Runtime, clock: Clock): Promise<EcsDeployResult> {
  const checked = await checkAgainstAccount(plan, ecs);
  const { service } = checked;
  const previous = service.taskDefinition ?? '';
  const events = new ServiceEventLog(service.events);

  const unchanged = unchangedDeployment(plan, checked);
  if (unchanged) {
    // A re-run (a retried workflow, a re-triggered build) of a deploy that already happened: nothing to register or
    // roll out. The checks still run, since the service should still answer right.
    runtime.info(
      `${plan.service} already runs ${shortTaskDefinition(previous)}, which is what this deploy would register, and its deployment ${unchanged} is COMPLETED: ` +
        `nothing registered, no deployment started${plan.preDeploy ? ', no pre-deploy task run' : ''} (force-new-deployment: true deploys anyway)`,
    );
    const done: EcsDeployResult = { taskDefinitionArn: previous, previousTaskDefinitionArn: previous, deploymentId: unchanged, rolloutState: 'UNCHANGED' };
    const verified = plan.verify && (await verifyRollout(plan.verify, 'deploy-ecs', runtime, clock));
    if (verified && !verified.passed) {
      for (const [name, value] of Object.entries(outputsOf({ ...done, rolloutState: 'VERIFY_FAILED' }))) runtime.setOutput(name, value);
      throw new VerificationFailedError(`${plan.service} runs ${shortTaskDefinition(previous)} unchanged, and it fails verification: ${failureMessage(verified)}`, verified, false, {
        remedy: 'nothing was deployed, so nothing was rolled back: read what each check got back above.',
      });
    }
    await runtime.appendSummary(summary(plan, done, verified ? 'unchanged and verified' : 'unchanged: already deployed'));
    return done;
  }

  const registered = await callAws(`RegisterTaskDefinition ${checked.spec.family}`, () =>
    ecs.send(new RegisterTaskDefinitionCommand(checked.spec)),
  );
  const taskDefinitionArn = registered.taskDefinition?.taskDefinitionArn;
  if (!taskDefinitionArn) throw new GantryError('RegisterTaskDefinition answered without a task-definition ARN');
  const imageNote = plan.image ? ` with ${plan.image} in ${checked.containers.join(', ')}` : '';
  runtime.info(`Registered ${shortTaskDefinition(taskDefinitionArn)}${imageNote} (previous: ${shortTaskDefinition(previous)})`);

  if (plan.preDeploy) {
    await runtime.group('Pre-deploy task', async () => {
      try {
        await runOneOffTask(
          ecs,
          {
            cluster: plan.cluster,
            taskDefinition: plan.preDeploy!.taskDefinition ?? taskDefinitionArn,
            overrides: checked.preDeployOverrides,
            service,
          },
          plan.preDeploy!.schedule,
          runtime,
          clock,
        );
      } catch (error) {
        // A clean stop: the service was never touched, and the unused revision is retired.
        await ecs
          .send(new DeregisterTaskDefinitionCommand({ taskDefinition: taskDefinitionArn }))
          .then(() => runtime.info(`Deregistered the unused revision ${shortTaskDefinition(taskDefinitionArn)}`))
          .catch((e: Error) => runtime.warning(`DeregisterTaskDefinition ${shortTaskDefinition(taskDefinitionArn)}: ${e.message}`));
        throw error;
      }
      runtime.info('Pre-deploy task succeeded');
    });
  }

  const updated = await updateServiceOnce(ecs, plan, taskDefinitionArn, runtime);
  const deployments = updated?.deployments ?? [];
  const deployment =
    deployments.find((d) => d.status === 'PRIMARY' && d.taskDefinition === taskDefinitionArn) ??
    deployments.find((d) => d.status === 'PRIMARY');
  if (!deployment?.id) throw new GantryError(`UpdateService ${plan.service} answered without a PRIMARY deployment`);
  runtime.info(`Service ${plan.service} updated: deployment ${deployment.id}; waiting up to ${Math.round(plan.schedule.timeoutMs / 1000)}s, polling every ${plan.schedule.intervalMs / 1000}s`);

  const result = (rolloutState: string): EcsDeployResult => ({
    taskDefinitionArn,
    previousTaskDefinitionArn: previous,
    deploymentId: deployment.id!,
    rolloutState,
  });
  const outcome = await runtime.group(`Rollout of ${shortTaskDefinition(taskDefinitionArn)}`, () =>
    watchDeployment(ecs, { cluster: plan.cluster, service: plan.service, deploymentId: deployment.id!, taskDefinitionArn }, plan.schedule, runtime, events, clock),
  );
  const rollbackPlan: RollbackPlan = {
    cluster: plan.cluster,
    service: plan.service,
    taskDefinitionArn: previous,
    desiredCount: plan.desiredCount !== undefined ? service.desiredCount : undefined,
  };
  if (outcome.kind === 'completed') {
    runtime.info(`Deployment ${deployment.id} COMPLETED: ${plan.service} runs ${shortTaskDefinition(taskDefinitionArn)}`);
    const verified = plan.verify && (await verifyRollout(plan.verify, 'deploy-ecs', runtime, clock));
    if (!verified || verified.passed) {
      const done = result('COMPLETED');
      await runtime.appendSummary(summary(plan, done, verified ? 'completed and verified' : 'completed'));
      return done;
    }
    // The rollout itself went well; the new revision answers wrong: the same rollback as a failed rollout.
    const what = `Deployment ${deployment.id} COMPLETED but failed verification: ${failureMessage(verified)}`;
    const rolledBack = await stageRollback(ecs, plan, rollbackPlan, runtime, events, clock);
    const failed = result('VERIFY_FAILED');
    for (const [name, value] of Object.entries(outputsOf(failed))) runtime.setOutput(name, value);
    await runtime.appendSummary(summary(plan, failed, `Verification failed. ${rolledBack.note}`));
    throw new VerificationFailedError(`${what}\n${rolledBack.note}`, verified, rolledBack.restored, {
      remedy: 'read what each check got back above; fix the release, or raise verify-deadline-seconds if it only needs longer to start.',
    });
  }

  const failedState = outcome.kind === 'timed-out' ? 'TIMED_OUT' : outcome.kind === 'superseded' ? 'SUPERSEDED' : 'FAILED';
  const what = describeOutcome(outcome, deployment.id, plan.schedule);
  let rollbackNote: string;
  if (outcome.kind === 'superseded') {
    rollbackNote = 'Not rolled back: another deployment replaced this one.';
  } else if (outcome.kind === 'failed' && outcome.circuitBreakerRollback?.id) {
    runtime.warning(`The deployment circuit breaker is rolling back (deployment ${outcome.circuitBreakerRollback.id}); waiting for it`);
    const rolledBack = await runtime.group('Rollback (circuit breaker)', () =>
      waitForRollback(ecs, { ...rollbackPlan, taskDefinitionArn: outcome.circuitBreakerRollback!.taskDefinition ?? previous }, outcome.circuitBreakerRollback!.id!, plan.schedule, runtime, events, clock),
    );
    rollbackNote = `Rolled back by the deployment circuit breaker to ${shortTaskDefinition(outcome.circuitBreakerRollback.taskDefinition)}: ${describeRollback(rolledBack)}.`;
  } else {
    rollbackNote = (await stageRollback(ecs, plan, rollbackPlan, runtime, events, clock)).note;
  }
  const detail = await failureDetail(ecs, plan.cluster, plan.service, taskDefinitionArn, events);
  for (const [name, value] of Object.entries(outputsOf(result(failedState)))) runtime.setOutput(name, value);
  await runtime.appendSummary(summary(plan, result(failedState), `${what} ${rollbackNote}`));
  throw new GantryError([`${what} ${rollbackNote}`, detail].filter(Boolean).join('\n'), {
    remedy: 'read the service events and stopped-task reasons above; fix the image or task definition and deploy again.',
  });
}

/**
 * The id of the service's completed deployment when this deploy would change nothing: the revision it would register
 * equals the live one, the desired count stays, and no new deployment was asked for; otherwise undefined.
 */
function unchangedDeployment(plan: EcsDeployPlan, checked: CheckedPlan): string | undefined {
  if (plan.forceNewDeployment || !checked.live || !sameTaskDefinition(checked.spec, checked.live)) return undefined;
  if (plan.desiredCount !== undefined && plan.desiredCount !== checked.service.desiredCount) return undefined;
  const deployments = checked.service.deployments ?? [];
  const primary = deployments.find((d) => d.status === 'PRIMARY');
  if (deployments.length !== 1 || primary?.rolloutState !== 'COMPLETED') return undefined;
  return primary.id;
}

export function outputsOf(result: EcsDeployResult) {
  return {
    'task-definition-arn': result.taskDefinitionArn,
    'previous-task-definition-arn': result.previousTaskDefinitionArn,
    'deployment-id': result.deploymentId,
    'rollout-state': result.rolloutState,
  };
}

/** The stage's own rollback to the previous revision, unless switched off or there is none; says what it did. */
async function stageRollback(
  ecs: EcsApi,
  plan: EcsDeployPlan,
  rollbackPlan: RollbackPlan,
  runtime: Runtime,
  events: ServiceEventLog,
  clock: Clock,
): Promise<{ note: string; restored: boolean }> {
  if (!plan.rollback) return { note: 'Not rolled back (rollback is false).', restored: false };
  if (!rollbackPlan.taskDefinitionArn) return { note: 'Not rolled back: the service had no previous task definition.', restored: false };
  const rolledBack = await runtime.group('Rollback', () => rollBack(ecs, rollbackPlan, plan.schedule, runtime, events, clock));
  return {
    note: `Rolled back to ${shortTaskDefinition(rollbackPlan.taskDefinitionArn)} (deployment ${rolledBack.deploymentId}): ${describeRollback(rolledBack.outcome)}.`,
    restored: rolledBack.outcome.kind === 'completed',
  };
}

interface CheckedPlan {
  readonly service: Service;
  readonly spec: TaskDefinitionSpec;
  /** What the service runs now, as a registration request: what a re-run compares `spec` with. */
  readonly live?: TaskDefinitionSpec;
  readonly containers: readonly string[];
  readonly preDeployOverrides?: TaskOverride;
}

/** Every check that needs the account, done before anything is registered or updated. */
async function checkAgainstAccount(plan: EcsDeployPlan, ecs: EcsApi): Promise<CheckedPlan> {
  const service = await checkedRollingService(ecs, plan.cluster, plan.service, 'deploy-ecs');

  let live: TaskDefinitionSpec | undefined;
  if (service.taskDefinition) {
    const described = await callAws(`DescribeTaskDefinition ${shortTaskDefinition(service.taskDefinition)}`, () =>
      ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: service.taskDefinition, include: ['TAGS'] })),
    );
    if (!described.taskDefinition) throw new GantryError(`DescribeTaskDefinition ${service.taskDefinition} answered without a task definition`);
    live = registrable(described.taskDefinition, described.tags);
  }
  const source = plan.taskDefinition ?? live;
  if (!source) throw new InputError('task-definition-file', `service ${plan.service} has no task definition to start from: give one`);

  const names = containerNames(source);
  let containers = [...plan.containers];
  if (plan.image) {
    if (containers.length === 0) {
      if (names.length !== 1) {
        throw new InputError('containers', `task definition ${source.family} has ${names.length} containers (${names.join(', ')}): name the ones that get the image`);
      }
      containers = names;
    }
    const unknown = containers.filter((name) => !names.includes(name));
    if (unknown.length > 0) {
      throw new InputError('containers', `no container named ${unknown.join(', ')} in task definition ${source.family} (containers: ${names.join(', ')})`);
    }
  } else if (containers.length > 0) {
    throw new InputError('containers', 'is only used with image: give the image to set in these containers');
  }
  const spec = plan.image ? withImage(source, containers, plan.image) : source;

  return { service, spec, live, containers, preDeployOverrides: plan.preDeploy && (await preDeployOverrides(plan.preDeploy, spec, containers, ecs)) };
}

/** The overrides of the pre-deploy task: the given ones, with the command set on the chosen container. */
async function preDeployOverrides(preDeploy: PreDeployPlan, spec: TaskDefinitionSpec, updated: readonly string[], ecs: EcsApi): Promise<TaskOverride> {
  let names = containerNames(spec);
  if (preDeploy.taskDefinition) {
    let described;
    try {
      described = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: preDeploy.taskDefinition }));
    } catch (error) {
      const failure = classifyAwsError(error);
      if (failure.kind === 'validation' || failure.kind === 'not-found' || failure.code === 'ClientException') {
        throw new InputError('pre-deploy-task-definition', `no task definition ${preDeploy.taskDefinition}: ${failure.message}`);
      }
      throw awsFailure(`DescribeTaskDefinition ${preDeploy.taskDefinition}`, error);
    }
    if (!described.taskDefinition || described.taskDefinition.status === 'INACTIVE') {
      throw new InputError('pre-deploy-task-definition', `task definition ${preDeploy.taskDefinition} is not active`);
    }
    names = (described.taskDefinition.containerDefinitions ?? []).map((c) => c.name ?? '');
  }
  const overrides: TaskOverride = { ...preDeploy.overrides, containerOverrides: [...(preDeploy.overrides?.containerOverrides ?? [])] };
  for (const override of overrides.containerOverrides ?? []) {
    if (!names.includes(override.name ?? '')) {
      throw new InputError('pre-deploy-task-overrides', `no container named ${override.name} in the pre-deploy task definition (containers: ${names.join(', ')})`);
    }
  }
  if (preDeploy.command) {
    const container = preDeploy.container ?? (preDeploy.taskDefinition ? (names.length === 1 ? names[0] : undefined) : updated[0]);
    if (!container) {
      throw new InputError('pre-deploy-task-container', `the pre-deploy task definition has several containers (${names.join(', ')}): name the one that runs the command`);
    }
    if (!names.includes(container)) {
      throw new InputError('pre-deploy-task-container', `no container named ${container} in the pre-deploy task definition (containers: ${names.join(', ')})`);
    }
    const existing = overrides.containerOverrides!.find((o) => o.name === container);
    if (existing) existing.command = [...preDeploy.command];
    else overrides.containerOverrides!.push({ name: container, command: [...preDeploy.command] });
  } else if (preDeploy.container) {
    throw new InputError('pre-deploy-task-container', 'is only used with pre-deploy-task-command');
  }
  return overrides;
}


function describeOutcome(outcome: Exclude<RolloutOutcome, { kind: 'completed' }>, id: string, schedule: PollSchedule): string {
  switch (outcome.kind) {
    case 'failed':
      return `Deployment ${id} FAILED: ${outcome.reason.replace(/\.$/, '')}.`;
    case 'timed-out':
      return `Deployment ${id} did not complete within ${Math.round(schedule.timeoutMs / 1000)}s (last state ${outcome.deployment?.rolloutState ?? 'unknown'}, running ${outcome.deployment?.runningCount ?? 0}/${outcome.deployment?.desiredCount ?? 0}).`;
    case 'superseded':
      return `Deployment ${id} was replaced by deployment ${outcome.by.id} (${shortTaskDefinition(outcome.by.taskDefinition)}).`;
  }
}

function describeRollback(outcome: RolloutOutcome): string {
  switch (outcome.kind) {
    case 'completed':
      return 'rollback COMPLETED';
    case 'failed':
      return `rollback FAILED too (${outcome.reason}) — the service needs attention`;
    case 'timed-out':
      return 'rollback did not complete in time — the service needs attention';
    case 'superseded':
      return `rollback replaced by deployment ${outcome.by.id}`;
  }
}

function summary(plan: EcsDeployPlan, result: EcsDeployResult, note: string): string {
  return [
    `### deploy-ecs: ${plan.service} — ${result.rolloutState}`,
    '',
    '| cluster | service | task definition | previous | deployment |',
    '| --- | --- | --- | --- | --- |',
    `| ${plan.cluster} | ${plan.service} | ${shortTaskDefinition(result.taskDefinitionArn)} | ${shortTaskDefinition(result.previousTaskDefinitionArn)} | ${result.deploymentId} |`,
    '',
    note,
    '',
  ].join('\n');
}

/**
 * UpdateService, knowing whether it took even when its answer was lost: after a throttled, 5xx or broken-off answer
 * (the SDK has already asked again), the service is described, and if its PRIMARY deployment runs the new revision
 * the update took and the stage follows that deployment instead of failing while the service rolls out anyway.
 */
async function updateServiceOnce(ecs: EcsApi, plan: EcsDeployPlan, taskDefinitionArn: string, runtime: Runtime): Promise<Service | undefined> {
  const action = `UpdateService ${plan.service}`;
  try {
    const out = await ecs.send(
      new UpdateServiceCommand({
        cluster: plan.cluster,
        service: plan.service,
        taskDefinition: taskDefinitionArn,
        forceNewDeployment: plan.forceNewDeployment,
        desiredCount: plan.desiredCount,
      }),
    );
    return out.service;
  } catch (error) {
    const failure = classifyAwsError(error);
    if (!failure.retryable) throw awsFailure(action, error);
    const service = await callAws(`DescribeServices ${plan.service} (after ${action} failed: ${failure.code})`, () => describeService(ecs, plan.cluster, plan.service));
    const primary = service?.deployments?.find((d) => d.status === 'PRIMARY');
    if (primary?.taskDefinition !== taskDefinitionArn) throw awsFailure(action, error);
    runtime.warning(`${action}: ${failure.code} (${failure.kind}), but the service shows the update took: following deployment ${primary.id}`);
    return service;
  }
}
