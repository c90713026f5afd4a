import { CreateClusterCommand, DescribeClusterCommand, EKSClient } from '@aws-sdk/client-eks';
import { deployRoleOf, type LocalStackConfig } from './config.js';
import { kubeSettings } from './kube.js';
import { emulatorClientConfig } from './moto.js';

/**
 * The EKS cluster the example pipeline deploys to. The emulator reports the loopback control plane's endpoint and
 * CA for it (tools/moto-local/eks_endpoint.py reads them from kube.json), so DescribeCluster leads to a real API
 * server exactly as it would to EKS. Idempotent.
 */
export async function seedEks(config: LocalStackConfig): Promise<void> {
  const eks = new EKSClient(emulatorClientConfig(config));
  const name = kubeSettings(config).clusterName;
  try {
    await eks.send(new DescribeClusterCommand({ name }));
  } catch (error) {
    if ((error as Error).name !== 'ResourceNotFoundException') throw error;
    await eks.send(
      new CreateClusterCommand({
        name,
        version: '1.33',
        roleArn: deployRoleOf(config),
        resourcesVpcConfig: { subnetIds: ['subnet-0gantry0local00001', 'subnet-0gantry0local00002'] },
      }),
    );
  }
}
