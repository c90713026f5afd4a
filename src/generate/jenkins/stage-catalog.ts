import type { Stage } from '../../model/stage.js';

/** What the Jenkins library knows of one stage: the input names it accepts and the outputs the CLI returns. */
export interface JenkinsStageEntry {
  readonly inputs: Readonly<Record<string, { readonly required: boolean; readonly default?: string }>>;
  readonly outputs: readonly string[];
}

export interface JenkinsStageCatalog {
  /** The CLI version the library drives; it refuses any other. */
  readonly cliVersion: string;
  readonly stages: Readonly<Record<string, JenkinsStageEntry>>;
}

/**
 * The catalog the Jenkins library loads with `libraryResource` (jenkins/resources/dev/gantry/stages.json), taken from
 * the stage declarations so that the input names are never written twice.
 */
export function jenkinsStageCatalog(stages: readonly Stage[], cliVersion: string): JenkinsStageCatalog {
  return {
    cliVersion,
    stages: Object.fromEntries(
      stages.map((stage) => [
        stage.name,
        {
          inputs: Object.fromEntries(
            Object.entries(stage.inputs).map(([name, spec]) => [name, spec.default === undefined ? { required: spec.required } : { required: spec.required, default: spec.default }]),
          ),
          outputs: Object.keys(stage.outputs),
        },
      ]),
    ),
  };
}
