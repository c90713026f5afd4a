import * as core from '@actions/core';
import type { RawInputs, Stage } from '../../model/stage.js';
import { runStage } from '../run-stage.js';
import type { RunContext, Runtime } from '../../model/runtime.js';

/** The Actions toolkit behind the Runtime interface. */
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
    core.info(message);
  }
  notice(message: string) {
    core.notice(message);
  }
  warning(message: string) {
    core.warning(message);
  }
  error(message: string) {
    core.error(message);
  }
  debug(message: string) {
    core.debug(message);
  }
  markUnstable(reason: string) {
    core.warning(reason);
  }
  group<T>(title: string, fn: () => Promise<T>): Promise<T> {
    return core.group(title, fn);
  }
  setSecret(value: string) {
    if (value) core.setSecret(value);
  }
  exportVariable(name: string, value: string, options: { secret?: boolean } = {}) {
    if (options.secret) this.setSecret(value);
    core.exportVariable(name, value);
  }
  setOutput(name: string, value: string) {
    core.setOutput(name, value);
  }
  async appendSummary(markdown: string) {
    if (!this.env.GITHUB_STEP_SUMMARY) return;
    try {
      await core.summary.addRaw(markdown, true).write();
    } catch (error) {
      // The toolkit keeps a failed write in its buffer; drop it so the next summary does not repeat it.
      core.summary.emptyBuffer();
      this.warning(`could not write the job summary: ${(error as Error).message}`);
    }
  }
  getIdToken(audience: string) {
    return core.getIDToken(audience);
  }

  /**
   * The stage's inputs as the runner passed them (`INPUT_<NAME>`), then the input's own environment fallbacks, so
   * that e.g. `aws-region` need not be repeated after the auth step exported `AWS_REGION`.
   */
  readInputs(stage: Stage): RawInputs {
    const raw: Record<string, string | undefined> = {};
    for (const [name, spec] of Object.entries(stage.inputs)) {
      const candidates = [core.getInput(name), ...(spec.env ?? []).map((variable) => this.env[variable])];
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
  const runtime = new GitHubRuntime();
  const result = await runStage(stage, runtime.readInputs(stage), runtime);
  if (!result.ok) process.exitCode = 1;
  // A request abandoned after its bound may still hold a socket open: it must not keep the step running.
  setTimeout(() => process.exit(), 200).unref();
}
