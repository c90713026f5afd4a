import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { CloudFrontClient, ListInvalidationsCommand } from '@aws-sdk/client-cloudfront';
import { DescribeRepositoriesCommand, ECRClient, ListImagesCommand } from '@aws-sdk/client-ecr';
import { DescribeServicesCommand, ECSClient, ListTaskDefinitionsCommand } from '@aws-sdk/client-ecs';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { inject } from 'vitest';
import { MEDIA_TYPES } from '../../src/oci/archive.js';
import { localStackConfig } from '../../src/local/config.js';
import { emulatorClientConfig } from '../../src/local/moto.js';
import { kubeRequest, LOCAL_KUBE_DEPLOYMENT, LOCAL_KUBE_NAMESPACE } from '../../src/local/kube.js';

const exec = promisify(execFile);

/** Clients of the emulator with its test keys, as the stack's owner (not a pipeline) would look. */
const emulator = () => emulatorClientConfig(localStackConfig());

/**
 * What a pipeline could change on the loopback stack, as plain data to compare: every task-definition revision and
 * what the ECS service runs, every ECR repository with its images and tags, the OCI registry's repositories and the
 * digest each tag names (a signature added to a `sha256-<hex>.sig` tag changes its digest, not the tag list), the
 * `watch`ed manifests' presence (a manifest put by digest shows in no tag list), the Deployment's generation and
 * images, every ref of the GitOps repository, the site bucket's keys and ETags and the distribution's invalidations,
 * and the requests a webhook receiver got.
 */
export async function stackSnapshot(receiver?: { requests: readonly string[] }, watch: readonly { repository: string; digest: string }[] = []): Promise<Record<string, unknown>> {
  const env = inject('localEnv');
  const ecs = new ECSClient(emulator());
  const taskDefinitions = (await ecs.send(new ListTaskDefinitionsCommand({ status: 'ACTIVE', maxResults: 100 }))).taskDefinitionArns ?? [];
  const services = (await ecs.send(new DescribeServicesCommand({ cluster: 'gantry-local', services: ['example-app'] }))).services ?? [];

  const ecr = new ECRClient(emulator());
  const ecrRepositories: Record<string, string[]> = {};
  for (const repository of (await ecr.send(new DescribeRepositoriesCommand({}))).repositories ?? []) {
    const images = (await ecr.send(new ListImagesCommand({ repositoryName: repository.repositoryName }))).imageIds ?? [];
    ecrRepositories[repository.repositoryName!] = images.map((id) => `${id.imageDigest}:${id.imageTag ?? ''}`).sort();
  }

  const manifestDigest = async (repository: string, reference: string) => {
    const response = await fetch(`http://${env.GANTRY_REGISTRY}/v2/${repository}/manifests/${reference}`, { method: 'HEAD', headers: { accept: Object.values(MEDIA_TYPES).join(', ') } });
    return response.status === 200 ? response.headers.get('docker-content-digest') : `HTTP ${response.status}`;
  };
  const registry: Record<string, unknown> = {};
  const catalog = (await (await fetch(`http://${env.GANTRY_REGISTRY}/v2/_catalog?n=1000`)).json()) as { repositories?: string[] };
  for (const repository of catalog.repositories ?? []) {
    const tags = (await (await fetch(`http://${env.GANTRY_REGISTRY}/v2/${repository}/tags/list`)).json()) as { tags?: string[] | null };
    const sorted = [...(tags.tags ?? [])].sort();
    registry[repository] = Object.fromEntries(await Promise.all(sorted.map(async (tag) => [tag, await manifestDigest(repository, tag)] as const)));
  }
  const watched = Object.fromEntries(await Promise.all(watch.map(async ({ repository, digest }) => [`${repository}@${digest}`, await manifestDigest(repository, digest)] as const)));

  const deployment = await kubeRequest(localStackConfig(), 'GET', `/apis/apps/v1/namespaces/${LOCAL_KUBE_NAMESPACE}/deployments/${LOCAL_KUBE_DEPLOYMENT}`);
  const workload = JSON.parse(deployment.body) as { metadata: { generation: number }; spec: { template: { spec: { containers: { image: string }[] } } } };

  const refs = (await exec('git', ['--git-dir', env.GANTRY_GITOPS_REPO!, 'for-each-ref', '--format=%(refname) %(objectname)'])).stdout.trim().split('\n');

  const s3 = new S3Client({ ...emulator(), forcePathStyle: true });
  const objects = (await s3.send(new ListObjectsV2Command({ Bucket: env.GANTRY_SITE_BUCKET! }))).Contents ?? [];
  const cloudfront = new CloudFrontClient(emulator());
  const invalidations = env.GANTRY_SITE_DISTRIBUTION_ID
    ? ((await cloudfront.send(new ListInvalidationsCommand({ DistributionId: env.GANTRY_SITE_DISTRIBUTION_ID }))).InvalidationList?.Items ?? []).map((i) => i.Id)
    : [];

  return {
    taskDefinitions: [...taskDefinitions].sort(),
    service: services.map((s) => ({ taskDefinition: s.taskDefinition, desiredCount: s.desiredCount, deployments: s.deployments?.map((d) => d.id) })),
    ecrRepositories,
    registry,
    watched,
    deployment: { status: deployment.status, generation: workload.metadata?.generation, images: workload.spec?.template.spec.containers.map((c) => c.image) },
    gitopsRefs: refs,
    bucket: Object.fromEntries(objects.map((o) => [o.Key, o.ETag])),
    invalidations,
    webhookRequests: receiver ? [...receiver.requests] : [],
  };
}

/** A loopback receiver that answers 200 to anything and records each request (method, path and body). */
export async function recordingReceiver() {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      requests.push(`${req.method} ${req.url} ${body}`);
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, requests, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
