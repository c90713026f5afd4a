import { scanStage as stage } from '../../../stages/scan.js';
import { runCommand } from '../run-command.js';

export { stage };
export const run = (args: readonly string[]) => runCommand(stage, args);
