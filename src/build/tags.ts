import { tagProblem } from '../oci/reference.js';

export interface TagFacts {
  /** Full commit sha of the source. */
  readonly sha?: string;
  /** The CI run number (GitHub run number, Jenkins BUILD_NUMBER). */
  readonly runNumber?: string;
  /** Git tags at HEAD (`v1.2.3`); those that are semantic versions become image tags. */
  readonly gitTags: readonly string[];
  readonly latest: boolean;
  readonly extra: readonly string[];
  readonly shaTag?: boolean;
}

/** `v1.2.3`, `v1.2.3-rc.1`, `v1.2.3+build.5` → the version as a tag (`+` is not allowed in tags, so build metadata goes). */
export function semverOf(gitTag: string): string | undefined {
  const match = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z.-]+)?$/.exec(gitTag);
  if (!match) return undefined;
  const [, major, minor, patch, pre] = match;
  return `${major}.${minor}.${patch}${pre ? `-${pre.toLowerCase()}` : ''}`;
}

export function shortSha(sha: string): string {
  return sha.slice(0, 7).toLowerCase();
}

/**
 * The tags an image gets, in a stable order and without duplicates: `sha-<short sha>`, `build-<n>`, the semantic
 * version of any `v*` tag on the commit, `latest` on request, then the extra tags. Throws naming the input a bad
 * tag came from.
 */
export function deriveTags(facts: TagFacts): { tags: string[]; version?: string } {
  const tags: { tag: string; from: string }[] = [];
  if (facts.sha && facts.shaTag !== false) tags.push({ tag: `sha-${shortSha(facts.sha)}`, from: 'sha' });
  if (facts.runNumber) tags.push({ tag: `build-${facts.runNumber}`, from: 'build-number' });
  const versions = facts.gitTags.map(semverOf).filter((v): v is string => v !== undefined);
  for (const version of versions) tags.push({ tag: version, from: 'git tag' });
  if (facts.latest) tags.push({ tag: 'latest', from: 'tag-latest' });
  for (const tag of facts.extra) tags.push({ tag, from: 'tags' });
  for (const { tag, from } of tags) {
    const problem = tagProblem(tag);
    if (problem) throw new TagError(from, problem);
  }
  return { tags: [...new Set(tags.map((t) => t.tag))], version: versions[0] };
}

export class TagError extends Error {
  constructor(
    readonly source: string,
    message: string,
  ) {
    super(message);
  }
}
