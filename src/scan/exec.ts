import { spawn } from 'node:child_process';

export interface ExecOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd?: string;
  /** Hard limit; the process group is killed when it passes. */
  readonly timeoutMs: number;
  /** Each stderr line as it arrives. */
  readonly onStderrLine?: (line: string) => void;
  /** Called every `heartbeatMs` while the process runs, so a long step shows it is alive. */
  readonly onHeartbeat?: (elapsedMs: number) => void;
  readonly heartbeatMs?: number;
}

export interface ExecResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
  readonly elapsedMs: number;
}

/** Runs a tool to completion with a bounded wait. Never rejects for a non-zero exit: the caller reads `code`. */
export function execTool(command: string, args: readonly string[], options: ExecOptions): Promise<ExecResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: definedOnly(options.env),
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so a timeout stops the tool's children too.
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    let partial = '';
    let timedOut = false;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      stderr += text;
      const lines = (partial + text).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) options.onStderrLine?.(line);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, options.timeoutMs);
    const heartbeat = options.onHeartbeat
      ? setInterval(() => options.onHeartbeat!(Date.now() - started), options.heartbeatMs ?? 30_000)
      : undefined;
    const finish = () => {
      clearTimeout(timer);
      if (heartbeat) clearInterval(heartbeat);
    };
    child.on('error', (error) => {
      finish();
      reject(error);
    });
    child.on('close', (code) => {
      finish();
      if (partial) options.onStderrLine?.(partial);
      resolve({ code, stdout, stderr, timedOut, elapsedMs: Date.now() - started });
    });
  });
}

function killGroup(pid: number | undefined) {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
}

function definedOnly(env: Readonly<Record<string, string | undefined>>): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
