import dev.gantry.GantryStep

/**
 * gantryDeployEks: deploys an image to an EKS workload, rolling back on failure. Runs `gantry run deploy-eks --json`; the keys of `inputs` are the stage's inputs
 * (the names of actions/deploy-eks/action.yml and of the CLI). Returns the stage's outputs.
 */
Map call(Map inputs = [:]) {
  return new GantryStep(this).run('gantryDeployEks', 'deploy-eks', inputs)
}
