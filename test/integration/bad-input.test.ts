import { existsSync } from 'node:fs';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { runStage } from '../../src/runtime/run-stage.js';
import { CliRuntime } from '../../src/runtime/cli/runtime.js';
import { findStage, stages } from '../../src/stages/index.js';
import { ociArchive, outputsOf, scratchDir } from './image-path-support.js';
import { keyPair, pushTestImage } from './signing-support.js';
import { recordingReceiver, stackSnapshot } from './stack-snapshot.js';
import { CLI, deployRoleSession, runCli, runNode, stackEnv, type Run } from './support.js';

/**
 * Bad input, stage by stage: each row starts from a run of the stage that would succeed against the loopback stack
 * (and change it), spoils one input, and expects the stage to refuse before it touches anything: exit code 1 (the
 * stage refused its input) or 2 (the command line itself is wrong), a message that names the input, no stack trace.
 * The stack is snapshotted before the table and compared after it. A new stage is one more block of rows.
 */

interface BadInput {
  /** The input the refusal must name. */
  readonly input: string;
  /** Inputs replacing the good ones (undefined: left out). */
  readonly set: Readonly<Record<string, string | undefined>>;
  /** What is wrong, for the test's name. */
  readonly what: string;
  /** Arguments after the good ones, for command-line mistakes (exit 2). */
  readonly args?: readonly string[];
  /** A secret input: its value must not be repeated in the refusal. */
  readonly secret?: boolean;
}

interface StageBlock {
  readonly stage: string;
  /** Inputs of a run that would succeed (and change the stack). */
  readonly good: Readonly<Record<string, string>>;
  readonly rows: readonly BadInput[];
}

/** One spoiled input. */
const bad = (input: string, value: string | undefined, what: string, options: Partial<BadInput> = {}): BadInput => ({ input, set: { [input]: value }, what, ...options });
/** A command-line mistake: arguments the stage's parser refuses. */
const usage = (input: string, args: readonly string[], what: string): BadInput => ({ input, set: {}, what, args });

const digest = `sha256:${'b'.repeat(64)}`;
/** Where the signed image lives, and the production repository promote copies into (the stack makes it). */
const SIGNED_REPOSITORY = 'gantry/badinput/signed';
const PRODUCTION_REPOSITORY = 'gantry/production/example-app';

interface TableContext {
  readonly registry: string;
  readonly gitops: string;
  readonly bucket: string;
  readonly distribution: string;
  readonly scratch: string;
  readonly receiver: string;
  /** Digest of an image in SIGNED_REPOSITORY, signed by `signer`'s key. */
  readonly signed: string;
}

/** The key files of the signing rows, in the scratch dir: `signer` signed the image, `other` has not yet. */
const keyFile = (scratch: string, name: 'signer' | 'other', part: 'key' | 'pub') => join(scratch, `${name}.${part}`);
/** PEM armour around bytes that are no key. */
const brokenPem = (label: string) => `-----BEGIN ${label}-----\nbm90IGEga2V5IGF0IGFsbA==\n-----END ${label}-----\n`;

/** The good runs and their spoiled variants; `ctx` holds what exists only once the stack and scratch dirs do. */
function table(ctx: TableContext): StageBlock[] {
  const image = `${ctx.registry}/gantry/badinput/app@${digest}`;
  const missing = join(ctx.scratch, 'nowhere');
  const signedName = `${ctx.registry}/${SIGNED_REPOSITORY}`;
  const signedImage = `${signedName}@${ctx.signed}`;
  return [
    {
      stage: 'auth',
      good: { 'aws-region': 'us-east-1' },
      rows: [
        bad('aws-region', 'eu-west', 'a region without its number'),
        bad('aws-region', 'US-EAST-1', 'an uppercase region'),
        bad('role-arn', 'arn:aws:iam::12345:role/deploy', 'an account id of 5 digits'),
        bad('role-arn', 'arn:aws:iam::123456789012:user/deploy', 'a user ARN for a role'),
        bad('chain-role-arn', 'arn:aws:s3:::bucket', 'an S3 ARN to chain to'),
        bad('role-duration-seconds', '899', 'a session below 15 minutes'),
        bad('role-duration-seconds', '43201', 'a session above 12 hours'),
        bad('role-duration-seconds', '1h', 'a unit instead of seconds'),
        bad('role-session-name', 'a', 'a one-character session name'),
        bad('role-session-name', 'has space', 'a session name with a space'),
        bad('web-identity-token-file', missing, 'a token file that does not exist'),
      ],
    },
    {
      stage: 'build',
      good: { context: 'examples/app', image: 'gantry/badinput/app', 'oci-archive': join(ctx.scratch, 'build.tar') },
      rows: [
        bad('image', 'Gantry/App', 'an uppercase image name'),
        bad('image', 'gantry//app', 'an empty path component'),
        bad('image', 'gantry/app:v1', 'a tag in the image name'),
        bad('tags', 'bad tag', 'a tag with a space'),
        bad('tags', '.hidden', 'a tag starting with a dot'),
        bad('build-args', '1BAD=x', 'a build arg whose key starts with a digit'),
        bad('build-args', 'NOEQUALS', 'a build arg without a value'),
        bad('labels', '-bad=x', 'a label key starting with -'),
        bad('platforms', 'linux', 'a platform without an architecture'),
        bad('builder', 'kaniko', 'an unknown builder'),
        bad('storage-driver', 'btrfs', 'an unknown storage driver'),
        bad('timeout-minutes', '0', 'a zero timeout'),
        bad('timeout-minutes', '361', 'a timeout above 6 hours'),
        bad('sha', 'xyz', 'a sha that is not hex'),
        bad('build-number', 'abc', 'a build number that is not a number'),
        bad('source-date-epoch', '-1', 'a negative epoch'),
        bad('tag-latest', 'yes', 'a boolean spelled yes'),
        bad('context', missing, 'a context that does not exist'),
        bad('dockerfile', join(missing, 'Dockerfile'), 'a Dockerfile that does not exist'),
      ],
    },
    {
      stage: 'scan',
      good: { 'scan-type': 'fs', target: 'examples/app', offline: 'true', scanners: 'secret', 'output-dir': join(ctx.scratch, 'scan') },
      rows: [
        bad('scan-type', 'vm', 'an unknown scan type'),
        bad('target', missing, 'a target that does not exist'),
        bad('scanners', 'secret,bogus', 'an unknown scanner'),
        bad('severity', 'SEVERE', 'an unknown severity'),
        bad('strategy', 'explode', 'an unknown strategy'),
        bad('timeout', '29', 'a timeout below 30 seconds'),
        bad('timeout', '7201', 'a timeout above 2 hours'),
        bad('ignore-file', join(missing, '.trivyignore'), 'an ignore file that does not exist'),
        bad('offline', 'maybe', 'a boolean spelled maybe'),
        bad('trivy-path', join(missing, 'trivy'), 'a trivy binary that does not exist'),
        bad('db-repository', 'not a ref', 'a database repository that is no image reference'),
      ],
    },
    {
      stage: 'push',
      good: { repository: 'gantry/badinput/app', 'oci-archive': join(ctx.scratch, 'image.tar'), tags: 'v1', registry: ctx.registry },
      rows: [
        bad('repository', 'Gantry/Upper', 'an uppercase repository'),
        bad('repository', '/leading', 'a leading slash'),
        bad('repository', 'a', 'a one-character repository'),
        bad('repository', 'gantry/../etc', 'a .. component'),
        bad('tags', 'v1,bad tag', 'a tag with a space'),
        bad('tags', '-dash', 'a tag starting with -'),
        bad('registry', 'ftp://registry.example.com', 'a registry over ftp'),
        bad('registry', 'http://registry.example.com:5000', 'plain http to a registry off loopback'),
        bad('registry', '127.0.0.1:99999', 'a port out of range'),
        bad('encryption', 'RSA', 'an unknown encryption'),
        bad('kms-key', 'not-a-key', 'a KMS key that is no id, alias or ARN'),
        bad('kms-key', 'alias/deploy', 'a KMS key with AES256 encryption'),
        bad('keep-last', '0', 'keeping no image'),
        bad('expire-untagged-days', '3651', 'an expiry above 10 years'),
        bad('scan-on-push', 'sometimes', 'a boolean spelled sometimes'),
        bad('oci-archive', join(ctx.scratch, 'not-an-archive.tar'), 'a file that is no tar'),
        usage('tag', ['--tag', 'v2'], 'a misspelt flag'),
      ],
    },
    {
      stage: 'sign',
      // A second signature, by a key that has not signed the image yet: the .sig tag would name a new manifest.
      good: { image: signedImage, key: keyFile(ctx.scratch, 'other', 'key'), 'aws-region': 'us-east-1' },
      rows: [
        bad('image', 'not an image', 'an image with spaces'),
        bad('image', `${signedName}:signed`, 'an image by tag'),
        bad('image', `${signedName}@sha256:abc`, 'a truncated digest'),
        bad('image', `${signedName.toUpperCase()}@${ctx.signed}`, 'an uppercase repository'),
        bad('key', join(missing, 'cosign.key'), 'a key file that does not exist'),
        bad('key', brokenPem('PRIVATE KEY'), 'a malformed PEM', { secret: true }),
        bad('key', keyFile(ctx.scratch, 'other', 'pub'), 'a public key to sign with'),
        bad('key', 'awskms://kms.example.com/alias/gantry', 'a KMS reference with an endpoint'),
        bad('key', 'awskms:///not-a-key', 'a KMS reference that names no key'),
        bad('key', 'arn:aws:iam::123456789012:role/deploy', 'an ARN that is no KMS key'),
        bad('aws-region', 'eu-west', 'a region without its number'),
        bad('aws-region', 'mars-1', 'a region that is no AWS region'),
      ],
    },
    {
      stage: 'promote',
      good: {
        'aws-region': 'us-east-1',
        'source-image': signedImage,
        'target-repository': PRODUCTION_REPOSITORY,
        tags: 'badinput',
        'target-registry': ctx.registry,
        'require-signature': keyFile(ctx.scratch, 'signer', 'pub'),
      },
      rows: [
        bad('source-image', `${signedName}:signed`, 'a source image by tag'),
        bad('source-image', `${signedName}@sha256:abc`, 'a truncated digest'),
        bad('source-image', `${signedName}@sha256:${'z'.repeat(64)}`, 'a digest that is not hex'),
        bad('source-image', 'not an image', 'an image with spaces'),
        bad('target-repository', 'Gantry/Production', 'an uppercase repository'),
        bad('target-repository', 'gantry/../etc', 'a .. component'),
        bad('tags', '', 'no tag at all'),
        bad('tags', 'v1,bad tag', 'a tag with a space'),
        bad('target-role-arn', 'arn:aws:iam::123456789012:user/deploy', 'a user ARN for a role'),
        bad('target-region', 'mars-1', 'a region that is no AWS region'),
        bad('target-registry', 'ftp://registry.example.com', 'a registry over ftp'),
        bad('target-registry', 'http://registry.example.com:5000', 'plain http to a registry off loopback'),
        bad('carry-attached', 'sometimes', 'a boolean spelled sometimes'),
        bad('require-signature', join(missing, 'cosign.pub'), 'a key file that does not exist'),
        bad('require-signature', brokenPem('PUBLIC KEY'), 'a malformed PEM'),
        bad('require-signature', 'awskms://kms.example.com/alias/gantry', 'a KMS reference with an endpoint'),
        usage('target-repo', ['--target-repo', PRODUCTION_REPOSITORY], 'a misspelt flag'),
      ],
    },
    {
      stage: 'deploy-ecs',
      good: { cluster: 'gantry-local', service: 'example-app', image, 'poll-seconds': '0.5', 'timeout-minutes': '0.5' },
      rows: [
        bad('aws-region', 'mars-1', 'a region that is no AWS region'),
        bad('cluster', 'bad cluster!', 'a cluster name with a space and !'),
        bad('cluster', 'arn:aws:ecs:us-east-1:12:cluster/gantry-local', 'a cluster ARN with a short account'),
        bad('service', 'a/b', 'a service name with a slash'),
        bad('image', 'not an image', 'an image with spaces'),
        bad('image', `${ctx.registry}/app@sha256:abc`, 'a truncated digest'),
        bad('image', `${ctx.registry}/app:bad tag`, 'a tag with a space'),
        bad('containers', 'web=not an image', 'a container image with spaces'),
        bad('containers', '=x', 'a container without a name'),
        bad('task-definition-file', join(missing, 'td.json'), 'a task-definition file that does not exist'),
        bad('desired-count', '-1', 'a negative count'),
        bad('desired-count', '100001', 'a count above 100000'),
        bad('poll-seconds', '0', 'polling continuously'),
        bad('poll-seconds', '61', 'polls more than a minute apart'),
        bad('timeout-minutes', '1441', 'a timeout above a day'),
        bad('rollback', 'nope', 'a boolean spelled nope'),
        bad('force-new-deployment', '2', 'a boolean spelled 2'),
        bad('pre-deploy-task-command', '["unterminated', 'a command that is broken JSON'),
        bad('pre-deploy-task-overrides', '{not json', 'overrides that are broken JSON'),
        bad('pre-deploy-task-overrides', '[1,2]', 'overrides that are a list'),
        bad('pre-deploy-task-container', 'bad name', 'a container name with a space'),
        bad('pre-deploy-task-definition', 'arn:nope', 'a task definition that is neither family:revision nor ARN'),
        bad('verify-url', 'ftp://127.0.0.1/', 'a smoke check over ftp'),
        bad('verify-expect-status', '999', 'a status above 599'),
        bad('verify-json-equals', 'noequals', 'a JSON expectation without =value'),
        bad('verify-checks', '- {url: 1', 'checks that are broken YAML'),
        bad('verify-deadline-seconds', '-1', 'a negative deadline'),
        usage('clustre', ['--clustre', 'gantry-local'], 'a misspelt flag'),
        usage('service', ['--service'], 'a flag without its value'),
      ],
    },
    {
      stage: 'deploy-eks',
      good: { cluster: 'gantry-local', namespace: 'example', workload: 'deployment/example-app', image, 'timeout-minutes': '0.5' },
      rows: [
        bad('cluster', '-bad', 'a cluster name starting with -'),
        bad('cluster', 'x_y z', 'a cluster name with a space'),
        bad('namespace', 'Example', 'an uppercase namespace'),
        bad('namespace', 'ex_ample', 'a namespace with _'),
        bad('workload', 'job/example-app', 'a kind that does not roll out'),
        bad('workload', 'deployment/', 'a workload without a name'),
        bad('workload', 'deployment/Bad_Name', 'a workload name that is no DNS label'),
        bad('image', 'UPPER/repo:tag', 'an uppercase repository'),
        bad('timeout-minutes', '0', 'a zero timeout'),
        bad('rollback', 'perhaps', 'a boolean spelled perhaps'),
        bad('change-cause', 'x'.repeat(1025), 'a change cause above 1024 characters'),
      ],
    },
    {
      stage: 'gitops-bump',
      good: {
        repository: ctx.gitops,
        files: 'apps/example/overlays/staging/kustomization.yaml',
        'image-name': 'example-app',
        image,
        service: 'example',
        environment: 'staging',
      },
      rows: [
        bad('files', '../../etc/passwd', 'a file above the repository root'),
        bad('files', '/etc/passwd', 'an absolute file'),
        bad('files', '-rf', 'a file that reads as an option'),
        bad('branch', 'main..x', 'a branch with ..'),
        bad('branch', 'a b', 'a branch with a space'),
        bad('edit', 'jsonnet', 'an unknown edit kind'),
        bad('values-path', '.image', 'a values path starting with a dot'),
        bad('service', 'a/b', 'a service with a slash'),
        bad('environment', 'staging.lock', 'an environment ending in .lock'),
        bad('mode', 'teleport', 'an unknown mode'),
        bad('mode', 'pull-request', 'pull-request mode without a token', { input: 'token' }),
        bad('github-api-url', 'ftp://api.example.com', 'an API over ftp'),
        bad('github-repository', 'noslash', 'a repository without owner/'),
        bad('author-email', '<gantry>', 'an email with <>'),
        bad('commit-message', 'bump {nope}', 'an unknown placeholder'),
        bad('push-attempts', '0', 'no push attempt'),
        bad('push-attempts', '51', 'more than 50 push attempts'),
        bad('repository', 'https://user:secret@git.example.com/gitops.git', 'credentials in the URL'),
        bad('repository', '-uevil', 'a repository that reads as an option'),
        bad('repository', 'ext::sh -c touch% /tmp/pwned', 'a transport that runs a command'),
        bad('repository', missing, 'a local repository that does not exist'),
        bad('image', 'not an image', 'an image with spaces'),
      ],
    },
    {
      stage: 'publish-static',
      good: { 'source-dir': join(ctx.scratch, 'site'), bucket: ctx.bucket, 'distribution-id': ctx.distribution },
      rows: [
        bad('bucket', 'Bad_Bucket', 'an uppercase bucket with _'),
        bad('bucket', 'ab', 'a two-character bucket'),
        bad('prefix', '../up', 'a prefix escaping upwards'),
        bad('prefix', 'a//b', 'a prefix with an empty segment'),
        bad('source-dir', missing, 'a source dir that does not exist'),
        bad('part-size-mb', '4', 'parts below 5 MB'),
        bad('concurrency', '65', 'more than 64 uploads at once'),
        bad('distribution-id', 'e2lower', 'a lowercase distribution id'),
        bad('max-invalidation-paths', '3001', 'more than 3000 invalidation paths'),
        bad('max-invalidation-wildcards', '0', 'no wildcard allowed'),
        bad('wait-timeout-minutes', '61', 'a wait above an hour'),
        bad('poll-seconds', '3', 'polls above 2 seconds apart'),
        bad('cache-control', 'garbage', 'cache rules without a pattern'),
        bad('delete', 'nah', 'a boolean spelled nah'),
      ],
    },
    {
      stage: 'verify',
      good: { url: `${ctx.receiver}/healthz`, 'deadline-seconds': '0' },
      rows: [
        bad('url', 'ftp://127.0.0.1/', 'a URL over ftp'),
        bad('url', 'not a url', 'no URL at all'),
        bad('url', undefined, 'neither url nor checks'),
        bad('expect-status', '99', 'a status below 100'),
        bad('expect-status', '2xx,abc', 'a status that is no number'),
        bad('json-equals', '=x', 'a JSON expectation without a path'),
        bad('header', 'bad header:', 'a header name with a space'),
        bad('checks', '{not: a list}', 'checks that are a map, not a list'),
        bad('checks', '- url: ftp://127.0.0.1/', 'a check over ftp'),
        bad('checks', '[{"url": 5}]', 'a check whose url is a number'),
        bad('timeout-seconds', '0', 'a zero request timeout'),
        bad('deadline-seconds', '86401', 'a deadline above a day'),
        bad('interval-seconds', '301', 'an interval above 5 minutes'),
        bad('ca-file', join(missing, 'ca.pem'), 'a CA file that does not exist'),
      ],
    },
    {
      stage: 'rollback',
      good: { target: 'ecs', cluster: 'gantry-local', service: 'example-app', 'task-definition-arn': 'example-app:1', 'poll-seconds': '0.5' },
      rows: [
        bad('target', 'lambda', 'an unknown target'),
        bad('task-definition-arn', 'example-app:0', 'revision 0'),
        bad('task-definition-arn', 'arn:aws:ecs:us-east-1:123456789012:task-definition/example-app', 'an ARN without a revision'),
        bad('task-definition-arn', undefined, 'no revision to go back to'),
        bad('expected-task-definition-arn', 'junk', 'an expected revision that is no revision'),
        bad('poll-seconds', '0.01', 'polls 10 ms apart'),
        bad('reason', 'x'.repeat(501), 'a reason above 500 characters'),
        bad('cluster', 'bad cluster!', 'a cluster name with a space and !'),
        { input: 'workload', set: { target: 'eks' }, what: 'an EKS rollback without a workload' },
        { input: 'commit', set: { target: 'gitops', repository: ctx.gitops }, what: 'a GitOps rollback without a commit' },
        { input: 'commit', set: { target: 'gitops', repository: ctx.gitops, commit: 'xyz' }, what: 'a commit that is not hex' },
        { input: 'previous-images', set: { target: 'eks', workload: 'deployment/example-app', 'previous-images': 'bad' }, what: 'previous images without container=' },
      ],
    },
    {
      stage: 'notify',
      good: { status: 'success', service: 'example-app', 'slack-webhook-url': `${ctx.receiver}/services/T0/B0/s3cr3tW3bh00kPath` },
      rows: [
        bad('status', 'meh', 'an unknown status'),
        bad('slack-webhook-url', 'http://hooks.slack.example/services/T0/B0/s3cr3tPlainHttp', 'plain http off loopback', { secret: true }),
        bad('slack-webhook-url', 'notaurl-s3cr3tNoScheme', 'no URL at all', { secret: true }),
        bad('webhook-url', 'file:///etc/s3cr3tFile', 'a file URL', { secret: true }),
        bad('commit', 'nothex!', 'a commit that is not hex'),
        bad('run-url', 'javascript:alert(1)', 'a run link that is no http(s) URL'),
        bad('started-at', 'yesterday', 'a start that is no time'),
        bad('duration-seconds', '-3', 'a negative duration'),
        bad('attempts', '11', 'more than 10 attempts'),
        bad('timeout-seconds', '121', 'a timeout above 2 minutes'),
        bad('image', 'not an image', 'an image with spaces'),
        bad('fail-on-error', 'maybe', 'a boolean spelled maybe'),
        usage('slack-webhook', ['--slack-webhook', 'x'], 'a misspelt flag'),
      ],
    },
  ];
}

/** The same refusals through the bundled actions, which read INPUT_<NAME> as the runner sets it. */
const actionRows = (ctx: { registry: string }): { stage: string; inputs: Record<string, string>; input: string }[] => [
  { stage: 'auth', inputs: { 'aws-region': 'us-east-1', 'role-arn': 'deploy' }, input: 'role-arn' },
  { stage: 'push', inputs: { repository: 'Gantry/Upper', 'oci-archive': 'image.tar' }, input: 'repository' },
  { stage: 'deploy-ecs', inputs: { cluster: 'bad cluster!', service: 'example-app', image: `${ctx.registry}/app@${digest}` }, input: 'cluster' },
  { stage: 'gitops-bump', inputs: { repository: '.', files: '../x.yaml', image: `${ctx.registry}/app@${digest}`, service: 's', environment: 'e' }, input: 'files' },
  { stage: 'notify', inputs: { status: 'meh', 'slack-webhook-url': 'https://hooks.slack.example/services/T/B/x' }, input: 'status' },
];

let scratch: string;
let receiver: Awaited<ReturnType<typeof recordingReceiver>>;
let session: Record<string, string>;
let before: Record<string, unknown>;
let blocks: StageBlock[];
let signed: string;
let saved: NodeJS.ProcessEnv | undefined;

beforeAll(async () => {
  const local = inject('localEnv');
  scratch = await scratchDir();
  receiver = await recordingReceiver();
  session = await deployRoleSession();
  await copyFile(ociArchive(join(scratch, 'oci'), { 'app/VERSION': 'bad input\n' }), join(scratch, 'image.tar'));
  await writeFile(join(scratch, 'not-an-archive.tar'), 'plain text, not a tar\n');
  await mkdir(join(scratch, 'site'));
  await writeFile(join(scratch, 'site', 'index.html'), '<h1>bad input</h1>\n');
  // An image signed by `signer`: promote requiring that key would copy it, sign with `other` would add a signature.
  const signer = await keyPair(scratch, 'signer');
  await keyPair(scratch, 'other');
  signed = await pushTestImage(SIGNED_REPOSITORY, 'signed');
  outputsOf(await runCli(['run', 'sign', '--image', `${local.GANTRY_REGISTRY!}/${SIGNED_REPOSITORY}@${signed}`, '--key', signer.privateKey]));
  blocks = table({
    registry: local.GANTRY_REGISTRY!,
    gitops: local.GANTRY_GITOPS_REPO!,
    bucket: local.GANTRY_SITE_BUCKET!,
    distribution: local.GANTRY_SITE_DISTRIBUTION_ID!,
    scratch,
    receiver: receiver.url,
    signed,
  });
  // The SDK reads endpoints and credentials from process.env: a row that slipped through must reach the stack (and
  // show in its snapshot), never anything beyond loopback.
  saved = { ...process.env };
  Object.assign(process.env, stackEnv(session));
  before = await stackSnapshot(receiver, watched());
}, 120_000);

afterAll(async () => {
  if (saved) process.env = saved;
  await receiver?.close();
});

/** The signed image at the production repository, where promote would put it by digest before tagging it. */
const watched = () => [{ repository: PRODUCTION_REPOSITORY, digest: signed }];

/** `--name=value`: the form that also carries a value starting with '-' (`--files=-rf`) to the stage. */
function cliArgs(block: StageBlock, row: BadInput): string[] {
  const inputs: Record<string, string | undefined> = { ...block.good, ...row.set };
  const flags = Object.entries(inputs).flatMap(([name, value]) => (value === undefined ? [] : [`--${name}=${value}`]));
  return ['run', block.stage, ...flags, ...(row.args ?? [])];
}

/**
 * A row as `gantry run` runs it, in this process: the CLI runtime reads the flags and the environment, then the
 * stage validates and runs, exactly as after the CLI's argument parsing. Exit code as the CLI would give it.
 */
async function runInProcess(block: StageBlock, row: BadInput): Promise<Run> {
  const stage = findStage(block.stage)!;
  const lines: string[] = [];
  const runtime = new CliRuntime({ env: stackEnv(session), write: (line) => lines.push(line) });
  const started = Date.now();
  const result = await runStage(stage, runtime.readInputs(stage, { ...block.good, ...row.set }), runtime);
  const stdout = [...runtime.outputs].map(([key, value]) => `${key}=${value}\n`).join('');
  return { code: result.ok ? 0 : 1, stdout, stderr: lines.join('\n'), ms: Date.now() - started };
}

/** The refusal names the input: `input 'x': …`, the flag `--x`, or `the x input` in a remedy. */
function expectRefusal(run: Run, input: string, code: number) {
  const log = `${run.stdout}\n${run.stderr}`;
  expect(run.code, log).toBe(code);
  expect(log).toMatch(new RegExp(`input '${input}'|--${input}\\b|the ${input} input`));
  expect(log, 'a stack trace').not.toMatch(/^\s+at .+[(:]\d+/m);
}

// Rows are laid out when the stack is known; their names are known now, from a table with placeholders.
const names = table({ registry: 'registry', gitops: 'gitops', bucket: 'bucket', distribution: 'distribution', scratch: '/scratch', receiver: 'http://receiver', signed: digest });
const cases = names.flatMap((block, b) => block.rows.map((row, r) => ({ name: `${block.stage}: ${row.what} (${row.input})`, b, r, usage: row.args !== undefined })));
/** Through the compiled CLI as a separate process: every command-line mistake, and each stage's first row. */
const spawned = cases.filter((c) => c.usage || c.r === 0);

describe('bad input is refused up front, naming the input', () => {
  it('covers every stage, with at least 80 rows', () => {
    expect(names.map((block) => block.stage)).toEqual(stages.map((stage) => stage.name));
    expect(cases.length).toBeGreaterThanOrEqual(80);
  });

  describe('in the CLI runtime', () => {
    it.for(cases.filter((c) => !c.usage))('$name', async ({ b, r }) => {
      const block = blocks[b]!;
      const row = block.rows[r]!;
      const run = await runInProcess(block, row);
      expectRefusal(run, row.input, 1);
      if (row.secret) expect(run.stderr).not.toContain(String(row.set[row.input]));
    });
  });

  describe.concurrent('through the compiled CLI', () => {
    it.for(spawned)('$name', async ({ b, r }) => {
      const block = blocks[b]!;
      const row = block.rows[r]!;
      const run = await runNode(CLI, cliArgs(block, row), stackEnv(session));
      expectRefusal(run, row.input, row.args ? 2 : 1);
    });
  });

  describe.concurrent('through the bundled actions (INPUT_<NAME>)', () => {
    it.for(actionRows({ registry: 'registry' }).map((row, i) => ({ ...row, i })))('$stage: bad $input', async ({ i }) => {
      const row = actionRows({ registry: inject('localEnv').GANTRY_REGISTRY! })[i]!;
      const inputs = Object.fromEntries(Object.entries(row.inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]));
      const run = await runNode(`actions/${row.stage}/dist/index.cjs`, [], stackEnv({ ...session, ...inputs }));
      expectRefusal(run, row.input, 1);
      expect(run.stdout).toMatch(new RegExp(`^::error::${row.stage} failed: input '${row.input}'`, 'm'));
    });
  });

  it('left the stack as it was: revisions, images, tags, signatures, the Deployment, GitOps refs, bucket, invalidations, webhooks', async () => {
    expect(await stackSnapshot(receiver, watched())).toEqual(before);
    expect(existsSync(join(scratch, 'build.tar')), 'the build archive').toBe(false);
    expect(existsSync(join(scratch, 'scan')), 'the scan reports').toBe(false);
  });
});
