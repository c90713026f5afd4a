import { isMap, isScalar, isSeq, type Scalar, type YAMLMap } from 'yaml';
import { GantryError } from '../model/errors.js';
import { formatImageReference, type ImageReference } from '../oci/image-reference.js';
import type { YamlSource } from './yaml-source.js';

/**
 * Sets an image in a kustomization's `images:` list. The entry is matched by `name` (the image as the base
 * manifests spell it); `newName` follows the new repository, and the version goes to `newTag` or, for a digest,
 * to `digest` (the other one is removed, since kustomize would otherwise apply a stale value).
 * Returns the images the matched entries pointed to before.
 */
export function editKustomizeImages(source: YamlSource, ref: ImageReference, match: { imageName?: string; service: string }): string[] {
  const entries = source.docs.flatMap((doc) => {
    const images = isMap(doc.contents) ? doc.contents.get('images', true) : undefined;
    return isSeq(images) ? images.items.filter((item): item is YAMLMap => isMap(item)) : [];
  });
  if (entries.length === 0) {
    throw new GantryError(`${source.file} has no kustomize images: list`, {
      remedy: 'add an images: entry (name, newName, newTag) to the kustomization, or choose another edit kind.',
    });
  }
  const nameOf = (entry: YAMLMap) => scalarString(entry.get('name', true));
  const newNameOf = (entry: YAMLMap) => scalarString(entry.get('newName', true));
  const matched = match.imageName
    ? entries.filter((entry) => nameOf(entry) === match.imageName)
    : entries.filter((entry) => nameOf(entry) === ref.name || newNameOf(entry) === ref.name || nameOf(entry) === match.service);
  if (matched.length === 0) {
    const names = entries.map(nameOf).filter(Boolean).join(', ');
    throw new GantryError(
      `${source.file}: no images entry matches ${match.imageName ? `name '${match.imageName}'` : `'${ref.name}' or service '${match.service}'`} (entries: ${names})`,
      { remedy: 'set the image-name input to the name of the images entry to update.' },
    );
  }
  return matched.map((entry) => setEntry(source, entry, ref));
}

function setEntry(source: YamlSource, entry: YAMLMap, ref: ImageReference): string {
  const name = scalarString(entry.get('name', true))!;
  const where = `images entry '${name}' (line ${source.lineOf(entry.range?.[0] ?? 0)})`;
  const previousName = scalarString(entry.get('newName', true)) ?? name;
  const previousTag = scalarString(entry.get('newTag', true));
  const previousDigest = scalarString(entry.get('digest', true));
  const previous = formatImageReference({ name: previousName, tag: previousDigest ? undefined : previousTag, digest: previousDigest });

  // Remove the stale field first, so new fields land after the entries that remain.
  source.deletePair(entry, ref.digest ? 'newTag' : 'digest', where);
  set(source, entry, 'newName', ref.name, where, { addWhen: ref.name !== name });
  if (ref.digest) set(source, entry, 'digest', ref.digest, where, { addWhen: true });
  else set(source, entry, 'newTag', ref.tag!, where, { addWhen: true });
  return previous;
}

/** Updates an existing key in place, or adds it when `addWhen` holds. */
function set(source: YamlSource, entry: YAMLMap, key: string, value: string, where: string, options: { addWhen: boolean }): void {
  const node = entry.get(key, true);
  if (node === undefined) {
    if (options.addWhen) source.addPair(entry, key, value, where);
    return;
  }
  if (!isScalar(node)) throw new GantryError(`${source.file}: ${where} has a ${key} that is not a plain value`);
  source.setScalar(node as Scalar, value, `${where} ${key}`);
}

export function scalarString(node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  return String(node.value);
}
