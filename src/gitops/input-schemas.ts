import { parseRemote } from '../git/remote-url.js';
import * as z from '../model/zod.js';

/** The validators of the inputs every stage that writes to a GitOps repository shares. */

/** A repository location git may be given (see parseRemote); the message says what is wrong with this one. */
export const repositoryLocation = z.string().check(
  z.refine((v) => typeof parseRemote(v, process.cwd()) !== 'string', {
    error: (issue) => `${parseRemote(String(issue.input), process.cwd()) as string}`,
  }),
);

export const branchName = z
  .string()
  .check(
    z.regex(/^(?!-)(?!.*\/\/)(?!.*\.\.)(?!.*@\{)[^\s~^:?*[\\\x00-\x1f\x7f]+$/, 'must be a valid git branch name'),
    z.refine((v) => !v.endsWith('/') && !v.endsWith('.') && !v.endsWith('.lock') && !v.startsWith('/'), 'must be a valid git branch name'),
  );

/** A commit author's or committer's name or email. */
export const identityPart = z.string().check(z.regex(/^[^<>\n]+$/, 'must not contain <, > or line breaks'));
