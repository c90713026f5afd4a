/**
 * GitHub's filter patterns for branches and tags (`main`, `release/**`, `v[0-9]*`, `!wip/*`): what a push trigger
 * and a branch condition accept. Checked here, since GitHub silently matches nothing on a pattern it cannot read.
 */
export function branchPatternProblem(pattern: string): string | undefined {
  const body = pattern.startsWith('!') ? pattern.slice(1) : pattern;
  if (body === '') return 'it is empty';
  if (/\s/.test(body)) return 'it contains whitespace';
  if (/[~^:\\\x00-\x1f\x7f]/.test(body)) return 'it contains a character git refuses in a ref (~ ^ : \\ or a control character)';
  if (body.includes('..') || body.includes('@{') || body.includes('//')) return 'it contains "..", "@{" or "//", which no git ref can';
  if (body.startsWith('/') || body.endsWith('/') || body.endsWith('.lock')) return 'it starts or ends with "/" or ends with ".lock"';
  let open = false;
  for (const char of body) {
    if (char === '[') {
      if (open) return 'it opens "[" inside a character class';
      open = true;
    } else if (char === ']') {
      if (!open) return 'it closes "]" that was never opened';
      open = false;
    }
  }
  if (open) return 'a "[" is never closed';
  return undefined;
}

/**
 * A shell-free condition on the ref of a run, for `if:`: exact names compare, patterns with wildcards are left to
 * the trigger's own filter (the `on.push` lists hold them) and to `startsWith` for a trailing `/**` or `*`.
 */
export function refCondition(kind: 'branch' | 'tag', pattern: string): string {
  const prefix = kind === 'branch' ? 'refs/heads/' : 'refs/tags/';
  const wildcard = pattern.search(/[*?+[\]!]/);
  if (wildcard < 0) return `github.ref == '${prefix}${pattern}'`;
  const head = pattern.slice(0, wildcard);
  if (/^\*+$/.test(pattern.slice(wildcard))) return `startsWith(github.ref, '${prefix}${head}')`;
  // Other patterns: the literal part before the first wildcard, which the push filter has already narrowed.
  return `startsWith(github.ref, '${prefix}${head}')`;
}
