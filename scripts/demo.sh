#!/usr/bin/env bash
# The main job on the loopback stack: install what is missing, start the stack, then run the example pipeline
# against it — auth, build, scan, push, deploy to ECS and to EKS, bump the GitOps repository — each stage through the same
# `gantry run` that Jenkins and a terminal use. Idempotent: a second run reuses the peers and the running stack.
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

out=.gantry/local/demo
mkdir -p "$out"
# Runs one stage, keeping its outputs as JSON for the stages after it.
stage() {
  local name=$1; shift
  printf '\n== %s\n' "$name"
  gantry run "$name" --json "$@" > "$out/$name.json"
  jq . "$out/$name.json"
}
output() { jq -r --arg key "$2" '.[$key]' "$out/$1.json"; }

# Who we are: OIDC web identity → STS; the credentials go to a 0600 file, never to the log.
stage auth --exports-file "$out/aws-session.env"
# shellcheck disable=SC1091
source "$out/aws-session.env"

GANTRY_SHA=$(git rev-parse HEAD 2>/dev/null || echo 0000000000000000000000000000000000000000)
export GANTRY_SHA GANTRY_RUN_NUMBER=${GANTRY_RUN_NUMBER:-1}
ARCHES=amd64 bash examples/app/build.sh
stage build --context examples/app --image gantry/local/example-app --oci-archive "$out/example-app.tar"
# Secrets and misconfigurations are checked offline; the vulnerability database cannot be downloaded here.
stage scan --scan-type image --target "$(output build oci-archive)" --scanners secret --offline true --output-dir "$out/scan"
stage scan --scan-type config --target examples/app --offline true --output-dir "$out/scan-config"
stage push --repository gantry/local/example-app --oci-archive "$(output build oci-archive)" --registry "$GANTRY_REGISTRY"
stage deploy-ecs --cluster gantry-local --service example-app --image "$(output push image)"
# The local control plane stands in for EKS: DescribeCluster, an EKS token checked by its webhook, a real rollout.
stage deploy-eks --cluster gantry-local --namespace example --workload deployment/example-app --image "$(output push image)"
stage gitops-bump --repository "$GANTRY_GITOPS_REPO" --files apps/example/overlays/staging/kustomization.yaml \
  --image-name example-app --image "$(output push image)" --service example --environment staging

printf '\nThe example pipeline ran against the loopback stack; outputs are in %s. Stop the stack: node lib/runtime/cli/main.js local down\n' "$out"
