import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INSTALL_SCRIPT, installArgs } from '../../src/local/install.js';

describe('gantry local install', () => {
  it('runs the installer that ships next to the compiled code', () => {
    expect(INSTALL_SCRIPT).toMatch(/\/scripts\/install-peers\.sh$/);
    expect(existsSync(INSTALL_SCRIPT)).toBe(true);
  });

  it('passes --check and a subset of the steps on', () => {
    expect(installArgs({})).toEqual([]);
    expect(installArgs({ check: true })).toEqual(['--check']);
    expect(installArgs({ only: 'python,go', check: true })).toEqual(['--only', 'python,go', '--check']);
  });

  it('refuses an unknown step before anything runs, naming the option', () => {
    expect(() => installArgs({ only: 'apt,brew' })).toThrow("--only: expected a comma-separated subset of apt, python, go, got 'apt,brew'");
    expect(() => installArgs({ only: '' })).toThrow('--only');
  });
});
