/** A container image reference split the way GitOps files store it: name, tag and digest kept apart. */
export interface ImageRef {
  /** `[registry/]path`, e.g. `123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/api`. */
  readonly name: string;
  readonly tag?: string;
  /** `algorithm:hex`, e.g. `sha256:…`. */
  readonly digest?: string;
}

// The grammar of github.com/distribution/reference, without IPv6 registries.
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*(?::[0-9]+)?`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const NAME = new RegExp(`^(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[0-9a-fA-F]{32,}$/;

/**
 * Parses `name:tag`, `name@sha256:…` or `name:tag@sha256:…`. Returns a problem string for a malformed reference;
 * a reference without tag or digest is refused too, since a bump must pin something.
 */
export function parseImageRef(value: string): ImageRef | string {
  const at = value.indexOf('@');
  const beforeDigest = at >= 0 ? value.slice(0, at) : value;
  const digest = at >= 0 ? value.slice(at + 1) : undefined;
  if (digest !== undefined && !DIGEST.test(digest)) return `has a malformed digest '${digest}' (expected sha256:<64 hex digits>)`;
  if (digest?.startsWith('sha256:') && !/^sha256:[0-9a-f]{64}$/.test(digest)) return 'has a malformed sha256 digest (expected 64 lower-case hex digits)';
  // The tag separator is the last ':' after the last '/', so a registry port is not mistaken for a tag.
  const slash = beforeDigest.lastIndexOf('/');
  const colon = beforeDigest.lastIndexOf(':');
  const name = colon > slash ? beforeDigest.slice(0, colon) : beforeDigest;
  const tag = colon > slash ? beforeDigest.slice(colon + 1) : undefined;
  if (!NAME.test(name)) return `has a malformed repository name '${name}' (lower-case path components, optional registry host)`;
  if (tag !== undefined && !TAG.test(tag)) return `has a malformed tag '${tag}'`;
  if (tag === undefined && digest === undefined) return 'needs a tag or a digest (name:tag or name@sha256:…)';
  return { name, tag, digest };
}

export function formatImageRef(ref: ImageRef): string {
  return `${ref.name}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}

/** The registry part of a name (`host[:port]`), when the first component looks like one (a dot, a port, localhost). */
export function splitRegistry(name: string): { registry?: string; repository: string } {
  const slash = name.indexOf('/');
  if (slash < 0) return { repository: name };
  const first = name.slice(0, slash);
  if (first.includes('.') || first.includes(':') || first === 'localhost') return { registry: first, repository: name.slice(slash + 1) };
  return { repository: name };
}

/** Tag, else a short digest: what a person reads in a commit subject. */
export function shortVersion(ref: ImageRef): string {
  if (ref.tag) return ref.tag;
  return ref.digest ? ref.digest.slice(0, 19) : '';
}
