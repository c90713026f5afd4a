import { describe, expect, it } from 'vitest';
import {
  deployableImage,
  formatImageReference,
  imageReferenceInput,
  parseImageReference,
  requirePinned,
  shortVersion,
  splitRegistry,
  type ImageReference,
} from '../../src/oci/image-reference.js';

const SHA256 = `sha256:${'a1'.repeat(32)}`;
const SHA512 = `sha512:${'b2'.repeat(64)}`;

function parsed(value: string): ImageReference {
  const reference = parseImageReference(value);
  if (typeof reference === 'string') throw new Error(`${value} ${reference}`);
  return reference;
}

describe('parseImageReference: one grammar for every stage', () => {
  // value, name, tag, digest, what a deploy stage runs (by digest when there is one)
  it.each([
    ['nginx', 'nginx', undefined, undefined, 'nginx'],
    ['nginx:1.27-alpine', 'nginx', '1.27-alpine', undefined, 'nginx:1.27-alpine'],
    ['127.0.0.1:5000/gantry/example-app:sha-abc1234', '127.0.0.1:5000/gantry/example-app', 'sha-abc1234', undefined, '127.0.0.1:5000/gantry/example-app:sha-abc1234'],
    ['reg.example.com:5000/team/app:v1.2', 'reg.example.com:5000/team/app', 'v1.2', undefined, 'reg.example.com:5000/team/app:v1.2'],
    [
      `123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/prod/web@${SHA256}`,
      '123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/prod/web',
      undefined,
      SHA256,
      `123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/prod/web@${SHA256}`,
    ],
    // Deploy by digest: a tag next to a digest is dropped, the digest pins the image.
    [`localhost:5000/web:v1.2.3@${SHA256}`, 'localhost:5000/web', 'v1.2.3', SHA256, `localhost:5000/web@${SHA256}`],
    [`app:v1@${SHA256}`, 'app', 'v1', SHA256, `app@${SHA256}`],
    ['Registry.Example.com/team/app:1', 'Registry.Example.com/team/app', '1', undefined, 'Registry.Example.com/team/app:1'],
    // IPv6 registries, bracketed as in a URL.
    ['[::1]:5000/team/app:v2', '[::1]:5000/team/app', 'v2', undefined, '[::1]:5000/team/app:v2'],
    [`[fd00::10]/app@${SHA256}`, '[fd00::10]/app', undefined, SHA256, `[fd00::10]/app@${SHA256}`],
    // The other digest algorithm registries serve.
    [`app@${SHA512}`, 'app', undefined, SHA512, `app@${SHA512}`],
    ['a__b/c--d/e.f_g:TAG_1', 'a__b/c--d/e.f_g', 'TAG_1', undefined, 'a__b/c--d/e.f_g:TAG_1'],
  ])('accepts %s', (value, name, tag, digest, deployable) => {
    const reference = parsed(value);
    expect(reference).toEqual({ name, tag, digest });
    expect(formatImageReference(reference)).toBe(value);
    expect(deployableImage(reference)).toBe(deployable);
  });

  it.each([
    ['UPPER/app:1', /malformed repository name 'UPPER\/app'/],
    ['App:v1', /malformed repository name/],
    ['Not An Image', /malformed repository name/],
    ['app:', /malformed tag ''/],
    ['app:-bad', /malformed tag/],
    ['app:v1 ', /malformed tag/],
    ['app:tag with space', /malformed tag/],
    ['registry.example.com//app', /malformed repository name/],
    ['-app', /malformed repository name/],
    ['', /malformed repository name/],
    ['app@sha256:1234', /malformed digest 'sha256:1234' \(sha256 takes 64 lower-case hex digits\)/],
    [`app@sha256:${'A1'.repeat(32)}`, /malformed digest/],
    [`app@sha1:${'a'.repeat(40)}`, /unsupported algorithm 'sha1'/],
    ['app@not a digest', /malformed digest/],
    [`app@sha512:${'b'.repeat(64)}`, /sha512 takes 128 lower-case hex digits/],
  ])('refuses %j, saying why', (value, problem) => {
    expect(parseImageReference(value)).toMatch(problem);
  });
});

describe('requirePinned', () => {
  it('asks for a tag or a digest where a reference is written down for others', () => {
    expect(requirePinned(parsed('reg.example.com:5000/app'))).toMatch(/needs a tag or a digest/);
    expect(requirePinned(parsed('reg.example.com:5000/app:v1'))).toBeUndefined();
    expect(requirePinned(parsed(`app@${SHA256}`))).toBeUndefined();
  });
});

describe('imageReferenceInput', () => {
  it('parses a valid value and names the format and the problem of an invalid one', () => {
    expect(imageReferenceInput().parse('app:v1')).toEqual({ name: 'app', tag: 'v1', digest: undefined });
    const refused = imageReferenceInput().safeParse('Shop/API:1');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe(
      "must be an image reference [registry/]repository[:tag][@sha256:<64 hex digits>]; this one has a malformed repository name 'Shop/API' (lower-case path components, optional registry host)",
    );
  });

  it('refuses an unpinned reference only when asked to', () => {
    expect(imageReferenceInput().safeParse('reg/app').success).toBe(true);
    expect(imageReferenceInput({ pinned: true }).safeParse('reg/app').error?.issues[0]?.message).toMatch(/this one needs a tag or a digest/);
  });
});

describe('splitRegistry and shortVersion', () => {
  it.each([
    ['reg.example.com/team/app', { registry: 'reg.example.com', repository: 'team/app' }],
    ['127.0.0.1:5000/app', { registry: '127.0.0.1:5000', repository: 'app' }],
    ['localhost/app', { registry: 'localhost', repository: 'app' }],
    ['[::1]:5000/app', { registry: '[::1]:5000', repository: 'app' }],
    ['team/app', { repository: 'team/app' }],
    ['app', { repository: 'app' }],
  ])('splits %s', (name, expected) => {
    expect(splitRegistry(name)).toEqual(expected);
  });

  it('prefers the tag, else a short digest', () => {
    expect(shortVersion(parsed(`app:v3@${SHA256}`))).toBe('v3');
    expect(shortVersion(parsed(`app@${SHA256}`))).toBe(SHA256.slice(0, 19));
    expect(shortVersion(parsed('app'))).toBe('');
  });
});
