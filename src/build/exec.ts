import { spawn } from 'node:child_process';
import { GantryError } from '../model/errors.js';

export interface CommandResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CommandOptions {
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Each output line, as it comes, for progress; omitted, output is only collected. */
  readonly onLine?: (line: string) => void;
  /** Bound on the whole command; a hung builder must not hold the runner forever. */
  readonly timeoutMs?: number;
}

/** Runs a program without a shell (arguments are never re-parsed), streaming its lines and collecting its output. */
export function runCommand(command: string, args: readonly string[], options: CommandOptions = {}): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ? (Object.fromEntries(Object.entries(options.env).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv) : undefined,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: options.timeoutMs,
      killSignal: 'SIGTERM',
    });
    let stdout = '';
    let stderr = '';
    const splitter = () => {
      let rest = '';
      return {
        push(chunk: string) {
          rest += chunk;
          const lines = rest.split(/\r?\n/);
          rest = lines.pop()!;
          for (const line of lines) if (line.trim()) options.onLine?.(line);
        },
        end() {
          if (rest.trim()) options.onLine?.(rest);
        },
      };
    };
    const out = splitter();
    const err = splitter();
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      out.push(d);
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      err.push(d);
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'ENOENT'
          ? new GantryError(`${command} is not installed (or not on PATH)`, { remedy: `install ${command}; scripts/install-peers.sh installs buildah and skopeo.` })
          : error,
      );
    });
    const started = Date.now();
    child.on('close', (code, signal) => {
      out.end();
      err.end();
      if (signal && options.timeoutMs !== undefined && Date.now() - started >= options.timeoutMs) {
        reject(
          new GantryError(`${command} ${args[0] ?? ''} did not finish within ${Number((options.timeoutMs / 1000).toFixed(1))} s and was stopped`, {
            remedy: 'raise timeout-minutes if the build is just slow, or look for a step that waits on the network.',
          }),
        );
        return;
      }
      resolve({ code: code ?? 128, stdout, stderr });
    });
  });
}
