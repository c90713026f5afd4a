import { formatDuration } from '../model/schedule.js';

export const STATUSES = ['success', 'failure', 'unstable', 'cancelled'] as const;
export type PipelineStatus = (typeof STATUSES)[number];

/** What a notification tells: the outcome of a run and what it shipped. */
export interface NotificationFacts {
  readonly status: PipelineStatus;
  readonly service?: string;
  readonly environment?: string;
  readonly image?: string;
  /** `sha256:…` of the image, when the reference pins one. */
  readonly digest?: string;
  readonly commit?: string;
  readonly repository?: string;
  /** Link to the commit on the source host, when known. */
  readonly commitUrl?: string;
  readonly runUrl?: string;
  readonly durationMs?: number;
  readonly message?: string;
}

const EMOJI: Record<PipelineStatus, string> = { success: ':white_check_mark:', failure: ':x:', unstable: ':warning:', cancelled: ':no_entry_sign:' };
const VERB: Record<PipelineStatus, string> = { success: 'succeeded', failure: 'failed', unstable: 'is unstable', cancelled: 'was cancelled' };

/** `Deploy of api to production succeeded`, the words every target starts with. */
export function headline(facts: NotificationFacts): string {
  const what = facts.service ? `Deploy of ${facts.service}` : facts.repository ? `Pipeline of ${facts.repository}` : 'Pipeline';
  return `${what}${facts.environment ? ` to ${facts.environment}` : ''} ${VERB[facts.status]}`;
}

/** Slack mrkdwn treats &, < and > as markup: user text is escaped so it cannot forge links or mentions. */
function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function link(url: string | undefined, label: string): string {
  return url ? `<${url}|${escapeMrkdwn(label)}>` : escapeMrkdwn(label);
}

/** Slack caps a header at 150 characters and a field at 2000. */
function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * An incoming-webhook message in Block Kit: a header with the outcome, the facts as two-column fields, a context
 * line linking the run; `text` is the fallback notifications and old clients show.
 */
export function slackPayload(facts: NotificationFacts) {
  const title = headline(facts);
  const fields: { type: 'mrkdwn'; text: string }[] = [{ type: 'mrkdwn', text: `*Status*\n${facts.status}` }];
  const field = (name: string, value: string | undefined) => {
    if (value) fields.push({ type: 'mrkdwn', text: clip(`*${name}*\n${value}`, 2000) });
  };
  field('Service', facts.service && escapeMrkdwn(facts.service));
  field('Environment', facts.environment && escapeMrkdwn(facts.environment));
  field('Commit', facts.commit && link(facts.commitUrl, facts.commit.slice(0, 12)));
  field('Image', facts.image && `\`${escapeMrkdwn(facts.digest ?? facts.image)}\``);
  field('Duration', facts.durationMs !== undefined ? formatDuration(facts.durationMs) : undefined);
  const blocks: unknown[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(`${EMOJI[facts.status]} ${title}`, 150), emoji: true } },
  ];
  if (facts.message) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(escapeMrkdwn(facts.message), 3000) } });
  blocks.push({ type: 'section', fields });
  const context = [facts.runUrl ? link(facts.runUrl, 'View run') : undefined, facts.repository && escapeMrkdwn(facts.repository), facts.image && escapeMrkdwn(facts.image)]
    .filter(Boolean)
    .join(' · ');
  if (context) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: clip(context, 3000) }] });
  const fallback = [title, facts.image && `(${facts.digest ?? facts.image})`, facts.runUrl].filter(Boolean).join(' ');
  return { text: fallback, blocks };
}

/** The same facts as plain JSON, for any receiver that is not Slack. */
export function webhookPayload(facts: NotificationFacts) {
  return {
    source: 'gantry',
    title: headline(facts),
    status: facts.status,
    service: facts.service ?? null,
    environment: facts.environment ?? null,
    image: facts.image ?? null,
    digest: facts.digest ?? null,
    commit: facts.commit ?? null,
    repository: facts.repository ?? null,
    commitUrl: facts.commitUrl ?? null,
    runUrl: facts.runUrl ?? null,
    durationSeconds: facts.durationMs !== undefined ? Math.round(facts.durationMs / 1000) : null,
    message: facts.message ?? null,
  };
}
