import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { DescribeTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'vitest';
import { runCli, runNode, stackEnv } from './support.js';
import {
  createTestService,
  describe as describeService,
  DIGEST,
  emulatorEcs,
  revisionCount,
  ROLLOUT,
  ROLLOUT_SECONDS,
  taskDefinitionFile,
} from '../fixtures/ecs/emulator.js';

const ecs = emulatorEcs();
// The CLI is given the region explicitly: it is a required input.
const REGION = 'us-east-1';
const IMAGE = `127.0.0.1:5000/gantry/app@${DIGEST}`;

/** `name=value` lines of the CLI's stdout. */
function outputs(stdout: string): Record<string, string> {
  return Object.fromEntries(stdout.trim().split('\n').filter(Boolean).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
}

function deployArgs(t: { cluster: string; service: string }, extra: string[] = []): string[] {
  return ['run', 'deploy-ecs', '--aws-region', REGION, '--cluster', t.cluster, '--service', t.service, '--poll-seconds', '0.25', ...extra];
}

// Each test has its own cluster and service, so they run side by side.
describe.concurrent('deploy-ecs against the emulator', () => {
  test('a rollout that completes is detected within 2 s of its completion', async ({ expect }) => {
    const rolloutSeconds = 2;
    const t = await createTestService(ecs, 'complete', { labels: { [ROLLOUT_SECONDS]: String(rolloutSeconds) } });
    const run = await runCli(deployArgs(t, ['--image', `127.0.0.1:5000/gantry/app:v2@${DIGEST}`]));
    const returnedAt = Date.now();
    expect(run.stderr).not.toContain('error:');
    expect(run.code).toBe(0);

    const out = outputs(run.stdout);
    expect(out['rollout-state']).toBe('COMPLETED');
    expect(out['previous-task-definition-arn']).toBe(t.taskDefinitionArn);
    expect(out['task-definition-arn']).toMatch(new RegExp(`task-definition/${t.family}:2$`));

    const service = await describeService(ecs, t);
    expect(service.taskDefinition).toBe(out['task-definition-arn']);
    const deployment = service.deployments!.find((d) => d.id === out['deployment-id'])!;
    expect(deployment.rolloutState).toBe('COMPLETED');
    // The deployment was created by our UpdateService and completes rolloutSeconds later: the stage must have
    // noticed, and its process exited, within 2 s of that.
    const sinceUpdate = returnedAt - deployment.createdAt!.getTime();
    expect(sinceUpdate).toBeGreaterThanOrEqual(rolloutSeconds * 1000);
    expect(sinceUpdate).toBeLessThanOrEqual((rolloutSeconds + 2) * 1000);

    // Deployed by digest (the tag dropped); describe-only fields stripped, so the registration was accepted.
    const { taskDefinition } = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: out['task-definition-arn'] }));
    expect(taskDefinition!.containerDefinitions![0]!.image).toBe(IMAGE);
    // A progress line per change and the service's own events, as they appeared.
    expect(run.stderr).toMatch(/deployment ecs-svc\/\d+ \(td-complete-\w+:2\): IN_PROGRESS, running 0\/2, pending 2/);
    expect(run.stderr).toMatch(/deployment ecs-svc\/\d+ \(td-complete-\w+:2\): COMPLETED, running 2\/2, pending 0/);
    expect(run.stderr).toContain('has reached a steady state.');
    expect(run.stderr.match(/has reached a steady state\./g)).toHaveLength(1);
  });

  test('a failing rollout is rolled back by the circuit breaker and the stage fails with the events', async ({ expect }) => {
    const t = await createTestService(ecs, 'breaker');
    const file = await taskDefinitionFile(t, { [ROLLOUT]: 'fail' });
    const run = await runCli(deployArgs(t, ['--image', IMAGE, '--task-definition-file', file]));
    expect(run.code).toBe(1);

    const service = await describeService(ecs, t);
    expect(service.taskDefinition).toBe(t.taskDefinitionArn);
    expect(service.deployments?.map((d) => d.rolloutState)).toEqual(['COMPLETED']);
    expect(run.stderr).toMatch(/Deployment ecs-svc\/\d+ FAILED: ECS deployment circuit breaker: tasks failed to start\./);
    expect(run.stderr).toContain(`Rolled back by the deployment circuit breaker to ${t.family}:1: rollback COMPLETED`);
    expect(run.stderr).toContain('Recent service events:');
    expect(run.stderr).toMatch(/deployment failed: tasks failed to start/);
    expect(run.stderr).toMatch(/task \w+: EssentialContainerExited: Essential container in task exited; container app exit 1/);
    // The task definition's environment never reaches the log.
    expect(run.stderr).not.toContain('not-for-logs-');
  });

  test('a failing rollout without the breaker\'s rollback is rolled back by the stage', async ({ expect }) => {
    const t = await createTestService(ecs, 'selfrollback', { circuitBreaker: { enable: true, rollback: false } });
    const file = await taskDefinitionFile(t, { [ROLLOUT]: 'fail' });
    const run = await runCli(deployArgs(t, ['--image', IMAGE, '--task-definition-file', file]));
    expect(run.code).toBe(1);

    const service = await describeService(ecs, t);
    expect(service.taskDefinition).toBe(t.taskDefinitionArn);
    expect(service.deployments?.[0]?.rolloutState).toBe('COMPLETED');
    expect(run.stderr).toMatch(new RegExp(`Rolled back to ${t.family}:1 \\(deployment ecs-svc/\\d+\\): rollback COMPLETED`));
    expect(run.stderr).toContain('Stopped tasks of');
  });

  test('a rollout that never completes times out and is rolled back', async ({ expect }) => {
    const t = await createTestService(ecs, 'hang');
    const file = await taskDefinitionFile(t, { [ROLLOUT]: 'hang' });
    // 0.05 minutes = 3 s.
    // The deployment also scales the service (2 → 3); the rollback restores the count too.
    const run = await runCli(deployArgs(t, ['--image', IMAGE, '--task-definition-file', file, '--timeout-minutes', '0.05', '--desired-count', '3']));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Deployment ecs-svc\/\d+ did not complete within 3s \(last state IN_PROGRESS, running 0\/3\)/);
    expect(run.stderr).toMatch(new RegExp(`Rolled back to ${t.family}:1 .*rollback COMPLETED`));
    const service = await describeService(ecs, t);
    expect(service.taskDefinition).toBe(t.taskDefinitionArn);
    expect(service.desiredCount).toBe(2);
    expect(service.deployments?.map((d) => d.rolloutState)).toEqual(['COMPLETED']);
  });

  test('bad inputs are refused before any registration, each naming its input', async ({ expect }) => {
    const t = await createTestService(ecs, 'badinput', { containers: ['app', 'sidecar'] });
    const dir = await mkdtemp(join(tmpdir(), 'gantry-ecs-'));
    const notJson = join(dir, 'task-definition.json');
    await writeFile(notJson, '{ "family": "x", "containerDefinitions": [ ');
    const cases: [string, string[]][] = [
      ['cluster', ['--cluster', 'no-such-cluster', '--service', t.service, '--image', IMAGE, '--containers', 'app']],
      ['service', ['--cluster', t.cluster, '--service', 'no-such-service', '--image', IMAGE, '--containers', 'app']],
      ['containers', ['--cluster', t.cluster, '--service', t.service, '--image', IMAGE, '--containers', 'app,worker']],
      // Two containers and no choice made: the stage does not guess.
      ['containers', ['--cluster', t.cluster, '--service', t.service, '--image', IMAGE]],
      ['image', ['--cluster', t.cluster, '--service', t.service, '--image', 'gantry/app:has spaces', '--containers', 'app']],
      ['image', ['--cluster', t.cluster, '--service', t.service, '--image', 'gantry/app@sha256:123', '--containers', 'app']],
      ['task-definition-file', ['--cluster', t.cluster, '--service', t.service, '--task-definition-file', notJson]],
      ['pre-deploy-task-definition', ['--cluster', t.cluster, '--service', t.service, '--image', IMAGE, '--containers', 'app', '--pre-deploy-task-definition', 'no-such-family']],
      ['pre-deploy-task-container', ['--cluster', t.cluster, '--service', t.service, '--image', IMAGE, '--containers', 'app', '--pre-deploy-task-command', './migrate', '--pre-deploy-task-container', 'nope']],
    ];
    for (const [input, args] of cases) {
      const run = await runCli(['run', 'deploy-ecs', '--aws-region', REGION, ...args]);
      expect(run.code, `${input}: ${run.stderr}`).toBe(1);
      expect(run.stderr).toContain(`input '${input}'`);
    }
    expect(await revisionCount(ecs, t.family)).toBe(1);
    const service = await describeService(ecs, t);
    expect(service.taskDefinition).toBe(t.taskDefinitionArn);
    expect(service.deployments).toHaveLength(1);
  });

  test('the bundled action deploys from INPUT_* and writes its outputs to GITHUB_OUTPUT', async ({ expect }) => {
    const t = await createTestService(ecs, 'action', { containers: ['app', 'sidecar'] });
    const dir = await mkdtemp(join(tmpdir(), 'gantry-ecs-action-'));
    const outputFile = join(dir, 'github-output');
    await writeFile(outputFile, '');
    const run = await runNode(
      'actions/deploy-ecs/dist/index.cjs',
      [],
      stackEnv({
        GITHUB_OUTPUT: outputFile,
        'INPUT_AWS-REGION': REGION,
        INPUT_CLUSTER: t.cluster,
        INPUT_SERVICE: t.service,
        INPUT_IMAGE: IMAGE,
        INPUT_CONTAINERS: 'sidecar',
        'INPUT_POLL-SECONDS': '0.25',
        'INPUT_FORCE-NEW-DEPLOYMENT': 'true',
      }),
    );
    expect(run.stdout).not.toContain('::error::');
    expect(run.code).toBe(0);
    const written = await readFile(outputFile, 'utf8');
    const service = await describeService(ecs, t);
    expect(written).toMatch(new RegExp(`^task-definition-arn<<ghadelimiter_[\\w-]+\\n${service.taskDefinition}\\n`, 'm'));
    expect(written).toContain(`\n${t.taskDefinitionArn}\n`);
    expect(written).toMatch(/^rollout-state<<ghadelimiter_[\w-]+\nCOMPLETED\n/m);
    expect(written).toContain(`\n${service.deployments![0]!.id}\n`);
    // Only the named container got the image.
    const { taskDefinition } = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: service.taskDefinition }));
    expect(taskDefinition!.containerDefinitions!.map((c) => c.image)).toEqual(['127.0.0.1:5000/gantry/app:v1', IMAGE]);
  });

  test('a re-run of a finished deploy registers nothing and starts no deployment; force-new-deployment still deploys', async ({ expect }) => {
    const t = await createTestService(ecs, 'rerun');
    const first = outputs((await runCli(deployArgs(t, ['--image', IMAGE]))).stdout);
    expect(first['rollout-state']).toBe('COMPLETED');
    const revisions = await revisionCount(ecs, t.family);
    const deploymentsBefore = (await describeService(ecs, t)).deployments!.map((d) => d.id);

    for (let run = 0; run < 2; run++) {
      const again = await runCli(deployArgs(t, ['--image', `127.0.0.1:5000/gantry/app:v2@${DIGEST}`]));
      expect(again.code, again.stderr).toBe(0);
      expect(again.stderr).toContain('nothing registered, no deployment started');
      expect(outputs(again.stdout)).toEqual({
        'task-definition-arn': first['task-definition-arn'],
        'previous-task-definition-arn': first['task-definition-arn'],
        'deployment-id': first['deployment-id'],
        'rollout-state': 'UNCHANGED',
      });
    }
    expect(await revisionCount(ecs, t.family)).toBe(revisions);
    expect((await describeService(ecs, t)).deployments!.map((d) => d.id)).toEqual(deploymentsBefore);

    // Another image, or the same one forced, is a deploy again.
    const forced = outputs((await runCli(deployArgs(t, ['--image', IMAGE, '--force-new-deployment', 'true']))).stdout);
    expect(forced['rollout-state']).toBe('COMPLETED');
    expect(forced['deployment-id']).not.toBe(first['deployment-id']);
    expect(await revisionCount(ecs, t.family)).toBe(revisions + 1);
  });
});
