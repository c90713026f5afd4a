import { join } from 'node:path';
import { CreateRepositoryCommand } from '@aws-sdk/client-ecr';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { permissionPolicy, type Statement } from '../../src/generate/iam/policies.js';
import { resolvePipeline } from '../../src/pipeline/resolve.js';
import { APP, buildExampleBinary, countingProxy, ecrInAccount, localRegistry, outputsOf, plainRegistry, scratchDir, unique, type CountingProxy, type ProxiedRequest } from './image-path-support.js';
import { runCli } from './support.js';

/**
 * The IAM policies promote-from generates, against the AWS calls a real promotion makes: every request to the
 * emulator goes through a recording proxy (the counting proxy of the image tests), and each call signed by the job's credentials must be allowed to the
 * source environment's role, each signed by the chained session to the target environment's role.
 */
const SOURCE_ACCOUNT = '123456789012';
const TARGET_ACCOUNT = '210987654321';

/** The IAM action of a request to the emulator (JSON target or query Action) and the access key that signed it. */
function callOf(request: ProxiedRequest): { action: string; accessKey: string } {
  const authorization = request.headers.authorization ?? '';
  const amzTarget = request.headers['x-amz-target'];
  const service = /Credential=[^/]+\/\d+\/[^/]+\/([^/]+)\//.exec(authorization)?.[1];
  const action = typeof amzTarget === 'string' ? `ecr:${amzTarget.split('.')[1]}` : `${service}:${new URLSearchParams(request.body.toString()).get('Action')}`;
  return { action, accessKey: /Credential=([^/]+)\//.exec(authorization)?.[1] ?? '' };
}

let proxy: CountingProxy;
beforeAll(async () => {
  proxy = await countingProxy(new URL(inject('localEnv').AWS_ENDPOINT_URL!).host);
});
afterAll(async () => proxy?.close());

const actionsOf = (statements: readonly Statement[]) => statements.flatMap((s) => (typeof s.Action === 'string' ? [s.Action] : [...s.Action]));

describe('promote-from IAM, against the calls a promotion makes', () => {
  it("keeps the job's calls within the source role's policy and the chained calls within the target role's", { timeout: 300_000 }, async () => {
    const suffix = unique('iam');
    const pipeline = resolvePipeline({
      project: 'shop',
      repository: 'acme/shop',
      environments: [
        { name: 'staging', branch: 'main', account: SOURCE_ACCOUNT, region: 'us-east-1', role: 'shop-staging' },
        { name: 'production', 'promote-from': 'staging', account: TARGET_ACCOUNT, region: 'us-east-1', role: 'shop-production' },
      ],
      services: [{ name: 'api', repository: `gantry/{environment}-${suffix}/{service}`, deploy: { kind: 'ecs', cluster: 'c', service: 's' } }],
    });
    const [staging, production] = pipeline.environments as [(typeof pipeline.environments)[0], (typeof pipeline.environments)[0]];
    const promote = production.services[0]!.promote!.inputs;
    expect(promote['target-role-arn']).toBe(`arn:aws:iam::${TARGET_ACCOUNT}:role/shop-production`);

    // The staging image, pushed as the staging delivery would; the production repository, as its account has it.
    await buildExampleBinary();
    const dir = await scratchDir();
    const built = outputsOf(await runCli(['run', 'build', '--context', APP, '--image', 'gantry/it/promote-iam', '--oci-archive', join(dir, 'image.tar')]));
    const pushed = outputsOf(
      await runCli(['run', 'push', '--aws-region', 'us-east-1', '--repository', staging.services[0]!.repository, '--oci-archive', built['oci-archive']!, '--tags', 'v1', '--registry', localRegistry()]),
    );
    const targetEcr = await ecrInAccount(promote['target-role-arn']!);
    await targetEcr.send(new CreateRepositoryCommand({ repositoryName: production.services[0]!.repository }));
    const other = await plainRegistry();
    const jobKey = `AKIAGANTRYPROMOTE${suffix.slice(-8).toUpperCase()}`;
    try {
      const args = Object.entries({ ...promote, 'target-registry': other.host }).flatMap(([name, value]) => [`--${name}`, value]);
      const run = await runCli(['run', 'promote', ...args, '--source-image', pushed.image!, '--tags', 'build-1'], {
        AWS_ENDPOINT_URL: `http://${proxy.host}`,
        AWS_ACCESS_KEY_ID: jobKey,
        AWS_SECRET_ACCESS_KEY: 'test',
        AWS_ROLE_ARN: undefined,
        AWS_WEB_IDENTITY_TOKEN_FILE: undefined,
      });
      expect(outputsOf(run).digest).toBe(pushed.digest);
    } finally {
      await other.stop();
    }

    const calls = proxy.requests.map(callOf);
    const byJob = unique_(calls.filter((c) => c.accessKey === jobKey).map((c) => c.action));
    const byTarget = unique_(calls.filter((c) => c.accessKey !== jobKey).map((c) => c.action));
    expect(byJob).toEqual(expect.arrayContaining(['sts:AssumeRole', 'ecr:GetAuthorizationToken']));
    expect(byTarget).toEqual(expect.arrayContaining(['ecr:GetAuthorizationToken', 'ecr:DescribeRepositories', 'ecr:PutImage']));
    const sourceAllowed = actionsOf(permissionPolicy(staging, pipeline.environments).Statement);
    const targetAllowed = actionsOf(permissionPolicy(production, pipeline.environments).Statement);
    for (const action of byJob) expect(sourceAllowed, action).toContain(action);
    for (const action of byTarget) expect(targetAllowed, action).toContain(action);
    // The target role creates nothing.
    expect(targetAllowed).not.toContain('ecr:CreateRepository');
  });
});

function unique_<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
