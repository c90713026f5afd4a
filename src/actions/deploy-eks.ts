import { runAction } from '../runtime/github/index.js';
import { deployEksStage } from '../stages/deploy-eks.js';

void runAction(deployEksStage);
