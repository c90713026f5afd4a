import { runAction } from '../runtime/github/index.js';
import { githubIdToken } from '../runtime/github/id-token.js';
import { authStage } from '../stages/auth.js';

await runAction(authStage, { idToken: githubIdToken });
