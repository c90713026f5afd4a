import dev.gantry.GantryStep

/**
 * gantrySign: signs an image by digest with a PEM or AWS KMS key, stored as cosign stores signatures. Runs `gantry run sign --json`; the keys of
 * `inputs` are the stage's inputs (the names of actions/sign/action.yml and of the CLI). Returns the stage's outputs.
 */
Map call(Map inputs = [:]) {
  return new GantryStep(this).run('gantrySign', 'sign', inputs)
}
