import { resolve } from 'node:path';
import { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { S3Client } from '@aws-sdk/client-s3';
import { createAwsClient } from '../aws/clients.js';
import { awsRegion, booleanString, decimalString, integerString } from '../model/inputs.js';
import { systemClock } from '../model/schedule.js';
import { defineStage, input, type StageInput } from '../model/stage.js';
import * as z from '../model/zod.js';
import type { Runtime } from '../model/runtime.js';
import { parseCacheRules } from '../static/cache-control.js';
import { normalisePrefix } from '../static/key-prefix.js';
import { publishSite } from '../static/publish.js';

const MIB = 1024 * 1024;

/** A transform that reports a thrown message as the input's problem. */
function parsed<T>(parse: (value: string) => T) {
  return z.pipe(
    z.string(),
    z.transform((value, ctx) => {
      try {
        return parse(value);
      } catch (error) {
        ctx.issues.push({ code: 'custom', input: value, message: (error as Error).message });
        return z.NEVER;
      }
    }),
  );
}

const inputs = {
  'aws-region': input(awsRegion, { description: 'AWS region of the bucket.', env: ['AWS_REGION', 'AWS_DEFAULT_REGION'] }),
  'source-dir': input(z.string().check(z.minLength(1)), {
    description: 'Directory of the built site, relative to working-directory (e.g. public for Hugo, dist or build for npm builds).',
  }),
  bucket: input(
    z.string().check(z.regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name: 3-63 lowercase letters, digits, dots and hyphens')),
    { description: 'S3 bucket that holds the site (private, behind CloudFront).' },
  ),
  prefix: input(
    z.optional(
      parsed((value) => {
        const result = normalisePrefix(value);
        if ('problem' in result) throw new Error(result.problem);
        return result.prefix;
      }),
    ),
    { description: "Key prefix of the site in the bucket (a leading '/' is dropped); keys outside it are never touched. Empty: the whole bucket." },
  ),
  'build-command': input(z.optional(z.string().check(z.minLength(1))), {
    description: 'Command that builds the site, run through the shell in working-directory before the sync (e.g. hugo --gc --minify, npm run build).',
  }),
  'working-directory': input(z.string().check(z.minLength(1)), {
    description: 'Directory the build command runs in and source-dir is relative to.',
    default: '.',
  }),
  delete: input(booleanString, { description: 'Delete objects under the prefix that have no file in source-dir (after every upload).', default: 'true' }),
  'allow-empty': input(booleanString, {
    description: 'Publish an empty source-dir (which, with delete, empties the prefix). Refused unless true.',
    default: 'false',
  }),
  'html-last': input(booleanString, {
    description: 'Upload assets first and HTML pages after them, so no page goes live before what it references.',
    default: 'true',
  }),
  'cache-control': input(z.optional(parsed(parseCacheRules)), {
    description:
      "Cache-Control rules, one a line '<glob>: <header>', first match wins, tried before the defaults (fingerprinted *.[hash].* immutable for a year, *.html and sw.js no-cache, the rest public, max-age=300). Globs: * ** ? {a,b} and [hash] (8+ hex digits).",
  }),
  'part-size-mb': input(integerString(5, 5120), {
    description: 'Multipart part size in MiB: larger files go up in parts of this size, and their ETag is computed with it.',
    default: '8',
  }),
  concurrency: input(integerString(1, 64), { description: 'Files uploaded at once.', default: '8' }),
  'distribution-id': input(
    z.optional(
      z.string().check(z.regex(/^[A-Z0-9]{1,64}$/, 'must be a CloudFront distribution ID (uppercase letters and digits, e.g. E2QWRUHAPOMQZL)')),
    ),
    { description: 'CloudFront distribution in front of the bucket: changed and deleted paths are invalidated. Empty: no invalidation.' },
  ),
  'max-invalidation-paths': input(integerString(1, 3000), {
    description: 'Most paths in one invalidation; past it, top-level directories become wildcards, or everything /*.',
    default: '1000',
  }),
  'max-invalidation-wildcards': input(integerString(1, 15), {
    description: 'Most wildcard paths in one invalidation (CloudFront allows 15 in progress); past it, /*.',
    default: '15',
  }),
  wait: input(booleanString, { description: 'Wait until the invalidation is Completed.', default: 'true' }),
  'wait-timeout-minutes': input(decimalString(0.01, 60), {
    description: 'Longest wait for the invalidation (fractions allowed); then the run is marked unstable.',
    default: '10',
  }),
  'poll-seconds': input(decimalString(0.1, 2), { description: 'Seconds between two invalidation status polls.', default: '2' }),
};

type PublishStaticInput = StageInput<typeof inputs>;

/**
 * Publishes a static site to S3 behind CloudFront: optional build, a sync that compares content (not mtimes) and
 * uploads only what differs, headers by file kind, deletions last, one invalidation for what changed and a wait for it.
 */
export const publishStaticStage = defineStage({
  name: 'publish-static',
  description: 'Build and sync a static site to S3 (only changed files, content types, cache rules, deletions), invalidate CloudFront and wait.',
  inputs,
  outputs: {
    uploaded: { description: 'Number of files uploaded (new or changed).' },
    unchanged: { description: 'Number of files whose object already had the same content.' },
    deleted: { description: 'Number of objects deleted.' },
    'bytes-uploaded': { description: 'Bytes uploaded.' },
    'invalidation-id': { description: 'ID of the CloudFront invalidation created (empty when none was needed).' },
    'invalidation-paths': { description: 'Paths invalidated, comma-separated (percent-encoded, so no path holds a comma).' },
  },
  run: publishStatic,
});

async function publishStatic(input: PublishStaticInput, runtime: Runtime) {
  const region = input['aws-region'];
  const result = await publishSite(
    {
      region,
      buildCommand: input['build-command'],
      workingDirectory: resolve(input['working-directory']),
      sourceDir: resolve(input['working-directory'], input['source-dir']),
      bucket: input.bucket,
      prefix: input.prefix ?? '',
      delete: input.delete,
      allowEmpty: input['allow-empty'],
      htmlLast: input['html-last'],
      cacheRules: input['cache-control'] ?? [],
      partSize: input['part-size-mb'] * MIB,
      concurrency: input.concurrency,
      distributionId: input['distribution-id'],
      invalidationLimits: { maxPaths: input['max-invalidation-paths'], maxWildcards: input['max-invalidation-wildcards'] },
      wait: input.wait,
      waitSchedule: { intervalMs: input['poll-seconds'] * 1000, timeoutMs: input['wait-timeout-minutes'] * 60_000 },
    },
    { s3: createAwsClient(S3Client, { region }), cloudfront: createAwsClient(CloudFrontClient, { region }) },
    runtime,
    systemClock,
  );
  return {
    uploaded: String(result.uploaded),
    unchanged: String(result.unchanged),
    deleted: String(result.deleted),
    'bytes-uploaded': String(result.bytesUploaded),
    'invalidation-id': result.invalidationId ?? '',
    'invalidation-paths': result.invalidationPaths.join(','),
  };
}
