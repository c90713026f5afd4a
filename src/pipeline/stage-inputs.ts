import * as z from '../model/zod.js';
import type { Stage } from '../model/stage.js';

/**
 * A stage's inputs as a pipeline model writes them: the same names as action.yml and the CLI, values as YAML
 * gives them (strings, numbers, booleans; kept as the strings a workflow's `with:` passes), each checked by the
 * stage's own schema. So an input added to a stage is usable in the model at once, with no second declaration.
 *
 * `supplied`: inputs the pipeline fills in itself (the image from push, the region of the environment); the model
 * may not set them. Values may hold `{project}`, `{environment}` and `{service}` placeholders: they are checked
 * against the stage's schema once the placeholders are filled in, per environment (see `resolve.ts`).
 */
export function stageInputsSchema(stage: Stage, supplied: readonly string[]) {
  const known = Object.keys(stage.inputs).filter((name) => !supplied.includes(name));
  const scalar = z.pipe(z.union([z.string(), z.number(), z.boolean()]), z.transform(String));
  // A value, or one per environment name (`bucket: { staging: site-staging, production: site-prod }`).
  const value = z.union([scalar, z.record(z.string(), scalar)]);
  // For editors (`gantry schema`): each input with its description, the way action.yml lists it.
  const properties = Object.fromEntries(
    known.map((name) => [
      name,
      {
        anyOf: [{ type: ['string', 'number', 'boolean'] }, { type: 'object', description: 'One value per environment name.', additionalProperties: { type: ['string', 'number', 'boolean'] } }],
        description: stage.inputs[name]!.description,
        default: stage.inputs[name]!.default,
      },
    ]),
  );
  const record = z.record(z.string(), value).check(z.meta({ description: `Inputs of the ${stage.name} stage.`, properties, additionalProperties: false }));
  return record.check(
    z.superRefine((inputs, ctx) => {
      for (const name of Object.keys(inputs)) {
        if (supplied.includes(name)) {
          ctx.addIssue({ code: 'custom', path: [name], message: `is set by the pipeline itself (from ${suppliedBy(name)}); remove it` });
        } else if (!(name in stage.inputs)) {
          ctx.addIssue({ code: 'custom', path: [name], message: `is not an input of stage '${stage.name}' (inputs: ${known.join(', ')})` });
        }
      }
    }),
  );
}

function suppliedBy(name: string): string {
  if (name === 'image') return "the push job's image output, by digest";
  if (name === 'aws-region') return "the environment's region";
  return 'the service and environment';
}

/** A model's value of a stage input: one for every environment, or one per environment name. */
export type ModelInputValue = string | Readonly<Record<string, string>>;
export type ModelInputs = Readonly<Record<string, ModelInputValue>>;

/**
 * Raw inputs for one service in one environment: the environment's own value picked, placeholders filled in. An
 * input given per environment but not for this one is reported through `missing`.
 */
export function inputsFor(inputs: ModelInputs, values: Readonly<Record<string, string>>, missing: (input: string) => void): Record<string, string> {
  const filled: Record<string, string> = {};
  for (const [name, value] of Object.entries(inputs)) {
    const own = typeof value === 'string' ? value : value[values.environment!];
    if (own === undefined) missing(name);
    else filled[name] = fill(own, values);
  }
  return filled;
}

export function fill(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\{(project|environment|service)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** A value that is one whole workflow expression (`${{ vars.GITOPS_REPO }}`): known only when the step runs. */
export function isWorkflowExpression(value: string): boolean {
  return /^\$\{\{[^}]*\}\}$/.test(value.trim());
}

/**
 * Checks filled-in inputs against the stage's own validators, input by input, and that every input the stage requires
 * is set by the model or supplied by the pipeline. A workflow expression counts as set; the stage checks its value
 * when it runs. Returns each problem as `[input, message]`.
 */
export function checkStageInputs(stage: Stage, inputs: Readonly<Record<string, string>>, supplied: readonly string[]): [string, string][] {
  const problems: [string, string][] = [];
  for (const [name, definition] of Object.entries(stage.inputs)) {
    if (supplied.includes(name)) continue;
    const value = inputs[name] ?? definition.default;
    if (value === undefined) {
      if (definition.required) problems.push([name, 'required']);
      continue;
    }
    if (isWorkflowExpression(value)) continue;
    const parsed = definition.schema.safeParse(value);
    if (!parsed.success) problems.push([name, parsed.error.issues[0]!.message]);
  }
  return problems;
}
