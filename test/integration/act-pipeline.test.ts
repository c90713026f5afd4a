import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DescribeServicesCommand, DescribeTaskDefinitionCommand, ECSClient } from '@aws-sdk/client-ecs';
import { parse } from 'yaml';
import { afterAll, describe, expect, it, inject } from 'vitest';
import { localStackConfig } from '../../src/local/config.js';
import { kubeRequest, LOCAL_KUBE_DEPLOYMENT, LOCAL_KUBE_NAMESPACE } from '../../src/local/kube.js';

/** The delivery Gantry generates from examples/pipelines/local.yaml, committed next to it. */
const MODEL = 'examples/pipelines/local.yaml';
const WORKFLOW = 'examples/pipelines/local/.github/workflows/deliver.yml';
/** upload-sarif cannot be fetched here; act runs a stand-in from this folder at the pinned ref instead. */
const UPLOAD_SARIF = 'github/codeql-action@5d4e8d1aca955e8d8589aabd499c5cae939e33c7';
const SARIF_STAND_IN = 'test/fixtures/act/codeql-action';

const scratch = mkdtempSync(join(tmpdir(), 'gantry-act-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * Runs the generated workflow with act on this host (`-self-hosted`: no containers) as a push to main. Only PATH and
 * HOME are inherited: no AWS keys, so every job must get its credentials from the auth step.
 */
function act(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const event = join(scratch, 'push.json');
  writeFileSync(event, JSON.stringify({ ref: 'refs/heads/main', repository: { full_name: 'gantry-ci/gantry' } }));
  const args = [
    'push',
    '-e',
    event,
    '-W',
    WORKFLOW,
    '-P',
    'ubuntu-latest=-self-hosted',
    '--no-cache-server',
    '--local-repository',
    `${UPLOAD_SARIF}=${resolve(SARIF_STAND_IN)}`,
    ...Object.entries(env).flatMap(([k, v]) => ['--env', `${k}=${v}`]),
  ];
  return new Promise((done, reject) => {
    const child = spawn('act', args, { env: { PATH: process.env.PATH, HOME: process.env.HOME }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => done({ code, output }));
  });
}

/** `::set-output:: name=value` lines of one job, by act's job label (`images for ecs (app)`, `deploy app to ecs`). */
function outputsOf(output: string, job: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of output.split('\n')) {
    const match = /^\[deliver\/(.+?)\s*\]\s+⚙\s+::set-output:: ([\w-]+)=(.*)$/.exec(line);
    if (match && match[1] === job) values[match[2]!] = match[3]!;
  }
  return values;
}

describe('the generated delivery under act, against the loopback stack', () => {
  it('builds, scans and pushes per environment, and hands each deploy job its image by digest: ECS, EKS, GitOps', { timeout: 300_000 }, async () => {
    const local = inject('localEnv');
    // The model names the stack's default endpoints; a stack moved elsewhere would need a model of its own.
    const { env: modelEnv } = (parse(readFileSync(MODEL, 'utf8')) as { workflow: { env: Record<string, string> } }).workflow;
    expect(local.AWS_ENDPOINT_URL).toBe(modelEnv.AWS_ENDPOINT_URL);
    expect(local.GANTRY_REGISTRY).toBe(modelEnv.GANTRY_REGISTRY);

    const run = await act({ AWS_WEB_IDENTITY_TOKEN_FILE: local.AWS_WEB_IDENTITY_TOKEN_FILE!, GANTRY_GITOPS_REPO: local.GANTRY_GITOPS_REPO! });
    expect(run.code, run.output.slice(-3000)).toBe(0);
    const jobs = ['images for ecs (app)', 'images for eks (app)', 'images for gitops (app)', 'deploy app to ecs', 'deploy app to eks', 'deploy app to gitops'];
    for (const job of jobs) expect(run.output, job).toMatch(new RegExp(`\\[deliver/${job.replace(/[()]/g, '\\$&')}\\s*\\]\\s+🏁  Job succeeded`));

    // Each environment's image job pushed its image and recorded it, by digest, as the job output the deploy reads.
    const pushed: Record<string, string> = {};
    for (const env of ['ecs', 'eks', 'gitops']) {
      const images = outputsOf(run.output, `images for ${env} (app)`);
      expect(images.image, env).toMatch(new RegExp(`^${local.GANTRY_REGISTRY}/gantry/${env}/app@sha256:[0-9a-f]{64}$`));
      expect(images['image-app'], env).toBe(images.image);
      pushed[env] = images.image!;
      const [repository, digest] = images.image!.slice(`${local.GANTRY_REGISTRY}/`.length).split('@');
      const manifest = await fetch(`http://${local.GANTRY_REGISTRY}/v2/${repository}/manifests/${digest}`, {
        method: 'HEAD',
        headers: { accept: 'application/vnd.oci.image.manifest.v1+json' },
      });
      expect(manifest.headers.get('docker-content-digest'), env).toBe(digest);
    }
    // The scan's SARIF reached the upload step (its stand-in checks the file is SARIF).
    expect(run.output).toMatch(/\| sarif=gantry-app \S+\.sarif/);

    // ECS: the service completed a rollout of a new revision that runs the image by digest.
    const ecsDeploy = outputsOf(run.output, 'deploy app to ecs');
    expect(ecsDeploy['rollout-state']).toBe('COMPLETED');
    const ecs = new ECSClient({ region: 'us-east-1', endpoint: local.AWS_ENDPOINT_URL, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    const [service] = (await ecs.send(new DescribeServicesCommand({ cluster: 'gantry-local', services: ['example-app'] }))).services ?? [];
    expect(service?.deployments?.[0]?.rolloutState).toBe('COMPLETED');
    expect(service?.taskDefinition).toBe(ecsDeploy['task-definition-arn']);
    const { taskDefinition } = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: ecsDeploy['task-definition-arn'] }));
    expect(taskDefinition?.containerDefinitions?.map((c) => c.image)).toContain(pushed.ecs);

    // EKS: the Deployment rolled out the eks image, through the token webhook of the local control plane.
    expect(outputsOf(run.output, 'deploy app to eks')['rollout-status']).toBe('complete');
    const deployment = await kubeRequest(localStackConfig(), 'GET', `/apis/apps/v1/namespaces/${LOCAL_KUBE_NAMESPACE}/deployments/${LOCAL_KUBE_DEPLOYMENT}`);
    const spec = (JSON.parse(deployment.body) as { spec: { template: { spec: { containers: { image: string }[] } } } }).spec;
    expect(spec.template.spec.containers[0]!.image).toBe(pushed.eks);

    // GitOps: the bump is a commit of the repository whose overlay names the gitops image's digest.
    const commit = outputsOf(run.output, 'deploy app to gitops').commit;
    expect(commit).toMatch(/^[0-9a-f]{40}$/);
    const overlay = execFileSync('git', ['--git-dir', local.GANTRY_GITOPS_REPO!, 'show', `${commit}:apps/example/overlays/staging/kustomization.yaml`], { encoding: 'utf8' });
    expect(overlay).toContain(pushed.gitops!.split('@')[1]);

    // act shows what the runner would: the session credentials and the OIDC token only as ***.
    const token = readFileSync(local.AWS_WEB_IDENTITY_TOKEN_FILE!, 'utf8').trim();
    expect(run.output).not.toContain(token);
    expect(run.output).toMatch(/::set-env:: AWS_SECRET_ACCESS_KEY=\*\*\*/);
    expect(run.output).not.toMatch(/AWS_(SECRET_ACCESS_KEY|SESSION_TOKEN)=(?!\*\*\*)/);
  });
});
