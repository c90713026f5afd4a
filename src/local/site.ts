import { CloudFrontClient, CreateDistributionCommand, paginateListDistributions, type DistributionSummary } from '@aws-sdk/client-cloudfront';
import { CreateBucketCommand, HeadBucketCommand, PutPublicAccessBlockCommand, S3Client } from '@aws-sdk/client-s3';
import type { LocalStackConfig } from './config.js';
import { emulatorClientConfig } from './moto.js';

export const LOCAL_SITE_BUCKET = 'gantry-local-site';
/** Marks the seeded distribution, so a second seed finds it instead of creating another. */
const DISTRIBUTION_COMMENT = 'gantry-local-site';

const originDomain = (config: LocalStackConfig) => `${LOCAL_SITE_BUCKET}.s3.${config.region}.amazonaws.com`;

/**
 * What the example pipeline's publish-static needs from an account: a private bucket (public access blocked) and a
 * CloudFront distribution with the bucket as its origin. Idempotent: what exists is left as it is.
 */
export async function seedSite(config: LocalStackConfig): Promise<{ bucket: string; distributionId: string }> {
  const s3 = new S3Client({ ...emulatorClientConfig(config), forcePathStyle: true });
  const exists = await s3.send(new HeadBucketCommand({ Bucket: LOCAL_SITE_BUCKET })).then(
    () => true,
    (error: { $metadata?: { httpStatusCode?: number } }) => {
      if (error.$metadata?.httpStatusCode === 404) return false;
      throw error;
    },
  );
  if (!exists) {
    await s3.send(new CreateBucketCommand({ Bucket: LOCAL_SITE_BUCKET }));
    await s3.send(
      new PutPublicAccessBlockCommand({
        Bucket: LOCAL_SITE_BUCKET,
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
      }),
    );
  }

  const existing = await findSiteDistribution(config);
  if (existing?.Id) return { bucket: LOCAL_SITE_BUCKET, distributionId: existing.Id };
  const cloudfront = new CloudFrontClient(emulatorClientConfig(config));
  const created = await cloudfront.send(
    new CreateDistributionCommand({
      DistributionConfig: {
        CallerReference: DISTRIBUTION_COMMENT,
        Comment: DISTRIBUTION_COMMENT,
        Enabled: true,
        DefaultRootObject: 'index.html',
        Origins: { Quantity: 1, Items: [{ Id: 'site', DomainName: originDomain(config), OriginPath: '', S3OriginConfig: { OriginAccessIdentity: '' } }] },
        DefaultCacheBehavior: {
          TargetOriginId: 'site',
          ViewerProtocolPolicy: 'redirect-to-https',
          ForwardedValues: { QueryString: false, Cookies: { Forward: 'none' } },
          MinTTL: 0,
        },
      },
    }),
  );
  return { bucket: LOCAL_SITE_BUCKET, distributionId: created.Distribution!.Id! };
}

/** The seeded distribution, found by its comment and origin; undefined when the stack was seeded without it. */
export async function findSiteDistribution(config: LocalStackConfig): Promise<DistributionSummary | undefined> {
  const cloudfront = new CloudFrontClient(emulatorClientConfig(config));
  for await (const page of paginateListDistributions({ client: cloudfront }, {})) {
    const found = page.DistributionList?.Items?.find(
      (d) => d.Comment === DISTRIBUTION_COMMENT && d.Origins?.Items?.some((o) => o.DomainName === originDomain(config)),
    );
    if (found) return found;
  }
  return undefined;
}
