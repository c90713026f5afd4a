import { spawn } from 'node:child_process';
import { GantryError } from '../model/errors.js';
import type { Runtime } from '../model/runtime.js';

/**
 * Runs the site's build as a CI step would: one command line through the system shell (`/bin/sh -c` here, `cmd`
 * on Windows), so `npm ci && npm run build` works, in `cwd`, with the runner's environment, its output streamed
 * line by line. A non-zero exit fails the stage with the code, before anything is uploaded.
 */
export function runBuildCommand(command: string, cwd: string, runtime: Runtime): Promise<void> {
  return new Promise((resolve, reject) => {
    const env = Object.fromEntries(Object.entries(runtime.env).filter((entry): entry is [string, string] => entry[1] !== undefined));
    const child = spawn(command, { cwd, env, shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const forward = (stream: NodeJS.ReadableStream) => {
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const lines = (rest + chunk).split(/\r?\n/);
        rest = lines.pop()!;
        for (const line of lines) runtime.info(line);
      });
      stream.on('end', () => rest && runtime.info(rest));
    };
    forward(child.stdout);
    forward(child.stderr);
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(new GantryError(`input 'build-command': cannot start it in ${cwd}: ${error.code ?? error.message}`, { remedy: 'check working-directory.' })),
    );
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else
        reject(
          new GantryError(`input 'build-command': \`${command}\` ${signal ? `was stopped by ${signal}` : `exited with code ${code}`}; nothing was uploaded`, {
            remedy: 'the build failed: its output is above.',
          }),
        );
    });
  });
}
