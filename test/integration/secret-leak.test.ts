import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { cp, lstat, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { localStackConfig, endpointOf } from '../../src/local/config.js';
import { actOutputsOf, deliveryWorkflow, runAct } from './act-support.js';
import { gitHttpServer } from './git-http-remote.js';
import { buildExampleBinary, emulatorRegistryPassword, scratchDir } from './image-path-support.js';
import { recordingReceiver } from './stack-snapshot.js';
import { CLI, parseExports, readCommandFile, runNode, stackEnv, type Run } from './support.js';

/**
 * The example pipeline, run as users run it (each stage through the CLI, as scripts/demo.sh and Jenkins do; the
 * generated delivery through act, as GitHub does), with every secret value it handles known to the test: the STS
 * session keys and token of every session the stack issued, the OIDC tokens, the ECR password, a GitHub token that
 * really authenticates a push over smart HTTP, the Slack and JSON webhook URLs. Every byte the runs leave behind is
 * searched for each value, raw, base64-encoded at each of the three alignments and URL-encoded: stdout, stderr, job
 * summaries, step outputs, and every file written (temporary files included, GitOps objects decompressed), except
 * the 0600 exports file whose whole point is to hold the credentials.
 */

const exec = promisify(execFile);
const GITHUB_TOKEN = 'ghs_L3akGuardT0kenThatMustNeverBeSeen0042';
/** A token the remote refuses: a secret all the same. */
const WRONG_TOKEN = 'ghs_Wr0ngT0kenTheRemoteRefusesButStillSecret';
const SLACK_PATH = '/services/T0LEAK/B0LEAK/sl4ckS3cretWebhookPath';
const WEBHOOK_PATH = '/hooks/js0nS3cretWebhookPath';
const OVERLAY = 'apps/example/overlays/staging/kustomization.yaml';

interface Secret {
  readonly name: string;
  readonly value: string;
}

interface Place {
  readonly place: string;
  readonly bytes: Buffer;
}

/**
 * The forms a value takes when it is printed, encoded or embedded: itself, URL-encoded, and base64 at each of the
 * three byte alignments it can have inside a longer encoded string (only the characters that depend on it alone).
 */
function encodedForms(value: string): { form: string; text: string }[] {
  const bytes = Buffer.from(value);
  const forms = [{ form: 'raw', text: value }];
  if (encodeURIComponent(value) !== value) forms.push({ form: 'URL-encoded', text: encodeURIComponent(value) });
  for (const offset of [0, 1, 2]) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    const start = [0, 2, 3][offset]!;
    const end = Math.floor((offset + bytes.length) / 3) * 4;
    forms.push({ form: `base64 at offset ${offset}`, text: encoded.slice(start, end) });
  }
  return forms;
}

/** Every hit of every form of every secret, as `<secret> (<form>) in <place>`. */
function leaks(secrets: readonly Secret[], places: readonly Place[]): string[] {
  const found: string[] = [];
  for (const secret of secrets) {
    for (const { form, text } of encodedForms(secret.value)) {
      for (const { place, bytes } of places) if (bytes.includes(text)) found.push(`${secret.name} (${form}) in ${place}`);
    }
  }
  return found;
}

/** Every regular file under `dir` that `skip` does not rule out, as places. */
async function filesUnder(dir: string, label: string, skip: (path: string, size: number) => boolean = () => false): Promise<Place[]> {
  const places: Place[] = [];
  for (const entry of await readdir(dir, { recursive: true })) {
    const path = join(dir, entry);
    const info = await lstat(path);
    if (!info.isFile() || skip(path, info.size)) continue;
    places.push({ place: `${label}/${entry}`, bytes: await readFile(path) });
  }
  return places;
}

/** act (host mode) runs the jobs in a copy of the checkout: what it only copied is not something the run wrote. */
function copiedCheckoutFile(path: string, size: number): boolean {
  const at = path.indexOf('/hostexecutor/');
  if (at < 0) return false;
  const original = path.slice(at + '/hostexecutor/'.length);
  return existsSync(original) && statSync(original).size === size;
}

/** The decompressed content of every object of a bare repository (loose and packed). */
async function gitObjects(bare: string, label: string): Promise<Place> {
  const { stdout } = await exec('git', ['--git-dir', bare, 'cat-file', '--batch-all-objects', '--batch'], { encoding: 'buffer', maxBuffer: 256 * 1024 * 1024 });
  return { place: `${label} (objects)`, bytes: stdout };
}

/** Files the run created in the checkout itself (beside ignored build output such as lib/ and node_modules/). */
async function untrackedFiles(): Promise<Set<string>> {
  const { stdout } = await exec('git', ['ls-files', '--others', '--exclude-standard', '-z']);
  return new Set(stdout.split('\0').filter(Boolean));
}

/**
 * A `node` first on PATH that runs the real one, then keeps a copy of the runner's command files the step wrote to
 * (GITHUB_OUTPUT, GITHUB_ENV, GITHUB_STEP_SUMMARY, GITHUB_STATE): act deletes them with the job, this keeps them.
 */
async function keepingCommandFiles(dir: string): Promise<string> {
  const bin = join(dir, 'bin');
  const kept = join(dir, 'command-files');
  await mkdir(bin, { recursive: true });
  await mkdir(kept, { recursive: true });
  // A node script, not a shell one: shells drop the INPUT_AWS-REGION-style variables act passes. Copies are named by
  // time and by the action that ran (actions/<stage>/dist/index.cjs), so each step's are its own.
  const script = `#!${process.execPath}
const { spawnSync } = require('node:child_process');
const { copyFileSync, existsSync } = require('node:fs');
const { basename, dirname, join } = require('node:path');
const args = process.argv.slice(2);
// act asks node where it lives, then runs each action by that path: answer with this wrapper.
if (args.includes('console.log(process.execPath)')) {
  console.log(__filename);
  process.exit(0);
}
const run = spawnSync(process.execPath, args, { stdio: 'inherit' });
const step = \`\${process.hrtime.bigint()}-\${basename(dirname(dirname(process.argv[2] || '.')))}\`;
for (const name of ['GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_STEP_SUMMARY', 'GITHUB_STATE']) {
  const file = process.env[name];
  if (file && existsSync(file)) copyFileSync(file, join(${JSON.stringify(kept)}, \`\${step}-\${name}\`));
}
process.exit(run.status ?? 1);
`;
  await writeFile(join(bin, 'node'), script, { mode: 0o755 });
  return `${bin}:${process.env.PATH}`;
}

/** Secret keys and tokens of every STS session the emulator issued, read from its state (moto's data API). */
async function stsSessions(): Promise<Secret[]> {
  const state = (await (await fetch(`${endpointOf(localStackConfig())}/moto-api/data.json`)).json()) as {
    sts?: { AssumedRole?: { access_key_id: string; secret_access_key: string; session_token: string; session_name: string }[] };
  };
  return (state.sts?.AssumedRole ?? []).flatMap((session) => [
    { name: `STS access key id of ${session.session_name}`, value: session.access_key_id },
    { name: `STS secret access key of ${session.session_name}`, value: session.secret_access_key },
    { name: `STS session token of ${session.session_name}`, value: session.session_token },
  ]);
}

/**
 * Points the staging overlay of a copy of the GitOps repository at an image no run deploys, so that each run's bump
 * is a real commit pushed with the token, whatever the stack's repository held.
 */
async function seedOverlay(bare: string): Promise<void> {
  const work = join(scratch, 'seed');
  const file = join(work, OVERLAY);
  await exec('git', ['clone', '--quiet', bare, work]);
  const text = await readFile(file, 'utf8');
  await writeFile(file, `${text.slice(0, text.indexOf('images:'))}images:\n  - name: example-app\n    newTag: leak-guard-seed\n`);
  await exec('git', ['-C', work, '-c', 'user.name=seed', '-c', 'user.email=seed@example.invalid', 'commit', '--quiet', '-am', 'seed: an image no run deploys']);
  await exec('git', ['-C', work, 'push', '--quiet', 'origin', 'HEAD:main']);
}

let scratch: string;
let receiver: Awaited<ReturnType<typeof recordingReceiver>>;
let gitRemote: Awaited<ReturnType<typeof gitHttpServer>>;
const secrets: Secret[] = [];

beforeAll(async () => {
  const local = inject('localEnv');
  scratch = await scratchDir();
  receiver = await recordingReceiver();
  // The GitOps repository behind smart HTTP that accepts only the token, sent as GitHub's Basic header.
  await mkdir(join(scratch, 'http'));
  await exec('git', ['clone', '--quiet', '--bare', local.GANTRY_GITOPS_REPO!, join(scratch, 'http', 'gitops.git')]);
  await exec('git', ['--git-dir', join(scratch, 'http', 'gitops.git'), 'config', 'http.receivepack', 'true']);
  await seedOverlay(join(scratch, 'http', 'gitops.git'));
  gitRemote = await gitHttpServer(join(scratch, 'http'), GITHUB_TOKEN);
  secrets.push(
    { name: 'the GitHub token', value: GITHUB_TOKEN },
    { name: 'the refused GitHub token', value: WRONG_TOKEN },
    { name: 'the ECR password', value: await emulatorRegistryPassword() },
    { name: 'the Slack webhook URL', value: `${receiver.url}${SLACK_PATH}` },
    { name: "the Slack webhook URL's path", value: SLACK_PATH },
    { name: 'the undeliverable Slack webhook URL', value: `http://127.0.0.1:1${SLACK_PATH}` },
    { name: 'the JSON webhook URL', value: `${receiver.url}${WEBHOOK_PATH}` },
    { name: "the JSON webhook URL's path", value: WEBHOOK_PATH },
  );
}, 120_000);

/** Pushes the smart-HTTP remote accepted: each authenticated by the token. */
const authorizedPushes = () => gitRemote.seen.filter((request) => request.startsWith('POST /gitops.git/git-receive-pack') && request.endsWith('authorized')).length;

afterAll(async () => {
  await gitRemote?.close();
  await receiver?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('no secret leaks from the example pipeline', () => {
  it('through the CLI, stage by stage', { timeout: 900_000 }, async () => {
    const local = inject('localEnv');
    const before = await untrackedFiles();
    const work = join(scratch, 'cli');
    await mkdir(join(work, 'tmp'), { recursive: true });
    const exportsFile = join(work, 'session.env');
    const summary = join(work, 'summary.md');
    const outputFile = join(work, 'outputs.txt');
    secrets.push({ name: 'the OIDC token of the CLI run', value: (await readFile(local.AWS_WEB_IDENTITY_TOKEN_FILE!, 'utf8')).trim() });

    let session: Record<string, string> = {};
    const runs: { stage: string; run: Run }[] = [];
    const attempt = async (name: string, args: string[], extra: Record<string, string> = {}) => {
      const env = stackEnv({ ...session, TMPDIR: join(work, 'tmp'), GANTRY_SUMMARY_FILE: summary, GANTRY_GITOPS_TOKEN: GITHUB_TOKEN, GANTRY_SHA: 'c0ffee0000000000000000000000000000000001', ...extra });
      const run = await runNode(CLI, ['run', name, '--json', '--output-file', outputFile, ...args], env, 600_000);
      const earlier = runs.filter((r) => r.stage.split(' ')[0] === name).length;
      runs.push({ stage: earlier ? `${name} (run ${earlier + 1})` : name, run });
      return run;
    };
    const stage = async (name: string, ...args: string[]) => {
      const run = await attempt(name, args);
      expect(run.code, `${name}: ${run.stderr}`).toBe(0);
      return JSON.parse(run.stdout) as Record<string, string>;
    };

    await stage('auth', '--exports-file', exportsFile);
    expect((await stat(exportsFile)).mode & 0o777, 'the exports file').toBe(0o600);
    session = parseExports(await readFile(exportsFile, 'utf8'));
    expect(session.AWS_SESSION_TOKEN).toBeTruthy();

    await buildExampleBinary();
    const build = await stage('build', '--context', 'examples/app', '--image', 'gantry/leak/app', '--oci-archive', join(work, 'app.tar'));
    await stage('scan', '--scan-type', 'image', '--target', build['oci-archive']!, '--scanners', 'secret', '--offline', 'true', '--output-dir', join(work, 'scan'));
    const { image } = await stage('push', '--repository', 'gantry/leak/app', '--oci-archive', build['oci-archive']!, '--registry', local.GANTRY_REGISTRY!);
    await stage('deploy-ecs', '--cluster', 'gantry-local', '--service', 'example-app', '--image', image!, '--poll-seconds', '0.5');
    await stage('deploy-eks', '--cluster', 'gantry-local', '--namespace', 'example', '--workload', 'deployment/example-app', '--image', image!);
    await stage(
      'gitops-bump',
      '--repository',
      `${gitRemote.base}/gitops.git`,
      '--files',
      OVERLAY,
      '--image-name',
      'example-app',
      '--image',
      image!,
      '--service',
      'example',
      '--environment',
      'staging',
    );
    expect(authorizedPushes()).toBe(1);
    await stage('verify', '--url', `${receiver.url}/healthz`, '--body-contains', 'ok');
    await cp('examples/site', join(work, 'site'), { recursive: true });
    await stage(
      'publish-static',
      '--working-directory',
      join(work, 'site'),
      '--build-command',
      'hugo --gc --minify',
      '--source-dir',
      'public',
      '--bucket',
      local.GANTRY_SITE_BUCKET!,
      '--distribution-id',
      local.GANTRY_SITE_DISTRIBUTION_ID!,
    );
    await stage('notify', '--status', 'success', '--service', 'example-app', '--image', image!, '--slack-webhook-url', `${receiver.url}${SLACK_PATH}`, '--webhook-url', `${receiver.url}${WEBHOOK_PATH}`);
    expect(receiver.requests.filter((request) => request.startsWith('POST /services/') || request.startsWith('POST /hooks/'))).toHaveLength(2);

    // Failures print the most: a role that refuses the token, a token the remote refuses, a webhook nobody answers.
    const refused = await attempt('auth', ['--role-arn', 'arn:aws:iam::123456789012:role/gantry-deploy-chained']);
    expect(refused.code, refused.stderr).toBe(1);
    const wrongToken = await attempt('gitops-bump', ['--repository', `${gitRemote.base}/gitops.git`, '--files', OVERLAY, '--image-name', 'example-app', '--image', image!, '--service', 'example', '--environment', 'staging'], { GANTRY_GITOPS_TOKEN: WRONG_TOKEN });
    expect(wrongToken.code, wrongToken.stderr).toBe(1);
    const undelivered = await attempt('notify', ['--status', 'failure', '--fail-on-error', 'true', '--attempts', '2', '--slack-webhook-url', `http://127.0.0.1:1${SLACK_PATH}`]);
    expect(undelivered.code, undelivered.stderr).toBe(1);

    const places: Place[] = [];
    for (const { stage: name, run } of runs) places.push({ place: `stdout of ${name}`, bytes: Buffer.from(run.stdout) }, { place: `stderr of ${name}`, bytes: Buffer.from(run.stderr) });
    expect(Object.keys(readCommandFile(outputFile))).toContain('image');
    places.push(...(await filesUnder(work, 'the CLI work dir', (path) => path === exportsFile)));
    places.push(await gitObjects(join(scratch, 'http', 'gitops.git'), 'the GitOps repository'));
    for (const file of await untrackedFiles()) if (!before.has(file)) places.push({ place: `checkout/${file}`, bytes: await readFile(file) });
    // What was searched: each stage's streams, the summary, the outputs file and the files, not a vacuous list.
    expect(places.map((p) => p.place)).toEqual(expect.arrayContaining(['stderr of auth', 'stdout of notify', 'the CLI work dir/summary.md', 'the CLI work dir/outputs.txt']));
    expect(leaks([...secrets, ...(await stsSessions())], places)).toEqual([]);
  });

  it('through act, as GitHub runs the generated delivery', { timeout: 900_000 }, async () => {
    const local = inject('localEnv');
    const before = await untrackedFiles();
    const work = join(scratch, 'act');
    const home = join(work, 'home');
    await mkdir(home, { recursive: true });
    secrets.push({ name: 'the OIDC token of the act run', value: (await readFile(local.AWS_WEB_IDENTITY_TOKEN_FILE!, 'utf8')).trim() });
    const pushes = authorizedPushes();
    const workflow = await deliveryWorkflow(local, work);
    const run = await runAct(
      workflow,
      { AWS_WEB_IDENTITY_TOKEN_FILE: local.AWS_WEB_IDENTITY_TOKEN_FILE!, GANTRY_GITOPS_REPO: `${gitRemote.base}/gitops.git`, GANTRY_GITOPS_TOKEN: GITHUB_TOKEN },
      { scratch: work, home, path: await keepingCommandFiles(work) },
    );
    expect(run.code, run.output.slice(-3000)).toBe(0);
    expect(actOutputsOf(run.output, 'deploy app to gitops').commit).toMatch(/^[0-9a-f]{40}$/);
    expect(authorizedPushes(), 'a push with the token').toBe(pushes + 1);

    const found: Place[] = [{ place: 'the act log', bytes: Buffer.from(run.output) }];
    // The auth steps' GITHUB_ENV is how the runner hands the credentials to the later steps: like the exports file,
    // it holds them by design (and the runner deletes it with the job). Every other file is searched.
    const credentialsHandover = (path: string) => path.endsWith('-auth-GITHUB_ENV');
    const handovers = (await readdir(join(work, 'command-files'))).filter(credentialsHandover);
    expect(handovers.length).toBeGreaterThan(0);
    for (const file of handovers) expect(await readFile(join(work, 'command-files', file), 'utf8')).toContain('AWS_SESSION_TOKEN');
    found.push(...(await filesUnder(work, 'the act work dir', (path, size) => credentialsHandover(path) || copiedCheckoutFile(path, size))));
    // Each step's outputs, exported variables and summary were kept, and searched with the rest.
    const kept = found.map((p) => p.place).filter((place) => place.includes('/command-files/'));
    for (const name of ['deploy-ecs-GITHUB_OUTPUT', 'gitops-bump-GITHUB_OUTPUT', 'push-GITHUB_STEP_SUMMARY', 'scan-GITHUB_STEP_SUMMARY']) {
      expect(kept.some((place) => place.endsWith(name)), name).toBe(true);
    }
    found.push(await gitObjects(join(scratch, 'http', 'gitops.git'), 'the GitOps repository'));
    for (const file of await untrackedFiles()) if (!before.has(file)) found.push({ place: `checkout/${file}`, bytes: await readFile(file) });
    expect(leaks([...secrets, ...(await stsSessions())], found)).toEqual([]);
  });
});
