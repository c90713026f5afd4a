import {
  describeHeaderExpectation,
  renderJsonValue,
  valueAt,
  type HeaderExpectation,
  type JsonExpectation,
  type StatusExpectation,
} from './expectations.js';

/** One smoke check: a GET of `url` and what its answer must show. */
export interface SmokeCheck {
  /** How logs and the summary name it: the given name, else the URL (without a password). */
  readonly name: string;
  readonly url: URL;
  readonly status: StatusExpectation;
  readonly bodyContains?: string;
  readonly json: readonly JsonExpectation[];
  readonly headers: readonly HeaderExpectation[];
}

/** An HTTP answer as far as the checks look at it. */
export interface HttpAnswer {
  readonly status: number;
  /** Lowercase names; repeated headers joined with `, ` as HTTP allows. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** Every expectation of the check in one line, e.g. `status 200; body contains "ok"; json status = ok`. */
export function describeExpectations(check: SmokeCheck): string {
  return [
    `status ${check.status.text}`,
    ...(check.bodyContains !== undefined ? [`body contains ${JSON.stringify(check.bodyContains)}`] : []),
    ...check.json.map((j) => `json ${j.path} = ${j.value}`),
    ...check.headers.map(describeHeaderExpectation),
  ].join('; ');
}

/** The expectations the answer does not meet, each saying what came back instead; empty when it passes. */
export function unmetExpectations(check: SmokeCheck, answer: HttpAnswer): string[] {
  const unmet: string[] = [];
  if (!check.status.matches(answer.status)) unmet.push(`status ${answer.status}, expected ${check.status.text}`);
  if (check.bodyContains !== undefined && !answer.body.includes(check.bodyContains)) {
    unmet.push(`body does not contain ${JSON.stringify(check.bodyContains)}`);
  }
  if (check.json.length > 0) {
    let document: unknown;
    let parsed = true;
    try {
      document = JSON.parse(answer.body);
    } catch {
      parsed = false;
    }
    for (const expectation of check.json) {
      if (!parsed) {
        unmet.push(`json ${expectation.path}: the body is not JSON (content-type ${answer.headers['content-type'] ?? 'not given'})`);
        continue;
      }
      const found = valueAt(document, expectation.steps);
      if (found === undefined) unmet.push(`json ${expectation.path} is missing, expected ${expectation.value}`);
      else if (renderJsonValue(found) !== expectation.value) {
        unmet.push(`json ${expectation.path} = ${excerpt(renderJsonValue(found), 80)}, expected ${expectation.value}`);
      }
    }
  }
  for (const expectation of check.headers) {
    const found = answer.headers[expectation.name];
    if (found === undefined) unmet.push(`header ${expectation.name} is missing`);
    else if (expectation.value !== undefined && found.trim() !== expectation.value) {
      unmet.push(`header ${expectation.name}: ${excerpt(found, 80)}, expected ${expectation.value}`);
    }
  }
  return unmet;
}

/** The start of a text on one line, for logs: enough to recognise an error page, never a whole document. */
export function excerpt(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max)}…`;
}

/** A URL as logs may show it: any password replaced. */
export function displayUrl(url: URL): string {
  if (!url.password) return url.href;
  const shown = new URL(url.href);
  shown.password = '***';
  return shown.href;
}
