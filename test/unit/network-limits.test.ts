import { afterEach, describe, expect, it } from 'vitest';
import { retryAfterMs, retryWait } from '../../src/model/backoff.js';
import { configureNetwork, DEFAULT_NETWORK_LIMITS, networkLimits } from '../../src/model/network.js';

afterEach(() => configureNetwork({}));

describe('network limits', () => {
  it('default to 30 s a request, 120 s a transfer, 10 s a poll call', () => {
    expect(configureNetwork({})).toEqual(DEFAULT_NETWORK_LIMITS);
    expect(networkLimits()).toMatchObject({ requestTimeoutMs: 30_000, transferTimeoutMs: 120_000, pollTimeoutMs: 10_000 });
  });

  it('take GANTRY_REQUEST_TIMEOUT_SECONDS for every request, and poll calls never longer than 10 s', () => {
    expect(configureNetwork({ GANTRY_REQUEST_TIMEOUT_SECONDS: '2' })).toMatchObject({ requestTimeoutMs: 2_000, transferTimeoutMs: 2_000, pollTimeoutMs: 2_000 });
    expect(configureNetwork({ GANTRY_REQUEST_TIMEOUT_SECONDS: '90' })).toMatchObject({ requestTimeoutMs: 90_000, pollTimeoutMs: 10_000 });
  });

  it.each(['0', '-1', 'soon', '4000'])('refuse %j naming the variable', (value) => {
    expect(() => configureNetwork({ GANTRY_REQUEST_TIMEOUT_SECONDS: value })).toThrow(`GANTRY_REQUEST_TIMEOUT_SECONDS must be a number of seconds between 0 and 3600, got '${value}'`);
  });
});

describe('Retry-After', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it('reads delay-seconds and HTTP dates, and nothing else', () => {
    expect(retryAfterMs('3', now)).toBe(3_000);
    expect(retryAfterMs('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5_000);
    expect(retryAfterMs('Wed, 31 Dec 2025 23:59:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });

  it('waits at least as long as asked, never past the cap', () => {
    expect(retryWait(1, 100, 30_000, 5_000)).toBe(5_000);
    expect(retryWait(1, 100, 30_000, 60_000)).toBe(30_000);
    const backoff = retryWait(1, 1_000, 30_000, undefined);
    expect(backoff).toBeGreaterThanOrEqual(500);
    expect(backoff).toBeLessThanOrEqual(1_000);
  });
});
