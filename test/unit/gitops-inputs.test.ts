import { describe, expect, it } from 'vitest';
import { authorizationHeader } from '../../src/git/git.js';
import { parseRemote } from '../../src/git/remote-url.js';
import { backoffDelay } from '../../src/model/backoff.js';
import { renderMessage, sourceOf, unknownPlaceholders } from '../../src/gitops/commit-message.js';
import { parseInputs } from '../../src/model/stage.js';
import { gitopsBumpStage, parseModes } from '../../src/stages/gitops-bump.js';
import { inputErrorOf } from './support.js';

const valid = { repository: '/srv/gitops.git', files: 'apps/a.yaml', image: 'reg/app:v1', service: 'app', environment: 'staging' };


const inputErrorOfValid = (raw: Record<string, string>) => inputErrorOf(gitopsBumpStage, { ...valid, ...raw });

describe('gitops-bump inputs', () => {
  it('applies defaults and splits the file list', () => {
    const input = parseInputs(gitopsBumpStage, { ...valid, files: './a.yaml,\n b.yaml ,' });
    expect(input.files).toEqual(['a.yaml', 'b.yaml']);
    expect(input.branch).toBe('main');
    expect(input.edit).toBe('kustomize');
    expect(input['push-attempts']).toBe(10);
    expect(input['values-path']).toBe('image');
  });

  it.each([
    ['image', 'reg/app', 'needs a tag or a digest'],
    ['image', 'reg/app@sha256:xyz', 'malformed digest'],
    ['edit', 'sed', 'must be one of kustomize, helm, flux'],
    ['files', '/etc/passwd', 'relative to the repository root'],
    ['branch', 'feature..x', 'valid git branch name'],
    ['branch', '-delete', 'valid git branch name'],
    ['repository', 'ext::sh -c touch% /tmp/pwned', 'must be an https://'],
    ['repository', 'https://x-access-token:ghs_abc@github.com/o/r.git', 'must not carry credentials'],
    ['repository', 'ftp://host/repo.git', "unsupported scheme 'ftp'"],
    ['image-policy', 'flux-system:app:tag', '<namespace>:<policy>'],
    ['mode', 'production=deploy', 'must be push, pull-request'],
    ['commit-message', '{service} {sha}', 'unknown placeholders {sha}'],
    ['environment', 'prod/eu', 'part of a branch name'],
    ['github-api-url', 'not a url', 'http(s) URL'],
    ['author-email', 'a <b@c>', 'must not contain <'],
  ])('refuses %s = %j, naming it', (input, value, problem) => {
    const error = inputErrorOfValid({ [input]: value });
    expect(error.input).toBe(input);
    expect(error.message).toContain(problem);
    // A refused value may be a credential: the message describes it without repeating it.
    if (input === 'repository') expect(error.message).not.toContain('ghs_abc');
  });

  it('needs a token, and owner/name from somewhere, in pull-request mode', () => {
    expect(inputErrorOfValid({ mode: 'pull-request' }).input).toBe('token');
    expect(inputErrorOfValid({ mode: 'pull-request', token: 't0ken' }).input).toBe('github-repository');
    expect(() => parseInputs(gitopsBumpStage, { ...valid, mode: 'pull-request', token: 't0ken', repository: 'https://github.com/acme/gitops.git' })).not.toThrow();
    // Pull requests only for production: staging needs neither.
    expect(() => parseInputs(gitopsBumpStage, { ...valid, mode: 'production=pull-request' })).not.toThrow();
  });
});

describe('parseModes', () => {
  it('reads one mode or per-environment pairs with a default', () => {
    expect(parseModes('pull-request')).toEqual({ byEnvironment: new Map(), fallback: 'pull-request' });
    expect(parseModes('production=pull-request, *=push')).toEqual({ byEnvironment: new Map([['production', 'pull-request']]), fallback: 'push' });
    expect(parseModes('staging=push,*=pull-request')).toEqual({ byEnvironment: new Map([['staging', 'push']]), fallback: 'pull-request' });
    expect(parseModes('merge')).toMatch(/must be push, pull-request/);
  });
});

describe('parseRemote', () => {
  it.each([
    ['https://github.com/acme/gitops.git', { kind: 'https', url: 'https://github.com/acme/gitops.git', host: 'github.com', path: 'acme/gitops' }],
    ['git@github.com:acme/gitops.git', { kind: 'ssh', url: 'git@github.com:acme/gitops.git', host: 'github.com', path: 'acme/gitops' }],
    ['ssh://git@ghe.example.com:2222/acme/gitops', { kind: 'ssh', url: 'ssh://git@ghe.example.com:2222/acme/gitops', host: 'ghe.example.com', path: 'acme/gitops' }],
    ['file:///srv/gitops.git', { kind: 'file', url: 'file:///srv/gitops.git' }],
    ['/srv/gitops.git', { kind: 'file', url: 'file:///srv/gitops.git' }],
    ['gitops.git', { kind: 'file', url: 'file:///work/gitops.git' }],
  ])('classifies %s', (value, expected) => {
    expect(parseRemote(value, '/work')).toEqual(expected);
  });
});

describe('token handling', () => {
  it("uses GitHub's Basic x-access-token header form", () => {
    expect(authorizationHeader('abc')).toBe(`Authorization: Basic ${Buffer.from('x-access-token:abc').toString('base64')}`);
  });
});

describe('commit message', () => {
  it('renders placeholders and spelled-out line breaks', () => {
    const values = { service: 'api', environment: 'prod', image: 'r/api:2', 'previous-image': 'r/api:1', version: '2', source: 'acme/api@abc' };
    expect(renderMessage('{environment}: {service} {version}\\n\\n{previous-image} → {image} ({source})', values)).toBe('prod: api 2\n\nr/api:1 → r/api:2 (acme/api@abc)');
    expect(unknownPlaceholders('{service} {commit}')).toEqual(['commit']);
  });

  it('names the source repository and commit as far as the runner knows them', () => {
    expect(sourceOf({ repository: 'acme/api', sha: 'abc' })).toBe('acme/api@abc');
    expect(sourceOf({ sha: 'abc' })).toBe('abc');
    expect(sourceOf({})).toBe('unknown source');
  });
});

describe('backoffDelay', () => {
  it('grows exponentially with jitter in the upper half of each step, up to the cap', () => {
    expect(backoffDelay(1, 250, 8000, () => 0)).toBe(125);
    expect(backoffDelay(1, 250, 8000, () => 1)).toBe(250);
    expect(backoffDelay(4, 250, 8000, () => 0.5)).toBe(1500);
    expect(backoffDelay(12, 250, 8000, () => 1)).toBe(8000);
  });
});
