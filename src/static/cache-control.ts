/**
 * Cache-Control by rules: a glob over the site-relative path and the header for the files it matches, first match
 * wins. The user's rules come first; the defaults below follow them, so every file gets a header.
 *
 * Globs: `*` any characters but `/`, `**` any characters including `/` (`**\/` also matches no directory at all),
 * `?` one character but `/`, `{a,b}` alternatives, and `[hash]`: a fingerprint, 8 or more hex digits, as bundlers
 * (`main.3f2a9c1b.js`) and Hugo's `resources.Fingerprint` (`style.min.<64 hex>.css`) write them.
 */
export interface CacheRule {
  readonly glob: string;
  readonly header: string;
  readonly matches: (relativePath: string) => boolean;
}

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const NO_CACHE = 'no-cache';
export const SHORT_CACHE = 'public, max-age=300';

/** Fingerprinted assets never change under their name; HTML and the service worker must always be revalidated. */
export const DEFAULT_CACHE_RULES: readonly CacheRule[] = [
  rule('**/*.[hash].*', IMMUTABLE),
  rule('**/*-[hash].*', IMMUTABLE),
  rule('**/*.{html,htm}', NO_CACHE),
  rule('**/sw.js', NO_CACHE),
  rule('**', SHORT_CACHE),
];

export function rule(glob: string, header: string): CacheRule {
  const pattern = globPattern(glob);
  return { glob, header, matches: (path) => pattern.test(path) };
}

export function cacheControlFor(relativePath: string, rules: readonly CacheRule[]): string {
  for (const candidate of [...rules, ...DEFAULT_CACHE_RULES]) if (candidate.matches(relativePath)) return candidate.header;
  return SHORT_CACHE;
}

/**
 * Parses the `cache-control` input: one rule a line, `<glob>: <header>`, blank lines and `#` comments ignored.
 * Throws with the offending line, which the stage reports under the input's name.
 */
export function parseCacheRules(text: string): CacheRule[] {
  const rules: CacheRule[] = [];
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const colon = line.indexOf(':');
    const glob = colon > 0 ? line.slice(0, colon).trim() : '';
    const header = colon > 0 ? line.slice(colon + 1).trim() : '';
    if (!glob || !header) throw new Error(`line ${index + 1} ('${line}') must be '<glob>: <Cache-Control value>', e.g. '**/*.html: no-cache'`);
    // The header goes to S3 as sent; control characters would corrupt the request.
    if (/[\u0000-\u001f\u007f]/.test(header)) throw new Error(`line ${index + 1}: the header holds a control character`);
    try {
      rules.push(rule(glob, header));
    } catch (error) {
      throw new Error(`line ${index + 1}: ${(error as Error).message}`);
    }
  }
  if (rules.length === 0) throw new Error("holds no rule: write one '<glob>: <Cache-Control value>' a line");
  return rules;
}

/** Translates a glob (syntax above) into an anchored regular expression over `/`-separated paths. */
export function globPattern(glob: string): RegExp {
  let source = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (glob.startsWith('[hash]', i)) {
      source += '[0-9a-fA-F]{8,}';
      i += '[hash]'.length - 1;
    } else if (glob.startsWith('**/', i)) {
      source += '(?:.*/)?';
      i += 2;
    } else if (glob.startsWith('**', i)) {
      source += '.*';
      i += 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '{') {
      braces++;
      source += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      source += ')';
    } else if (c === ',' && braces > 0) source += '|';
    else if (c === '[' || c === ']') throw new Error(`'${glob}': character classes are not supported (only [hash])`);
    else source += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  if (braces > 0) throw new Error(`'${glob}': unclosed '{'`);
  return new RegExp(`^${source}$`);
}
