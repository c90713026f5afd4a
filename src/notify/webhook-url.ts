import { isIP } from 'node:net';

/**
 * Webhook URLs carry their credential in the path (Slack's `/services/T…/B…/<secret>`), so they are parsed here and
 * then never shown: messages about them name the host only, and validation messages repeat nothing of the value.
 */
export function parseWebhookUrl(value: string): URL | string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return 'must be an absolute https:// URL';
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:') {
    return isLoopback(url.hostname) ? url : 'must be an https:// URL (plain http:// is allowed for loopback hosts only)';
  }
  return 'must be an https:// URL';
}

/** 127.0.0.0/8, ::1 and localhost: a receiver on this machine, where plain http exposes nothing. */
export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host === '::1') return true;
  return isIP(host) === 4 && host.startsWith('127.');
}

/** How logs and errors name a webhook: its host (and port), nothing of the path or query that hold the secret. */
export function webhookHost(url: URL): string {
  return url.host;
}

/** The parts of a webhook URL to mask wherever the runner prints: the whole URL and the secret-bearing path. */
export function secretPartsOf(url: URL): string[] {
  const path = `${url.pathname}${url.search}`;
  // The URL as a user may have typed it too: without the slash URL adds after a bare host.
  const typed = url.pathname === '/' && !url.search ? url.href.slice(0, -1) : url.href;
  return [url.href, typed, ...(path.length > 1 ? [path] : [])];
}
