import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { build, type BuildOptions } from 'esbuild';

/**
 * How every bundle is built: the actions, the CLI's entry and its stages. Start time counts (one process per step):
 * the SDK's ES module builds (`mainFields`) tree-shake to the commands a stage sends, `minifySyntax` trims what is
 * left, and code reached only by a dynamic import() stays in the one file but is evaluated only when first used.
 * `yaml` resolves to its ES module build (shipped under browser/, the same code): its Node build is CommonJS, which
 * esbuild cannot tree-shake. No whitespace minification: a bundle stays readable (and V8 compiles it no faster).
 */
export const BUNDLE_OPTIONS = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  mainFields: ['module', 'main'],
  minifySyntax: true,
  alias: { yaml: './node_modules/yaml/browser/index.js' },
  logLevel: 'warning',
} satisfies BuildOptions;

/** An ES module bundle: the banner gives bundled CommonJS dependencies a `require`. */
export const ESM_BANNER = "import { createRequire as __gantryCreateRequire } from 'node:module'; const require = __gantryCreateRequire(import.meta.url);";

/** BUNDLE_OPTIONS for an ES module bundle, as esbuild command-line flags (for a projen task). */
export function esmBundleFlags(): string[] {
  return [
    '--bundle',
    `--platform=${BUNDLE_OPTIONS.platform}`,
    `--target=${BUNDLE_OPTIONS.target}`,
    '--format=esm',
    `--legal-comments=${BUNDLE_OPTIONS.legalComments}`,
    `--main-fields=${BUNDLE_OPTIONS.mainFields.join(',')}`,
    '--minify-syntax',
    ...Object.entries(BUNDLE_OPTIONS.alias).map(([name, path]) => `--alias:${name}=${path}`),
    `--log-level=${BUNDLE_OPTIONS.logLevel}`,
    `--banner:js="${ESM_BANNER}"`,
  ];
}

// A bundle's only dynamic import() calls are of Node's built-in modules (the SDK's lazily loaded HTTP client and
// async_hooks). In a CommonJS script, import() would start Node's ES module loader for them (about 4 ms), and a script
// compiled from V8's code cache cannot import() at all (Node 20 loses its dynamic-import handler when V8 takes the
// cache); require() gives a built-in synchronously, and the module namespace is rebuilt around it, default included.
const IMPORT_BUILTIN = 'const __gantryImportBuiltin = (id) => Promise.resolve().then(() => { const m = require(id); return { ...m, default: m }; });';
// import.meta has no meaning in CommonJS; the one use (finding the package root) gets the bundle's own URL.
const IMPORT_META_URL = 'const __gantryImportMetaUrl = require("node:url").pathToFileURL(__filename).href;';

/**
 * Bundles `entry` into one CommonJS script, `outfile` (`.cjs`). A process runs a script sooner than an ES module:
 * Node's CommonJS loader compiles it directly, without the ES module loader's start and its module compile, about
 * 10 ms less to an action's first request. The entry must not use top-level await.
 */
export async function buildScriptBundle(entry: string, outfile: string): Promise<void> {
  const result = await build({
    ...BUNDLE_OPTIONS,
    entryPoints: [entry],
    format: 'cjs',
    define: { 'import.meta.url': '__gantryImportMetaUrl' },
    banner: { js: `${IMPORT_META_URL}\n${IMPORT_BUILTIN}` },
    write: false,
    outfile,
  });
  const code = result.outputFiles[0]!.text.replace(/\bimport\((?="node:[\w/]+"\))/g, '__gantryImportBuiltin(');
  const left = /\bimport\(\s*[^)\s]/.exec(code);
  if (left) throw new Error(`${outfile}: a dynamic import() left in a one-file script: ${code.slice(left.index, left.index + 80)}`);
  mkdirSync(dirname(outfile), { recursive: true });
  writeFileSync(outfile, code);
}
