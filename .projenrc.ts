import { javascript, JsonFile, TextFile, typescript, YamlFile } from 'projen';
import { jenkinsStageCatalog } from './src/generate/jenkins/stage-catalog.js';
import { actionManifest } from './src/generate/action-manifest.js';
import { stages } from './src/stages/index.js';
import { readdirSync, readFileSync } from 'node:fs';
import { GantryPipeline } from './src/projen/gantry-pipeline.js';
import { workflowYaml } from './src/generate/github/render.js';
import { PINNED_ACTIONS } from './src/generate/github/workflow.js';
import { GantryReusableWorkflows } from './src/projen/gantry-reusable-workflows.js';
import { ciWorkflow } from './workflows-src/ci.js';
import { releaseWorkflow } from './workflows-src/release.js';
import { esmBundleFlags } from './projenrc/bundles.js';
import { configurePackage } from './projenrc/package.js';

const project = new typescript.TypeScriptProject({
  name: 'gantry-ci',
  description: 'Typed CI/CD pipelines for containers and static sites on AWS: GitHub Actions, Jenkins and local runs from one model.',
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  minNodeVersion: '20.0.0',
  typescriptVersion: '5.9.3',
  srcdir: 'src',
  libdir: 'lib',
  testdir: 'test',
  sampleCode: false,
  jest: false,
  eslint: false,
  prettier: false,
  github: false,
  buildWorkflow: false,
  release: false,
  depsUpgrade: false,
  pullRequestTemplate: false,
  vscode: false,
  licensed: false,
  // The package ships an allowlist (`files`, in projenrc/package.ts), not projen's denylist.
  npmignoreEnabled: false,
  // projen and constructs are optional peers of the package (projenrc/package.ts); this repository keeps building with
  // its own versions of them rather than the peers' lowest.
  peerDependencyOptions: { pinnedDevDependency: false },
  bin: { gantry: 'lib/bin/gantry.mjs' },
  deps: [
    '@aws-sdk/client-sts@^3.1164.0',
    '@aws-sdk/client-iam@^3.1164.0',
    '@aws-sdk/client-ecr@^3.1164.0',
    '@aws-sdk/client-ecs@^3.1164.0',
    '@aws-sdk/client-eks@^3.1164.0',
    '@aws-sdk/client-s3@^3.1164.0',
    '@aws-sdk/client-cloudfront@^3.1164.0',
    '@aws-sdk/client-kms@^3.1164.0',
    '@aws-sdk/lib-storage@^3.1164.0',
    'mime@^4.1.2',
    '@smithy/signature-v4@^5.7.5',
    '@smithy/hash-node@^4.2.0',
    '@aws-sdk/types@^3.973.0',
    '@smithy/node-http-handler@^4.4.0',
    'zod@^4.6.7',
    'yaml@^2.9.1',
  ],
  // @kubernetes/client-node: the Kubernetes API's types (src/kube/api.ts makes the calls). @actions/core: the tests
  // compare the workflow commands Gantry writes with the toolkit's.
  // npm-groovy-lint: CodeNarc for the Jenkins library; 16.x is the last line that runs on Node 20.
  devDeps: ['@types/node@^20.19.43', '@kubernetes/client-node@^1.4.0', '@actions/core@^3.0.1', 'vitest@^4.1.12', 'esbuild@^0.28.2', 'tsx@^4.23.15', 'npm-groovy-lint@16.2.0', '@changesets/cli@^2.31.1'],
  tsconfig: {
    compilerOptions: {
      module: 'NodeNext',
      moduleResolution: javascript.TypeScriptModuleResolution.NODE_NEXT,
      target: 'ES2022',
      lib: ['ES2022'],
      strict: true,
      esModuleInterop: true,
      skipLibCheck: true,
      declaration: true,
      noUnusedLocals: true,
      noUnusedParameters: true,
      noImplicitReturns: true,
      noFallthroughCasesInSwitch: true,
      resolveJsonModule: true,
      isolatedModules: true,
    },
  },
  gitignore: [
    '.gantry/',
    'coverage/',
    '*.tsbuildinfo',
    '__pycache__/',
    '.pytest_cache/',
    // Hugo's output and its build cache and lock in the example site.
    'examples/site/public/',
    'examples/site/resources/',
    'examples/site/.hugo_build.lock',
  ],
});

// ESM throughout; run .projenrc.ts with tsx rather than ts-node, which cannot load ESM TypeScript.
project.package.addField('type', 'module');
project.defaultTask?.reset('tsx .projenrc.ts');
project.tsconfigDev.addInclude('../vitest.config.ts');
project.deps.removeDependency('ts-node');

// Tests: vitest projects "unit" and "integration" (the latter starts the loopback stack in its global setup).
// Tests run what users run: the compiled CLI and the bundled actions, so compile (and bundle) first.
project.testTask.reset();
project.testTask.spawn(project.compileTask);
// The emulator launcher's own tests (Python, in the peers' venv), the control plane launcher's (Go), then every
// TypeScript test.
project.testTask.exec('bash tools/moto-local/run-tests.sh');
project.testTask.exec('bash tools/kube-local/run-tests.sh');
// The Jenkins library through CodeNarc (offline, Java from the peers): errors fail the tests.
project.testTask.exec('npm-groovy-lint --path jenkins --files "**/*.groovy" --config jenkins/.groovylintrc.json --noserver --failon error --loglevel error --output txt');
project.testTask.exec('vitest run');
project.addTask('test:unit', { exec: 'vitest run --project unit' });
project.addTask('test:integration', { exec: 'vitest run --project integration' });
const typecheck = project.addTask('typecheck', { description: 'Type-check sources, tests and .projenrc.ts' });
for (const config of ['tsconfig.json', 'test/tsconfig.json', 'projenrc/tsconfig.json']) typecheck.exec(`tsc --noEmit -p ${config}`);

// Each action is one self-contained CommonJS script, actions/<name>/dist/index.cjs (projenrc/bundles.ts says how
// bundles are built, projenrc/bundle-actions.ts builds them). No code splitting: the bundles are committed, one
// readable file per action.
const bundle = project.addTask('bundle', { description: 'Bundle every action into actions/<name>/dist/index.cjs' });
bundle.exec('tsx projenrc/bundle-actions.ts');
for (const stage of stages) new YamlFile(project, `actions/${stage.name}/action.yml`, { obj: actionManifest(stage), marker: true });
// The `gantry` bin, bundled like the actions so that a process neither resolves hundreds of files in node_modules nor
// evaluates the SDK's untree-shaken CommonJS builds. `gantry run <stage>` (one process per Jenkins stage) evaluates
// lib/bin/stages/<stage>.cjs, that stage and the run command in one file, with V8's code cache
// (projenrc/bundle-stages.ts); the other commands are in lib/bin/gantry.mjs, split into chunks loaded when used.
// Built, not committed.
const bundleCli = project.addTask('bundle:cli', { description: 'Bundle the gantry CLI into lib/bin/' });
bundleCli.exec('rm -rf lib/bin');
bundleCli.exec(
  ['esbuild', 'src/runtime/cli/main.ts', ...esmBundleFlags(), '--splitting', '--entry-names=gantry', '--chunk-names=chunks/[name]-[hash]', '--out-extension:.js=.mjs', '--outdir=lib/bin'].join(' '),
);
bundleCli.exec('tsx projenrc/bundle-stages.ts');
project.compileTask.spawn(bundle);
project.compileTask.spawn(bundleCli);

// Workflows are typed objects in workflows-src/, rendered here; never edited by hand.
// The same writer as every generated pipeline: third-party actions pinned by SHA with their version as a comment.
new TextFile(project, '.github/workflows/ci.yml', {
  lines: workflowYaml(ciWorkflow, PINNED_ACTIONS, 'Generated from workflows-src/ci.ts by .projenrc.ts. Do not edit: change the source and run npx projen.').split('\n'),
  readonly: true,
});
new TextFile(project, '.github/workflows/release.yml', {
  lines: workflowYaml(releaseWorkflow, PINNED_ACTIONS, 'Generated from workflows-src/release.ts by .projenrc.ts. Do not edit: change the source and run npx projen.').split('\n'),
  readonly: true,
});
project.tsconfigDev.addInclude('../workflows-src/**/*.ts');

// What `npm install gantry-ci` gives: the files allowlist, the exports map, the version changesets owns.
configurePackage(project);

// Gantry's reusable workflows, which app repositories call as gantry-ci/gantry/.github/workflows/<file>@<sha>. A called
// workflow runs in the caller's checkout, so its steps take Gantry's actions from this repository at a released commit
// (a workflow cannot name the commit it is part of): bump the ref with each release, as the seed models do.
new GantryReusableWorkflows(project, { gantry: { actions: 'gantry-ci/gantry', ref: '986721c08755c570c2b1ffa75193ccaef8f8d2c2', version: 'main' } });

// The seed systems' pipeline models, rendered by the same component users add to their .projenrc.ts; the output sits
// next to each model so a reader sees what a model yields, and CI catches drift like any generated file.
for (const model of readdirSync('examples/pipelines').filter((file) => file.endsWith('.yaml'))) {
  new GantryPipeline(project, { configFile: `examples/pipelines/${model}`, outdir: `examples/pipelines/${model.replace(/\.yaml$/, '')}` });
}

// The Jenkins shared library validates each step's keys against this catalog, generated from the stage declarations.
new JsonFile(project, 'jenkins/resources/dev/gantry/stages.json', { obj: jenkinsStageCatalog(stages, (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version), marker: true, readonly: true });

// The CLI entry point must be executable after compilation.
project.postCompileTask.exec('chmod +x lib/bin/gantry.mjs');

project.addTask('local:up', { exec: 'node lib/bin/gantry.mjs local up' });
project.addTask('local:down', { exec: 'node lib/bin/gantry.mjs local down' });
project.addTask('demo', { exec: 'bash scripts/demo.sh' });

project.synth();
