#!/usr/bin/env node
// What a re-run costs: the example pipeline's delivery stages (push, deploy-ecs, deploy-eks, gitops-bump) run twice
// against the loopback stack with the same image, as a retried workflow or a re-triggered Jenkins build would. The
// second run should change nothing (0 blobs, 0 task-definition revisions, no deployment, no patch, no commit) and
// cost a fraction of the first. The image is built once beforehand (reproducibly: the same commit gives the same
// digest) and is not timed. The re-run is repeated and its median taken (per stage and in total), as one run of a
// few hundred milliseconds a stage is at the mercy of the machine's load. Run with the stack up and lib/ compiled:
//   node lib/bin/gantry.mjs local up && npx projen compile && node bench/rerun.mjs [re-runs, default 3]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CLI = 'lib/bin/gantry.mjs';
const reruns = Number(process.argv[2] ?? 3);
const localEnv = Object.fromEntries(
  execFileSync(process.execPath, [CLI, 'local', 'env'], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => /^export (\w+)='(.*)'$/.exec(line).slice(1, 3)),
);
const env = { PATH: process.env.PATH, HOME: process.env.HOME, ...localEnv };
// The deploy role's session, as the pipeline's auth stage gives it (the local cluster maps that role, not test keys).
const session = execFileSync(process.execPath, [CLI, 'run', 'auth', '--print-exports'], { env, encoding: 'utf8' });
for (const [, name, value] of session.matchAll(/^export (\w+)='(.*)'$/gm)) env[name] = value;
const work = mkdtempSync(join(tmpdir(), 'gantry-bench-rerun-'));
const repository = `gantry/bench/rerun-${Date.now().toString(36)}`;

function gantry(args) {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [CLI, 'run', ...args, '--json'], { env, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (run.status !== 0) throw new Error(`gantry run ${args[0]} failed (exit ${run.status}):\n${run.stderr}`);
  return { ms, outputs: JSON.parse(run.stdout), log: run.stderr };
}

execFileSync('bash', ['examples/app/build.sh'], { env: { ...env, ARCHES: 'amd64', APP_VERSION: 'bench' }, stdio: 'ignore' });
const built = gantry(['build', '--context', 'examples/app', '--image', repository, '--oci-archive', join(work, 'app.tar')]).outputs;

function delivery() {
  const push = gantry(['push', '--repository', repository, '--oci-archive', built['oci-archive'], '--registry', env.GANTRY_REGISTRY]);
  const image = push.outputs.image;
  const ecs = gantry(['deploy-ecs', '--cluster', 'gantry-local', '--service', 'example-app', '--image', image, '--poll-seconds', '0.5']);
  const eks = gantry(['deploy-eks', '--cluster', 'gantry-local', '--namespace', 'example', '--workload', 'deployment/example-app', '--image', image]);
  const bump = gantry([
    'gitops-bump', '--repository', env.GANTRY_GITOPS_REPO, '--files', 'apps/example/overlays/staging/kustomization.yaml',
    '--image-name', 'example-app', '--image', image, '--service', 'example', '--environment', 'staging',
  ]);
  return {
    ms: push.ms + ecs.ms + eks.ms + bump.ms,
    stages: { push: push.ms, 'deploy-ecs': ecs.ms, 'deploy-eks': eks.ms, 'gitops-bump': bump.ms },
    blobs: Number(/(\d+) blobs uploaded/.exec(push.log)?.[1] ?? NaN),
    revision: ecs.outputs['rollout-state'] === 'UNCHANGED' ? 0 : 1,
    patched: eks.outputs['previous-revision'] === eks.outputs.revision ? 0 : 1,
    commits: bump.outputs.commit ? 1 : 0,
  };
}

const first = delivery();
const again = Array.from({ length: reruns }, () => delivery());
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
const second = {
  ms: median(again.map((r) => r.ms)),
  stages: Object.fromEntries(Object.keys(first.stages).map((stage) => [stage, median(again.map((r) => r.stages[stage]))])),
  // What any re-run changed: the largest count over the re-runs.
  ...Object.fromEntries(['blobs', 'revision', 'patched', 'commits'].map((k) => [k, Math.max(...again.map((r) => r[k]))])),
};
const row = (name, r) =>
  `| ${name} | ${(r.ms / 1000).toFixed(2)} | ${Object.values(r.stages).map((ms) => (ms / 1000).toFixed(2)).join(' | ')} | ${r.blobs} | ${r.revision} | ${r.patched} | ${r.commits} |`;
console.log('| run | stages s | push | deploy-ecs | deploy-eks | gitops-bump | blobs | revisions | patches | commits |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
console.log(row('first', first));
console.log(row(`re-run (median of ${reruns})`, second));
const ratio = second.ms / first.ms;
console.log(`\nre-run / first: ${ratio.toFixed(2)} (goal ≤ 0.20); the re-run changed ${second.blobs + second.revision + second.patched + second.commits} things (goal 0)`);
process.exitCode = ratio <= 0.2 && second.blobs + second.revision + second.patched + second.commits === 0 ? 0 : 1;
