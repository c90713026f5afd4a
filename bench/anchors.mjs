#!/usr/bin/env node
// Side by side with the anchors: the official AWS actions as users run them today (their published bundles, in
// ../shared/anchors/ of the workspace or $GANTRY_ANCHORS), run on the same loopback stack as Gantry's bundled
// actions, median of N runs each, interleaved so that both see the same machine load. Four tables:
//   1. ECS deploy: the same task definition, the emulator's 3 s rollout, waiting for stability: total time, and the
//      delay between the deployment reaching COMPLETED at the emulator and the step ending (detection latency).
//   2. Web identity: credentials from the stack's OIDC token (success), and a role whose trust policy refuses the
//      token (fatal): time to a failed step, and whether it said why. The anchor retries that failure for minutes;
//      its run is capped and reported as still retrying.
//   3. Start cost: process start to the first API request arriving at a loopback endpoint this script runs, per
//      action and anchor, wall time and the process's CPU time (all threads) at that moment (steadier on a loaded machine),
//      against bare `node` making one request with its own http (the least a process can do) and against the AWS SDK
//      alone sending one command (the least an SDK-based action can do); and each bundle's size.
//   4. EKS deploy (Gantry only: no official action deploys to EKS): detection latency of a rollout on the stack's
//      control plane, from the Deployment's completion to the step's end.
// Every run is bounded and the script ends by itself. Run with the stack up and the actions bundled:
//   node lib/bin/gantry.mjs local up && npx projen compile && node bench/anchors.mjs [runs] [ecs,auth,start,eks]
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DescribeServicesCommand, DescribeTaskDefinitionCommand, ECSClient } from '@aws-sdk/client-ecs';
import { build } from 'esbuild';

// The SDK in this script warns under Node 20 that its 2027 releases need Node 22; Gantry's bundles are pinned.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const runs = Number(process.argv[2] ?? 5);
const sections = (process.argv[3] ?? 'ecs,auth,start,eks').split(',');
const ANCHORS = resolve(process.env.GANTRY_ANCHORS ?? '../../shared/anchors');
const anchorBundle = (name) => join(ANCHORS, name, 'dist', 'index.js');
if (!existsSync(anchorBundle('ecs-deploy-task-definition'))) throw new Error(`no anchors in ${ANCHORS}: set GANTRY_ANCHORS`);
const work = mkdtempSync(join(tmpdir(), 'gantry-bench-anchors-'));
const median = (values) => {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.floor((sorted.length - 1) / 2)];
};
const seconds = (ms) => (Number.isFinite(ms) ? (ms / 1000).toFixed(2) : '—');

/** The environment of a GitHub step: inputs as INPUT_<NAME>, the command files, the run's facts. */
function stepEnv(base, inputs) {
  const dir = mkdtempSync(join(work, 'step-'));
  for (const file of ['output', 'env', 'summary']) writeFileSync(join(dir, file), '');
  return {
    ...base,
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    GITHUB_REPOSITORY: 'gantry/example',
    GITHUB_WORKFLOW: 'bench',
    GITHUB_ACTION: 'bench',
    GITHUB_ACTOR: 'bench',
    GITHUB_SHA: '0'.repeat(40),
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: dir,
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
  };
}

/** Runs a bundle as a step, killed after `capMs`. Resolves with its wall time, exit code and output. */
function step(bundle, env, capMs) {
  return new Promise((resolveRun) => {
    const started = Date.now();
    const child = spawn(process.execPath, [bundle], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), capMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      const ended = Date.now();
      resolveRun({ ms: ended - started, ended, code, capped: code === null, output });
    });
  });
}

function localEnv() {
  const lines = execFileSync(process.execPath, ['lib/bin/gantry.mjs', 'local', 'env'], { encoding: 'utf8' });
  const env = Object.fromEntries([...lines.matchAll(/^export (\w+)='(.*)'$/gm)].map((m) => [m[1], m[2]]));
  return { PATH: process.env.PATH, HOME: process.env.HOME, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env };
}

// ---------------------------------------------------------------------------------------------------------------
async function ecsTable() {
  const env = localEnv();
  const ecs = new ECSClient({ region: env.AWS_REGION, endpoint: env.AWS_ENDPOINT_URL, credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY } });
  const cluster = 'gantry-local';
  const service = 'example-app';
  const primary = async () => (await ecs.send(new DescribeServicesCommand({ cluster, services: [service] }))).services[0].deployments.find((d) => d.status === 'PRIMARY');
  // The same task definition for both: the service's live one, as RegisterTaskDefinition takes it.
  const live = (await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: (await primary()).taskDefinition }))).taskDefinition;
  const registrable = ['family', 'containerDefinitions', 'taskRoleArn', 'executionRoleArn', 'networkMode', 'volumes', 'placementConstraints', 'requiresCompatibilities', 'cpu', 'memory'];
  const file = join(work, 'task-definition.json');
  writeFileSync(file, JSON.stringify(Object.fromEntries(registrable.filter((k) => live[k] !== undefined).map((k) => [k, live[k]])), null, 2));

  const candidates = {
    'Gantry actions/deploy-ecs': () =>
      step('actions/deploy-ecs/dist/index.cjs', stepEnv(env, { 'aws-region': env.AWS_REGION, cluster, service, 'task-definition-file': file, 'force-new-deployment': 'true', 'timeout-minutes': '5' }), 330_000),
    'anchor ecs-deploy-task-definition': () =>
      step(anchorBundle('ecs-deploy-task-definition'), stepEnv(env, { 'task-definition': file, cluster, service, 'wait-for-service-stability': 'true', 'wait-for-minutes': '5' }), 330_000),
  };
  const results = Object.fromEntries(Object.keys(candidates).map((name) => [name, []]));
  for (let i = 0; i < runs; i++) {
    for (const [name, run] of Object.entries(candidates)) {
      const result = await run();
      const deployment = await primary();
      const completed = deployment.rolloutState === 'COMPLETED' ? deployment.updatedAt.getTime() : NaN;
      if (result.code !== 0) process.stderr.write(`${name} run ${i + 1} failed (exit ${result.code}):\n${result.output.slice(-2000)}\n`);
      results[name].push({ total: result.code === 0 ? result.ms : NaN, detection: result.code === 0 ? result.ended - completed : NaN });
    }
  }
  console.log(`\n### ECS deploy: same task definition, ${env.GANTRY_LOCAL_ECS_ROLLOUT_SECONDS ?? 3} s emulator rollout, waiting for stability (median of ${runs})\n`);
  console.log('| step | total s | detection s (COMPLETED → step end) | runs ok |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const [name, rows] of Object.entries(results)) {
    const ok = rows.filter((r) => Number.isFinite(r.total));
    console.log(`| ${name} | ${seconds(median(ok.map((r) => r.total)))} | ${seconds(median(ok.map((r) => r.detection)))} | ${ok.length}/${rows.length} |`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
async function authTable() {
  const env = localEnv();
  // Web identity only: no static keys in the step, as on a runner.
  const base = { ...env, AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '' };
  const refusing = env.AWS_ROLE_ARN.replace(/role\/.*$/, 'role/gantry-deploy-chained'); // trusts the deploy role only
  const capMs = 60_000;
  const gantry = (role) =>
    step('actions/auth/dist/index.cjs', stepEnv(base, { 'aws-region': env.AWS_REGION, 'role-arn': role, 'web-identity-token-file': env.AWS_WEB_IDENTITY_TOKEN_FILE }), capMs);
  const anchor = (role) =>
    step(
      anchorBundle('configure-aws-credentials'),
      stepEnv(base, { 'aws-region': env.AWS_REGION, 'role-to-assume': role, 'web-identity-token-file': env.AWS_WEB_IDENTITY_TOKEN_FILE }),
      capMs,
    );
  const cases = [
    ['Gantry actions/auth', 'success', () => gantry(env.AWS_ROLE_ARN), 0],
    ['anchor configure-aws-credentials', 'success', () => anchor(env.AWS_ROLE_ARN), 0],
    ['Gantry actions/auth', 'trust policy refuses the token', () => gantry(refusing), 1],
    ['anchor configure-aws-credentials', 'trust policy refuses the token', () => anchor(refusing), 1],
  ];
  const results = cases.map(() => []);
  // The anchor's fatal path runs into the cap every time: once is enough to show it.
  for (let i = 0; i < runs; i++) {
    for (const [index, [name, path, run]] of cases.entries()) {
      if (i > 0 && name.startsWith('anchor') && path !== 'success') continue;
      results[index].push(await run());
    }
  }
  console.log(`\n### Web identity (OIDC token → STS), median of ${runs}; a run is capped at ${capMs / 1000} s\n`);
  console.log('| step | path | time to step end s | exit | says why |');
  console.log('| --- | --- | ---: | ---: | --- |');
  for (const [index, [name, path, , expected]] of cases.entries()) {
    const rows = results[index];
    const last = rows.at(-1);
    const why = expected === 0 ? '' : /AccessDenied|not authorized|trust polic/i.test(last.output) ? 'yes: AccessDenied, trust policy' : 'no';
    const time = last.capped ? `still retrying at ${capMs / 1000} s` : seconds(median(rows.map((r) => r.ms)));
    console.log(`| ${name} | ${path} | ${time} | ${last.capped ? 'killed' : last.code} | ${expected === 0 ? (rows.every((r) => r.code === 0) ? 'ok' : 'FAILED') : why} |`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
/** A minimal OCI archive (one empty layer) for push, which reads its archive before calling AWS. */
function ociArchive() {
  const root = join(work, 'oci');
  const blob = (bytes) => {
    const digest = createHash('sha256').update(bytes).digest('hex');
    mkdirSync(join(root, 'blobs', 'sha256'), { recursive: true });
    writeFileSync(join(root, 'blobs', 'sha256', digest), bytes);
    return { digest: `sha256:${digest}`, size: bytes.length };
  };
  const layer = blob(execFileSync('tar', ['-cz', '-T', '/dev/null']));
  const config = blob(Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] } })));
  const manifest = blob(
    Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
        layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', ...layer }],
      }),
    ),
  );
  writeFileSync(join(root, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
  writeFileSync(
    join(root, 'index.json'),
    JSON.stringify({ schemaVersion: 2, manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', ...manifest, annotations: { 'org.opencontainers.image.ref.name': 'bench:1' } }] }),
  );
  const archive = join(work, 'image.tar');
  execFileSync('tar', ['-cf', archive, '-C', root, 'oci-layout', 'index.json', 'blobs']);
  return archive;
}

/** CPU time the process has used so far, in ms: every thread's time on a CPU (/proc/<pid>/task/<tid>/schedstat, ns). */
function cpuMs(pid) {
  try {
    const threads = readdirSync(`/proc/${pid}/task`);
    return threads.reduce((sum, tid) => sum + Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]) / 1e6, 0);
  } catch {
    return NaN;
  }
}

async function startTable() {
  const server = createServer();
  await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
  const endpoint = `http://127.0.0.1:${server.address().port}`;
  const site = join(work, 'site');
  mkdirSync(site, { recursive: true });
  writeFileSync(join(site, 'index.html'), '<p>bench</p>');
  const taskDefinition = join(work, 'start-task-definition.json');
  writeFileSync(taskDefinition, JSON.stringify({ family: 'bench', containerDefinitions: [{ name: 'app', image: 'nginx:1', memory: 128 }] }));
  const token = join(work, 'start-token');
  writeFileSync(token, 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJiZW5jaCJ9.');
  // Static keys (no web identity): each step's first request is its own API call, answered by nobody.
  const base = { PATH: process.env.PATH, HOME: work, AWS_ENDPOINT_URL: endpoint, AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'AKIABENCH', AWS_SECRET_ACCESS_KEY: 'bench', AWS_EC2_METADATA_DISABLED: 'true' };
  const region = { 'aws-region': 'us-east-1' };
  const webIdentity = { ...base, AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '' };
  const archive = ociArchive();
  const cases = [
    // The least a process can do to make one request: Node's own http, already loaded at start (fetch costs more).
    ['bare node: one http.request()', ['-e', `require('node:http').request(${JSON.stringify(endpoint)}).on('error', () => {}).end()`], base, 'STS'],
    // What the AWS SDK alone costs: one client sending one command, bundled as the actions are. No action built on
    // the SDK starts sooner; the difference to a Gantry row is what Gantry itself loads and does.
    ['the AWS SDK alone: STS', [await sdkAlone('sts', 'STSClient', 'AssumeRoleWithWebIdentityCommand', { RoleArn: 'arn:aws:iam::123456789012:role/bench', RoleSessionName: 'bench', WebIdentityToken: 'bench' })], webIdentity, 'STS'],
    ['the AWS SDK alone: ECS', [await sdkAlone('ecs', 'ECSClient', 'DescribeServicesCommand', { cluster: 'bench', services: ['bench'] })], base, 'ECS'],
    ['the AWS SDK alone: ECR', [await sdkAlone('ecr', 'ECRClient', 'GetAuthorizationTokenCommand', {})], base, 'ECR'],
    ['Gantry auth', 'actions/auth/dist/index.cjs', webIdentity, { ...region, 'role-arn': 'arn:aws:iam::123456789012:role/bench', 'web-identity-token-file': token }, 'STS'],
    ['anchor configure-aws-credentials', anchorBundle('configure-aws-credentials'), webIdentity, { ...region, 'role-to-assume': 'arn:aws:iam::123456789012:role/bench', 'web-identity-token-file': token }, 'STS'],
    ['Gantry deploy-ecs', 'actions/deploy-ecs/dist/index.cjs', base, { ...region, cluster: 'bench', service: 'bench' }, 'ECS'],
    ['anchor ecs-deploy-task-definition', anchorBundle('ecs-deploy-task-definition'), base, { 'task-definition': taskDefinition, cluster: 'bench', service: 'bench' }, 'ECS'],
    ['Gantry push', 'actions/push/dist/index.cjs', base, { ...region, repository: 'bench/app', 'oci-archive': archive }, 'ECR'],
    ['anchor ecr-login', anchorBundle('ecr-login'), base, {}, 'ECR'],
    ['Gantry deploy-eks', 'actions/deploy-eks/dist/index.cjs', base, { ...region, cluster: 'bench', workload: 'deployment/bench', image: 'bench/app:1' }, 'EKS'],
    ['Gantry rollback (ecs)', 'actions/rollback/dist/index.cjs', base, { ...region, target: 'ecs', cluster: 'bench', service: 'bench', 'task-definition-arn': 'arn:aws:ecs:us-east-1:123456789012:task-definition/bench:1' }, 'ECS'],
    ['Gantry publish-static', 'actions/publish-static/dist/index.cjs', base, { ...region, 'source-dir': site, bucket: 'bench-site' }, 'S3'],
    ['Gantry gitops-bump', 'actions/gitops-bump/dist/index.cjs', base, { repository: `${endpoint}/gitops.git`, files: 'kustomization.yaml', image: 'bench/app:1', service: 'bench', environment: 'staging' }, 'git'],
    ['Gantry verify', 'actions/verify/dist/index.cjs', base, { url: `${endpoint}/healthz` }, 'HTTP'],
    ['Gantry notify', 'actions/notify/dist/index.cjs', base, { status: 'success', 'webhook-url': `${endpoint}/hook` }, 'HTTP'],
    // The CLI (Jenkins, terminals): its stage bundle compiled from source, as on a stage's first run (a run that never
    // gets an answer writes no code cache).

    ['gantry run deploy-ecs (CLI)', ['lib/bin/gantry.mjs', 'run', 'deploy-ecs', '--aws-region', 'us-east-1', '--cluster', 'bench', '--service', 'bench'], base, 'ECS'],
    ['gantry run push (CLI)', ['lib/bin/gantry.mjs', 'run', 'push', '--aws-region', 'us-east-1', '--repository', 'bench/app', '--oci-archive', archive], base, 'ECR'],
  ]
    .map((c) => (Array.isArray(c[1]) ? { name: c[0], args: c[1], env: c[2], api: c[3] } : { name: c[0], args: [c[1]], env: stepEnv(c[2], c[3]), api: c[4], bundle: c[1] }))
    // GANTRY_BENCH_ONLY=<regex>: only the matching cases (bare node, the SDK alone and the anchors always run).
    .filter((c, index) => index === 0 || /^(anchor|the AWS SDK)/.test(c.name) || new RegExp(process.env.GANTRY_BENCH_ONLY ?? '').test(c.name));

  /** Starts the case and resolves at the first request the endpoint receives (or at its exit, or after 20 s). */
  const firstRequest = ({ args, env }) =>
    new Promise((resolveRun) => {
      const started = process.hrtime.bigint();
      const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      let settled = false;
      const finish = (ms, cpu) => {
        if (settled) return;
        settled = true;
        server.off('request', onRequest);
        clearTimeout(timer);
        child.kill('SIGKILL');
        resolveRun({ ms, cpu, output });
      };
      const onRequest = (request) => {
        finish(Number(process.hrtime.bigint() - started) / 1e6, cpuMs(child.pid));
        request.socket.destroy();
      };
      server.on('request', onRequest);
      child.on('exit', () => finish(NaN, NaN));
      const timer = setTimeout(() => finish(NaN, NaN), 20_000);
    });

  const results = cases.map(() => []);
  for (let i = 0; i < runs; i++) for (const [index, c] of cases.entries()) results[index].push(await firstRequest(c));
  server.close();
  const bare = { ms: median(results[0].map((r) => r.ms)), cpu: median(results[0].map((r) => r.cpu)) };
  const anchorOf = { STS: 'anchor configure-aws-credentials', ECS: 'anchor ecs-deploy-task-definition', ECR: 'anchor ecr-login' };
  const byName = Object.fromEntries(cases.map((c, index) => [c.name, { ms: median(results[index].map((r) => r.ms)), cpu: median(results[index].map((r) => r.cpu)) }]));
  console.log(`\n### Start cost: process start → first API request at a loopback endpoint (median of ${runs})\n`);
  console.log('| process | first request | wall ms | CPU ms | CPU above bare node | ÷ anchor’s | bundle KiB |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
  for (const [index, c] of cases.entries()) {
    const { ms, cpu } = byName[c.name];
    const anchor = index > 0 && !c.name.startsWith('anchor') ? byName[anchorOf[c.api]] : undefined;
    const ratio = anchor ? ((cpu - bare.cpu) / (anchor.cpu - bare.cpu)).toFixed(2) : '';
    const size = c.bundle ? bundleKiB(c.bundle) : '';
    if (!Number.isFinite(ms)) process.stderr.write(`${c.name} made no request:\n${results[index].at(-1).output.slice(-1500)}\n`);
    console.log(`| ${c.name} | ${c.api} | ${Number.isFinite(ms) ? ms.toFixed(0) : 'none'} | ${cpu.toFixed(0)} | ${index === 0 ? '' : (cpu - bare.cpu).toFixed(0)} | ${ratio} | ${size} |`);
  }
  console.log(`\n| bundle without a loopback API (runs buildah / trivy) | KiB |\n| --- | ---: |`);
  for (const action of ['build', 'scan']) console.log(`| Gantry ${action} | ${bundleKiB(`actions/${action}/dist/index.cjs`)} |`);
}

/**
 * A bundle that sends one command with the SDK's client and nothing else, built as the actions are built
 * (projenrc/bundles.ts: one CommonJS script, the SDK's import() of Node's built-ins given by require()).
 */
async function sdkAlone(service, client, command, input) {
  const outfile = join(work, `sdk-alone-${service}.cjs`);
  const result = await build({
    stdin: {
      // Without the SDK's Node 20 warning, as Gantry's actions run.
      contents: [
        `import { ${client}, ${command} } from '@aws-sdk/client-${service}';`,
        "process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';",
        `new ${client}({}).send(new ${command}(${JSON.stringify(input)})).catch(() => {});`,
      ].join('\n'),
      resolveDir: process.cwd(),
    },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    mainFields: ['module', 'main'],
    minifySyntax: true,
    legalComments: 'none',
    logLevel: 'warning',
    banner: { js: 'const __gantryImportBuiltin = (id) => Promise.resolve().then(() => { const m = require(id); return { ...m, default: m }; });' },
    write: false,
    outfile,
  });
  writeFileSync(outfile, result.outputFiles[0].text.replace(/\bimport\((?="node:[\w/]+"\))/g, '__gantryImportBuiltin('));
  return outfile;
}

/** Size of a bundle: its entry file and, for an anchor split in chunks, every other .js file next to it. */
function bundleKiB(path) {
  const dir = resolve(path, '..');
  const files = path.startsWith(ANCHORS) ? readdirSync(dir).filter((f) => f.endsWith('.js')).map((f) => join(dir, f)) : [path];
  return (files.reduce((sum, file) => sum + statSync(file).size, 0) / 1024).toFixed(0);
}

// ---------------------------------------------------------------------------------------------------------------
/**
 * EKS deploy (no official action to set beside it): the stack's real control plane rolls a two-replica Deployment
 * out; detection latency is the time from the Progressing condition turning NewReplicaSetAvailable (its
 * lastUpdateTime, whole seconds, so up to 1 s too early) to the step's end. Gantry follows the rollout over a watch.
 */
async function eksTable() {
  const { localStackConfig } = await import('../lib/local/config.js');
  const { kubeRequest, kubeSettings } = await import('../lib/local/kube.js');
  const config = localStackConfig();
  const settings = kubeSettings(config);
  const admin = async (method, path, body) => {
    const answer = await kubeRequest(config, method, path, { body, settings });
    if (answer.status >= 300 && !(method === 'DELETE' && answer.status === 404)) throw new Error(`${method} ${path}: ${answer.status} ${answer.body}`);
    return answer.body ? JSON.parse(answer.body) : undefined;
  };
  const env = localEnv();
  // The deploy role's session, as the pipeline's auth stage gives it: the local cluster maps that role.
  const session = execFileSync(process.execPath, ['lib/bin/gantry.mjs', 'run', 'auth', '--print-exports'], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  for (const [, name, value] of session.matchAll(/^export (\w+)='(.*)'$/gm)) env[name] = value;
  const namespace = `bench-eks-${process.pid}`;
  const path = `/apis/apps/v1/namespaces/${namespace}/deployments/web`;
  await admin('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } });
  const rows = [];
  try {
    const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: '127.0.0.1:5000/gantry/web:bench-0' }] } };
    await admin('POST', `/apis/apps/v1/namespaces/${namespace}/deployments`, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template } });
    for (let wait = 0; wait < 240 && ((await admin('GET', path)).status?.availableReplicas ?? 0) < 2; wait++) await new Promise((resolve) => setTimeout(resolve, 250));
    for (let i = 1; i <= runs; i++) {
      const inputs = { 'aws-region': env.AWS_REGION, cluster: settings.clusterName, namespace, workload: 'deployment/web', image: `127.0.0.1:5000/gantry/web:bench-${i}` };
      const result = await step('actions/deploy-eks/dist/index.cjs', stepEnv(env, inputs), 180_000);
      if (result.code !== 0) process.stderr.write(`deploy-eks run ${i} failed (exit ${result.code}):\n${result.output.slice(-2000)}\n`);
      const progressing = (await admin('GET', path)).status?.conditions?.find((c) => c.type === 'Progressing');
      const completed = progressing?.reason === 'NewReplicaSetAvailable' ? Date.parse(progressing.lastUpdateTime) : NaN;
      rows.push({ total: result.code === 0 ? result.ms : NaN, detection: result.code === 0 ? result.ended - completed : NaN });
    }
  } finally {
    await admin('DELETE', `/api/v1/namespaces/${namespace}`);
  }
  const ok = rows.filter((r) => Number.isFinite(r.total));
  console.log(`\n### EKS deploy: a two-replica Deployment on the stack's control plane (median of ${runs})\n`);
  console.log('| step | total s | detection s (NewReplicaSetAvailable → step end) | runs ok |');
  console.log('| --- | ---: | ---: | ---: |');
  console.log(`| Gantry actions/deploy-eks | ${seconds(median(ok.map((r) => r.total)))} | ${seconds(median(ok.map((r) => r.detection)))} | ${ok.length}/${rows.length} |`);
}

console.log(`Machine: ${execFileSync('nproc', { encoding: 'utf8' }).trim()} cores, node ${process.version}, load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
if (sections.includes('start')) await startTable();
if (sections.includes('auth')) await authTable();
if (sections.includes('ecs')) await ecsTable();
if (sections.includes('eks')) await eksTable();
