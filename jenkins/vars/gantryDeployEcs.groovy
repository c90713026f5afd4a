import dev.gantry.GantryStep

/**
 * gantryDeployEcs: deploys an image to an ECS service, rolling back on failure. Runs `gantry run deploy-ecs --json`; the keys of `inputs` are the stage's inputs
 * (the names of actions/deploy-ecs/action.yml and of the CLI). Returns the stage's outputs.
 */
Map call(Map inputs = [:]) {
  return new GantryStep(this).run('gantryDeployEcs', 'deploy-ecs', inputs)
}
