import type { RegisterTaskDefinitionCommandInput, Tag, TaskDefinition } from '@aws-sdk/client-ecs';
import { parse as parseYaml } from 'yaml';

/**
 * A task definition as it is registered: what DescribeTaskDefinition returns, minus the fields only AWS sets.
 * Keys are ECS's own camelCase, the same in the API, the AWS CLI's JSON and the SDK.
 */
export type TaskDefinitionSpec = RegisterTaskDefinitionCommandInput;

/** Fields DescribeTaskDefinition returns that RegisterTaskDefinition refuses or ignores. */
export const DESCRIBE_ONLY_FIELDS = [
  'taskDefinitionArn',
  'revision',
  'status',
  'requiresAttributes',
  'compatibilities',
  'registeredAt',
  'registeredBy',
  'deregisteredAt',
  'deleteRequestedAt',
] as const;

/** Why a task-definition document could not be used; the caller names the input it came from. */
export class TaskDefinitionDocumentError extends Error {}

/**
 * Reads a task definition written as JSON or YAML: either the definition itself or the whole DescribeTaskDefinition
 * output (`{ taskDefinition, tags }`), as `aws ecs describe-task-definition` prints it.
 */
export function parseTaskDefinitionDocument(text: string): TaskDefinitionSpec {
  let document: unknown;
  const trimmed = text.trim();
  if (trimmed === '') throw new TaskDefinitionDocumentError('the file is empty');
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      document = JSON.parse(trimmed);
    } catch (error) {
      throw new TaskDefinitionDocumentError(`not valid JSON: ${(error as Error).message}`);
    }
  } else {
    try {
      document = parseYaml(text);
    } catch (error) {
      throw new TaskDefinitionDocumentError(`neither JSON nor valid YAML: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  if (!isRecord(document)) throw new TaskDefinitionDocumentError('neither a JSON nor a YAML object (a mapping of task-definition fields)');
  const wrapped = isRecord(document.taskDefinition);
  const definition = (wrapped ? document.taskDefinition : document) as Record<string, unknown>;
  if (!Array.isArray(definition.containerDefinitions) || definition.containerDefinitions.length === 0) {
    throw new TaskDefinitionDocumentError('no containerDefinitions: expected an ECS task definition (family, containerDefinitions, ...)');
  }
  if (typeof definition.family !== 'string' || definition.family === '') {
    throw new TaskDefinitionDocumentError('no family: an ECS task definition names its family');
  }
  const tags = wrapped && Array.isArray(document.tags) ? (document.tags as Tag[]) : undefined;
  return registrable(definition as TaskDefinition, tags);
}

/** The registration request for a described task definition: describe-only and empty fields removed, tags kept. */
export function registrable(definition: TaskDefinition, tags?: readonly Tag[]): TaskDefinitionSpec {
  const spec: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(definition)) {
    if ((DESCRIBE_ONLY_FIELDS as readonly string[]).includes(key)) continue;
    if (value === null || value === undefined) continue;
    spec[key] = value;
  }
  if (tags && tags.length > 0) spec.tags = [...tags];
  return spec as unknown as TaskDefinitionSpec;
}

/**
 * Whether two registration requests describe the same task definition: the same fields and values, whatever the key
 * order and wherever a field is absent rather than empty. A re-run that would register this again registers nothing.
 */
export function sameTaskDefinition(a: TaskDefinitionSpec, b: TaskDefinitionSpec): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) => {
    if (Array.isArray(v)) return v.length === 0 ? undefined : v;
    if (isRecord(v)) {
      const entries = Object.entries(v).filter(([, inner]) => inner !== undefined && inner !== null && !(Array.isArray(inner) && inner.length === 0));
      return entries.length === 0 ? undefined : Object.fromEntries(entries.sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
    }
    return v;
  });
}

export function containerNames(spec: TaskDefinitionSpec): string[] {
  return (spec.containerDefinitions ?? []).map((c) => c.name ?? '');
}

/** A copy of `spec` with `image` set on each named container; the original is left untouched. */
export function withImage(spec: TaskDefinitionSpec, containers: readonly string[], image: string): TaskDefinitionSpec {
  return {
    ...spec,
    containerDefinitions: (spec.containerDefinitions ?? []).map((container) =>
      container.name !== undefined && containers.includes(container.name) ? { ...container, image } : container,
    ),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
