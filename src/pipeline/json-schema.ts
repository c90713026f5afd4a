import * as z from '../model/zod.js';
import { pipelineSchema } from './model.js';

/** The JSON Schema of a pipeline document as a user writes it (before defaults), for editors and linters. */
export function pipelineJsonSchema() {
  return {
    ...z.toJSONSchema(pipelineSchema, { io: 'input', unrepresentable: 'any' }),
    title: 'Gantry pipeline model',
  };
}
