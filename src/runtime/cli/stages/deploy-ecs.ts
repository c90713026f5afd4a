import { deployEcsStage as stage } from '../../../stages/deploy-ecs.js';
import { runCommand } from '../run-command.js';

export { stage };
export const run = (args: readonly string[]) => runCommand(stage, args);
