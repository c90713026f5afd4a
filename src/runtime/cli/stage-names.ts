/**
 * The names `gantry run` takes, in pipeline order: each has its module under ./stages/ (in the bin, its own bundle),
 * which main.ts imports by name, so that a run loads its stage only. Names alone here: reading this list loads no
 * stage. A unit test keeps it equal to `stages` in src/stages/index.ts and checks each module.
 */
export const STAGE_NAMES: readonly string[] = [
  'auth',
  'build',
  'scan',
  'push',
  'sign',
  'promote',
  'deploy-ecs',
  'deploy-eks',
  'gitops-bump',
  'publish-static',
  'verify',
  'rollback',
  'notify',
];
