import dev.gantry.GantryStep

/**
 * gantryVerify: HTTP smoke checks with retries until a deadline. Runs `gantry run verify --json`; the keys of `inputs` are the stage's inputs
 * (the names of actions/verify/action.yml and of the CLI). Returns the stage's outputs.
 */
Map call(Map inputs = [:]) {
  return new GantryStep(this).run('gantryVerify', 'verify', inputs)
}
