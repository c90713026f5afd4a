import { runAction } from '../runtime/github/index.js';
import { authStage } from '../stages/auth.js';

void runAction(authStage);
