import { describe, test } from 'vitest';
import { runNode, stackEnv, CLI } from './support.js';
import { createTestService, describe as describeService, DIGEST, emulatorEcs, ROLLOUT, ROLLOUT_SECONDS, taskDefinitionFile } from '../fixtures/ecs/emulator.js';
import { EcsFaultProxy, FAULTS } from '../fixtures/ecs/fault-proxy.js';

// Faults during the rollout wait, injected on the wire between the stage and the real emulator: the emulator never
// throttles, fails with 5xx or expires credentials by itself.
const ecs = emulatorEcs();
const REGION = 'us-east-1';
const IMAGE = `127.0.0.1:5000/gantry/app@${DIGEST}`;

async function deployThrough(proxy: EcsFaultProxy, t: { cluster: string; service: string }, extra: string[] = []) {
  const endpoint = await proxy.start();
  try {
    return await runNode(
      CLI,
      ['run', 'deploy-ecs', '--aws-region', REGION, '--cluster', t.cluster, '--service', t.service, '--image', IMAGE, '--poll-seconds', '0.25', ...extra],
      stackEnv({ AWS_ENDPOINT_URL: endpoint }),
    );
  } finally {
    await proxy.stop();
  }
}

describe.concurrent('deploy-ecs under faults during the wait', () => {
  test('throttling and 5xx are retried and the rollout is still followed to completion', async ({ expect }) => {
    const t = await createTestService(ecs, 'throttled', { labels: { [ROLLOUT_SECONDS]: '2' } });
    // More throttles in a row than the SDK's own attempts (5), so the stage's poll loop has to ride them out too.
    const proxy = new EcsFaultProxy(stackEnv().AWS_ENDPOINT_URL!, [...Array(6).fill(FAULTS.throttling), FAULTS.unavailable]);
    const run = await deployThrough(proxy, t);
    expect(run.stderr).not.toContain('error:');
    expect(run.code).toBe(0);
    expect(proxy.served).toHaveLength(7);
    expect(run.stderr).toMatch(/warning: DescribeServices svc-throttled-\w+: ThrottlingException \(throttling\), asking again at the next poll/);
    expect(run.stdout).toContain('rollout-state=COMPLETED');
  });

  test.for([
    ['expired credentials', FAULTS.expiredToken, 'ExpiredTokenException', 'the credentials are missing, expired or were rejected'],
    ['AccessDenied', FAULTS.accessDenied, 'AccessDeniedException', 'the role lacks a permission'],
  ] as const)('%s during the wait fail the stage at once with the cause', async ([, fault, code, remedy], { expect }) => {
    const t = await createTestService(ecs, 'denied');
    // A rollout that would never end by itself: only the fault can end the wait early.
    const file = await taskDefinitionFile(t, { [ROLLOUT]: 'hang' });
    const proxy = new EcsFaultProxy(stackEnv().AWS_ENDPOINT_URL!, [fault]);
    const run = await deployThrough(proxy, t, ['--task-definition-file', file]);
    expect(run.code).toBe(1);
    expect(proxy.served).toEqual([code]);
    expect(run.stderr).toContain(`deploy-ecs failed: DescribeServices svc-denied-`);
    expect(run.stderr).toContain(`: ${code}: ${fault.message}`);
    expect(run.stderr).toContain(`Remedy: ${remedy}`);
    // At once (the default timeout is 30 minutes), and no rollback attempted with credentials that no longer work.
    expect(run.ms).toBeLessThan(15_000);
    expect(run.stderr).not.toContain('Rolling back');
    expect((await describeService(ecs, t)).deployments?.[0]?.rolloutState).toBe('IN_PROGRESS');
  });
});
