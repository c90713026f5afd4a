// Builds the CLI's stage bundles, lib/bin/stages/<stage>.cjs: `gantry run <stage>` evaluates one with V8's code cache
// (src/runtime/cli/code-cache.ts), which Node 20 offers for scripts only, hence CommonJS. Run by the bundle:cli task.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { build } from 'esbuild';
import { stages } from '../src/stages/index.js';
import { BUNDLE_OPTIONS } from './bundles.js';

// A script compiled from a code cache cannot import(): Node 20 loses a script's dynamic-import handler when V8 takes
// the cache. The bundles' only import() calls left are of Node's built-in modules (the SDK's lazily loaded HTTP client
// and async_hooks), which require() gives synchronously; the module namespace is rebuilt around it, default included.
const IMPORT_BUILTIN = 'const __gantryImportBuiltin = (id) => Promise.resolve().then(() => { const m = require(id); return { ...m, default: m }; });';
// import.meta has no meaning in CommonJS; the one use (finding the package root) gets the bundle's own URL.
const IMPORT_META_URL = 'const __gantryImportMetaUrl = require("node:url").pathToFileURL(__filename).href;';

await Promise.all(
  stages.map(async (stage) => {
    const outfile = `lib/bin/stages/${stage.name}.cjs`;
    const result = await build({
      ...BUNDLE_OPTIONS,
      entryPoints: [`src/runtime/cli/stages/${stage.name}.ts`],
      format: 'cjs',
      define: { 'import.meta.url': '__gantryImportMetaUrl' },
      banner: { js: `${IMPORT_META_URL}\n${IMPORT_BUILTIN}` },
      write: false,
      outfile,
    });
    const code = result.outputFiles[0]!.text.replace(/\bimport\((?="node:[\w/]+"\))/g, '__gantryImportBuiltin(');
    const left = /\bimport\(\s*[^)\s]/.exec(code);
    if (left) throw new Error(`${outfile}: a dynamic import() the code cache cannot run: ${code.slice(left.index, left.index + 80)}`);
    mkdirSync(dirname(outfile), { recursive: true });
    writeFileSync(outfile, code);
  }),
);
