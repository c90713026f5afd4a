import type { Stage } from '../model/stage.js';

/**
 * The action.yml of a stage, derived from the stage's own input and output specs so that the action, the CLI
 * and the schema cannot disagree about names, defaults or what is required.
 */
export function actionManifest(stage: Stage) {
  const inputs: Record<string, { description: string; required: boolean; default?: string }> = {};
  for (const [name, spec] of Object.entries(stage.inputs)) {
    inputs[name] = { description: spec.description, required: spec.required ?? false };
    if (spec.default !== undefined) inputs[name].default = spec.default;
  }
  const outputs = Object.fromEntries(Object.entries(stage.outputs).map(([name, spec]) => [name, { description: spec.description }]));
  return {
    name: `Gantry ${stage.name}`,
    description: stage.description,
    author: 'Gantry',
    inputs,
    outputs,
    runs: { using: 'node24', main: 'dist/index.cjs' },
  };
}
