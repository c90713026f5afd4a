import type { V1PodTemplateSpec } from '@kubernetes/client-node';
import { PatchStrategy } from './api.js';
import { GantryError, InputError } from '../model/errors.js';
import { formatDuration, type Clock } from '../model/schedule.js';
import type { Runtime } from '../model/runtime.js';
import { verifyRollout, VerificationFailedError } from '../verify/after-rollout.js';
import type { SmokePlan } from '../verify/inputs.js';
import { failureMessage } from '../verify/report.js';
import { kubeStatusOf } from './errors.js';
import { failureDetail } from './failure-detail.js';
import { followRollout, type RolloutOutcome } from './rollout-watcher.js';
import type { KubeSession } from './session.js';
import { patchWorkload, readWorkload } from './workload-api.js';
import {
  containerImages,
  describeRef,
  podTemplateOf,
  revisionOf,
  rolloutBlocker,
  type Workload,
  type WorkloadRef,
} from './workload.js';

export interface KubeDeployPlan {
  readonly ref: WorkloadRef;
  readonly image: string;
  /** Containers (or init containers) that get the image; empty: the workload's only container. */
  readonly containers: readonly string[];
  /** Recorded as `kubernetes.io/change-cause`; a default naming the image and the source run when absent. */
  readonly changeCause?: string;
  readonly rollback: boolean;
  /** Bound on the rollout, and again on the rollback's. */
  readonly timeoutMs: number;
  /** Smoke checks run once the rollout completed; their failure rolls back like a failed rollout. */
  readonly verify?: SmokePlan;
}

export interface KubeDeployResult {
  /** What each updated container ran before. */
  readonly previousImages: ReadonlyMap<string, string>;
  readonly previousRevision: string;
  readonly revision: string;
  readonly status: 'complete';
}

export const CHANGE_CAUSE = 'kubernetes.io/change-cause';
export const PROVENANCE = {
  repository: 'gantry.dev/source-repository',
  revision: 'gantry.dev/source-revision',
  run: 'gantry.dev/run',
} as const;

/**
 * Sets the image of a workload's containers and follows the rollout to the end. Everything that can be refused is
 * refused before the patch (unknown namespace, workload or container, a paused Deployment, an OnDelete strategy);
 * a rollout that fails or times out is explained (pods, events), rolled back to the pod template it replaced, and
 * followed again, so the previous version is what runs when the stage fails.
 */
export async function deployToKubernetes(session: KubeSession, plan: KubeDeployPlan, runtime: Runtime, clock: Clock): Promise<KubeDeployResult> {
  const { ref } = plan;
  await checkNamespace(session, ref);
  const before = await readExisting(session, ref);
  const previousTemplate = podTemplateOf(before);
  const previousImages = containerImages(previousTemplate);
  const targets = targetContainers(plan.containers, previousTemplate, ref);
  const blocker = rolloutBlocker(ref.kind, before);
  if (blocker) throw new GantryError(`${describeRef(ref)} in namespace ${ref.namespace} ${blocker}`);
  const previousRevision = revisionOf(ref.kind, before);

  const changed = targets.some((name) => previousImages.get(name) !== plan.image);
  const since = new Date();
  let current = before;
  if (changed) {
    current = await patchWorkload(session, ref, imagePatch(previousTemplate, targets, plan, runtime), PatchStrategy.StrategicMergePatch);
    runtime.info(`${describeRef(ref)}: ${targets.map((name) => `${name} ${previousImages.get(name)} → ${plan.image}`).join(', ')} (generation ${current.metadata?.generation})`);
  } else {
    runtime.info(`${describeRef(ref)} already runs ${plan.image}: nothing to patch, checking that it is rolled out`);
  }

  // Unchanged, an earlier failure still stands: only a patch of ours makes older conditions stale.
  const outcome = await followRollout(session, ref, current, { deadline: clock.now() + plan.timeoutMs, since: changed ? since : undefined, clock, runtime });
  if (outcome.kind === 'complete') {
    const replaced = new Map(targets.map((name) => [name, previousImages.get(name) ?? '']));
    const done: KubeDeployResult = { previousImages: replaced, previousRevision, revision: revisionOf(ref.kind, outcome.workload), status: 'complete' };
    if (!plan.verify) return done;
    const verified = await verifyRollout(plan.verify, 'deploy-eks', runtime, clock);
    if (verified.passed) return done;
    // The rollout itself went well; the new pods answer wrong: the same rollback as a failed rollout.
    const what = `${describeRef(ref)} rolled out but failed verification: ${failureMessage(verified)}`;
    if (!changed) throw new VerificationFailedError(`${what}\n(it already ran ${plan.image}: nothing to roll back)`, verified, false);
    if (!plan.rollback) {
      throw new VerificationFailedError(`${what}\nrollback is off, so it is left as it is`, verified, false, {
        remedy: `roll back with: kubectl -n ${ref.namespace} rollout undo ${describeRef(ref)}`,
      });
    }
    const rolledBack = await rollBack(session, ref, outcome.workload, previousTemplate, targets, plan, runtime, clock, 'failed verification');
    throw new VerificationFailedError(`${what}\n${rolledBack.note}`, verified, rolledBack.restored);
  }

  const reason = failureReason(outcome, plan.timeoutMs);
  runtime.error(`${describeRef(ref)} ${reason}`);
  const detail = await failureDetail(session, ref, outcome.workload, since);
  if (detail.pods.length > 0) runtime.info(['Pods not ready:', ...detail.pods].join('\n  '));
  if (detail.events.length > 0) runtime.info([`Events since the rollout began:`, ...detail.events].join('\n  '));
  const pods = detail.pods.map((line) => `\n  ${line}`).join('');
  if (!changed) throw new GantryError(`${describeRef(ref)} ${reason} (it already ran ${plan.image}: nothing to roll back)${pods}`);
  if (!plan.rollback) {
    throw new GantryError(`${describeRef(ref)} ${reason}; rollback is off, so it is left as it is${pods}`, {
      remedy: `roll back with: kubectl -n ${ref.namespace} rollout undo ${describeRef(ref)}`,
    });
  }
  const rolledBack = await rollBack(session, ref, outcome.workload, previousTemplate, targets, plan, runtime, clock);
  throw new GantryError(`${describeRef(ref)} ${reason}; ${rolledBack.note}${pods}`);
}

export async function checkNamespace(session: KubeSession, ref: WorkloadRef): Promise<void> {
  try {
    await session.call(`reading namespace ${ref.namespace}`, (api) => api.get(`/api/v1/namespaces/${ref.namespace}`));
  } catch (error) {
    const status = kubeStatusOf(error);
    if (status === 404) throw new InputError('namespace', `namespace '${ref.namespace}' does not exist in cluster ${session.cluster.name}`);
    // Many deploy roles may not read namespaces; the workload read below still tells a missing namespace apart.
    if (status !== 403) throw error;
  }
}

export async function readExisting(session: KubeSession, ref: WorkloadRef): Promise<Workload> {
  try {
    return await readWorkload(session, ref);
  } catch (error) {
    if (kubeStatusOf(error) === 404) {
      throw new InputError('workload', `${describeRef(ref)} does not exist in namespace ${ref.namespace} of cluster ${session.cluster.name}`);
    }
    throw error;
  }
}

/** The containers that get the image: those named, each of which must exist, or else the only one there is. */
export function targetContainers(named: readonly string[], template: V1PodTemplateSpec, ref: WorkloadRef): string[] {
  const all = [...containerImages(template).keys()];
  const regular = (template.spec?.containers ?? []).map((c) => c.name);
  if (named.length === 0) {
    if (regular.length === 1) return regular;
    throw new InputError('containers', `${describeRef(ref)} has containers ${regular.join(', ')}: name the ones that get the image`);
  }
  const missing = named.filter((name) => !all.includes(name));
  if (missing.length > 0) throw new InputError('containers', `${describeRef(ref)} has no container '${missing[0]}' (it has ${all.join(', ')})`);
  return [...new Set(named)];
}

/**
 * A strategic-merge patch: containers merge by name, so only the image of those named changes. The change cause and
 * the source's provenance go on the workload, from where the Deployment controller copies them to the new
 * ReplicaSet, so `kubectl rollout history` shows them per revision.
 */
function imagePatch(template: V1PodTemplateSpec, targets: readonly string[], plan: KubeDeployPlan, runtime: Runtime) {
  const init = new Set((template.spec?.initContainers ?? []).map((c) => c.name));
  const entries = (names: string[]) => names.map((name) => ({ name, image: plan.image }));
  const spec: Record<string, unknown> = {};
  const regular = targets.filter((name) => !init.has(name));
  const initTargets = targets.filter((name) => init.has(name));
  if (regular.length > 0) spec.containers = entries(regular);
  if (initTargets.length > 0) spec.initContainers = entries(initTargets);
  return { metadata: { annotations: annotationsFor(targets, plan, runtime) }, spec: { template: { spec } } };
}

export function annotationsFor(targets: readonly string[], plan: KubeDeployPlan, runtime: Runtime): Record<string, string> {
  const { repository, sha, runId, serverUrl } = runtime.run;
  const source = repository && sha ? ` from ${repository}@${sha.slice(0, 12)}` : '';
  const run = runId ? ` (run ${runId})` : '';
  const annotations: Record<string, string> = {
    [CHANGE_CAUSE]: plan.changeCause ?? `gantry deploy-eks: ${targets.map((name) => `${name}=${plan.image}`).join(', ')}${source}${run}`,
  };
  if (repository) annotations[PROVENANCE.repository] = serverUrl ? `${serverUrl}/${repository}` : repository;
  if (sha) annotations[PROVENANCE.revision] = sha;
  if (runId) annotations[PROVENANCE.run] = serverUrl && repository ? `${serverUrl}/${repository}/actions/runs/${runId}` : runId;
  return annotations;
}

function failureReason(outcome: RolloutOutcome, timeoutMs: number): string {
  if (outcome.kind === 'timed-out') return `did not finish rolling out within ${formatDuration(timeoutMs)} (${outcome.message})`;
  return outcome.message;
}

/**
 * Puts the pod template back as it was, in one JSON patch that first tests that the images are still the ones this
 * stage set: if someone deployed meanwhile, their change stands and we say so instead of undoing it.
 */
async function rollBack(
  session: KubeSession,
  ref: WorkloadRef,
  latest: Workload,
  previousTemplate: V1PodTemplateSpec,
  targets: readonly string[],
  plan: KubeDeployPlan,
  runtime: Runtime,
  clock: Clock,
  cause = 'a failed rollout',
): Promise<{ note: string; restored: boolean }> {
  const notRolledBack = (note: string) => ({ note: `not rolled back: ${note}`, restored: false });
  const template = podTemplateOf(latest);
  const images = containerImages(template);
  if (targets.some((name) => images.get(name) !== plan.image)) {
    return notRolledBack(`${describeRef(ref)} no longer runs ${plan.image} (someone else changed it during the rollout)`);
  }
  const tests = targets.map((name) => ({ op: 'test', path: imagePath(template, name), value: plan.image }));
  const previous = [...containerImages(previousTemplate)].filter(([name]) => targets.includes(name)).map(([n, i]) => `${n}=${i}`).join(', ');
  runtime.warning(`rolling ${describeRef(ref)} back to its previous pod template (${previous})`);
  const since = new Date();
  let reverted: Workload;
  try {
    reverted = await patchWorkload(
      session,
      ref,
      [
        ...tests,
        { op: 'replace', path: '/spec/template', value: previousTemplate },
        { op: 'add', path: `/metadata/annotations/${CHANGE_CAUSE.replace('/', '~1')}`, value: `gantry deploy-eks: rolled back from ${plan.image} after ${cause}` },
      ],
      PatchStrategy.JsonPatch,
    );
  } catch (error) {
    if (kubeStatusOf(error) === 422) return notRolledBack(`${describeRef(ref)} was changed by someone else during the rollout`);
    throw error;
  }
  const outcome = await followRollout(session, ref, reverted, { deadline: clock.now() + plan.timeoutMs, since, clock, runtime });
  if (outcome.kind === 'complete') return { note: `rolled back to ${previous} (revision ${revisionOf(ref.kind, outcome.workload)})`, restored: true };
  return { note: `the rollback to ${previous} did not complete either: ${failureReason(outcome, plan.timeoutMs)}`, restored: false };
}

/** The JSON pointer to a container's image in the workload: `/spec/template/spec/containers/0/image`. */
export function imagePath(template: V1PodTemplateSpec, name: string): string {
  for (const list of ['containers', 'initContainers'] as const) {
    const index = template.spec?.[list]?.findIndex((c) => c.name === name) ?? -1;
    if (index >= 0) return `/spec/template/spec/${list}/${index}/image`;
  }
  throw new Error(`container ${name} is not in the pod template`);
}
