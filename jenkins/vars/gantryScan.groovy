import dev.gantry.GantryStep

/**
 * gantryScan: scans an image archive, directory or configuration with Trivy and gates on severity. Runs `gantry run scan --json`; the keys of `inputs` are the stage's inputs
 * (the names of actions/scan/action.yml and of the CLI). Returns the stage's outputs.
 */
Map call(Map inputs = [:]) {
  return new GantryStep(this).run('gantryScan', 'scan', inputs)
}
