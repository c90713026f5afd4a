import { spawn } from 'node:child_process';
import { packageFile } from '../package-files.js';
import type { LocalStackConfig } from './config.js';

/**
 * The peers' installer, shipped in the package next to lib/: the same script the README's first command runs, so a
 * checkout and an installed package put the same tools in the same place (`GANTRY_HOME`, default /opt/gantry).
 */
export const INSTALL_SCRIPT = packageFile('scripts/install-peers.sh');

export interface InstallOptions {
  /** Install nothing; check the tools and print their versions. */
  readonly check?: boolean;
  /** A subset of the installer's steps (apt, python, go), comma-separated. */
  readonly only?: string;
}

const STEPS = ['apt', 'python', 'go'];

/** The installer's arguments, checked before anything runs. */
export function installArgs(options: InstallOptions): string[] {
  const args: string[] = [];
  if (options.only !== undefined) {
    const unknown = options.only.split(',').filter((step) => !STEPS.includes(step));
    if (options.only === '' || unknown.length > 0) throw new Error(`--only: expected a comma-separated subset of ${STEPS.join(', ')}, got '${options.only}'`);
    args.push('--only', options.only);
  }
  if (options.check) args.push('--check');
  return args;
}

/** Runs the installer with its output on this process's terminal; resolves to its exit code. */
export function installPeers(config: LocalStackConfig, options: InstallOptions): Promise<number> {
  const args = installArgs(options);
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [INSTALL_SCRIPT, ...args], { stdio: 'inherit', env: { ...process.env, GANTRY_HOME: config.toolsHome } });
    child.once('error', reject);
    child.once('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}
