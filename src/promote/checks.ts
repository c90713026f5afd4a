import { DescribeRepositoriesCommand, type ECRClient, type Repository } from '@aws-sdk/client-ecr';
import { awsFailure, classifyAwsError } from '../aws/errors.js';
import { GantryError } from '../model/errors.js';
import { ecrDigestOfTag } from '../oci/ecr.js';
import type { FetchedManifest, RegistryClient } from '../oci/registry.js';
import type { VerificationKey } from '../signing/access.js';
import { requireSignature } from '../signing/require.js';

/** What the checks look at, and what they find out for the copy that follows. */
export interface Promotion {
  /** `host/repository@sha256:…` as given. */
  readonly sourceImage: string;
  readonly sourceRepository: string;
  readonly digest: string;
  readonly source: RegistryClient;
  readonly target: RegistryClient;
  readonly targetEcr: ECRClient;
  readonly targetRepository: string;
  readonly tags: readonly string[];
  /** With `require-signature`: the key whose signature the digest must carry at the source. */
  readonly signatureKey?: VerificationKey;
  /** Filled by the checks. */
  found: { manifest?: FetchedManifest; repository?: Repository };
}

/** One refusal: throws a GantryError saying what stops the promotion; changes nothing. */
export interface PromotionCheck {
  readonly name: string;
  run(promotion: Promotion): Promise<void>;
}

/** The image is at the source, under exactly that digest. */
const digestAtSource: PromotionCheck = {
  name: 'digest present at the source',
  async run(promotion) {
    const manifest = await promotion.source.getManifest(promotion.digest);
    if (!manifest) {
      throw new GantryError(`${promotion.digest} is not in the source repository ${promotion.sourceImage.replace(/@.*$/, '')}`, {
        remedy: 'promote the digest the source environment deployed (the image output of its push or promote step); a digest that was never pushed there was never tested there.',
      });
    }
    promotion.found.manifest = manifest;
  },
};

/** With a required key: the digest carries a valid signature by it at the source, so only signed bytes move on. */
const signedAtSource: PromotionCheck = {
  name: 'signature by the required key',
  async run(promotion) {
    if (!promotion.signatureKey) return;
    await requireSignature({ registryClient: promotion.source, repository: promotion.sourceRepository, digest: promotion.digest, key: promotion.signatureKey });
  },
};

/** The target repository exists; promote does not create repositories, so a typo cannot create one. */
const targetRepositoryExists: PromotionCheck = {
  name: 'target repository exists',
  async run(promotion) {
    try {
      const out = await promotion.targetEcr.send(new DescribeRepositoriesCommand({ repositoryNames: [promotion.targetRepository] }));
      promotion.found.repository = out.repositories?.[0];
    } catch (error) {
      if (classifyAwsError(error).code !== 'RepositoryNotFoundException') throw awsFailure(`DescribeRepositories ${promotion.targetRepository}`, error);
    }
    if (!promotion.found.repository) {
      throw new GantryError(`the target repository ${promotion.targetRepository} does not exist`, {
        remedy: "create it first (a push to that environment, or the account's infrastructure code); promote copies into an existing repository only.",
      });
    }
  },
};

/** No immutable tag at the target names another image. */
const immutableTagsFree: PromotionCheck = {
  name: 'immutable target tags free',
  async run(promotion) {
    if (!promotion.found.repository?.imageTagMutability?.startsWith('IMMUTABLE')) return;
    for (const tag of promotion.tags) {
      const existing = (await ecrDigestOfTag(promotion.targetEcr, promotion.targetRepository, tag)) ?? (await promotion.target.manifestDigest(tag));
      if (existing && existing !== promotion.digest) {
        throw new GantryError(`tag '${tag}' of the target repository '${promotion.targetRepository}' is immutable and already points at ${existing}, not at ${promotion.digest}`, {
          remedy: 'promote under a tag that names this image only (the sha or version tag), or make the target repository mutable.',
        });
      }
    }
  },
};

/**
 * Every refusal, in order, run before anything is copied (a source reference that is not a digest is refused
 * earlier still, by the input's validation). A further condition is one more entry here.
 */
export const PROMOTION_CHECKS: readonly PromotionCheck[] = [digestAtSource, signedAtSource, targetRepositoryExists, immutableTagsFree];

export async function checkPromotion(promotion: Promotion, log: (line: string) => void, checks: readonly PromotionCheck[] = PROMOTION_CHECKS): Promise<FetchedManifest> {
  for (const check of checks) {
    await check.run(promotion);
    log(`check passed: ${check.name}`);
  }
  if (!promotion.found.manifest) throw new Error('the checks did not read the source manifest');
  return promotion.found.manifest;
}
