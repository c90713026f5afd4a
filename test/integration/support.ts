import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { access, chmod, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, inject } from 'vitest';

export const CLI = 'lib/bin/gantry.mjs';

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/** Runs a node script (the CLI or a bundled action) as a user would, with exactly the environment given. */
export function runNode(script: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: Date.now() - started }));
  });
}

/** A clean environment pointing at the loopback stack: PATH and HOME from this process, nothing else inherited. */
export function stackEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const local = inject('localEnv');
  return { PATH: process.env.PATH, HOME: process.env.HOME, ...local, ...extra };
}

export function runCli(args: string[], extra: NodeJS.ProcessEnv = {}): Promise<Run> {
  return runNode(CLI, args, stackEnv(extra));
}

/**
 * Reads a GITHUB_OUTPUT / GITHUB_ENV file as the runner does: `name<<delimiter` blocks and `name=value` lines.
 * A file that was never written reads as empty.
 */
export function readCommandFile(path: string): Record<string, string> {
  const values: Record<string, string> = {};
  if (!existsSync(path)) return values;
  const lines = readFileSync(path, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^<=]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2]!, i + 1);
      values[heredoc[1]!] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('=')) {
      values[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return values;
}

/** The variables of `export NAME='value'` lines, as `gantry run --exports-file` and `--print-exports` write them. */
export function parseExports(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const match of text.matchAll(/^export (\w+)='((?:[^']|'\\'')*)'$/gm)) vars[match[1]!] = match[2]!.replace(/'\\''/g, "'");
  return vars;
}

/**
 * The stack's deploy role, as the pipeline's auth stage gives it: the session variables to run stages with. The local
 * Kubernetes control plane maps that role, not the emulator's test keys.
 */
export async function deployRoleSession(): Promise<Record<string, string>> {
  const exportsFile = join(await mkdtemp(join(tmpdir(), 'gantry-session-')), 'session.env');
  const auth = await runCli(['run', 'auth', '--exports-file', exportsFile]);
  expect(auth.code, auth.stderr).toBe(0);
  return parseExports(await readFile(exportsFile, 'utf8'));
}

/**
 * A `pre-receive` hook that holds the first push until another push has moved `main`: the deterministic shape of
 * a race, where one push lands between another's clone and its push. Resolves once the first push is held.
 */
export async function holdFirstPush(bare: string): Promise<() => Promise<void>> {
  const hook = join(bare, 'hooks', 'pre-receive');
  await writeFile(
    hook,
    [
      '#!/bin/sh',
      'read old new ref',
      'if mkdir "$GIT_DIR/held" 2>/dev/null; then',
      '  i=0',
      '  while [ "$(git rev-parse refs/heads/main)" = "$old" ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done',
      'fi',
      'exit 0',
      '',
    ].join('\n'),
  );
  await chmod(hook, 0o755);
  return async () => {
    for (let i = 0; i < 300; i++) {
      if (await access(join(bare, 'held')).then(() => true, () => false)) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the first push never reached the hook');
  };
}
