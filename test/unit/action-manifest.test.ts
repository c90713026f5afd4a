import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type * as z from '../../src/model/zod.js';
import { stages } from '../../src/stages/index.js';

interface ActionYml {
  description: string;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
}

describe.each(stages.map((stage) => [stage.name, stage] as const))('actions/%s/action.yml', (name, stage) => {
  const file = `actions/${name}/action.yml`;
  const action = parse(readFileSync(file, 'utf8')) as ActionYml;
  const shape = stage.schema.shape as Record<string, z.ZodMiniType>;

  it('has exactly the inputs of the stage schema, each described', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(Object.keys(shape).sort());
    expect(Object.keys(stage.inputs).sort()).toEqual(Object.keys(shape).sort());
    for (const [input, spec] of Object.entries(action.inputs)) expect(spec.description, input).toMatch(/\w{3,}/);
  });

  it('marks required exactly the inputs the schema cannot do without', () => {
    for (const [input, spec] of Object.entries(action.inputs)) {
      const schemaRequires = !shape[input]!.safeParse(undefined).success && spec.default === undefined;
      expect(spec.required ?? false, input).toBe(schemaRequires);
    }
  });

  it('declares defaults that the schema accepts and the stage spec agrees with', () => {
    for (const [input, spec] of Object.entries(action.inputs)) {
      expect(spec.default, input).toBe(stage.inputs[input]!.default);
      if (spec.default !== undefined) expect(shape[input]!.safeParse(spec.default).success, input).toBe(true);
    }
  });

  it('has the outputs the stage returns, each described', () => {
    expect(Object.keys(action.outputs).sort()).toEqual(Object.keys(stage.outputs).sort());
    for (const [output, spec] of Object.entries(action.outputs)) expect(spec.description, output).toMatch(/\w{3,}/);
  });

  it('runs a bundled file that exists', () => {
    expect(action.runs.using).toMatch(/^node\d+$/);
    expect(existsSync(`actions/${name}/${action.runs.main}`)).toBe(true);
  });
});
