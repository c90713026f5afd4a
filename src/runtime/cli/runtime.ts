import { appendFile } from 'node:fs/promises';
import { GantryError } from '../../model/errors.js';
import { inputEnvName, type RawInputs, type Stage } from '../../model/stage.js';
import { SecretMasker } from '../mask.js';
import type { RunContext, Runtime } from '../../model/runtime.js';

export interface CliRuntimeOptions {
  readonly env?: NodeJS.ProcessEnv;
  /** Where log lines go (stderr by default, keeping stdout for outputs). Everything passes the masker first. */
  readonly write?: (line: string) => void;
  readonly summaryFile?: string;
}

/**
 * The runtime for terminals, Jenkins and any other runner: plain log lines on stderr, inputs from flags or the
 * environment, exports collected for the caller to write to a file or print on request.
 */
export class CliRuntime implements Runtime {
  readonly name = 'cli' as const;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly run: RunContext;
  readonly outputs = new Map<string, string>();
  readonly exports = new Map<string, string>();
  readonly masker = new SecretMasker();
  /** Set when a stage asked for the build to be marked unstable. */
  unstable = false;
  private readonly write: (line: string) => void;
  private readonly summaryFile?: string;
  private depth = 0;

  constructor(options: CliRuntimeOptions = {}) {
    const env = options.env ?? process.env;
    this.env = { ...env };
    this.write = options.write ?? ((line) => process.stderr.write(`${line}\n`));
    this.summaryFile = options.summaryFile ?? env.GANTRY_SUMMARY_FILE;
    this.run = cliRunContext(env);
  }

  private log(prefix: string, message: string) {
    const indent = '  '.repeat(this.depth);
    for (const line of this.masker.mask(message).split('\n')) this.write(`${indent}${prefix}${line}`);
  }

  info(message: string) {
    this.log('', message);
  }
  notice(message: string) {
    this.log('notice: ', message);
  }
  warning(message: string) {
    this.log('warning: ', message);
  }
  error(message: string) {
    this.log('error: ', message);
  }
  markUnstable(reason: string) {
    this.unstable = true;
    this.log('warning: ', reason);
  }
  debug(message: string) {
    if (this.env.GANTRY_DEBUG === '1' || this.env.RUNNER_DEBUG === '1') this.log('debug: ', message);
  }
  async group<T>(title: string, fn: () => Promise<T>): Promise<T> {
    this.log('▶ ', title);
    this.depth++;
    try {
      return await fn();
    } finally {
      this.depth--;
    }
  }
  setSecret(value: string) {
    if (value) this.masker.add(value);
  }
  exportVariable(name: string, value: string, options: { secret?: boolean } = {}) {
    if (options.secret) this.setSecret(value);
    this.exports.set(name, value);
  }
  setOutput(name: string, value: string) {
    this.outputs.set(name, value);
  }
  async appendSummary(markdown: string) {
    if (!this.summaryFile) return;
    try {
      await appendFile(this.summaryFile, `${markdown}\n`);
    } catch (error) {
      this.warning(`could not write the summary file ${this.summaryFile}: ${(error as Error).message}`);
    }
  }
  async getIdToken(): Promise<string> {
    throw new GantryError('no OIDC identity provider on this runner', {
      remedy:
        'pass --web-identity-token-file (or set AWS_WEB_IDENTITY_TOKEN_FILE) to a file holding the token, e.g. the one the Jenkins OIDC provider plugin writes.',
    });
  }

  /** Inputs from flags first, then `GANTRY_<NAME>`, then the input's own fallbacks such as `AWS_REGION`. */
  readInputs(stage: Stage, flags: RawInputs): RawInputs {
    const raw: Record<string, string | undefined> = {};
    for (const [name, spec] of Object.entries(stage.inputs)) {
      const candidates = [flags[name], this.env[inputEnvName(name)], ...(spec.env ?? []).map((v) => this.env[v])];
      raw[name] = candidates.find((value) => value !== undefined && value !== '');
    }
    return raw;
  }
}

/** Run facts from the environment of whichever CI runs the CLI: Jenkins, GitHub, or a developer's shell. */
function cliRunContext(env: NodeJS.ProcessEnv): RunContext {
  return {
    repository: env.GANTRY_REPOSITORY ?? env.GITHUB_REPOSITORY ?? repositoryFromUrl(env.GIT_URL),
    runId: env.GANTRY_RUN_ID ?? env.GITHUB_RUN_ID ?? env.BUILD_TAG,
    runNumber: env.GANTRY_RUN_NUMBER ?? env.GITHUB_RUN_NUMBER ?? env.BUILD_NUMBER,
    sha: env.GANTRY_SHA ?? env.GITHUB_SHA ?? env.GIT_COMMIT,
    ref: env.GANTRY_REF ?? env.GITHUB_REF ?? env.GIT_BRANCH,
    serverUrl: env.GITHUB_SERVER_URL,
  };
}

function repositoryFromUrl(url: string | undefined): string | undefined {
  const match = url && /[:/]([^/:]+\/[^/]+?)(\.git)?$/.exec(url);
  return match ? match[1] : undefined;
}
