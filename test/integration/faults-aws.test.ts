import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeImagesCommand, DescribeRepositoriesCommand } from '@aws-sdk/client-ecr';
import { describe, test } from 'vitest';
import { fault, startFaultProxy, type Fault, type FaultMatch, type FaultProxy } from './fault-proxy.js';
import { expectTagComplete, SHORT_TIMEOUT_SECONDS, tinyImage } from './faults-support.js';
import { ecrClient, localRegistry, unique } from './image-path-support.js';
import { parseExports, runCli, stackEnv } from './support.js';

// STS (the auth stage) and the ECR API (the push stage) answered by the emulator through the fault proxy.

/** STS speaks the query protocol: its errors are XML. */
const stsError = (status: number, code: string): Fault => ({
  kind: 'status',
  status,
  headers: { 'content-type': 'text/xml' },
  body: `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Receiver</Type><Code>${code}</Code><Message>injected by the fault proxy</Message></Error><RequestId>fault-proxy</RequestId></ErrorResponse>`,
});

async function throughEmulator<T>(match: FaultMatch, faults: readonly Fault[], run: (proxy: FaultProxy) => Promise<T>): Promise<T & { proxy: FaultProxy }> {
  const proxy = await startFaultProxy({ upstream: stackEnv().AWS_ENDPOINT_URL! });
  proxy.inject(match, ...faults);
  try {
    return { ...(await run(proxy)), proxy };
  } finally {
    await proxy.stop();
  }
}

async function auth(match: FaultMatch, faults: readonly Fault[]) {
  const exportsFile = join(await mkdtemp(join(tmpdir(), 'gantry-faults-auth-')), 'session.env');
  return throughEmulator(match, faults, async (proxy) => ({
    exportsFile,
    run: await runCli(['run', 'auth', '--exports-file', exportsFile], { AWS_ENDPOINT_URL: proxy.url, GANTRY_REQUEST_TIMEOUT_SECONDS: SHORT_TIMEOUT_SECONDS }),
  }));
}

const ASSUME: FaultMatch = { operation: 'AssumeRoleWithWebIdentity' };

describe.concurrent('auth under STS faults', () => {
  test.for([
    ['a 503 burst', [stsError(503, 'ServiceUnavailable'), stsError(503, 'ServiceUnavailable'), stsError(503, 'ServiceUnavailable')]],
    ['throttling', [stsError(400, 'Throttling'), stsError(400, 'Throttling')]],
    ['a 429 with Retry-After', [{ ...stsError(429, 'TooManyRequests'), retryAfter: '1' } as Fault]],
    ['a reset mid-answer', [fault.reset]],
    ['an answer that breaks off', [fault.truncate, fault.truncate]],
    ['an answer that stalls past the request timeout', [fault.stall]],
  ] as const)('%s: the stage exports complete credentials', async ([, faults], { expect }) => {
    const { run, exportsFile, proxy } = await auth(ASSUME, faults);
    expect(run.stderr).not.toContain('auth failed');
    expect(run.code, run.stderr).toBe(0);
    expect(proxy.pending()).toBe(0);
    expect(proxy.log.filter((e) => e.operation === 'AssumeRoleWithWebIdentity')).toHaveLength(faults.length + 1);
    const session = parseExports(await readFile(exportsFile, 'utf8'));
    expect(session.AWS_ACCESS_KEY_ID).toMatch(/^\w{16,}$/);
    expect(session.AWS_SECRET_ACCESS_KEY).toBeTruthy();
    expect(session.AWS_SESSION_TOKEN).toBeTruthy();
  });

  test('STS unavailable for longer than the attempts: the stage fails naming the call and the cause, exporting nothing', async ({ expect }) => {
    const { run, exportsFile, proxy } = await auth(ASSUME, Array(5).fill(stsError(503, 'ServiceUnavailable')));
    expect(run.code).toBe(1);
    expect(proxy.served()).toEqual(['503', '503', '503', '503', '503']);
    expect(run.stderr).toMatch(/auth failed: AssumeRoleWithWebIdentity arn:aws:iam::\d+:role\/[\w-]+: ServiceUnavailable: injected by the fault proxy/);
    await expect(readFile(exportsFile, 'utf8')).rejects.toThrow(/ENOENT/);
  });
});

async function push(match: FaultMatch, faults: readonly Fault[]) {
  const image = await tinyImage();
  const repository = `gantry/faults/${unique('ecr')}`;
  return throughEmulator(match, faults, async (proxy) => ({
    image,
    repository,
    run: await runCli(
      ['run', 'push', '--aws-region', 'us-east-1', '--repository', repository, '--oci-archive', image.archive, '--tags', 'v1', '--registry', localRegistry()],
      { AWS_ENDPOINT_URL: proxy.url, GANTRY_REQUEST_TIMEOUT_SECONDS: SHORT_TIMEOUT_SECONDS },
    ),
  }));
}

describe.concurrent('push under ECR API faults', () => {
  test.for([
    ['DescribeRepositories throttled', 'DescribeRepositories', [fault.awsJson(400, 'ThrottlingException', 'Rate exceeded'), fault.awsJson(400, 'ThrottlingException', 'Rate exceeded')]],
    ['CreateRepository reset after the repository was made', 'CreateRepository', [fault.reset]],
    ['GetAuthorizationToken broken off', 'GetAuthorizationToken', [fault.truncate]],
    ['GetAuthorizationToken stalled', 'GetAuthorizationToken', [fault.stall]],
    ['PutImage 503 then reset after the image was recorded', 'PutImage', [fault.awsJson(503, 'ServerException', 'Service Unavailable'), fault.reset]],
  ] as const)('%s: the push completes, in the registry and in ECR', async ([, operation, faults], { expect }) => {
    const { run, image, repository, proxy } = await push({ operation }, faults);
    expect(run.stderr).not.toContain('push failed');
    expect(run.code, run.stderr).toBe(0);
    expect(proxy.pending()).toBe(0);
    expect(await expectTagComplete(localRegistry(), repository, 'v1')).toBe(image.digest);
    const ecr = ecrClient();
    expect((await ecr.send(new DescribeRepositoriesCommand({ repositoryNames: [repository] }))).repositories).toHaveLength(1);
    const images = (await ecr.send(new DescribeImagesCommand({ repositoryName: repository }))).imageDetails ?? [];
    expect(images.map((i) => [i.imageDigest, i.imageTags])).toEqual([[image.digest, ['v1']]]);
  });

  test('AccessDenied on CreateRepository fails at once with the remedy, and nothing is pushed', async ({ expect }) => {
    const denied = fault.awsJson(400, 'AccessDeniedException', 'User: arn:aws:sts::123456789012:assumed-role/gantry-deploy/ci is not authorized to perform: ecr:CreateRepository');
    const { run, repository, proxy } = await push({ operation: 'CreateRepository' }, [denied]);
    expect(run.code).toBe(1);
    expect(proxy.served()).toEqual(['400']);
    expect(run.stderr).toContain(`push failed: CreateRepository ${repository}: AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/gantry-deploy/ci is not authorized`);
    expect(run.stderr).toContain('Remedy: the role lacks a permission');
    expect(await expectTagComplete(localRegistry(), repository, 'v1')).toBeUndefined();
  });
});
