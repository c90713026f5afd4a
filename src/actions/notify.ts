import { runAction } from '../runtime/github/index.js';
import { notifyStage } from '../stages/notify.js';

void runAction(notifyStage);
