import { describe, expect, it } from 'vitest';
import { assertOwnedKey, keyOf, normalisePrefix } from '../../src/static/key-prefix.js';
import { planSync, type HashedFile } from '../../src/static/sync-plan.js';
import { collapsePaths, encodePath, expandPaths } from '../../src/static/invalidation-paths.js';
import { originPathOf, urlPathOf } from '../../src/static/cloudfront-invalidation.js';

const file = (relativePath: string, etag: string, size = 10): HashedFile => ({ path: `/site/${relativePath}`, relativePath, size, etag });

describe('prefix guards', () => {
  it.each([
    [undefined, ''],
    ['', ''],
    ['/', ''],
    ['site', 'site/'],
    ['/site/', 'site/'],
    ['a/b', 'a/b/'],
  ])('normalises %j to %j', (raw, prefix) => {
    expect(normalisePrefix(raw)).toEqual({ prefix });
  });

  it.each(['..', 'site/../other', 'a/./b', 'a//b', 'a\\b'])('refuses %j', (raw) => {
    expect(normalisePrefix(raw)).toHaveProperty('problem');
  });

  it('never lets a key leave the prefix', () => {
    expect(keyOf('site/', 'docs/a.html')).toBe('site/docs/a.html');
    expect(() => assertOwnedKey('site/', 'site-old/a.html')).toThrow(/outside the site prefix/);
    expect(() => assertOwnedKey('site/', 'site/../other/a.html')).toThrow(/outside the site prefix/);
    expect(() => assertOwnedKey('site/', 'site/')).toThrow(/outside/);
    expect(assertOwnedKey('', 'anything/at/all')).toBe('anything/at/all');
  });
});

describe('sync plan', () => {
  const local = [file('index.html', 'aa'), file('main.3f2a9c1b.js', 'bb'), file('docs/index.html', 'cc'), file('img/new.png', 'dd'), file('same.css', 'ee', 7)];
  const remote = [
    { key: 'site/index.html', etag: '"aa"', size: 10 },
    { key: 'site/main.3f2a9c1b.js', etag: '"b0"', size: 10 },
    { key: 'site/docs/index.html', etag: '"CC"', size: 10 },
    { key: 'site/same.css', etag: '"ee"', size: 7 },
    { key: 'site/gone.html', etag: '"ff"', size: 3 },
  ];

  it('uploads what differs by content, assets before pages, and deletes what is gone', () => {
    const plan = planSync(local, remote, { prefix: 'site/', delete: true, htmlLast: true });
    expect(plan.uploadPhases.map((phase) => phase.map((u) => `${u.key}:${u.reason}`))).toEqual([['site/main.3f2a9c1b.js:changed', 'site/img/new.png:new']]);
    expect(plan.unchanged.map((f) => f.relativePath)).toEqual(['index.html', 'docs/index.html', 'same.css']);
    expect(plan.deletions).toEqual(['site/gone.html']);
  });

  it('puts pages in a phase of their own after the assets', () => {
    const plan = planSync([file('a.html', '1'), file('b.css', '2'), file('c/index.htm', '3')], [], { prefix: '', delete: true, htmlLast: true });
    expect(plan.uploadPhases.map((phase) => phase.map((u) => u.key))).toEqual([['b.css'], ['a.html', 'c/index.htm']]);
    const unordered = planSync([file('a.html', '1'), file('b.css', '2')], [], { prefix: '', delete: true, htmlLast: false });
    expect(unordered.uploadPhases.map((phase) => phase.map((u) => u.key))).toEqual([['a.html', 'b.css']]);
  });

  it('treats a size difference as a change even when the ETag matches', () => {
    const plan = planSync([file('a.css', 'ee', 8)], [{ key: 'a.css', etag: '"ee"', size: 7 }], { prefix: '', delete: true, htmlLast: true });
    expect(plan.uploadPhases.flat().map((u) => u.reason)).toEqual(['changed']);
  });

  it('keeps what is gone when deletion is off', () => {
    const plan = planSync(local, remote, { prefix: 'site/', delete: false, htmlLast: true });
    expect(plan.deletions).toEqual([]);
    expect(plan.kept).toEqual(['site/gone.html']);
  });

  it('refuses to plan around a listed key outside the prefix', () => {
    expect(() => planSync(local, [...remote, { key: 'other/x.html', etag: '"1"' }], { prefix: 'site/', delete: true, htmlLast: true })).toThrow(/outside the site prefix/);
  });
});

describe('invalidation paths', () => {
  it('invalidates a directory index under all three of its URLs', () => {
    expect(expandPaths(['/docs/index.html', '/index.html', '/css/site.css'])).toEqual(['/', '/css/site.css', '/docs', '/docs/', '/docs/index.html', '/index.html']);
  });

  it('percent-encodes unsafe characters and a literal *, so a file name never widens the invalidation', () => {
    expect(encodePath('/a b/ü*(1).html')).toBe('/a%20b/%C3%BC%2A%281%29.html');
  });

  it('keeps the paths within the limit, then wildcards top-level directories, then /*', () => {
    const paths = ['/a.html', '/docs/1.html', '/docs/2.html', '/blog/x/y.html'];
    expect(collapsePaths(paths, { maxPaths: 4, maxWildcards: 15 })).toEqual(paths);
    expect(collapsePaths(paths, { maxPaths: 3, maxWildcards: 15 })).toEqual(['/a.html', '/blog/*', '/docs/*']);
    expect(collapsePaths(paths, { maxPaths: 3, maxWildcards: 1 })).toEqual(['/*']);
    expect(collapsePaths(paths, { maxPaths: 2, maxWildcards: 15 })).toEqual(['/*']);
    expect(collapsePaths([], { maxPaths: 1, maxWildcards: 1 })).toEqual([]);
  });

  it('maps keys to viewer paths under the origin path of the bucket', () => {
    const distribution = {
      DistributionConfig: {
        Origins: { Quantity: 2, Items: [{ Id: 'api', DomainName: 'api.example.com' }, { Id: 's3', DomainName: 'site-bucket.s3.us-east-1.amazonaws.com', OriginPath: '/site' }] },
      },
    } as never;
    expect(originPathOf(distribution, 'site-bucket')).toBe('/site');
    expect(originPathOf(distribution, 'other-bucket')).toBeUndefined();
    expect(urlPathOf('site/docs/index.html', '/site')).toBe('/docs/index.html');
    expect(urlPathOf('docs/index.html', '')).toBe('/docs/index.html');
  });
});
