import { describe, expect, it } from 'vitest';
import { booleanString, integerString } from '../../src/model/inputs.js';
import { defineStage, input, parseInputs } from '../../src/model/stage.js';
import * as z from '../../src/model/zod.js';
import { stages } from '../../src/stages/index.js';
import { inputErrorOf } from './support.js';

const demo = defineStage({
  name: 'demo',
  description: 'A stage declared the way every stage is.',
  inputs: {
    target: input(z.string().check(z.minLength(1)), { description: 'What to act on.' }),
    note: input(z.optional(z.string()), { description: 'Optional text.' }),
    retries: input(integerString(0, 5), { description: 'Attempts.', default: '2' }),
    dry: input(booleanString, { description: 'Change nothing.', default: 'false' }),
    approver: input(z.optional(z.string()), { description: 'Who approved, when not dry.' }),
  },
  outputs: { done: { description: 'What was done.' } },
  check: (value) => (!value.dry && !value.approver ? { input: 'approver', problem: 'is required unless dry is true' } : undefined),
  run: async (value) => ({ done: `${value.target} x${value.retries}` }),
});

describe('input(): one declaration per input', () => {
  it('derives required from the schema and the default', () => {
    expect(demo.inputs.target.required).toBe(true);
    expect(demo.inputs.note.required).toBe(false);
    expect(demo.inputs.retries.required).toBe(false);
  });

  it('types and validates from the same declaration', async () => {
    const value = parseInputs(demo, { target: 'web', approver: 'ops' });
    expect(value).toEqual({ target: 'web', retries: 2, dry: false, approver: 'ops' });
    expect(await demo.run(value, undefined as never)).toEqual({ done: 'web x2' });
    expect(inputErrorOf(demo, { approver: 'ops' }).message).toBe("input 'target': is required");
    expect(inputErrorOf(demo, { target: 'web', approver: 'ops', retries: '9' }).message).toBe("input 'retries': must be a whole number from 0 to 5");
  });

  it('checks rules that span inputs after each input passed, naming the input to change', () => {
    expect(inputErrorOf(demo, { target: 'web' }).message).toBe("input 'approver': is required unless dry is true");
    expect(parseInputs(demo, { target: 'web', dry: 'true' }).dry).toBe(true);
    // A single input's own problem is reported before the rule that spans inputs.
    expect(inputErrorOf(demo, { target: 'web', dry: 'maybe' }).input).toBe('dry');
  });

  it('refuses, when the stage is defined, a default its own schema refuses', () => {
    expect(() =>
      defineStage({
        name: 'broken',
        description: 'A default that can never pass.',
        inputs: { count: input(integerString(1, 3), { description: 'How many.', default: '7' }) },
        outputs: {},
        run: async () => ({}),
      }),
    ).toThrow(/stage 'broken': the default of input 'count' \("7"\) fails its own schema/);
  });

  it.each(stages.map((stage) => [stage.name, stage] as const))('%s: the schema has exactly the declared inputs', (_, stage) => {
    expect(Object.keys(stage.schema.shape)).toEqual(Object.keys(stage.inputs));
    for (const [name, definition] of Object.entries(stage.inputs)) expect(stage.schema.shape[name]).toBe(definition.schema);
  });
});
