import { DescribeTaskDefinitionCommand, type Deployment } from '@aws-sdk/client-ecs';
import { awsFailure, classifyAwsError } from '../aws/errors.js';
import { GantryError, InputError } from '../model/errors.js';
import type { Runtime } from '../model/runtime.js';
import type { Clock, PollSchedule } from '../model/schedule.js';
import { checkedRollingService, shortTaskDefinition, type EcsApi } from './ecs-api.js';
import { rollBack, waitForRollback, type RollbackPlan } from './rollback.js';
import type { RolloutOutcome } from './rollout-watcher.js';
import { ServiceEventLog } from './service-events.js';

/** A rollback asked for after a rollout that completed but serves the wrong thing (verify failed). */
export interface RevisionRollbackPlan {
  readonly cluster: string;
  readonly service: string;
  /** The revision to go back to: the deploy's `previous-task-definition-arn` (ARN or family:revision). */
  readonly taskDefinition: string;
  /** The revision the failed deploy registered; when the service runs another one, someone deployed since. */
  readonly expectedTaskDefinition?: string;
  /** Roll back even when the service runs something other than `expectedTaskDefinition`. */
  readonly force: boolean;
  readonly schedule: PollSchedule;
}

export interface RevisionRollbackResult {
  readonly taskDefinitionArn: string;
  /** The deployment that runs `taskDefinitionArn`: the one this rollback started, or the one found COMPLETED. */
  readonly deploymentId: string;
  /** What the service ran before the rollback. */
  readonly replacedTaskDefinitionArn: string;
  readonly changed: boolean;
}

/**
 * Puts an ECS service back on an earlier task-definition revision and follows that deployment like deploy-ecs does.
 * Everything is checked first (cluster, service, the revision, and that nobody deployed since the deploy being
 * undone); a service already on the revision with a COMPLETED deployment is left alone, and one already rolling to
 * it is only followed.
 */
export async function rollBackToRevision(plan: RevisionRollbackPlan, ecs: EcsApi, runtime: Runtime, clock: Clock): Promise<RevisionRollbackResult> {
  const service = await checkedRollingService(ecs, plan.cluster, plan.service, 'rollback');
  const target = await revisionArn(ecs, plan.taskDefinition);
  const current = service.taskDefinition ?? '';
  const same = (a: string, b: string) => shortTaskDefinition(a) === shortTaskDefinition(b);
  const primary = service.deployments?.find((d) => d.status === 'PRIMARY');

  if (same(current, target)) {
    if (primary?.id && primary.rolloutState === 'COMPLETED') {
      runtime.info(`Service ${plan.service} already runs ${shortTaskDefinition(target)} (deployment ${primary.id} COMPLETED): nothing to do`);
      return { taskDefinitionArn: target, deploymentId: primary.id, replacedTaskDefinitionArn: current, changed: false };
    }
    if (primary?.id && primary.rolloutState !== 'FAILED') {
      // An earlier rollback (or the circuit breaker's) is still rolling to it: follow that one instead of starting another.
      runtime.info(`Service ${plan.service} is already rolling to ${shortTaskDefinition(target)} (deployment ${primary.id}, ${primary.rolloutState ?? primary.status}): following it`);
      const outcome = await runtime.group(`Rollout of ${shortTaskDefinition(target)}`, () =>
        waitForRollback(ecs, rollbackPlan(plan, target), primary.id!, plan.schedule, runtime, new ServiceEventLog(service.events), clock),
      );
      return finish(plan, target, primary.id, outcome, current, false, runtime);
    }
  } else if (plan.expectedTaskDefinition && !same(current, plan.expectedTaskDefinition)) {
    const why = `service ${plan.service} now runs ${shortTaskDefinition(current)}, not ${shortTaskDefinition(plan.expectedTaskDefinition)} that the deploy being rolled back registered: someone deployed since`;
    if (!plan.force) {
      throw new GantryError(`not rolled back: ${why}`, {
        remedy: `check what runs now; to go back to ${shortTaskDefinition(target)} all the same, set force: true.`,
      });
    }
    runtime.warning(`${why}; rolling back anyway (force)`);
  }

  const events = new ServiceEventLog(service.events);
  const rolledBack = await runtime.group(`Rollback to ${shortTaskDefinition(target)}`, () =>
    rollBack(ecs, rollbackPlan(plan, target), plan.schedule, runtime, events, clock),
  );
  return finish(plan, target, rolledBack.deploymentId, rolledBack.outcome, current, true, runtime);
}

function rollbackPlan(plan: RevisionRollbackPlan, taskDefinitionArn: string): RollbackPlan {
  return { cluster: plan.cluster, service: plan.service, taskDefinitionArn };
}

function finish(
  plan: RevisionRollbackPlan,
  target: string,
  deploymentId: string,
  outcome: RolloutOutcome,
  replaced: string,
  changed: boolean,
  runtime: Runtime,
): RevisionRollbackResult {
  if (outcome.kind === 'completed') {
    runtime.info(`Deployment ${deploymentId} COMPLETED: ${plan.service} runs ${shortTaskDefinition(target)} again`);
    return { taskDefinitionArn: target, deploymentId, replacedTaskDefinitionArn: replaced, changed };
  }
  throw new GantryError(`the rollback of ${plan.service} to ${shortTaskDefinition(target)} (deployment ${deploymentId}) ${describeOutcome(outcome, plan.schedule)}`, {
    remedy: 'read the service events above: the service needs attention before another deploy.',
  });
}

function describeOutcome(outcome: Exclude<RolloutOutcome, { kind: 'completed' }>, schedule: PollSchedule): string {
  switch (outcome.kind) {
    case 'failed':
      return `FAILED: ${outcome.reason}`;
    case 'timed-out':
      return `did not complete within ${Math.round(schedule.timeoutMs / 1000)}s (last state ${stateOf(outcome.deployment)})`;
    case 'superseded':
      return `was replaced by deployment ${outcome.by.id} (${shortTaskDefinition(outcome.by.taskDefinition)}): someone deployed meanwhile`;
  }
}

const stateOf = (d: Deployment | undefined) => `${d?.rolloutState ?? 'unknown'}, running ${d?.runningCount ?? 0}/${d?.desiredCount ?? 0}`;

/** The full ARN of the revision to roll back to; refused, naming the input, when it does not exist or is retired. */
async function revisionArn(ecs: EcsApi, taskDefinition: string): Promise<string> {
  let described;
  try {
    described = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition }));
  } catch (error) {
    const failure = classifyAwsError(error);
    if (failure.kind === 'validation' || failure.kind === 'not-found' || failure.code === 'ClientException') {
      throw new InputError('task-definition-arn', `no task definition ${taskDefinition}: ${failure.message}`);
    }
    throw awsFailure(`DescribeTaskDefinition ${taskDefinition}`, error);
  }
  const arn = described.taskDefinition?.taskDefinitionArn;
  if (!arn) throw new InputError('task-definition-arn', `no task definition ${taskDefinition}`);
  if (described.taskDefinition?.status === 'INACTIVE') {
    throw new InputError('task-definition-arn', `${shortTaskDefinition(arn)} is deregistered (INACTIVE): ECS will not start a deployment of it`);
  }
  return arn;
}

