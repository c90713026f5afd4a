import { UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { awsFailure } from '../aws/errors.js';
import { GantryError } from '../model/errors.js';
import type { Runtime } from '../model/runtime.js';
import { shortTaskDefinition, type EcsApi } from './ecs-api.js';
import type { Clock, PollSchedule } from '../model/schedule.js';
import { watchDeployment, type RolloutOutcome } from './rollout-watcher.js';
import type { ServiceEventLog } from './service-events.js';

export interface RollbackPlan {
  readonly cluster: string;
  readonly service: string;
  /** The revision the service ran before this deployment. */
  readonly taskDefinitionArn: string;
  /** The desired count to restore, when the deployment changed it. */
  readonly desiredCount?: number;
}

export interface RollbackResult {
  readonly deploymentId: string;
  readonly outcome: RolloutOutcome;
}

/** Puts the service back on the previous revision and waits for that deployment like any other. */
export async function rollBack(
  ecs: EcsApi,
  plan: RollbackPlan,
  schedule: PollSchedule,
  runtime: Runtime,
  events: ServiceEventLog,
  clock: Clock,
): Promise<RollbackResult> {
  runtime.warning(`Rolling back service ${plan.service} to ${shortTaskDefinition(plan.taskDefinitionArn)}`);
  let deploymentId: string | undefined;
  try {
    const out = await ecs.send(
      new UpdateServiceCommand({
        cluster: plan.cluster,
        service: plan.service,
        taskDefinition: plan.taskDefinitionArn,
        desiredCount: plan.desiredCount,
      }),
    );
    deploymentId = out.service?.deployments?.find((d) => d.status === 'PRIMARY')?.id;
  } catch (error) {
    throw awsFailure(`UpdateService ${plan.service} (rollback to ${shortTaskDefinition(plan.taskDefinitionArn)})`, error);
  }
  if (!deploymentId) throw new GantryError(`the rollback of ${plan.service} started no PRIMARY deployment`);
  return { deploymentId, outcome: await waitForRollback(ecs, plan, deploymentId, schedule, runtime, events, clock) };
}

/** Waits for a rollback deployment, ours or the circuit breaker's. */
export function waitForRollback(
  ecs: EcsApi,
  plan: RollbackPlan,
  deploymentId: string,
  schedule: PollSchedule,
  runtime: Runtime,
  events: ServiceEventLog,
  clock: Clock,
): Promise<RolloutOutcome> {
  runtime.info(`Waiting for rollback deployment ${deploymentId}`);
  return watchDeployment(
    ecs,
    { cluster: plan.cluster, service: plan.service, deploymentId, taskDefinitionArn: plan.taskDefinitionArn },
    schedule,
    runtime,
    events,
    clock,
  );
}
