import { authorizationHeader, Git, type GitIdentity } from '../git/git.js';
import type { Remote } from '../git/remote-url.js';
import type { Runtime } from '../model/runtime.js';

export interface RepositoryGitOptions {
  /** A token for https remotes; masked before git ever runs. */
  readonly token?: string;
  /** The token also serves another API (pull requests), so a remote that does not use it is no surprise. */
  readonly tokenUsedElsewhere?: boolean;
  readonly identity: GitIdentity;
}

/**
 * The git wrapper for one GitOps repository: the token (and the header it travels in) masked, handed to git only for
 * http(s) remotes, and every command line in the debug log.
 */
export function gitForRepository(remote: Remote, options: RepositoryGitOptions, runtime: Runtime): Git {
  const { token } = options;
  if (token) {
    runtime.setSecret(token);
    runtime.setSecret(authorizationHeader(token).slice('Authorization: '.length));
  }
  const usesHttp = remote.kind === 'https' || remote.kind === 'http';
  if (token && !usesHttp && !options.tokenUsedElsewhere) runtime.debug('token given but the repository is not https: git does not use it');
  if (remote.kind === 'http' && token) runtime.warning('the token is sent to a plain http:// repository; use https:// outside a loopback test');
  return new Git({
    env: runtime.env,
    token: usesHttp ? token : undefined,
    identity: options.identity,
    onRetry: (line) => runtime.warning(line),
    onCommand: (args) => runtime.debug(`git ${args.map((arg) => (/[\s'"]/.test(arg) ? JSON.stringify(arg) : arg)).join(' ')}`),
  });
}
