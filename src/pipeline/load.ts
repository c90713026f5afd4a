import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { GantryError } from '../model/errors.js';
import { resolvePipeline, type ResolvedPipeline } from './resolve.js';

/**
 * Reads a pipeline model from a `.json`, `.yaml` or `.yml` file and resolves it (validation included). Synchronous,
 * because projen components are built in constructors.
 */
export function loadPipelineFile(path: string): ResolvedPipeline {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new GantryError(`cannot read the pipeline model ${path}: ${(error as Error).message}`);
  }
  let document: unknown;
  try {
    // YAML is a superset of JSON: one parser reads both, and reports the line of a syntax error.
    document = parse(text, { prettyErrors: true });
  } catch (error) {
    throw new GantryError(`${path} is not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'}: ${(error as Error).message}`);
  }
  return resolvePipeline(document);
}
