import { runCommand } from './exec.js';

/** What the build context's git checkout says about the commit being built; every field is absent outside a repository. */
export interface GitFacts {
  readonly sha?: string;
  /** Tags pointing at HEAD whose name starts with `v`. */
  readonly versionTags: readonly string[];
  readonly remoteUrl?: string;
  /** Committer time of HEAD, seconds since the epoch: the default creation time of a reproducible build. */
  readonly commitTime?: number;
}

export async function gitFacts(dir: string, env: Readonly<Record<string, string | undefined>>): Promise<GitFacts> {
  const git = async (...args: string[]) => {
    try {
      const result = await runCommand('git', ['-C', dir, ...args], { env, timeoutMs: 30_000 });
      return result.code === 0 ? result.stdout.trim() : undefined;
    } catch {
      return undefined;
    }
  };
  const sha = await git('rev-parse', '--verify', '--quiet', 'HEAD');
  if (!sha) return { versionTags: [] };
  const tags = await git('tag', '--points-at', 'HEAD', '--list', 'v*');
  const remoteUrl = await git('remote', 'get-url', 'origin');
  const commitTime = Number(await git('log', '-1', '--format=%ct', 'HEAD'));
  return { sha, versionTags: (tags ?? '').split('\n').filter(Boolean), remoteUrl, commitTime: Number.isInteger(commitTime) && commitTime > 0 ? commitTime : undefined };
}

/** `git@github.com:o/r.git` and `https://user@host/o/r.git` → `https://github.com/o/r`, for the source label; local paths stay as they are. */
export function browsableUrl(remote: string): string {
  const scp = /^[\w.-]+@([\w.-]+):(.+?)(?:\.git)?$/.exec(remote);
  if (scp) return `https://${scp[1]}/${scp[2]}`;
  try {
    const url = new URL(remote);
    if (url.protocol === 'https:' || url.protocol === 'http:' || url.protocol === 'ssh:') {
      return `https://${url.hostname}${url.pathname.replace(/\.git$/, '')}`;
    }
  } catch {
    // Not a URL: a path on disk.
  }
  return remote;
}
