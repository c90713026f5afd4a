import { readFile, realpath, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { GantryError } from '../model/errors.js';
import { editFluxMarkers } from './flux.js';
import { editHelmValues } from './helm.js';
import type { ImageReference } from '../oci/image-reference.js';
import { editKustomizeImages } from './kustomize.js';
import { YamlSource } from './yaml-source.js';

export const EDIT_KINDS = ['kustomize', 'helm', 'flux'] as const;
export type EditKind = (typeof EDIT_KINDS)[number];

export interface ImageEdit {
  readonly kind: EditKind;
  readonly image: ImageReference;
  /** kustomize: the `name` of the images entry; defaults to an entry naming the image or the service. */
  readonly imageName?: string;
  readonly service: string;
  /** helm: dotted path of the image in the values file. */
  readonly valuesPath: string;
  /** flux: only markers of this `<namespace>:<policy>`; all markers when absent. */
  readonly imagePolicy?: string;
}

/** Applies the edit to one file's text; returns the new text (identical when already set) and what was there. */
export function editText(file: string, text: string, edit: ImageEdit): { text: string; previous: string[] } {
  const source = new YamlSource(file, text);
  let previous: string[];
  switch (edit.kind) {
    case 'kustomize':
      previous = editKustomizeImages(source, edit.image, { imageName: edit.imageName, service: edit.service });
      break;
    case 'helm':
      previous = editHelmValues(source, edit.image, edit.valuesPath);
      break;
    case 'flux':
      previous = editFluxMarkers(source, edit.image, edit.imagePolicy);
      break;
  }
  return { text: source.toString(), previous };
}

export interface FilesEdit {
  /** Files whose bytes changed, relative to the work tree, in input order. */
  readonly changed: string[];
  /** The images found before the edit, without repeats. */
  readonly previous: string[];
}

/** Edits every file in a work tree; a file that is missing, outside the tree or without a match stops the bump. */
export async function editFiles(dir: string, files: readonly string[], edit: ImageEdit): Promise<FilesEdit> {
  const root = await realpath(dir);
  const changed: string[] = [];
  const previous: string[] = [];
  for (const file of files) {
    const path = await insideTree(root, file);
    const before = await readFile(path, 'utf8');
    const after = editText(file, before, edit);
    for (const image of after.previous) if (!previous.includes(image)) previous.push(image);
    if (after.text !== before) {
      await writeFile(path, after.text);
      changed.push(file);
    }
  }
  return { changed, previous };
}

/** Resolves `file` in the tree, refusing a path (or a symlink) that leads outside it. */
async function insideTree(root: string, file: string): Promise<string> {
  let real: string;
  try {
    real = await realpath(join(root, file));
  } catch {
    throw new GantryError(`file '${file}' does not exist in the GitOps repository`, {
      remedy: 'check the files input: paths are relative to the repository root, on the chosen branch.',
    });
  }
  const rel = relative(root, real);
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..') {
    throw new GantryError(`file '${file}' resolves outside the GitOps repository`);
  }
  return real;
}
