import { runAction } from '../runtime/github/index.js';
import { verifyStage } from '../stages/verify.js';

void runAction(verifyStage);
