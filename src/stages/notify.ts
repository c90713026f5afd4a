import { GantryError } from '../model/errors.js';
import { booleanString, decimalString, integerString } from '../model/inputs.js';
import type { Runtime } from '../model/runtime.js';
import { systemClock } from '../model/schedule.js';
import { defineStage, input, type StageInput } from '../model/stage.js';
import * as z from '../model/zod.js';
import { postJson } from '../notify/deliver.js';
import { slackPayload, STATUSES, webhookPayload, type NotificationFacts } from '../notify/message.js';
import { parseWebhookUrl, secretPartsOf, webhookHost } from '../notify/webhook-url.js';
import { parseImageReference } from '../oci/image-reference.js';

/** A secret webhook URL: validated, and refused with a message that repeats nothing of it. */
const webhookUrl = z.optional(
  z.pipe(
    z.string(),
    z.transform((value, ctx) => {
      const parsed = parseWebhookUrl(value);
      if (typeof parsed !== 'string') return parsed;
      ctx.issues.push({ code: 'custom', input: '', message: parsed });
      return z.NEVER;
    }),
  ),
);

const inputs = {
  status: input(
    z.pipe(
      z.pipe(z.string(), z.transform((v) => v.toLowerCase())),
      z.enum(STATUSES, { error: `must be one of ${STATUSES.join(', ')}` }),
    ),
    { description: `Outcome to report: ${STATUSES.join(', ')} (GitHub's job.status fits).` },
  ),
  service: input(z.optional(z.string().check(z.maxLength(200))), { description: 'Service that was built or deployed.' }),
  environment: input(z.optional(z.string().check(z.maxLength(200))), { description: 'Environment deployed to.' }),
  image: input(
    z.optional(z.string().check(z.refine((v) => typeof parseImageReference(v) !== 'string', 'must be an image reference, e.g. repo@sha256:…'))),
    { description: 'Image shipped, preferably by digest (the output of push); the digest is shown.' },
  ),
  commit: input(z.optional(z.string().check(z.regex(/^[0-9a-f]{7,64}$/i, 'must be a commit id (hex)'))), {
    description: 'Commit built; empty: the run’s own (GITHUB_SHA, GIT_COMMIT, GANTRY_SHA).',
  }),
  'run-url': input(z.optional(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })), {
    description: 'Link to the run; empty: <server>/<repository>/actions/runs/<run id> when the runner says so.',
    env: ['BUILD_URL'],
  }),
  'started-at': input(
    z.optional(
      z.pipe(
        z.string(),
        z.transform((v, ctx) => {
          const ms = /^\d+$/.test(v) ? Number(v) * 1000 : Date.parse(v);
          if (!Number.isNaN(ms)) return ms;
          ctx.issues.push({ code: 'custom', input: v, message: 'must be epoch seconds (date +%s) or an ISO 8601 time' });
          return z.NEVER;
        }),
      ),
    ),
    { description: 'When the pipeline started (epoch seconds or ISO 8601), for the duration shown.' },
  ),
  'duration-seconds': input(z.optional(decimalString(0, 31 * 86_400)), { description: 'Duration to show, when started-at is not given.' }),
  message: input(z.optional(z.string().check(z.maxLength(2000))), { description: 'Free text added to the notification.' }),
  'slack-webhook-url': input(webhookUrl, {
    description: 'Slack incoming-webhook URL (a secret: pass it from secrets; it is masked and never printed).',
    env: ['SLACK_WEBHOOK_URL'],
  }),
  'webhook-url': input(webhookUrl, { description: 'Any other receiver: gets the same facts as a plain JSON object (a secret, like the Slack URL).' }),
  'fail-on-error': input(booleanString, { description: 'Fail the step when a notification cannot be delivered (default: a warning).', default: 'false' }),
  attempts: input(integerString(1, 10), { description: 'Attempts per target; 429 (after Retry-After), 5xx and network errors are retried.', default: '4' }),
  'timeout-seconds': input(decimalString(0.1, 120), { description: 'Bound on one request.', default: '10' }),
};

type NotifyInput = StageInput<typeof inputs>;

/**
 * Tells people how the pipeline went: a Slack message in Block Kit and/or a JSON webhook, with the status, service,
 * environment, image digest, commit, duration and a link to the run. The URLs are secrets: masked at once and never
 * printed; a notification that cannot be delivered is a warning unless fail-on-error says otherwise.
 */
export const notifyStage = defineStage({
  name: 'notify',
  description: 'Notify Slack (Block Kit) and/or a JSON webhook of the outcome: status, service, environment, image, commit, run link, duration.',
  inputs,
  outputs: {
    delivered: { description: 'Targets that got the notification, comma-separated (slack, webhook); empty when none did.' },
    failed: { description: 'Targets that did not, comma-separated; empty when all did.' },
  },
  check: (input) =>
    !input['slack-webhook-url'] && !input['webhook-url']
      ? { input: 'slack-webhook-url', problem: 'is required unless webhook-url is given' }
      : input['started-at'] !== undefined && input['duration-seconds'] !== undefined
        ? { input: 'duration-seconds', problem: 'is computed from started-at: give one of them' }
        : undefined,
  run: notify,
});

async function notify(input: NotifyInput, runtime: Runtime) {
  const targets = [
    { name: 'slack', url: input['slack-webhook-url'], payload: slackPayload },
    { name: 'webhook', url: input['webhook-url'], payload: webhookPayload },
  ].filter((t): t is typeof t & { url: URL } => t.url !== undefined);
  // Before anything can print: the URLs hold their credential in the path.
  for (const target of targets) for (const part of secretPartsOf(target.url)) runtime.setSecret(part);

  const facts = factsOf(input, runtime);
  const delivered: string[] = [];
  const failed: { name: string; host: string; problem: string }[] = [];
  for (const target of targets) {
    const host = webhookHost(target.url);
    const result = await postJson(target.url, target.payload(facts), {
      attempts: input.attempts,
      timeoutMs: input['timeout-seconds'] * 1000,
      maxWaitMs: 30_000,
      clock: systemClock,
      log: (line) => runtime.info(`${target.name}: ${line}`),
    });
    if (result.delivered) {
      delivered.push(target.name);
      runtime.info(`${target.name}: notified ${host} (${facts.status}${result.attempts > 1 ? `, attempt ${result.attempts}` : ''})`);
    } else {
      failed.push({ name: target.name, host, problem: result.problem });
      runtime.warning(`${target.name}: notification not delivered after ${result.attempts} attempt(s): ${result.problem}`);
    }
  }

  // The summary is not masked by every runner: it names targets and hosts only.
  await runtime.appendSummary(
    [
      `### notify: ${facts.status}`,
      '',
      ...targets.map((t) => `- ${t.name} (${webhookHost(t.url)}): ${delivered.includes(t.name) ? 'delivered' : 'not delivered'}`),
      '',
    ].join('\n'),
  );
  const outputs = { delivered: delivered.join(','), failed: failed.map((f) => f.name).join(',') };
  if (failed.length > 0 && input['fail-on-error']) {
    for (const [name, value] of Object.entries(outputs)) runtime.setOutput(name, value);
    throw new GantryError(`notification not delivered: ${failed.map((f) => `${f.name} (${f.problem})`).join('; ')}`, {
      remedy: 'check that the webhook URL secret is current and its host is reachable from the runner; or set fail-on-error: false.',
    });
  }
  return outputs;
}

/** The inputs, completed with what the runner knows about the run. */
function factsOf(input: NotifyInput, runtime: Runtime): NotificationFacts {
  const { repository, runId, serverUrl, sha } = runtime.run;
  const commit = input.commit ?? sha;
  const image = input.image;
  const reference = image ? parseImageReference(image) : undefined;
  const durationMs =
    input['started-at'] !== undefined ? Math.max(0, Date.now() - input['started-at']) : input['duration-seconds'] !== undefined ? input['duration-seconds'] * 1000 : undefined;
  return {
    status: input.status,
    service: input.service,
    environment: input.environment,
    image,
    digest: reference && typeof reference !== 'string' ? reference.digest : undefined,
    commit,
    repository,
    commitUrl: serverUrl && repository && commit ? `${serverUrl}/${repository}/commit/${commit}` : undefined,
    runUrl: input['run-url'] ?? (serverUrl && repository && runId ? `${serverUrl}/${repository}/actions/runs/${runId}` : undefined),
    durationMs,
    message: input.message,
  };
}
