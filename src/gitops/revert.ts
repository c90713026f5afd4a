import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Clone, type CommitInfo } from '../git/clone.js';
import type { Git } from '../git/git.js';
import { pushWithRetry } from '../git/push-retry.js';
import { GantryError, InputError } from '../model/errors.js';
import type { Runtime } from '../model/runtime.js';

export interface RevertPlan {
  /** The repository URL as git takes it (no credentials). */
  readonly url: string;
  readonly branch: string;
  /** The bump commit to revert, full or abbreviated sha. */
  readonly commit: string;
  /** Why it is reverted, recorded in the message. */
  readonly reason: string;
  /** Where the rollback runs from (`owner/repo@sha`), recorded in the message. */
  readonly source: string;
  readonly pushAttempts: number;
  /** A directory for the working clone, removed afterwards. */
  readonly workDir: string;
}

export interface RevertResult {
  /** The reverted commit, full sha. */
  readonly reverted: string;
  readonly subject: string;
  /** The revert commit pushed by this run, or the one found on the branch; empty when a later commit had undone it. */
  readonly revertCommit: string;
  /** The branch commit that holds the reverted content: the revert commit, or the tip when nothing was pushed. */
  readonly head: string;
  /** False when the branch already held the revert: nothing pushed. */
  readonly changed: boolean;
  readonly files: readonly string[];
}

/** The line `git revert` writes and tools (and this module) look for. */
export const revertsLine = (sha: string) => `This reverts commit ${sha}.`;

export function revertMessage(reverted: CommitInfo, reason: string, source: string): string {
  return [`Revert "${reverted.subject}"`, '', revertsLine(reverted.sha), '', `Reason: ${reason}`, `Rolled back by: ${source}`, ''].join('\n');
}

type Step = { readonly kind: 'committed'; readonly commit: string } | { readonly kind: 'already'; readonly revertCommit: string; readonly why: string };

interface PushState {
  readonly commit: string;
  readonly base: string;
  readonly alreadyWhy?: string;
  readonly existingRevert?: string;
}

/**
 * Reverts a GitOps bump on its branch, as `git revert --no-edit` would, with a message naming the reverted commit
 * and why: a shallow clone deepened only as far as the commit, one revert commit, and a push that survives
 * concurrent pushes (fetch, rebase, or revert again on the new tip). A revert that conflicts with a later change of
 * the same lines fails before anything is pushed; a commit already reverted is a no-op.
 */
export async function revertCommit(git: Git, plan: RevertPlan, runtime: Runtime): Promise<RevertResult> {
  const dir = await mkdtemp(join(plan.workDir, 'gantry-revert-'));
  try {
    const clone = await runtime.group(`Clone ${plan.url} (${plan.branch})`, () => Clone.create(git, plan.url, join(dir, 'repo'), plan.branch));
    const base = await clone.head();
    const reverted = await findCommit(clone, plan, true);
    const files = await clone.changedFiles(reverted.sha);
    runtime.info(`Reverting ${reverted.sha.slice(0, 12)} "${reverted.subject}" (${files.join(', ')}) on ${plan.branch} at ${base.slice(0, 12)}`);

    const first = await revertOn(clone, reverted, plan);
    let state: PushState = first.kind === 'committed' ? { commit: first.commit, base } : { commit: '', base, alreadyWhy: first.why, existingRevert: first.revertCommit };
    if (state.commit) {
      state = await pushWithRetry(clone, state, {
        attempts: plan.pushAttempts,
        log: (line) => runtime.info(line),
        onUpstreamMoved: (upstream, current) => onTopOf(clone, reverted, plan, upstream, current, runtime),
      });
    }
    if (!state.commit) {
      runtime.info(`${reverted.sha.slice(0, 12)} is already undone on ${plan.branch}: ${state.alreadyWhy}; nothing to push`);
      return { reverted: reverted.sha, subject: reverted.subject, revertCommit: state.existingRevert ?? '', head: state.existingRevert || (await clone.head()), changed: false, files };
    }
    runtime.notice(`Pushed ${state.commit.slice(0, 12)} to ${plan.branch}: reverts ${reverted.sha.slice(0, 12)} "${reverted.subject}"`);
    return { reverted: reverted.sha, subject: reverted.subject, revertCommit: state.commit, head: state.commit, changed: true, files };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The commit to revert, with enough history to revert it; refused when it is not a plain commit of the branch. */
async function findCommit(clone: Clone, plan: RevertPlan, fromInput: boolean): Promise<CommitInfo> {
  const onBranch = await clone.deepenUntilAncestor(plan.commit);
  if (!onBranch) {
    const problem = `${plan.commit} is not a commit of branch ${plan.branch}`;
    if (fromInput) throw new InputError('commit', `${problem} (give the commit output of gitops-bump, pushed to this branch)`);
    throw new GantryError(`${problem} any more: the branch was rewritten during the rollback`);
  }
  const info = await clone.describe(plan.commit);
  if (info.parents.length > 1) throw new InputError('commit', `${info.sha.slice(0, 12)} is a merge commit: give the bump commit itself`);
  if (info.parents.length === 0) throw new InputError('commit', `${info.sha.slice(0, 12)} is the first commit of the branch: there is nothing before it to go back to`);
  return info;
}

/** Reverts `reverted` on the clone's HEAD and commits; or says why there is nothing to revert there. */
async function revertOn(clone: Clone, reverted: CommitInfo, plan: RevertPlan): Promise<Step> {
  const earlier = await clone.commitsBetween(reverted.sha, 'HEAD', { grep: revertsLine(reverted.sha) });
  if (earlier[0]) return { kind: 'already', revertCommit: earlier[0].sha, why: `${earlier[0].sha.slice(0, 12)} "${earlier[0].subject}" reverted it` };

  const result = await clone.revertNoCommit(reverted.sha);
  if (!result.ok) {
    const later = await clone.commitsBetween(reverted.sha, 'HEAD', { paths: result.files });
    const names = later.map((c) => `${c.sha.slice(0, 12)} "${c.subject}"`).join(', ');
    throw new GantryError(
      `reverting ${reverted.sha.slice(0, 12)} "${reverted.subject}" conflicts in ${result.files.join(', ') || 'its files'}: ` +
        `${names ? `later commits changed the same lines (${names})` : 'a later commit changed the same lines'}; nothing was pushed`,
      { remedy: 'the later change stands: set the image you want with gitops-bump, or resolve the revert by hand.' },
    );
  }
  if (!(await clone.hasStagedChanges())) {
    await clone.resetHard('HEAD');
    return { kind: 'already', revertCommit: '', why: `its files already hold what they held before it` };
  }
  return { kind: 'committed', commit: await clone.commitStaged(revertMessage(reverted, plan.reason, plan.source)) };
}

/**
 * The branch moved: rebase the revert onto the new tip; when that conflicts or leaves nothing (someone reverted the
 * same commit meanwhile), revert afresh on the new tip, which finds that revert or reports the conflict.
 */
async function onTopOf(clone: Clone, reverted: CommitInfo, plan: RevertPlan, upstream: string, state: PushState, runtime: Runtime): Promise<PushState> {
  const rebased = await clone.rebaseOnto(upstream, state.base);
  if (rebased.ok) {
    const head = await clone.head();
    if (head !== upstream) {
      runtime.info(`Rebased the revert onto ${upstream.slice(0, 12)}`);
      return { commit: head, base: upstream };
    }
  } else {
    runtime.info(`Rebase onto ${upstream.slice(0, 12)} conflicts in ${rebased.files.join(', ') || 'the reverted files'}: reverting again on the new tip`);
  }
  await clone.resetHard(upstream);
  await findCommit(clone, plan, false);
  const step = await revertOn(clone, reverted, plan);
  if (step.kind === 'already') return { commit: '', base: upstream, alreadyWhy: step.why, existingRevert: step.revertCommit };
  return { commit: step.commit, base: upstream };
}
