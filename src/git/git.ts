import { spawn } from 'node:child_process';
import { backoffDelay, sleep } from '../model/backoff.js';
import { GantryError } from '../model/errors.js';
import { networkLimits } from '../model/network.js';

export interface GitOptions {
  /** The runner's environment (PATH, HOME, proxies); never `process.env` read behind the caller's back. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /**
   * A token for https remotes. It travels only as an `http.extraHeader` set through git's environment config
   * (`GIT_CONFIG_COUNT`/`KEY`/`VALUE`), never in a URL or an argument, so neither `ps` nor git's own messages show it.
   */
  readonly token?: string;
  /** Author and committer of commits made through this wrapper. */
  readonly identity?: GitIdentity;
  /** Per-command limit; a hung transfer must not hold the pipeline forever. */
  readonly timeoutMs?: number;
  /** Sees every command line before it runs (debug logs, and tests that prove no secret reaches an argument). */
  readonly onCommand?: (args: readonly string[]) => void;
  /** Told when a network command (clone, fetch, push) failed on the way and is run again. */
  readonly onRetry?: (line: string) => void;
  /** Runs of a network command in all, the first included. */
  readonly networkAttempts?: number;
}

export interface GitIdentity {
  readonly authorName: string;
  readonly authorEmail: string;
  readonly committerName: string;
  readonly committerEmail: string;
}

export interface GitResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** A network command only: an earlier try broke off, so the remote may have acted on it unseen. */
  readonly retried?: boolean;
}

/** A git command that failed; its message is already free of the token. */
export class GitError extends GantryError {
  readonly args: readonly string[];
  readonly code: number;
  readonly stderr: string;

  constructor(args: readonly string[], code: number, stderr: string, remedy?: string) {
    const detail = stderr.trim().split('\n').slice(-6).join('\n');
    super(`git ${args[0] ?? ''} failed (exit ${code})${detail ? `: ${detail}` : ''}`, { remedy });
    this.name = 'GitError';
    this.args = args;
    this.code = code;
    this.stderr = stderr;
  }
}

/** Variables that would point git at another repository or leak traffic into logs; never inherited. */
const DROPPED_ENV = /^(GIT_DIR|GIT_WORK_TREE|GIT_INDEX_FILE|GIT_OBJECT_DIRECTORY|GIT_ALTERNATE_OBJECT_DIRECTORIES|GIT_NAMESPACE|GIT_CEILING_DIRECTORIES|GIT_TRACE.*|GIT_CURL_VERBOSE|GIT_CONFIG_PARAMETERS)$/;

/** The `Authorization` header git sends for a token: GitHub's documented Basic form with `x-access-token`. */
export function authorizationHeader(token: string): string {
  return `Authorization: Basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`;
}

/**
 * A small wrapper around the git CLI: `execFile` (no shell, arguments never re-parsed), a fixed environment,
 * non-interactive transports, bounded run time, and every message scrubbed of the token before anyone sees it.
 */
export class Git {
  private readonly env: NodeJS.ProcessEnv;
  private readonly secrets: string[];
  private readonly timeoutMs: number;

  constructor(private readonly options: GitOptions) {
    this.timeoutMs = options.timeoutMs ?? 300_000;
    this.secrets = options.token ? [options.token, authorizationHeader(options.token).slice('Authorization: '.length)] : [];
    this.env = gitEnvironment(options);
  }

  /** Runs `git <args>` in `cwd`; throws GitError on a non-zero exit unless `allowFailure`. */
  async run(args: readonly string[], cwd?: string, options: { allowFailure?: boolean; timeoutMs?: number } = {}): Promise<GitResult> {
    this.options.onCommand?.(args);
    const result = await this.spawnGit(args, cwd, options.timeoutMs ?? this.timeoutMs);
    if (result.code !== 0 && !options.allowFailure) throw new GitError(args, result.code, result.stderr);
    return result;
  }

  /**
   * Runs a command that talks to the remote (clone, fetch, push), again after a failure on the way — a 5xx or 429,
   * a connection reset, a transfer that broke off or stalled past the request bound — with backoff, a bounded number
   * of times. `beforeRetry` cleans up what a broken run left (a half-made clone). A push is repeated as it is: if the
   * first one landed, the second finds the branch up to date.
   */
  async network(args: readonly string[], cwd?: string, options: { allowFailure?: boolean; beforeRetry?: () => Promise<void> } = {}): Promise<GitResult> {
    const attempts = this.options.networkAttempts ?? 4;
    for (let attempt = 1; ; attempt++) {
      const result = await this.run(args, cwd, { allowFailure: true });
      if (result.code === 0 || !isTransient(result.stderr) || attempt >= attempts) {
        if (result.code !== 0 && !options.allowFailure) throw new GitError(args, result.code, result.stderr);
        return attempt > 1 ? { ...result, retried: true } : result;
      }
      const wait = backoffDelay(attempt, 500, 8_000);
      this.options.onRetry?.(`git ${args[0]}: ${lastLine(result.stderr)}; trying again in ${(wait / 1000).toFixed(1)} s (attempt ${attempt + 1} of ${attempts})`);
      await sleep(wait);
      await options.beforeRetry?.();
    }
  }

  /**
   * git in its own process group, so a timeout ends it and its transport helpers (git-remote-https, ssh) together;
   * a killed transfer must not keep a socket or a lock file alive behind the pipeline's back.
   */
  private spawnGit(args: readonly string[], cwd: string | undefined, timeoutMs: number): Promise<GitResult> {
    return new Promise<GitResult>((resolve, reject) => {
      const child = spawn('git', [...args], { cwd, env: this.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      let timedOut = false;
      child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout.length < 32 * 1024 * 1024 ? (stdout += d) : undefined));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr.length < 1024 * 1024 ? (stderr += d) : undefined));
      const timer = setTimeout(() => {
        timedOut = true;
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          child.kill('SIGKILL');
        }
      }, timeoutMs);
      child.on('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        if (error.code === 'ENOENT') reject(new GantryError('git is not installed or not on PATH', { remedy: 'install git 2.30 or later on the runner.' }));
        else resolve({ code: -1, stdout: this.redact(stdout), stderr: this.redact(`${stderr}\n${error.message}`) });
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        const reason = timedOut ? `\ntimed out after ${Math.round(timeoutMs / 1000)} s` : '';
        resolve({ code: timedOut ? -1 : (code ?? -1), stdout: this.redact(stdout), stderr: this.redact(`${stderr}${reason}`) });
      });
    });
  }

  /** Like `run`, returning trimmed stdout. */
  async output(args: readonly string[], cwd?: string): Promise<string> {
    return (await this.run(args, cwd)).stdout.trim();
  }

  /** Removes the token (and its header form) from text that came out of git. */
  redact(text: string): string {
    let out = text;
    for (const secret of this.secrets) out = out.split(secret).join('***');
    return out;
  }
}

function gitEnvironment(options: GitOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(options.env)) if (value !== undefined && !DROPPED_ENV.test(key)) env[key] = value;

  // Settings a user's global config must not change under us: byte-exact files, no signing prompt, no pager.
  const config: [string, string][] = [
    ['core.autocrlf', 'false'],
    ['core.safecrlf', 'false'],
    ['commit.gpgSign', 'false'],
    ['advice.detachedHead', 'false'],
    ['core.pager', 'cat'],
    // A transfer that moves nothing for the request bound is a stall: abort it (and retry) instead of hanging.
    ['http.lowSpeedLimit', '1'],
    ['http.lowSpeedTime', String(Math.max(1, Math.round(networkLimits().requestTimeoutMs / 1000)))],
  ];
  if (options.token) config.push(['http.extraHeader', authorizationHeader(options.token)]);
  const existing = Number(env.GIT_CONFIG_COUNT ?? 0);
  const start = Number.isInteger(existing) && existing > 0 ? existing : 0;
  config.forEach(([key, value], i) => {
    env[`GIT_CONFIG_KEY_${start + i}`] = key;
    env[`GIT_CONFIG_VALUE_${start + i}`] = value;
  });
  env.GIT_CONFIG_COUNT = String(start + config.length);

  // Never wait for a person: no credential prompt, no ssh host-key or passphrase question.
  env.GIT_TERMINAL_PROMPT = '0';
  env.GCM_INTERACTIVE = 'never';
  env.GIT_ASKPASS = env.GIT_ASKPASS ?? '';
  env.SSH_ASKPASS = env.SSH_ASKPASS ?? '';
  if (!env.GIT_SSH_COMMAND && !env.GIT_SSH) env.GIT_SSH_COMMAND = 'ssh -o BatchMode=yes';
  // Messages in English, so the few we recognise (non-fast-forward, conflicts) are recognised everywhere.
  env.LC_ALL = 'C';
  env.LANGUAGE = 'C';

  if (options.identity) {
    env.GIT_AUTHOR_NAME = options.identity.authorName;
    env.GIT_AUTHOR_EMAIL = options.identity.authorEmail;
    env.GIT_COMMITTER_NAME = options.identity.committerName;
    env.GIT_COMMITTER_EMAIL = options.identity.committerEmail;
  }
  return env;
}

/** Failures on the way to the remote that another run may not meet; a refusal (401, 403, 404, a rejected push) is not one. */
const TRANSIENT =
  /returned error: (5\d\d|429)|RPC failed|early EOF|unexpected disconnect|remote end hung up|Connection reset|Recv failure|Operation too slow|Operation timed out|timed out after|transfer closed|Empty reply|Failed to connect|Could not resolve host|HTTP\/2 stream|invalid (chunk|pack|packet)|protocol error|bytes of body are still expected|expected flush/i;

export function isTransient(stderr: string): boolean {
  return TRANSIENT.test(stderr);
}

function lastLine(text: string): string {
  return text.trim().split('\n').filter(Boolean).pop() ?? 'failed';
}
