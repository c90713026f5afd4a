import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInputs } from '../../src/model/stage.js';
import { verifyStage } from '../../src/stages/verify.js';
import { smokePlanOf } from '../../src/verify/inputs.js';
import { inputErrorOf } from './support.js';

describe('verify inputs', () => {
  it('makes one check of url and its expectations, with the defaults', async () => {
    const input = parseInputs(verifyStage, {
      url: 'https://api.internal/health',
      'expect-status': '200,204',
      'json-equals': 'status=ok\nchecks[0].ok=true',
      header: 'x-version=2',
    });
    const plan = (await smokePlanOf(input))!;
    expect(plan.checks).toHaveLength(1);
    expect(plan.checks[0]).toMatchObject({ name: 'https://api.internal/health', json: [{ path: 'status' }, { path: 'checks[0].ok' }], headers: [{ name: 'x-version', value: '2' }] });
    expect(plan.checks[0]!.status.text).toBe('200,204');
    expect(plan.options).toEqual({ deadlineMs: 120_000, requestTimeoutMs: 10_000, intervalMs: 2_000, ca: undefined });
  });

  it('reads several checks from a YAML or JSON list, after the one of url', async () => {
    const yaml = ['- url: http://127.0.0.1:1/a', '  name: api', '  json-equals: [status=ok, db=up]', '- {url: "http://127.0.0.1:1/b", expect-status: 204, header: etag}'].join('\n');
    const json = JSON.stringify([{ url: 'http://127.0.0.1:1/c', 'body-contains': 'ready' }]);
    const fromYaml = (await smokePlanOf(parseInputs(verifyStage, { url: 'http://127.0.0.1:1/', checks: yaml })))!;
    expect(fromYaml.checks.map((c) => c.name)).toEqual(['http://127.0.0.1:1/', 'api', 'http://127.0.0.1:1/b']);
    expect(fromYaml.checks[1]!.json.map((j) => j.value)).toEqual(['ok', 'up']);
    expect(fromYaml.checks[2]!.status.matches(204)).toBe(true);
    const fromJson = (await smokePlanOf(parseInputs(verifyStage, { checks: json })))!;
    expect(fromJson.checks).toMatchObject([{ name: 'http://127.0.0.1:1/c', bodyContains: 'ready' }]);
  });

  it.each([
    [{}, 'url', /is required unless checks lists the checks/],
    [{ url: 'ftp://host/file' }, 'url', /must be an http:\/\/ or https:\/\/ URL/],
    [{ url: 'not a url' }, 'url', /absolute http/],
    [{ url: 'http://h/', 'expect-status': '2xx,ok' }, 'expect-status', /'ok' is not a status/],
    [{ url: 'http://h/', 'json-equals': 'status' }, 'json-equals', /must be path=value/],
    [{ url: 'http://h/', header: 'a b' }, 'header', /must be a header name/],
    [{ 'body-contains': 'ok', checks: '[{"url": "http://h/"}]' }, 'body-contains', /is only used with url/],
    [{ checks: '[]' }, 'checks', /non-empty YAML or JSON list/],
    [{ checks: '- url: http://h/\n  expect: 200' }, 'checks', /item 1: unknown field expect/],
    [{ checks: '- name: x' }, 'checks', /item 1 url:/],
    [{ checks: '- url: http://h/\n  json-equals: nope' }, 'checks', /item 1: json-equals 'nope' must be path=value/],
    [{ url: 'http://h/', 'deadline-seconds': '-1' }, 'deadline-seconds', /must be a number/],
  ] as const)('refuses %j naming %s', (raw, name, message) => {
    const error = inputErrorOf(verifyStage, raw);
    expect(error.input).toBe(name);
    expect(error.message).toMatch(message);
  });

  it('never repeats a URL in its complaint, so a password in it stays out of logs', () => {
    const error = inputErrorOf(verifyStage, { url: 'gopher://user:hunter2-secret@host/' });
    expect(error.message).not.toContain('hunter2-secret');
  });

  it('refuses a ca-file that is missing or holds no certificate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gantry-verify-ca-'));
    writeFileSync(join(dir, 'not.pem'), 'hello');
    await expect(smokePlanOf(parseInputs(verifyStage, { url: 'https://h/', 'ca-file': join(dir, 'missing.pem') }))).rejects.toThrow(/input 'ca-file': cannot read .*ENOENT/);
    await expect(smokePlanOf(parseInputs(verifyStage, { url: 'https://h/', 'ca-file': join(dir, 'not.pem') }))).rejects.toThrow(/holds no PEM certificate/);
  });
});
