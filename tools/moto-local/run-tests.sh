#!/usr/bin/env bash
# The launcher's own tests, in the peers' venv that scripts/install-peers.sh makes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
exec "${GANTRY_HOME:-/opt/gantry}/venv/bin/python" -m pytest -q -p no:cacheprovider "$@" .
