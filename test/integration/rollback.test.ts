import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { localStackConfig } from '../../src/local/config.js';
import { eksToken } from '../../src/kube/eks-token.js';
import { rollBackImages } from '../../src/kube/rollback.js';
import type { KubeApi } from '../../src/kube/api.js';
import { KubeSession } from '../../src/kube/session.js';
import { checkKube, kubeEndpointOf, kubeRequest, kubeSettings } from '../../src/local/kube.js';
import { systemClock } from '../../src/model/schedule.js';
import { CliRuntime } from '../../src/runtime/cli/runtime.js';
import { RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { createTestService, describe as describeService, DIGEST, emulatorEcs, ROLLOUT } from '../fixtures/ecs/emulator.js';
import { deployRoleSession, holdFirstPush, readCommandFile, runCli, runNode, stackEnv, type Run } from './support.js';

/**
 * `gantry run rollback` after a deploy that rolled out but failed verification, against real peers: the emulator's
 * ECS, the local Kubernetes control plane, and bare git repositories on disk. Every test deploys first with the
 * deploy stage itself, then rolls back with that stage's outputs, as a pipeline does.
 */

/** `name=value` lines of the CLI's stdout. */
function outputs(run: Run): Record<string, string> {
  return Object.fromEntries(run.stdout.trim().split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
}

const args = (stage: string, inputs: Record<string, string>) => ['run', stage, ...Object.entries(inputs).flatMap(([name, value]) => [`--${name}`, value])];

/** An action run as the runner starts it: INPUT_* variables and the runner's command files. */
function actionEnv(inputs: Record<string, string>, extra: NodeJS.ProcessEnv = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'gantry-rollback-action-'));
  const files = { GITHUB_OUTPUT: join(dir, 'output'), GITHUB_STEP_SUMMARY: join(dir, 'summary') };
  for (const file of Object.values(files)) writeFileSync(file, '');
  const env = stackEnv({ ...files, ...extra });
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  return { env, files };
}

describe.concurrent('rollback --target ecs against the emulator', () => {
  const ecs = emulatorEcs();
  const REGION = 'us-east-1';
  const deploy = (t: { cluster: string; service: string }, image: string) =>
    runCli(args('deploy-ecs', { 'aws-region': REGION, cluster: t.cluster, service: t.service, image, 'poll-seconds': '0.25' }));
  const rollback = (t: { cluster: string; service: string }, inputs: Record<string, string>) =>
    runCli(args('rollback', { target: 'ecs', 'aws-region': REGION, cluster: t.cluster, service: t.service, 'poll-seconds': '0.25', ...inputs }));

  it('puts the service back on the previous revision with a COMPLETED deployment; re-running is a no-op', async () => {
    const t = await createTestService(ecs, 'rb');
    const deployed = await deploy(t, `127.0.0.1:5000/gantry/app:v2@${DIGEST}`);
    expect(deployed.code, deployed.stderr).toBe(0);
    const out = outputs(deployed);
    expect(out['previous-task-definition-arn']).toBe(t.taskDefinitionArn);

    const run = await rollback(t, { 'task-definition-arn': out['previous-task-definition-arn']!, 'expected-task-definition-arn': out['task-definition-arn']! });
    expect(run.code, run.stderr).toBe(0);
    const rolledBack = outputs(run);
    expect(rolledBack).toMatchObject({ target: 'ecs', 'rolled-back-to': t.taskDefinitionArn, changed: 'true', revision: '', 'revert-commit': '' });

    const service = await describeService(ecs, t);
    expect(service.taskDefinition).toBe(t.taskDefinitionArn);
    expect(service.deployments).toHaveLength(1);
    expect(service.deployments![0]).toMatchObject({ id: rolledBack['deployment-id'], rolloutState: 'COMPLETED', taskDefinition: t.taskDefinitionArn });
    expect(rolledBack['deployment-id']).not.toBe(out['deployment-id']);
    // Followed like deploy-ecs follows its own: progress lines of that deployment, and the service's events.
    expect(run.stderr).toContain(`Rolling back service ${t.service} to ${t.family}:1`);
    expect(run.stderr).toMatch(new RegExp(`deployment ${rolledBack['deployment-id']} \\(${t.family}:1\\): COMPLETED, running 2/2`));
    expect(run.stderr).toContain('has reached a steady state.');

    const again = await rollback(t, { 'task-definition-arn': out['previous-task-definition-arn']!, 'expected-task-definition-arn': out['task-definition-arn']! });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain(`Service ${t.service} already runs ${t.family}:1 (deployment ${rolledBack['deployment-id']} COMPLETED): nothing to do`);
    expect(outputs(again)).toMatchObject({ 'rolled-back-to': t.taskDefinitionArn, changed: 'false', 'deployment-id': rolledBack['deployment-id'] });
    expect((await describeService(ecs, t)).deployments).toEqual(service.deployments);
  });

  it('refuses when someone deployed since the deploy being undone, naming both revisions; force rolls back all the same', async () => {
    const t = await createTestService(ecs, 'rbguard');
    const ours = outputs(await deploy(t, `127.0.0.1:5000/gantry/app:v2@${DIGEST}`));
    const theirs = await deploy(t, `127.0.0.1:5000/gantry/app:v3@sha256:${'3'.repeat(64)}`);
    expect(theirs.code, theirs.stderr).toBe(0);
    const theirArn = outputs(theirs)['task-definition-arn']!;

    const inputs = { 'task-definition-arn': ours['previous-task-definition-arn']!, 'expected-task-definition-arn': ours['task-definition-arn']! };
    const refused = await rollback(t, inputs);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `not rolled back: service ${t.service} now runs ${t.family}:3, not ${t.family}:2 that the deploy being rolled back registered: someone deployed since`,
    );
    expect(refused.stderr).toContain('set force: true');
    const untouched = await describeService(ecs, t);
    expect(untouched.taskDefinition).toBe(theirArn);
    expect(untouched.deployments).toHaveLength(1);

    const forced = await rollback(t, { ...inputs, force: 'true' });
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stderr).toContain('rolling back anyway (force)');
    expect((await describeService(ecs, t)).taskDefinition).toBe(t.taskDefinitionArn);
  });

  it('fails when the rollback does not complete within timeout-minutes, saying so', async () => {
    const t = await createTestService(ecs, 'rbhang');
    // A revision whose tasks never become steady (the emulator's hang label): the bound is all that ends the wait.
    const registered = await ecs.send(
      new RegisterTaskDefinitionCommand({
        family: t.family,
        networkMode: 'bridge',
        requiresCompatibilities: ['EC2'],
        containerDefinitions: t.containers.map((c) => ({ ...c, dockerLabels: { ...c.dockerLabels, [ROLLOUT]: 'hang' } })),
      }),
    );
    const run = await rollback(t, { 'task-definition-arn': registered.taskDefinition!.taskDefinitionArn!, 'timeout-minutes': '0.05' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`the rollback of ${t.service} to ${t.family}:2 \\(deployment ecs-svc/\\d+\\) did not complete within 3s \\(last state IN_PROGRESS`));
  });

  it('refuses a revision that does not exist before touching the service', async () => {
    const t = await createTestService(ecs, 'rbinput');
    const run = await rollback(t, { 'task-definition-arn': `${t.family}:9` });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`input 'task-definition-arn': no task definition ${t.family}:9`);
    const missing = await rollback({ cluster: t.cluster, service: 'no-such-service' }, { 'task-definition-arn': t.taskDefinitionArn });
    expect(missing.stderr).toContain(`input 'service': no active service named no-such-service in cluster ${t.cluster}`);
    expect((await describeService(ecs, t)).deployments).toHaveLength(1);
  });

  it('runs as the bundled action from INPUT_*, with outputs and a job summary', async () => {
    const t = await createTestService(ecs, 'rbaction');
    const out = outputs(await deploy(t, `127.0.0.1:5000/gantry/app@${DIGEST}`));
    const { env, files } = actionEnv({
      target: 'ecs',
      'aws-region': REGION,
      cluster: t.cluster,
      service: t.service,
      'task-definition-arn': out['previous-task-definition-arn']!,
      'expected-task-definition-arn': out['task-definition-arn']!,
      'poll-seconds': '0.25',
    });
    const run = await runNode('actions/rollback/dist/index.cjs', [], env);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const written = readCommandFile(files.GITHUB_OUTPUT);
    expect(written).toMatchObject({ target: 'ecs', 'rolled-back-to': t.taskDefinitionArn, changed: 'true' });
    expect(written['deployment-id']).toMatch(/^ecs-svc\/\d+$/);
    const summary = await readFile(files.GITHUB_STEP_SUMMARY, 'utf8');
    expect(summary).toContain(`### rollback: ECS service ${t.service} — rolled back`);
    expect(summary).toContain(`| ${t.cluster} | ${t.family}:2 | ${t.family}:1 | ${written['deployment-id']} |`);
    expect((await describeService(ecs, t)).taskDefinition).toBe(t.taskDefinitionArn);
  });
});

describe('rollback --target eks against the local control plane', () => {
  const config = localStackConfig();
  const settings = kubeSettings(config);
  const namespace = `rollback-it-${process.pid}`;
  const OLD = '127.0.0.1:5000/gantry/web:sha-1111111';
  const NEW = `127.0.0.1:5000/gantry/web@sha256:${'5e'.repeat(32)}`;
  const OTHER = `127.0.0.1:5000/gantry/web@sha256:${'7a'.repeat(32)}`;
  /** The deploy role's session, as a pipeline has it after `gantry run auth`. */
  let roleEnv: Record<string, string>;

  const admin = (method: string, path: string, body?: unknown) => kubeRequest(config, method, path, { body, settings });
  const path = (name: string) => `/apis/apps/v1/namespaces/${namespace}/deployments/${name}`;
  interface DeploymentState {
    metadata: { generation: number; annotations?: Record<string, string> };
    spec: { template: { spec: { containers: { name: string; image: string }[] } } };
    status?: { replicas?: number; updatedReplicas?: number; availableReplicas?: number; observedGeneration?: number };
  }
  const read = async (name: string) => JSON.parse((await admin('GET', path(name))).body) as DeploymentState;
  const images = (d: DeploymentState) => d.spec.template.spec.containers.map((c) => `${c.name}=${c.image}`);

  async function createDeployment(name: string) {
    const spec = { replicas: 2, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image: OLD }] } } };
    const created = await admin('POST', `/apis/apps/v1/namespaces/${namespace}/deployments`, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name }, spec });
    expect(created.status, created.body).toBe(201);
    for (let i = 0; (await read(name)).status?.availableReplicas !== 2; i++) {
      if (i > 240) throw new Error(`deployment ${name} never became available`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  /** A stage run as a pipeline step runs it after `gantry run auth`: the role's session credentials. */
  const asRole = (stage: string, inputs: Record<string, string>) =>
    runCli(args(stage, { 'aws-region': 'us-east-1', cluster: settings.clusterName, namespace, ...inputs }), roleEnv);
  const deploy = (workload: string, image: string) => asRole('deploy-eks', { workload, image });
  const rollback = (inputs: Record<string, string>) => asRole('rollback', { target: 'eks', ...inputs });

  beforeAll(async () => {
    await checkKube(config);
    const created = await admin('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } });
    expect(created.status, created.body).toBe(201);
    roleEnv = await deployRoleSession();
  }, 60_000);

  afterAll(async () => {
    await admin('DELETE', `/api/v1/namespaces/${namespace}`);
  });

  it('sets the previous image back and follows the rollout to complete; re-running is a no-op', async () => {
    await createDeployment('web');
    const deployed = await deploy('web', NEW);
    expect(deployed.code, deployed.stderr).toBe(0);
    const previous = outputs(deployed)['previous-images']!;
    expect(previous).toBe(`app=${OLD}`);

    const run = await rollback({ workload: 'deployment/web', 'previous-images': previous, image: NEW });
    expect(run.code, run.stderr).toBe(0);
    expect(outputs(run)).toMatchObject({ target: 'eks', 'rolled-back-to': `app=${OLD}`, changed: 'true', revision: '3', 'deployment-id': '', 'revert-commit': '' });
    const web = await read('web');
    expect(images(web)).toEqual([`app=${OLD}`]);
    expect(web.status).toMatchObject({ replicas: 2, updatedReplicas: 2, availableReplicas: 2, observedGeneration: web.metadata.generation });
    expect(web.metadata.annotations?.['kubernetes.io/change-cause']).toBe(`gantry rollback: app=${OLD} (undoing ${NEW})`);
    expect(run.stderr).toContain(`deployment/web rolled back: app ${NEW} → ${OLD}`);
    expect(run.stderr).toMatch(/deployment\/web: rolled out: 2 of 2 replicas available \[\d+s\]/);
    expect(run.stderr).not.toMatch(/k8s-aws-v1\.[A-Za-z0-9_-]{8}/);

    const again = await rollback({ workload: 'deployment/web', 'previous-images': previous, image: NEW });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain(`deployment/web already runs app=${OLD}: nothing to patch`);
    expect(outputs(again)).toMatchObject({ changed: 'false', revision: '3' });
    expect((await read('web')).metadata.generation).toBe(web.metadata.generation);
  }, 90_000);

  it('refuses when another deploy happened since, and leaves that image in place', async () => {
    await createDeployment('raced');
    const ours = await deploy('raced', NEW);
    expect(ours.code, ours.stderr).toBe(0);
    const theirs = await deploy('raced', OTHER);
    expect(theirs.code, theirs.stderr).toBe(0);
    const generation = (await read('raced')).metadata.generation;

    const run = await rollback({ workload: 'raced', 'previous-images': outputs(ours)['previous-images']!, image: NEW });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`not rolled back: deployment/raced now runs app=${OTHER}, not the image this rollback undoes (${NEW}); another deploy happened`);
    const raced = await read('raced');
    expect(images(raced)).toEqual([`app=${OTHER}`]);
    expect(raced.metadata.generation).toBe(generation);
  }, 90_000);

  it('lets a deploy that lands between its read and its patch stand: the patch tests the image first', async () => {
    await createDeployment('between');
    const ours = await deploy('between', NEW);
    expect(ours.code, ours.stderr).toBe(0);
    // The race made deterministic: another deploy patches the Deployment right before the rollback's own patch.
    const session = await sessionWithDeployBeforePatch(async () => {
      const patched = await kubeRequest(config, 'PATCH', path('between'), {
        body: { spec: { template: { spec: { containers: [{ name: 'app', image: OTHER }] } } } },
        contentType: 'application/strategic-merge-patch+json',
        settings,
      });
      expect(patched.status, patched.body).toBe(200);
    });
    const lines: string[] = [];
    const runtime = new CliRuntime({ env: { PATH: process.env.PATH }, write: (line) => lines.push(line) });
    const plan = { ref: { kind: 'deployment' as const, name: 'between', namespace }, previousImages: new Map([['app', OLD]]), deployedImage: NEW, timeoutMs: 60_000 };
    const failure = await rollBackImages(session, plan, runtime, systemClock).then(() => undefined, (error: Error) => error);
    expect(failure?.message).toBe(`not rolled back: deployment/between now runs app=${OTHER}, not the image this rollback undoes (${NEW}); another deploy happened`);
    expect(images(await read('between'))).toEqual([`app=${OTHER}`]);
  }, 90_000);

  /** A session of the deploy role that runs `concurrently` once, just before the first patch it sends. */
  async function sessionWithDeployBeforePatch(concurrently: () => Promise<void>): Promise<KubeSession> {
    const ca = await readFile(join(settings.dir, 'pki', 'ca.crt'));
    const cluster = { name: settings.clusterName, endpoint: kubeEndpointOf(config, settings), caData: ca.toString('base64') };
    const credentials = { accessKeyId: roleEnv.AWS_ACCESS_KEY_ID!, secretAccessKey: roleEnv.AWS_SECRET_ACCESS_KEY!, sessionToken: roleEnv.AWS_SESSION_TOKEN };
    // The token is presigned for the emulator's STS, which the API server's webhook asks.
    process.env.AWS_ENDPOINT_URL = inject('localEnv').AWS_ENDPOINT_URL;
    const runtime = new CliRuntime({ env: {}, write: () => undefined });
    let raced = false;
    return new (class extends KubeSession {
      override async call<T>(action: string, fn: (api: KubeApi) => Promise<T>): Promise<T> {
        if (!raced && action.startsWith('patching')) {
          raced = true;
          await concurrently();
        }
        return super.call(action, fn);
      }
    })(cluster, () => eksToken(cluster.name, { region: 'us-east-1', credentials }), runtime);
  }

  it('refuses previous images of a container the workload does not have, naming the input', async () => {
    await createDeployment('named');
    const run = await rollback({ workload: 'named', 'previous-images': `sidecar=${OLD}` });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("input 'previous-images': deployment/named has no container 'sidecar' (it has app)");
  }, 90_000);
});

describe('rollback --target gitops against bare repositories', () => {
  const exec = promisify(execFile);
  const FILE = 'apps/web/overlays/staging/kustomization.yaml';
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'gantry-rollback-gitops-'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  async function git(argv: string[], cwd?: string): Promise<string> {
    const { stdout } = await exec('git', argv, { cwd, env: { PATH: process.env.PATH, HOME: root, LC_ALL: 'C' } });
    return stdout;
  }
  const kustomization = (name: string, tag: string) =>
    [`# ${name} overlay`, 'images:', `  - name: ${name} # base name`, `    newName: 127.0.0.1:5000/shop/${name}`, `    newTag: "${tag}"`, ''].join('\n');

  /** A bare repository whose `main` holds `files`, with a few commits of history before the bump. */
  async function seedRepo(name: string, files: Record<string, string>): Promise<string> {
    const bare = join(root, `${name}.git`);
    const work = join(root, `${name}-seed`);
    await git(['init', '--quiet', '--bare', '--initial-branch=main', bare]);
    await git(['clone', '--quiet', bare, work]);
    for (let i = 0; i < 3; i++) {
      await writeFile(join(work, 'README.md'), `history ${i}\n`);
      await git(['add', '.'], work);
      await git(['-c', 'user.name=seed', '-c', 'user.email=seed@localhost', 'commit', '--quiet', '-m', `history ${i}`], work);
    }
    for (const [file, content] of Object.entries(files)) {
      await mkdir(dirname(join(work, file)), { recursive: true });
      await writeFile(join(work, file), content);
    }
    await git(['add', '.'], work);
    await git(['-c', 'user.name=seed', '-c', 'user.email=seed@localhost', 'commit', '--quiet', '-m', 'seed'], work);
    await git(['push', '--quiet', 'origin', 'main'], work);
    return bare;
  }
  const show = (bare: string, file: string, ref = 'main') => git(['--git-dir', bare, 'show', `${ref}:${file}`]);
  const head = async (bare: string) => (await git(['--git-dir', bare, 'rev-parse', 'main'])).trim();

  const bump = async (bare: string, service: string, tag: string, file = `apps/${service}/overlays/staging/kustomization.yaml`) => {
    const run = await runCli(args('gitops-bump', { repository: bare, files: file, image: `127.0.0.1:5000/shop/${service}:${tag}`, service, environment: 'staging' }));
    expect(run.code, run.stderr).toBe(0);
    return outputs(run).commit!;
  };
  const rollback = (bare: string, commit: string, extra: Record<string, string> = {}) =>
    runCli(args('rollback', { target: 'gitops', repository: bare, commit, reason: 'smoke test of web failed', ...extra }), { GANTRY_REPOSITORY: 'acme/shop', GANTRY_SHA: 'f'.repeat(40) });



  it('reverts the bump on the remote branch with a message naming the commit and why; re-running is a no-op', async () => {
    const bare = await seedRepo('revert', { [FILE]: kustomization('web', 'v1') });
    const bumped = await bump(bare, 'web', 'v2');
    expect(await show(bare, FILE)).toBe(kustomization('web', 'v2'));

    const run = await rollback(bare, bumped);
    expect(run.code, run.stderr).toBe(0);
    const out = outputs(run);
    expect(out).toMatchObject({ target: 'gitops', changed: 'true', 'revert-commit': await head(bare), 'rolled-back-to': await head(bare) });
    expect(await show(bare, FILE)).toBe(kustomization('web', 'v1'));
    expect((await git(['--git-dir', bare, 'rev-parse', 'main^'])).trim()).toBe(bumped);
    const message = await git(['--git-dir', bare, 'log', '-1', '--format=%an <%ae>%n%B', 'main']);
    expect(message).toBe(
      [
        'Gantry <gantry@users.noreply.github.com>',
        'Revert "staging: deploy web v2"',
        '',
        `This reverts commit ${bumped}.`,
        '',
        'Reason: smoke test of web failed',
        `Rolled back by: acme/shop@${'f'.repeat(40)}`,
        '',
        '',
      ].join('\n'),
    );

    const again = await rollback(bare, bumped.slice(0, 12));
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain(`${bumped.slice(0, 12)} is already undone on main: ${out['revert-commit']!.slice(0, 12)} "Revert "staging: deploy web v2"" reverted it; nothing to push`);
    expect(outputs(again)).toMatchObject({ changed: 'false', 'revert-commit': out['revert-commit'] });
    expect(await head(bare)).toBe(out['revert-commit']);
  });

  it('fails without pushing when a later commit changed the same lines', async () => {
    const bare = await seedRepo('conflict', { [FILE]: kustomization('web', 'v1') });
    const bumped = await bump(bare, 'web', 'v2');
    const later = await bump(bare, 'web', 'v3');
    const run = await rollback(bare, bumped);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `reverting ${bumped.slice(0, 12)} "staging: deploy web v2" conflicts in ${FILE}: later commits changed the same lines (${later.slice(0, 12)} "staging: deploy web v3"); nothing was pushed`,
    );
    expect(await head(bare)).toBe(later);
    expect(await show(bare, FILE)).toBe(kustomization('web', 'v3'));
  });

  it('rebases the revert onto a push that lands between its clone and its push', async () => {
    const api = 'apps/api/overlays/staging/kustomization.yaml';
    const bare = await seedRepo('race', { [FILE]: kustomization('web', 'v1'), [api]: kustomization('api', 'v1') });
    const bumped = await bump(bare, 'web', 'v2');
    const firstPushHeld = await holdFirstPush(bare);
    const rolling = rollback(bare, bumped);
    await firstPushHeld();
    const concurrent = await bump(bare, 'api', 'v2');
    const run = await rolling;
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/Push attempt 1\/10 rejected/);
    expect(run.stderr).toContain('Rebased the revert onto');

    const revert = outputs(run)['revert-commit']!;
    expect(await head(bare)).toBe(revert);
    expect((await git(['--git-dir', bare, 'rev-parse', `${revert}^`])).trim()).toBe(concurrent);
    expect(await show(bare, FILE)).toBe(kustomization('web', 'v1'));
    expect(await show(bare, api)).toBe(kustomization('api', 'v2'));
  });

  it('of two rollbacks of the same bump racing, one reverts it and the other finds that revert and pushes nothing', async () => {
    const bare = await seedRepo('twice', { [FILE]: kustomization('web', 'v1') });
    const bumped = await bump(bare, 'web', 'v2');
    const firstPushHeld = await holdFirstPush(bare);
    const held = rollback(bare, bumped);
    await firstPushHeld();
    const other = await rollback(bare, bumped);
    expect(other.code, other.stderr).toBe(0);
    const run = await held;
    expect(run.code, run.stderr).toBe(0);

    const revert = outputs(other)['revert-commit']!;
    expect(await head(bare)).toBe(revert);
    expect(run.stderr).toMatch(/Push attempt 1\/10 rejected/);
    expect(run.stderr).toContain(`is already undone on main: ${revert.slice(0, 12)}`);
    expect(outputs(run)).toMatchObject({ changed: 'false', 'revert-commit': revert });
    expect(await show(bare, FILE)).toBe(kustomization('web', 'v1'));
  });

  it('refuses a commit that is not on the branch, naming the input', async () => {
    const bare = await seedRepo('unknown', { [FILE]: kustomization('web', 'v1') });
    const before = await head(bare);
    const run = await rollback(bare, 'deadbeefdeadbeef');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("input 'commit': deadbeefdeadbeef is not a commit of branch main");
    expect(await head(bare)).toBe(before);
  });
});
