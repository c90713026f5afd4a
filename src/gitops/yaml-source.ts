import { isDeepStrictEqual } from 'node:util';
import { isScalar, LineCounter, parseAllDocuments, parseDocument, Scalar, type Document, type YAMLMap } from 'yaml';
import { GantryError } from '../model/errors.js';

interface Splice {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Order of recording: insertions at one offset keep the order they were made in. */
  readonly order: number;
}

/**
 * A YAML file edited in place. The `yaml` document API finds the nodes and records each change on the document
 * (`Scalar.value`, `YAMLMap.set`/`delete`); the file itself is rewritten by splicing only the source ranges of the
 * changed nodes, so comments, key order, quoting, indentation, blank lines and flow style elsewhere stay
 * byte-for-byte. `toString()` checks the spliced text parses to exactly the edited documents before returning it.
 */
export class YamlSource {
  readonly docs: Document.Parsed[];
  readonly lines = new LineCounter();
  private readonly splices: Splice[] = [];

  constructor(
    readonly file: string,
    readonly original: string,
  ) {
    this.docs = parseAllDocuments(original, { lineCounter: this.lines, keepSourceTokens: true }) as Document.Parsed[];
    const error = this.docs.flatMap((doc) => doc.errors)[0];
    if (error) throw new GantryError(`${file} is not valid YAML: ${error.message.split('\n')[0]}`);
  }

  get changed(): boolean {
    return this.splices.length > 0;
  }

  /** 1-based line of a source offset, for messages. */
  lineOf(offset: number): number {
    return this.lines.linePos(offset).line;
  }

  /** Sets a scalar's value, written back in the scalar's own style (plain, single or double quoted). */
  setScalar(node: Scalar, value: string, where: string): void {
    // Already that value (a plain `1.2` counts as the tag "1.2"): nothing to write, so nothing changes.
    if (node.value !== null && node.value !== undefined && String(node.value) === value) return;
    const [start, end] = range(node, this.file, where);
    let text = renderScalar(value, node.type, this.file, where);
    if (start === end) {
      // An empty value (`tag:` or `tag: # comment`): keep one space after the colon and before a comment.
      if (start > 0 && !/\s/.test(this.original[start - 1]!)) text = ` ${text}`;
      if (this.original[end] === '#') text = `${text} `;
    }
    node.value = value;
    this.push({ start, end, text });
  }

  /** Adds `key: value` as the last entry of a block or flow mapping, indented like its siblings. */
  addPair(map: YAMLMap, key: string, value: string, where: string): void {
    // After the last entry that was in the file (entries added before are chained at the same place).
    const last = map.items.filter((item) => isScalar(item.key) && item.key.range).at(-1);
    const [mapStart, mapEnd] = range(map, this.file, where);
    const rendered = `${key}: ${renderScalar(value, 'PLAIN', this.file, where)}`;
    if (map.flow) {
      const close = this.original.lastIndexOf('}', mapEnd);
      if (close < mapStart) throw unsupported(this.file, where, 'a flow mapping without a closing brace');
      const separator = map.items.length > 0 ? ', ' : '';
      this.push({ start: close, end: close, text: `${separator}${rendered}` });
    } else {
      if (!last || !isScalar(last.key)) throw unsupported(this.file, where, 'an empty block mapping');
      const keyStart = range(last.key, this.file, where)[0];
      const indent = this.lines.linePos(keyStart).col - 1;
      const after = (last.value ? rangeEnd(last.value) : undefined) ?? range(last.key, this.file, where)[1];
      const newline = this.original.indexOf('\n', after);
      const at = newline < 0 ? this.original.length : newline;
      const eol = /\r\n/.test(this.original) ? '\r\n' : '\n';
      const insertAt = newline > 0 && this.original[newline - 1] === '\r' ? newline - 1 : at;
      this.push({ start: insertAt, end: insertAt, text: `${eol}${' '.repeat(indent)}${rendered}` });
    }
    map.set(key, new Scalar(value));
  }

  /** Removes a `key: value` entry: its whole line in a block mapping, the entry and one comma in a flow mapping. */
  deletePair(map: YAMLMap, key: string, where: string): void {
    const index = map.items.findIndex((item) => isScalar(item.key) && item.key.value === key);
    const pair = map.items[index];
    if (!pair || !isScalar(pair.key)) return;
    if (!isScalar(pair.value)) throw unsupported(this.file, where, `removing '${key}', which holds more than one value,`);
    const [keyStart] = range(pair.key, this.file, where);
    const valueEnd = rangeEnd(pair.value) ?? range(pair.key, this.file, where)[1];
    if (map.flow) {
      if (index > 0) {
        // `, key: value` after the previous entry.
        this.push({ start: this.original.lastIndexOf(',', keyStart), end: valueEnd, text: '' });
      } else {
        // `key: value, ` before the next entry (or the only entry).
        const next = map.items[1]?.key;
        const end = next && isScalar(next) ? range(next, this.file, where)[0] : valueEnd;
        this.push({ start: keyStart, end, text: '' });
      }
    } else {
      const lineStart = this.original.lastIndexOf('\n', keyStart - 1) + 1;
      if (this.original.slice(lineStart, keyStart).trim() !== '') throw unsupported(this.file, where, `removing '${key}', the first key of a list item,`);
      const newline = this.original.indexOf('\n', valueEnd);
      this.push({ start: lineStart, end: newline < 0 ? this.original.length : newline + 1, text: '' });
    }
    map.delete(key);
  }

  private push(splice: Omit<Splice, 'order'>): void {
    this.splices.push({ ...splice, order: this.splices.length });
  }

  /** The edited text: original bytes everywhere except the spliced ranges, verified against the edited documents. */
  toString(): string {
    if (this.splices.length === 0) return this.original;
    let text = this.original;
    for (const splice of [...this.splices].sort((a, b) => b.start - a.start || b.order - a.order)) {
      text = text.slice(0, splice.start) + splice.text + text.slice(splice.end);
    }
    const reparsed = parseAllDocuments(text) as Document.Parsed[];
    const expected = this.docs.map((doc) => doc.toJS());
    if (reparsed.some((doc) => doc.errors.length > 0) || !isDeepStrictEqual(reparsed.map((doc) => doc.toJS()), expected)) {
      throw new GantryError(`editing ${this.file} in place would change more than the image; the file was left untouched`, {
        remedy: 'simplify the YAML around the image fields (plain block mappings), or report the file so the editor can learn its shape.',
      });
    }
    return text;
  }
}

function range(node: { range?: [number, number, number] | null }, file: string, where: string): [number, number] {
  if (!node.range) throw unsupported(file, where, 'a node without a source position');
  return [node.range[0], node.range[1]];
}

function rangeEnd(node: unknown): number | undefined {
  const r = (node as { range?: [number, number, number] | null }).range;
  return r ? r[1] : undefined;
}

function unsupported(file: string, where: string, what: string): GantryError {
  return new GantryError(`${file}: cannot edit ${where}: ${what} is not supported`, {
    remedy: 'edit this value by hand once into a plain `key: value` line; later bumps will keep its style.',
  });
}

/** A scalar in the same style it had, falling back to double quotes when plain text would read as another type. */
function renderScalar(value: string, type: Scalar.Type | undefined, file: string, where: string): string {
  switch (type) {
    case 'QUOTE_DOUBLE':
      return JSON.stringify(value);
    case 'QUOTE_SINGLE':
      return `'${value.replace(/'/g, "''")}'`;
    case 'BLOCK_LITERAL':
    case 'BLOCK_FOLDED':
      throw unsupported(file, where, 'a block scalar');
    default:
      return readsAsPlainString(value) ? value : JSON.stringify(value);
  }
}

function readsAsPlainString(value: string): boolean {
  if (value === '' || /[\n#]|^\s|\s$/.test(value)) return false;
  const doc = parseDocument(`k: ${value}\n`);
  return doc.errors.length === 0 && doc.get('k') === value;
}
