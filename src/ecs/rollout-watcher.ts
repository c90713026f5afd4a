import type { Deployment, Service } from '@aws-sdk/client-ecs';
import { GantryError } from '../model/errors.js';
import type { Runtime } from '../model/runtime.js';
import { describeService, shortTaskDefinition, type EcsApi } from './ecs-api.js';
import { pollCall } from '../aws/poll-call.js';
import { formatDuration, nextTick, type Clock, type PollSchedule } from '../model/schedule.js';
import { formatEvent, type ServiceEventLog } from './service-events.js';

/** The deployment being followed: the PRIMARY one that UpdateService created, by its id. */
export interface WatchTarget {
  readonly cluster: string;
  readonly service: string;
  readonly deploymentId: string;
  readonly taskDefinitionArn: string;
}

export type RolloutOutcome =
  | { readonly kind: 'completed'; readonly deployment: Deployment }
  | {
      readonly kind: 'failed';
      readonly reason: string;
      readonly deployment?: Deployment;
      /** The deployment ECS's circuit breaker started to roll back, when it did so itself. */
      readonly circuitBreakerRollback?: Deployment;
    }
  | { readonly kind: 'timed-out'; readonly deployment?: Deployment }
  /** Another deployment took over that is not a rollback of ours: someone else deployed meanwhile. */
  | { readonly kind: 'superseded'; readonly by: Deployment };

/** How many polls to wait, after a FAILED state, for the circuit breaker's own rollback deployment to appear. */
const ROLLBACK_APPEARANCE_POLLS = 3;

/**
 * Follows one deployment until it completes, fails or the deadline passes: one DescribeServices per interval, a
 * progress line whenever its state or counts change, and each new service event once. Throttling and 5xx are
 * skipped to the next poll; expired credentials or AccessDenied end the wait at once (see pollCall).
 */
export async function watchDeployment(
  ecs: EcsApi,
  target: WatchTarget,
  schedule: PollSchedule,
  runtime: Runtime,
  events: ServiceEventLog,
  clock: Clock,
): Promise<RolloutOutcome> {
  const started = clock.now();
  const deadline = started + schedule.timeoutMs;
  let lastLine = '';
  let last: Deployment | undefined;
  let failedPolls = 0;
  do {
    const answer = await pollCall(
      `DescribeServices ${target.service}`,
      async () => ({ service: await describeService(ecs, target.cluster, target.service) }),
      runtime,
    );
    if (!answer) continue; // a throttled or failed poll: ask again at the next tick
    const service = answer.service;
    if (!service) throw new GantryError(`service ${target.service} disappeared from cluster ${target.cluster} during the deployment`);
    for (const event of events.take(service.events)) runtime.info(`event: ${formatEvent(event)}`);
    const deployments = service.deployments ?? [];
    const ours = deployments.find((d) => d.id === target.deploymentId);
    const primary = deployments.find((d) => d.status === 'PRIMARY');

    if (ours) {
      last = ours;
      const line = progressLine(ours);
      if (line !== lastLine) {
        runtime.info(`${line} [${formatDuration(clock.now() - started)}]`);
        lastLine = line;
      }
      if (isComplete(ours, deployments)) return { kind: 'completed', deployment: ours };
    }

    const rollback = circuitBreakerRollback(service, target, primary);
    if (rollback) {
      return { kind: 'failed', reason: failureReason(ours, service), deployment: ours, circuitBreakerRollback: rollback };
    }
    if (!ours || (ours.status !== 'PRIMARY' && primary)) {
      if (primary && primary.id !== target.deploymentId) return { kind: 'superseded', by: primary };
      throw new GantryError(`deployment ${target.deploymentId} is no longer listed by service ${target.service}`);
    }
    if (ours.rolloutState === 'FAILED') {
      // With rollback on, ECS starts its own rollback deployment; give it a few polls to show up.
      const breakerRollsBack = service.deploymentConfiguration?.deploymentCircuitBreaker?.rollback === true;
      if (!breakerRollsBack || ++failedPolls > ROLLBACK_APPEARANCE_POLLS) {
        return { kind: 'failed', reason: failureReason(ours, service), deployment: ours };
      }
    }
  } while (await nextTick(clock, schedule, deadline));
  return { kind: 'timed-out', deployment: last };
}

/**
 * COMPLETED by rolloutState; for services without one (Classic Load Balancer, old APIs), the equivalent steady
 * state: ours is the only deployment and runs every task it wants.
 */
function isComplete(deployment: Deployment, all: readonly Deployment[]): boolean {
  if (deployment.rolloutState) return deployment.rolloutState === 'COMPLETED';
  return all.length === 1 && deployment.status === 'PRIMARY' && deployment.runningCount === deployment.desiredCount;
}

/**
 * The circuit breaker's own rollback: rollback is on for the service, and a PRIMARY deployment other than ours runs
 * another task definition while ours has failed (or, once ours is gone, says it is the breaker's rollback).
 */
function circuitBreakerRollback(service: Service, target: WatchTarget, primary: Deployment | undefined): Deployment | undefined {
  if (service.deploymentConfiguration?.deploymentCircuitBreaker?.rollback !== true) return undefined;
  if (!primary || primary.id === target.deploymentId || primary.taskDefinition === target.taskDefinitionArn) return undefined;
  const ours = service.deployments?.find((d) => d.id === target.deploymentId);
  if (ours) return ours.rolloutState === 'FAILED' ? primary : undefined;
  // Ours already drained: only the rollback deployment's own reason tells a rollback from someone else's deploy.
  return /circuit breaker/i.test(primary.rolloutStateReason ?? '') ? primary : undefined;
}

function progressLine(d: Deployment): string {
  const state = d.rolloutState ?? d.status ?? 'UNKNOWN';
  const failed = d.failedTasks ? `, ${d.failedTasks} failed` : '';
  return `deployment ${d.id} (${shortTaskDefinition(d.taskDefinition)}): ${state}, running ${d.runningCount ?? 0}/${d.desiredCount ?? 0}, pending ${d.pendingCount ?? 0}${failed}`;
}

function failureReason(deployment: Deployment | undefined, service: Service): string {
  if (deployment?.rolloutStateReason) return deployment.rolloutStateReason;
  if (!deployment) return `the deployment was removed and service ${service.serviceName} now runs ${shortTaskDefinition(service.taskDefinition)}`;
  return `rollout state ${deployment.rolloutState ?? 'unknown'}`;
}
