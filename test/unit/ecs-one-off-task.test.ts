import type { Service } from '@aws-sdk/client-ecs';
import { describe, expect, it } from 'vitest';
import { runOneOffTask } from '../../src/ecs/one-off-task.js';
import { GantryError } from '../../src/model/errors.js';
import { fakeEcs, instantClock, recordingRuntime } from '../fixtures/ecs/fakes.js';

// The emulator's DescribeTasks always reports exit code 0 for the first container of a RunTask task (moto 5.2.5
// hard-codes Container.exitCode = 0), so a failing migration and a task that never started are faked here with
// the shapes ECS returns; the successful path runs against the emulator (test/integration/ecs-pre-deploy.test.ts).
const TASK_ARN = 'arn:aws:ecs:us-east-1:123456789012:task/shop/0b3f7c1d2e4f4a5b8c9d0e1f2a3b4c5d';
const service: Service = { serviceName: 'web', launchType: 'FARGATE', networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'] } } };
const schedule = { intervalMs: 2000, timeoutMs: 60_000 };

function ecsWithStoppedTask(stopped: Record<string, unknown>) {
  return fakeEcs({
    RunTask: () => ({ tasks: [{ taskArn: TASK_ARN, lastStatus: 'PROVISIONING' }], failures: [] }),
    DescribeTasks: (_input, call) =>
      call < 3 ? { tasks: [{ taskArn: TASK_ARN, lastStatus: call === 1 ? 'PENDING' : 'RUNNING', containers: [] }] } : { tasks: [{ taskArn: TASK_ARN, lastStatus: 'STOPPED', ...stopped }] },
  });
}

const task = { cluster: 'shop', taskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:8', service, overrides: { containerOverrides: [{ name: 'app', command: ['./migrate'] }] } };

describe('runOneOffTask', () => {
  it('fails on a non-zero exit code, with the stop reason', async () => {
    const { api, calls } = ecsWithStoppedTask({
      stopCode: 'EssentialContainerExited',
      stoppedReason: 'Essential container in task exited',
      containers: [{ name: 'app', lastStatus: 'STOPPED', exitCode: 3, reason: 'migration 0042 failed' }],
    });
    const runtime = recordingRuntime();
    const error = await runOneOffTask(api, task, schedule, runtime, instantClock()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GantryError);
    expect((error as Error).message).toContain('container app exited with code 3');
    expect((error as Error).message).toContain('EssentialContainerExited: Essential container in task exited');
    expect((error as Error).message).toContain('migration 0042 failed');
    // The task borrows the service's launch type and network configuration.
    expect(calls[0]).toMatchObject({ command: 'RunTask', input: { launchType: 'FARGATE', networkConfiguration: service.networkConfiguration, count: 1 } });
    expect(runtime.lines.filter((l) => l.includes(': STOPPED'))).toHaveLength(1);
  });

  it('fails when the task stopped without an exit code (it never started)', async () => {
    const { api } = ecsWithStoppedTask({
      stopCode: 'TaskFailedToStart',
      stoppedReason: 'CannotPullContainerError: pull image manifest has been retried 5 time(s)',
      containers: [{ name: 'app', lastStatus: 'STOPPED', reason: 'CannotPullContainerError' }],
    });
    await expect(runOneOffTask(api, task, schedule, recordingRuntime(), instantClock())).rejects.toThrow(/container app reported no exit code.*TaskFailedToStart/);
  });

  it('succeeds on exit code 0 of the overridden container, ignoring a sidecar', async () => {
    const { api } = ecsWithStoppedTask({
      stopCode: 'EssentialContainerExited',
      containers: [
        { name: 'app', lastStatus: 'STOPPED', exitCode: 0 },
        { name: 'log-router', lastStatus: 'STOPPED', exitCode: 137 },
      ],
    });
    await expect(runOneOffTask(api, task, schedule, recordingRuntime(), instantClock())).resolves.toEqual({ taskArn: TASK_ARN, exitCodes: { app: 0 } });
  });

  it('stops the task and fails when it outlives its timeout', async () => {
    const { api, calls } = fakeEcs({
      RunTask: () => ({ tasks: [{ taskArn: TASK_ARN }] }),
      DescribeTasks: () => ({ tasks: [{ taskArn: TASK_ARN, lastStatus: 'RUNNING' }] }),
      StopTask: () => ({ task: { taskArn: TASK_ARN } }),
    });
    const clock = instantClock();
    await expect(runOneOffTask(api, task, { intervalMs: 2000, timeoutMs: 10_000 }, recordingRuntime(), clock)).rejects.toThrow(/did not stop within 10s/);
    expect(calls.at(-1)?.command).toBe('StopTask');
    expect(clock.slept.every((ms) => ms <= 2000)).toBe(true);
  });

  it('reports RunTask failures (no capacity) without waiting', async () => {
    const { api } = fakeEcs({ RunTask: () => ({ tasks: [], failures: [{ arn: 'x', reason: 'RESOURCE:MEMORY' }] }) });
    await expect(runOneOffTask(api, task, schedule, recordingRuntime(), instantClock())).rejects.toThrow(/started no task: RESOURCE:MEMORY/);
  });
});
