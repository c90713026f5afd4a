import { isScalar, visit, type Scalar } from 'yaml';
import { GantryError } from '../model/errors.js';
import { imagePart } from './helm.js';
import { formatImageReference, type ImageReference } from '../oci/image-reference.js';
import type { YamlSource } from './yaml-source.js';

/** Flux's image-automation setter: `# {"$imagepolicy": "<namespace>:<policy>[:tag|:name|:digest]"}`. */
const MARKER = /#\s*\{\s*"\$imagepolicy"\s*:\s*"([^"]+)"\s*\}/;

export interface FluxMarker {
  readonly namespace: string;
  readonly policy: string;
  readonly part: 'full' | 'tag' | 'name' | 'digest';
}

export function parseMarker(value: string): FluxMarker | undefined {
  const match = /^([^:\s]+):([^:\s]+)(?::(tag|name|digest))?$/.exec(value);
  if (!match) return undefined;
  return { namespace: match[1]!, policy: match[2]!, part: (match[3] as FluxMarker['part'] | undefined) ?? 'full' };
}

/**
 * Sets the value on every line that carries a Flux `$imagepolicy` marker (all of them, or those of one
 * `<namespace>:<policy>`): the whole image, or its tag, name or digest as the marker's suffix says, as Flux's
 * image automation would. Returns the values the marked fields held before.
 */
export function editFluxMarkers(source: YamlSource, ref: ImageReference, policy?: string): string[] {
  const found: { node: Scalar; marker: FluxMarker; line: number }[] = [];
  for (const doc of source.docs) {
    visit(doc, {
      Scalar(_key, node) {
        if (!node.range) return;
        const [start, end] = node.range;
        const lineEnd = source.original.indexOf('\n', end);
        const rest = source.original.slice(end, lineEnd < 0 ? undefined : lineEnd);
        const marker = MARKER.exec(rest);
        // Only the value the marker comment directly trails, as Flux's setters read it.
        if (!marker || !/^\s*#/.test(rest) || source.lineOf(start) !== source.lineOf(end)) return;
        const parsed = parseMarker(marker[1]!);
        if (!parsed) throw new GantryError(`${source.file}:${source.lineOf(start)}: malformed $imagepolicy marker '${marker[1]}'`);
        found.push({ node, marker: parsed, line: source.lineOf(start) });
      },
    });
  }
  const selected = policy ? found.filter(({ marker }) => `${marker.namespace}:${marker.policy}` === policy) : found;
  if (selected.length === 0) {
    const seen = [...new Set(found.map(({ marker }) => `${marker.namespace}:${marker.policy}`))].join(', ');
    throw new GantryError(`${source.file}: no $imagepolicy marker${policy ? ` for '${policy}'` : ''} (found: ${seen || 'none'})`, {
      remedy: 'add a marker comment to the image line, e.g. image: repo:tag # {"$imagepolicy": "flux-system:my-app"}, or fix image-policy.',
    });
  }
  return selected.map(({ node, marker, line }) => {
    if (!isScalar(node)) throw new GantryError(`${source.file}:${line}: the $imagepolicy marker is not on a single value`);
    const value = imagePart(ref, marker.part);
    if (value === undefined) {
      throw new GantryError(`${source.file}:${line}: the marker asks for the image's ${marker.part} but '${formatImageReference(ref)}' has none`);
    }
    const previous = node.value === null || node.value === undefined ? '' : String(node.value);
    source.setScalar(node, value, `line ${line}`);
    return previous;
  });
}
