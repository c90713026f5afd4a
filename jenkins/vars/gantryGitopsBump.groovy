import dev.gantry.GantryStep

/**
 * gantryGitopsBump: sets a new image in a GitOps repository. Runs `gantry run gitops-bump --json`; the keys of `inputs` are the stage's inputs
 * (the names of actions/gitops-bump/action.yml and of the CLI). Returns the stage's outputs.
 */
Map call(Map inputs = [:]) {
  return new GantryStep(this).run('gantryGitopsBump', 'gitops-bump', inputs)
}
