import { runAction } from '../runtime/github/index.js';
import { gitopsBumpStage } from '../stages/gitops-bump.js';

void runAction(gitopsBumpStage);
