import { runAction } from '../runtime/github/index.js';
import { scanStage } from '../stages/scan.js';

void runAction(scanStage);
