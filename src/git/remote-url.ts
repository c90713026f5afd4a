import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export type RemoteKind = 'https' | 'http' | 'ssh' | 'file';

export interface Remote {
  readonly kind: RemoteKind;
  /** What git is given: a URL without credentials; local paths become `file://` so that a shallow clone stays shallow. */
  readonly url: string;
  /** Host and `owner/name` path where the URL has them (used to derive the GitHub repository for pull requests). */
  readonly host?: string;
  readonly path?: string;
}

/**
 * Classifies a repository location: `https://` (token sent as a header), `ssh://` or scp-like `git@host:path`,
 * `file://` or a local path. Returns a problem string (for an InputError) instead of a remote when the value is
 * unsafe: credentials in the URL, an option-like value, or a transport git would run as a command.
 */
export function parseRemote(value: string, cwd: string): Remote | string {
  if (value.startsWith('-')) return 'must not start with "-"';
  if (/^[a-z][a-z0-9+.-]*::/i.test(value)) return 'must be an https://, ssh:// or file:// URL, an scp-like user@host:path, or a local path';
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value)?.[1]?.toLowerCase();
  if (scheme) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return 'is not a valid URL';
    }
    if (scheme === 'https' || scheme === 'http') {
      if (url.username || url.password) return 'must not carry credentials; pass the token input instead';
      return { kind: scheme, url: url.href, host: url.host, path: trimRepoPath(url.pathname) };
    }
    if (scheme === 'ssh' || scheme === 'git+ssh') {
      if (url.password) return 'must not carry a password';
      return { kind: 'ssh', url: value, host: url.hostname, path: trimRepoPath(url.pathname) };
    }
    if (scheme === 'file') return { kind: 'file', url: url.href };
    return `uses an unsupported scheme '${scheme}' (https, ssh or file)`;
  }
  const scp = /^(?:([^@/:\s]+)@)?([^@/:\s]+):(?!\/\/)(.+)$/.exec(value);
  if (scp && !isAbsolute(value)) return { kind: 'ssh', url: value, host: scp[2], path: trimRepoPath(scp[3]!) };
  return { kind: 'file', url: pathToFileURL(resolve(cwd, value)).href };
}

function trimRepoPath(path: string): string {
  return path.replace(/^\/+/, '').replace(/\.git\/?$/, '').replace(/\/+$/, '');
}
