import { javascript } from 'projen';
// The package's projen entry point; the test links node_modules/gantry-ci to this repository.
import { GantryPipeline } from 'gantry-ci/projen';

const project = new javascript.NodeProject({
  name: 'shop',
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  // The delivery is Gantry's: no workflows of projen's own.
  github: false,
  release: false,
  buildWorkflow: false,
  depsUpgrade: false,
  jest: false,
});

// A bad model fails synthesis here, naming the path, before projen writes anything.
new GantryPipeline(project, {
  model: {
    project: 'shop',
    repository: 'example-org/shop',
    gantry: { actions: 'gantry-ci/gantry', ref: '986721c08755c570c2b1ffa75193ccaef8f8d2c2', version: 'main' },
    environments: [
      { name: 'staging', branch: 'develop', account: '111111111111', region: 'eu-west-1', role: 'shop-deploy' },
      { name: 'production', branch: 'main', account: '222222222222', region: 'eu-west-1', role: 'shop-deploy' },
    ],
    services: [
      {
        name: 'api',
        context: 'api',
        scan: { severity: 'CRITICAL,HIGH', strategy: 'fail' },
        deploy: { kind: 'ecs', cluster: 'shop-{environment}', service: 'api' },
      },
    ],
    test: 'npm test',
    setup: { node: 20 },
  },
});

project.synth();
