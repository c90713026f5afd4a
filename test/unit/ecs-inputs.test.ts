import { describe, expect, it } from 'vitest';
import { commandWords } from '../../src/ecs/command-words.js';
import { InputError } from '../../src/model/errors.js';
import { parseInputs } from '../../src/model/stage.js';
import { deployEcsStage, planOf } from '../../src/stages/deploy-ecs.js';
import { inputErrorOf } from './support.js';

const DIGEST = `sha256:${'0f'.repeat(32)}`;
const valid = { 'aws-region': 'us-east-1', cluster: 'gantry-local', service: 'example-app', image: `127.0.0.1:5000/gantry/example-app@${DIGEST}` };
const fixture = (name: string) => new URL(`../fixtures/ecs/${name}`, import.meta.url).pathname;


describe('deploy-ecs inputs', () => {
  it('applies the defaults: 2 s polls, 30 minutes, rollback on', () => {
    const input = parseInputs(deployEcsStage, valid);
    expect(input['poll-seconds']).toBe(2);
    expect(input['timeout-minutes']).toBe(30);
    expect(input.rollback).toBe(true);
    expect(input['force-new-deployment']).toBe(false);
  });

  it('converts lists, fractions, numbers and commands', () => {
    const input = parseInputs(deployEcsStage, {
      ...valid,
      containers: 'app, sidecar\nworker',
      'poll-seconds': '0.2',
      'timeout-minutes': '0.05',
      'desired-count': '3',
      'pre-deploy-task-command': `./migrate --to 'latest version'`,
      'pre-deploy-task-overrides': '{"cpu": "512"}',
    });
    expect(input.containers).toEqual(['app', 'sidecar', 'worker']);
    expect(input['poll-seconds']).toBe(0.2);
    expect(input['timeout-minutes']).toBe(0.05);
    expect(input['desired-count']).toBe(3);
    expect(input['pre-deploy-task-command']).toEqual(['./migrate', '--to', 'latest version']);
    expect(input['pre-deploy-task-overrides']).toEqual({ cpu: '512' });
  });

  it('deploys by digest when the image carries one', () => {
    expect(parseInputs(deployEcsStage, { ...valid, image: `127.0.0.1:5000/app:v1@${DIGEST}` }).image).toBe(`127.0.0.1:5000/app@${DIGEST}`);
  });

  it.each([
    ['image', 'registry.example.com/app:tag with spaces'],
    ['image', 'app@sha256:short'],
    ['cluster', 'no spaces allowed'],
    ['service', 'arn:aws:ecs:us-east-1:1234:service/x'],
    ['containers', 'app, bad name!'],
    ['poll-seconds', '0'],
    ['poll-seconds', 'fast'],
    ['timeout-minutes', '-1'],
    ['force-new-deployment', 'yes'],
    ['rollback', 'maybe'],
    ['desired-count', '2.5'],
    ['pre-deploy-task-command', '["unterminated"'],
    ['pre-deploy-task-command', `echo 'open quote`],
    ['pre-deploy-task-overrides', '[1, 2]'],
    ['pre-deploy-task-definition', 'migrations:latest'],
  ])('refuses a malformed %s (%s) and names it', (input, value) => {
    const error = inputErrorOf(deployEcsStage, { ...valid, [input]: value });
    expect(error.input).toBe(input);
    expect(error.message).toContain(`input '${input}'`);
  });

  it.each(['aws-region', 'cluster', 'service'])('requires %s', (input) => {
    expect(inputErrorOf(deployEcsStage, { ...valid, [input]: undefined }).message).toBe(`input '${input}': is required`);
  });

  it('names task-definition-file when the file is neither JSON nor YAML, or missing', async () => {
    for (const file of [fixture('not-a-task-definition.toml'), fixture('yaml-without-containers.yaml'), fixture('no-such-file.json')]) {
      const input = parseInputs(deployEcsStage, { ...valid, 'task-definition-file': file });
      const error = await planOf(input).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).input).toBe('task-definition-file');
    }
  });

  it('reads a YAML task-definition file into the plan', async () => {
    const plan = await planOf(parseInputs(deployEcsStage, { ...valid, 'task-definition-file': fixture('task-definition.yaml') }));
    expect(plan.taskDefinition?.family).toBe('web');
    expect(plan.schedule).toEqual({ intervalMs: 2000, timeoutMs: 30 * 60_000 });
  });
});

describe('commandWords', () => {
  it.each([
    ['./migrate up', ['./migrate', 'up']],
    [`sh -c "echo \\"quoted\\" && exit 0"`, ['sh', '-c', 'echo "quoted" && exit 0']],
    [`a 'b c' d\\ e ''`, ['a', 'b c', 'd e', '']],
    ['["node", "migrate.js", "--dry-run=false"]', ['node', 'migrate.js', '--dry-run=false']],
  ])('splits %j', (value, words) => {
    expect(commandWords(value)).toEqual(words);
  });

  it.each(['', '[]', '[1]', `"open`])('refuses %j', (value) => {
    expect(() => commandWords(value)).toThrow();
  });
});
