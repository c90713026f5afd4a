import { describe, expect, it } from 'vitest';
import { cacheControlFor, globPattern, IMMUTABLE, NO_CACHE, parseCacheRules, SHORT_CACHE } from '../../src/static/cache-control.js';
import { contentTypeFor } from '../../src/static/content-type.js';

const HUGO_CSS = `css/style.min.${'3f2a9c1b'.repeat(8)}.css`;

describe('cache rules', () => {
  it.each([
    ['main.3f2a9c1b.js', IMMUTABLE],
    ['assets/main.3f2a9c1b.css', IMMUTABLE],
    [HUGO_CSS, IMMUTABLE],
    ['static/js/chunk-0a1b2c3d4e.js', IMMUTABLE],
    ['index.html', NO_CACHE],
    ['docs/guide/index.html', NO_CACHE],
    ['legacy/page.htm', NO_CACHE],
    ['sw.js', NO_CACHE],
    ['app/sw.js', NO_CACHE],
    ['main.js', SHORT_CACHE],
    ['jquery-3.6.0.min.js', SHORT_CACHE],
    ['img/logo.png', SHORT_CACHE],
    ['main.3f2a9c1.js', SHORT_CACHE], // 7 hex digits: too short to be a fingerprint
    ['sitemap.xml', SHORT_CACHE],
  ])('%s gets %s by default', (path, header) => {
    expect(cacheControlFor(path, [])).toBe(header);
  });

  it("tries the user's rules first, first match wins, and falls back to the defaults", () => {
    const rules = parseCacheRules(['# pages revalidate, feeds too', '**/*.html: no-store', '', 'feeds/**: public, max-age=60', '**/*.xml: public, max-age=600'].join('\n'));
    expect(cacheControlFor('docs/index.html', rules)).toBe('no-store');
    expect(cacheControlFor('feeds/all.xml', rules)).toBe('public, max-age=60');
    expect(cacheControlFor('sitemap.xml', rules)).toBe('public, max-age=600');
    expect(cacheControlFor('main.3f2a9c1b.js', rules)).toBe(IMMUTABLE);
    expect(cacheControlFor('img/a.png', rules)).toBe(SHORT_CACHE);
  });

  it.each([
    ['no colon here', /line 1 .* must be '<glob>: <Cache-Control value>'/],
    ['**/*.html:', /line 1/],
    ['*.[ch]: no-cache', /character classes are not supported/],
    ['{a,b: no-cache', /unclosed/],
    ['# only a comment', /holds no rule/],
  ])('refuses %j', (text, message) => {
    expect(() => parseCacheRules(text)).toThrow(message);
  });

  it('matches globs by path segment', () => {
    expect(globPattern('*.html').test('index.html')).toBe(true);
    expect(globPattern('*.html').test('docs/index.html')).toBe(false);
    expect(globPattern('**/*.html').test('docs/a/index.html')).toBe(true);
    expect(globPattern('docs/**').test('docs/a/b.css')).toBe(true);
    expect(globPattern('docs/**').test('docsx/a.css')).toBe(false);
    expect(globPattern('img/?.png').test('img/a.png')).toBe(true);
    expect(globPattern('img/?.png').test('img/ab.png')).toBe(false);
    expect(globPattern('a+b(c).txt').test('a+b(c).txt')).toBe(true);
    expect(globPattern('*.{js,css}').test('x.css')).toBe(true);
    expect(globPattern('*.{js,css}').test('x.png')).toBe(false);
  });
});

describe('content types from the mime library', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['css/site.css', 'text/css; charset=utf-8'],
    ['main.3f2a9c1b.js', 'text/javascript; charset=utf-8'],
    ['data/x.json', 'application/json; charset=utf-8'],
    ['sitemap.xml', 'application/xml; charset=utf-8'],
    ['img/logo.svg', 'image/svg+xml; charset=utf-8'],
    ['img/logo.png', 'image/png'],
    ['fonts/a.woff2', 'font/woff2'],
    ['site.webmanifest', 'application/manifest+json; charset=utf-8'],
    ['files/report.pdf', 'application/pdf'],
    ['README', 'application/octet-stream'],
    ['blob.unknownext', 'application/octet-stream'],
  ])('%s is %s', (path, type) => {
    expect(contentTypeFor(path)).toBe(type);
  });
});
