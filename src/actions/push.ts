import { runAction } from '../runtime/github/index.js';
import { pushStage } from '../stages/push.js';

void runAction(pushStage);
