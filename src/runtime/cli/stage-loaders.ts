import type { Stage } from '../../model/stage.js';

/**
 * Each stage's module, by name, loaded on demand: `gantry run <stage>` evaluates that stage's code and its SDK
 * client only, not every stage's (a pipeline starts one process per stage, so start time counts). The names and
 * order are those of `stages` in src/stages/index.ts; a unit test keeps the two lists equal.
 */
export const stageLoaders: Readonly<Record<string, () => Promise<Stage>>> = {
  auth: async () => (await import('../../stages/auth.js')).authStage,
  build: async () => (await import('../../stages/build.js')).buildStage,
  scan: async () => (await import('../../stages/scan.js')).scanStage,
  push: async () => (await import('../../stages/push.js')).pushStage,
  sign: async () => (await import('../../stages/sign.js')).signStage,
  promote: async () => (await import('../../stages/promote.js')).promoteStage,
  'deploy-ecs': async () => (await import('../../stages/deploy-ecs.js')).deployEcsStage,
  'deploy-eks': async () => (await import('../../stages/deploy-eks.js')).deployEksStage,
  'gitops-bump': async () => (await import('../../stages/gitops-bump.js')).gitopsBumpStage,
  'publish-static': async () => (await import('../../stages/publish-static.js')).publishStaticStage,
  verify: async () => (await import('../../stages/verify.js')).verifyStage,
  rollback: async () => (await import('../../stages/rollback.js')).rollbackStage,
  notify: async () => (await import('../../stages/notify.js')).notifyStage,
};

/** The stage called `name`, with only its own code loaded; undefined for a name Gantry does not ship. */
export function loadStage(name: string): Promise<Stage> | undefined {
  return Object.hasOwn(stageLoaders, name) ? stageLoaders[name]!() : undefined;
}
