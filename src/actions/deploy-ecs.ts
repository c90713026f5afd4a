import { runAction } from '../runtime/github/index.js';
import { deployEcsStage } from '../stages/deploy-ecs.js';

void runAction(deployEcsStage);
