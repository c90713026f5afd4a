/**
 * The subset of GitHub's workflow syntax that Gantry's generators write, typed so that a generator cannot emit a
 * key GitHub does not know. Rendering is plain YAML of these objects (projen writes the files).
 */
export type Permission = 'read' | 'write' | 'none';

export interface Workflow {
  readonly name: string;
  readonly on: Record<string, unknown>;
  /** Least privilege: every workflow states its token's permissions; jobs narrow or widen them explicitly. */
  readonly permissions: Record<string, Permission>;
  readonly concurrency?: { readonly group: string; readonly 'cancel-in-progress': boolean };
  readonly env?: Record<string, string>;
  readonly jobs: Record<string, Job | CallJob>;
}

export interface Job {
  readonly name?: string;
  readonly needs?: readonly string[];
  readonly if?: string;
  readonly 'runs-on': string;
  /** Minutes, or an expression such as a reusable workflow's input. */
  readonly 'timeout-minutes': number | string;
  readonly permissions?: Record<string, Permission>;
  readonly environment?: string;
  readonly concurrency?: { readonly group: string; readonly 'cancel-in-progress': boolean };
  readonly strategy?: { readonly 'fail-fast': boolean; readonly matrix: { readonly include: readonly Record<string, string>[] } };
  readonly outputs?: Record<string, string>;
  readonly env?: Record<string, string>;
  readonly steps: readonly Step[];
}

/**
 * A job that calls a reusable workflow. GitHub gives it no `runs-on`, `environment` or `steps`: the called workflow
 * has them; its `permissions` bound what the called workflow's jobs may get.
 */
export interface CallJob {
  readonly name?: string;
  readonly needs?: readonly string[];
  readonly if?: string;
  readonly permissions: Record<string, Permission>;
  readonly concurrency?: { readonly group: string; readonly 'cancel-in-progress': boolean };
  readonly uses: string;
  readonly with?: Record<string, string | number | boolean>;
  readonly secrets?: Record<string, string>;
}

export function isCallJob(job: Job | CallJob): job is CallJob {
  return 'uses' in job;
}

/** `on.workflow_call` of a reusable workflow: what a caller passes and gets back, each described. */
export interface WorkflowCall {
  readonly inputs: Record<string, { readonly description: string; readonly type: 'string' | 'number' | 'boolean'; readonly required: boolean; readonly default?: string | number | boolean }>;
  readonly secrets: Record<string, { readonly description: string; readonly required: boolean }>;
  readonly outputs: Record<string, { readonly description: string; readonly value: string }>;
}

export type Step = UsesStep | RunStep;

export interface UsesStep {
  readonly id?: string;
  readonly name?: string;
  readonly if?: string;
  readonly uses: string;
  readonly with?: Record<string, string | number | boolean>;
}

export interface RunStep {
  readonly id?: string;
  readonly name?: string;
  readonly if?: string;
  readonly run: string;
  readonly env?: Record<string, string>;
}

/**
 * Third-party actions by full commit SHA, never by a movable tag; `version` says which release the SHA is.
 * Bump both together.
 */
export const PINNED_ACTIONS = {
  checkout: { uses: 'actions/checkout@34e114876b0b11c390a56381ad16ebd13914f8d5', version: 'v4.3.1' },
  setupNode: { uses: 'actions/setup-node@a0853c24544627f65ddf259abe73b1d18a591444', version: 'v5.0.0' },
  setupGo: { uses: 'actions/setup-go@d35c59abb061a4a6fb18e82ac0862c26744d6ab5', version: 'v5.5.0' },
  setupPython: { uses: 'actions/setup-python@a26af69be951a213d495a4c3e4e4022e16d87065', version: 'v5.6.0' },
  uploadSarif: { uses: 'github/codeql-action/upload-sarif@5d4e8d1aca955e8d8589aabd499c5cae939e33c7', version: 'v4.31.9' },
} as const satisfies Record<string, PinnedAction>;

export interface PinnedAction {
  readonly uses: string;
  readonly version: string;
}
