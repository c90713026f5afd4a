import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeServicesCommand, DescribeTaskDefinitionCommand, ECSClient } from '@aws-sdk/client-ecs';
import { afterAll, describe, expect, it, inject } from 'vitest';
import { localStackConfig } from '../../src/local/config.js';
import { kubeRequest, LOCAL_KUBE_DEPLOYMENT, LOCAL_KUBE_NAMESPACE } from '../../src/local/kube.js';
import { actOutputsOf, deliveryWorkflow, runAct } from './act-support.js';

const scratch = mkdtempSync(join(tmpdir(), 'gantry-act-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the generated delivery under act, against the loopback stack', () => {
  it('builds, scans and pushes per environment, and hands each deploy job its image by digest: ECS, EKS, GitOps', { timeout: 300_000 }, async () => {
    const local = inject('localEnv');
    const workflow = await deliveryWorkflow(local, scratch);
    const run = await runAct(workflow, { AWS_WEB_IDENTITY_TOKEN_FILE: local.AWS_WEB_IDENTITY_TOKEN_FILE!, GANTRY_GITOPS_REPO: local.GANTRY_GITOPS_REPO! }, { scratch });
    expect(run.code, run.output.slice(-3000)).toBe(0);
    const jobs = ['images for ecs (app)', 'images for eks (app)', 'images for gitops (app)', 'deploy app to ecs', 'deploy app to eks', 'deploy app to gitops'];
    for (const job of jobs) expect(run.output, job).toMatch(new RegExp(`\\[deliver/${job.replace(/[()]/g, '\\$&')}\\s*\\]\\s+🏁  Job succeeded`));

    // Each environment's image job pushed its image and recorded it, by digest, as the job output the deploy reads.
    const pushed: Record<string, string> = {};
    for (const env of ['ecs', 'eks', 'gitops']) {
      const images = actOutputsOf(run.output, `images for ${env} (app)`);
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

    // ECS: the service completed a rollout of a revision that runs the image by digest (UNCHANGED: the service already
    // ran it, e.g. after another run of this commit's reproducible image on the same stack).
    const ecsDeploy = actOutputsOf(run.output, 'deploy app to ecs');
    expect(['COMPLETED', 'UNCHANGED']).toContain(ecsDeploy['rollout-state']);
    const ecs = new ECSClient({ region: 'us-east-1', endpoint: local.AWS_ENDPOINT_URL, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    const [service] = (await ecs.send(new DescribeServicesCommand({ cluster: 'gantry-local', services: ['example-app'] }))).services ?? [];
    expect(service?.deployments?.[0]?.rolloutState).toBe('COMPLETED');
    expect(service?.taskDefinition).toBe(ecsDeploy['task-definition-arn']);
    const { taskDefinition } = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: ecsDeploy['task-definition-arn'] }));
    expect(taskDefinition?.containerDefinitions?.map((c) => c.image)).toContain(pushed.ecs);

    // EKS: the Deployment rolled out the eks image, through the token webhook of the local control plane.
    expect(actOutputsOf(run.output, 'deploy app to eks')['rollout-status']).toBe('complete');
    const deployment = await kubeRequest(localStackConfig(), 'GET', `/apis/apps/v1/namespaces/${LOCAL_KUBE_NAMESPACE}/deployments/${LOCAL_KUBE_DEPLOYMENT}`);
    const spec = (JSON.parse(deployment.body) as { spec: { template: { spec: { containers: { image: string }[] } } } }).spec;
    expect(spec.template.spec.containers[0]!.image).toBe(pushed.eks);

    // GitOps: the bump is a commit of the repository whose overlay names the gitops image's digest.
    const commit = actOutputsOf(run.output, 'deploy app to gitops').commit;
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
