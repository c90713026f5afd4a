import { InputError } from '../../src/model/errors.js';
import { PipelineError, resolvePipeline } from '../../src/pipeline/resolve.js';
import { parseInputs, type RawInputs, type Stage } from '../../src/model/stage.js';

/** The InputError that `raw` makes the stage refuse; fails the test when the stage accepts it. */
export function inputErrorOf(stage: Stage, raw: RawInputs): InputError {
  try {
    parseInputs(stage, raw);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error(`expected stage '${stage.name}' to refuse ${JSON.stringify(raw)}`);
}

/** The problems a pipeline model is refused for; fails the test when the model resolves. */
export function problemsOf(document: unknown): readonly string[] {
  try {
    resolvePipeline(document);
  } catch (error) {
    if (error instanceof PipelineError) return error.problems;
    throw error;
  }
  throw new Error('expected the model to be refused');
}
