import { PINNED_ACTIONS, type Job, type Workflow } from '../src/generate/github/workflow.js';

/** The version the plan job found, for steps that need it (through `env:`, never spliced into a script). */
const VERSION = { GANTRY_VERSION: '${{ needs.plan.outputs.version }}' };
const checkout = (options: Record<string, string | number | boolean> = {}) => ({ uses: PINNED_ACTIONS.checkout.uses, with: { 'persist-credentials': false, ...options } });
const setupNode = (options: Record<string, string | number | boolean> = {}) => ({ uses: PINNED_ACTIONS.setupNode.uses, with: { 'node-version': 20, ...options } });
const install = { name: 'install', run: 'npm ci --no-audit --no-fund' };
const onlyWhen = (mode: 'version-pr' | 'release') => `needs.plan.outputs.mode == '${mode}'`;

const job = (name: string, rest: Omit<Job, 'runs-on' | 'name'>): Job => ({ name, 'runs-on': 'ubuntu-latest', ...rest });

/**
 * Gantry's release, on every push to main (docs/release.md). While changesets are pending it keeps a "Version
 * Packages" pull request current (`changeset version`: the new version and CHANGELOG.md); once that pull request is
 * merged the version has no tag yet, so it releases: the same `.ci/run` as CI, `npm publish --provenance` (the only job
 * with `id-token: write`), then the `v<version>` tag, the GitHub release from the CHANGELOG section and the moved major
 * tag (`v1`) that app repositories pin `uses: gantry-ci/gantry/actions/<stage>@…` by. The action bundles are committed
 * on main (CI fails when they drift), so the tagged commit serves `uses:` as it is.
 */
export const releaseWorkflow: Workflow = {
  name: 'release',
  on: { push: { branches: ['main'] }, workflow_dispatch: {} },
  permissions: {},
  // One release at a time, and never cancelled halfway (a publish without its tag would be left behind).
  concurrency: { group: 'release', 'cancel-in-progress': false },
  jobs: {
    plan: job('what this run releases', {
      'timeout-minutes': 10,
      permissions: { contents: 'read' },
      outputs: { mode: '${{ steps.plan.outputs.mode }}', version: '${{ steps.plan.outputs.version }}' },
      steps: [
        // Tags decide whether the version on main is released already.
        checkout({ 'fetch-depth': 0 }),
        setupNode(),
        { id: 'plan', name: 'plan', run: 'node scripts/release/plan.mjs' },
      ],
    }),
    'version-pr': job('version pull request', {
      needs: ['plan'],
      if: onlyWhen('version-pr'),
      'timeout-minutes': 20,
      permissions: { contents: 'write', 'pull-requests': 'write' },
      steps: [
        checkout({ 'fetch-depth': 0 }),
        setupNode(),
        install,
        { name: 'version pull request', run: 'bash scripts/release/version-pr.sh', env: { GH_TOKEN: '${{ github.token }}' } },
      ],
    }),
    test: job('install peers, check generated files, test', {
      needs: ['plan'],
      if: onlyWhen('release'),
      'timeout-minutes': 60,
      permissions: { contents: 'read' },
      steps: [checkout(), setupNode(), { name: 'ci', run: 'sudo --preserve-env=CI,PATH bash .ci/run' }],
    }),
    publish: job('publish to npm with provenance', {
      needs: ['plan', 'test'],
      if: onlyWhen('release'),
      'timeout-minutes': 20,
      environment: 'npm',
      // id-token: the provenance statement is signed with the job's OIDC identity.
      permissions: { contents: 'read', 'id-token': 'write' },
      steps: [
        checkout(),
        setupNode({ 'registry-url': 'https://registry.npmjs.org' }),
        install,
        { name: 'compile', run: 'npx projen compile' },
        { id: 'check', name: 'check the version', run: 'bash scripts/release/publish-check.sh', env: VERSION },
        {
          name: 'publish',
          if: "steps.check.outputs.published != 'true'",
          run: 'npm publish --provenance --access public',
          env: { NODE_AUTH_TOKEN: '${{ secrets.NPM_TOKEN }}' },
        },
      ],
    }),
    'github-release': job('tag, GitHub release, major tag', {
      needs: ['plan', 'publish'],
      if: onlyWhen('release'),
      'timeout-minutes': 10,
      permissions: { contents: 'write' },
      steps: [
        checkout({ 'fetch-depth': 0 }),
        setupNode(),
        { name: 'tag and release', run: 'bash scripts/release/github-release.sh', env: { ...VERSION, GH_TOKEN: '${{ github.token }}' } },
      ],
    }),
  },
};
