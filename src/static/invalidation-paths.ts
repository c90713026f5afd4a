/**
 * The CloudFront paths that make viewers see a change. A page `docs/index.html` is served under three URLs —
 * `/docs/index.html`, `/docs/` and `/docs` (the default root object and directory index) — and each may be cached,
 * so all three are invalidated.
 */
export function expandPaths(urlPaths: readonly string[]): string[] {
  const paths = new Set<string>();
  for (const urlPath of urlPaths) {
    const encoded = encodePath(urlPath);
    paths.add(encoded);
    const index = /^(.*\/)index\.html?$/.exec(encoded);
    if (index) {
      const directory = index[1]!;
      paths.add(directory);
      if (directory !== '/') paths.add(directory.slice(0, -1));
    }
  }
  return [...paths].sort();
}

/**
 * CloudFront reads `*` as a wildcard and needs unsafe characters percent-encoded; every segment is encoded, with
 * `*` too, so a file name can never widen the invalidation.
 */
export function encodePath(urlPath: string): string {
  return urlPath
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/\*/g, '%2A').replace(/[!'()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}

export interface InvalidationLimits {
  /** Most paths in one invalidation before it is collapsed (CloudFront's free tier: 1,000 paths a month). */
  readonly maxPaths: number;
  /** Most wildcard paths in one invalidation (CloudFront allows 15 in progress at once). */
  readonly maxWildcards: number;
}

/**
 * Within the limits the paths go as they are. Past `maxPaths`, each top-level directory becomes one wildcard
 * (`/docs/*`, pages at the root stay as they are) if that fits both limits; otherwise everything: `/*`.
 */
export function collapsePaths(paths: readonly string[], limits: InvalidationLimits): string[] {
  if (paths.length === 0) return [];
  if (paths.length <= limits.maxPaths) return [...paths];
  const grouped = new Set<string>();
  for (const path of paths) {
    const top = /^\/[^/]+\//.exec(path);
    grouped.add(top ? `${top[0]}*` : path);
  }
  const wildcards = [...grouped].filter((path) => path.endsWith('*')).length;
  if (wildcards <= limits.maxWildcards && grouped.size <= limits.maxPaths) return [...grouped].sort();
  return ['/*'];
}
