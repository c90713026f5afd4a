import * as z from '../model/zod.js';

/**
 * Image references, `[registry[:port]/]path[:tag][@digest]`, by the grammar of github.com/distribution/reference:
 * the one parser every stage uses, so that an image a deploy stage accepts is one a GitOps bump accepts too.
 */
export interface ImageReference {
  /** Registry host and repository path, without tag or digest: `123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/api`. */
  readonly name: string;
  readonly tag?: string;
  /** `algorithm:hex`, e.g. `sha256:…`. */
  readonly digest?: string;
}

const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
/** A host name or IPv4 address, or a bracketed IPv6 address, with an optional port. */
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const NAME = new RegExp(`^(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[0-9a-zA-Z=_-]+$/;
/** The digest algorithms registries serve (OCI image spec), with the encoded length each must have. */
const DIGEST_ALGORITHMS: Readonly<Record<string, number>> = { sha256: 64, sha512: 128 };

/** The format, as error messages show it. */
export const IMAGE_REFERENCE_FORMAT = '[registry/]repository[:tag][@sha256:<64 hex digits>]';

/**
 * Parses an image reference. Returns a problem, phrased to follow "the image …", when `value` is not one; a bare
 * name without tag or digest is a valid reference (see `requirePinned`).
 */
export function parseImageReference(value: string): ImageReference | string {
  const at = value.indexOf('@');
  const beforeDigest = at >= 0 ? value.slice(0, at) : value;
  const digest = at >= 0 ? value.slice(at + 1) : undefined;
  if (digest !== undefined) {
    const problem = digestProblem(digest);
    if (problem) return problem;
  }
  // The tag separator is the last ':' after the last '/', so a registry port is not mistaken for a tag.
  const slash = beforeDigest.lastIndexOf('/');
  const colon = beforeDigest.lastIndexOf(':');
  const name = colon > slash ? beforeDigest.slice(0, colon) : beforeDigest;
  const tag = colon > slash ? beforeDigest.slice(colon + 1) : undefined;
  if (!NAME.test(name) || hasUppercasePath(name)) {
    return `has a malformed repository name '${name}' (lower-case path components, optional registry host)`;
  }
  if (tag !== undefined && !TAG.test(tag)) return `has a malformed tag '${tag}'`;
  return { name, tag, digest };
}

function digestProblem(digest: string): string | undefined {
  const expected = `expected sha256:<64 hex digits>`;
  if (!DIGEST.test(digest)) return `has a malformed digest '${digest}' (${expected})`;
  const [algorithm, encoded] = digest.split(':') as [string, string];
  const length = DIGEST_ALGORITHMS[algorithm];
  if (length === undefined) return `has a digest of unsupported algorithm '${algorithm}' (${expected}, or sha512)`;
  if (!new RegExp(`^[0-9a-f]{${length}}$`).test(encoded)) return `has a malformed digest '${digest}' (${algorithm} takes ${length} lower-case hex digits)`;
  return undefined;
}

/**
 * Upper case is allowed in a registry host only, and the first component is a host only when it looks like one
 * (a dot, a port, `localhost`, an IPv6 address); `Team/app` is a path with an upper-case component.
 */
function hasUppercasePath(name: string): boolean {
  const components = name.split('/');
  const path = components.length > 1 && isRegistryHost(components[0]!) ? components.slice(1) : components;
  return path.some((component) => /[A-Z]/.test(component));
}

function isRegistryHost(component: string): boolean {
  return component.includes('.') || component.includes(':') || component.startsWith('[') || component === 'localhost';
}

/** A reference must pin something where it is written down for others to deploy (a GitOps file). */
export function requirePinned(reference: ImageReference): string | undefined {
  return reference.tag === undefined && reference.digest === undefined ? 'needs a tag or a digest (name:tag or name@sha256:…)' : undefined;
}

export function formatImageReference(reference: ImageReference): string {
  return `${reference.name}${reference.tag ? `:${reference.tag}` : ''}${reference.digest ? `@${reference.digest}` : ''}`;
}

/**
 * The reference to deploy: by digest whenever one is known (`repo@sha256:…`, a tag beside the digest dropped, since
 * the digest is what the runtime pins), otherwise as given.
 */
export function deployableImage(reference: ImageReference): string {
  if (reference.digest) return `${reference.name}@${reference.digest}`;
  return formatImageReference(reference);
}

/** The registry part of a name (`host[:port]`), when the first component is one. */
export function splitRegistry(name: string): { registry?: string; repository: string } {
  const slash = name.indexOf('/');
  if (slash < 0) return { repository: name };
  const first = name.slice(0, slash);
  if (isRegistryHost(first)) return { registry: first, repository: name.slice(slash + 1) };
  return { repository: name };
}

/** Tag, else a short digest: what a person reads in a commit subject. */
export function shortVersion(reference: ImageReference): string {
  if (reference.tag) return reference.tag;
  return reference.digest ? reference.digest.slice(0, 19) : '';
}

/**
 * An image input, validated into its parsed reference. `pinned`: a tag or digest is required. The message names the
 * expected format and what is wrong with this value.
 */
export function imageReferenceInput(options: { pinned?: boolean } = {}) {
  return z.pipe(
    z.string(),
    z.transform((value, ctx) => {
      const parsed = parseImageReference(value);
      const problem = typeof parsed === 'string' ? parsed : options.pinned ? requirePinned(parsed) : undefined;
      if (problem === undefined) return parsed as ImageReference;
      ctx.issues.push({ code: 'custom', input: value, message: `must be an image reference ${IMAGE_REFERENCE_FORMAT}; this one ${problem}` });
      return z.NEVER;
    }),
  );
}
