import { runAction } from '../runtime/github/index.js';
import { buildStage } from '../stages/build.js';

void runAction(buildStage);
