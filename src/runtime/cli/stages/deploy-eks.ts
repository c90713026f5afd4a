import { deployEksStage as stage } from '../../../stages/deploy-eks.js';
import { runCommand } from '../run-command.js';

export { stage };
export const run = (args: readonly string[]) => runCommand(stage, args);
