import { isMap, isScalar, isSeq, type Scalar, type YAMLMap } from 'yaml';
import { GantryError } from '../model/errors.js';
import { formatImageReference, splitRegistry, type ImageReference } from '../oci/image-reference.js';
import { scalarString } from './kustomize.js';
import type { YamlSource } from './yaml-source.js';

/** `image.tag`, `containers.0.image`, `a\.b.c` (an escaped dot stays in the key). */
export function parseValuesPath(path: string): string[] {
  return path
    .split(/(?<!\\)\./)
    .map((segment) => segment.replace(/\\\./g, '.'))
    .filter((segment) => segment !== '');
}

/**
 * Sets an image at a dotted path of a Helm values file. A mapping there is the usual chart shape
 * (`registry`?, `repository`, `tag`, `digest`?) and each field gets its part of the image; a single value gets
 * the part its key names (`…tag` the tag, `…repository` the name, `…digest` the digest) or else the whole
 * reference. Returns the image the path held before.
 */
export function editHelmValues(source: YamlSource, ref: ImageReference, valuesPath: string): string[] {
  const path = parseValuesPath(valuesPath);
  const doc = source.docs[0];
  let node: unknown = doc?.contents;
  for (const [i, segment] of path.entries()) {
    const next: unknown = isMap(node) ? node.get(segment, true) : isSeq(node) && /^\d+$/.test(segment) ? node.items[Number(segment)] : undefined;
    if (next === undefined || next === null) {
      throw new GantryError(`${source.file}: values path '${valuesPath}' not found (no '${path.slice(0, i + 1).join('.')}')`, {
        remedy: 'set values-path to the dotted path of the image in the values file, e.g. image or app.image.tag.',
      });
    }
    node = next;
  }
  const where = `'${valuesPath}'`;
  if (isMap(node)) return [setImageMap(source, node, ref, where)];
  if (isScalar(node)) return [setImageScalar(source, node, ref, path.at(-1) ?? '', where)];
  throw new GantryError(`${source.file}: values path '${valuesPath}' holds a list, not an image`);
}

function setImageMap(source: YamlSource, map: YAMLMap, ref: ImageReference, where: string): string {
  const field = (key: string) => {
    const node = map.get(key, true);
    if (node !== undefined && !isScalar(node)) throw new GantryError(`${source.file}: ${where}.${key} is not a single value`);
    return node as Scalar | undefined;
  };
  const registry = field('registry');
  const repository = field('repository');
  const tag = field('tag');
  const digest = field('digest');
  if (!repository) {
    throw new GantryError(`${source.file}: ${where} has no repository key`, {
      remedy: 'point values-path at the image mapping (repository, tag), or at a single value holding the whole image.',
    });
  }
  const previousRegistry = scalarString(registry);
  const previous = formatImageReference({
    name: [previousRegistry, scalarString(repository)].filter(Boolean).join('/'),
    tag: scalarString(tag),
    digest: scalarString(digest) || undefined,
  });

  if (registry) {
    const split = splitRegistry(ref.name);
    if (!split.registry) throw new GantryError(`${source.file}: ${where} has a registry key but image '${ref.name}' names no registry`);
    source.setScalar(registry, split.registry, `${where}.registry`);
    source.setScalar(repository, split.repository, `${where}.repository`);
  } else {
    source.setScalar(repository, ref.name, `${where}.repository`);
  }

  if (ref.digest) {
    if (!digest) {
      throw new GantryError(`${source.file}: ${where} has no digest key for image digest ${ref.digest}`, {
        remedy: 'bump by tag, or add a digest key the chart uses, or point values-path at a value holding the whole image.',
      });
    }
    source.setScalar(digest, ref.digest, `${where}.digest`);
    if (ref.tag) setOrAdd(source, map, tag, 'tag', ref.tag, where);
  } else {
    setOrAdd(source, map, tag, 'tag', ref.tag!, where);
    // A leftover digest would win over the new tag in most charts.
    if (digest && scalarString(digest)) source.setScalar(digest, '', `${where}.digest`);
  }
  return previous;
}

function setOrAdd(source: YamlSource, map: YAMLMap, node: Scalar | undefined, key: string, value: string, where: string) {
  if (node) source.setScalar(node, value, `${where}.${key}`);
  else source.addPair(map, key, value, where);
}

function setImageScalar(source: YamlSource, node: Scalar, ref: ImageReference, key: string, where: string): string {
  const previous = scalarString(node) ?? '';
  const part = imagePart(ref, /tag$/i.test(key) ? 'tag' : /digest$/i.test(key) ? 'digest' : /repository$/i.test(key) ? 'name' : 'full');
  if (part === undefined) throw new GantryError(`${source.file}: ${where} takes the image's ${key} but image '${formatImageReference(ref)}' has none`);
  source.setScalar(node, part, where);
  return previous;
}

/** The part of an image a field holds: whole reference, name, tag or digest. */
export function imagePart(ref: ImageReference, part: 'full' | 'name' | 'tag' | 'digest'): string | undefined {
  switch (part) {
    case 'full':
      return formatImageReference(ref);
    case 'name':
      return ref.name;
    case 'tag':
      return ref.tag;
    case 'digest':
      return ref.digest;
  }
}
