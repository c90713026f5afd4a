import { pushStage as stage } from '../../../stages/push.js';
import { runCommand } from '../run-command.js';

export { stage };
export const run = (args: readonly string[]) => runCommand(stage, args);
