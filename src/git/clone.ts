import { GitError, type Git } from './git.js';

export type PushResult = { ok: true } | { ok: false; reason: 'rejected'; detail: string };

export type RebaseResult = { ok: true } | { ok: false; reason: 'conflict'; files: string[] };

/** A shallow working clone of one branch, and the handful of operations a bump needs on it. */
export class Clone {
  private constructor(
    private readonly git: Git,
    readonly dir: string,
    readonly branch: string,
  ) {}

  /** `git clone --depth 1 --single-branch --branch <branch>`: history is not needed to edit the tip. */
  static async create(git: Git, url: string, dir: string, branch: string): Promise<Clone> {
    try {
      await git.run(['clone', '--quiet', '--depth', '1', '--single-branch', '--no-tags', '--branch', branch, '--', url, dir]);
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
    await this.git.run(['fetch', '--quiet', '--depth', '1', '--no-tags', 'origin', `+refs/heads/${branch}:refs/remotes/origin/${branch}`], this.dir);
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
    const result = await this.git.run(args, this.dir, { allowFailure: true });
    if (result.code === 0) return { ok: true };
    const text = `${result.stdout}\n${result.stderr}`;
    if (/\[rejected\]|non-fast-forward|fetch first|\(stale info\)|cannot lock ref|failed to update ref|incorrect old value/i.test(text)) {
      return { ok: false, reason: 'rejected', detail: rejectionLine(text) };
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
