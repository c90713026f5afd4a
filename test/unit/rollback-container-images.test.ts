import { describe, expect, it } from 'vitest';
import { formatContainerImages, parseContainerImages } from '../../src/kube/container-images.js';

const DIGEST = `sha256:${'5e'.repeat(32)}`;

describe('previous-images: container=image pairs', () => {
  it('reads what deploy-eks writes, and writes it back the same', () => {
    const text = `app=127.0.0.1:5000/gantry/web:sha-1111111,proxy=envoyproxy/envoy@${DIGEST}`;
    const images = parseContainerImages(text);
    expect(images).toEqual(new Map([
      ['app', '127.0.0.1:5000/gantry/web:sha-1111111'],
      ['proxy', `envoyproxy/envoy@${DIGEST}`],
    ]));
    expect(formatContainerImages(images as Map<string, string>)).toBe(text);
  });

  it('takes spaces and line breaks between pairs, as a multi-line input writes them', () => {
    expect(parseContainerImages(' app=web:1 ,\n sidecar=proxy:2\n')).toEqual(new Map([['app', 'web:1'], ['sidecar', 'proxy:2']]));
  });

  it('keeps an image without a tag as the cluster had it', () => {
    expect(parseContainerImages('app=nginx')).toEqual(new Map([['app', 'nginx']]));
  });

  it.each([
    ['', 'needs at least one container=image pair'],
    [' , ', 'needs at least one container=image pair'],
    ['web:1', "must be container=image pairs separated by commas, as deploy-eks outputs them (got 'web:1')"],
    ['app=', "must be container=image pairs separated by commas, as deploy-eks outputs them (got 'app=')"],
    ['=web:1', "must be container=image pairs separated by commas, as deploy-eks outputs them (got '=web:1')"],
    ['App=web:1', "has a malformed container name 'App'"],
    ['app=Web:1', "has an image for app that is not"],
    ['app=web@sha256:12', 'malformed digest'],
    ['app=web:1,app=web:2', "names container 'app' twice"],
  ])('refuses %j', (value, problem) => {
    const result = parseContainerImages(value);
    expect(typeof result).toBe('string');
    expect(result).toContain(problem);
  });
});
