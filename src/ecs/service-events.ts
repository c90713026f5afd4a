import type { ServiceEvent } from '@aws-sdk/client-ecs';

/**
 * The service's event stream as a log: DescribeServices returns the latest events newest first, overlapping from
 * one poll to the next, so events are deduplicated by id and handed out oldest first, each once.
 */
export class ServiceEventLog {
  private readonly seen = new Set<string>();
  private readonly fresh: ServiceEvent[] = [];

  /** Events that existed before the deployment started: remembered so that they are never reported as new. */
  constructor(existing: readonly ServiceEvent[] = []) {
    for (const event of existing) if (event.id) this.seen.add(event.id);
  }

  /** The events of `events` not seen before, oldest first. */
  take(events: readonly ServiceEvent[] = []): ServiceEvent[] {
    // Newest first from AWS: reversed before a stable sort, so that events of the same second keep their order.
    const unseen = events.filter((event) => event.id !== undefined && !this.seen.has(event.id));
    for (const event of unseen) this.seen.add(event.id!);
    const ordered = [...unseen].reverse().sort((a, b) => time(a) - time(b));
    this.fresh.push(...ordered);
    return ordered;
  }

  /** The last `count` events reported since the log was created, oldest first. */
  recent(count: number): ServiceEvent[] {
    return this.fresh.slice(-count);
  }
}

export function formatEvent(event: ServiceEvent): string {
  const at = event.createdAt instanceof Date ? event.createdAt.toISOString() : '';
  return `${at} ${event.message ?? ''}`.trim();
}

function time(event: ServiceEvent): number {
  return event.createdAt instanceof Date ? event.createdAt.getTime() : 0;
}
