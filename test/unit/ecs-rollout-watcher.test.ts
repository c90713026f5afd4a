import type { Deployment } from '@aws-sdk/client-ecs';
import { describe, expect, it } from 'vitest';
import { watchDeployment } from '../../src/ecs/rollout-watcher.js';
import { ServiceEventLog } from '../../src/ecs/service-events.js';
import { GantryError } from '../../src/model/errors.js';
import { awsError, fakeEcs, instantClock, recordingRuntime } from '../fixtures/ecs/fakes.js';

// Faults the emulator cannot produce in the middle of a wait: throttling, 5xx, expired credentials, AccessDenied.
// Rollouts themselves (complete, fail, circuit breaker, timeout) are tested against the emulator.
const TD = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:8';
const target = { cluster: 'shop', service: 'web', deploymentId: 'ecs-svc/1', taskDefinitionArn: TD };
const schedule = { intervalMs: 2000, timeoutMs: 60_000 };
const deployment = (rolloutState: string, runningCount: number): Deployment => ({
  id: 'ecs-svc/1',
  status: 'PRIMARY',
  taskDefinition: TD,
  rolloutState: rolloutState as Deployment['rolloutState'],
  desiredCount: 2,
  runningCount,
  pendingCount: 2 - runningCount,
});
const serviceWith = (d: Deployment) => ({ services: [{ serviceName: 'web', status: 'ACTIVE', deployments: [d], events: [] }] });

describe('watchDeployment under faults', () => {
  it('rides out throttling and 5xx, polling at the fixed interval', async () => {
    const { api, calls } = fakeEcs({
      DescribeServices: (_input, call) => {
        if (call === 2) throw awsError('ThrottlingException', 400, 'Rate exceeded');
        if (call === 3) throw awsError('ServerException', 500);
        return serviceWith(call < 4 ? deployment('IN_PROGRESS', 1) : deployment('COMPLETED', 2));
      },
    });
    const runtime = recordingRuntime();
    const clock = instantClock();
    const outcome = await watchDeployment(api, target, schedule, runtime, new ServiceEventLog(), clock);
    expect(outcome.kind).toBe('completed');
    expect(calls).toHaveLength(4);
    expect(clock.slept).toEqual([2000, 2000, 2000]);
    expect(runtime.lines.filter((l) => l.startsWith('warning:'))).toHaveLength(2);
    // One progress line per change, not per poll.
    expect(runtime.lines.filter((l) => l.startsWith('deployment ecs-svc/1'))).toHaveLength(2);
  });

  it.each([
    ['ExpiredTokenException', 400, /credentials are missing, expired/],
    ['AccessDeniedException', 400, /lacks a permission/],
  ])('stops at once on %s with the cause and remedy', async (code, status, remedy) => {
    const { api, calls } = fakeEcs({
      DescribeServices: (_input, call) => {
        if (call === 2) throw awsError(code, status, 'The security token included in the request is expired');
        return serviceWith(deployment('IN_PROGRESS', 0));
      },
    });
    const error = await watchDeployment(api, target, schedule, recordingRuntime(), new ServiceEventLog(), instantClock()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GantryError);
    expect((error as GantryError).message).toContain(`DescribeServices web: ${code}`);
    expect((error as GantryError).remedy).toMatch(remedy);
    expect(calls).toHaveLength(2);
  });

  it('times out at the deadline, never sleeping past it', async () => {
    const { api } = fakeEcs({ DescribeServices: () => serviceWith(deployment('IN_PROGRESS', 0)) });
    const clock = instantClock();
    const outcome = await watchDeployment(api, target, { intervalMs: 2000, timeoutMs: 5000 }, recordingRuntime(), new ServiceEventLog(), clock);
    expect(outcome.kind).toBe('timed-out');
    expect(clock.slept).toEqual([2000, 2000, 1000]);
  });
});
