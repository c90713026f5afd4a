import { appendFile } from 'node:fs/promises';
import { EOL } from 'node:os';
import type { RawInputs, Stage } from '../../model/stage.js';
import { exitWhenFlushed } from '../exit.js';
import { runStage } from '../run-stage.js';
import type { RunContext, Runtime } from '../../model/runtime.js';
import { actionInput, appendKeyValue, issueCommand } from './commands.js';
import { githubIdToken } from './id-token.js';

/** A GitHub Actions step behind the Runtime interface: workflow commands, environment files, the OIDC token. */
export class GitHubRuntime implements Runtime {
  readonly name = 'github' as const;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly run: RunContext;

  constructor(env: NodeJS.ProcessEnv = process.env) {
    this.env = { ...env };
    this.run = {
      repository: env.GITHUB_REPOSITORY,
      runId: env.GITHUB_RUN_ID,
      runNumber: env.GITHUB_RUN_NUMBER,
      sha: env.GITHUB_SHA,
      ref: env.GITHUB_REF,
      serverUrl: env.GITHUB_SERVER_URL,
    };
  }

  info(message: string) {
    process.stdout.write(`${message}${EOL}`);
  }
  notice(message: string) {
    issueCommand('notice', {}, message);
  }
  warning(message: string) {
    issueCommand('warning', {}, message);
  }
  error(message: string) {
    issueCommand('error', {}, message);
  }
  debug(message: string) {
    issueCommand('debug', {}, message);
  }
  markUnstable(reason: string) {
    this.warning(reason);
  }
  async group<T>(title: string, fn: () => Promise<T>): Promise<T> {
    issueCommand('group', {}, title);
    try {
      return await fn();
    } finally {
      issueCommand('endgroup', {}, '');
    }
  }
  setSecret(value: string) {
    if (value) issueCommand('add-mask', {}, value);
  }
  exportVariable(name: string, value: string, options: { secret?: boolean } = {}) {
    if (options.secret) this.setSecret(value);
    // Later code of this step (and the toolkit's own clients) see it too, as with the toolkit's exportVariable.
    process.env[name] = value;
    if (!appendKeyValue(this.env, 'ENV', name, value)) issueCommand('set-env', { name }, value);
  }
  setOutput(name: string, value: string) {
    if (appendKeyValue(this.env, 'OUTPUT', name, value)) return;
    process.stdout.write(EOL);
    issueCommand('set-output', { name }, value);
  }
  async appendSummary(markdown: string) {
    const path = this.env.GITHUB_STEP_SUMMARY;
    if (!path) return;
    try {
      await appendFile(path, `${markdown}${EOL}`, { flag: 'a' });
    } catch (error) {
      this.warning(`could not write the job summary: ${(error as Error).message}`);
    }
  }
  getIdToken(audience: string) {
    return githubIdToken(audience, this.env, (line) => this.warning(line));
  }

  /**
   * The stage's inputs as the runner passed them (`INPUT_<NAME>`), then the input's own environment fallbacks, so
   * that e.g. `aws-region` need not be repeated after the auth step exported `AWS_REGION`.
   */
  readInputs(stage: Stage): RawInputs {
    const raw: Record<string, string | undefined> = {};
    for (const [name, spec] of Object.entries(stage.inputs)) {
      const candidates = [actionInput(this.env, name), ...(spec.env ?? []).map((variable) => this.env[variable])];
      raw[name] = candidates.find((value) => value !== undefined && value !== '');
    }
    return raw;
  }
}

/** An action's whole body: read inputs, run the stage, fail the step on error. */
export async function runAction(stage: Stage): Promise<void> {
  // Under Node 20 (act, self-hosted runners) the SDK would warn that its 2027 releases need Node 22; the bundled SDK
  // is pinned, so the warning is noise in the step log.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const runtime = new GitHubRuntime(process.env);
  const result = await runStage(stage, runtime.readInputs(stage), runtime);
  if (!result.ok) process.exitCode = 1;
  exitWhenFlushed();
}
