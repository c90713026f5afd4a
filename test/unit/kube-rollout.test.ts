import type { V1DaemonSet, V1Deployment, V1Pod, V1PodTemplateSpec, V1StatefulSet } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { annotationsFor, CHANGE_CAUSE, PROVENANCE, targetContainers } from '../../src/kube/deploy.js';
import { classifyKubeError, kubeFailure, kubeStatusOf } from '../../src/kube/errors.js';
import { describePod, labelSelector } from '../../src/kube/failure-detail.js';
import { rolloutStatus } from '../../src/kube/rollout-status.js';
import { KubeSession } from '../../src/kube/session.js';
import { configureNetwork } from '../../src/model/network.js';
import { parseWorkload, rolloutBlocker } from '../../src/kube/workload.js';
import { InputError } from '../../src/model/errors.js';
import { parseInputs } from '../../src/model/stage.js';
import type { Runtime } from '../../src/model/runtime.js';
import { deployEksStage } from '../../src/stages/deploy-eks.js';
import { inputErrorOf } from './support.js';

function deployment(status: V1Deployment['status'], spec: Partial<V1Deployment['spec']> = {}, generation = 2): V1Deployment {
  return {
    metadata: { name: 'web', generation },
    spec: { replicas: 3, selector: {}, template: {}, ...spec },
    status: { observedGeneration: 2, ...status },
  };
}

describe('rollout status of a Deployment (the rules of kubectl rollout status)', () => {
  it('waits until the controller has observed the new generation', () => {
    const d = deployment({ updatedReplicas: 3, replicas: 3, availableReplicas: 3 }, {}, 3);
    expect(rolloutStatus('deployment', d)).toEqual({ state: 'progressing', message: 'waiting for the controller to observe generation 3' });
  });

  it.each([
    [{ updatedReplicas: 1, replicas: 4, availableReplicas: 3 }, '1 of 3 new replicas updated, 3 available'],
    [{ updatedReplicas: 3, replicas: 4, availableReplicas: 3 }, '1 old replicas pending termination'],
    [{ updatedReplicas: 3, replicas: 3, availableReplicas: 2 }, '2 of 3 updated replicas available'],
  ])('is progressing while %j', (status, message) => {
    expect(rolloutStatus('deployment', deployment(status))).toEqual({ state: 'progressing', message });
  });

  it('is complete when every desired replica is updated and available and no old one remains', () => {
    expect(rolloutStatus('deployment', deployment({ updatedReplicas: 3, replicas: 3, availableReplicas: 3 })).state).toBe('complete');
  });

  it('has failed once Progressing says ProgressDeadlineExceeded, unless that predates the change followed', () => {
    const exceeded = deployment(
      {
        updatedReplicas: 1,
        replicas: 4,
        conditions: [
          { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: 'ReplicaSet "web-7d" has timed out progressing.', lastUpdateTime: new Date('2026-11-30T10:00:05Z') },
        ],
      },
      { progressDeadlineSeconds: 10 },
    );
    expect(rolloutStatus('deployment', exceeded)).toEqual({
      state: 'failed',
      message: 'exceeded its progress deadline (10s): ReplicaSet "web-7d" has timed out progressing.',
    });
    expect(rolloutStatus('deployment', exceeded, new Date('2026-11-30T10:00:05.900Z')).state).toBe('failed');
    expect(rolloutStatus('deployment', exceeded, new Date('2026-11-30T10:00:06.100Z')).state).toBe('progressing');
  });
});

describe('rollout status of StatefulSets and DaemonSets', () => {
  const sts = (status: Partial<NonNullable<V1StatefulSet['status']>>, partition?: number): V1StatefulSet => ({
    metadata: { generation: 1 },
    spec: { replicas: 2, selector: {}, serviceName: 'db', template: {}, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition } } },
    status: { observedGeneration: 1, replicas: 2, ...status },
  });

  it('waits for ready pods, then for every pod to reach the update revision', () => {
    expect(rolloutStatus('statefulset', sts({ readyReplicas: 1 })).message).toBe('1 of 2 pods ready, 0 updated');
    expect(rolloutStatus('statefulset', sts({ readyReplicas: 2, updatedReplicas: 1, currentRevision: 'db-1', updateRevision: 'db-2' })).message).toBe(
      '1 of 2 pods at revision db-2',
    );
    expect(rolloutStatus('statefulset', sts({ readyReplicas: 2, updatedReplicas: 2, currentRevision: 'db-2', updateRevision: 'db-2' }))).toEqual({
      state: 'complete',
      message: 'rolled out: 2 pods ready at revision db-2',
    });
  });

  it('completes a partitioned rollout once the pods above the partition are updated', () => {
    expect(rolloutStatus('statefulset', sts({ readyReplicas: 2, updatedReplicas: 1, currentRevision: 'a', updateRevision: 'b' }, 1)).state).toBe('complete');
  });

  it('counts a DaemonSet by scheduled, updated and available pods', () => {
    const ds = (status: Partial<NonNullable<V1DaemonSet['status']>>): V1DaemonSet => ({
      metadata: { generation: 4 },
      status: { observedGeneration: 4, currentNumberScheduled: 2, numberMisscheduled: 0, numberReady: 2, desiredNumberScheduled: 2, ...status },
    });
    expect(rolloutStatus('daemonset', ds({ updatedNumberScheduled: 1, numberAvailable: 2 })).state).toBe('progressing');
    expect(rolloutStatus('daemonset', ds({ updatedNumberScheduled: 2, numberAvailable: 1 })).message).toBe('1 of 2 updated pods available');
    expect(rolloutStatus('daemonset', ds({ updatedNumberScheduled: 2, numberAvailable: 2 })).state).toBe('complete');
  });

  it('refuses rollouts that could never be followed: a paused Deployment, an OnDelete strategy', () => {
    expect(rolloutBlocker('deployment', deployment({}, { paused: true }))).toMatch(/is paused/);
    expect(rolloutBlocker('deployment', deployment({}))).toBeUndefined();
    expect(rolloutBlocker('statefulset', { spec: { selector: {}, serviceName: 'db', template: {}, updateStrategy: { type: 'OnDelete' } } })).toMatch(/OnDelete/);
  });
});

describe('workload names and containers', () => {
  it.each([
    ['web', { kind: 'deployment', name: 'web' }],
    ['deployment/web', { kind: 'deployment', name: 'web' }],
    ['deploy/web', { kind: 'deployment', name: 'web' }],
    ['sts/db', { kind: 'statefulset', name: 'db' }],
    ['DaemonSet/agent.v2', { kind: 'daemonset', name: 'agent.v2' }],
  ])('reads %s as kubectl does', (value, expected) => {
    expect(parseWorkload(value)).toEqual(expected);
  });

  it.each(['', 'pod/web', 'deployment/', 'deployment/Web', 'a/b/c', 'web_1'])('refuses %j', (value) => {
    expect(parseWorkload(value)).toBeUndefined();
  });

  const template: V1PodTemplateSpec = {
    spec: { initContainers: [{ name: 'migrate', image: 'app:1' }], containers: [{ name: 'app', image: 'app:1' }, { name: 'proxy', image: 'envoy:1' }] },
  };
  const ref = { kind: 'deployment' as const, name: 'web', namespace: 'shop' };

  it('takes the only container by default, and names the choice when there are several', () => {
    expect(targetContainers([], { spec: { containers: [{ name: 'app' }] } }, ref)).toEqual(['app']);
    expect(() => targetContainers([], template, ref)).toThrow(new InputError('containers', 'deployment/web has containers app, proxy: name the ones that get the image'));
  });

  it('accepts init containers by name and refuses a name the workload does not have', () => {
    expect(targetContainers(['app', 'migrate', 'app'], template, ref)).toEqual(['app', 'migrate']);
    expect(() => targetContainers(['api'], template, ref)).toThrow(/deployment\/web has no container 'api' \(it has migrate, app, proxy\)/);
  });
});

describe('deploy-eks inputs', () => {
  const valid = { 'aws-region': 'eu-west-1', cluster: 'prod', workload: 'web', image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/web@sha256:' + 'a'.repeat(64) };

  it('applies the defaults: namespace default, rollback on, 10 minutes', () => {
    const input = parseInputs(deployEksStage, valid);
    expect(input).toMatchObject({ namespace: 'default', rollback: true, 'timeout-minutes': 10, workload: { kind: 'deployment', name: 'web' } });
  });

  it.each([
    ['cluster', 'prod cluster'],
    ['namespace', 'Shop'],
    ['workload', 'job/migrate'],
    ['image', 'Registry/App:1'],
    ['containers', 'app,Proxy'],
    ['rollback', 'yes'],
    ['timeout-minutes', '0'],
  ])('refuses %s=%j, naming the input', (input, value) => {
    expect(inputErrorOf(deployEksStage, { ...valid, [input]: value }).input).toBe(input);
  });
});

describe('change cause and provenance', () => {
  const runtime = { run: { repository: 'acme/shop', sha: '0123456789abcdef0123', runId: '42', serverUrl: 'https://github.com' } } as Runtime;
  const plan = { ref: { kind: 'deployment' as const, name: 'web', namespace: 'shop' }, image: 'reg/web@sha256:1', containers: [], rollback: true, timeoutMs: 1 };

  it('records the image, the source commit and the run', () => {
    expect(annotationsFor(['app'], plan, runtime)).toEqual({
      [CHANGE_CAUSE]: 'gantry deploy-eks: app=reg/web@sha256:1 from acme/shop@0123456789ab (run 42)',
      [PROVENANCE.repository]: 'https://github.com/acme/shop',
      [PROVENANCE.revision]: '0123456789abcdef0123',
      [PROVENANCE.run]: 'https://github.com/acme/shop/actions/runs/42',
    });
  });

  it('takes a given change cause as it is and leaves out what the runner does not know', () => {
    expect(annotationsFor(['app'], { ...plan, changeCause: 'hotfix 7' }, { run: {} } as Runtime)).toEqual({ [CHANGE_CAUSE]: 'hotfix 7' });
  });
});

describe('explaining a failed rollout', () => {
  it('turns a selector into the labelSelector query', () => {
    expect(
      labelSelector({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }, { key: 'canary', operator: 'DoesNotExist' }] }),
    ).toBe('app=web,tier in (a,b),!canary');
  });

  it('says why a pod is not ready', () => {
    const pod: V1Pod = {
      metadata: { name: 'web-7d-x' },
      status: {
        phase: 'Pending',
        conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: "0/2 nodes are available: 2 node(s) didn't match Pod's node affinity/selector." }],
        containerStatuses: [{ name: 'app', image: 'a', imageID: '', ready: false, restartCount: 2, state: { waiting: { reason: 'CrashLoopBackOff' } } }],
      },
    };
    expect(describePod(pod)).toBe(
      "pod web-7d-x: Pending; PodScheduled=False Unschedulable: 0/2 nodes are available: 2 node(s) didn't match Pod's node affinity/selector.; container app waiting: CrashLoopBackOff; container app restarted 2x",
    );
  });
});

describe('Kubernetes API errors', () => {
  it('reads the Status body of an ApiException and keeps retrying only for 429, 5xx and network failures', () => {
    const forbidden = { code: 403, body: JSON.stringify({ kind: 'Status', reason: 'Forbidden', message: 'deployments.apps "web" is forbidden' }) };
    expect(classifyKubeError(forbidden)).toEqual({ status: 403, reason: 'Forbidden', message: 'deployments.apps "web" is forbidden', retryable: false });
    expect(classifyKubeError({ code: 503, body: '' }).retryable).toBe(true);
    expect(classifyKubeError({ code: 429, body: undefined }).retryable).toBe(true);
    expect(classifyKubeError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })).retryable).toBe(true);
    expect(classifyKubeError(new Error('boom')).retryable).toBe(false);
  });

  it('names the action, the status and the remedy, and keeps the status findable behind the wrapper', () => {
    const failure = kubeFailure('patching deployment/web', { code: 401, body: undefined });
    expect(failure.message).toBe('patching deployment/web: 401 Unauthorized');
    expect(failure.remedy).toMatch(/access entry or the aws-auth ConfigMap/);
    expect(kubeStatusOf(failure)).toBe(401);
    expect(kubeStatusOf(new Error('plain'))).toBeUndefined();
  });
});

describe('KubeSession.call: the fault shapes a healthy API server does not produce on demand', () => {
  const cluster = { name: 'prod', endpoint: 'https://127.0.0.1:1', caData: Buffer.from('not used').toString('base64') };

  function session() {
    const log = { warnings: [] as string[], secrets: [] as string[], slept: [] as number[], tokens: 0 };
    const runtime = { warning: (m: string) => log.warnings.push(m), setSecret: (s: string) => log.secrets.push(s) } as unknown as Runtime;
    const clock = { now: () => 0, sleep: async (ms: number) => void log.slept.push(ms) };
    const tokens = async () => ({ token: `k8s-aws-v1.token-${++log.tokens}`, refreshAfter: new Date(Date.now() + 60_000) });
    return { log, session: new KubeSession(cluster, tokens, runtime, clock, { attempts: 3, baseMs: 100, maxMs: 1_000 }) };
  }

  it('retries throttling and 5xx with backoff, then gives up naming the last status', async () => {
    const { log, session: s } = session();
    let calls = 0;
    await expect(s.call('reading deployment/web', async () => ((calls++, Promise.reject({ code: 503, body: '' }))))).rejects.toThrow(
      'reading deployment/web: 503 Service Unavailable',
    );
    expect(calls).toBe(3);
    expect(log.slept).toHaveLength(2);
    expect(log.warnings[0]).toMatch(/^reading deployment\/web: 503 Service Unavailable, retrying in \d+ ms$/);

    let throttled = 0;
    expect(await s.call('listing pods', async () => (++throttled < 2 ? Promise.reject({ code: 429, body: '' }) : 'ok'))).toBe('ok');
  });

  it('waits as long as a 429 or 503 asks with Retry-After (seconds or a date), up to the cap', async () => {
    const { log, session: s } = session();
    let calls = 0;
    const answer = await s.call('listing pods', async () =>
      ++calls === 1 ? Promise.reject({ code: 429, body: '', headers: { 'retry-after': '5' } }) : calls === 2 ? Promise.reject({ code: 503, body: '', headers: { 'retry-after': new Date(Date.now() + 3_000).toUTCString() } }) : 'ok',
    );
    expect(answer).toBe('ok');
    expect(log.slept[0]).toBe(5_000);
    expect(log.slept[1]).toBeGreaterThan(1_000);
    expect(log.slept[1]).toBeLessThanOrEqual(3_000);
    expect(log.warnings[0]).toMatch(/429 Too Many Requests, retrying in 5000 ms as Retry-After asked$/);
  });

  it('counts a call without an answer within the request bound as a network failure, and asks again', async () => {
    const { log, session: s } = session();
    configureNetwork({ GANTRY_REQUEST_TIMEOUT_SECONDS: '0.05' });
    try {
      let calls = 0;
      const never = new Promise<string>(() => undefined);
      expect(await s.call('reading deployment/web', async () => (++calls === 1 ? never : 'read'))).toBe('read');
      expect(log.warnings[0]).toMatch(/^reading deployment\/web: ETIMEDOUT, retrying in \d+ ms$/);
      await expect(s.call('reading deployment/web', () => never)).rejects.toThrow('reading deployment/web: ETIMEDOUT: no answer within 0.05 s');
    } finally {
      configureNetwork({});
    }
  });

  it('presigns a fresh token once after a 401, masks every token, and stops at once on 403', async () => {
    const { log, session: s } = session();
    let calls = 0;
    expect(await s.call('patching deployment/web', async () => (++calls === 1 ? Promise.reject({ code: 401 }) : 'patched'))).toBe('patched');
    expect(log.tokens).toBe(2);
    expect(log.secrets).toEqual(['k8s-aws-v1.token-1', 'k8s-aws-v1.token-2']);

    let forbidden = 0;
    await expect(s.call('patching deployment/web', async () => ((forbidden++, Promise.reject({ code: 403, body: { reason: 'Forbidden', message: 'no' } }))))).rejects.toThrow(
      'patching deployment/web: 403 Forbidden: no',
    );
    expect(forbidden).toBe(1);
  });
});
