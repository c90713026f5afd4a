/**
 * Container image references as ECS accepts them: `[registry[:port]/]path[:tag][@sha256:<64 hex>]`. Parsed up front
 * so that a typo is refused before a task-definition revision is registered.
 */
export interface ImageReference {
  /** Registry host and repository path, without tag or digest. */
  readonly repository: string;
  readonly tag?: string;
  readonly digest?: string;
}

const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*(?::[0-9]+)?|\\[[0-9a-fA-F:]+\\](?::[0-9]+)?)`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = 'sha256:[a-f0-9]{64}';
const REFERENCE = new RegExp(
  `^(?<repository>(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*)(?::(?<tag>${TAG}))?(?:@(?<digest>${DIGEST}))?$`,
);

/** Returns the parsed reference, or undefined when `value` is not a valid image reference. */
export function parseImageReference(value: string): ImageReference | undefined {
  const match = REFERENCE.exec(value);
  if (!match?.groups) return undefined;
  const { repository, tag, digest } = match.groups;
  // Upper case is allowed in a registry host only, and a first component is a host only if it has a dot or a port.
  const [first, ...rest] = repository!.split('/');
  if (rest.length > 0 && /[A-Z]/.test(first!) && !/[.:]/.test(first!)) return undefined;
  return { repository: repository!, tag, digest };
}

/**
 * The reference to put in a task definition: by digest whenever one is known (`repo@sha256:…`, a tag beside the
 * digest dropped, since the digest is what ECS pins), otherwise as given.
 */
export function deployableImage(reference: ImageReference): string {
  if (reference.digest) return `${reference.repository}@${reference.digest}`;
  return reference.tag ? `${reference.repository}:${reference.tag}` : reference.repository;
}
