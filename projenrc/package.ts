import { readFileSync } from 'node:fs';
import { JsonFile, type javascript } from 'projen';

/**
 * What ships in the `gantry-ci` package, as an allowlist: the compiled library and CLI, the peers' installer and the
 * loopback stack's launchers (the CLI's `local` commands run them from the installed package), the docs. Never local
 * state (`.gantry/`), keys, tests or fixtures: a test packs the package from a checkout whose stack has run.
 */
export const PACKAGE_FILES = [
  'lib/**/*.js',
  'lib/**/*.d.ts',
  // The `gantry` bin: the bundled CLI, its chunks and its stages.
  'lib/bin/**/*.mjs',
  'lib/bin/stages/*.cjs',
  // `gantry local install` runs the same installer as the README's first command.
  'scripts/install-peers.sh',
  'scripts/lib/*.sh',
  'scripts/peers.env',
  'scripts/requirements-peers.txt',
  'scripts/build-kube-local.sh',
  // The AWS emulator's launcher and the control plane's Go module (its sources; the installer builds it).
  'tools/moto-local/*.py',
  '!tools/moto-local/test_*.py',
  'tools/moto-local/README.md',
  'tools/kube-local/go.mod',
  'tools/kube-local/go.sum',
  'tools/kube-local/**/*.go',
  '!tools/kube-local/**/*_test.go',
  'docs/*.md',
  'README.md',
  'CHANGELOG.md',
];

/**
 * The entry points, ESM (`default`, so that a CommonJS .projenrc.ts run by ts-node or tsx resolves them too); anything
 * else (a deep import into lib/) is not part of the API and Node refuses it.
 */
export const PACKAGE_EXPORTS = {
  '.': { types: './lib/index.d.ts', default: './lib/index.js' },
  './projen': { types: './lib/projen/index.d.ts', default: './lib/projen/index.js' },
  './package.json': './package.json',
};

/** projen and constructs: only `gantry-ci/projen` needs them, from the consumer's own projen project. */
const OPTIONAL_PEERS = { projen: '>=0.103.0', constructs: '^10.0.0' };

export function configurePackage(project: javascript.NodeProject): void {
  const pkg = project.package;
  pkg.addField('files', PACKAGE_FILES);
  pkg.addField('exports', PACKAGE_EXPORTS);
  pkg.addField('main', 'lib/index.js');
  pkg.addField('types', 'lib/index.d.ts');
  project.addPeerDeps(...Object.entries(OPTIONAL_PEERS).map(([name, range]) => `${name}@${range}`));
  pkg.addField('peerDependenciesMeta', Object.fromEntries(Object.keys(OPTIONAL_PEERS).map((name) => [name, { optional: true }])));
  pkg.addField('repository', { type: 'git', url: 'git+https://github.com/gantry-ci/gantry.git' });

  // The version is changesets' (`changeset version` writes it); projen would otherwise reset it to 0.0.0 outside a
  // projen release build.
  pkg.addVersion((JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version);

  // Changesets: each change adds a note under .changeset/; the release workflow turns them into a version and
  // CHANGELOG.md through a "Version Packages" pull request (docs/release.md).
  new JsonFile(project, '.changeset/config.json', {
    obj: {
      changelog: '@changesets/cli/changelog',
      commit: false,
      fixed: [],
      linked: [],
      access: 'public',
      baseBranch: 'main',
      updateInternalDependencies: 'patch',
      ignore: [],
    },
  });
  project.addTask('changeset', { description: 'Describe a change for the next release (writes .changeset/<name>.md)', exec: 'changeset', receiveArgs: true });
  project.addTask('release:plan', { description: 'What a release run of main would do: a version pull request, a release, or nothing', exec: 'node scripts/release/plan.mjs' });
}
