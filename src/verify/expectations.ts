/**
 * What a smoke check expects of an answer, parsed from the short strings users write in a workflow: a status list
 * (`200,204`, `2xx`, `200-299`), a JSON path with the value it must hold (`checks[0].ok=true`), a header that must
 * be present or hold a value (`cache-control=no-cache`). Each parser returns the parsed value or a message saying
 * what a good value looks like.
 */

export interface StatusExpectation {
  /** As the user wrote it, normalised: shown next to what came back. */
  readonly text: string;
  matches(status: number): boolean;
}

type StatusRange = readonly [number, number];

/** `200`, `2xx`, `200-299`, or a comma-separated list of those. */
export function parseStatusExpectation(value: string): StatusExpectation | string {
  const parts = value.split(',').map((part) => part.trim()).filter(Boolean);
  if (parts.length === 0) return 'must be a status such as 200, a class such as 2xx, a range such as 200-299, or a comma-separated list of those';
  const ranges: StatusRange[] = [];
  for (const part of parts) {
    const range = statusRange(part);
    if (!range) return `'${part}' is not a status (200), a class (2xx) or a range (200-299) of statuses from 100 to 599`;
    ranges.push(range);
  }
  return { text: parts.join(','), matches: (status) => ranges.some(([low, high]) => status >= low && status <= high) };
}

function statusRange(part: string): StatusRange | undefined {
  const inRange = (n: number) => n >= 100 && n <= 599;
  const single = /^(\d{3})$/.exec(part);
  if (single) return inRange(Number(single[1])) ? [Number(single[1]), Number(single[1])] : undefined;
  const family = /^([1-5])xx$/i.exec(part);
  if (family) return [Number(family[1]) * 100, Number(family[1]) * 100 + 99];
  const span = /^(\d{3})\s*-\s*(\d{3})$/.exec(part);
  if (span && inRange(Number(span[1])) && inRange(Number(span[2])) && Number(span[1]) <= Number(span[2])) return [Number(span[1]), Number(span[2])];
  return undefined;
}

/** One step of a JSON path: a property name or an array index. */
export type PathStep = string | number;

export interface JsonExpectation {
  readonly path: string;
  readonly steps: readonly PathStep[];
  /** The expected value as written; compared with the found value rendered the same way (see `renderJsonValue`). */
  readonly value: string;
}

/** `status`, `data.items[2].name`, `[0].id`: property names separated by dots, array indexes in brackets. */
export function parseJsonPath(path: string): PathStep[] | string {
  const message = `'${path}' is not a JSON path such as status, checks[0].ok or data.items[2].name`;
  const steps: PathStep[] = [];
  const step = /\.?([^.[\]=\s]+)|\[(\d+)\]/y;
  let position = 0;
  while (position < path.length) {
    step.lastIndex = position;
    const match = step.exec(path);
    // A leading dot is refused: `.status` is a typo for `status`, not a different path.
    if (!match || (position === 0 && path.startsWith('.'))) return message;
    steps.push(match[1] !== undefined ? match[1] : Number(match[2]));
    position = step.lastIndex;
  }
  return steps.length > 0 ? steps : message;
}

/** `path=value`: the value is everything after the first `=`, and may be empty. */
export function parseJsonExpectation(value: string): JsonExpectation | string {
  const at = value.indexOf('=');
  if (at <= 0) return `'${value}' must be path=value, e.g. status=ok or checks[0].ok=true`;
  const path = value.slice(0, at).trim();
  const steps = parseJsonPath(path);
  if (typeof steps === 'string') return steps;
  return { path, steps, value: value.slice(at + 1).trim() };
}

/** The value at `steps` in a parsed JSON document, or undefined when the path leads nowhere. */
export function valueAt(document: unknown, steps: readonly PathStep[]): unknown {
  let current = document;
  for (const step of steps) {
    if (typeof step === 'number') {
      if (!Array.isArray(current) || step >= current.length) return undefined;
      current = current[step];
    } else {
      if (typeof current !== 'object' || current === null || Array.isArray(current) || !Object.hasOwn(current, step)) return undefined;
      current = (current as Record<string, unknown>)[step];
    }
  }
  return current;
}

/**
 * A found value as the user would write it after `=`: strings bare (`status=ok`), everything else as JSON
 * (`ok=true`, `count=3`, `owner=null`, `tags=["a"]`). So `ok=true` matches the boolean and the string "true" alike,
 * which is what a smoke test means by it.
 */
export function renderJsonValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export interface HeaderExpectation {
  /** Lowercase, as Node delivers header names. */
  readonly name: string;
  /** Absent: the header only has to be present. */
  readonly value?: string;
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** `name` (must be present) or `name=value` (must equal, after trimming). */
export function parseHeaderExpectation(value: string): HeaderExpectation | string {
  const at = value.indexOf('=');
  const name = (at < 0 ? value : value.slice(0, at)).trim();
  if (!HEADER_NAME.test(name)) return `'${value}' must be a header name, or name=value, e.g. content-type=application/json`;
  return at < 0 ? { name: name.toLowerCase() } : { name: name.toLowerCase(), value: value.slice(at + 1).trim() };
}

export function describeHeaderExpectation(expectation: HeaderExpectation): string {
  return expectation.value === undefined ? `header ${expectation.name} present` : `header ${expectation.name}: ${expectation.value}`;
}
