import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TrivyReport } from './report.js';

/**
 * The secret values behind Trivy's censored matches. Trivy replaces a secret with `*` in the line it reports;
 * aligning that line with the scanned file gives back the value, which the stage registers with the runtime's
 * masker so it cannot reach a log even through Trivy's own output. Only the values are returned, never logged.
 */
export async function secretValues(report: TrivyReport, root: string): Promise<string[]> {
  const values = new Set<string>();
  for (const result of report.Results) {
    if (result.Secrets.length === 0) continue;
    let lines: string[];
    try {
      lines = (await readFile(join(root, result.Target), 'utf8')).replace(/\r/g, '').split('\n');
    } catch {
      continue; // Not a file under root (an image layer, say): nothing to recover, nothing Gantry printed.
    }
    for (const secret of result.Secrets) {
      const original = lines.slice(secret.StartLine - 1, secret.EndLine).join('\n');
      for (const value of uncensor(secret.Match, original)) values.add(value);
    }
  }
  return [...values];
}

/**
 * The substrings of `original` that `censored` shows as runs of `*`. `censored` may be a window of the line (Trivy
 * cuts long lines), so it is aligned at the first offset where every uncensored character agrees.
 */
export function uncensor(censored: string, original: string): string[] {
  if (!censored.includes('*')) return [];
  for (let offset = 0; offset + censored.length <= original.length; offset++) {
    let aligned = true;
    for (let i = 0; i < censored.length && aligned; i++) {
      if (censored[i] !== '*' && censored[i] !== original[offset + i]) aligned = false;
    }
    if (!aligned) continue;
    const values: string[] = [];
    for (const run of censored.matchAll(/\*+/g)) {
      const value = original.slice(offset + run.index, offset + run.index + run[0].length);
      if (value.length >= 4 && !/^\*+$/.test(value)) values.push(value);
    }
    return values;
  }
  return [];
}
