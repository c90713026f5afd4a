import { gitopsBumpStage as stage } from '../../../stages/gitops-bump.js';
import { runCommand } from '../run-command.js';

export { stage };
export const run = (args: readonly string[]) => runCommand(stage, args);
