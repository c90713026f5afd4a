import type { Stage } from '../../model/stage.js';

/** A stage as `gantry stages` and `gantry run <stage> --help` print it: its inputs and outputs. */
export function describeStage(stage: Stage): string {
  const lines = [`${stage.name}: ${stage.description}`, '  inputs:'];
  for (const [input, spec] of Object.entries(stage.inputs)) {
    const notes = [spec.required ? 'required' : undefined, spec.default !== undefined ? `default ${spec.default}` : undefined].filter(Boolean);
    lines.push(`    --${input}${notes.length ? ` (${notes.join(', ')})` : ''}  ${spec.description}`);
  }
  lines.push('  outputs:');
  for (const [output, spec] of Object.entries(stage.outputs)) lines.push(`    ${output}  ${spec.description}`);
  return `${lines.join('\n')}\n`;
}
