import dev.gantry.GantryStep

/**
 * gantryBuild: builds a container image and writes its OCI archive. Runs `gantry run build --json`; the keys of `inputs` are the stage's inputs
 * (the names of actions/build/action.yml and of the CLI). Returns the stage's outputs.
 */
Map call(Map inputs = [:]) {
  return new GantryStep(this).run('gantryBuild', 'build', inputs)
}
