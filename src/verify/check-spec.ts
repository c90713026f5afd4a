import { parse as parseYaml } from 'yaml';
import * as z from '../model/zod.js';
import { displayUrl, type SmokeCheck } from './check.js';
import {
  parseHeaderExpectation,
  parseJsonExpectation,
  parseStatusExpectation,
  type HeaderExpectation,
  type JsonExpectation,
} from './expectations.js';

/** A check as users write it, in single inputs or as one item of the `checks` list: strings to be parsed. */
export interface CheckFields {
  readonly name?: string;
  readonly url: string;
  readonly expectStatus?: string;
  readonly bodyContains?: string;
  readonly jsonEquals?: readonly string[];
  readonly headers?: readonly string[];
}

/** An http(s) URL, or a message saying what is wrong with it (never repeating a password it might hold). */
export function parseCheckUrl(value: string): URL | string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return 'must be an absolute http:// or https:// URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `must be an http:// or https:// URL (not ${url.protocol})`;
  return url;
}

/** Turns the fields into a check, or says which field is wrong and how. */
export function parseCheck(fields: CheckFields): SmokeCheck | string {
  const url = parseCheckUrl(fields.url);
  if (typeof url === 'string') return `url ${url}`;
  const status = parseStatusExpectation(fields.expectStatus ?? '200');
  if (typeof status === 'string') return `expect-status ${status}`;
  const json: JsonExpectation[] = [];
  for (const text of fields.jsonEquals ?? []) {
    const parsed = parseJsonExpectation(text);
    if (typeof parsed === 'string') return `json-equals ${parsed}`;
    json.push(parsed);
  }
  const headers: HeaderExpectation[] = [];
  for (const text of fields.headers ?? []) {
    const parsed = parseHeaderExpectation(text);
    if (typeof parsed === 'string') return `header ${parsed}`;
    headers.push(parsed);
  }
  const name = fields.name?.trim() || displayUrl(url);
  return { name, url, status, bodyContains: fields.bodyContains, json, headers };
}

const stringList = z.pipe(z.union([z.string(), z.array(z.string())]), z.transform((v) => (Array.isArray(v) ? v : [v])));

/** One item of `checks`: the single-check inputs' names, without the stage's prefix. */
const checkItem = z.strictObject({
  name: z.optional(z.string()),
  url: z.string(),
  'expect-status': z.optional(z.pipe(z.union([z.string(), z.number()]), z.transform(String))),
  'body-contains': z.optional(z.string()),
  'json-equals': z.optional(stringList),
  header: z.optional(stringList),
});

/**
 * The `checks` input: a YAML (or JSON) list of objects with the single-check inputs' names, e.g.
 * `- {url: https://api/health, json-equals: status=ok}`. Returns the checks, or what is wrong with which item.
 */
export function parseCheckList(text: string): SmokeCheck[] | string {
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    return `must be a YAML or JSON list of checks: ${(error as Error).message.split('\n')[0]}`;
  }
  if (!Array.isArray(document) || document.length === 0) {
    return 'must be a non-empty YAML or JSON list of checks, each with url and optionally name, expect-status, body-contains, json-equals, header';
  }
  const checks: SmokeCheck[] = [];
  for (const [index, item] of document.entries()) {
    const fields = checkItem.safeParse(item);
    if (!fields.success) {
      const issue = fields.error.issues[0]!;
      const where = issue.path.length > 0 ? ` ${issue.path.join('.')}` : '';
      const problem = issue.code === 'unrecognized_keys' ? `unknown field ${issue.keys.join(', ')} (fields: ${Object.keys(checkItem.shape).join(', ')})` : issue.message;
      return `item ${index + 1}${where}: ${problem}`;
    }
    const check = parseCheck({
      name: fields.data.name,
      url: fields.data.url,
      expectStatus: fields.data['expect-status'],
      bodyContains: fields.data['body-contains'],
      jsonEquals: fields.data['json-equals'],
      headers: fields.data.header,
    });
    if (typeof check === 'string') return `item ${index + 1}: ${check}`;
    checks.push(check);
  }
  return checks;
}
