import { describe, expect, it } from 'vitest';
import { revertMessage, revertsLine } from '../../src/gitops/revert.js';

const SHA = '0123456789abcdef0123456789abcdef01234567';

describe('the revert commit message', () => {
  it('is the one git revert writes, followed by why and by which run', () => {
    const message = revertMessage({ sha: SHA, parents: ['f'.repeat(40)], subject: 'staging: deploy web v2' }, 'smoke test failed', 'acme/shop@abc');
    expect(message).toBe(
      ['Revert "staging: deploy web v2"', '', `This reverts commit ${SHA}.`, '', 'Reason: smoke test failed', 'Rolled back by: acme/shop@abc', ''].join('\n'),
    );
    // The line that finds an earlier revert is the one the message carries.
    expect(message).toContain(revertsLine(SHA));
  });
});
