import { stat } from 'node:fs/promises';
import type { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import type { S3Client } from '@aws-sdk/client-s3';
import { GantryError, InputError } from '../model/errors.js';
import { formatDuration, type Clock, type PollSchedule } from '../model/schedule.js';
import { formatBytes } from '../model/format.js';
import type { Runtime } from '../model/runtime.js';
import { runBuildCommand } from './build-command.js';
import { cacheControlFor, type CacheRule } from './cache-control.js';
import { checkDistribution, createInvalidation, originPathOf, urlPathOf, waitForInvalidation, type InvalidationRetry } from './cloudfront-invalidation.js';
import { localEtag } from './content-etag.js';
import { contentTypeFor } from './content-type.js';
import { collapsePaths, expandPaths, type InvalidationLimits } from './invalidation-paths.js';
import { checkBucket, deleteObjects, forEachLimited, listSiteObjects, uploadFile } from './s3-site.js';
import { listSiteFiles, type SiteFile } from './site-files.js';
import { planSync, type HashedFile } from './sync-plan.js';

export interface PublishPlan {
  readonly region: string;
  readonly buildCommand?: string;
  readonly workingDirectory: string;
  /** The built site, already resolved against the working directory. */
  readonly sourceDir: string;
  readonly bucket: string;
  /** `''` or `a/b/` (see key-prefix.ts). */
  readonly prefix: string;
  readonly delete: boolean;
  readonly allowEmpty: boolean;
  readonly htmlLast: boolean;
  readonly cacheRules: readonly CacheRule[];
  readonly partSize: number;
  readonly concurrency: number;
  readonly distributionId?: string;
  readonly invalidationLimits: InvalidationLimits;
  readonly wait: boolean;
  readonly waitSchedule: PollSchedule;
  readonly invalidationRetry?: InvalidationRetry;
}

export interface PublishResult {
  readonly uploaded: number;
  readonly unchanged: number;
  readonly deleted: number;
  readonly bytesUploaded: number;
  readonly invalidationId?: string;
  readonly invalidationPaths: readonly string[];
  readonly invalidationStatus?: string;
}

export interface PublishClients {
  readonly s3: S3Client;
  readonly cloudfront: CloudFrontClient;
}

/**
 * Publishes a built site: checks the bucket and the distribution, builds, compares every file with its object by
 * content, uploads what differs (assets before pages), deletes what is gone, and invalidates what viewers may have
 * cached, waiting for CloudFront to finish. Everything that can refuse the run does so before the first upload.
 */
export async function publishSite(plan: PublishPlan, clients: PublishClients, runtime: Runtime, clock: Clock): Promise<PublishResult> {
  await checkBucket(clients.s3, plan.bucket, plan.region);
  const distribution = plan.distributionId ? await checkDistribution(clients.cloudfront, plan.distributionId) : undefined;

  if (plan.buildCommand) {
    const command = plan.buildCommand;
    await runtime.group(`build: ${command}`, () => runBuildCommand(command, plan.workingDirectory, runtime));
  }
  const files = await siteFiles(plan);
  const target = `s3://${plan.bucket}/${plan.prefix}`;

  const started = clock.now();
  // Hashing is local work and listing waits on S3: both at once.
  const [hashed, remote] = await Promise.all([hashFiles(files, plan), listSiteObjects(clients.s3, plan.bucket, plan.prefix)]);
  const sync = planSync(hashed, remote, { prefix: plan.prefix, delete: plan.delete, htmlLast: plan.htmlLast });
  const uploads = sync.uploadPhases.flat();
  runtime.info(
    `${files.length} files in ${plan.sourceDir}, ${remote.length} objects in ${target}: ${uploads.filter((u) => u.reason === 'new').length} new, ` +
      `${uploads.filter((u) => u.reason === 'changed').length} changed, ${sync.unchanged.length} unchanged, ${sync.deletions.length} to delete` +
      (sync.kept.length > 0 ? `, ${sync.kept.length} gone from the site but kept (delete is false)` : '') +
      ` [compared by content in ${formatDuration(clock.now() - started)}]`,
  );

  let bytesUploaded = 0;
  for (const [index, phase] of sync.uploadPhases.entries()) {
    const what = plan.htmlLast && sync.uploadPhases.length > 1 ? (index === 0 ? 'assets' : 'pages') : 'files';
    await runtime.group(`upload ${phase.length} ${what} to ${target}`, () =>
      forEachLimited(phase, plan.concurrency, async (file) => {
        const headers = { contentType: contentTypeFor(file.relativePath), cacheControl: cacheControlFor(file.relativePath, plan.cacheRules) };
        await uploadFile(clients.s3, plan.bucket, plan.prefix, file, headers, plan.partSize);
        bytesUploaded += file.size;
        runtime.info(`upload: ${file.relativePath} (${file.reason}, ${formatBytes(file.size)}, ${headers.contentType}, ${headers.cacheControl})`);
      }),
    );
  }
  if (sync.deletions.length > 0) {
    await runtime.group(`delete ${sync.deletions.length} objects from ${target}`, async () => {
      for (const key of sync.deletions) runtime.info(`delete: ${key}`);
      await deleteObjects(clients.s3, plan.bucket, plan.prefix, sync.deletions);
    });
  }

  // New objects were never cached under their URL; what changed or went away may be.
  const invalidated = [...uploads.filter((u) => u.reason === 'changed').map((u) => u.key), ...sync.deletions];
  let invalidation: { id: string; status: string } | undefined;
  let invalidationPaths: string[] = [];
  if (plan.distributionId && distribution) {
    const distributionId = plan.distributionId;
    let originPath = originPathOf(distribution, plan.bucket);
    if (originPath === undefined) {
      runtime.warning(`distribution ${distributionId} has no origin for bucket ${plan.bucket}; invalidating the object keys as paths`);
      originPath = '';
    }
    const expanded = expandPaths(invalidated.map((key) => urlPathOf(key, originPath)));
    invalidationPaths = collapsePaths(expanded, plan.invalidationLimits);
    if (invalidationPaths.length === 0) runtime.info(`nothing changed or was deleted: no invalidation of ${distributionId}`);
    else {
      const collapsed = invalidationPaths.length < expanded.length ? ` (collapsed from ${expanded.length} paths)` : '';
      invalidation = await createInvalidation(clients.cloudfront, distributionId, invalidationPaths, runtime, clock, plan.invalidationRetry);
      runtime.info(`invalidation ${invalidation.id} of ${distributionId}: ${invalidationPaths.length} paths${collapsed}: ${preview(invalidationPaths)}`);
      if (plan.wait) {
        const done = await waitForInvalidation(clients.cloudfront, distributionId, invalidation.id, plan.waitSchedule, runtime, clock);
        if (done) invalidation = { ...invalidation, status: 'Completed' };
        else
          runtime.markUnstable(
            `invalidation ${invalidation.id} of ${distributionId} did not complete within ${formatDuration(plan.waitSchedule.timeoutMs)}; the files are published and CloudFront goes on invalidating`,
          );
      }
    }
  }

  const result: PublishResult = {
    uploaded: uploads.length,
    unchanged: sync.unchanged.length,
    deleted: sync.deletions.length,
    bytesUploaded,
    invalidationId: invalidation?.id,
    invalidationPaths,
    invalidationStatus: invalidation?.status,
  };
  runtime.info(
    `published ${plan.sourceDir} to ${target}: ${result.uploaded} uploaded (${formatBytes(bytesUploaded)}), ${result.unchanged} unchanged, ${result.deleted} deleted`,
  );
  await runtime.appendSummary(summaryOf(result, target, plan.distributionId));
  return result;
}

/** The site's files; a missing or empty directory is refused, since publishing nothing would delete everything. */
async function siteFiles(plan: PublishPlan): Promise<SiteFile[]> {
  const info = await stat(plan.sourceDir).catch(() => undefined);
  if (!info) throw new InputError('source-dir', `${plan.sourceDir} does not exist${plan.buildCommand ? ' after the build command ran' : ''}`);
  if (!info.isDirectory()) throw new InputError('source-dir', `${plan.sourceDir} is not a directory`);
  const files = await listSiteFiles(plan.sourceDir);
  if (files.length === 0 && !plan.allowEmpty) {
    throw new GantryError(`input 'source-dir': ${plan.sourceDir} holds no file; publishing it would ${plan.delete ? `delete every object under s3://${plan.bucket}/${plan.prefix}` : 'publish nothing'}`, {
      remedy: 'check the build output directory; set allow-empty true if an empty site is really meant.',
    });
  }
  return files;
}

async function hashFiles(files: readonly SiteFile[], plan: PublishPlan): Promise<HashedFile[]> {
  const hashed: HashedFile[] = new Array(files.length);
  const indexed = files.map((file, index) => ({ file, index }));
  await forEachLimited(indexed, Math.max(16, plan.concurrency), async ({ file, index }) => {
    hashed[index] = { ...file, etag: await localEtag(file.path, file.size, plan.partSize) };
  });
  return hashed;
}

function preview(paths: readonly string[]): string {
  return paths.length <= 10 ? paths.join(' ') : `${paths.slice(0, 10).join(' ')} … (${paths.length - 10} more)`;
}

function summaryOf(result: PublishResult, target: string, distributionId: string | undefined): string {
  const invalidation = !distributionId
    ? 'no distribution'
    : result.invalidationId
      ? `\`${result.invalidationId}\` (${result.invalidationPaths.length} paths, ${result.invalidationStatus})`
      : 'none needed';
  return [
    `### Static site published to \`${target}\``,
    '',
    '| uploaded | unchanged | deleted | bytes uploaded | invalidation |',
    '|---:|---:|---:|---:|---|',
    `| ${result.uploaded} | ${result.unchanged} | ${result.deleted} | ${formatBytes(result.bytesUploaded)} | ${invalidation} |`,
    '',
  ].join('\n');
}
