import dev.gantry.GantryStep

/**
 * gantryPublishStatic: builds and syncs a static site to S3 behind CloudFront. Runs `gantry run publish-static --json`; the keys of `inputs` are the stage's inputs
 * (the names of actions/publish-static/action.yml and of the CLI). Returns the stage's outputs.
 */
Map call(Map inputs = [:]) {
  return new GantryStep(this).run('gantryPublishStatic', 'publish-static', inputs)
}
