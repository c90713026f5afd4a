import { Document, isMap, isScalar, visit } from 'yaml';
import type { ResolvedPipeline } from '../../pipeline/resolve.js';
import { checksOnly, deliverWorkflow, inlineDelivery, pinsOf } from './deliver.js';
import { reusableDelivery, reusablePins, reusableWorkflows, type ReusableWorkflowOptions } from './reusable.js';
import { PINNED_ACTIONS, type PinnedAction, type Workflow } from './workflow.js';

/**
 * A workflow as YAML text: every third-party `uses:` pinned by SHA carries its version as a trailing comment, so a
 * reviewer sees `# v4.3.1` where the SHA alone says nothing.
 */
export function workflowYaml(workflow: Workflow, pins: Readonly<Record<string, PinnedAction>> = PINNED_ACTIONS, header?: string): string {
  const versions = new Map(Object.values(pins).map((pin) => [pin.uses, pin.version]));
  // Plain YAML: a shared object is written out again rather than as an anchor and alias.
  const doc = new Document(workflow, { aliasDuplicateObjects: false });
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === 'uses' && isScalar(pair.value)) {
        const uses = String(pair.value.value);
        const version = versions.get(uses);
        if (version) pair.value.comment = ` ${version}`;
        // An action of the checkout itself: `./` is the form act and GitHub Enterprise Server run, which zizmor's
        // newer `$/` suggestion is not; the checkout is the commit being delivered either way.
        if (uses.startsWith('./')) pair.value.comment = ' zizmor: ignore[self-repository]';
      }
    },
  });
  if (header) doc.commentBefore = header.split('\n').map((line) => ` ${line}`).join('\n');
  if (!isMap(doc.contents)) throw new Error('a workflow renders as a mapping');
  return doc.toString({ lineWidth: 0 });
}

/** `deliver.yml` in the model's style: Gantry's actions step by step, or calls of Gantry's reusable workflows. */
export function deliverWorkflowOf(pipeline: ResolvedPipeline): Workflow {
  return deliverWorkflow(pipeline, pipeline.model.workflow.style === 'reusable' ? reusableDelivery : inlineDelivery);
}

/** Every GitHub workflow a pipeline model yields, by file name under `.github/workflows/`. */
export function githubWorkflows(pipeline: ResolvedPipeline): Record<string, Workflow> {
  const files: Record<string, Workflow> = { 'deliver.yml': deliverWorkflowOf(pipeline) };
  const ci = checksOnly(pipeline);
  if (ci) files['ci.yml'] = ci;
  return files;
}

/** The same, as the YAML text of each file. */
export function githubWorkflowFiles(pipeline: ResolvedPipeline, header: string): Record<string, string> {
  const pins = pinsOf(pipeline);
  return Object.fromEntries(Object.entries(githubWorkflows(pipeline)).map(([file, workflow]) => [file, workflowYaml(workflow, pins, header)]));
}

/** Gantry's reusable workflows as the YAML text of each file under `.github/workflows/`. */
export function reusableWorkflowFiles(options: ReusableWorkflowOptions, header: string): Record<string, string> {
  const pins = reusablePins(options);
  return Object.fromEntries(Object.entries(reusableWorkflows(options)).map(([file, workflow]) => [file, workflowYaml(workflow, pins, header)]));
}
