import { runAction } from '../runtime/github/index.js';
import { promoteStage } from '../stages/promote.js';

await runAction(promoteStage);
