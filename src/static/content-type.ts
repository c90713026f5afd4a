import mime from 'mime';

/** Types a browser reads as text: they get an explicit charset, as static site generators write UTF-8. */
const TEXT_TYPES = /^(text\/|application\/(json|manifest\+json|xml|rss\+xml|atom\+xml|ld\+json)$|image\/svg\+xml$)/;

/** Content-Type from the file name through `mime` (the IANA and common types); unknown: a byte stream. */
export function contentTypeFor(relativePath: string): string {
  const type = mime.getType(relativePath) ?? 'application/octet-stream';
  return TEXT_TYPES.test(type) ? `${type}; charset=utf-8` : type;
}
