import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localStackConfig } from '../../src/local/config.js';
import { checkKube, kubeRequest, kubeSettings } from '../../src/local/kube.js';
import { deployRoleSession, readCommandFile, runCli, runNode, stackEnv, type Run } from './support.js';

/**
 * deploy-eks against the loopback stack's real control plane (etcd, kube-apiserver, controller-manager, scheduler,
 * kwok nodes): DescribeCluster from the emulator, an EKS token checked by the API server's webhook against the
 * emulator's STS, and Deployments that really progress, stall and roll back. Each run works in its own namespace.
 */
const config = localStackConfig();
const settings = kubeSettings(config);
const namespace = `eks-it-${process.pid}`;
const cluster = settings.clusterName;
const OLD = '127.0.0.1:5000/gantry/web:sha-1111111';
const NEW = `127.0.0.1:5000/gantry/web@sha256:${'5e'.repeat(32)}`;
/** Node labels of this run only (one per workload), so that taking one away stalls only that workload's rollouts. */
const poolLabels = new Set<string>();

/** The deploy role's credentials, as a pipeline gets them: `gantry run auth`, then its exports. */
let roleEnv: Record<string, string>;

beforeAll(async () => {
  await checkKube(config).catch((error: Error) => {
    throw new Error(`the stack's Kubernetes control plane does not answer (${error.message}): run scripts/build-kube-local.sh, then gantry local up`);
  });
  const created = await admin('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } });
  expect(created.status, created.body).toBe(201);
  roleEnv = await deployRoleSession();
}, 60_000);

afterAll(async () => {
  for (const label of poolLabels) await setNodeLabel(label, null);
  await admin('DELETE', `/api/v1/namespaces/${namespace}`);
}, 60_000);

function admin(method: string, path: string, body?: unknown, contentType?: string) {
  return kubeRequest(config, method, path, { body, settings, contentType });
}

const deploymentPath = (name: string, kind = 'deployments') => `/apis/apps/v1/namespaces/${namespace}/${kind}/${name}`;

interface Condition {
  type: string;
  status: string;
  reason?: string;
  lastUpdateTime?: string;
}
interface WorkloadState {
  metadata: { generation: number; annotations?: Record<string, string> };
  spec: { template: { spec: { containers: { name: string; image: string }[] } } };
  status?: { availableReplicas?: number; updatedReplicas?: number; replicas?: number; readyReplicas?: number; numberAvailable?: number; conditions?: Condition[] };
}

async function read(name: string, kind = 'deployments'): Promise<WorkloadState> {
  const response = await admin('GET', deploymentPath(name, kind));
  expect(response.status, response.body).toBe(200);
  return JSON.parse(response.body) as WorkloadState;
}

const imagesOf = (w: WorkloadState) => w.spec.template.spec.containers.map((c) => c.image);

async function until<T>(what: string, get: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await get();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Creates a Deployment (or another kind) running OLD and waits until it is fully available. */
async function createWorkload(name: string, options: { kind?: 'Deployment' | 'StatefulSet' | 'DaemonSet'; spec?: Record<string, unknown>; podSpec?: Record<string, unknown> } = {}) {
  const kind = options.kind ?? 'Deployment';
  const resource = `${kind.toLowerCase()}s`;
  const spec: Record<string, unknown> = {
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image: OLD }], ...options.podSpec } },
    ...options.spec,
  };
  if (kind !== 'DaemonSet') spec.replicas = 2;
  if (kind === 'StatefulSet') spec.serviceName = name;
  const created = await admin('POST', `/apis/apps/v1/namespaces/${namespace}/${resource}`, { apiVersion: 'apps/v1', kind, metadata: { name, namespace }, spec });
  expect(created.status, created.body).toBe(201);
  await until(`${kind} ${name} available`, () => read(name, resource), (w) => (w.status?.availableReplicas ?? w.status?.numberAvailable ?? 0) === 2);
}

async function setNodeLabel(label: string, value: string | null) {
  for (const node of ['kwok-node-0', 'kwok-node-1']) {
    const patched = await admin('PATCH', `/api/v1/nodes/${node}`, { metadata: { labels: { [label]: value } } }, 'application/merge-patch+json');
    expect(patched.status, patched.body).toBe(200);
  }
}

/**
 * A Deployment whose pods may only run in a node pool that then goes away: its running pods stay where they are,
 * any new pod fits no node. What a drained or deleted node group does to a real rollout.
 */
async function stalledDeployment(name: string, progressDeadlineSeconds: number) {
  const label = `gantry.dev/pool-${process.pid}-${name}`;
  poolLabels.add(label);
  await setNodeLabel(label, 'blue');
  await createWorkload(name, { spec: { progressDeadlineSeconds }, podSpec: { nodeSelector: { [label]: 'blue' } } });
  await setNodeLabel(label, null);
  // Event times have whole seconds: the rollout that follows starts in a later second than the workload's creation,
  // as it would in a pipeline, so that the creation's events are told apart from the rollout's.
  await new Promise((resolve) => setTimeout(resolve, 1_050 - (Date.now() % 1_000)));
}

function deployArgs(workload: string, overrides: Record<string, string> = {}) {
  const inputs = { 'aws-region': 'us-east-1', cluster, namespace, workload, image: NEW, ...overrides };
  return ['run', 'deploy-eks', ...Object.entries(inputs).flatMap(([name, value]) => [`--${name}`, value])];
}

/** The CLI as a pipeline step runs it after `gantry run auth`: the role's session credentials, nothing else. */
const deploy = (workload: string, overrides: Record<string, string> = {}) =>
  runCli(deployArgs(workload, overrides), {
    ...roleEnv,
    GANTRY_REPOSITORY: 'acme/shop',
    GANTRY_SHA: '0123456789abcdef0123456789abcdef01234567',
    GANTRY_RUN_ID: '99',
  });

function outputs(run: Run): Record<string, string> {
  return Object.fromEntries(run.stdout.trim().split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
}

/** No EKS token, and none of the credentials behind it, in anything the step printed. */
function expectNoSecrets(run: Run) {
  const printed = run.stdout + run.stderr;
  expect(printed).not.toMatch(/k8s-aws-v1\.[A-Za-z0-9_-]{8}/);
  for (const name of ['AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'] as const) expect(printed).not.toContain(roleEnv[name]);
}

describe.concurrent('gantry run deploy-eks against the local control plane', () => {
  it('sets the image and follows the rollout to the end', async () => {
    await createWorkload('web');
    const run = await deploy('web');
    expect(run.code, run.stderr).toBe(0);
    expectNoSecrets(run);

    const out = outputs(run);
    expect(out).toEqual({ 'previous-images': `app=${OLD}`, 'previous-revision': '1', revision: '2', 'rollout-status': 'complete' });
    const web = await read('web');
    expect(imagesOf(web)).toEqual([NEW]);
    expect(web.status).toMatchObject({ replicas: 2, updatedReplicas: 2, availableReplicas: 2 });
    expect(web.metadata.annotations).toMatchObject({
      'kubernetes.io/change-cause': `gantry deploy-eks: app=${NEW} from acme/shop@0123456789ab (run 99)`,
      'gantry.dev/source-revision': '0123456789abcdef0123456789abcdef01234567',
    });
    // The controller marks the rollout complete when the new ReplicaSet is fully available; how soon the stage sees
    // that over its watch is measured by bench/anchors.mjs (its EKS table).
    const completed = web.status!.conditions!.find((c) => c.type === 'Progressing')!;
    expect(completed.reason).toBe('NewReplicaSetAvailable');
    // Progress lines, each state once.
    expect(run.stderr).toContain(`deployment/web: app ${OLD} → ${NEW} (generation 2)`);
    expect(run.stderr).toMatch(/deployment\/web: rolled out: 2 of 2 replicas available \[\d+s\]/);
    expect(run.stderr.match(/rolled out: 2 of 2/g)).toHaveLength(1);
  });

  it('does nothing to a workload that already runs the image, and says so', async () => {
    await createWorkload('same');
    const first = await deploy('same');
    expect(first.code, first.stderr).toBe(0);
    const generation = (await read('same')).metadata.generation;
    const again = await deploy('same');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain(`deployment/same already runs ${NEW}: nothing to patch`);
    expect((await read('same')).metadata.generation).toBe(generation);
    expect(outputs(again).revision).toBe(outputs(first).revision);
  });

  it('rolls back a rollout whose pods fit no node once the progress deadline passes, and fails with the reason', async () => {
    await stalledDeployment('stuck', 8);
    const run = await deploy('deployment/stuck');
    expect(run.code).toBe(1);
    expectNoSecrets(run);

    expect(run.stderr).toMatch(/deployment\/stuck exceeded its progress deadline \(8s\): ReplicaSet "stuck-\w+" has timed out progressing/);
    expect(run.stderr).toMatch(/pod stuck-\w+-\w+: Pending; PodScheduled=False Unschedulable: 0\/2 nodes are available: 2 node\(s\) didn't match Pod's node affinity\/selector/);
    expect(run.stderr).toMatch(/Events since the rollout began:\n(  .*\n)*  Warning FailedScheduling pod\/stuck-/);
    // Only what happened since the patch: not the Deployment's first scale-up, an earlier second's event.
    expect(run.stderr).not.toMatch(/Scaled up replica set stuck-\w+ from 0 to 2/);
    expect(run.stderr).toContain(`rolled back to app=${OLD} (revision 3)`);
    // The previous version is what runs: its template, both replicas available, the stalled pod gone.
    const stuck = await until('the rollback to settle', () => read('stuck'), (w) => w.status?.replicas === 2);
    expect(imagesOf(stuck)).toEqual([OLD]);
    expect(stuck.status).toMatchObject({ replicas: 2, updatedReplicas: 2, availableReplicas: 2 });
    expect(stuck.metadata.annotations?.['kubernetes.io/change-cause']).toBe(`gantry deploy-eks: rolled back from ${NEW} after a failed rollout`);
  }, 90_000);

  it('with rollback off, fails and leaves the stalled rollout as it is', async () => {
    await stalledDeployment('kept', 5);
    const run = await deploy('kept', { rollback: 'false' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/deployment\/kept exceeded its progress deadline \(5s\).*; rollback is off, so it is left as it is/);
    expect(run.stderr).toContain(`Remedy: roll back with: kubectl -n ${namespace} rollout undo deployment/kept`);
    expect(imagesOf(await read('kept'))).toEqual([NEW]);
  }, 90_000);

  it('rolls back when the rollout does not finish within timeout-minutes', async () => {
    // No progress deadline to speak of: only the stage's own bound ends the wait.
    await stalledDeployment('slow', 600);
    const run = await deploy('slow', { 'timeout-minutes': '0.1' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/deployment\/slow did not finish rolling out within 6s \(1 of 2 new replicas updated, 2 available\)/);
    expect(run.stderr).toContain(`rolled back to app=${OLD}`);
    expect(imagesOf(await read('slow'))).toEqual([OLD]);
  }, 90_000);

  it('follows StatefulSets and DaemonSets too', async () => {
    await Promise.all([createWorkload('db', { kind: 'StatefulSet' }), createWorkload('agent', { kind: 'DaemonSet' })]);
    const [sts, ds] = await Promise.all([deploy('sts/db'), deploy('daemonset/agent')]);
    expect(sts.code, sts.stderr).toBe(0);
    expect(ds.code, ds.stderr).toBe(0);
    expect(sts.stderr).toMatch(/statefulset\/db: rolled out: 2 pods ready at revision db-\w+/);
    expect(outputs(sts).revision).toMatch(/^db-\w+$/);
    expect(outputs(sts).revision).not.toBe(outputs(sts)['previous-revision']);
    expect(ds.stderr).toContain('daemonset/agent: rolled out: 2 of 2 pods available');
    expect(imagesOf(await read('db', 'statefulsets'))).toEqual([NEW]);
    expect(imagesOf(await read('agent', 'daemonsets'))).toEqual([NEW]);
  }, 90_000);

  it('refuses an unknown cluster, namespace, workload or container before anything is patched', async () => {
    await createWorkload('guarded');
    const generation = (await read('guarded')).metadata.generation;
    const cases: [Record<string, string>, RegExp][] = [
      [{ cluster: 'no-such-cluster' }, /EKS cluster 'no-such-cluster' does not exist in us-east-1/],
      [{ namespace: 'no-such-namespace' }, /input 'namespace': namespace 'no-such-namespace' does not exist in cluster gantry-local/],
      [{ workload: 'deployment/no-such-app' }, new RegExp(`input 'workload': deployment/no-such-app does not exist in namespace ${namespace}`)],
      [{ containers: 'sidecar' }, /input 'containers': deployment\/guarded has no container 'sidecar' \(it has app\)/],
      [{ image: 'Not An Image' }, /input 'image': must be an image reference/],
    ];
    for (const [overrides, message] of cases) {
      const run = await deploy('guarded', overrides);
      expect(run.code, JSON.stringify(overrides)).toBe(1);
      expect(run.stderr).toMatch(message);
    }
    expect((await read('guarded')).metadata.generation).toBe(generation);
  });

  it('is refused by the API server when the caller is not mapped to a Kubernetes user', async () => {
    await createWorkload('mapped-only');
    // The emulator's root credentials: a valid STS identity, but not one the cluster maps (as with a missing access entry).
    const run = await runCli(deployArgs('mapped-only'), { AWS_ROLE_ARN: '', AWS_WEB_IDENTITY_TOKEN_FILE: '' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/reading namespace .*: 401 Unauthorized/);
    expect(run.stderr).toMatch(/Remedy: the API server did not accept the EKS token: map the IAM role/);
    expect(imagesOf(await read('mapped-only'))).toEqual([OLD]);
  });
});

describe('actions/deploy-eks (bundled)', () => {
  it('rolls out with INPUT_* inputs, writes its outputs and masks the token', async () => {
    await createWorkload('action-web');
    const dir = mkdtempSync(join(tmpdir(), 'gantry-eks-action-'));
    const files = { GITHUB_OUTPUT: join(dir, 'output'), GITHUB_STEP_SUMMARY: join(dir, 'summary') };
    for (const file of Object.values(files)) writeFileSync(file, '');
    const inputs = { 'aws-region': 'us-east-1', cluster, namespace, workload: 'action-web', image: NEW, 'timeout-minutes': '2' };
    const env = stackEnv({ ...roleEnv, ...files, AWS_ROLE_ARN: undefined, AWS_WEB_IDENTITY_TOKEN_FILE: undefined });
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
    const run = await runNode('actions/deploy-eks/dist/index.cjs', [], env);
    expect(run.code, run.stdout + run.stderr).toBe(0);

    expect(readCommandFile(files.GITHUB_OUTPUT)).toMatchObject({ 'previous-images': `app=${OLD}`, revision: '2', 'rollout-status': 'complete' });
    expect(imagesOf(await read('action-web'))).toEqual([NEW]);
    // The token is registered with the runner before use, and shown nowhere else.
    const masks = run.stdout.split('\n').filter((line) => line.startsWith('::add-mask::'));
    expect(masks.some((line) => line.startsWith('::add-mask::k8s-aws-v1.'))).toBe(true);
    const visible = (run.stdout + run.stderr).split('\n').filter((line) => !line.startsWith('::add-mask::')).join('\n');
    expect(visible).not.toContain('k8s-aws-v1.');
  });
});
