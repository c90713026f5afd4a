#!/usr/bin/env node
// Synthesis time of a pipeline model: resolve (validate, expand per environment, check every stage input) and render
// every file (workflows, IAM policies, docs), for generated monorepos of 10, 100 and 500 services over two
// environments, deploys mixed ECS / EKS / GitOps, in both workflow styles. Median of several runs per size; checks that
// the time grows linearly and that the largest output passes actionlint. Run after compiling:
//   npx projen compile && node bench/synthesis.mjs [runs]
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipelineFiles } from '../lib/generate/pipeline-files.js';
import { reusableWorkflowFiles } from '../lib/generate/github/render.js';
import { resolvePipeline } from '../lib/pipeline/resolve.js';

const runs = Number(process.argv[2] ?? 7);
const SIZES = [10, 100, 500];
const GANTRY = { actions: 'gantry-ci/gantry', ref: '986721c08755c570c2b1ffa75193ccaef8f8d2c2', version: 'main' };

/** A monorepo of `count` services: one in three each on ECS, EKS and GitOps, every fourth verified after its deploy. */
function monorepo(count, style) {
  const deploys = [
    (name) => ({ kind: 'ecs', cluster: '{project}-{environment}', service: name }),
    (name) => ({ kind: 'eks', cluster: '{project}-{environment}', namespace: 'apps', workload: `deployment/${name}` }),
    (name) => ({ kind: 'gitops', repository: 'https://github.com/example-org/monorepo-deploy.git', files: `apps/${name}/overlays/{environment}/kustomization.yaml`, token: '${{ secrets.GITOPS_TOKEN }}' }),
  ];
  return {
    project: 'monorepo',
    repository: 'example-org/monorepo',
    // The reusable style calls this repository's own copies, so actionlint checks every call against them.
    gantry: style === 'reusable' ? { actions: './' } : GANTRY,
    environments: [
      { name: 'staging', branch: 'develop', account: '111111111111', region: 'eu-west-1', role: 'monorepo-deploy' },
      { name: 'production', branch: 'main', account: '222222222222', region: 'eu-west-1', role: 'monorepo-deploy', 'github-environment': 'production-approval' },
    ],
    services: Array.from({ length: count }, (_, i) => {
      const name = `svc-${String(i).padStart(3, '0')}`;
      return {
        name,
        context: `services/${name}`,
        scan: { severity: i % 2 ? 'CRITICAL' : 'CRITICAL,HIGH' },
        push: { 'keep-last': 10 },
        deploy: deploys[i % 3](name),
        ...(i % 4 === 0 ? { verify: { url: `https://${name}.{environment}.example.com/healthz` } } : {}),
      };
    }),
    frontend: { 'source-dir': 'dist', bucket: 'monorepo-{environment}-site', 'build-command': 'npm run build' },
    notify: { 'slack-webhook-secret': 'SLACK_WEBHOOK_URL' },
    test: 'npm test',
    setup: { node: 20 },
    workflow: { style },
  };
}

const synthesize = (document) => pipelineFiles(resolvePipeline(document), 'gantry.pipeline.yaml');

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const results = {};
const rows = [];
for (const style of ['inline', 'reusable']) {
  for (const size of SIZES) {
    const document = monorepo(size, style);
    synthesize(document); // warm-up: module loading and JIT out of the figures
    const times = [];
    let files;
    for (let run = 0; run < runs; run++) {
      const started = process.hrtime.bigint();
      files = synthesize(document);
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    const ms = median(times);
    results[`${style}-${size}`] = { ms, files };
    const bytes = Object.values(files).reduce((sum, text) => sum + text.length, 0);
    rows.push(`| ${style} | ${size} | ${Object.keys(files).length} | ${(bytes / 1024).toFixed(0)} | ${ms.toFixed(1)} | ${(ms / size).toFixed(2)} |`);
  }
}

console.log(`Synthesis (resolve + render every file), median of ${runs} runs, Node ${process.version}\n`);
console.log('| style | services | files | output KiB | median ms | ms per service |\n| --- | ---: | ---: | ---: | ---: | ---: |');
console.log(rows.join('\n'));

const problems = [];
for (const style of ['inline', 'reusable']) {
  const ratio = results[`${style}-100`].ms / results[`${style}-10`].ms;
  const line = `${style}: 100 services take ${ratio.toFixed(1)}× the time of 10 (linear allows ≤ 10×); 500 take ${(results[`${style}-500`].ms / results[`${style}-100`].ms).toFixed(1)}× the time of 100`;
  console.log(`\n${line}`);
  if (!(ratio <= 10)) problems.push(`${style}: grows faster than linearly (${ratio.toFixed(1)}×)`);
}

// actionlint on the 500-service output of each style (the reusable style next to the reusable workflows it calls).
for (const style of ['inline', 'reusable']) {
  const repo = mkdtempSync(join(tmpdir(), `gantry-bench-synthesis-${style}-`));
  mkdirSync(join(repo, '.git'));
  const files = { ...results[`${style}-500`].files };
  if (style === 'reusable') for (const [file, text] of Object.entries(reusableWorkflowFiles({ gantry: GANTRY }, 'bench'))) files[`.github/workflows/${file}`] = text;
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), text);
  }
  try {
    execFileSync('actionlint', ['-no-color'], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    console.log(`actionlint: the 500-service ${style} output is clean`);
  } catch (error) {
    problems.push(`actionlint on the 500-service ${style} output:\n${String(error.stdout).split('\n').slice(0, 20).join('\n')}`);
  }
  rmSync(repo, { recursive: true, force: true });
}

if (problems.length > 0) {
  console.error(`\n${problems.join('\n')}`);
  process.exit(1);
}
