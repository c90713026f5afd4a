import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Clone } from '../git/clone.js';
import { pushWithRetry } from '../git/push-retry.js';
import { parseRemote, type Remote } from '../git/remote-url.js';
import { DEFAULT_COMMIT_MESSAGE, renderMessage, sourceOf, unknownPlaceholders } from '../gitops/commit-message.js';
import { EDIT_KINDS, editFiles, editText, type ImageEdit } from '../gitops/edit.js';
import { upsertPullRequest } from '../gitops/github-pulls.js';
import { branchName, identityPart, repositoryLocation } from '../gitops/input-schemas.js';
import { gitForRepository } from '../gitops/repository-git.js';
import { formatImageReference, imageReferenceInput, shortVersion } from '../oci/image-reference.js';
import { parseMarker } from '../gitops/flux.js';
import { GantryError } from '../model/errors.js';
import { checkImageSignature, REQUIRE_SIGNATURE, requireSignatureInputs, requireSignatureProblem } from '../signing/require.js';
import { integerString } from '../model/inputs.js';
import { defineStage, input, type InputProblem, type StageInput } from '../model/stage.js';
import * as z from '../model/zod.js';
import type { Runtime } from '../model/runtime.js';

const MODES = ['push', 'pull-request'] as const;
type Mode = (typeof MODES)[number];

/** A name that is safe inside a branch name (`gantry/<environment>/<service>`) and a commit subject. */
const refComponent = z
  .string()
  .check(
    z.regex(/^[A-Za-z0-9][\w.-]{0,99}$/, 'must be letters, digits, ".", "_" or "-" (it becomes part of a branch name)'),
    z.refine((v) => !v.endsWith('.lock') && !v.includes('..'), 'must not end with .lock or contain ".."'),
  );

const inputs = {
  repository: input(
    repositoryLocation,
    {
      description: 'GitOps repository: https:// URL (with token), ssh URL or user@host:path, file:// URL or local path.',
      env: ['GANTRY_GITOPS_REPO'],
    },
  ),
  branch: input(branchName, { description: 'Branch Argo CD or Flux watches; pushes and pull requests target it.', default: 'main' }),
  files: input(
    z
      .pipe(
        z.string(),
        z.transform((v) =>
          v
            .split(/[\n,]/)
            .map((f) => f.trim().replace(/^\.\//, ''))
            .filter(Boolean),
        ),
      )
      .check(
        z.refine((files) => files.length > 0, 'needs at least one file path'),
        z.refine(
          (files) => files.every((f) => !f.startsWith('/') && !f.startsWith('-') && !f.split('/').includes('..')),
          'paths must be relative to the repository root, without ".."',
        ),
      ),
    {
      description: 'File(s) to edit, relative to the repository root, comma- or newline-separated; {service} and {environment} are replaced.',
    },
  ),
  edit: input(z.enum(EDIT_KINDS, { error: `must be one of ${EDIT_KINDS.join(', ')}` }), {
    description: 'What to edit: kustomize (images: entry), helm (values path) or flux ($imagepolicy markers).',
    default: 'kustomize',
  }),
  image: input(
    imageReferenceInput({ pinned: true }),
    { description: 'The new image: name:tag, name@sha256:… or name:tag@sha256:….' },
  ),
  'image-name': input(z.optional(z.string()), {
    description: 'kustomize: the name of the images entry to update (default: the entry naming the image or the service).',
  }),
  'values-path': input(z.string().check(z.regex(/^[^.\s](.*[^.\s])?$/, 'must be a dotted path such as image or app.image.tag')), {
    description:
      'helm: dotted path of the image; a mapping gets repository/tag (and registry/digest when present), a value named *tag, *repository or *digest gets that part, any other value the whole image.',
    default: 'image',
  }),
  'image-policy': input(
    z.optional(z.string().check(z.refine((v) => parseMarker(v)?.part === 'full', 'must be <namespace>:<policy>, as in the $imagepolicy marker'))),
    { description: 'flux: update only markers of this <namespace>:<policy> (default: every marker in the files).' },
  ),
  service: input(refComponent, { description: 'Service being deployed (commit message, pull-request branch).' }),
  environment: input(refComponent, { description: 'Environment being deployed (commit message, pull-request branch).' }),
  mode: input(
    z.string().check(z.refine((v) => typeof parseModes(v) !== 'string', { error: (issue) => parseModes(String(issue.input)) as string })),
    {
      description: 'push, pull-request, or per environment: production=pull-request,*=push.',
      default: 'push',
    },
  ),
  token: input(z.optional(z.string()), {
    description: 'Token for https remotes (sent as an HTTP header, never in the URL) and the GitHub API in pull-request mode.',
    env: ['GANTRY_GITOPS_TOKEN'],
  }),
  'github-api-url': input(z.optional(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })), {
    description: 'GitHub REST API root (default: GITHUB_API_URL of the runner, else https://api.github.com).',
    env: ['GITHUB_API_URL'],
  }),
  'github-repository': input(
    z.optional(z.string().check(z.regex(/^[\w.-]+\/[\w.-]+$/, 'must be owner/name'))),
    { description: 'owner/name of the GitOps repository on GitHub, for pull requests (default: from the repository URL).' },
  ),
  'author-name': input(identityPart, { description: 'Commit author name.', default: 'Gantry' }),
  'author-email': input(identityPart, { description: 'Commit author email.', default: 'gantry@users.noreply.github.com' }),
  'committer-name': input(z.optional(identityPart), { description: 'Committer name (default: the author).' }),
  'committer-email': input(z.optional(identityPart), { description: 'Committer email (default: the author).' }),
  'commit-message': input(
    z.string().check(
      z.refine((v) => unknownPlaceholders(v).length === 0, {
        error: (issue) =>
          `has unknown placeholders ${unknownPlaceholders(String(issue.input))
            .map((p) => `{${p}}`)
            .join(', ')}`,
      }),
    ),
    {
      description: 'Commit message template; placeholders {service} {environment} {image} {previous-image} {version} {source}.',
      default: DEFAULT_COMMIT_MESSAGE,
    },
  ),
  'push-attempts': input(integerString(1, 50), {
    description: 'Push attempts when the branch moved meanwhile (1-50); each fetches, rebases and retries.',
    default: '10',
  }),
  ...requireSignatureInputs,
};

type BumpInput = StageInput<typeof inputs>;

/** Pull-request mode needs a token and the repository's owner/name, which the push mode does without. */
function pullRequestInputs(input: BumpInput): InputProblem | undefined {
  if (modeFor(input.mode, input.environment) !== 'pull-request') return undefined;
  if (!input.token) return { input: 'token', problem: 'is required in pull-request mode' };
  const remote = parseRemote(input.repository, process.cwd());
  if (!input['github-repository'] && (typeof remote === 'string' || !remote.path || !/^[\w.-]+\/[\w.-]+$/.test(remote.path))) {
    return { input: 'github-repository', problem: 'is required in pull-request mode when the repository URL names no owner/name' };
  }
  return undefined;
}

/**
 * Sets a new image in a GitOps repository (kustomize overlay, Helm values or Flux-marked manifest) for Argo CD or
 * Flux to roll out: shallow clone, in-place edit that keeps the file's formatting, one commit naming the source
 * commit, then either a push that survives concurrent bumps (fetch, rebase, re-apply, retry) or a pull request.
 */
export const gitopsBumpStage = defineStage({
  name: 'gitops-bump',
  description: 'Set a new image in a GitOps repository (kustomize, Helm values or Flux markers) and push it, or open a pull request.',
  inputs,
  outputs: {
    commit: { description: 'The commit made, or empty when the image was already set (nothing pushed).' },
    'changed-files': { description: 'Files changed, comma-separated.' },
    'previous-image': { description: 'The image the files held before (comma-separated if they differed).' },
    'pull-request-url': { description: 'The pull request opened or updated (pull-request mode).' },
  },
  check: (input) => requireSignatureProblem(input.image, input[REQUIRE_SIGNATURE]) ?? pullRequestInputs(input),
  run: bump,
});

async function bump(input: BumpInput, runtime: Runtime) {
  const image = input.image;
  const key = input[REQUIRE_SIGNATURE];
  if (key) await checkImageSignature(image, key, { runtime });
  const remote = parseRemote(input.repository, process.cwd()) as Remote;
  const mode = modeFor(input.mode, input.environment);
  const git = gitForRepository(
    remote,
    {
      token: input.token,
      tokenUsedElsewhere: mode === 'pull-request',
      identity: {
        authorName: input['author-name'],
        authorEmail: input['author-email'],
        committerName: input['committer-name'] ?? input['author-name'],
        committerEmail: input['committer-email'] ?? input['author-email'],
      },
    },
    runtime,
  );
  const files = input.files.map((file) => file.replace(/\{service\}/g, input.service).replace(/\{environment\}/g, input.environment));
  const edit: ImageEdit = {
    kind: input.edit,
    image,
    imageName: input['image-name'],
    service: input.service,
    valuesPath: input['values-path'],
    imagePolicy: input['image-policy'],
  };
  const message = (previous: string[]) =>
    renderMessage(input['commit-message'], {
      service: input.service,
      environment: input.environment,
      image: formatImageReference(image),
      'previous-image': previous.join(', ') || '(none)',
      version: shortVersion(image),
      source: sourceOf(runtime.run),
    });

  const work = await mkdtemp(join(runtime.env.RUNNER_TEMP || tmpdir(), 'gantry-gitops-'));
  try {
    const clone = await runtime.group(`Clone ${remote.url} (${input.branch}, shallow)`, () => Clone.create(git, remote.url, join(work, 'repo'), input.branch));
    const context: BumpContext = { clone, files, edit, message, runtime };
    let state = await applyEdit(context, await clone.head());
    if (!state.commit) {
      runtime.info(`${formatImageReference(image)} is already set in ${files.join(', ')}: nothing to commit`);
      return outputs('', [], state.previous, '');
    }
    runtime.info(`Committed ${state.commit.slice(0, 12)}: ${state.previous.join(', ') || '(none)'} → ${formatImageReference(image)} in ${state.changed.join(', ')}`);

    let pullRequestUrl = '';
    if (mode === 'pull-request') {
      pullRequestUrl = await openPullRequest(input, remote, context, state);
    } else {
      state = await pushBump(context, state, input['push-attempts']);
      if (state.commit) runtime.notice(`Pushed ${state.commit.slice(0, 12)} to ${input.branch}: ${input.service} in ${input.environment} → ${formatImageReference(image)}`);
    }
    await runtime.appendSummary(
      [
        '### GitOps bump',
        '| service | environment | previous | new | commit | pull request |',
        '|---|---|---|---|---|---|',
        `| ${input.service} | ${input.environment} | ${state.previous.join(', ')} | ${formatImageReference(image)} | ${state.commit || '(already set)'} | ${pullRequestUrl} |`,
      ].join('\n'),
    );
    return outputs(state.commit, state.changed, state.previous, pullRequestUrl);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

interface BumpContext {
  readonly clone: Clone;
  readonly files: readonly string[];
  readonly edit: ImageEdit;
  readonly message: (previous: string[]) => string;
  readonly runtime: Runtime;
}

interface BumpState {
  /** The commit holding the bump; empty when the upstream already had the image. */
  readonly commit: string;
  /** The upstream commit the bump was made on. */
  readonly base: string;
  readonly changed: string[];
  readonly previous: string[];
}

/** Edits the work tree (which must be at `base`) and commits; no commit when nothing changed. */
async function applyEdit(context: BumpContext, base: string): Promise<BumpState> {
  const result = await editFiles(context.clone.dir, context.files, context.edit);
  if (result.changed.length === 0) return { commit: '', base, changed: [], previous: result.previous };
  const commit = await context.clone.commit(result.changed, context.message(result.previous));
  return { commit, base, changed: result.changed, previous: result.previous };
}

/**
 * Pushes; when the branch moved meanwhile, fetches it and rebases the bump onto it. If the rebase conflicts (a
 * concurrent bump of the same file), or succeeds but would not give the same files a fresh edit gives, the bump
 * is redone on the new upstream instead: reset, edit, commit. Attempts are bounded, with jittered backoff.
 */
function pushBump(context: BumpContext, initial: BumpState, attempts: number): Promise<BumpState> {
  return pushWithRetry(context.clone, initial, {
    attempts,
    log: (line) => context.runtime.info(line),
    onUpstreamMoved: async (upstream, state) => {
      const next = await rebaseOrRedo(context, state, upstream);
      if (!next.commit) context.runtime.info(`${formatImageReference(context.edit.image)} was set upstream meanwhile: nothing to push`);
      return next;
    },
  });
}

async function rebaseOrRedo(context: BumpContext, state: BumpState, upstream: string): Promise<BumpState> {
  const { clone, runtime } = context;
  const rebased = await clone.rebaseOnto(upstream, state.base);
  if (rebased.ok) {
    // The rebase merged text; keep it only if it equals a fresh edit of the new upstream, file by file, and the
    // upstream held the same previous image (else the commit message would name the wrong one).
    const upstreamTexts = await Promise.all(context.files.map((file) => clone.show(upstream, file)));
    const fresh = context.files.map((file, i) => editText(file, upstreamTexts[i]!, context.edit));
    // After a clean rebase the work tree is HEAD: read it from disk rather than spawn git again.
    const ours = await Promise.all(context.files.map((file) => readFile(join(clone.dir, file), 'utf8')));
    const previous = [...new Set(fresh.flatMap((edit) => edit.previous))];
    if (fresh.every((edit, i) => edit.text === ours[i]) && sameList(previous, state.previous)) {
      runtime.info(`Rebased onto ${upstream.slice(0, 12)}`);
      const changed = context.files.filter((_, i) => fresh[i]!.text !== upstreamTexts[i]);
      return { commit: changed.length > 0 ? await clone.head() : '', base: upstream, changed, previous };
    }
  } else {
    runtime.info(`Rebase onto ${upstream.slice(0, 12)} conflicts in ${rebased.files.join(', ') || 'the edited files'}: re-applying the edit on the new upstream`);
  }
  await clone.resetHard(upstream);
  return applyEdit(context, upstream);
}

async function openPullRequest(input: BumpInput, remote: Remote, context: BumpContext, state: BumpState): Promise<string> {
  const { clone, runtime } = context;
  const headBranch = `gantry/${input.environment}/${input.service}`;
  await runtime.group(`Push ${headBranch}`, async () => {
    const pushed = await clone.push(headBranch, { force: true });
    if (!pushed.ok) throw new GantryError(`push to ${headBranch} rejected: ${pushed.detail}`, { remedy: `allow force pushes to ${headBranch} (branch protection).` });
  });
  const [owner, repo] = (input['github-repository'] ?? remote.path!).split('/') as [string, string];
  const [title, ...rest] = context.message(state.previous).trim().split('\n');
  const body = [
    rest.join('\n').trim(),
    '',
    `Opened by Gantry gitops-bump. Merging it rolls out ${input.service} to ${input.environment}; later bumps update this pull request.`,
    `Changed: ${state.changed.map((f) => `\`${f}\``).join(', ')}`,
  ].join('\n');
  const apiUrl = input['github-api-url'] ?? runtime.env.GITHUB_API_URL ?? 'https://api.github.com';
  const pr = await upsertPullRequest(
    { apiUrl, token: input.token!, log: (line) => runtime.info(line) },
    { owner, repo, head: headBranch, base: input.branch, title: title!, body },
  );
  runtime.notice(`${pr.created ? 'Opened' : 'Updated'} pull request #${pr.number}: ${pr.url}`);
  return pr.url;
}

function outputs(commit: string, changed: readonly string[], previous: readonly string[], pullRequestUrl: string) {
  return { commit, 'changed-files': changed.join(','), 'previous-image': previous.join(','), 'pull-request-url': pullRequestUrl };
}

function sameList(a: readonly string[], b: readonly string[]) {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

type Modes = { byEnvironment: Map<string, Mode>; fallback: Mode };

/** `push`, `pull-request`, or `env=mode` pairs with an optional `*=mode` default (otherwise push). */
export function parseModes(value: string): Modes | string {
  const trimmed = value.trim();
  if ((MODES as readonly string[]).includes(trimmed)) return { byEnvironment: new Map(), fallback: trimmed as Mode };
  const byEnvironment = new Map<string, Mode>();
  let fallback: Mode = 'push';
  for (const pair of trimmed.split(',').map((p) => p.trim()).filter(Boolean)) {
    const match = /^([\w.*-]+)\s*=\s*(\S+)$/.exec(pair);
    if (!match || !(MODES as readonly string[]).includes(match[2]!)) {
      return `must be push, pull-request, or environment=mode pairs such as production=pull-request,*=push (got '${pair}')`;
    }
    if (match[1] === '*') fallback = match[2] as Mode;
    else byEnvironment.set(match[1]!, match[2] as Mode);
  }
  if (byEnvironment.size === 0 && fallback === 'push' && !trimmed.includes('*')) return 'must be push, pull-request, or environment=mode pairs';
  return { byEnvironment, fallback };
}

function modeFor(value: string, environment: string): Mode | undefined {
  const modes = parseModes(value);
  return typeof modes === 'string' ? undefined : (modes.byEnvironment.get(environment) ?? modes.fallback);
}
