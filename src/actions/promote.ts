import { runAction } from '../runtime/github/index.js';
import { promoteStage } from '../stages/promote.js';

void runAction(promoteStage);
