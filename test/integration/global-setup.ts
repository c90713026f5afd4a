import type { TestProject } from 'vitest/node';
import { localStackConfig } from '../../src/local/config.js';
import { localDown, localEnv, localUp } from '../../src/local/stack.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `gantry local env` of the running stack: endpoints, test credentials, registry, GitOps repository. */
    localEnv: Record<string, string>;
  }
}

/**
 * Starts the loopback stack once for all integration tests (or reuses one a developer already has up) and stops
 * afterwards only the peers this run started.
 */
export default async function setup(project: TestProject) {
  const config = localStackConfig();
  const log = (line: string) => process.stderr.write(`[local stack] ${line}\n`);
  const started = await localUp(config, log);
  project.provide('localEnv', await localEnv(config));
  return async () => {
    if (started.length > 0) await localDown(config, log, started);
  };
}
