/**
 * The `gantry-ci/projen` entry point: the projen components that write a pipeline model's files and Gantry's reusable
 * workflows into a projen project. projen and constructs are optional peer dependencies of the package.
 */
export { GantryPipeline, type GantryPipelineOptions } from './gantry-pipeline.js';
export { GantryReusableWorkflows, type GantryReusableWorkflowsOptions } from './gantry-reusable-workflows.js';
