#!/usr/bin/env node
// What a release run of main does (docs/release.md): with changesets pending, keep the "Version Packages" pull
// request current (mode=version-pr); with none pending and the version on main not tagged yet, release it
// (mode=release); otherwise nothing (mode=none). Writes mode and version to $GITHUB_OUTPUT when it is set.
import { execFileSync } from 'node:child_process';
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';

const pending = readdirSync('.changeset').filter((file) => file.endsWith('.md') && file !== 'README.md');
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
if (!/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(version)) throw new Error(`package.json: version '${version}' is not a semantic version`);

function tagged(tag) {
  try {
    execFileSync('git', ['rev-parse', '--quiet', '--verify', `refs/tags/${tag}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

let mode = 'none';
let reason = `v${version} is released already`;
if (pending.length > 0) {
  mode = 'version-pr';
  reason = `${pending.length} changeset(s) pending: ${pending.join(', ')}`;
} else if (version === '0.0.0') {
  reason = 'nothing released yet and no changeset pending';
} else if (!tagged(`v${version}`)) {
  mode = 'release';
  reason = `v${version} has no tag yet`;
}
process.stdout.write(`release plan: ${mode} (${reason})\n`);
if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, `mode=${mode}\nversion=${version}\n`);
