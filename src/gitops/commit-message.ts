import type { RunContext } from '../model/runtime.js';

export const DEFAULT_COMMIT_MESSAGE = [
  '{environment}: deploy {service} {version}',
  '',
  '{service} in {environment}: {previous-image} → {image}',
  'Source: {source}',
].join('\n');

export const MESSAGE_PLACEHOLDERS = ['service', 'environment', 'image', 'previous-image', 'version', 'source'] as const;
type Placeholder = (typeof MESSAGE_PLACEHOLDERS)[number];

/** Placeholders in a template that are not known; empty when the template is usable. */
export function unknownPlaceholders(template: string): string[] {
  return [...template.matchAll(/\{([\w-]+)\}/g)].map((m) => m[1]!).filter((name) => !(MESSAGE_PLACEHOLDERS as readonly string[]).includes(name));
}

/** `owner/repo@sha` of the run that built the image, as far as the runner knows it. */
export function sourceOf(run: RunContext): string {
  if (run.repository && run.sha) return `${run.repository}@${run.sha}`;
  return run.repository ?? run.sha ?? 'unknown source';
}

export function renderMessage(template: string, values: Record<Placeholder, string>): string {
  // A template from an action input may spell line breaks as `\n`.
  return template.replace(/\\n/g, '\n').replace(/\{([\w-]+)\}/g, (whole, name: string) => (name in values ? values[name as Placeholder] : whole));
}
