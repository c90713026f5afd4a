import type { Stage } from '../model/stage.js';
import { authStage } from './auth.js';

/** Every stage Gantry ships, in pipeline order. Generators, the CLI and the action tests read this list. */
export const stages: readonly Stage[] = [authStage as unknown as Stage];

export function findStage(name: string): Stage | undefined {
  return stages.find((stage) => stage.name === name);
}
