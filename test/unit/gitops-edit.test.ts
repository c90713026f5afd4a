import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editText, type ImageEdit } from '../../src/gitops/edit.js';
import { parseImageReference, type ImageReference } from '../../src/oci/image-reference.js';
import { parseValuesPath } from '../../src/gitops/helm.js';
import { GantryError } from '../../src/model/errors.js';

const FIXTURES = 'test/fixtures/gitops';
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

function image(value: string): ImageReference {
  const ref = parseImageReference(value);
  if (typeof ref === 'string') throw new Error(ref);
  return ref;
}

function edit(kind: ImageEdit['kind'], ref: string, extra: Partial<ImageEdit> = {}): ImageEdit {
  return { kind, image: image(ref), service: 'svc', valuesPath: 'image', ...extra };
}

const golden: [string, ImageEdit, string[]][] = [
  ['kustomize-tag', edit('kustomize', 'registry.example.com/shop/api:1.5.0', { imageName: 'api' }), ['registry.example.com/shop/api:1.4.2']],
  [
    'kustomize-digest',
    edit('kustomize', '123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/web@sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945', {
      imageName: 'web',
    }),
    ['web:sha-0123abc'],
  ],
  ['helm-map', edit('helm', '123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/production/billing:sha-9f8e7d6'), ['old.registry.example.com/shop/billing:2024.01.7']],
  [
    'helm-path',
    edit('helm', 'registry.example.com/inventory:1.1.0', { valuesPath: 'inventory.deployment.containers.0.image' }),
    ['registry.example.com/inventory:1.0.0'],
  ],
  [
    'flux-markers',
    edit('flux', 'ghcr.io/stefanprodan/podinfo:6.6.1', { imagePolicy: 'flux-system:podinfo' }),
    ['ghcr.io/stefanprodan/podinfo:6.5.0', 'ghcr.io/stefanprodan/podinfo', '6.5.0'],
  ],
];

describe('image edits keep every other byte (golden files)', () => {
  it.each(golden)('%s', (name, spec, previous) => {
    const input = fixture(`${name}.input.yaml`);
    const result = editText(`${name}.yaml`, input, spec);
    expect(result.text).toBe(fixture(`${name}.expected.yaml`));
    expect(result.previous).toEqual(previous);
  });

  it.each(golden)('%s: applying the same edit again changes nothing', (name, spec) => {
    const expected = fixture(`${name}.expected.yaml`);
    expect(editText(`${name}.yaml`, expected, spec).text).toBe(expected);
  });

  it.each(golden)('%s: CRLF line endings stay CRLF', (name, spec) => {
    const crlf = (text: string) => text.replace(/\n/g, '\r\n');
    expect(editText(`${name}.yaml`, crlf(fixture(`${name}.input.yaml`)), spec).text).toBe(crlf(fixture(`${name}.expected.yaml`)));
  });
});

describe('kustomize images', () => {
  const base = ['images:', '  - name: example-app # base name', '    newName: reg/app', '    newTag: "initial"', ''].join('\n');

  it('matches an entry by newName when image-name is not given', () => {
    expect(editText('k.yaml', base, edit('kustomize', 'reg/app:v2')).text).toBe(base.replace('"initial"', '"v2"'));
  });

  it('matches an entry by the service name', () => {
    const out = editText('k.yaml', base, edit('kustomize', 'other/registry/example-app:v3', { service: 'example-app' })).text;
    expect(out).toBe(base.replace('reg/app', 'other/registry/example-app').replace('"initial"', '"v3"'));
  });

  it('adds newTag where the entry had none, indented like its siblings', () => {
    const text = 'images:\n    - name: api\n      newName: reg/api # mirror\nother: 1\n';
    expect(editText('k.yaml', text, edit('kustomize', 'reg/api:1.0', { imageName: 'api' })).text).toBe(
      'images:\n    - name: api\n      newName: reg/api # mirror\n      newTag: "1.0"\nother: 1\n',
    );
  });

  it('quotes a plain tag that would otherwise read as a number', () => {
    const text = 'images:\n- name: api\n  newTag: v1\n';
    expect(editText('k.yaml', text, edit('kustomize', 'api:1.10', { imageName: 'api' })).text).toBe('images:\n- name: api\n  newTag: "1.10"\n');
  });

  it('replaces a digest by a tag, dropping the stale digest', () => {
    const text = "images:\n- name: api\n  digest: 'sha256:aaaa'\n  newName: reg/api\n";
    expect(editText('k.yaml', text, edit('kustomize', 'reg/api:2.0.0', { imageName: 'api' })).text).toBe(
      'images:\n- name: api\n  newName: reg/api\n  newTag: 2.0.0\n',
    );
  });

  it('names the entries it found when none matches', () => {
    expect(() => editText('k.yaml', base, edit('kustomize', 'reg/other:v1', { imageName: 'nope' }))).toThrow(/no images entry matches name 'nope' \(entries: example-app\)/);
  });

  it('refuses a file without an images list', () => {
    expect(() => editText('k.yaml', 'resources: [a]\n', edit('kustomize', 'reg/app:v1'))).toThrow(/has no kustomize images: list/);
  });

  it('refuses a file that is not YAML', () => {
    expect(() => editText('k.yaml', 'images: [a\n', edit('kustomize', 'reg/app:v1'))).toThrow(GantryError);
  });
});

describe('helm values', () => {
  it('sets only the tag through a path ending in tag', () => {
    const text = 'app:\n  image:\n    repository: reg/app\n    tag: "1.0" # bumped\n';
    expect(editText('v.yaml', text, edit('helm', 'reg/app:1.1', { valuesPath: 'app.image.tag' })).text).toBe(text.replace('"1.0"', '"1.1"'));
  });

  it('sets the digest of a mapping that has one, and clears it when bumping by tag', () => {
    const digest = `sha256:${'a'.repeat(64)}`;
    const text = "image:\n  repository: reg/app\n  tag: v1\n  digest: ''\n";
    const pinned = editText('v.yaml', text, edit('helm', `reg/app@${digest}`)).text;
    expect(pinned).toBe(`image:\n  repository: reg/app\n  tag: v1\n  digest: '${digest}'\n`);
    expect(editText('v.yaml', pinned, edit('helm', 'reg/app:v2')).text).toBe("image:\n  repository: reg/app\n  tag: v2\n  digest: ''\n");
  });

  it('refuses a digest for a mapping without a digest key', () => {
    expect(() => editText('v.yaml', 'image:\n  repository: a\n  tag: b\n', edit('helm', `a@sha256:${'b'.repeat(64)}`))).toThrow(/no digest key/);
  });

  it('names the missing part of the path', () => {
    expect(() => editText('v.yaml', 'app: {}\n', edit('helm', 'a:b', { valuesPath: 'app.image.tag' }))).toThrow(/values path 'app.image.tag' not found \(no 'app.image'\)/);
  });

  it('splits dotted paths, keeping escaped dots', () => {
    expect(parseValuesPath('a.b\\.c.0')).toEqual(['a', 'b.c', '0']);
  });
});

describe('flux markers', () => {
  it('updates every marker when no policy is given, the digest part included', () => {
    const digest = `sha256:${'c'.repeat(64)}`;
    const text = 'a: reg/app:1 # {"$imagepolicy": "ns:app"}\nb: "sha256:00" # {"$imagepolicy": "ns:app:digest"}\n';
    const out = editText('f.yaml', text, edit('flux', `reg/app:2@${digest}`)).text;
    expect(out).toBe(`a: reg/app:2@${digest} # {"$imagepolicy": "ns:app"}\nb: "${digest}" # {"$imagepolicy": "ns:app:digest"}\n`);
  });

  it('fills an empty marked value', () => {
    expect(editText('f.yaml', 'image: # {"$imagepolicy": "ns:app"}\n', edit('flux', 'reg/app:2')).text).toBe('image: reg/app:2 # {"$imagepolicy": "ns:app"}\n');
  });

  it('names the markers it saw when the policy matches none', () => {
    expect(() => editText('f.yaml', fixture('flux-markers.input.yaml'), edit('flux', 'a:b', { imagePolicy: 'x:y' }))).toThrow(
      /no \$imagepolicy marker for 'x:y' \(found: flux-system:podinfo, flux-system:nginx\)/,
    );
  });

  it('refuses a tag marker when the image has only a digest', () => {
    expect(() => editText('f.yaml', 'tag: v1 # {"$imagepolicy": "ns:app:tag"}\n', edit('flux', `reg/app@sha256:${'d'.repeat(64)}`))).toThrow(/has none/);
  });
});

describe('flow-style entries', () => {
  const digest = `sha256:${'f'.repeat(64)}`;

  it('swaps newTag for digest inside a one-line kustomize entry', () => {
    const text = 'images:\n  - {name: api, newTag: "1", newName: reg/api}\n  - {newTag: v1, name: web}\n';
    expect(editText('k.yaml', text, edit('kustomize', `reg/api@${digest}`, { imageName: 'api' })).text).toBe(
      `images:\n  - {name: api, newName: reg/api, digest: ${digest}}\n  - {newTag: v1, name: web}\n`,
    );
    expect(editText('k.yaml', text, edit('kustomize', `web@${digest}`, { imageName: 'web' })).text).toBe(
      `images:\n  - {name: api, newTag: "1", newName: reg/api}\n  - {name: web, digest: ${digest}}\n`,
    );
  });
});
