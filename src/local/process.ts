import { spawn } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';

/** Starts a long-running peer detached from this process, its output in `logFile`, its pid in `pidFile`. */
export async function startDetached(command: string, args: string[], files: { logFile: string; pidFile: string; cwd?: string; env?: NodeJS.ProcessEnv }) {
  const log = openSync(files.logFile, 'a');
  try {
    const child = spawn(command, args, { cwd: files.cwd, env: files.env ?? process.env, detached: true, stdio: ['ignore', log, log] });
    const spawned = await new Promise<number>((resolve, reject) => {
      child.once('error', reject);
      child.once('spawn', () => resolve(child.pid!));
    });
    child.unref();
    await writeFile(files.pidFile, `${spawned}\n`);
    return spawned;
  } finally {
    closeSync(log);
  }
}

export async function readPid(pidFile: string): Promise<number | undefined> {
  try {
    const pid = Number((await readFile(pidFile, 'utf8')).trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM, then SIGKILL after `graceMs`; removes the pid file. Returns whether a process was running. */
export async function stopProcess(pidFile: string, graceMs = 5_000): Promise<boolean> {
  const pid = await readPid(pidFile);
  await rm(pidFile, { force: true });
  if (pid === undefined || !isAlive(pid)) return false;
  // The peer was started as its own process group leader, so its children stop with it.
  signalGroup(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(100);
  if (isAlive(pid)) signalGroup(pid, 'SIGKILL');
  return true;
}

function signalGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      /* already gone */
    }
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `probe` until it succeeds or `timeoutMs` passes, printing a progress line every few seconds so a slow
 * start is visibly waiting rather than hung. Returns the probe's result; throws with the last failure.
 */
export async function waitFor<T>(what: string, probe: () => Promise<T>, options: { timeoutMs: number; intervalMs?: number; progress?: (line: string) => void }): Promise<T> {
  const start = Date.now();
  let lastReport = start;
  let lastError: unknown;
  for (;;) {
    try {
      return await probe();
    } catch (error) {
      lastError = error;
    }
    const elapsed = Date.now() - start;
    if (elapsed >= options.timeoutMs) {
      throw new Error(`${what} did not become ready within ${Math.round(options.timeoutMs / 1000)} s: ${(lastError as Error)?.message ?? lastError}`);
    }
    if (options.progress && Date.now() - lastReport >= 5_000) {
      options.progress(`waiting for ${what} (${Math.round(elapsed / 1000)} s)…`);
      lastReport = Date.now();
    }
    await sleep(options.intervalMs ?? 200);
  }
}
