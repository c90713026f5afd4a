import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * verify and notify belong to the runner-agnostic core: they take facts from the Runtime they are given, never from
 * the Actions toolkit or the process environment.
 */
const FILES = [
  ...['src/verify', 'src/notify'].flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => join(dir, f))),
  'src/stages/verify.ts',
  'src/stages/notify.ts',
];

describe('the verify and notify core', () => {
  it('has its modules where this test looks', () => {
    expect(FILES).toEqual(expect.arrayContaining(['src/verify/smoke.ts', 'src/notify/deliver.ts', 'src/stages/notify.ts']));
  });

  it.each(FILES)('%s neither imports @actions/* nor reads process.env', (file) => {
    const source = readFileSync(file, 'utf8');
    expect(source).not.toMatch(/from\s+['"]@actions\/|import\s*\(\s*['"]@actions\/|require\s*\(\s*['"]@actions\//);
    expect(source).not.toMatch(/process\.env/);
  });
});
