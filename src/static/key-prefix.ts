/**
 * The part of the bucket the site owns. Normalised to `''` (the whole bucket) or `a/b/` (no leading `/`, one
 * trailing `/`), so `site` never also owns `site-old/`. Returns a problem instead when the prefix could escape
 * itself or names no real key.
 */
export function normalisePrefix(raw: string | undefined): { prefix: string } | { problem: string } {
  const trimmed = (raw ?? '').trim().replace(/^\/+/, '').replace(/\/+$/, '');
  if (trimmed === '') return { prefix: '' };
  const segments = trimmed.split('/');
  if (segments.some((segment) => segment === '..' || segment === '.')) return { problem: "must not hold '.' or '..' segments" };
  if (segments.some((segment) => segment === '')) return { problem: "must not hold an empty segment ('//')" };
  if (/[\u0000-\u001f\u007f\\]/.test(trimmed)) return { problem: 'must not hold control characters or backslashes' };
  if (trimmed.length > 512) return { problem: 'must be at most 512 characters' };
  return { prefix: `${trimmed}/` };
}

/** The object key of a site file. */
export function keyOf(prefix: string, relativePath: string): string {
  return assertOwnedKey(prefix, `${prefix}${relativePath}`);
}

/** The site-relative path of a key the site owns. */
export function relativePathOf(prefix: string, key: string): string {
  return assertOwnedKey(prefix, key).slice(prefix.length);
}

/**
 * The last guard before a write or delete: a key outside the prefix, or one that a `..` segment would move out of
 * it, is a bug, never something to act on.
 */
export function assertOwnedKey(prefix: string, key: string): string {
  const rest = key.slice(prefix.length);
  if (!key.startsWith(prefix) || rest === '' || rest.split('/').some((segment) => segment === '..' || segment === '.')) {
    throw new Error(`refusing to touch '${key}': it is outside the site prefix '${prefix}'`);
  }
  return key;
}
