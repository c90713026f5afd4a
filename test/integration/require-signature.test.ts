import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DescribeTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localStackConfig } from '../../src/local/config.js';
import { kubeRequest, kubeSettings } from '../../src/local/kube.js';
import { createTestService, describe as describeService, emulatorEcs, revisionCount } from '../fixtures/ecs/emulator.js';
import { localRegistry, outputsOf, scratchDir, unique } from './image-path-support.js';
import { copySignature, createKmsSigningKey, keyPair, pushTestImage, type KeyFiles } from './signing-support.js';
import { deployRoleSession, runCli } from './support.js';

/**
 * require-signature on the deploy stages, against the real stack: an image signed by the required key is deployed;
 * a signature by another key, a signature copied from another digest and an unsigned image are each refused before
 * any change (task-definition revisions and service, Deployment generation and image, GitOps head all unchanged).
 */
const exec = promisify(execFile);
const ecs = emulatorEcs();
const config = localStackConfig();
const settings = kubeSettings(config);
const namespace = `sig-it-${process.pid}`;
const repository = `gantry/it/${unique('require-sig')}`;

let dir: string;
let signer: KeyFiles;
let other: KeyFiles;
let kmsKeyId: string;
/** Signed by `signer` (and by the KMS key). */
let signed: string;
/** Signed by `other` only. */
let signedByOther: string;
/** Carries the signature manifest of `signed`, copied onto its own digest. */
let copied: string;
let unsigned: string;
let roleEnv: Record<string, string>;

const image = (digest: string) => `${localRegistry()}/${repository}@${digest}`;

beforeAll(async () => {
  dir = await scratchDir();
  signer = await keyPair(dir, 'signer');
  other = await keyPair(dir, 'other');
  kmsKeyId = await createKmsSigningKey();
  [signed, signedByOther, copied, unsigned] = [
    await pushTestImage(repository, 'signed'),
    await pushTestImage(repository, 'other'),
    await pushTestImage(repository, 'copied'),
    await pushTestImage(repository, 'unsigned'),
  ];
  for (const [digest, key] of [[signed, signer.privateKey], [signedByOther, other.privateKey], [signed, `awskms:///${kmsKeyId}`]] as const) {
    outputsOf(await runCli(['run', 'sign', '--image', image(digest), '--key', key, '--aws-region', 'us-east-1']));
  }
  await copySignature(repository, signed, copied);
}, 120_000);

let namespaceCreated = false;
afterAll(async () => {
  if (namespaceCreated) await admin('DELETE', `/api/v1/namespaces/${namespace}`);
});

function admin(method: string, path: string, body?: unknown) {
  return kubeRequest(config, method, path, { body, settings });
}

/** The three refusals, each with the reason a person reads. */
const refusals = () =>
  [
    ['a signature by another key', signedByOther, 'none of its 1 signature verifies with this key'],
    ['a signature copied from another digest', copied, `the signature by this key covers ${signed}, not this digest`],
    ['an unsigned image', unsigned, 'it carries no signature'],
  ] as const;

function expectRefused(run: { code: number | null; stderr: string }, digest: string, key: string, reason: string) {
  expect(run.code, run.stderr).toBe(1);
  expect(run.stderr).toContain(`image ${repository}@${digest} is not signed by key ${key}`);
  expect(run.stderr).toContain(reason);
}

describe('require-signature', () => {
  it('deploy-ecs refuses each unsigned shape with nothing changed, and deploys the signed image', { timeout: 120_000 }, async () => {
    const t = await createTestService(ecs, 'sig');
    const deploy = (digest: string, key: string) =>
      runCli(['run', 'deploy-ecs', '--aws-region', 'us-east-1', '--cluster', t.cluster, '--service', t.service, '--poll-seconds', '0.25', '--image', image(digest), '--require-signature', key]);
    for (const [, digest, reason] of refusals()) {
      expectRefused(await deploy(digest, signer.publicKey), digest, signer.publicKey, reason);
    }
    expect(await revisionCount(ecs, t.family)).toBe(1);
    const service = await describeService(ecs, t);
    expect(service.taskDefinition).toBe(t.taskDefinitionArn);
    expect(service.deployments).toHaveLength(1);

    // The signed image, checked by its PEM public key: registered and rolled out.
    const ok = await deploy(signed, signer.publicKey);
    expect(outputsOf(ok)['rollout-state']).toBe('COMPLETED');
    expect(ok.stderr).toMatch(new RegExp(`Signature of .*@${signed} by ${signer.publicKey} \\(SHA256:\\w+\\) verified`));
    const { taskDefinition } = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: outputsOf(ok)['task-definition-arn'] }));
    expect(taskDefinition!.containerDefinitions![0]!.image).toBe(image(signed));
  });

  it('deploy-eks refuses each unsigned shape with nothing changed, and deploys the image signed by the KMS key', { timeout: 120_000 }, async () => {
    roleEnv = await deployRoleSession();
    const ns = await admin('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } });
    expect(ns.status, ns.body).toBe(201);
    namespaceCreated = true;
    const name = 'web';
    const old = `${localRegistry()}/${repository}:old`;
    const created = await admin('POST', `/apis/apps/v1/namespaces/${namespace}/deployments`, {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace },
      spec: { replicas: 1, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image: old }] } } },
    });
    expect(created.status, created.body).toBe(201);
    const read = async () => JSON.parse((await admin('GET', `/apis/apps/v1/namespaces/${namespace}/deployments/${name}`)).body) as { metadata: { generation: number }; spec: { template: { spec: { containers: { image: string }[] } } } };
    const before = await read();
    const kmsKey = `awskms:///${kmsKeyId}`;
    const deploy = (digest: string) =>
      runCli(['run', 'deploy-eks', '--aws-region', 'us-east-1', '--cluster', settings.clusterName, '--namespace', namespace, '--workload', name, '--image', image(digest), '--require-signature', kmsKey], roleEnv);
    for (const [, digest, reason] of refusals()) {
      expectRefused(await deploy(digest), digest, kmsKey, reason);
    }
    const after = await read();
    expect(after.metadata.generation).toBe(before.metadata.generation);
    expect(after.spec.template.spec.containers[0]!.image).toBe(old);

    const ok = await deploy(signed);
    expect(outputsOf(ok)['rollout-status']).toBe('complete');
    expect((await read()).spec.template.spec.containers[0]!.image).toBe(image(signed));
  });

  it('gitops-bump refuses each unsigned shape with the head unchanged, and bumps to the signed image', { timeout: 120_000 }, async () => {
    const bare = join(dir, 'gitops.git');
    const work = join(dir, 'gitops-seed');
    const git = (args: string[], cwd?: string) => exec('git', args, { cwd, env: { PATH: process.env.PATH, HOME: dir } }).then((r) => r.stdout.trim());
    await git(['init', '--quiet', '--bare', '--initial-branch=main', bare]);
    await git(['clone', '--quiet', bare, work]);
    await mkdir(join(work, 'app'));
    await writeFile(join(work, 'app/kustomization.yaml'), `images:\n  - name: app\n    newName: ${localRegistry()}/${repository}\n    newTag: old\n`);
    await git(['add', '.'], work);
    await git(['-c', 'user.name=seed', '-c', 'user.email=seed@localhost', 'commit', '--quiet', '-m', 'seed'], work);
    await git(['push', '--quiet', 'origin', 'main'], work);
    const head = () => git(['--git-dir', bare, 'rev-parse', 'main']);
    const seeded = await head();
    // The public key given inline, as a workflow passes it from a variable.
    const pem = await readFile(signer.publicKey, 'utf8');
    const bump = (digest: string) =>
      runCli(['run', 'gitops-bump', '--repository', bare, '--files', 'app/kustomization.yaml', '--image-name', 'app', '--image', image(digest), '--service', 'app', '--environment', 'staging'], { GANTRY_REQUIRE_SIGNATURE: pem });
    for (const [, digest, reason] of refusals()) {
      expectRefused(await bump(digest), digest, 'the PEM key given inline', reason);
    }
    expect(await head()).toBe(seeded);
    const ok = await bump(signed);
    expect(outputsOf(ok).commit).toBe(await head());
  });

  it('needs the image by digest, refused before anything else', async () => {
    const run = await runCli(['run', 'deploy-ecs', '--aws-region', 'us-east-1', '--cluster', 'c', '--service', 's', '--image', `${localRegistry()}/${repository}:signed`, '--require-signature', signer.publicKey]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("input 'image': must be given by digest (repo@sha256:…) with require-signature");
    const badKey = await runCli(['run', 'deploy-ecs', '--aws-region', 'us-east-1', '--cluster', 'c', '--service', 's', '--image', image(signed), '--require-signature', join(dir, 'nope.pub')]);
    expect(badKey.code).toBe(1);
    expect(badKey.stderr).toContain("input 'require-signature': cannot read");
  });
});
