import type { z } from 'zod';
import type { Runtime } from '../runtime/runtime.js';
import { InputError } from './errors.js';

/** How one input appears in action.yml, on the CLI (`--name`) and in the environment (`GANTRY_NAME`). */
export interface InputSpec {
  readonly description: string;
  readonly required?: boolean;
  /** Default as the string a user would type; applied before validation, so the schema sees it too. */
  readonly default?: string;
  /** Further environment variables the CLI reads, in order, when neither the flag nor `GANTRY_<NAME>` is set. */
  readonly env?: readonly string[];
}

export interface OutputSpec {
  readonly description: string;
}

/** Raw inputs as every runner delivers them: strings keyed by their kebab-case name, absent when unset. */
export type RawInputs = Readonly<Record<string, string | undefined>>;

/**
 * A stage: one step of the pipeline, written once and run by every runtime. `schema` validates the raw string
 * inputs (kebab-case keys, as in action.yml) into typed values; `run` never reads `process.env` or a runner API,
 * only its input and the runtime it is given.
 */
export interface Stage<S extends z.ZodObject = z.ZodObject, O extends string = string> {
  readonly name: string;
  readonly description: string;
  readonly inputs: Readonly<Record<string, InputSpec>>;
  readonly outputs: Readonly<Record<O, OutputSpec>>;
  readonly schema: S;
  run(input: z.infer<S>, runtime: Runtime): Promise<Record<O, string>>;
}

export function defineStage<S extends z.ZodObject, O extends string>(stage: Stage<S, O>): Stage<S, O> {
  return stage;
}

/** The environment variable the CLI reads for an input: `role-arn` → `GANTRY_ROLE_ARN`. */
export function inputEnvName(input: string): string {
  return `GANTRY_${input.replace(/-/g, '_').toUpperCase()}`;
}

/**
 * Applies defaults and validates raw inputs. Throws an InputError naming the first offending input, so a
 * stage refuses bad input before it touches anything.
 */
export function parseInputs<S extends z.ZodObject>(stage: Stage<S, string>, raw: RawInputs): z.infer<S> {
  const unknown = Object.keys(raw).filter((name) => raw[name] !== undefined && !(name in stage.inputs));
  if (unknown.length > 0) {
    throw new InputError(unknown[0]!, `not an input of stage '${stage.name}' (inputs: ${Object.keys(stage.inputs).join(', ')})`);
  }
  const withDefaults: Record<string, string | undefined> = {};
  for (const [name, spec] of Object.entries(stage.inputs)) {
    const value = raw[name]?.trim();
    withDefaults[name] = value === undefined || value === '' ? spec.default : value;
  }
  const result = stage.schema.safeParse(withDefaults);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const input = String(issue.path[0] ?? stage.name);
  const problem = withDefaults[input] === undefined ? 'is required' : issue.message;
  throw new InputError(input, problem);
}
