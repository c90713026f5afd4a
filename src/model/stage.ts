import { InputError } from './errors.js';
import * as z from './zod.js';
import type { Runtime } from './runtime.js';


/** What a user reads about an input, wherever it appears: action.yml, `gantry stages`, generated workflows. */
export interface InputSpec {
  readonly description: string;
  /** Default as the string a user would type; applied before validation, so the schema sees it too. */
  readonly default?: string;
  /** Further environment variables the CLI reads, in order, when neither the flag nor `GANTRY_<NAME>` is set. */
  readonly env?: readonly string[];
}

/**
 * One input, declared once: its validator and what users read about it. Everything else is derived from it: the
 * action.yml entry, the CLI flag `--name`, the variable `GANTRY_NAME`, the typed value the stage receives, and
 * whether it is required (the schema refuses a missing value and there is no default).
 */
export interface InputDefinition<T extends z.ZodMiniType = z.ZodMiniType> extends InputSpec {
  /** Validates the raw string (or its absence) into the value the stage receives. */
  readonly schema: T;
  readonly required: boolean;
}

export type InputDefinitions = Readonly<Record<string, InputDefinition>>;

/** The validated input a stage's `run` receives: each input's schema output, keyed by the input's name. */
export type StageInput<I extends InputDefinitions> = z.output<z.ZodMiniObject<{ -readonly [K in keyof I]: I[K]['schema'] }>>;

export function input<T extends z.ZodMiniType>(schema: T, spec: InputSpec): InputDefinition<T> {
  return { ...spec, schema, required: spec.default === undefined && !schema.safeParse(undefined).success };
}

export interface OutputSpec {
  readonly description: string;
}

/** Raw inputs as every runner delivers them: strings keyed by their kebab-case name, absent when unset. */
export type RawInputs = Readonly<Record<string, string | undefined>>;

/**
 * A stage: one step of the pipeline, written once and run by every runtime. `inputs` declares each input once;
 * `schema` is derived from them and validates the raw string inputs (kebab-case keys, as in action.yml) into typed
 * values; `run` never reads `process.env` or a runner API, only its input and the runtime it is given.
 */
export interface Stage<I extends InputDefinitions = InputDefinitions, O extends string = string> {
  readonly name: string;
  readonly description: string;
  readonly inputs: I;
  readonly outputs: Readonly<Record<O, OutputSpec>>;
  /**
   * A rule that spans inputs (one input makes another required, two exclude each other), checked after each input
   * passed its own schema; returns the first problem, named by the input a user should change.
   */
  check?(input: StageInput<I>): InputProblem | undefined;
  /** The validator of all inputs together, derived from `inputs` and `check`. */
  readonly schema: z.ZodMiniObject;
  run(input: StageInput<I>, runtime: Runtime): Promise<Record<O, string>>;
}

export interface InputProblem {
  readonly input: string;
  readonly problem: string;
}

export function defineStage<I extends InputDefinitions, O extends string>(stage: Omit<Stage<I, O>, 'schema'>): Stage<I, O> {
  const shape = Object.fromEntries(Object.entries(stage.inputs).map(([name, definition]) => [name, definition.schema]));
  const schema = z.object(shape).check(
    z.superRefine((value, ctx) => {
      const found = stage.check?.(value as StageInput<I>);
      if (found) ctx.addIssue({ code: 'custom', path: [found.input], message: found.problem, params: { spansInputs: true } });
    }),
  );
  // A default the schema refuses would fail every run that leaves the input unset: refuse it when the stage loads.
  for (const [name, definition] of Object.entries(stage.inputs)) {
    if (definition.default !== undefined && !definition.schema.safeParse(definition.default).success) {
      throw new Error(`stage '${stage.name}': the default of input '${name}' (${JSON.stringify(definition.default)}) fails its own schema`);
    }
  }
  return { ...stage, schema };
}

/** The environment variable the CLI reads for an input: `role-arn` → `GANTRY_ROLE_ARN`. */
export function inputEnvName(input: string): string {
  return `GANTRY_${input.replace(/-/g, '_').toUpperCase()}`;
}

/**
 * Applies defaults and validates raw inputs. Throws an InputError naming the first offending input, so a
 * stage refuses bad input before it touches anything.
 */
export function parseInputs<I extends InputDefinitions>(stage: Stage<I, string>, raw: RawInputs): StageInput<I> {
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
  if (result.success) return result.data as StageInput<I>;
  const issue = result.error.issues[0]!;
  const name = String(issue.path[0] ?? stage.name);
  // A missing value fails its schema with zod's own wording; say it plainly, unless a rule that spans inputs says why.
  const spansInputs = issue.code === 'custom' && issue.params?.spansInputs === true;
  const problem = withDefaults[name] === undefined && !spansInputs ? 'is required' : issue.message;
  throw new InputError(name, problem);
}
