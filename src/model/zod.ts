import * as z from 'zod/mini';
import { en } from 'zod/locales';

/**
 * zod, as every module of Gantry imports it: `import * as z from '../model/zod.js'`. The mini API, whose schemas are
 * plain objects where the classic API gives each one its whole method set (building a stage's inputs took about
 * 20 ms of every start); English messages, as the classic API has them; and no JIT, which would compile a parser
 * (with `new Function`) that a stage uses once.
 */
z.config({ ...en(), jitless: true });

export * from 'zod/mini';
