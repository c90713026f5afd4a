import { runAction } from '../runtime/github/index.js';
import { rollbackStage } from '../stages/rollback.js';

void runAction(rollbackStage);
