import { setTimeout as sleep } from 'node:timers/promises';

/** A monotonic clock and a sleep, replaceable so that loops can be reasoned about without waiting. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => performance.now(),
  sleep: (ms) => sleep(ms),
};

/** The fixed interval and the hard limit of one wait. Fixed on purpose: no 15 → 600 s growing waiter backoff. */
export interface PollSchedule {
  readonly intervalMs: number;
  readonly timeoutMs: number;
}

/** Sleeps one interval, never past the deadline. Returns false once the deadline has passed. */
export async function nextTick(clock: Clock, schedule: PollSchedule, deadline: number): Promise<boolean> {
  const remaining = deadline - clock.now();
  if (remaining <= 0) return false;
  await clock.sleep(Math.min(schedule.intervalMs, remaining));
  return true;
}

export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
}
