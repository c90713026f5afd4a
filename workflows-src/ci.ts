import { PINNED_ACTIONS, type Workflow } from '../src/generate/github/workflow.js';

/**
 * This repository's own CI: the same `.ci/run` that checks every submission — install the peers from the package
 * registries, check that generated files match their sources, run the tests against the loopback stack.
 */
export const ciWorkflow: Workflow = {
  name: 'ci',
  on: { push: { branches: ['main'] }, pull_request: {} },
  permissions: { contents: 'read' },
  concurrency: { group: 'ci-${{ github.ref }}', 'cancel-in-progress': true },
  jobs: {
    test: {
      name: 'install peers, check generated files, test',
      'runs-on': 'ubuntu-latest',
      'timeout-minutes': 60,
      steps: [
        { uses: PINNED_ACTIONS.checkout.uses, with: { 'persist-credentials': false } },
        { uses: PINNED_ACTIONS.setupNode.uses, with: { 'node-version': 20 } },
        // The installer puts Debian packages and /opt/gantry in place, so it runs as root.
        { name: 'ci', run: 'sudo --preserve-env=CI,PATH bash .ci/run' },
      ],
    },
  },
};
