import * as z from '../model/zod.js';

/** ECS cluster, service, container and task-definition family names. */
export const ECS_NAME = /^[a-zA-Z0-9_-]{1,255}$/;

/** A cluster or service, by name or by ARN. */
export function ecsName(what: string, resource: 'cluster' | 'service') {
  return z.string().check(
    z.refine((v) => ECS_NAME.test(v) || new RegExp(`^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\\d{12}:${resource}/[\\w/-]+$`).test(v), {
      message: `must be ${what} name (letters, digits, - and _) or its ARN`,
    }),
  );
}

/** A task-definition revision: `family:revision` or its ARN. */
export const taskDefinitionRevision = z
  .string()
  .check(
    z.regex(
      /^([a-zA-Z0-9_-]{1,255}:[1-9]\d*|arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:task-definition\/[a-zA-Z0-9_-]{1,255}:[1-9]\d*)$/,
      'must be a task-definition ARN or family:revision',
    ),
  );
