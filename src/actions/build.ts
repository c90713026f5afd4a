import { runAction } from '../runtime/github/index.js';
import { buildStage } from '../stages/build.js';

await runAction(buildStage);
