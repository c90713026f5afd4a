#!/usr/bin/env bash
# The main job on the loopback stack: install what is missing, start the stack, run the pipeline against it.
# Idempotent: a second run reuses the installed peers and the running stack.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/install-peers.sh
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
npx projen compile

gantry() { node lib/runtime/cli/main.js "$@"; }
gantry local up
gantry local status
eval "$(gantry local env)"

echo "== auth: OIDC web identity → STS AssumeRoleWithWebIdentity (credentials go to a 0600 file, never to the log)"
gantry run auth --env-file .gantry/local/aws-session.env
