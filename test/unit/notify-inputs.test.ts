import { describe, expect, it } from 'vitest';
import { parseInputs } from '../../src/model/stage.js';
import { notifyStage } from '../../src/stages/notify.js';
import { inputErrorOf } from './support.js';

const TOKEN = 'XyZsecretTOKEN0123456789';

describe('notify inputs', () => {
  it('take either target, normalise the status and apply the defaults', () => {
    const input = parseInputs(notifyStage, { status: 'Success', 'webhook-url': 'http://127.0.0.1:9/hook' });
    expect(input.status).toBe('success');
    expect(input['webhook-url']?.host).toBe('127.0.0.1:9');
    expect([input['fail-on-error'], input.attempts, input['timeout-seconds']]).toEqual([false, 4, 10]);
    const hook = { status: 'failure', 'webhook-url': 'https://hooks.example.com/x' };
    expect(parseInputs(notifyStage, { ...hook, 'started-at': '1700000000' })['started-at']).toBe(1_700_000_000_000);
    expect(parseInputs(notifyStage, { ...hook, 'started-at': '2026-01-01T00:00:00Z' })['started-at']).toBe(Date.parse('2026-01-01T00:00:00Z'));
  });

  it.each([
    [{ status: 'success' }, 'slack-webhook-url', /is required unless webhook-url is given/],
    [{ status: 'passed', 'webhook-url': 'https://h/x' }, 'status', /must be one of success, failure, unstable, cancelled/],
    [{ status: 'success', 'slack-webhook-url': `http://hooks.example.com/services/T0/B0/${TOKEN}` }, 'slack-webhook-url', /plain http:\/\/ is allowed for loopback hosts only/],
    [{ status: 'success', 'webhook-url': `hooks.example.com/${TOKEN}` }, 'webhook-url', /must be an absolute https:\/\/ URL/],
    [{ status: 'success', 'webhook-url': 'https://h/x', 'started-at': 'yesterday' }, 'started-at', /epoch seconds/],
    [{ status: 'success', 'webhook-url': 'https://h/x', 'started-at': '1700000000', 'duration-seconds': '5' }, 'duration-seconds', /give one of them/],
    [{ status: 'success', 'webhook-url': 'https://h/x', image: 'Not An Image' }, 'image', /image reference/],
  ] as const)('refuses %j naming %s, repeating nothing of the URL', (raw, name, message) => {
    const error = inputErrorOf(notifyStage, raw);
    expect(error.input).toBe(name);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain(TOKEN);
  });
});
