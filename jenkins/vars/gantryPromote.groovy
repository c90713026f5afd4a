import dev.gantry.GantryStep

/**
 * gantryPromote: promotes an image by digest to another repository, account or registry. Runs `gantry run promote --json`; the keys of `inputs` are the stage's inputs
 * (the names of actions/promote/action.yml and of the CLI). Returns the stage's outputs.
 */
Map call(Map inputs = [:]) {
  return new GantryStep(this).run('gantryPromote', 'promote', inputs)
}
