import { describe, expect, it } from 'vitest';
import { runCommand } from '../../src/build/exec.js';

describe('runCommand', () => {
  it('passes arguments verbatim (no shell) and streams lines', async () => {
    const lines: string[] = [];
    const result = await runCommand('printf', ['%s\\n', 'a b', '$HOME;rm -rf x'], { onLine: (line) => lines.push(line) });
    expect(result.code).toBe(0);
    expect(lines).toEqual(['a b', '$HOME;rm -rf x']);
  });

  it('reports the exit code and stderr of a failing command', async () => {
    const result = await runCommand('sh', ['-c', 'echo boom >&2; exit 3']);
    expect(result).toMatchObject({ code: 3, stderr: 'boom\n' });
  });

  it('stops a command that outlives its bound and says so', async () => {
    await expect(runCommand('sleep', ['5'], { timeoutMs: 200 })).rejects.toThrow(/sleep 5 did not finish within 0.2 s and was stopped/);
  });

  it('names a program that is not installed', async () => {
    await expect(runCommand('gantry-no-such-builder', [])).rejects.toThrow(/gantry-no-such-builder is not installed/);
  });
});
