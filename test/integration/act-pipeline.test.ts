import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DescribeServicesCommand, ECSClient } from '@aws-sdk/client-ecs';
import { describe, expect, it, inject } from 'vitest';
import { localStackConfig } from '../../src/local/config.js';
import { kubeRequest, LOCAL_KUBE_DEPLOYMENT, LOCAL_KUBE_NAMESPACE } from '../../src/local/kube.js';
import { stackEnv } from './support.js';

const WORKFLOW = 'test/fixtures/act/pipeline.yml';

/** Runs a workflow with act on this host (`-self-hosted`: no containers), the stack's settings as its env. */
function act(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const args = ['push', '-W', WORKFLOW, '-P', 'ubuntu-latest=-self-hosted', '--no-cache-server', ...Object.entries(env).flatMap(([k, v]) => ['--env', `${k}=${v}`])];
  return new Promise((resolve, reject) => {
    const child = spawn('act', args, { env: stackEnv({ AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined }), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('the actions in a runner: the example pipeline under act', () => {
  it('authenticates, builds, scans, pushes, deploys to ECS and EKS and bumps GitOps, passing outputs between steps', { timeout: 300_000 }, async () => {
    const local = inject('localEnv');
    const repository = `gantry/act/example-app-${randomBytes(3).toString('hex')}`;
    const run = await act({
      AWS_ENDPOINT_URL: local.AWS_ENDPOINT_URL!,
      AWS_ROLE_ARN: local.AWS_ROLE_ARN!,
      AWS_WEB_IDENTITY_TOKEN_FILE: local.AWS_WEB_IDENTITY_TOKEN_FILE!,
      GANTRY_REGISTRY: local.GANTRY_REGISTRY!,
      GANTRY_GITOPS_REPO: local.GANTRY_GITOPS_REPO!,
      PIPELINE_REPOSITORY: repository,
    });
    expect(run.output).toContain('🏁  Job succeeded');
    expect(run.code, run.output.slice(-3000)).toBe(0);

    const pushed = /\| pushed=(\S+)/.exec(run.output)?.[1];
    expect(pushed).toMatch(new RegExp(`^${local.GANTRY_REGISTRY}/${repository}@sha256:[0-9a-f]{64}$`));
    const digest = pushed!.split('@')[1]!;
    // The registry holds the manifest the push step reported.
    const manifest = await fetch(`http://${local.GANTRY_REGISTRY}/v2/${repository}/manifests/${digest}`, {
      method: 'HEAD',
      headers: { accept: 'application/vnd.oci.image.manifest.v1+json' },
    });
    expect(manifest.headers.get('docker-content-digest')).toBe(digest);

    // The ECS service runs the image by digest, and the GitOps overlay names it.
    expect(run.output).toMatch(/\| deployed=arn:aws:ecs:us-east-1:123456789012:task-definition\/example-app:\d+ COMPLETED/);
    const ecs = new ECSClient({ region: 'us-east-1', endpoint: local.AWS_ENDPOINT_URL, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    const [service] = (await ecs.send(new DescribeServicesCommand({ cluster: 'gantry-local', services: ['example-app'] }))).services ?? [];
    expect(service?.deployments?.[0]?.rolloutState).toBe('COMPLETED');
    // The EKS Deployment rolled out the same image, through the token webhook of the local control plane.
    expect(run.output).toMatch(/\| eks=\d+ complete/);
    const deployment = await kubeRequest(localStackConfig(), 'GET', `/apis/apps/v1/namespaces/${LOCAL_KUBE_NAMESPACE}/deployments/${LOCAL_KUBE_DEPLOYMENT}`);
    const spec = (JSON.parse(deployment.body) as { spec: { template: { spec: { containers: { image: string }[] } } } }).spec;
    expect(spec.template.spec.containers[0]!.image).toBe(pushed);
    expect(run.output).toMatch(/\| bumped=[0-9a-f]{40}/);

    // act shows what the runner would: the session credentials and the OIDC token only as ***.
    const token = readFileSync(local.AWS_WEB_IDENTITY_TOKEN_FILE!, 'utf8').trim();
    expect(run.output).not.toContain(token);
    expect(run.output).toMatch(/::set-env:: AWS_SECRET_ACCESS_KEY=\*\*\*/);
    expect(run.output).not.toMatch(/AWS_SESSION_TOKEN=(?!\*\*\*)/);
  });
});
