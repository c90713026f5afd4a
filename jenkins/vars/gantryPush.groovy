import dev.gantry.GantryStep

/**
 * gantryPush: pushes the built image to ECR (or the registry given). Runs `gantry run push --json`; the keys of `inputs` are the stage's inputs
 * (the names of actions/push/action.yml and of the CLI). Returns the stage's outputs.
 */
Map call(Map inputs = [:]) {
  return new GantryStep(this).run('gantryPush', 'push', inputs)
}
