import dev.gantry.GantryStep

/**
 * gantryNotify: notifies Slack and/or a JSON webhook of the outcome. Runs `gantry run notify --json`; the keys of `inputs` are the stage's inputs
 * (the names of actions/notify/action.yml and of the CLI). Returns the stage's outputs.
 */
Map call(Map inputs = [:]) {
  return new GantryStep(this).run('gantryNotify', 'notify', inputs)
}
