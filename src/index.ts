/**
 * The library API of the `gantry-ci` package: the stages, the function that runs one, the Runtime contract a runner
 * implements and the CLI's runtime, and the types of the stage and pipeline models. The projen components are the
 * `gantry-ci/projen` entry point, so code that does not use projen never loads it.
 */
export { stages, findStage } from './stages/index.js';
export { authStage } from './stages/auth.js';
export { buildStage } from './stages/build.js';
export { scanStage } from './stages/scan.js';
export { pushStage } from './stages/push.js';
export { deployEcsStage } from './stages/deploy-ecs.js';
export { deployEksStage } from './stages/deploy-eks.js';
export { gitopsBumpStage } from './stages/gitops-bump.js';
export { publishStaticStage } from './stages/publish-static.js';
export { verifyStage } from './stages/verify.js';
export { rollbackStage } from './stages/rollback.js';
export { notifyStage } from './stages/notify.js';

export { runStage, type StageResult } from './runtime/run-stage.js';
export type { Runtime, RunContext } from './model/runtime.js';
export { CliRuntime, type CliRuntimeOptions } from './runtime/cli/runtime.js';

export {
  defineStage,
  input,
  inputEnvName,
  parseInputs,
  type InputDefinition,
  type InputDefinitions,
  type InputProblem,
  type InputSpec,
  type OutputSpec,
  type RawInputs,
  type Stage,
  type StageInput,
} from './model/stage.js';
export { GantryError, InputError, describeFailure } from './model/errors.js';
export { EXIT_FAILURE, EXIT_SUCCESS, EXIT_UNSTABLE, EXIT_USAGE } from './model/exit-codes.js';

export { pipelineSchema, type Pipeline, type PipelineDocument } from './pipeline/model.js';
export { PipelineError, resolvePipeline, type ResolvedPipeline } from './pipeline/resolve.js';
export { loadPipelineFile } from './pipeline/load.js';
export { pipelineFiles } from './generate/pipeline-files.js';
export { pipelineJsonSchema } from './pipeline/json-schema.js';
