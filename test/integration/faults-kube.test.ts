import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { localStackConfig } from '../../src/local/config.js';
import { checkKube, kubeEndpointOf, kubeRequest, kubeSettings } from '../../src/local/kube.js';
import { fault, startFaultProxy, type Fault, type FaultMatch, type FaultProxy } from './fault-proxy.js';
import { SHORT_TIMEOUT_SECONDS } from './faults-support.js';
import { deployRoleSession, runCli, stackEnv } from './support.js';

// deploy-eks with the stack's real Kubernetes API server behind the fault proxy (TLS terminated with the API
// server's own certificate, so the CA that DescribeCluster reports still vouches for it). DescribeCluster goes
// through a second proxy in front of the emulator that reports the first proxy as the cluster's endpoint. After
// every run the Deployment is on a complete revision: the new image when the stage succeeded.
const config = localStackConfig();
const settings = kubeSettings(config);
const namespace = `eks-faults-${process.pid}`;
const OLD = '127.0.0.1:5000/gantry/web:sha-1111111';
const NEW = `127.0.0.1:5000/gantry/web@sha256:${'fa'.repeat(32)}`;
let roleEnv: Record<string, string>;
let counter = 0;

const admin = (method: string, path: string, body?: unknown, contentType?: string) => kubeRequest(config, method, path, { body, settings, contentType });
const deploymentPath = (name: string) => `/apis/apps/v1/namespaces/${namespace}/deployments/${name}`;

interface Deployment {
  metadata: { generation: number };
  spec: { template: { spec: { containers: { image: string }[] } } };
  status?: { observedGeneration?: number; replicas?: number; updatedReplicas?: number; availableReplicas?: number };
}
const read = async (name: string) => JSON.parse((await admin('GET', deploymentPath(name))).body) as Deployment;

beforeAll(async () => {
  await checkKube(config);
  expect((await admin('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } })).status).toBe(201);
  roleEnv = await deployRoleSession();
}, 60_000);
afterAll(async () => {
  await admin('DELETE', `/api/v1/namespaces/${namespace}`);
});

async function createDeployment(): Promise<string> {
  const name = `web-${counter++}`;
  const spec = {
    replicas: 2,
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image: OLD }] } },
  };
  const created = await admin('POST', `/apis/apps/v1/namespaces/${namespace}/deployments`, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace }, spec });
  expect(created.status, created.body).toBe(201);
  for (let i = 0; i < 240 && ((await read(name)).status?.availableReplicas ?? 0) < 2; i++) await new Promise((resolve) => setTimeout(resolve, 250));
  return name;
}

async function deployThrough(name: string, match: (proxy: () => FaultProxy) => FaultMatch, faults: readonly Fault[]) {
  const pki = join(settings.dir, 'pki');
  const kube: FaultProxy = await startFaultProxy({
    upstream: kubeEndpointOf(config, settings),
    tls: { key: await readFile(join(pki, 'kube-apiserver.key')), cert: await readFile(join(pki, 'kube-apiserver.crt')) },
    upstreamCa: await readFile(join(pki, 'ca.crt')),
  });
  kube.inject(match(() => kube), ...faults);
  const eks = await startFaultProxy({
    upstream: stackEnv().AWS_ENDPOINT_URL!,
    rewriteAnswer: (request, body) => (/\/clusters\/[\w-]+$/.test(request.path) ? Buffer.from(body.toString().replace(/"endpoint":\s*"[^"]+"/, `"endpoint": "${kube.url}"`)) : undefined),
  });
  try {
    const run = await runCli(['run', 'deploy-eks', '--aws-region', 'us-east-1', '--cluster', settings.clusterName, '--namespace', namespace, '--workload', `deployment/${name}`, '--image', NEW], {
      ...roleEnv,
      AWS_ENDPOINT_URL_EKS: eks.url,
      GANTRY_REPOSITORY: 'acme/shop',
      GANTRY_SHA: '0123456789abcdef0123456789abcdef01234567',
      GANTRY_REQUEST_TIMEOUT_SECONDS: SHORT_TIMEOUT_SECONDS,
    });
    return { run, kube };
  } finally {
    await kube.stop();
    await eks.stop();
  }
}

const read1 = (name: string): FaultMatch => ({ method: 'GET', path: new RegExp(`/deployments/${name}$`) });

describe.concurrent('deploy-eks under Kubernetes API faults', () => {
  test.for([
    ['a 503 burst on reading the workload', (name: string) => () => read1(name), [fault.status(503), fault.status(503)], /503 Service Unavailable, retrying/],
    ['a 429 with Retry-After', (name: string) => () => read1(name), [fault.status(429, '1')], /429 Too Many Requests, retrying in \d+ ms as Retry-After asked/],
    ['a read that breaks off', (name: string) => () => read1(name), [fault.truncate], /retrying in/],
    ['a read that stalls past the request bound', (name: string) => () => read1(name), [fault.stall], /ETIMEDOUT, retrying in/],
    ['a patch whose answer is lost after it was applied', (name: string) => () => ({ method: 'PATCH', path: new RegExp(`/deployments/${name}$`) }), [fault.reset], /patching deployment\/web-\d+ .*retrying in/],
    ['a watch reset mid-stream', () => () => ({ method: 'GET', path: /[?&]watch=(true|1)/ }), [fault.reset], /rolled out: 2 of 2 replicas available/],
  ] as const)('%s: the Deployment ends on the new, complete revision', async ([, matcher, faults, logged], { expect }) => {
    const name = await createDeployment();
    const { run, kube } = await deployThrough(name, matcher(name), faults);
    expect(run.code, run.stderr).toBe(0);
    expect(kube.pending()).toBe(0);
    expect(run.stderr).toMatch(logged);
    const after = await read(name);
    expect(after.spec.template.spec.containers.map((c) => c.image)).toEqual([NEW]);
    expect(after.status?.observedGeneration).toBe(after.metadata.generation);
    expect([after.status?.updatedReplicas, after.status?.availableReplicas, after.status?.replicas]).toEqual([2, 2, 2]);
  });
});
