import { randomBytes } from 'node:crypto';
import {
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
} from '@aws-sdk/client-ecs';
import { describe, test } from 'vitest';
import { runCli } from './support.js';
import { createTestService, describe as describeService, DIGEST, emulatorEcs, revisionCount } from '../fixtures/ecs/emulator.js';

// The pre-deploy (migration) task against the emulator's real RunTask/DescribeTasks. moto 5.2.5 reports exit code
// 0 for every RunTask task, so the non-zero and missing exit-code paths are covered by the hand-written fake in
// test/unit/ecs-one-off-task.test.ts; here: the task really runs, with the command and the revision it should.
const ecs = emulatorEcs();
const REGION = 'us-east-1';
const IMAGE = `127.0.0.1:5000/gantry/app@${DIGEST}`;

async function preDeployTasks(cluster: string) {
  const listed = await ecs.send(new ListTasksCommand({ cluster, startedBy: 'gantry-deploy-ecs' }));
  if (!listed.taskArns?.length) return [];
  return (await ecs.send(new DescribeTasksCommand({ cluster, tasks: listed.taskArns }))).tasks ?? [];
}

describe.concurrent('deploy-ecs pre-deploy task', () => {
  test('runs the new revision with the command, waits for it to stop, then rolls out', async ({ expect }) => {
    // moto runs a task without container instances only for FARGATE.
    const t = await createTestService(ecs, 'migrate', { launchType: 'FARGATE' });
    const run = await runCli([
      'run', 'deploy-ecs', '--aws-region', REGION, '--cluster', t.cluster, '--service', t.service, '--image', IMAGE,
      '--poll-seconds', '0.25', '--pre-deploy-task-command', './migrate up --to "release 42"',
    ]);
    expect(run.stderr).not.toContain('error:');
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/Pre-deploy task [\w-]+ \(td-migrate-\w+:2\) started/);
    expect(run.stderr).toMatch(/Pre-deploy task [\w-]+: STOPPED/);
    expect(run.stderr).toContain('Pre-deploy task succeeded');
    // The task ran before the service was touched.
    expect(run.stderr.indexOf('Pre-deploy task succeeded')).toBeLessThan(run.stderr.indexOf('Service '));

    const tasks = await preDeployTasks(t.cluster);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]!.taskDefinitionArn).toMatch(new RegExp(`task-definition/${t.family}:2$`));
    expect(tasks[0]!.overrides?.containerOverrides).toEqual([{ name: 'app', command: ['./migrate', 'up', '--to', 'release 42'] }]);
    expect(tasks[0]!.containers?.[0]?.exitCode).toBe(0);
    expect((await describeService(ecs, t)).taskDefinition).toMatch(new RegExp(`task-definition/${t.family}:2$`));
  });

  test('runs a separate task-definition family with its overrides', async ({ expect }) => {
    const t = await createTestService(ecs, 'family', { launchType: 'FARGATE' });
    const family = `migrations-${randomBytes(4).toString('hex')}`;
    await ecs.send(
      new RegisterTaskDefinitionCommand({
        family,
        networkMode: 'bridge',
        containerDefinitions: [{ name: 'migrate', image: '127.0.0.1:5000/gantry/migrate:v1', memory: 64, essential: true }],
      }),
    );
    const run = await runCli([
      'run', 'deploy-ecs', '--aws-region', REGION, '--cluster', t.cluster, '--service', t.service, '--image', IMAGE,
      '--poll-seconds', '0.25', '--pre-deploy-task-definition', family, '--pre-deploy-task-command', '["migrate", "--yes"]',
      '--pre-deploy-task-overrides', '{"containerOverrides": [{"name": "migrate", "environment": [{"name": "TARGET", "value": "42"}]}]}',
    ]);
    expect(run.stderr).not.toContain('error:');
    expect(run.code).toBe(0);
    const tasks = await preDeployTasks(t.cluster);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]!.taskDefinitionArn).toMatch(new RegExp(`task-definition/${family}:1$`));
    expect(tasks[0]!.overrides?.containerOverrides).toEqual([
      { name: 'migrate', command: ['migrate', '--yes'], environment: [{ name: 'TARGET', value: '42' }] },
    ]);
  });

  test('a pre-deploy task that cannot start stops the deploy before the service is touched', async ({ expect }) => {
    // EC2 launch type and no container instance: the emulator cannot place the task and answers RunTask with a
    // server error, which the SDK retries and then gives up on.
    const t = await createTestService(ecs, 'noplace', { launchType: 'EC2' });
    const run = await runCli([
      'run', 'deploy-ecs', '--aws-region', REGION, '--cluster', t.cluster, '--service', t.service, '--image', IMAGE,
      '--poll-seconds', '0.25', '--pre-deploy-task-command', './migrate',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/deploy-ecs failed: RunTask td-noplace-\w+:2: /);
    expect(run.stderr).toContain(`Deregistered the unused revision ${t.family}:2`);
    const service = await describeService(ecs, t);
    expect(service.taskDefinition).toBe(t.taskDefinitionArn);
    expect(service.deployments).toHaveLength(1);
    const revision2 = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: `${t.family}:2` }));
    expect(revision2.taskDefinition?.status).toBe('INACTIVE');
    expect(await revisionCount(ecs, t.family)).toBe(1);
  });
});
