import { parsedBy } from '../model/inputs.js';
import * as z from '../model/zod.js';
import { parseImageReference } from './image-reference.js';

/**
 * The names an image goes by, with the rules registries enforce, so that a bad name is refused when the inputs are
 * read and not after a ten-minute build.
 */

/** A tag: lowercase here (registries accept uppercase, but ECR lifecycle patterns and humans trip on it), 1–128 chars. */
export const TAG_PATTERN = /^[a-z0-9_][a-z0-9_.-]{0,127}$/;

export function tagProblem(tag: string): string | undefined {
  if (TAG_PATTERN.test(tag)) return undefined;
  if (/\s/.test(tag)) return `tag '${tag}' contains a space`;
  if (/[A-Z]/.test(tag)) return `tag '${tag}' contains uppercase letters`;
  return `tag '${tag}' must be 1-128 characters of a-z 0-9 _ . - not starting with . or -`;
}

const HOST = '(?:localhost|[a-zA-Z0-9-]+(?:\\.[a-zA-Z0-9-]+)+|\\[[0-9a-fA-F:]+\\]|[a-zA-Z0-9-]+)(?::\\d{1,5})?';

/** An image name without tag or digest (`app`, `team/app`, `127.0.0.1:5000/team/app`), per the distribution grammar. */
export const imageName = z
  .string()
  .check(
    z.maxLength(255, 'must be at most 255 characters'),
    z.refine(
      (name) => !/[@]/.test(name) && !/:[^/]*$/.test(name.replace(/^[^/]*\//, '')),
      'must not carry a tag or digest: give tags in the tag inputs',
    ),
    z.refine(
      (name) => typeof parseImageReference(name) !== 'string',
      'must be an image name such as team/app: lowercase a-z 0-9 separated by . _ - or /, optionally after a registry host',
    ),
  );

/** ECR's rule for repository names, `<project>/<env>/<service>` included: 2–256 chars of lowercase a-z 0-9 . _ - /. */
const ECR_REPOSITORY = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;

export const ecrRepositoryName = z
  .string()
  .check(
    z.minLength(2, 'must be 2-256 characters'),
    z.maxLength(256, 'must be 2-256 characters'),
    z.regex(ECR_REPOSITORY, "must be an ECR repository name such as project/env/service: lowercase a-z 0-9 separated by . _ - or /"),
  );

/** Where a registry answers. Plain http only on loopback: a local registry, never a network one. */
export interface RegistryEndpoint {
  readonly scheme: 'http' | 'https';
  /** `host[:port]` as it appears in image references. */
  readonly host: string;
}

export function isLoopbackHost(host: string): boolean {
  const name = host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  return name === 'localhost' || name === '::1' || /^127(?:\.\d{1,3}){3}$/.test(name);
}

/**
 * Parses `host[:port]` or `http(s)://host[:port]`. A bare loopback host means http (local registries serve plain
 * http); any other bare host means https.
 */
export function parseRegistry(value: string): RegistryEndpoint | string {
  const match = /^(?:(https?):\/\/)?([^/\s]+?)\/?$/.exec(value.trim());
  if (!match || !new RegExp(`^${HOST}$`).test(match[2]!)) return 'must be a registry host such as 123456789012.dkr.ecr.us-east-1.amazonaws.com or http://127.0.0.1:5000';
  const host = match[2]!;
  const port = /:(\d+)$/.exec(host)?.[1];
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65_535)) return `port ${port} is out of range (1-65535)`;
  const scheme = (match[1] as 'http' | 'https' | undefined) ?? (isLoopbackHost(host) ? 'http' : 'https');
  if (scheme === 'http' && !isLoopbackHost(host)) return `plain http is allowed only for a loopback registry (127.0.0.1, localhost), not ${host}`;
  return { scheme, host };
}

export const registryEndpoint = parsedBy(parseRegistry);

/** Tags, comma- or newline-separated, each checked by `tagProblem`. */
export const tagList = z.pipe(z.optional(z.string()), z.transform((value) => splitList(value))).check(
  z.superRefine((list, ctx) => {
    for (const tag of list) {
      const problem = tagProblem(tag);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }
  }),
);

/** A list input: one item per line or comma-separated, blanks dropped. */
export function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
