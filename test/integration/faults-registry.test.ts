import { describe, test } from 'vitest';
import { fault, startFaultProxy, type Fault, type FaultMatch } from './fault-proxy.js';
import { expectTagComplete, SHORT_TIMEOUT_SECONDS, tinyImage } from './faults-support.js';
import { localRegistry, unique } from './image-path-support.js';
import { runCli } from './support.js';

// The push stage against the real docker-registry, through the fault proxy; the ECR API calls go to the emulator
// directly. After every run, fault or not: the tag is absent or names a manifest whose blobs the registry has.
const BLOB_UPLOAD: FaultMatch = { method: 'POST', path: /\/blobs\/uploads\/$/ };
const BLOB_PUT: FaultMatch = { method: 'PUT', path: /\/blobs\/uploads\// };
const BLOB_HEAD: FaultMatch = { method: 'HEAD', path: /\/blobs\/sha256:/ };
const TAG_PUT: FaultMatch = { method: 'PUT', path: /\/manifests\/v1$/ };

async function pushThrough(match: FaultMatch, faults: Fault[]) {
  const image = await tinyImage();
  const repository = `gantry/faults/${unique('registry')}`;
  const proxy = await startFaultProxy({ upstream: `http://${localRegistry()}` });
  proxy.inject(match, ...faults);
  try {
    const run = await runCli(
      ['run', 'push', '--aws-region', 'us-east-1', '--repository', repository, '--oci-archive', image.archive, '--tags', 'v1', '--registry', proxy.host],
      { GANTRY_REQUEST_TIMEOUT_SECONDS: SHORT_TIMEOUT_SECONDS },
    );
    return { run, image, repository, proxy };
  } finally {
    await proxy.stop();
  }
}

describe.concurrent('push under registry faults', () => {
  test.for([
    ['a 503 burst on starting uploads', BLOB_UPLOAD, [fault.status(503), fault.status(503), fault.status(503)], /HTTP 503.*retrying in \d+ ms \(attempt 2 of 4\)/],
    ['429s with Retry-After on the tag', TAG_PUT, [fault.status(429, '1'), fault.status(429, '1')], /HTTP 429.*retrying in \d+ ms as Retry-After asked/],
    ['429s with an HTTP-date Retry-After', BLOB_HEAD, [fault.status(429, new Date(Date.now() + 1000).toUTCString())], /HTTP 429.*as Retry-After asked/],
    ['a reset after the registry stored the blob', BLOB_PUT, [fault.reset], /PUT 127\.0\.0\.1:\d+\/v2\/.*: .*retrying/],
    ['a reset after the registry stored the tag', TAG_PUT, [fault.reset], /PUT manifest v1: .*retrying/],
    ['a HEAD that stalls past the request timeout', BLOB_HEAD, [fault.stall], /HEAD blob \w+: HEAD .*: no answer within [\d.]+ s; retrying/],
  ] as const)('%s: the push completes and the tag names a complete image', async ([, match, faults, logged], { expect }) => {
    const { run, image, repository, proxy } = await pushThrough(match, [...faults]);
    expect(run.stderr).not.toContain('push failed');
    expect(run.code, run.stderr).toBe(0);
    expect(proxy.pending()).toBe(0);
    expect(run.stderr).toMatch(logged);
    expect(run.stdout).toContain(`digest=${image.digest}`);
    expect(await expectTagComplete(localRegistry(), repository, 'v1')).toBe(image.digest);
  });

  test('a 503 burst longer than the attempts fails naming the call, and leaves no tag behind', async ({ expect }) => {
    const { run, repository, proxy } = await pushThrough(TAG_PUT, Array(4).fill(fault.status(503, undefined, '{"errors":[{"code":"UNAVAILABLE","message":"down for maintenance"}]}')));
    expect(run.code).toBe(1);
    expect(proxy.served()).toEqual(['503', '503', '503', '503']);
    expect(run.stderr).toContain(`push failed: PUT manifest v1: HTTP 503 (UNAVAILABLE: down for maintenance)`);
    // The blobs and the manifest by digest went up; the tag, which failed, points at nothing.
    expect(await expectTagComplete(localRegistry(), repository, 'v1')).toBeUndefined();
  });

  test('a registry that keeps stalling fails within the bound, naming the timeout', async ({ expect }) => {
    const { run, repository } = await pushThrough(BLOB_HEAD, Array(4).fill(fault.stall));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/push failed: HEAD 127\.0\.0\.1:\d+\/v2\/.*\/blobs\/sha256:\w+: no answer within [\d.]+ s/);
    expect(run.stderr.match(/no answer within [\d.]+ s; retrying/g)).toHaveLength(3);
    expect(await expectTagComplete(localRegistry(), repository, 'v1')).toBeUndefined();
  });
});
