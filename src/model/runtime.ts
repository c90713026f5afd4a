/**
 * What a stage may ask of the runner it runs on. Two adapters implement it: `github` (the Actions toolkit) and
 * `cli` (plain logs, flags, files). Stages depend on this interface only, so one implementation serves GitHub,
 * Jenkins (through the CLI) and local runs.
 */
export interface Runtime {
  readonly name: 'github' | 'cli';
  /** The runner's environment, read by the adapter; stages take facts from here, never from `process.env`. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Facts about the run that triggered the pipeline (repository, run id, commit), where the runner knows them. */
  readonly run: RunContext;

  info(message: string): void;
  notice(message: string): void;
  warning(message: string): void;
  error(message: string): void;
  debug(message: string): void;
  /**
   * The stage succeeded, but the build should show that something needs attention: a warning annotation on
   * GitHub; on the CLI a warning and exit code 3, which the Jenkins library turns into UNSTABLE.
   */
  markUnstable(reason: string): void;
  /** Runs `fn` inside a collapsible log group. */
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;

  /** From now on `value` is replaced by `***` wherever this runner would print it. */
  setSecret(value: string): void;
  /** Makes a variable available to later steps of the same job; a secret one is masked first. */
  exportVariable(name: string, value: string, options?: { secret?: boolean }): void;
  setOutput(name: string, value: string): void;
  /**
   * Appends Markdown to the run's summary page (GitHub) or summary file (CLI). Best effort, by contract: the summary
   * reports on the work and is never a reason to fail it, so an adapter that cannot write it warns and resolves.
   */
  appendSummary(markdown: string): Promise<void>;
  /** An OIDC ID token for `audience`, from the runner's identity provider. */
  getIdToken(audience: string): Promise<string>;
}

export interface RunContext {
  /** `owner/name` of the repository being built. */
  readonly repository?: string;
  readonly runId?: string;
  readonly runNumber?: string;
  readonly sha?: string;
  readonly ref?: string;
  /** Base URL of the source host, for links. */
  readonly serverUrl?: string;
}
