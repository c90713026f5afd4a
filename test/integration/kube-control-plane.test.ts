import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { localStackConfig, type LocalStackConfig } from '../../src/local/config.js';
import {
  adminKubeconfigOf,
  checkKube,
  DEPLOYER_GROUP,
  kubeEndpointFileOf,
  kubeRequest,
  kubeSettings,
  type KubeLocalSettings,
} from '../../src/local/kube.js';

/**
 * The loopback Kubernetes control plane that `gantry local up` starts: real etcd, kube-apiserver,
 * controller-manager and scheduler, with kwok playing the kubelet. Each run works in a namespace of its own.
 */
const config: LocalStackConfig = localStackConfig();
const settings: KubeLocalSettings = kubeSettings(config);
const namespace = `kube-it-${process.pid}`;

beforeAll(async () => {
  const running = await checkKube(config).catch((error: Error) => {
    throw new Error(`the stack's Kubernetes control plane does not answer (${error.message}): run scripts/build-kube-local.sh, then gantry local up`);
  });
  process.stderr.write(`[kube] ${running}\n`);
  const created = await admin('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } });
  expect(created.status).toBe(201);
}, 60_000);

afterAll(async () => {
  await admin('DELETE', `/api/v1/namespaces/${namespace}`);
}, 60_000);

function admin(method: string, path: string, body?: unknown) {
  return kubeRequest(config, method, path, { body, settings });
}

function withToken(token: string, method: string, path: string, body?: unknown) {
  return kubeRequest(config, method, path, { body, settings, bearerToken: token });
}

async function json<T>(response: Promise<{ status: number; body: string }>): Promise<T> {
  const { status, body } = await response;
  expect(status, body).toBe(200);
  return JSON.parse(body) as T;
}

interface Condition {
  type: string;
  status: string;
  reason?: string;
}
interface DeploymentStatus {
  status?: { availableReplicas?: number; updatedReplicas?: number; conditions?: Condition[] };
}

function deployment(name: string, replicas: number, extra: Record<string, unknown> = {}, podSpec: Record<string, unknown> = {}) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      ...extra,
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'app', image: '127.0.0.1:5000/example/app:sha-1' }], ...podSpec },
      },
    },
  };
}

/** Polls a deployment until `done` holds, for at most `timeoutMs`; returns the last state either way. */
async function waitForDeployment(name: string, done: (d: DeploymentStatus) => boolean, timeoutMs = 90_000): Promise<DeploymentStatus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const current = await json<DeploymentStatus>(admin('GET', `/apis/apps/v1/namespaces/${namespace}/deployments/${name}`));
    if (done(current) || Date.now() > deadline) return current;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

const condition = (d: DeploymentStatus, type: string) => d.status?.conditions?.find((c) => c.type === type);

describe('local Kubernetes control plane', () => {
  it('answers with Kubernetes 1.33 and two Ready kwok nodes, and publishes its endpoint for DescribeCluster', async () => {
    const version = await json<{ gitVersion: string }>(admin('GET', '/version'));
    expect(version.gitVersion).toMatch(/^v1\.33\./);
    const nodes = await json<{ items: { metadata: { name: string }; status: { conditions: Condition[] } }[] }>(admin('GET', '/api/v1/nodes'));
    const ready = nodes.items.filter((n) => n.status.conditions.some((c) => c.type === 'Ready' && c.status === 'True'));
    expect(ready.map((n) => n.metadata.name).sort()).toEqual(['kwok-node-0', 'kwok-node-1']);

    const published = JSON.parse(await readFile(kubeEndpointFileOf(config), 'utf8')) as { endpoint: string; caData: string };
    expect(published.endpoint).toBe(`https://127.0.0.1:${settings.apiPort}`);
    expect(Buffer.from(published.caData, 'base64').toString()).toBe(await readFile(join(settings.dir, 'pki', 'ca.crt'), 'utf8'));
    expect(await readFile(adminKubeconfigOf(config, settings), 'utf8')).toContain(`server: https://127.0.0.1:${settings.apiPort}`);
  });

  it('keeps its nodes Ready with a kubelet-style node Lease, renewed well within the controller grace period', async () => {
    // Node status alone comes every 20-45 s from kwok, too close to the node lifecycle controller's 50 s: the
    // Lease (renewed every 10 s) is what keeps nodes, and the pods on them, from flapping NotReady.
    const leases = await json<{ items: { metadata: { name: string }; spec: { leaseDurationSeconds: number; renewTime: string } }[] }>(
      admin('GET', '/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases'),
    );
    const byNode = new Map(leases.items.map((lease) => [lease.metadata.name, lease.spec]));
    for (const node of ['kwok-node-0', 'kwok-node-1']) {
      const lease = byNode.get(node);
      expect(lease, `lease of ${node}`).toBeDefined();
      expect(lease!.leaseDurationSeconds).toBe(40);
      expect(Date.now() - Date.parse(lease!.renewTime)).toBeLessThan(20_000);
    }
  });

  it('rolls a 2-replica Deployment out to Available: the scheduler binds the pods and kwok marks them Ready', async () => {
    const created = await admin('POST', `/apis/apps/v1/namespaces/${namespace}/deployments`, deployment('web', 2));
    expect(created.status, created.body).toBe(201);
    const final = await waitForDeployment('web', (d) => d.status?.availableReplicas === 2 && condition(d, 'Available')?.status === 'True');
    expect(final.status?.availableReplicas).toBe(2);
    expect(condition(final, 'Available')?.status).toBe('True');

    const pods = await json<{ items: { spec: { nodeName?: string }; status: { phase: string } }[] }>(
      admin('GET', `/api/v1/namespaces/${namespace}/pods?labelSelector=app%3Dweb`),
    );
    expect(pods.items).toHaveLength(2);
    for (const pod of pods.items) {
      expect(pod.spec.nodeName).toMatch(/^kwok-node-[01]$/);
      expect(pod.status.phase).toBe('Running');
    }
  }, 120_000);

  it('leaves a Deployment whose pods fit no node unavailable, and reports ProgressDeadlineExceeded', async () => {
    const stuck = deployment('stuck', 1, { progressDeadlineSeconds: 10 }, { nodeSelector: { 'gantry.dev/pool': 'nowhere' } });
    const created = await admin('POST', `/apis/apps/v1/namespaces/${namespace}/deployments`, stuck);
    expect(created.status, created.body).toBe(201);
    const final = await waitForDeployment('stuck', (d) => condition(d, 'Progressing')?.reason === 'ProgressDeadlineExceeded');
    expect(condition(final, 'Progressing')).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded' });
    expect(condition(final, 'Available')?.status).toBe('False');
    expect(final.status?.availableReplicas ?? 0).toBe(0);
  }, 120_000);
});

describe('EKS token authentication (the project webhook, executing tokens against the emulator STS)', () => {
  const env = () => inject('localEnv');

  /** The deploy role's credentials, as the auth stage gets them: web identity → STS (the emulator). */
  async function deployRoleCredentials(sessionName: string) {
    const sts = new STSClient({ region: env().AWS_REGION!, endpoint: env().AWS_ENDPOINT_URL!, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    const assumed = await sts.send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: env().AWS_ROLE_ARN!,
        RoleSessionName: sessionName,
        WebIdentityToken: (await readFile(env().AWS_WEB_IDENTITY_TOKEN_FILE!, 'utf8')).trim(),
      }),
    );
    const c = assumed.Credentials!;
    return { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! };
  }

  /** `aws eks get-token`: a GetCallerIdentity URL presigned with the cluster name as a signed header. */
  async function eksToken(credentials: Awaited<ReturnType<typeof deployRoleCredentials>>, signingDate = new Date()) {
    const sts = new URL(env().AWS_ENDPOINT_URL!);
    const signer = new SignatureV4({ credentials, region: env().AWS_REGION!, service: 'sts', sha256: Hash.bind(null, 'sha256') });
    const presigned = await signer.presign(
      {
        method: 'GET',
        protocol: sts.protocol,
        hostname: sts.hostname,
        port: Number(sts.port),
        path: '/',
        query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
        headers: { host: sts.host, 'x-k8s-aws-id': settings.clusterName },
      },
      { expiresIn: 60, signingDate },
    );
    const query = new URLSearchParams(presigned.query as Record<string, string>).toString();
    return `k8s-aws-v1.${Buffer.from(`${sts.protocol}//${sts.host}/?${query}`).toString('base64url')}`;
  }

  const selfReview = { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' };

  it('authenticates a presigned token as the mapped user, whom RBAC lets manage Deployments and nothing more', async () => {
    const token = await eksToken(await deployRoleCredentials('kube-it'));
    const review = await withToken(token, 'POST', '/apis/authentication.k8s.io/v1/selfsubjectreviews', selfReview);
    expect(review.status, review.body).toBe(201);
    const user = (JSON.parse(review.body) as { status: { userInfo: { username: string; groups: string[]; extra: Record<string, string[]> } } }).status.userInfo;
    expect(user.username).toBe('aws:123456789012:gantry-deploy');
    expect(user.groups).toContain(DEPLOYER_GROUP);
    expect(user.extra.arn).toEqual(['arn:aws:sts::123456789012:assumed-role/gantry-deploy/kube-it']);

    expect((await withToken(token, 'GET', `/apis/apps/v1/namespaces/${namespace}/deployments`)).status).toBe(200);
    const created = await withToken(token, 'POST', `/apis/apps/v1/namespaces/${namespace}/deployments`, deployment('by-token', 1));
    expect(created.status, created.body).toBe(201);
    const patched = await kubeRequest(config, 'PATCH', `/apis/apps/v1/namespaces/${namespace}/deployments/by-token`, {
      settings,
      bearerToken: token,
      contentType: 'application/strategic-merge-patch+json',
      body: { spec: { template: { spec: { containers: [{ name: 'app', image: '127.0.0.1:5000/example/app:sha-2' }] } } } },
    });
    expect(patched.status, patched.body).toBe(200);
    expect((await withToken(token, 'GET', `/api/v1/namespaces/${namespace}/secrets`)).status).toBe(403);

    // The webhook logs its decision, never the token (a credential) or the signature inside it.
    const logs = (await Promise.all([join(config.dir, 'kube.log'), join(settings.dir, 'logs', 'kube-apiserver.log')].map((f) => readFile(f, 'utf8')))).join('\n');
    expect(logs).toContain('token accepted: arn:aws:sts::123456789012:assumed-role/gantry-deploy/kube-it as aws:123456789012:gantry-deploy');
    const signature = new URL(Buffer.from(token.slice('k8s-aws-v1.'.length), 'base64url').toString()).searchParams.get('X-Amz-Signature')!;
    for (const secret of [token, token.slice(0, 40), signature]) expect(logs).not.toContain(secret);
  });

  it('refuses garbage and expired tokens with 401', async () => {
    const path = '/apis/authentication.k8s.io/v1/selfsubjectreviews';
    expect((await withToken('k8s-aws-v1.bm90LWEtdXJs', 'POST', path, selfReview)).status).toBe(401);
    expect((await withToken('not-an-eks-token', 'POST', path, selfReview)).status).toBe(401);
    const credentials = await deployRoleCredentials('kube-it-expired');
    // Signed ten minutes ago with a 60 s lifetime: the signature is fine, the token is not.
    const expired = await eksToken(credentials, new Date(Date.now() - 10 * 60_000));
    expect((await withToken(expired, 'POST', path, selfReview)).status).toBe(401);
  });
});
