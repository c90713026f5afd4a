import { describe, expect, it } from 'vitest';
import { headline, slackPayload, webhookPayload, type NotificationFacts } from '../../src/notify/message.js';
import { retryAfterMs } from '../../src/model/backoff.js';
import { isLoopback, parseWebhookUrl, secretPartsOf, webhookHost } from '../../src/notify/webhook-url.js';

const DIGEST = `sha256:${'ab'.repeat(32)}`;
const facts: NotificationFacts = {
  status: 'failure',
  service: 'api',
  environment: 'production',
  image: `123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/api@${DIGEST}`,
  digest: DIGEST,
  commit: '0123456789abcdef0123456789abcdef01234567',
  repository: 'acme/shop',
  commitUrl: 'https://github.com/acme/shop/commit/0123456789abcdef0123456789abcdef01234567',
  runUrl: 'https://github.com/acme/shop/actions/runs/42',
  durationMs: 65_000,
};

describe('the Slack message', () => {
  it('is Block Kit: a header, the facts as fields, a context line with the run link, and a fallback text', () => {
    const payload = slackPayload(facts);
    expect(payload.text).toBe(`Deploy of api to production failed (${DIGEST}) https://github.com/acme/shop/actions/runs/42`);
    expect(payload.blocks).toEqual([
      { type: 'header', text: { type: 'plain_text', text: ':x: Deploy of api to production failed', emoji: true } },
      {
        type: 'section',
        fields: [
          { type: 'mrkdwn', text: '*Status*\nfailure' },
          { type: 'mrkdwn', text: '*Service*\napi' },
          { type: 'mrkdwn', text: '*Environment*\nproduction' },
          { type: 'mrkdwn', text: '*Commit*\n<https://github.com/acme/shop/commit/0123456789abcdef0123456789abcdef01234567|0123456789ab>' },
          { type: 'mrkdwn', text: `*Image*\n\`${DIGEST}\`` },
          { type: 'mrkdwn', text: '*Duration*\n1m05s' },
        ],
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: `<https://github.com/acme/shop/actions/runs/42|View run> · acme/shop · ${facts.image}` }] },
    ]);
  });

  it('leaves out what is not known, and escapes user text so it cannot forge links or mentions', () => {
    const payload = slackPayload({ status: 'success', service: 'a<b>&c', message: 'ping <!channel> & <https://evil|here>' });
    expect(payload.blocks).toEqual([
      { type: 'header', text: { type: 'plain_text', text: ':white_check_mark: Deploy of a<b>&c succeeded', emoji: true } },
      { type: 'section', text: { type: 'mrkdwn', text: 'ping &lt;!channel&gt; &amp; &lt;https://evil|here&gt;' } },
      { type: 'section', fields: [{ type: 'mrkdwn', text: '*Status*\nsuccess' }, { type: 'mrkdwn', text: '*Service*\na&lt;b&gt;&amp;c' }] },
    ]);
  });

  it('has a headline for every status', () => {
    expect(['success', 'failure', 'unstable', 'cancelled'].map((status) => headline({ status } as NotificationFacts))).toEqual([
      'Pipeline succeeded',
      'Pipeline failed',
      'Pipeline is unstable',
      'Pipeline was cancelled',
    ]);
    expect(headline({ status: 'unstable', repository: 'acme/shop' })).toBe('Pipeline of acme/shop is unstable');
  });
});

describe('the JSON webhook body', () => {
  it('holds the same facts, unknown ones null', () => {
    expect(webhookPayload(facts)).toEqual({
      source: 'gantry',
      title: 'Deploy of api to production failed',
      status: 'failure',
      service: 'api',
      environment: 'production',
      image: facts.image,
      digest: DIGEST,
      commit: facts.commit,
      repository: 'acme/shop',
      commitUrl: facts.commitUrl,
      runUrl: facts.runUrl,
      durationSeconds: 65,
      message: null,
    });
  });
});

describe('webhook URLs', () => {
  it('must be https, or http on loopback only', () => {
    expect(parseWebhookUrl('https://hooks.slack.com/services/T0/B0/secret')).toBeInstanceOf(URL);
    expect(parseWebhookUrl('http://127.0.0.1:8080/hook')).toBeInstanceOf(URL);
    expect(parseWebhookUrl('http://[::1]:8080/hook')).toBeInstanceOf(URL);
    expect(parseWebhookUrl('http://localhost/hook')).toBeInstanceOf(URL);
    expect(parseWebhookUrl('http://hooks.example.com/services/T0/B0/secret')).toBe('must be an https:// URL (plain http:// is allowed for loopback hosts only)');
    expect(parseWebhookUrl('http://127.example.com/x')).toMatch(/loopback hosts only/);
    expect(parseWebhookUrl('ftp://127.0.0.1/x')).toBe('must be an https:// URL');
    expect(parseWebhookUrl('hooks.slack.com/services/x')).toBe('must be an absolute https:// URL');
    expect([isLoopback('127.1.2.3'), isLoopback('128.0.0.1'), isLoopback('[::1]')]).toEqual([true, false, true]);
  });

  it('are named by host only, and masked whole and by their path', () => {
    const url = new URL('https://hooks.slack.com/services/T0/B0/s3cr3t?x=1');
    expect(webhookHost(url)).toBe('hooks.slack.com');
    expect(secretPartsOf(url)).toEqual(['https://hooks.slack.com/services/T0/B0/s3cr3t?x=1', 'https://hooks.slack.com/services/T0/B0/s3cr3t?x=1', '/services/T0/B0/s3cr3t?x=1']);
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs('3', now)).toBe(3_000);
    expect(retryAfterMs('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5_000);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });
});
