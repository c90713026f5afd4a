import { runAction } from '../runtime/github/index.js';
import { publishStaticStage } from '../stages/publish-static.js';

void runAction(publishStaticStage);
