import { CreateRepositoryCommand, DescribeRepositoriesCommand, ECRClient } from '@aws-sdk/client-ecr';
import type { LocalStackConfig } from './config.js';
import { emulatorClientConfig } from './moto.js';

/**
 * The production repository the example image is promoted into. A push creates its own repository; promote copies
 * into one that exists (as a production account's infrastructure code would have made it), so the stack makes it.
 * Mutable, so that a second demo run of an edited, uncommitted tree can promote under the same sha tag. Idempotent.
 */
export const LOCAL_PRODUCTION_REPOSITORY = 'gantry/production/example-app';

export async function seedEcr(config: LocalStackConfig): Promise<void> {
  const ecr = new ECRClient(emulatorClientConfig(config));
  try {
    await ecr.send(new DescribeRepositoriesCommand({ repositoryNames: [LOCAL_PRODUCTION_REPOSITORY] }));
  } catch (error) {
    if ((error as Error).name !== 'RepositoryNotFoundException') throw error;
    await ecr.send(new CreateRepositoryCommand({ repositoryName: LOCAL_PRODUCTION_REPOSITORY, imageTagMutability: 'MUTABLE', imageScanningConfiguration: { scanOnPush: true } }));
  }
}
