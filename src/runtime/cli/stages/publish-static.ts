import { publishStaticStage as stage } from '../../../stages/publish-static.js';
import { runCommand } from '../run-command.js';

export { stage };
export const run = (args: readonly string[]) => runCommand(stage, args);
