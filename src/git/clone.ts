import { readFile, rm } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { GitError, type Git } from './git.js';

/** `afterBreakOff`: an earlier try of this push broke off, so the remote may have taken it before the rejection. */
export type PushResult = { ok: true } | { ok: false; reason: 'rejected'; detail: string; afterBreakOff: boolean };

export type RebaseResult = { ok: true } | { ok: false; reason: 'conflict'; files: string[] };

export type RevertResult = { ok: true } | { ok: false; reason: 'conflict'; files: string[] };

/** A commit as `git log` shows it: its full sha, its parents and its subject. */
export interface CommitInfo {
  readonly sha: string;
  readonly parents: readonly string[];
  readonly subject: string;
}

/** A shallow working clone of one branch, and the handful of operations a bump or a revert needs on it. */
export class Clone {
  private constructor(
    private readonly git: Git,
    readonly dir: string,
    readonly branch: string,
  ) {}

  /** `git clone --depth 1 --single-branch --branch <branch>`: history is not needed to edit the tip. */
  static async create(git: Git, url: string, dir: string, branch: string): Promise<Clone> {
    try {
      await git.network(['clone', '--quiet', '--depth', '1', '--single-branch', '--no-tags', '--branch', branch, '--', url, dir], undefined, {
        beforeRetry: () => rm(dir, { recursive: true, force: true }),
      });
    } catch (error) {
      if (error instanceof GitError && /Remote branch .* not found/i.test(error.stderr)) {
        throw new GitError(error.args, error.code, error.stderr, `create branch '${branch}' in the GitOps repository, or set the branch input.`);
      }
      if (error instanceof GitError) {
        throw new GitError(
          error.args,
          error.code,
          error.stderr,
          'check the repository input and that the token (https) or deploy key (ssh) may read it.',
        );
      }
      throw error;
    }
    return new Clone(git, dir, branch);
  }

  head(): Promise<string> {
    return this.git.output(['rev-parse', 'HEAD'], this.dir);
  }

  /** Commits exactly `files` with `message`; returns the new commit's sha. */
  async commit(files: readonly string[], message: string): Promise<string> {
    await this.git.run(['add', '--', ...files], this.dir);
    await this.git.run(['commit', '--quiet', '--no-verify', '-m', message], this.dir);
    return this.head();
  }

  /** Fetches the upstream tip of `branch` (one commit deep) and returns its sha. */
  async fetchUpstream(branch = this.branch): Promise<string> {
    await this.git.network(['fetch', '--quiet', '--depth', '1', '--no-tags', 'origin', `+refs/heads/${branch}:refs/remotes/origin/${branch}`], this.dir);
    return this.git.output(['rev-parse', `refs/remotes/origin/${branch}`], this.dir);
  }

  /**
   * Replays the commits made on top of `base` onto `upstream` (`git rebase --onto`, so a shallow clone never
   * needs the history in between). On a conflict the rebase is aborted and the conflicting files returned.
   */
  async rebaseOnto(upstream: string, base: string): Promise<RebaseResult> {
    const result = await this.git.run(['rebase', '--quiet', '--onto', upstream, base], this.dir, { allowFailure: true });
    if (result.code === 0) return { ok: true };
    const files = (await this.git.output(['diff', '--name-only', '--diff-filter=U'], this.dir).catch(() => '')).split('\n').filter(Boolean);
    await this.git.run(['rebase', '--abort'], this.dir, { allowFailure: true });
    if (files.length === 0 && !/conflict/i.test(`${result.stdout}\n${result.stderr}`)) {
      throw new GitError(['rebase', '--onto', upstream, base], result.code, result.stderr);
    }
    return { ok: false, reason: 'conflict', files };
  }

  /**
   * Deepens the shallow history until `commit` and its parent are present and `commit` is an ancestor of HEAD, in
   * growing steps, so a recent commit costs a small fetch and an old one a few. Returns false when the whole
   * history is fetched and `commit` is not on the branch.
   */
  async deepenUntilAncestor(commit: string): Promise<boolean> {
    for (let depth = 16; ; depth *= 4) {
      const sha = await this.resolve(commit);
      if (sha && (await this.isAncestor(sha, 'HEAD')) && (await this.parentsPresent(sha))) return true;
      if (!(await this.isShallow())) return false;
      await this.git.network(['fetch', '--quiet', '--no-tags', `--deepen=${depth}`, 'origin', `refs/heads/${this.branch}`], this.dir);
    }
  }

  /** The full sha of a commit named by a (possibly short) sha or ref, or undefined when there is no such commit here. */
  async resolve(name: string): Promise<string | undefined> {
    const result = await this.git.run(['rev-parse', '--quiet', '--verify', `${name}^{commit}`], this.dir, { allowFailure: true });
    return result.code === 0 ? result.stdout.trim() : undefined;
  }

  async describe(commit: string): Promise<CommitInfo> {
    const [sha = '', parents = '', ...subject] = (await this.git.output(['log', '-1', '--format=%H%n%P%n%s', commit], this.dir)).split('\n');
    return { sha, parents: parents.split(' ').filter(Boolean), subject: subject.join('\n') };
  }

  /** Commits in `from..to` (newest first) whose message contains `text`, optionally only those touching `paths`. */
  async commitsBetween(from: string, to: string, options: { grep?: string; paths?: readonly string[] } = {}): Promise<CommitInfo[]> {
    const args = ['log', '--format=%H%x09%P%x09%s', ...(options.grep ? ['--fixed-strings', `--grep=${options.grep}`] : []), `${from}..${to}`];
    if (options.paths) args.push('--', ...options.paths);
    const lines = (await this.git.output(args, this.dir)).split('\n').filter(Boolean);
    return lines.map((line) => {
      const [sha = '', parents = '', subject = ''] = line.split('\t');
      return { sha, parents: parents.split(' ').filter(Boolean), subject };
    });
  }

  /** Files a commit changed. */
  async changedFiles(commit: string): Promise<string[]> {
    return (await this.git.output(['diff-tree', '--no-commit-id', '--name-only', '-r', commit], this.dir)).split('\n').filter(Boolean);
  }

  /**
   * Applies the inverse of `commit` to the work tree and index, uncommitted (`git revert --no-commit`). On a
   * conflict the revert is aborted, leaving the tree as it was, and the conflicting files returned.
   */
  async revertNoCommit(commit: string): Promise<RevertResult> {
    const result = await this.git.run(['revert', '--no-commit', commit], this.dir, { allowFailure: true });
    if (result.code === 0) return { ok: true };
    const files = (await this.git.output(['diff', '--name-only', '--diff-filter=U'], this.dir).catch(() => '')).split('\n').filter(Boolean);
    await this.git.run(['revert', '--abort'], this.dir, { allowFailure: true });
    if (files.length === 0 && !/conflict/i.test(`${result.stdout}\n${result.stderr}`)) throw new GitError(['revert', '--no-commit', commit], result.code, result.stderr);
    return { ok: false, reason: 'conflict', files };
  }

  /** Whether the index differs from HEAD (something staged to commit). */
  async hasStagedChanges(): Promise<boolean> {
    return (await this.git.run(['diff', '--cached', '--quiet'], this.dir, { allowFailure: true })).code !== 0;
  }

  /** Commits what is staged with `message`; returns the new commit's sha. */
  async commitStaged(message: string): Promise<string> {
    await this.git.run(['commit', '--quiet', '--no-verify', '-m', message], this.dir);
    return this.head();
  }

  /** Whether `commit` is already in the history of `ref` (say, a push whose answer was lost did land). */
  async contains(ref: string, commit: string): Promise<boolean> {
    return this.isAncestor(commit, ref);
  }

  private async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    return (await this.git.run(['merge-base', '--is-ancestor', ancestor, descendant], this.dir, { allowFailure: true })).code === 0;
  }

  private async parentsPresent(commit: string): Promise<boolean> {
    const { parents } = await this.describe(commit);
    for (const parent of parents) if (!(await this.resolve(parent))) return false;
    // A shallow boundary commit lists no parents at all: only a full history shows a root commit as such.
    return parents.length > 0 || !(await this.isShallowCommit(commit));
  }

  private async isShallow(): Promise<boolean> {
    return (await this.git.output(['rev-parse', '--is-shallow-repository'], this.dir)) === 'true';
  }

  private async isShallowCommit(commit: string): Promise<boolean> {
    const shallow = await this.git.output(['rev-parse', '--git-path', 'shallow'], this.dir);
    const text = await readFile(isAbsolute(shallow) ? shallow : join(this.dir, shallow), 'utf8').catch(() => '');
    return text.split('\n').includes(commit);
  }

  /** A file's content at a revision (`git show <rev>:<path>`). */
  async show(revision: string, path: string): Promise<string> {
    return (await this.git.run(['show', `${revision}:${path}`], this.dir)).stdout;
  }

  async resetHard(commit: string): Promise<void> {
    await this.git.run(['reset', '--quiet', '--hard', commit], this.dir);
  }

  /** Pushes HEAD to `branch`; a non-fast-forward rejection is a result (the caller retries), anything else throws. */
  async push(branch: string, options: { force?: boolean } = {}): Promise<PushResult> {
    const args = ['push', '--porcelain', ...(options.force ? ['--force'] : []), 'origin', `HEAD:refs/heads/${branch}`];
    const result = await this.git.network(args, this.dir, { allowFailure: true });
    if (result.code === 0) return { ok: true };
    const text = `${result.stdout}\n${result.stderr}`;
    if (/\[rejected\]|non-fast-forward|fetch first|\(stale info\)|cannot lock ref|failed to update ref|incorrect old value/i.test(text)) {
      return { ok: false, reason: 'rejected', detail: rejectionLine(text), afterBreakOff: result.retried === true };
    }
    throw new GitError(args, result.code, result.stderr || result.stdout, 'check that the token (https) or deploy key (ssh) may push to the branch.');
  }
}

function rejectionLine(text: string): string {
  return (
    text
      .split('\n')
      .map((line) => line.trim())
      .find((line) => /rejected|non-fast-forward|fetch first|cannot lock|failed to update/i.test(line)) ?? 'rejected'
  );
}
