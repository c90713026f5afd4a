import type { BuildOptions } from 'esbuild';

/**
 * How every bundle is built: the actions, the CLI's entry and its stages. Start time counts (one process per step):
 * the SDK's ES module builds (`mainFields`) tree-shake to the commands a stage sends, `minifySyntax` trims what is
 * left, and code reached only by a dynamic import() stays in the one file but is evaluated only when first used.
 * `yaml` resolves to its ES module build (shipped under browser/, the same code): its Node build is CommonJS, which
 * esbuild cannot tree-shake. No whitespace minification: a bundle stays readable.
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
