import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localStackConfig } from '../../src/local/config.js';
import { checkKube, kubeRequest, kubeSettings } from '../../src/local/kube.js';
import { createTestService, describe as describeService, DIGEST, emulatorEcs } from '../fixtures/ecs/emulator.js';
import { deployRoleSession, runCli, type Run } from './support.js';

/**
 * deploy-ecs and deploy-eks with verify inputs, against the loopback stack: a rollout that completes but whose
 * service answers wrong (a loopback server standing in for it) is rolled back in the same step, so the previous
 * version is what runs when the stage fails.
 */
let service: Server;
let base: string;

beforeAll(async () => {
  service = createServer((req, res) => {
    const path = new URL(req.url!, 'http://x').pathname;
    if (path === '/healthy') res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok","version":"2"}');
    else if (path === '/broken') res.writeHead(500, { 'content-type': 'text/plain' }).end('database connection refused');
    else res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok","version":"1"}');
  });
  await new Promise<void>((resolve) => service.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(service.address() as { port: number }).port}`;
});

afterAll(() => new Promise<void>((resolve) => service.close(() => resolve())));

function outputs(run: Run): Record<string, string> {
  return Object.fromEntries(run.stdout.trim().split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
}

const args = (inputs: Record<string, string>) => Object.entries(inputs).flatMap(([name, value]) => [`--${name}`, value]);

describe.concurrent('deploy-ecs with verify against the emulator', () => {
  const ecs = emulatorEcs();
  const IMAGE = `127.0.0.1:5000/gantry/app@${DIGEST}`;
  const deploy = (t: { cluster: string; service: string }, verify: Record<string, string>) =>
    runCli(['run', 'deploy-ecs', ...args({ 'aws-region': 'us-east-1', cluster: t.cluster, service: t.service, image: IMAGE, 'poll-seconds': '0.25', ...verify })]);

  it('keeps a rollout whose service passes verify', async () => {
    const t = await createTestService(ecs, 'verified');
    const run = await deploy(t, { 'verify-url': `${base}/healthy`, 'verify-json-equals': 'status=ok' });
    expect(run.code, run.stderr).toBe(0);
    expect(outputs(run)['rollout-state']).toBe('COMPLETED');
    expect(run.stderr).toMatch(/http:\/\/127\.0\.0\.1:\d+\/healthy: passed \(status 200\) on attempt 1/);
    expect((await describeService(ecs, t)).taskDefinition).toBe(outputs(run)['task-definition-arn']);
  });

  it('rolls a completed rollout that fails verify back to the previous revision, and fails naming the check', async () => {
    const t = await createTestService(ecs, 'verifyfail');
    const run = await deploy(t, { 'verify-url': `${base}/broken`, 'verify-deadline-seconds': '1', 'verify-interval-seconds': '0.25' });
    expect(run.code).toBe(1);

    const out = outputs(run);
    expect(out['rollout-state']).toBe('VERIFY_FAILED');
    expect(out['previous-task-definition-arn']).toBe(t.taskDefinitionArn);
    expect(out['task-definition-arn']).toMatch(new RegExp(`task-definition/${t.family}:2$`));
    expect(run.stderr).toMatch(/Deployment ecs-svc\/\d+ COMPLETED but failed verification: smoke check http:\/\/127\.0\.0\.1:\d+\/broken failed after \d+ attempts/);
    expect(run.stderr).toContain('got status 500; body "database connection refused"');
    expect(run.stderr).toMatch(new RegExp(`Rolled back to ${t.family}:1 \\(deployment ecs-svc/\\d+\\): rollback COMPLETED`));

    // The service runs the previous revision again, its one deployment completed.
    const after = await describeService(ecs, t);
    expect(after.taskDefinition).toBe(t.taskDefinitionArn);
    expect(after.deployments?.map((d) => [d.taskDefinition, d.rolloutState])).toEqual([[t.taskDefinitionArn, 'COMPLETED']]);
  });
});

describe('deploy-eks with verify against the local control plane', () => {
  const config = localStackConfig();
  const settings = kubeSettings(config);
  const namespace = `eks-verify-${process.pid}`;
  const OLD = '127.0.0.1:5000/gantry/web:sha-1111111';
  const NEW = `127.0.0.1:5000/gantry/web@sha256:${'7a'.repeat(32)}`;
  let roleEnv: Record<string, string>;

  const admin = (method: string, path: string, body?: unknown) => kubeRequest(config, method, path, { body, settings });
  const read = async (name: string) => {
    const response = await admin('GET', `/apis/apps/v1/namespaces/${namespace}/deployments/${name}`);
    expect(response.status, response.body).toBe(200);
    return JSON.parse(response.body) as {
      metadata: { annotations?: Record<string, string> };
      spec: { template: { spec: { containers: { image: string }[] } } };
      status?: { replicas?: number; updatedReplicas?: number; availableReplicas?: number };
    };
  };
  async function until<T>(what: string, get: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const value = await get();
      if (done(value)) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  async function createDeployment(name: string) {
    const spec = { replicas: 2, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image: OLD }] } } };
    const created = await admin('POST', `/apis/apps/v1/namespaces/${namespace}/deployments`, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace }, spec });
    expect(created.status, created.body).toBe(201);
    await until(`${name} available`, () => read(name), (d) => d.status?.availableReplicas === 2);
  }
  const deploy = (workload: string, verify: Record<string, string>) =>
    runCli(['run', 'deploy-eks', ...args({ 'aws-region': 'us-east-1', cluster: settings.clusterName, namespace, workload, image: NEW, ...verify })], roleEnv);

  beforeAll(async () => {
    await checkKube(config);
    const created = await admin('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } });
    expect(created.status, created.body).toBe(201);
    roleEnv = await deployRoleSession();
  }, 60_000);

  afterAll(async () => {
    await admin('DELETE', `/api/v1/namespaces/${namespace}`);
  }, 60_000);

  it('restores the previous pod template when the rolled-out pods fail verify, and waits for it', async () => {
    await createDeployment('web');
    const checks = JSON.stringify([{ name: 'api health', url: `${base}/broken`, 'body-contains': 'ok' }]);
    const run = await deploy('web', { 'verify-checks': checks, 'verify-deadline-seconds': '1', 'verify-interval-seconds': '0.25' });
    expect(run.code).toBe(1);
    expect(outputs(run)).toEqual({ 'rollout-status': 'rolled-back' });
    expect(run.stderr).toMatch(/deployment\/web: rolled out: 2 of 2 replicas available/);
    expect(run.stderr).toMatch(/deployment\/web rolled out but failed verification: smoke check api health failed after \d+ attempts/);
    expect(run.stderr).toContain('api health: expected status 200; body contains "ok"; got status 500; body "database connection refused"');
    expect(run.stderr).toContain(`rolled back to app=${OLD} (revision 3)`);

    // The previous image runs, the rollout of it complete: both replicas updated and available.
    const web = await until('the rollback to settle', () => read('web'), (d) => d.status?.replicas === 2);
    expect(web.spec.template.spec.containers.map((c) => c.image)).toEqual([OLD]);
    expect(web.status).toMatchObject({ replicas: 2, updatedReplicas: 2, availableReplicas: 2 });
    expect(web.metadata.annotations?.['kubernetes.io/change-cause']).toBe(`gantry deploy-eks: rolled back from ${NEW} after failed verification`);
  }, 90_000);

  it('keeps a rollout whose pods pass verify', async () => {
    await createDeployment('api');
    const run = await deploy('api', { 'verify-url': `${base}/healthy`, 'verify-json-equals': 'version=2' });
    expect(run.code, run.stderr).toBe(0);
    expect(outputs(run)).toMatchObject({ 'rollout-status': 'complete', revision: '2' });
    expect((await read('api')).spec.template.spec.containers.map((c) => c.image)).toEqual([NEW]);
  }, 90_000);
});
