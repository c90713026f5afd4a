import { posix } from 'node:path';
import { Component, TextFile, type Project } from 'projen';
import { pipelineFiles } from '../generate/pipeline-files.js';
import type { PipelineDocument } from '../pipeline/model.js';
import { loadPipelineFile } from '../pipeline/load.js';
import { resolvePipeline } from '../pipeline/resolve.js';

export interface GantryPipelineOptions {
  /** The pipeline model, typed. Give this or `configFile`. */
  readonly model?: PipelineDocument;
  /** A pipeline model file (YAML or JSON) relative to the project root, shared with `gantry generate`. */
  readonly configFile?: string;
  /** Where the files go, relative to the project root (default: the root, so `.github/workflows/`). */
  readonly outdir?: string;
}

/**
 * A Gantry pipeline in a projen project: on `npx projen` it validates the model (a bad one fails synthesis, naming
 * the path) and writes the workflows as projen-managed, read-only files, so drift is caught like any generated file.
 */
export class GantryPipeline extends Component {
  readonly files: readonly string[];

  constructor(project: Project, options: GantryPipelineOptions) {
    super(project);
    if ((options.model === undefined) === (options.configFile === undefined)) throw new Error('GantryPipeline: give exactly one of model and configFile');
    const resolved = options.configFile ? loadPipelineFile(posix.join(project.outdir, options.configFile)) : resolvePipeline(options.model);
    const source = options.configFile ?? '.projenrc.ts';
    const outdir = options.outdir ?? '.';
    this.files = Object.entries(pipelineFiles(resolved, source)).map(([path, text]) => {
      const file = posix.normalize(posix.join(outdir, path));
      new TextFile(project, file, { lines: text.split('\n'), readonly: true });
      return file;
    });
  }
}
