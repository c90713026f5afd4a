#!/usr/bin/env node
// Side by side: the cost of getting web-identity credentials with Gantry (CLI and bundled action) and with the
// AWS CLI, against the loopback stack, plus the size of every bundled action. Run with the stack up:
//   node lib/bin/gantry.mjs local up && node bench/auth-startup.mjs [runs]
// Wall time per run, median and p90 over the runs, each a fresh process as in a pipeline step.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';

const runs = Number(process.argv[2] ?? 15);
const localEnv = Object.fromEntries(
  execFileSync(process.execPath, ['lib/bin/gantry.mjs', 'local', 'env'], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => /^export (\w+)='(.*)'$/.exec(line).slice(1, 3)),
);
const env = { PATH: process.env.PATH, HOME: process.env.HOME, ...localEnv, AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '' };

const candidates = {
  'gantry run auth (CLI)': [process.execPath, ['lib/bin/gantry.mjs', 'run', 'auth', '--json'], env],
  'actions/auth (bundle)': [
    process.execPath,
    ['actions/auth/dist/index.cjs'],
    { ...env, 'INPUT_AWS-REGION': 'us-east-1', 'INPUT_ROLE-ARN': env.AWS_ROLE_ARN, 'INPUT_WEB-IDENTITY-TOKEN-FILE': env.AWS_WEB_IDENTITY_TOKEN_FILE, INPUT_AUDIENCE: 'sts.amazonaws.com', 'INPUT_ROLE-DURATION-SECONDS': '3600' },
  ],
  'aws sts assume-role-with-web-identity': [
    'aws',
    ['sts', 'assume-role-with-web-identity', '--role-arn', env.AWS_ROLE_ARN, '--role-session-name', 'bench', '--web-identity-token', `file://${env.AWS_WEB_IDENTITY_TOKEN_FILE}`],
    env,
  ],
};

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
console.log(`| command | median ms | p90 ms | runs |\n| --- | ---: | ---: | ---: |`);
for (const [name, [command, args, runEnv]] of Object.entries(candidates)) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(command, args, { env: runEnv, encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0) throw new Error(`${name} failed: ${result.stderr}`);
    times.push(ms);
  }
  times.sort((a, b) => a - b);
  console.log(`| ${name} | ${quantile(times, 0.5).toFixed(0)} | ${quantile(times, 0.9).toFixed(0)} | ${runs} |`);
}

console.log(`\n| action bundle | size KiB |\n| --- | ---: |`);
for (const action of readdirSync('actions')) {
  console.log(`| ${action} | ${(statSync(`actions/${action}/dist/index.cjs`).size / 1024).toFixed(0)} |`);
}
