import { DescribeServicesCommand, type ECSClient, type Service } from '@aws-sdk/client-ecs';

/** The one method of the ECS client Gantry uses; a fault-injecting stand-in needs only this. */
export type EcsApi = Pick<ECSClient, 'send'>;

/** A service as DescribeServices reports it, or undefined when ECS reports it MISSING or INACTIVE. */
export async function describeService(ecs: EcsApi, cluster: string, service: string): Promise<Service | undefined> {
  const out = await ecs.send(new DescribeServicesCommand({ cluster, services: [service] }));
  const found = out.services?.find((s) => s.serviceName === service || s.serviceArn === service);
  return found && found.status !== 'INACTIVE' ? found : undefined;
}

/** The short form a person recognises: `family:revision` from a task-definition ARN. */
export function shortTaskDefinition(arn: string | undefined): string {
  if (!arn) return '(none)';
  const slash = arn.lastIndexOf('task-definition/');
  return slash >= 0 ? arn.slice(slash + 'task-definition/'.length) : arn;
}
