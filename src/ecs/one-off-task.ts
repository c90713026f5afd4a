import {
  DescribeTasksCommand,
  RunTaskCommand,
  StopTaskCommand,
  type RunTaskCommandInput,
  type Service,
  type Task,
  type TaskOverride,
} from '@aws-sdk/client-ecs';
import { awsFailure } from '../aws/errors.js';
import { GantryError } from '../model/errors.js';
import type { Runtime } from '../model/runtime.js';
import { shortTaskDefinition, type EcsApi } from './ecs-api.js';
import { describeStoppedTask } from './failure-detail.js';
import { pollCall } from '../aws/poll-call.js';
import { formatDuration, nextTick, type Clock, type PollSchedule } from '../model/schedule.js';

export interface OneOffTask {
  readonly cluster: string;
  readonly taskDefinition: string;
  readonly overrides?: TaskOverride;
  /** The service whose launch type, capacity providers and network configuration the task borrows. */
  readonly service: Service;
}

export interface OneOffResult {
  readonly taskArn: string;
  readonly exitCodes: Readonly<Record<string, number>>;
}

/**
 * Runs one task to completion before a rollout (database migrations and the like): RunTask, wait for STOPPED, then
 * require exit code 0 from the containers it was run for (those named in the overrides, else all of them). A task
 * that reports no exit code at all has not proven that it succeeded, so that fails too.
 */
export async function runOneOffTask(
  ecs: EcsApi,
  task: OneOffTask,
  schedule: PollSchedule,
  runtime: Runtime,
  clock: Clock,
): Promise<OneOffResult> {
  const request: RunTaskCommandInput = {
    cluster: task.cluster,
    taskDefinition: task.taskDefinition,
    count: 1,
    startedBy: 'gantry-deploy-ecs',
    overrides: task.overrides,
    networkConfiguration: task.service.networkConfiguration,
    ...(task.service.capacityProviderStrategy?.length
      ? { capacityProviderStrategy: task.service.capacityProviderStrategy }
      : task.service.launchType
        ? { launchType: task.service.launchType }
        : {}),
    ...(task.service.platformVersion ? { platformVersion: task.service.platformVersion } : {}),
  };
  let taskArn: string;
  try {
    const out = await ecs.send(new RunTaskCommand(request));
    const failure = out.failures?.[0];
    if (failure || !out.tasks?.[0]?.taskArn) {
      throw new GantryError(
        `RunTask ${shortTaskDefinition(task.taskDefinition)} started no task${failure ? `: ${failure.reason ?? ''} ${failure.detail ?? ''}`.trimEnd() : ''}`,
      );
    }
    taskArn = out.tasks[0].taskArn;
  } catch (error) {
    if (error instanceof GantryError) throw error;
    throw awsFailure(`RunTask ${shortTaskDefinition(task.taskDefinition)}`, error);
  }
  const id = taskArn.split('/').pop();
  runtime.info(`Pre-deploy task ${id} (${shortTaskDefinition(task.taskDefinition)}) started`);

  const started = clock.now();
  const deadline = started + schedule.timeoutMs;
  let lastStatus = '';
  let stopped: Task | undefined;
  do {
    const answer = await pollCall(
      `DescribeTasks ${id}`,
      () => ecs.send(new DescribeTasksCommand({ cluster: task.cluster, tasks: [taskArn] })),
      runtime,
    );
    if (!answer) continue; // a throttled or failed poll: ask again at the next tick
    const current = answer.tasks?.find((t) => t.taskArn === taskArn);
    if (!current) throw new GantryError(`pre-deploy task ${id} is no longer known to cluster ${task.cluster}`);
    if (current.lastStatus !== lastStatus) {
      lastStatus = current.lastStatus ?? '';
      runtime.info(`Pre-deploy task ${id}: ${lastStatus} [${formatDuration(clock.now() - started)}]`);
    }
    if (current.lastStatus === 'STOPPED') {
      stopped = current;
      break;
    }
  } while (await nextTick(clock, schedule, deadline));

  if (!stopped) {
    await ecs
      .send(new StopTaskCommand({ cluster: task.cluster, task: taskArn, reason: 'gantry deploy-ecs: pre-deploy task timed out' }))
      .catch((error: Error) => runtime.warning(`StopTask ${id}: ${error.message}`));
    throw new GantryError(`pre-deploy task ${id} did not stop within ${formatDuration(schedule.timeoutMs)}; it was stopped and the service left untouched`, {
      remedy: 'raise pre-deploy-task-timeout-minutes if the task needs longer, or look at its logs.',
    });
  }
  return { taskArn, exitCodes: checkExitCodes(stopped, targetContainers(task.overrides)) };
}

/** The containers whose exit codes decide: those the overrides name, or every container when none is named. */
function targetContainers(overrides: TaskOverride | undefined): string[] {
  return (overrides?.containerOverrides ?? []).map((c) => c.name).filter((n): n is string => Boolean(n));
}

/** Exit codes of the deciding containers; throws unless every one of them reported 0. */
function checkExitCodes(task: Task, targets: readonly string[]): Record<string, number> {
  const containers = (task.containers ?? []).filter((c) => targets.length === 0 || targets.includes(c.name ?? ''));
  const id = task.taskArn?.split('/').pop();
  const codes: Record<string, number> = {};
  const problems: string[] = [];
  for (const container of containers) {
    if (container.exitCode === undefined || container.exitCode === null) problems.push(`container ${container.name} reported no exit code`);
    else if (container.exitCode !== 0) problems.push(`container ${container.name} exited with code ${container.exitCode}`);
    else codes[container.name ?? ''] = 0;
  }
  if (containers.length === 0) problems.push(targets.length ? `no container named ${targets.join(', ')} in the task` : 'the task reports no containers');
  if (problems.length > 0) {
    throw new GantryError(`pre-deploy task ${id} failed: ${problems.join('; ')} (${describeStoppedTask(task)}); the service was not updated`, {
      remedy: 'fix the pre-deploy task (see its logs) and run the stage again.',
    });
  }
  return codes;
}
