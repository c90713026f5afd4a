#!/usr/bin/env bash
# Before `npm publish`: the checkout is the version being released and is compiled; a version already on the registry
# (a re-run after a later step failed) is reported as published=true, and the workflow skips the publish.
# Environment: GANTRY_VERSION; GITHUB_OUTPUT (optional).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
# shellcheck source=lib.sh
source scripts/release/lib.sh

[[ -n ${GANTRY_VERSION:-} ]] || die "GANTRY_VERSION is not set"
[[ $(node -p "require('./package.json').version") == "$GANTRY_VERSION" ]] || die "package.json is not at $GANTRY_VERSION"
[[ -f lib/index.js && -f lib/projen/index.js ]] || die "lib/ is not compiled (npx projen compile)"
published=false
if [[ $(npm view "gantry-ci@$GANTRY_VERSION" version 2>/dev/null || true) == "$GANTRY_VERSION" ]]; then
  published=true
  printf 'release: gantry-ci@%s is on npm already\n' "$GANTRY_VERSION"
fi
[[ -z ${GITHUB_OUTPUT:-} ]] || printf 'published=%s\n' "$published" >>"$GITHUB_OUTPUT"
