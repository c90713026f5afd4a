import type { Stage } from '../model/stage.js';
import { authStage } from './auth.js';
import { buildStage } from './build.js';
import { scanStage } from './scan.js';
import { pushStage } from './push.js';
import { signStage } from './sign.js';
import { promoteStage } from './promote.js';
import { deployEcsStage } from './deploy-ecs.js';
import { deployEksStage } from './deploy-eks.js';
import { gitopsBumpStage } from './gitops-bump.js';
import { publishStaticStage } from './publish-static.js';
import { verifyStage } from './verify.js';
import { rollbackStage } from './rollback.js';
import { notifyStage } from './notify.js';

/** Every stage Gantry ships, in pipeline order. Generators, the CLI and the action tests read this list. */
export const stages: readonly Stage[] = [
  authStage,
  buildStage,
  scanStage,
  pushStage,
  signStage,
  promoteStage,
  deployEcsStage,
  deployEksStage,
  gitopsBumpStage,
  publishStaticStage,
  verifyStage,
  rollbackStage,
  notifyStage,
];

export function findStage(name: string): Stage | undefined {
  return stages.find((stage) => stage.name === name);
}
