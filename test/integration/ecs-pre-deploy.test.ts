import { randomBytes } from 'node:crypto';
import {
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  type ContainerDefinition,
  type ECSClient,
  type NetworkMode,
} from '@aws-sdk/client-ecs';
import { describe, test, type ExpectStatic } from 'vitest';
import { runCli } from './support.js';
import {
  createTestService,
  describe as describeService,
  DIGEST,
  emulatorEcs,
  EXIT_CODE,
  revisionCount,
  TASK_SECONDS,
  type TestService,
} from '../fixtures/ecs/emulator.js';

// The pre-deploy (migration) task against the emulator's real RunTask/DescribeTasks/StopTask: its tasks run for a
// second, then every container exits with the code its `gantry.local/exit-code` label gives (0 without one).
const ecs = emulatorEcs();
const REGION = 'us-east-1';
const IMAGE = `127.0.0.1:5000/gantry/app@${DIGEST}`;

/** The pre-deploy tasks the stage started; once stopped, ECS lists them only with desiredStatus STOPPED. */
async function preDeployTasks(cluster: string) {
  const listed = await ecs.send(new ListTasksCommand({ cluster, startedBy: 'gantry-deploy-ecs', desiredStatus: 'STOPPED' }));
  if (!listed.taskArns?.length) return [];
  return (await ecs.send(new DescribeTasksCommand({ cluster, tasks: listed.taskArns }))).tasks ?? [];
}

function deploy(t: TestService, ...extra: string[]) {
  return runCli([
    'run', 'deploy-ecs', '--aws-region', REGION, '--cluster', t.cluster, '--service', t.service, '--image', IMAGE,
    '--poll-seconds', '0.25', ...extra,
  ]);
}

/** A task-definition family of its own for the pre-deploy task. */
async function registerFamily(client: ECSClient, containers: ContainerDefinition[], networkMode: NetworkMode = 'bridge') {
  const family = `migrations-${randomBytes(4).toString('hex')}`;
  await client.send(new RegisterTaskDefinitionCommand({ family, networkMode, requiresCompatibilities: ['EC2'], containerDefinitions: containers }));
  return family;
}

/** The service was never touched: still one deployment, of its first revision, and revision 2 was retired. */
async function expectServiceUntouched(expect: ExpectStatic, t: TestService) {
  const service = await describeService(ecs, t);
  expect(service.taskDefinition).toBe(t.taskDefinitionArn);
  expect(service.deployments).toHaveLength(1);
  const revision2 = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: `${t.family}:2` }));
  expect(revision2.taskDefinition?.status).toBe('INACTIVE');
  expect(await revisionCount(ecs, t.family)).toBe(1);
}

describe.concurrent('deploy-ecs pre-deploy task', () => {
  test('runs the new revision with the command on an EC2-launch-type service, waits for it to stop, then rolls out', async ({ expect }) => {
    const t = await createTestService(ecs, 'migrate', { launchType: 'EC2' });
    const run = await deploy(t, '--pre-deploy-task-command', './migrate up --to "release 42"');
    expect(run.stderr).not.toContain('error:');
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/Pre-deploy task [\w-]+ \(td-migrate-\w+:2\) started/);
    expect(run.stderr).toMatch(/Pre-deploy task [\w-]+: RUNNING/);
    expect(run.stderr.match(/Pre-deploy task [\w-]+: STOPPED/g)).toHaveLength(1);
    expect(run.stderr).toContain('Pre-deploy task succeeded');
    // The task ran before the service was touched.
    expect(run.stderr.indexOf('Pre-deploy task succeeded')).toBeLessThan(run.stderr.indexOf('Service '));

    const tasks = await preDeployTasks(t.cluster);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]!.taskDefinitionArn).toMatch(new RegExp(`task-definition/${t.family}:2$`));
    expect(tasks[0]!.launchType).toBe('EC2');
    expect(tasks[0]!.overrides?.containerOverrides).toEqual([{ name: 'app', command: ['./migrate', 'up', '--to', 'release 42'] }]);
    expect(tasks[0]!.containers?.map((c) => [c.name, c.exitCode])).toEqual([['app', 0]]);
    expect((await describeService(ecs, t)).taskDefinition).toMatch(new RegExp(`task-definition/${t.family}:2$`));
  });

  test('a pre-deploy task that exits with 3 stops the deploy before the service is touched', async ({ expect }) => {
    // The first revision carries the label and the new revision inherits it; the service's own tasks ignore it.
    const t = await createTestService(ecs, 'exit3', { labels: { [EXIT_CODE]: '3' } });
    const run = await deploy(t, '--pre-deploy-task-command', './migrate up');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /deploy-ecs failed: pre-deploy task [\w-]+ failed: container app exited with code 3 \(task [\w-]+: EssentialContainerExited: Essential container in task exited; container app exit 3\); the service was not updated/,
    );
    expect(run.stderr).toContain(`Deregistered the unused revision ${t.family}:2`);
    expect(run.stderr).not.toContain('Pre-deploy task succeeded');
    await expectServiceUntouched(expect, t);
    const tasks = await preDeployTasks(t.cluster);
    expect(tasks.map((task) => [task.lastStatus, task.containers?.[0]?.exitCode])).toEqual([['STOPPED', 3]]);
  });

  test('a pre-deploy task marked to exit with 0 lets the rollout proceed', async ({ expect }) => {
    const t = await createTestService(ecs, 'exit0', { labels: { [EXIT_CODE]: '0' } });
    const run = await deploy(t, '--pre-deploy-task-command', './migrate up');
    expect(run.stderr).not.toContain('error:');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Pre-deploy task succeeded');
    const service = await describeService(ecs, t);
    expect(service.taskDefinition).toMatch(new RegExp(`task-definition/${t.family}:2$`));
    expect(service.deployments?.map((d) => d.rolloutState)).toEqual(['COMPLETED']);
  });

  test('runs a separate task-definition family with its overrides; a sidecar exit code does not decide', async ({ expect }) => {
    const t = await createTestService(ecs, 'family');
    const family = await registerFamily(ecs, [
      { name: 'migrate', image: '127.0.0.1:5000/gantry/migrate:v1', memory: 64, essential: true },
      { name: 'log-router', image: '127.0.0.1:5000/gantry/log-router:v1', memory: 32, essential: false, dockerLabels: { [EXIT_CODE]: '137' } },
    ]);
    const run = await deploy(
      t,
      '--pre-deploy-task-definition', family, '--pre-deploy-task-container', 'migrate', '--pre-deploy-task-command', '["migrate", "--yes"]',
      '--pre-deploy-task-overrides', '{"containerOverrides": [{"name": "migrate", "environment": [{"name": "TARGET", "value": "42"}]}]}',
    );
    expect(run.stderr).not.toContain('error:');
    expect(run.code).toBe(0);
    const tasks = await preDeployTasks(t.cluster);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]!.taskDefinitionArn).toMatch(new RegExp(`task-definition/${family}:1$`));
    expect(tasks[0]!.overrides?.containerOverrides).toEqual([
      { name: 'migrate', command: ['migrate', '--yes'], environment: [{ name: 'TARGET', value: '42' }] },
    ]);
    expect(tasks[0]!.containers?.map((c) => [c.name, c.exitCode])).toEqual([['migrate', 0], ['log-router', 137]]);
  });

  test('a pre-deploy task that outlives its timeout is stopped and the service left untouched', async ({ expect }) => {
    const t = await createTestService(ecs, 'slow');
    const family = await registerFamily(ecs, [
      { name: 'migrate', image: '127.0.0.1:5000/gantry/migrate:v1', memory: 64, essential: true, dockerLabels: { [TASK_SECONDS]: '3600' } },
    ]);
    const run = await deploy(t, '--pre-deploy-task-definition', family, '--pre-deploy-task-command', 'migrate', '--pre-deploy-task-timeout-minutes', '0.02');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/deploy-ecs failed: pre-deploy task [\w-]+ did not stop within 1s; it was stopped and the service left untouched/);
    await expectServiceUntouched(expect, t);
    const tasks = await preDeployTasks(t.cluster);
    expect(tasks.map((task) => [task.lastStatus, task.stopCode, task.stoppedReason])).toEqual([
      ['STOPPED', 'UserInitiated', 'gantry deploy-ecs: pre-deploy task timed out'],
    ]);
  });

  test('a pre-deploy task that cannot start stops the deploy before the service is touched', async ({ expect }) => {
    // An awsvpc task needs a network configuration, and this bridge-mode service has none to lend: RunTask refuses
    // it (InvalidParameterException), as ECS does.
    const t = await createTestService(ecs, 'nonet');
    const family = await registerFamily(ecs, [{ name: 'migrate', image: '127.0.0.1:5000/gantry/migrate:v1', memory: 64, essential: true }], 'awsvpc');
    const run = await deploy(t, '--pre-deploy-task-definition', family, '--pre-deploy-task-command', 'migrate');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`deploy-ecs failed: RunTask ${family}: .*Network Configuration must be provided`));
    expect(run.stderr).toContain(`Deregistered the unused revision ${t.family}:2`);
    await expectServiceUntouched(expect, t);
    expect(await preDeployTasks(t.cluster)).toEqual([]);
  });
});
