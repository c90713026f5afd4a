import {
  CreateClusterCommand,
  CreateServiceCommand,
  DescribeClustersCommand,
  DescribeServicesCommand,
  ECSClient,
  ListTaskDefinitionsCommand,
  RegisterTaskDefinitionCommand,
} from '@aws-sdk/client-ecs';
import { registryOf, type LocalStackConfig } from './config.js';
import { emulatorClientConfig } from './moto.js';

export const LOCAL_ECS_CLUSTER = 'gantry-local';
export const LOCAL_ECS_SERVICE = 'example-app';
export const LOCAL_ECS_FAMILY = 'example-app';

/**
 * What the example pipeline's ECS deploy needs from an account: a cluster, the app's task definition and a service
 * with a rolling update (100 % healthy minimum, 200 % maximum) and the deployment circuit breaker with rollback.
 * Idempotent: what exists is left as it is.
 */
export async function seedEcs(config: LocalStackConfig): Promise<void> {
  const ecs = new ECSClient(emulatorClientConfig(config));
  const clusters = await ecs.send(new DescribeClustersCommand({ clusters: [LOCAL_ECS_CLUSTER] }));
  if (!clusters.clusters?.some((c) => c.status === 'ACTIVE')) {
    await ecs.send(new CreateClusterCommand({ clusterName: LOCAL_ECS_CLUSTER }));
  }

  const families = await ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: LOCAL_ECS_FAMILY, status: 'ACTIVE' }));
  let taskDefinition = families.taskDefinitionArns?.at(-1);
  if (!taskDefinition) {
    const registered = await ecs.send(
      new RegisterTaskDefinitionCommand({
        family: LOCAL_ECS_FAMILY,
        requiresCompatibilities: ['EC2'],
        networkMode: 'bridge',
        containerDefinitions: [
          {
            name: 'app',
            image: `${registryOf(config)}/gantry/example-app:latest`,
            essential: true,
            memory: 128,
            portMappings: [{ containerPort: 8080, hostPort: 0, protocol: 'tcp' }],
          },
        ],
      }),
    );
    taskDefinition = registered.taskDefinition?.taskDefinitionArn;
  }

  const services = await ecs.send(new DescribeServicesCommand({ cluster: LOCAL_ECS_CLUSTER, services: [LOCAL_ECS_SERVICE] }));
  if (!services.services?.some((s) => s.status === 'ACTIVE')) {
    await ecs.send(
      new CreateServiceCommand({
        cluster: LOCAL_ECS_CLUSTER,
        serviceName: LOCAL_ECS_SERVICE,
        taskDefinition,
        desiredCount: 2,
        launchType: 'EC2',
        deploymentController: { type: 'ECS' },
        deploymentConfiguration: {
          minimumHealthyPercent: 100,
          maximumPercent: 200,
          deploymentCircuitBreaker: { enable: true, rollback: true },
        },
      }),
    );
  }
}
