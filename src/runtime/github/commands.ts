import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync } from 'node:fs';
import { EOL } from 'node:os';

/**
 * GitHub's workflow commands (`::warning::…` lines on stdout) and environment files (`GITHUB_OUTPUT`, `GITHUB_ENV`),
 * written as the runner documents them. These few lines are all an action needs: the Actions toolkit (`@actions/core`)
 * would bring an HTTP client stack into every bundle.
 */
export function issueCommand(command: string, properties: Readonly<Record<string, string>>, message: string): void {
  const props = Object.entries(properties)
    .filter(([, value]) => value)
    .map(([key, value]) => `${key}=${escapeProperty(value)}`)
    .join(',');
  process.stdout.write(`::${command}${props ? ` ${props}` : ''}::${escapeData(message)}${EOL}`);
}

/** Appends `name<<delimiter` … to the environment file `GITHUB_<file>`; false when the runner gave none. */
export function appendKeyValue(env: Readonly<Record<string, string | undefined>>, file: 'OUTPUT' | 'ENV', name: string, value: string): boolean {
  const path = env[`GITHUB_${file}`];
  if (!path) return false;
  if (!existsSync(path)) throw new Error(`Missing file at path: ${path}`);
  const delimiter = `ghadelimiter_${randomUUID()}`;
  if (name.includes(delimiter) || value.includes(delimiter)) throw new Error(`Unexpected input: ${name} contains the delimiter "${delimiter}"`);
  appendFileSync(path, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, { encoding: 'utf8' });
  return true;
}

/** The value of input `name` as the runner passes it (`INPUT_<NAME>`), trimmed; '' when unset. */
export function actionInput(env: Readonly<Record<string, string | undefined>>, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
