import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderJenkinsfile } from '../../src/generate/jenkins/jenkinsfile.js';
import { resolvePipeline } from '../../src/pipeline/resolve.js';
import { localStackConfig } from '../../src/local/config.js';
import { kubeRequest, kubeSettings } from '../../src/local/kube.js';
import { parseExports, stackEnv } from './support.js';
import { localRegistry, registryDigest } from './image-path-support.js';

/**
 * Seed 004 (Task Manager) as a generated Jenkinsfile, run in the Groovy harness with the real gantry CLI against the
 * loopback stack: built, scanned offline, pushed to the stack's registry, deployed to the local EKS control plane,
 * verified against a server this test runs, and rolled back when the verification fails. The model is the seed's,
 * with the stack's account, cluster, registry and URLs in place of production's.
 */
const config = localStackConfig();
const settings = kubeSettings(config);
const suffix = randomBytes(4).toString('hex');
const namespace = `jenkins-e2e-${suffix}`;
const repository = `task-manager/app-${suffix}`;
const OLD = `127.0.0.1:5000/task-manager/app:before-${suffix}`;

interface Report {
  result: string;
  stageResults: string[];
  callStack: { name: string; args: unknown[] }[];
  junitReports: string[];
  archived: string[];
  env: { GANTRY_AWS_SESSION_FILE?: string };
  console: string;
}

let cli = '';
let healthy = true;
let server: Server;
let verifyBase = '';

const admin = (method: string, path: string, body?: unknown) => kubeRequest(config, method, path, { body, settings });
const deploymentPath = `/apis/apps/v1/namespaces/${namespace}/deployments/task-manager`;

async function deploymentImage(): Promise<string> {
  const response = await admin('GET', deploymentPath);
  expect(response.status, response.body).toBe(200);
  return (JSON.parse(response.body) as { spec: { template: { spec: { containers: { image: string }[] } } } }).spec.template.spec.containers[0]!.image;
}

beforeAll(async () => {
  // The image copies the compiled binary; other test files compile it too, hence the lock.
  await promisify(execFile)('flock', [join(tmpdir(), 'gantry-example-app.lock'), 'bash', 'examples/app/build.sh'], {
    env: { ...process.env, ARCHES: 'amd64', APP_VERSION: 'jenkins-e2e' },
  });
  cli = join(mkdtempSync(join(tmpdir(), 'gantry-jenkins-cli-')), 'gantry');
  writeFileSync(cli, `#!/bin/sh\nexec node ${JSON.stringify(resolve('lib/bin/gantry.mjs'))} "$@"\n`);
  chmodSync(cli, 0o755);

  const created = await admin('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } });
  expect(created.status, created.body).toBe(201);
  const deployment = await admin('POST', `/apis/apps/v1/namespaces/${namespace}/deployments`, {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'task-manager', namespace },
    spec: { replicas: 2, selector: { matchLabels: { app: 'task-manager' } }, template: { metadata: { labels: { app: 'task-manager' } }, spec: { containers: [{ name: 'app', image: OLD }] } } },
  });
  expect(deployment.status, deployment.body).toBe(201);

  // The service's health and API endpoints, as the seed's checks expect them; `healthy` decides the health answer.
  server = createServer((req, res) => {
    if (req.url === '/healthz') res.writeHead(healthy ? 200 : 503).end(healthy ? 'ok' : 'starting');
    else if (req.url?.startsWith('/api/tasks')) res.writeHead(200, { 'content-type': 'application/json' }).end('[]');
    else res.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  verifyBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 180_000);

afterAll(async () => {
  server?.close();
  await admin('DELETE', `/api/v1/namespaces/${namespace}`);
}, 60_000);

/** The seed's model with the loopback stack in place of production; `scan` overrides the seed's scan inputs. */
function taskManagerJenkinsfile(scan: Record<string, string>): string {
  const model = parse(readFileSync('examples/pipelines/task-manager.yaml', 'utf8')) as Record<string, any>;
  const local = stackEnv();
  const role = /^arn:aws:iam::(\d+):role\/(.+)$/.exec(local.AWS_ROLE_ARN!)!;
  Object.assign(model.environments[0], { account: role[1], role: role[2], region: local.AWS_REGION });
  const service = model.services[0];
  service.repository = repository;
  service.dockerfile = 'Dockerfile';
  service.scan = { ...service.scan, scanners: 'secret', offline: 'true', 'cache-dir': '.trivy-cache', ...scan };
  service.push = { ...service.push, registry: localRegistry() };
  service.deploy = { ...service.deploy, cluster: settings.clusterName, namespace, workload: 'deployment/task-manager' };
  service.verify = {
    checks: service.verify.checks.replaceAll('https://tasks.example.com', verifyBase),
    'deadline-seconds': 3,
    'interval-seconds': 1,
  };
  model.test = 'test -x dist/app-linux-amd64';
  delete model.lint;
  return renderJenkinsfile(resolvePipeline(model), 'seed 004 against the loopback stack');
}

/** A checkout of the example app; `leakedCredentials` bakes an AWS key pair into the image for the scan to find. */
function checkout(leakedCredentials: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'gantry-jenkins-ws-'));
  mkdirSync(join(dir, 'dist'));
  for (const file of readdirSync('examples/app').filter((f) => !['dist'].includes(f))) copyFileSync(join('examples/app', file), join(dir, file));
  copyFileSync('examples/app/dist/app-linux-amd64', join(dir, 'dist/app-linux-amd64'));
  if (leakedCredentials) {
    mkdirSync(join(dir, 'config'));
    const secret = randomBytes(30).toString('base64').slice(0, 40);
    writeFileSync(join(dir, 'config/aws.env'), `AWS_ACCESS_KEY_ID=AKIA${randomBytes(8).toString('hex').toUpperCase()}\nAWS_SECRET_ACCESS_KEY=${secret}\n`);
    writeFileSync(join(dir, '.dockerignore'), `${readFileSync('examples/app/.dockerignore', 'utf8')}!config/aws.env\n`);
    writeFileSync(join(dir, 'Dockerfile'), `${readFileSync('examples/app/Dockerfile', 'utf8')}COPY config/aws.env /etc/task-manager/aws.env\n`);
  }
  return dir;
}

/** Runs the Jenkinsfile in the harness as branch main's build `build`; the OIDC token only as a file credential. */
async function runBuild(jenkinsfile: string, workspace: string, build: number): Promise<Report> {
  const dir = mkdtempSync(join(tmpdir(), 'gantry-jenkins-run-'));
  const local = stackEnv();
  writeFileSync(join(dir, 'Jenkinsfile'), jenkinsfile);
  writeFileSync(
    join(dir, 'spec.json'),
    JSON.stringify({
      library: resolve('jenkins'),
      workspace,
      jenkinsfile: join(dir, 'Jenkinsfile'),
      env: { BRANCH_NAME: 'main', BUILD_NUMBER: String(build), GIT_COMMIT: randomBytes(20).toString('hex'), GANTRY_CLI: cli },
      credentials: { 'gantry-oidc': { type: 'file', path: local.AWS_WEB_IDENTITY_TOKEN_FILE } },
    }),
  );
  // No AWS keys and no token file in the agent's environment: only what the Jenkinsfile binds and gantryAuth gets.
  const { AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_ROLE_ARN, AWS_WEB_IDENTITY_TOKEN_FILE, ...agentEnv } = local;
  const child = spawn('groovy', ['-cp', 'jenkins/test:jenkins/test/stubs', 'jenkins/test/runJenkinsfile.groovy', join(dir, 'spec.json'), join(dir, 'report.json')], {
    env: agentEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const code = await new Promise<number | null>((done) => child.on('close', done));
  expect(code, output).toBe(0);
  return JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Report;
}

const gantrySteps = (report: Report) => report.callStack.map((c) => c.name).filter((n) => n.startsWith('gantry'));
const argsOf = (report: Report, step: string) => report.callStack.find((c) => c.name === step)!.args[0] as Record<string, string>;

/** Neither the OIDC token nor the session keys gantryAuth got appear in the console. */
function expectNoSecrets(report: Report) {
  const token = readFileSync(stackEnv().AWS_WEB_IDENTITY_TOKEN_FILE!, 'utf8').trim();
  expect(report.console).not.toContain(token);
  const session = parseExports(readFileSync(report.env.GANTRY_AWS_SESSION_FILE!, 'utf8'));
  for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']) {
    expect(session[name], name).toBeTruthy();
    expect(report.console).not.toContain(session[name]);
  }
}

describe.sequential('seed 004 as a generated Jenkinsfile, end to end against the loopback stack', () => {
  let firstImage = '';

  it('delivers: built, scan warns (UNSTABLE), pushed with latest and the version tag, deployed, verified', { timeout: 600_000 }, async () => {
    const report = await runBuild(taskManagerJenkinsfile({ strategy: 'warn' }), checkout(true), 41);
    expect(report.stageResults, report.console).toEqual([
      'Source:SUCCESS',
      'Test:SUCCESS',
      'Build app:SUCCESS',
      'Security app:UNSTABLE',
      'Push app (production):SUCCESS',
      'Deploy app (production):SUCCESS',
      'Verify app (production):SUCCESS',
    ]);
    expect(report.result).toBe('UNSTABLE');
    expect(gantrySteps(report)).toEqual(['gantryBuild', 'gantryScan', 'gantryAuth', 'gantryPush', 'gantryDeployEks', 'gantryVerify']);
    expect(report.console).toMatch(/CRITICAL secret aws-secret-access-key/);
    expect(report.junitReports).toEqual(['trivy-reports/app/trivy-junit.xml']);
    expect(report.archived.sort()).toEqual(['trivy-reports/app/trivy-report.json', 'trivy-reports/app/trivy-report.sarif']);
    expectNoSecrets(report);

    // The registry holds the image by digest under latest and the version tag; the Deployment runs it by digest.
    const image = argsOf(report, 'gantryDeployEks').image!;
    const digest = image.slice(image.indexOf('@') + 1);
    expect(image).toBe(`${localRegistry()}/${repository}@${digest}`);
    expect(await registryDigest(localRegistry(), repository, digest)).toBe(digest);
    expect(await registryDigest(localRegistry(), repository, 'latest')).toBe(digest);
    expect(await registryDigest(localRegistry(), repository, 'build-41')).toBe(digest);
    expect(argsOf(report, 'gantryPush').tags).toMatch(/(^|,)build-41(,|$)/);
    expect(await deploymentImage()).toBe(image);
    firstImage = image;
  });

  it('a failed verification rolls the Deployment back to the image it ran before, and the build fails', { timeout: 600_000 }, async () => {
    expect(firstImage, 'the delivery before this one').not.toBe('');
    healthy = false;
    const report = await runBuild(taskManagerJenkinsfile({}), checkout(false), 42);
    expect(report.stageResults.slice(-4), report.console).toEqual([
      'Security app:SUCCESS',
      'Push app (production):SUCCESS',
      'Deploy app (production):SUCCESS',
      'Verify app (production):FAILURE',
    ]);
    expect(report.result).toBe('FAILURE');
    expect(gantrySteps(report)).toEqual(['gantryBuild', 'gantryScan', 'gantryAuth', 'gantryPush', 'gantryDeployEks', 'gantryVerify', 'gantryRollback']);
    const names = report.callStack.map((c) => c.name);
    expect(names.indexOf('post.failure')).toBeGreaterThan(names.indexOf('gantryVerify'));
    const deployed = argsOf(report, 'gantryDeployEks').image!;
    expect(deployed).not.toBe(firstImage);
    expect(argsOf(report, 'gantryRollback')['previous-images']).toBe(`app=${firstImage}`);
    expect(report.console).toMatch(/gantryVerify: gantry run verify failed \(exit 1\)/);
    expect(await deploymentImage()).toBe(firstImage);
    expectNoSecrets(report);
  });
});
