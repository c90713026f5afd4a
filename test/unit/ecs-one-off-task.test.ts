import type { Service } from '@aws-sdk/client-ecs';
import { describe, expect, it } from 'vitest';
import { runOneOffTask } from '../../src/ecs/one-off-task.js';
import { GantryError } from '../../src/model/errors.js';
import { fakeEcs, instantClock, recordingRuntime } from '../fixtures/ecs/fakes.js';

// Only the shapes the loopback emulator cannot produce are faked here, with the shapes ECS returns: a task that
// stopped before its containers started (no exit code, a container `reason`), and RunTask placement failures (the
// emulator runs every task, as if the cluster had the capacity). Exit codes 0 and non-zero, sidecars, the timeout
// and StopTask run against the emulator in test/integration/ecs-pre-deploy.test.ts.
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
  it('fails when the task stopped without an exit code (it never started)', async () => {
    const { api, calls } = ecsWithStoppedTask({
      stopCode: 'TaskFailedToStart',
      stoppedReason: 'CannotPullContainerError: pull image manifest has been retried 5 time(s)',
      containers: [{ name: 'app', lastStatus: 'STOPPED', reason: 'CannotPullContainerError' }],
    });
    const runtime = recordingRuntime();
    const error = await runOneOffTask(api, task, schedule, runtime, instantClock()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GantryError);
    expect((error as Error).message).toMatch(
      /container app reported no exit code \(task \w+: TaskFailedToStart: CannotPullContainerError: .*; container app \(CannotPullContainerError\)\)/,
    );
    // The task borrows the service's launch type and network configuration.
    expect(calls[0]).toMatchObject({ command: 'RunTask', input: { launchType: 'FARGATE', networkConfiguration: service.networkConfiguration, count: 1 } });
    expect(runtime.lines.filter((l) => l.includes(': STOPPED'))).toHaveLength(1);
  });

  it('reports RunTask failures (no capacity) without waiting', async () => {
    const { api, calls } = fakeEcs({ RunTask: () => ({ tasks: [], failures: [{ arn: 'x', reason: 'RESOURCE:MEMORY' }] }) });
    await expect(runOneOffTask(api, task, schedule, recordingRuntime(), instantClock())).rejects.toThrow(/started no task: RESOURCE:MEMORY/);
    expect(calls.map((c) => c.command)).toEqual(['RunTask']);
  });
});
