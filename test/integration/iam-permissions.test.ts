import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudFrontClient, CreateDistributionCommand } from '@aws-sdk/client-cloudfront';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, inject, it } from 'vitest';
import { permissionPolicy } from '../../src/generate/iam/policies.js';
import { resolvePipeline } from '../../src/pipeline/resolve.js';
import { createTestService, DIGEST, emulatorEcs } from '../fixtures/ecs/emulator.js';
import { APP, buildExampleBinary } from './image-path-support.js';
import { runCli } from './support.js';

/**
 * The generated permission policy against the calls the stages really make: the emulator records every request of
 * one delivery (push, deploy with a one-off task, the EKS lookup, a static site), and each must be an action the
 * policy of that model allows. The runs sign with an access key of their own, so other tests' calls don't count.
 */

const REGION = 'us-east-1';
const ACCOUNT = '123456789012';
const endpoint = () => inject('localEnv').AWS_ENDPOINT_URL!;

interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly body_encoded: boolean;
}

async function recorder(action: 'start-recording' | 'stop-recording' | 'reset-recording') {
  const response = await fetch(`${endpoint()}/moto-api/recorder/${action}`, { method: 'POST' });
  expect(response.ok, action).toBe(true);
}

async function recording(): Promise<RecordedRequest[]> {
  const text = await (await fetch(`${endpoint()}/moto-api/recorder/download-recording`)).text();
  return text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as RecordedRequest);
}

const header = (request: RecordedRequest, name: string) => Object.entries(request.headers).find(([key]) => key.toLowerCase() === name)?.[1];

/** The IAM action a recorded request needs, by its protocol: JSON target, query Action, or REST path. */
export function iamActionOf(request: RecordedRequest): string {
  const target = header(request, 'x-amz-target');
  if (target) {
    const [service, operation] = target.split('.') as [string, string];
    if (service.startsWith('AmazonEC2ContainerServiceV')) return `ecs:${operation}`;
    if (service.startsWith('AmazonEC2ContainerRegistry')) return `ecr:${operation}`;
    return `${service}:${operation}`;
  }
  const body = request.body_encoded ? Buffer.from(request.body, 'base64').toString() : request.body;
  const query = new URLSearchParams(body).get('Action');
  const url = new URL(request.url);
  if (query) return `${url.host.split('.')[0]}:${query}`;
  const path = url.pathname;
  if (path.startsWith('/clusters/')) return request.method === 'GET' ? 'eks:DescribeCluster' : `eks:${request.method} ${path}`;
  if (path.startsWith('/2020-05-31/distribution/')) {
    if (path.endsWith('/invalidation')) return 'cloudfront:CreateInvalidation';
    if (path.includes('/invalidation/')) return 'cloudfront:GetInvalidation';
    return 'cloudfront:GetDistribution';
  }
  // S3, path style: /bucket or /bucket/key.
  const params = url.searchParams;
  const key = path.split('/').slice(2).join('/');
  if (!key) {
    if (request.method === 'POST' && params.has('delete')) return 's3:DeleteObject';
    if (request.method === 'HEAD' || request.method === 'GET') return 's3:ListBucket';
  } else {
    if (request.method === 'DELETE' && params.has('uploadId')) return 's3:AbortMultipartUpload';
    if (request.method === 'PUT' || request.method === 'POST') return 's3:PutObject';
    if (request.method === 'DELETE') return 's3:DeleteObject';
    if (request.method === 'HEAD' || request.method === 'GET') return 's3:GetObject';
  }
  return `unknown:${request.method} ${path}`;
}

describe('generated permission policies, against the calls the stages make', () => {
  it('allow every AWS call of a delivery to ECS, EKS and a static site, and nothing of a service it does not use', { timeout: 240_000 }, async () => {
    const suffix = randomBytes(4).toString('hex');
    const accessKey = `AKIAGANTRYIAM${suffix.toUpperCase()}`;
    const config = { region: REGION, endpoint: endpoint(), credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, forcePathStyle: true };
    const ecsTarget = await createTestService(emulatorEcs(), 'iam');
    const bucket = `gantry-iam-${suffix}`;
    await new S3Client(config).send(new CreateBucketCommand({ Bucket: bucket }));
    const { Distribution } = await new CloudFrontClient(config).send(
      new CreateDistributionCommand({
        DistributionConfig: {
          CallerReference: bucket,
          Comment: bucket,
          Enabled: true,
          Origins: { Quantity: 1, Items: [{ Id: 'site', DomainName: `${bucket}.s3.${REGION}.amazonaws.com`, OriginPath: '/www', S3OriginConfig: { OriginAccessIdentity: '' } }] },
          DefaultCacheBehavior: { TargetOriginId: 'site', ViewerProtocolPolicy: 'redirect-to-https', ForwardedValues: { QueryString: false, Cookies: { Forward: 'none' } }, MinTTL: 0 },
        },
      }),
    );
    const site = await mkdtemp(join(tmpdir(), 'gantry-iam-site-'));
    await mkdir(join(site, 'docs'));
    await writeFile(join(site, 'index.html'), '<html>one</html>');
    await writeFile(join(site, 'docs', 'index.html'), '<html>docs</html>');

    const pipeline = resolvePipeline({
      project: 'shop',
      repository: 'acme/shop',
      environments: [{ name: 'production', branch: 'main', account: ACCOUNT, region: REGION, role: 'shop-delivery' }],
      services: [
        { name: 'api', repository: `gantry/iam-${suffix}`, deploy: { kind: 'ecs', cluster: ecsTarget.cluster, service: ecsTarget.service } },
        { name: 'web', repository: `gantry/iam-web-${suffix}`, deploy: { kind: 'eks', cluster: 'gantry-local', namespace: 'example', workload: 'deployment/example-app' } },
      ],
      frontend: { 'source-dir': site, bucket, prefix: 'www', 'distribution-id': Distribution!.Id! },
    });
    const allowed = permissionPolicy(pipeline.environments[0]!).Statement.flatMap((s) => (typeof s.Action === 'string' ? [s.Action] : [...s.Action]));

    const env = { AWS_ACCESS_KEY_ID: accessKey, AWS_SECRET_ACCESS_KEY: 'test', AWS_ROLE_ARN: undefined, AWS_WEB_IDENTITY_TOKEN_FILE: undefined };
    await buildExampleBinary();
    const archive = join(site, '..', `iam-${suffix}.tar`);
    const build = await runCli(['run', 'build', '--context', APP, '--image', `gantry/iam-${suffix}`, '--oci-archive', archive], env);
    expect(build.code, build.stderr).toBe(0);
    await recorder('start-recording');
    try {
      // ECR's side of a push: the repository ensured and configured, a login token; the layers go to the local registry.
      const push = await runCli(['run', 'push', '--aws-region', REGION, '--repository', `gantry/iam-${suffix}`, '--oci-archive', archive, '--registry', inject('localEnv').GANTRY_REGISTRY!], env);
      expect(push.code, push.stderr).toBe(0);
      const deploy = await runCli(
        ['run', 'deploy-ecs', '--aws-region', REGION, '--cluster', ecsTarget.cluster, '--service', ecsTarget.service, '--image', `127.0.0.1:5000/gantry/app@${DIGEST}`,
          '--poll-seconds', '0.25', '--pre-deploy-task-command', 'migrate'],
        env,
      );
      expect(deploy.code, deploy.stderr).toBe(0);
      const eks = await runCli(['run', 'deploy-eks', '--aws-region', REGION, '--cluster', 'gantry-local', '--namespace', 'example', '--workload', `deployment/absent-${suffix}`, '--image', `127.0.0.1:5000/gantry/app@${DIGEST}`], env);
      // Only the AWS side counts here (DescribeCluster, the token): the cluster does not map this throwaway identity.
      expect(eks.stderr).toContain('deploy-eks failed');
      const publish = await runCli(['run', 'publish-static', '--aws-region', REGION, '--source-dir', site, '--bucket', bucket, '--prefix', 'www', '--distribution-id', Distribution!.Id!, '--poll-seconds', '0.5'], env);
      expect(publish.code, publish.stderr).toBe(0);
      await writeFile(join(site, 'index.html'), '<html>two</html>');
      const again = await runCli(['run', 'publish-static', '--aws-region', REGION, '--source-dir', site, '--bucket', bucket, '--prefix', 'www', '--distribution-id', Distribution!.Id!, '--poll-seconds', '0.5'], env);
      expect(again.code, again.stderr).toBe(0);
    } finally {
      await recorder('stop-recording');
    }

    const ours = (await recording()).filter((request) => header(request, 'authorization')?.includes(`Credential=${accessKey}/`));
    const called = [...new Set(ours.map(iamActionOf))].sort();
    // The stages did reach every service the model uses.
    for (const prefix of ['ecr:', 'ecs:', 'eks:', 's3:', 'cloudfront:']) expect(called.some((a) => a.startsWith(prefix)), prefix).toBe(true);
    expect(called).toContain('ecs:RunTask');
    expect(called).toContain('cloudfront:CreateInvalidation');
    // The STS identity check of the EKS token is not an IAM permission of the role.
    const needed = called.filter((action) => action !== 'sts:GetCallerIdentity');
    expect(needed.filter((action) => !allowed.includes(action))).toEqual([]);
  });
});
