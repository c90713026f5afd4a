import { IMAGE_REFERENCE_FORMAT, parseImageReference } from '../oci/image-reference.js';

/** RFC 1123 label: Kubernetes container names. */
const CONTAINER_NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/**
 * Reads `container=image` pairs separated by commas (or white space), as deploy-eks writes its `previous-images`
 * output. Returns the images by container, or a problem phrased to follow the input's name.
 */
export function parseContainerImages(value: string): Map<string, string> | string {
  const pairs = value.split(/[\s,]+/).filter(Boolean);
  if (pairs.length === 0) return 'needs at least one container=image pair';
  const images = new Map<string, string>();
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const name = eq >= 0 ? pair.slice(0, eq) : '';
    const image = eq >= 0 ? pair.slice(eq + 1) : '';
    if (!name || !image) return `must be container=image pairs separated by commas, as deploy-eks outputs them (got '${pair}')`;
    if (!CONTAINER_NAME.test(name)) return `has a malformed container name '${name}' (lowercase letters, digits and -)`;
    const parsed = parseImageReference(image);
    if (typeof parsed === 'string') return `has an image for ${name} that is not ${IMAGE_REFERENCE_FORMAT}: '${image}' ${parsed}`;
    if (images.has(name)) return `names container '${name}' twice`;
    images.set(name, image);
  }
  return images;
}

/** The inverse of parseContainerImages: `app=repo:1,sidecar=proxy:2`. */
export function formatContainerImages(images: ReadonlyMap<string, string>): string {
  return [...images].map(([name, image]) => `${name}=${image}`).join(',');
}
