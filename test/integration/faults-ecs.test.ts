import { describe, test } from 'vitest';
import { runNode, stackEnv, CLI } from './support.js';
import { createTestService, describe as describeService, DIGEST, emulatorEcs, revisionCount, ROLLOUT, ROLLOUT_SECONDS, taskDefinitionFile, type TestService } from '../fixtures/ecs/emulator.js';
import { fault, startFaultProxy, type Fault, type FaultMatch, type FaultProxy } from './fault-proxy.js';
import { SHORT_TIMEOUT_SECONDS } from './faults-support.js';

// deploy-ecs with the emulator behind the fault proxy: the emulator never throttles, fails with 5xx, breaks off an
// answer or expires credentials by itself. After every run the service is on one COMPLETED revision, the new one
// when the stage succeeded.
const ecs = emulatorEcs();
const REGION = 'us-east-1';
const IMAGE = `127.0.0.1:5000/gantry/app@${DIGEST}`;

const FAULTS = {
  throttling: fault.awsJson(400, 'ThrottlingException', 'Rate exceeded'),
  unavailable: fault.awsJson(503, 'ServerException', 'Service Unavailable'),
  expiredToken: fault.awsJson(400, 'ExpiredTokenException', 'The security token included in the request is expired'),
  accessDenied: fault.awsJson(400, 'AccessDeniedException', 'User: arn:aws:sts::123456789012:assumed-role/gantry-deploy/ci is not authorized to perform: ecs:DescribeServices'),
};

/** DescribeServices once the service was updated: the rollout wait. */
function duringTheWait(proxy: () => FaultProxy): FaultMatch {
  return { operation: 'DescribeServices', when: () => proxy().log.some((e) => e.operation === 'UpdateService') };
}

async function deployThrough(t: TestService, inject: (proxy: FaultProxy) => void, extra: string[] = [], timeoutSeconds = SHORT_TIMEOUT_SECONDS) {
  const proxy = await startFaultProxy({ upstream: stackEnv().AWS_ENDPOINT_URL! });
  inject(proxy);
  try {
    const run = await runNode(
      CLI,
      ['run', 'deploy-ecs', '--aws-region', REGION, '--cluster', t.cluster, '--service', t.service, '--image', IMAGE, '--poll-seconds', '0.25', ...extra],
      stackEnv({ AWS_ENDPOINT_URL: proxy.url, GANTRY_REQUEST_TIMEOUT_SECONDS: timeoutSeconds }),
    );
    return { run, proxy };
  } finally {
    await proxy.stop();
  }
}

/** The check after a successful run: one deployment, COMPLETED, on the revision the stage reported. */
async function expectOnNewRevision(t: TestService, stdout: string) {
  const arn = /task-definition-arn=(\S+)/.exec(stdout)?.[1];
  const service = await describeService(ecs, t);
  return { arn, taskDefinition: service.taskDefinition, deployments: service.deployments?.map((d) => [d.status, d.rolloutState, d.taskDefinition]) };
}

describe.concurrent('deploy-ecs under faults', () => {
  test('throttling and 5xx during the wait are retried and the rollout is still followed to completion', async ({ expect }) => {
    const t = await createTestService(ecs, 'throttled', { labels: { [ROLLOUT_SECONDS]: '2' } });
    // More throttles in a row than the SDK's own attempts (5), so the stage's poll loop has to ride them out too.
    let proxy!: FaultProxy;
    // The default bounds: the SDK's backoff over five throttled attempts takes longer than a short poll bound.
    const { run } = await deployThrough(t, (p) => (proxy = p).inject(duringTheWait(() => proxy), ...Array<Fault>(6).fill(FAULTS.throttling), FAULTS.unavailable), [], '');
    expect(run.stderr).not.toContain('error:');
    expect(run.code).toBe(0);
    expect(proxy.served()).toHaveLength(7);
    // The poll that met the burst ends with the SDK's last throttled answer, or with the poll's bound when the SDK's
    // jittered backoff outlasts it; either way the stage asks again at the next poll.
    expect(run.stderr).toMatch(/warning: DescribeServices svc-throttled-\w+: (ThrottlingException \(throttling\)|no answer within \d+ s), asking again at the next poll/);
    expect(run.stdout).toContain('rollout-state=COMPLETED');
  });

  test.for([
    ['answers that break off', Array<Fault>(6).fill(fault.truncate), /warning: DescribeServices svc-broken-\w+: SyntaxError \(network\), asking again/],
    ['resets mid-answer', Array<Fault>(6).fill(fault.reset), /warning: DescribeServices svc-broken-\w+: ECONNRESET \(network\), asking again/],
    ['an answer that stalls past the poll bound', [fault.stall], /warning: DescribeServices svc-broken-\w+: no answer within 2 s, asking again/],
  ] as const)('%s during the wait: the rollout is followed to completion', async ([, faults, logged], { expect }) => {
    const t = await createTestService(ecs, 'broken', { labels: { [ROLLOUT_SECONDS]: '2' } });
    let proxy!: FaultProxy;
    const { run } = await deployThrough(t, (p) => (proxy = p).inject(duringTheWait(() => proxy), ...faults));
    expect(run.code, run.stderr).toBe(0);
    expect(proxy.pending()).toBe(0);
    expect(run.stderr).toMatch(logged);
    expect(run.stdout).toContain('rollout-state=COMPLETED');
    const after = await expectOnNewRevision(t, run.stdout);
    expect(after.taskDefinition).toBe(after.arn);
    expect(after.deployments).toEqual([['PRIMARY', 'COMPLETED', after.arn]]);
  });

  test('an UpdateService whose answer is lost after it took: the stage follows the deployment it started, once', async ({ expect }) => {
    const t = await createTestService(ecs, 'lost', { labels: { [ROLLOUT_SECONDS]: '2' } });
    const before = await revisionCount(ecs, t.family);
    const { run, proxy } = await deployThrough(t, (p) => p.inject({ operation: 'UpdateService' }, ...Array<Fault>(5).fill(fault.reset)));
    expect(run.code, run.stderr).toBe(0);
    expect(proxy.pending()).toBe(0);
    expect(run.stderr).toMatch(/warning: UpdateService svc-lost-\w+: \w+ \(network\), but the service shows the update took: following deployment/);
    expect(run.stdout).toContain('rollout-state=COMPLETED');
    expect(await revisionCount(ecs, t.family)).toBe(before + 1);
    const after = await expectOnNewRevision(t, run.stdout);
    expect(after.deployments).toEqual([['PRIMARY', 'COMPLETED', after.arn]]);
  });

  test('RegisterTaskDefinition unavailable beyond the attempts: the stage fails naming it, and the service is untouched', async ({ expect }) => {
    const t = await createTestService(ecs, 'noreg');
    const { run, proxy } = await deployThrough(t, (p) => p.inject({ operation: 'RegisterTaskDefinition' }, ...Array<Fault>(5).fill(FAULTS.unavailable)));
    expect(run.code).toBe(1);
    expect(proxy.served()).toEqual(['503', '503', '503', '503', '503']);
    expect(run.stderr).toContain(`deploy-ecs failed: RegisterTaskDefinition ${t.family}: ServerException: Service Unavailable`);
    expect(proxy.log.some((e) => e.operation === 'UpdateService')).toBe(false);
    const service = await describeService(ecs, t);
    expect(service.taskDefinition).toBe(t.taskDefinitionArn);
    expect(service.deployments?.map((d) => d.rolloutState)).toEqual(['COMPLETED']);
  });

  test.for([
    ['expired credentials', FAULTS.expiredToken, 'ExpiredTokenException', 'the credentials are missing, expired or were rejected'],
    ['AccessDenied', FAULTS.accessDenied, 'AccessDeniedException', 'the role lacks a permission'],
  ] as const)('%s during the wait fail the stage at once with the cause', async ([, injected, code, remedy], { expect }) => {
    const t = await createTestService(ecs, 'denied');
    // A rollout that would never end by itself: only the fault can end the wait early.
    const file = await taskDefinitionFile(t, { [ROLLOUT]: 'hang' });
    let proxy!: FaultProxy;
    const { run } = await deployThrough(t, (p) => (proxy = p).inject(duringTheWait(() => proxy), injected), ['--task-definition-file', file]);
    expect(run.code).toBe(1);
    expect(proxy.served()).toEqual(['400']);
    expect(run.stderr).toContain(`deploy-ecs failed: DescribeServices svc-denied-`);
    expect(run.stderr).toContain(`: ${code}: ${(JSON.parse((injected as { body: string }).body) as { message: string }).message}`);
    expect(run.stderr).toContain(`Remedy: ${remedy}`);
    // At once: the faulty answer was the stage's last request (the default timeout is 30 minutes), with no retry and
    // no rollback attempted with credentials that no longer work.
    expect(proxy.log.at(-1)).toMatchObject({ operation: 'DescribeServices', fault: 'status', status: 400 });
    expect(run.stderr).not.toContain('Rolling back');
    expect((await describeService(ecs, t)).deployments?.[0]?.rolloutState).toBe('IN_PROGRESS');
  });
});
