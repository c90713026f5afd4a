// Builds the CLI's stage bundles, lib/bin/stages/<stage>.cjs: `gantry run <stage>` evaluates one with V8's code cache
// (src/runtime/cli/code-cache.ts), which Node 20 offers for scripts only, hence CommonJS. Run by the bundle:cli task.
import { stages } from '../src/stages/index.js';
import { buildScriptBundle } from './bundles.js';

await Promise.all(stages.map((stage) => buildScriptBundle(`src/runtime/cli/stages/${stage.name}.ts`, `lib/bin/stages/${stage.name}.cjs`)));
