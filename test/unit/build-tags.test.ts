import { describe, expect, it } from 'vitest';
import { deriveTags, semverOf, TagError } from '../../src/build/tags.js';
import { tagProblem } from '../../src/oci/reference.js';

const sha = 'B570983fcd8b56966b788edca78fe06580825c1c';

describe('semverOf', () => {
  it.each([
    ['v1.2.3', '1.2.3'],
    ['v0.10.0', '0.10.0'],
    ['v2.0.0-RC.1', '2.0.0-rc.1'],
    ['v1.2.3+build.7', '1.2.3'],
  ])('%s → %s', (tag, version) => expect(semverOf(tag)).toBe(version));

  it.each(['1.2.3', 'v1.2', 'v01.2.3', 'version-1', 'v1.2.3.4'])('ignores %s', (tag) => expect(semverOf(tag)).toBeUndefined());
});

describe('deriveTags', () => {
  it('orders sha, build number, version, latest, extras and drops duplicates', () => {
    const { tags, version } = deriveTags({ sha, runNumber: '42', gitTags: ['v1.4.0', 'not-a-version'], latest: true, extra: ['stable', 'latest'] });
    expect(tags).toEqual(['sha-b570983', 'build-42', '1.4.0', 'latest', 'stable']);
    expect(version).toBe('1.4.0');
  });

  it('gives only what the facts support', () => {
    expect(deriveTags({ gitTags: [], latest: false, extra: [] }).tags).toEqual([]);
    expect(deriveTags({ sha, gitTags: [], latest: false, extra: [] }).tags).toEqual(['sha-b570983']);
    expect(deriveTags({ sha, shaTag: false, runNumber: '7', gitTags: [], latest: false, extra: [] }).tags).toEqual(['build-7']);
  });

  it('names the input a bad extra tag came from', () => {
    let caught: unknown;
    try {
      deriveTags({ sha, gitTags: [], latest: false, extra: ['Release 1'] });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TagError);
    expect((caught as TagError).source).toBe('tags');
  });
});

describe('tagProblem', () => {
  it('accepts registry-valid lowercase tags', () => {
    for (const tag of ['latest', 'sha-abc1234', '1.2.3-rc.1', '_x', 'a'.repeat(128)]) expect(tagProblem(tag)).toBeUndefined();
  });
  it('says why a tag is refused', () => {
    expect(tagProblem('My-Tag')).toMatch(/uppercase/);
    expect(tagProblem('my tag')).toMatch(/space/);
    expect(tagProblem('-x')).toMatch(/1-128 characters/);
    expect(tagProblem('a'.repeat(129))).toMatch(/1-128 characters/);
  });
});
