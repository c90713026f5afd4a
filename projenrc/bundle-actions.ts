// Builds each action's bundle, actions/<stage>/dist/index.cjs: one self-contained CommonJS script per action, committed
// and run by the runner as `node dist/index.cjs` (a script starts sooner than an ES module). Run by the bundle task;
// the dist folders are emptied first, so no file of an earlier build outlives it.
import { rmSync } from 'node:fs';
import { stages } from '../src/stages/index.js';
import { buildScriptBundle } from './bundles.js';

await Promise.all(
  stages.map((stage) => {
    rmSync(`actions/${stage.name}/dist`, { recursive: true, force: true });
    return buildScriptBundle(`src/actions/${stage.name}.ts`, `actions/${stage.name}/dist/index.cjs`);
  }),
);
