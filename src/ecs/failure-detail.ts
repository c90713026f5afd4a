import { DescribeTasksCommand, ListTasksCommand, type Task } from '@aws-sdk/client-ecs';
import type { EcsApi } from './ecs-api.js';
import { formatEvent, type ServiceEventLog } from './service-events.js';

const EVENTS_SHOWN = 10;
const TASKS_SHOWN = 5;

/**
 * What a person needs to see when a rollout fails: the service events since the deployment began, and why the
 * new revision's tasks stopped. Best effort: a failure to gather detail never hides the failure itself.
 */
export async function failureDetail(
  ecs: EcsApi,
  cluster: string,
  service: string,
  taskDefinitionArn: string,
  events: ServiceEventLog,
): Promise<string> {
  const lines: string[] = [];
  const recent = events.recent(EVENTS_SHOWN);
  if (recent.length > 0) {
    lines.push('Recent service events:');
    for (const event of recent) lines.push(`  ${formatEvent(event)}`);
  }
  try {
    const stopped = await stoppedTasks(ecs, cluster, service, taskDefinitionArn);
    if (stopped.length > 0) {
      lines.push(`Stopped tasks of ${taskDefinitionArn.split('/').pop()}:`);
      for (const task of stopped.slice(0, TASKS_SHOWN)) lines.push(`  ${describeStoppedTask(task)}`);
    }
  } catch (error) {
    lines.push(`(stopped tasks unavailable: ${(error as Error).message})`);
  }
  return lines.join('\n');
}

async function stoppedTasks(ecs: EcsApi, cluster: string, service: string, taskDefinitionArn: string): Promise<Task[]> {
  const listed = await ecs.send(new ListTasksCommand({ cluster, serviceName: service, desiredStatus: 'STOPPED' }));
  const arns = (listed.taskArns ?? []).slice(0, 100);
  if (arns.length === 0) return [];
  const described = await ecs.send(new DescribeTasksCommand({ cluster, tasks: arns }));
  return (described.tasks ?? []).filter((task) => task.taskDefinitionArn === taskDefinitionArn);
}

/** `task <id>: <stop code>: <reason>; container app exit 1 (<reason>)`. */
export function describeStoppedTask(task: Task): string {
  const id = task.taskArn?.split('/').pop() ?? '?';
  const why = [task.stopCode, task.stoppedReason].filter(Boolean).join(': ') || 'stopped';
  const containers = (task.containers ?? [])
    .filter((c) => c.exitCode !== undefined || c.reason)
    .map((c) => `container ${c.name}${c.exitCode !== undefined ? ` exit ${c.exitCode}` : ''}${c.reason ? ` (${c.reason})` : ''}`);
  return [`task ${id}: ${why}`, ...containers].join('; ');
}
