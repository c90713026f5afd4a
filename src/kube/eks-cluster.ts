import { DescribeClusterCommand, type EKSClient } from '@aws-sdk/client-eks';
import { awsFailure, classifyAwsError } from '../aws/errors.js';
import { GantryError } from '../model/errors.js';

/** What a client needs to reach a cluster's API server and trust its certificate. */
export interface ClusterEndpoint {
  readonly name: string;
  readonly endpoint: string;
  /** The cluster CA, base64-encoded PEM, as EKS returns it. */
  readonly caData: string;
}

/** DescribeCluster → endpoint and CA; an unknown or unusable cluster stops the stage before anything changes. */
export async function describeEksCluster(eks: Pick<EKSClient, 'send'>, name: string, region: string): Promise<ClusterEndpoint> {
  let cluster;
  try {
    cluster = (await eks.send(new DescribeClusterCommand({ name }))).cluster;
  } catch (error) {
    if (classifyAwsError(error).kind === 'not-found') {
      throw new GantryError(`EKS cluster '${name}' does not exist in ${region}`, {
        remedy: 'check the cluster input and aws-region (aws eks list-clusters lists what the credentials can see).',
        cause: error,
      });
    }
    throw awsFailure(`DescribeCluster ${name}`, error);
  }
  const status = cluster?.status;
  if (status && status !== 'ACTIVE' && status !== 'UPDATING') {
    throw new GantryError(`EKS cluster '${name}' is ${status}, not ACTIVE: its API server cannot take a rollout`);
  }
  const endpoint = cluster?.endpoint;
  const caData = cluster?.certificateAuthority?.data;
  if (!endpoint || !caData) {
    throw new GantryError(`EKS cluster '${name}' reports no API endpoint or certificate authority yet`, {
      remedy: 'wait until the cluster is ACTIVE; a private-only endpoint must be reachable from this runner.',
    });
  }
  return { name, endpoint, caData };
}
