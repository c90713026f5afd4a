import { describe, expect, it } from 'vitest';
import { formatEvent, ServiceEventLog } from '../../src/ecs/service-events.js';

const at = (second: number) => new Date(Date.UTC(2026, 10, 25, 11, 0, second));
const event = (id: string, second: number, message = `event ${id}`) => ({ id, createdAt: at(second), message });

describe('ServiceEventLog', () => {
  it('hands out each event once, oldest first, ignoring those that existed before the deployment', () => {
    const log = new ServiceEventLog([event('old', 0)]);
    // DescribeServices lists the newest first, and consecutive polls overlap.
    expect(log.take([event('b', 2), event('a', 1), event('old', 0)]).map((e) => e.id)).toEqual(['a', 'b']);
    expect(log.take([event('c', 3), event('b', 2), event('a', 1), event('old', 0)]).map((e) => e.id)).toEqual(['c']);
    expect(log.take([event('c', 3), event('b', 2)])).toEqual([]);
    expect(log.recent(2).map((e) => e.id)).toEqual(['b', 'c']);
  });

  it('keeps the order ECS gave to events of the same second', () => {
    const log = new ServiceEventLog();
    const taken = log.take([event('steady', 5), event('completed', 5), event('started', 4)]);
    expect(taken.map((e) => e.id)).toEqual(['started', 'completed', 'steady']);
  });

  it('formats an event with its time', () => {
    expect(formatEvent(event('x', 7, '(service web) has reached a steady state.'))).toBe(
      '2026-11-25T11:00:07.000Z (service web) has reached a steady state.',
    );
  });
});
