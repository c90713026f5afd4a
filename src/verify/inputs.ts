import { readFile } from 'node:fs/promises';
import { InputError } from '../model/errors.js';
import { decimalString, parsedBy } from '../model/inputs.js';
import { input, type InputDefinition, type InputProblem, type StageInput } from '../model/stage.js';
import * as z from '../model/zod.js';
import { displayUrl, type SmokeCheck } from './check.js';
import { parseCheckList, parseCheckUrl } from './check-spec.js';
import { parseHeaderExpectation, parseJsonExpectation, parseStatusExpectation } from './expectations.js';
import type { SmokeOptions } from './smoke.js';

/** One value a line, each parsed by `parse`: for expectations whose values may hold commas. */
function linesParsedBy<T>(parse: (value: string) => T | string) {
  return parsedBy((value) => {
    const parsed: T[] = [];
    for (const line of value.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
      const result = parse(line);
      if (typeof result === 'string') return result;
      parsed.push(result);
    }
    return parsed;
  });
}

/**
 * The smoke-check inputs, unprefixed. One check is a handful of flat inputs (`url`, `expect-status`,
 * `body-contains`, `json-equals`, `header`); several are a YAML/JSON list in `checks` whose items use the same
 * names. Both may be given: the checks are then `url`'s and the list's. `{url}` in a description is the name the
 * url input has in the stage that declares these.
 */
const definitions = {
  url: input(z.optional(parsedBy(parseCheckUrl)), { description: 'URL to GET (http:// or https://); redirects are not followed.' }),
  'expect-status': input(parsedBy(parseStatusExpectation), {
    description: 'Status(es) {url} must answer: 200, a list (200,204), a class (2xx) or a range (200-299).',
    default: '200',
  }),
  'body-contains': input(z.optional(z.string()), { description: 'Text the body of {url} must contain.' }),
  'json-equals': input(z.optional(linesParsedBy(parseJsonExpectation)), {
    description: 'path=value the JSON body of {url} must hold, e.g. status=ok or checks[0].ok=true; one a line for several.',
  }),
  header: input(z.optional(linesParsedBy(parseHeaderExpectation)), {
    description: 'Header {url} must answer with: name (present) or name=value (equal); one a line for several.',
  }),
  checks: input(z.optional(parsedBy(parseCheckList)), {
    description:
      'Several checks: a YAML or JSON list of objects with url and optionally name, expect-status, body-contains, json-equals, header (string or list).',
  }),
  'timeout-seconds': input(decimalString(0.1, 600), { description: 'Bound on one request (connect, TLS, headers, body).', default: '10' }),
  'deadline-seconds': input(decimalString(0, 86_400), {
    description: 'Retry failing checks until this many seconds after the first attempt (the last attempt starts by then); 0: one attempt.',
    default: '120',
  }),
  'interval-seconds': input(decimalString(0.1, 300), {
    description: 'First wait between attempts; later waits double, jittered, up to eight times this.',
    default: '2',
  }),
  'ca-file': input(z.optional(z.string().check(z.minLength(1))), {
    description: 'PEM file of the CA(s) to trust for https URLs instead of the public roots, e.g. a private CA of internal hosts.',
  }),
};

export type SmokeCheckValues = StageInput<typeof definitions>;

type Prefixed<P extends string, T> = { [K in keyof T & string as `${P}${K}`]: T[K] };

function prefixed<P extends string>(prefix: P, lead: string): Prefixed<P, typeof definitions> {
  return Object.fromEntries(
    Object.entries(definitions).map(([name, definition]: [string, InputDefinition]) => [
      `${prefix}${name}`,
      { ...definition, description: withLead(lead, definition.description.replaceAll('{url}', `${prefix}url`)) },
    ]),
  ) as Prefixed<P, typeof definitions>;
}

/** `Verify after the rollout: status(es) …`: the description continues the lead's sentence. */
function withLead(lead: string, description: string): string {
  if (!lead) return description;
  // Lower-case the first word unless it is an acronym (URL, PEM).
  const first = /^[A-Z][a-z]/.test(description) ? description.charAt(0).toLowerCase() : description.charAt(0);
  return `${lead}${first}${description.slice(1)}`;
}

/** The inputs of the verify stage. */
export const smokeCheckInputs = prefixed('', '');

export const VERIFY_PREFIX = 'verify-';

/**
 * The same inputs for a deploy stage, prefixed `verify-` (`verify-url`, `verify-checks`, ...): when `verify-url` or
 * `verify-checks` is given, the stage runs the checks after the rollout and rolls back when they fail.
 */
export const verifyInputs = prefixed(VERIFY_PREFIX, 'Verify after the rollout: ');

/** The smoke-check values of a stage's input, whatever prefix its inputs carry. */
export function smokeCheckValues(stageInput: Readonly<Record<string, unknown>>, prefix = ''): SmokeCheckValues {
  return Object.fromEntries(Object.keys(definitions).map((name) => [name, stageInput[`${prefix}${name}`]])) as SmokeCheckValues;
}

/** The expectations of `url` are refused without it, rather than silently checking nothing. */
export function smokeCheckProblem(values: SmokeCheckValues, prefix = ''): InputProblem | undefined {
  if (values.url) return undefined;
  const orphan = (['body-contains', 'json-equals', 'header'] as const).find((name) => values[name] !== undefined);
  return orphan ? { input: `${prefix}${orphan}`, problem: `is only used with ${prefix}url (give the URL it checks)` } : undefined;
}

export interface SmokePlan {
  readonly checks: readonly SmokeCheck[];
  readonly options: SmokeOptions;
}

/** The checks and their schedule from the stage's values, reading `ca-file`; undefined when no check is given. */
export async function smokePlanOf(values: SmokeCheckValues, prefix = ''): Promise<SmokePlan | undefined> {
  const checks: SmokeCheck[] = [];
  if (values.url) {
    checks.push({
      name: displayUrl(values.url),
      url: values.url,
      status: values['expect-status'],
      bodyContains: values['body-contains'],
      json: values['json-equals'] ?? [],
      headers: values.header ?? [],
    });
  }
  checks.push(...(values.checks ?? []));
  if (checks.length === 0) return undefined;
  return {
    checks,
    options: {
      deadlineMs: values['deadline-seconds'] * 1000,
      requestTimeoutMs: values['timeout-seconds'] * 1000,
      intervalMs: values['interval-seconds'] * 1000,
      ca: values['ca-file'] ? await readCaFile(values['ca-file'], `${prefix}ca-file`) : undefined,
    },
  };
}

async function readCaFile(path: string, inputName: string): Promise<string> {
  let pem: string;
  try {
    pem = await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(inputName, `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw new InputError(inputName, `${path} holds no PEM certificate (-----BEGIN CERTIFICATE-----)`);
  return pem;
}
