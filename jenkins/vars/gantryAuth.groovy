import dev.gantry.GantryStep

/**
 * gantryAuth: AWS session from an OIDC web-identity token (or IRSA); later gantry steps of the build use it. Runs `gantry run auth --json`; the keys of `inputs` are the stage's inputs
 * (the names of actions/auth/action.yml and of the CLI). Returns the stage's outputs.
 */
Map call(Map inputs = [:]) {
  return new GantryStep(this).run('gantryAuth', 'auth', inputs)
}
