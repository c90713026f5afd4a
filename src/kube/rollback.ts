import { PatchStrategy } from './api.js';
import { GantryError, InputError } from '../model/errors.js';
import { formatDuration, type Clock } from '../model/schedule.js';
import type { Runtime } from '../model/runtime.js';
import { formatContainerImages } from './container-images.js';
import { CHANGE_CAUSE, checkNamespace, imagePath, readExisting } from './deploy.js';
import { kubeStatusOf } from './errors.js';
import { failureDetail } from './failure-detail.js';
import { followRollout } from './rollout-watcher.js';
import type { KubeSession } from './session.js';
import { patchWorkload, readWorkload } from './workload-api.js';
import { containerImages, describeRef, podTemplateOf, revisionOf, rolloutBlocker, type Workload, type WorkloadRef } from './workload.js';

export interface KubeRollbackPlan {
  readonly ref: WorkloadRef;
  /** What each container ran before the deploy being undone: deploy-eks's `previous-images`. */
  readonly previousImages: ReadonlyMap<string, string>;
  /**
   * The image that deploy set, the one to undo. When given, a container running anything else means another deploy
   * happened since, and the rollback refuses; when absent, the rollback only guards against a change between its
   * own read and its patch.
   */
  readonly deployedImage?: string;
  readonly timeoutMs: number;
}

export interface KubeRollbackResult {
  /** The images the containers run now, as container=image pairs. */
  readonly images: ReadonlyMap<string, string>;
  readonly revision: string;
  /** False when every container already ran its previous image: nothing patched. */
  readonly changed: boolean;
}

/**
 * Sets a workload's containers back to the images they ran before a deploy, in one JSON patch that first tests that
 * each still runs the image this rollback undoes, so another deploy is never undone; then follows the rollout to
 * the end, as deploy-eks does.
 */
export async function rollBackImages(session: KubeSession, plan: KubeRollbackPlan, runtime: Runtime, clock: Clock): Promise<KubeRollbackResult> {
  const { ref } = plan;
  await checkNamespace(session, ref);
  const before = await readExisting(session, ref);
  const template = podTemplateOf(before);
  const current = containerImages(template);
  const missing = [...plan.previousImages.keys()].filter((name) => !current.has(name));
  if (missing.length > 0) {
    throw new InputError('previous-images', `${describeRef(ref)} has no container '${missing[0]}' (it has ${[...current.keys()].join(', ')})`);
  }
  const blocker = rolloutBlocker(ref.kind, before);
  if (blocker) throw new GantryError(`${describeRef(ref)} in namespace ${ref.namespace} ${blocker}`);

  const toChange = [...plan.previousImages].filter(([name, image]) => current.get(name) !== image).map(([name]) => name);
  const previous = formatContainerImages(plan.previousImages);
  if (toChange.length === 0) {
    runtime.info(`${describeRef(ref)} already runs ${previous}: nothing to patch, checking that it is rolled out`);
    return follow(session, plan, before, undefined, false, runtime, clock);
  }
  const foreign = plan.deployedImage ? toChange.filter((name) => current.get(name) !== plan.deployedImage) : [];
  if (foreign.length > 0) throw anotherDeploy(ref, foreign.map((name) => `${name}=${current.get(name)}`).join(', '), plan.deployedImage!);
  if (!plan.deployedImage) {
    runtime.warning(`no image given: ${describeRef(ref)} is rolled back from what it runs now (${toChange.map((n) => `${n}=${current.get(n)}`).join(', ')}), without checking that the deploy being undone set it`);
  }

  const undone = toChange.map((name) => `${name} ${current.get(name)} → ${plan.previousImages.get(name)}`).join(', ');
  // The tests make the patch all-or-nothing: applied only if each image is still the one read (and set by the deploy).
  const patch = [
    ...toChange.map((name) => ({ op: 'test', path: imagePath(template, name), value: current.get(name) })),
    ...toChange.map((name) => ({ op: 'replace', path: imagePath(template, name), value: plan.previousImages.get(name) })),
    ...(before.metadata?.annotations ? [] : [{ op: 'add', path: '/metadata/annotations', value: {} }]),
    {
      op: 'add',
      path: `/metadata/annotations/${CHANGE_CAUSE.replace('/', '~1')}`,
      value: `gantry rollback: ${toChange.map((name) => `${name}=${plan.previousImages.get(name)}`).join(', ')} (undoing ${plan.deployedImage ?? toChange.map((n) => current.get(n)).join(', ')})`,
    },
  ];
  const since = new Date();
  let patched: Workload;
  try {
    patched = await patchWorkload(session, ref, patch, PatchStrategy.JsonPatch);
  } catch (error) {
    if (kubeStatusOf(error) !== 422) throw error;
    // A failed test: someone changed the images between our read and our patch.
    const now = containerImages(podTemplateOf(await readWorkload(session, ref)));
    const changed = toChange.filter((name) => now.get(name) !== current.get(name));
    if (changed.length === 0) throw error;
    throw anotherDeploy(ref, changed.map((name) => `${name}=${now.get(name)}`).join(', '), plan.deployedImage ?? changed.map((n) => current.get(n)).join(', '));
  }
  runtime.warning(`${describeRef(ref)} rolled back: ${undone} (generation ${patched.metadata?.generation})`);
  return follow(session, plan, patched, since, true, runtime, clock);
}

async function follow(
  session: KubeSession,
  plan: KubeRollbackPlan,
  start: Workload,
  since: Date | undefined,
  changed: boolean,
  runtime: Runtime,
  clock: Clock,
): Promise<KubeRollbackResult> {
  const { ref } = plan;
  const outcome = await runtime.group(`Rollout of ${describeRef(ref)}`, () =>
    followRollout(session, ref, start, { deadline: clock.now() + plan.timeoutMs, since, clock, runtime }),
  );
  if (outcome.kind === 'complete') {
    const images = containerImages(podTemplateOf(outcome.workload));
    const restored = new Map([...plan.previousImages.keys()].map((name) => [name, images.get(name) ?? '']));
    return { images: restored, revision: revisionOf(ref.kind, outcome.workload), changed };
  }
  const reason = outcome.kind === 'timed-out' ? `did not finish rolling out within ${formatDuration(plan.timeoutMs)} (${outcome.message})` : outcome.message;
  const detail = await failureDetail(session, ref, outcome.workload, since ?? new Date(Date.now() - plan.timeoutMs));
  if (detail.events.length > 0) runtime.info(['Events since the rollback began:', ...detail.events].join('\n  '));
  const pods = detail.pods.map((line) => `\n  ${line}`).join('');
  throw new GantryError(`the rollback of ${describeRef(ref)} to ${formatContainerImages(plan.previousImages)}: ${reason}${pods}`, {
    remedy: `the previous images do not roll out either: look at the pods (kubectl -n ${ref.namespace} describe ${describeRef(ref)}).`,
  });
}

function anotherDeploy(ref: WorkloadRef, now: string, undone: string): GantryError {
  return new GantryError(`not rolled back: ${describeRef(ref)} now runs ${now}, not the image this rollback undoes (${undone}); another deploy happened`, {
    remedy: 'that deploy stands and nothing was changed; roll it back by its own outputs if it is the one to undo.',
  });
}
