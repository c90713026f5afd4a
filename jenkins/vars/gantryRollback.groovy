import dev.gantry.GantryStep

/**
 * gantryRollback: rolls an ECS service, EKS workload or GitOps bump back. Runs `gantry run rollback --json`; the keys of `inputs` are the stage's inputs
 * (the names of actions/rollback/action.yml and of the CLI). Returns the stage's outputs.
 */
Map call(Map inputs = [:]) {
  return new GantryStep(this).run('gantryRollback', 'rollback', inputs)
}
