#!/usr/bin/env bash
# The launcher's own Go tests (token checks, ARN mapping), built with the flags of scripts/build-kube-local.sh so
# that Go's build cache from that build serves them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export GOTOOLCHAIN=local CGO_ENABLED=0
exec go test -trimpath "$@" ./...
