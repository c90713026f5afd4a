import { rollbackStage as stage } from '../../../stages/rollback.js';
import { runCommand } from '../run-command.js';

export { stage };
export const run = (args: readonly string[]) => runCommand(stage, args);
