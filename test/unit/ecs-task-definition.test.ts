import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DESCRIBE_ONLY_FIELDS,
  parseTaskDefinitionDocument,
  TaskDefinitionDocumentError,
  withImage,
} from '../../src/ecs/task-definition.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/ecs/${name}`, import.meta.url), 'utf8');
const DIGEST = `sha256:${'a1'.repeat(32)}`;

describe('parseTaskDefinitionDocument', () => {
  it('reads describe-task-definition output, strips describe-only fields and keeps the tags', () => {
    const spec = parseTaskDefinitionDocument(fixture('describe-task-definition.json'));
    for (const field of DESCRIBE_ONLY_FIELDS) expect(spec).not.toHaveProperty(field);
    expect(spec.family).toBe('web');
    expect(spec.taskRoleArn).toBe('arn:aws:iam::123456789012:role/web-task');
    expect(spec.requiresCompatibilities).toEqual(['EC2']);
    expect(spec.containerDefinitions?.map((c) => c.name)).toEqual(['app', 'log-router']);
    expect(spec.tags).toEqual([{ key: 'team', value: 'shop' }]);
  });

  it('reads a bare task definition written in YAML, comments included', () => {
    const spec = parseTaskDefinitionDocument(fixture('task-definition.yaml'));
    expect(spec.family).toBe('web');
    expect(spec.containerDefinitions?.[0]?.portMappings).toEqual([{ containerPort: 8080, hostPort: 0 }]);
  });

  it.each([
    ['a TOML file', fixture('not-a-task-definition.toml')],
    ['YAML without containerDefinitions', fixture('yaml-without-containers.yaml')],
    ['broken JSON', '{"family": "web",'],
    ['a JSON array', '[{"family": "web"}]'],
    ['a YAML scalar', 'just some words'],
    ['an empty file', '  \n'],
    ['a definition without family', '{"containerDefinitions": [{"name": "app"}]}'],
  ])('refuses %s', (_what, text) => {
    expect(() => parseTaskDefinitionDocument(text)).toThrow(TaskDefinitionDocumentError);
  });
});

describe('withImage', () => {
  it('sets the image on the named containers only, leaving the source untouched', () => {
    const spec = parseTaskDefinitionDocument(fixture('describe-task-definition.json'));
    const image = `registry.example:5000/shop/web@${DIGEST}`;
    const updated = withImage(spec, ['app'], image);
    expect(updated.containerDefinitions?.map((c) => c.image)).toEqual([image, 'public.ecr.aws/aws-observability/aws-for-fluent-bit:stable']);
    expect(spec.containerDefinitions?.[0]?.image).toMatch(/:sha-1111111$/);
  });
});

describe('sameTaskDefinition', () => {
  it('compares by content, whatever the key order and wherever a field is absent rather than empty', async () => {
    const { sameTaskDefinition } = await import('../../src/ecs/task-definition.js');
    const live = { family: 'web', containerDefinitions: [{ name: 'app', image: 'a@sha256:1', essential: true, environment: [] }], tags: [{ key: 'team', value: 'x' }] };
    const reordered = { tags: [{ value: 'x', key: 'team' }], containerDefinitions: [{ essential: true, image: 'a@sha256:1', name: 'app' }], family: 'web' };
    expect(sameTaskDefinition(live as never, reordered as never)).toBe(true);
    expect(sameTaskDefinition(live as never, { ...reordered, containerDefinitions: [{ ...reordered.containerDefinitions[0], image: 'a@sha256:2' }] } as never)).toBe(false);
    expect(sameTaskDefinition(live as never, { ...reordered, cpu: '256' } as never)).toBe(false);
  });
});
