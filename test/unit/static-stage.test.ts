import { describe, expect, it } from 'vitest';
import { GantryError } from '../../src/model/errors.js';
import { parseInputs } from '../../src/model/stage.js';
import { createInvalidation } from '../../src/static/cloudfront-invalidation.js';
import { checkBucket } from '../../src/static/s3-site.js';
import { publishStaticStage } from '../../src/stages/publish-static.js';
import { awsError, instantClock, recordingRuntime } from '../fixtures/ecs/fakes.js';
import { inputErrorOf } from './support.js';

const valid = { 'aws-region': 'us-east-1', 'source-dir': 'public', bucket: 'my-site' };

describe('publish-static inputs', () => {
  it('applies defaults', () => {
    expect(parseInputs(publishStaticStage, valid)).toMatchObject({
      delete: true,
      'allow-empty': false,
      'html-last': true,
      'part-size-mb': 8,
      concurrency: 8,
      'max-invalidation-paths': 1000,
      'max-invalidation-wildcards': 15,
      wait: true,
      'poll-seconds': 2,
      'working-directory': '.',
    });
  });

  it('normalises a leading / of the prefix', () => {
    expect(parseInputs(publishStaticStage, { ...valid, prefix: '/site' }).prefix).toBe('site/');
  });

  it.each([
    [{ prefix: '../other' }, 'prefix', /'\.' or '\.\.'/],
    [{ prefix: 'site/../../x' }, 'prefix', /'\.\.'/],
    [{ bucket: 'My_Bucket' }, 'bucket', /S3 bucket name/],
    [{ bucket: 'ab' }, 'bucket', /S3 bucket name/],
    [{ 'distribution-id': 'e123-abc' }, 'distribution-id', /CloudFront distribution ID/],
    [{ 'cache-control': 'no rule here' }, 'cache-control', /line 1/],
    [{ 'part-size-mb': '4' }, 'part-size-mb', /from 5/],
    [{ 'poll-seconds': '5' }, 'poll-seconds', /from 0.1 to 2/],
    [{ 'max-invalidation-wildcards': '16' }, 'max-invalidation-wildcards', /from 1 to 15/],
    [{ delete: 'maybe' }, 'delete', /true or false/],
    [{ 'aws-region': 'Mars' }, 'aws-region', /AWS region/],
    [{ 'source-dir': undefined }, 'source-dir', /is required/],
  ])('refuses %o naming %s', (override, name, message) => {
    const error = inputErrorOf(publishStaticStage, { ...valid, ...override });
    expect(error.input).toBe(name);
    expect(error.message).toMatch(message);
  });
});

describe('createInvalidation while CloudFront is busy', () => {
  // The emulator never answers TooManyInvalidationsInProgress; a fake client stands in for that fault only.
  const retry = { attempts: 4, baseMs: 2_000, maxMs: 30_000 };

  it('backs off with jitter and tries again with the same caller reference', async () => {
    const references: string[] = [];
    const client = {
      send: async (command: { input: { InvalidationBatch: { CallerReference: string } } }) => {
        references.push(command.input.InvalidationBatch.CallerReference);
        if (references.length < 3) throw awsError('TooManyInvalidationsInProgress', 400);
        return { Invalidation: { Id: 'I123', Status: 'InProgress' } };
      },
    } as never;
    const clock = instantClock();
    const runtime = recordingRuntime();
    expect(await createInvalidation(client, 'E1', ['/*'], runtime, clock, retry)).toEqual({ id: 'I123', status: 'InProgress' });
    expect(new Set(references).size).toBe(1);
    expect(clock.slept).toHaveLength(2);
    // Equal jitter: attempt n waits between half and all of min(max, base * 2^(n-1)).
    expect(clock.slept[0]).toBeGreaterThanOrEqual(1_000);
    expect(clock.slept[0]).toBeLessThanOrEqual(2_000);
    expect(clock.slept[1]).toBeGreaterThanOrEqual(2_000);
    expect(clock.slept[1]).toBeLessThanOrEqual(4_000);
    expect(runtime.lines.filter((line) => line.includes('TooManyInvalidationsInProgress'))).toHaveLength(2);
  });

  it('gives up after the attempts, and fails at once on anything else', async () => {
    const busy = { send: async () => Promise.reject(awsError('TooManyInvalidationsInProgress', 400)) } as never;
    const clock = instantClock();
    await expect(createInvalidation(busy, 'E1', ['/*'], recordingRuntime(), clock, retry)).rejects.toThrow(/TooManyInvalidationsInProgress/);
    expect(clock.slept).toHaveLength(3);

    const denied = { send: async () => Promise.reject(awsError('AccessDenied', 403)) } as never;
    const quiet = instantClock();
    const error = await createInvalidation(denied, 'E1', ['/*'], recordingRuntime(), quiet, retry).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GantryError);
    expect(quiet.slept).toHaveLength(0);
  });
});

describe('checkBucket', () => {
  // The emulator answers 404 for a missing bucket (tested against it); it enforces no bucket policy, so the 403 and
  // wrong-region answers come from a fake client here.
  const answering = (error: Error) => ({ send: async () => Promise.reject(error) }) as never;

  it.each([
    [awsError('NotFound', 404), /input 'bucket': bucket 'site-b' does not exist/, /create it/],
    [awsError('Forbidden', 403), /input 'bucket': bucket 'site-b' is not reachable with these credentials \(403 Forbidden\)/, /another account|s3:ListBucket/],
    [awsError('PermanentRedirect', 301), /input 'bucket': bucket 'site-b' is not in eu-west-1/, /aws-region/],
  ])('names the input and the remedy for %s', async (error, message, remedy) => {
    const failure = (await checkBucket(answering(error), 'site-b', 'eu-west-1').catch((e: unknown) => e)) as GantryError;
    expect(failure).toBeInstanceOf(GantryError);
    expect(failure.message).toMatch(message);
    expect(failure.remedy).toMatch(remedy);
  });

  it('passes a bucket HeadBucket answers', async () => {
    await expect(checkBucket({ send: async () => ({}) } as never, 'site-b', 'eu-west-1')).resolves.toBeUndefined();
  });
});
