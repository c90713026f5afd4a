import { randomUUID } from 'node:crypto';
import { CreateInvalidationCommand, GetDistributionCommand, GetInvalidationCommand, type CloudFrontClient, type Distribution } from '@aws-sdk/client-cloudfront';
import { awsFailure, classifyAwsError } from '../aws/errors.js';
import { pollCall } from '../aws/poll-call.js';
import { backoffDelay } from '../model/backoff.js';
import { GantryError } from '../model/errors.js';
import { formatDuration, nextTick, type Clock, type PollSchedule } from '../model/schedule.js';
import type { Runtime } from '../model/runtime.js';

/** Refuses a distribution id that names nothing, before anything is uploaded; returns the distribution for its origins. */
export async function checkDistribution(cloudfront: CloudFrontClient, distributionId: string): Promise<Distribution> {
  try {
    const { Distribution: distribution } = await cloudfront.send(new GetDistributionCommand({ Id: distributionId }));
    if (!distribution) throw new Error('GetDistribution returned no distribution');
    return distribution;
  } catch (error) {
    const failure = classifyAwsError(error);
    if (failure.code === 'NoSuchDistribution' || failure.kind === 'not-found') {
      throw new GantryError(`input 'distribution-id': distribution '${distributionId}' does not exist`, {
        remedy: 'use the ID CloudFront shows for the distribution in front of the bucket (E… in the console, `aws cloudfront list-distributions`).',
        cause: error,
      });
    }
    if (failure.kind === 'permission') {
      throw new GantryError(`input 'distribution-id': distribution '${distributionId}' is not readable with these credentials`, {
        remedy: 'the role needs cloudfront:GetDistribution, cloudfront:CreateInvalidation and cloudfront:GetInvalidation on it.',
        cause: error,
      });
    }
    throw awsFailure(`GetDistribution ${distributionId}`, error);
  }
}

/**
 * The origin path under which the distribution serves `bucket` (`/site` for an origin path of `/site`, `''` for
 * the bucket's root), or undefined when no origin of the distribution is that bucket.
 */
export function originPathOf(distribution: Distribution, bucket: string): string | undefined {
  const origins = distribution.DistributionConfig?.Origins?.Items ?? [];
  const origin = origins.find((o) => o.DomainName === `${bucket}.s3.amazonaws.com` || o.DomainName?.startsWith(`${bucket}.s3.`) || o.DomainName?.startsWith(`${bucket}.s3-`));
  return origin ? (origin.OriginPath ?? '').replace(/\/+$/, '') : undefined;
}

/** The viewer's path of an object key under an origin path: `site/docs/a.html` under `/site` is `/docs/a.html`. */
export function urlPathOf(key: string, originPath: string): string {
  const path = `/${key}`;
  return originPath && path.startsWith(`${originPath}/`) ? path.slice(originPath.length) : path;
}

export interface InvalidationRetry {
  /** Attempts of CreateInvalidation while CloudFront answers TooManyInvalidationsInProgress. */
  readonly attempts: number;
  readonly baseMs: number;
  readonly maxMs: number;
}

export const DEFAULT_INVALIDATION_RETRY: InvalidationRetry = { attempts: 8, baseMs: 2_000, maxMs: 30_000 };

/**
 * One invalidation for `paths`. CloudFront refuses a new one while too many are in progress
 * (TooManyInvalidationsInProgress, not retried by the SDK): back off with jitter and try again, with the same
 * caller reference, so a retry whose first attempt did land is not a second invalidation.
 */
export async function createInvalidation(
  cloudfront: Pick<CloudFrontClient, 'send'>,
  distributionId: string,
  paths: readonly string[],
  runtime: Runtime,
  clock: Clock,
  retry: InvalidationRetry = DEFAULT_INVALIDATION_RETRY,
): Promise<{ id: string; status: string }> {
  const callerReference = `gantry-${randomUUID()}`;
  for (let attempt = 1; ; attempt++) {
    try {
      const { Invalidation: invalidation } = await cloudfront.send(
        new CreateInvalidationCommand({
          DistributionId: distributionId,
          InvalidationBatch: { CallerReference: callerReference, Paths: { Quantity: paths.length, Items: [...paths] } },
        }),
      );
      if (!invalidation?.Id) throw new GantryError(`CreateInvalidation on ${distributionId} returned no invalidation id`);
      return { id: invalidation.Id, status: invalidation.Status ?? 'InProgress' };
    } catch (error) {
      const failure = classifyAwsError(error);
      const busy = failure.code === 'TooManyInvalidationsInProgress' || failure.kind === 'throttling' || failure.kind === 'server';
      if (!busy || attempt >= retry.attempts) throw awsFailure(`CreateInvalidation on ${distributionId} (${paths.length} paths)`, error);
      const delay = backoffDelay(attempt, retry.baseMs, retry.maxMs);
      runtime.warning(`CreateInvalidation on ${distributionId}: ${failure.code}; trying again in ${formatDuration(delay)} (attempt ${attempt + 1} of ${retry.attempts})`);
      await clock.sleep(delay);
    }
  }
}

/**
 * Polls the invalidation at a short fixed interval until CloudFront reports it Completed, with a line when its
 * status changes and every ~15 s while it does not. Returns false when the deadline passes first.
 */
export async function waitForInvalidation(
  cloudfront: Pick<CloudFrontClient, 'send'>,
  distributionId: string,
  invalidationId: string,
  schedule: PollSchedule,
  runtime: Runtime,
  clock: Clock,
): Promise<boolean> {
  const started = clock.now();
  const deadline = started + schedule.timeoutMs;
  let lastStatus: string | undefined;
  let lastLine = started;
  do {
    const answer = await pollCall(
      `GetInvalidation ${invalidationId}`,
      () => cloudfront.send(new GetInvalidationCommand({ DistributionId: distributionId, Id: invalidationId })),
      runtime,
    );
    const status = answer?.Invalidation?.Status;
    if (status !== undefined && (status !== lastStatus || clock.now() - lastLine >= 15_000)) {
      runtime.info(`invalidation ${invalidationId}: ${status} [${formatDuration(clock.now() - started)}]`);
      lastStatus = status;
      lastLine = clock.now();
    }
    if (status?.toLowerCase() === 'completed') return true;
  } while (await nextTick(clock, schedule, deadline));
  return false;
}
