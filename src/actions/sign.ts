import { runAction } from '../runtime/github/index.js';
import { signStage } from '../stages/sign.js';

void runAction(signStage);
