import { DescribeClustersCommand, DescribeServicesCommand, type ECSClient, type Service } from '@aws-sdk/client-ecs';
import { callAws } from '../aws/errors.js';
import { InputError } from '../model/errors.js';

/** The one method of the ECS client Gantry uses; a fault-injecting stand-in needs only this. */
export type EcsApi = Pick<ECSClient, 'send'>;

/** A service as DescribeServices reports it, or undefined when ECS reports it MISSING or INACTIVE. */
export async function describeService(ecs: EcsApi, cluster: string, service: string): Promise<Service | undefined> {
  const out = await ecs.send(new DescribeServicesCommand({ cluster, services: [service] }));
  const found = out.services?.find((s) => s.serviceName === service || s.serviceArn === service);
  return found && found.status !== 'INACTIVE' ? found : undefined;
}

/**
 * The service a stage acts on, checked before anything changes: an active cluster, an active service in it, driven by
 * the rolling (ECS) deployment controller, which is the only one `stage` can follow.
 */
export async function checkedRollingService(ecs: EcsApi, cluster: string, service: string, stage: string): Promise<Service> {
  const clusters = await callAws(`DescribeClusters ${cluster}`, () => ecs.send(new DescribeClustersCommand({ clusters: [cluster] })));
  const found = clusters.clusters?.find((c) => c.clusterName === cluster || c.clusterArn === cluster);
  if (!found || found.status === 'INACTIVE') throw new InputError('cluster', `no active ECS cluster named ${cluster} in this account and region`);
  const described = await callAws(`DescribeServices ${service}`, () => describeService(ecs, cluster, service));
  if (!described) throw new InputError('service', `no active service named ${service} in cluster ${cluster}`);
  if (described.deploymentController?.type && described.deploymentController.type !== 'ECS') {
    throw new InputError('service', `service ${service} uses the ${described.deploymentController.type} deployment controller; ${stage} drives rolling (ECS) deployments only`);
  }
  return described;
}

/** The short form a person recognises: `family:revision` from a task-definition ARN. */
export function shortTaskDefinition(arn: string | undefined): string {
  if (!arn) return '(none)';
  const slash = arn.lastIndexOf('task-definition/');
  return slash >= 0 ? arn.slice(slash + 'task-definition/'.length) : arn;
}
