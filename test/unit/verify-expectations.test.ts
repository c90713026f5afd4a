import { describe, expect, it } from 'vitest';
import { describeExpectations, unmetExpectations, type HttpAnswer, type SmokeCheck } from '../../src/verify/check.js';
import { parseCheck } from '../../src/verify/check-spec.js';
import {
  parseHeaderExpectation,
  parseJsonExpectation,
  parseJsonPath,
  parseStatusExpectation,
  renderJsonValue,
  valueAt,
  type StatusExpectation,
} from '../../src/verify/expectations.js';

const status = (text: string) => parseStatusExpectation(text) as StatusExpectation;

describe('expect-status', () => {
  it('reads single statuses, lists, classes and ranges', () => {
    expect([200, 204, 201].map(status('200,204').matches)).toEqual([true, true, false]);
    expect([199, 200, 299, 300].map(status('2xx').matches)).toEqual([false, true, true, false]);
    expect([200, 301, 302, 304].map(status('200, 301-303').matches)).toEqual([true, true, true, false]);
    expect(status(' 2XX , 404 ').text).toBe('2XX,404');
  });

  it.each(['', 'ok', '20', '2000', '6xx', '299-200', '200-700', '200;204'])('refuses %j with what a good value looks like', (value) => {
    expect(parseStatusExpectation(value)).toMatch(/status|class|range/);
  });
});

describe('json-equals', () => {
  const document = { status: 'ok', checks: [{ ok: true, name: 'db' }, { ok: false }], count: 3, owner: null, 'x-y': { z: 'a=b' } };

  it('follows dotted names and bracketed indexes', () => {
    expect(parseJsonPath('checks[0].ok')).toEqual(['checks', 0, 'ok']);
    expect(parseJsonPath('[1].id')).toEqual([1, 'id']);
    expect(parseJsonPath('x-y.z')).toEqual(['x-y', 'z']);
    expect(valueAt(document, ['checks', 0, 'name'])).toBe('db');
    expect(valueAt(document, ['checks', 2, 'ok'])).toBeUndefined();
    expect(valueAt(document, ['status', 'length'])).toBeUndefined();
    expect(valueAt(document, ['toString'])).toBeUndefined();
  });

  it.each(['', '.status', 'a..b', 'a[x]', 'a[0', 'a b'])('refuses the path %j', (path) => {
    expect(parseJsonPath(path)).toMatch(/is not a JSON path/);
  });

  it('splits path=value at the first =, so values may hold one', () => {
    expect(parseJsonExpectation('x-y.z=a=b')).toMatchObject({ path: 'x-y.z', steps: ['x-y', 'z'], value: 'a=b' });
    expect(parseJsonExpectation('status')).toMatch(/must be path=value/);
    expect(parseJsonExpectation('=ok')).toMatch(/must be path=value/);
  });

  it('renders strings bare and everything else as JSON', () => {
    expect([renderJsonValue('ok'), renderJsonValue(true), renderJsonValue(3), renderJsonValue(null), renderJsonValue(['a'])]).toEqual(['ok', 'true', '3', 'null', '["a"]']);
  });
});

describe('header', () => {
  it('is a name to be present, or name=value to be equal', () => {
    expect(parseHeaderExpectation('X-Version')).toEqual({ name: 'x-version' });
    expect(parseHeaderExpectation('Content-Type = application/json; charset=utf-8')).toEqual({ name: 'content-type', value: 'application/json; charset=utf-8' });
    expect(parseHeaderExpectation('bad header=1')).toMatch(/must be a header name/);
  });
});

describe('an answer against a check', () => {
  const check = parseCheck({
    url: 'http://127.0.0.1:8080/health',
    expectStatus: '2xx',
    bodyContains: '"status"',
    jsonEquals: ['status=ok', 'checks[0].ok=true'],
    headers: ['x-version=2', 'etag'],
  }) as SmokeCheck;
  const good: HttpAnswer = {
    status: 200,
    headers: { 'x-version': '2', etag: '"abc"', 'content-type': 'application/json' },
    body: JSON.stringify({ status: 'ok', checks: [{ ok: true }] }),
  };

  it('passes when every expectation holds', () => {
    expect(unmetExpectations(check, good)).toEqual([]);
    expect(describeExpectations(check)).toBe('status 2xx; body contains "\\"status\\""; json status = ok; json checks[0].ok = true; header x-version: 2; header etag present');
  });

  it('names each expectation that does not hold and what came back instead', () => {
    const bad: HttpAnswer = { status: 503, headers: { 'x-version': '1' }, body: JSON.stringify({ status: 'starting', checks: [] }) };
    expect(unmetExpectations(check, bad)).toEqual([
      'status 503, expected 2xx',
      'json status = starting, expected ok',
      'json checks[0].ok is missing, expected true',
      'header x-version: 1, expected 2',
      'header etag is missing',
    ]);
  });

  it('says when a JSON expectation meets a body that is not JSON', () => {
    const html: HttpAnswer = { status: 200, headers: { 'content-type': 'text/html', 'x-version': '2', etag: 'e' }, body: '<html>"status"</html>' };
    expect(unmetExpectations(check, html)).toEqual([
      'json status: the body is not JSON (content-type text/html)',
      'json checks[0].ok: the body is not JSON (content-type text/html)',
    ]);
  });

  it('is named by its URL without the password', () => {
    const withPassword = parseCheck({ url: 'https://probe:s3cret-pass@internal.example/health' }) as SmokeCheck;
    expect(withPassword.name).toBe('https://probe:***@internal.example/health');
    expect((parseCheck({ name: 'api', url: 'https://internal.example/' }) as SmokeCheck).name).toBe('api');
  });
});
