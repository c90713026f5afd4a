#!/usr/bin/env bash
# The main job on the loopback stack: install what is missing, start the stack, then run the example pipeline
# against it — auth, build, scan (with an SBOM), push, sign, deploy to ECS and to EKS with smoke checks (each deploy
# first checks the image's signature), bump the GitOps repository, promote the verified image by digest to the
# production repository, publish the Hugo site to S3 behind CloudFront, notify — each stage through the same
# `gantry run` that Jenkins and a terminal use, and a deploy whose smoke check fails, to show it roll itself back.
# Idempotent: a second run reuses the peers and the running stack.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/install-peers.sh
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
npx projen compile

gantry() { node lib/bin/gantry.mjs "$@"; }
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
started_at=$(date +%s)
APP_VERSION=sha-${GANTRY_SHA:0:7} ARCHES=amd64 bash examples/app/build.sh

# The emulators run no containers, so the image's own binary, served on loopback, stands in for the deployed service
# that the smoke checks reach; a loopback receiver stands in for Slack. Both stop with this script.
background=()
trap 'kill "${background[@]}" 2>/dev/null || true' EXIT
: > "$out/app.port"; : > "$out/webhooks.jsonl"; : > "$out/receiver.port"
APP_PORT=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
LISTEN_ADDR=127.0.0.1:$APP_PORT examples/app/dist/app-linux-amd64 2> "$out/app.log" &
background+=($!)
node scripts/lib/webhook-receiver.mjs "$out/receiver.port" "$out/webhooks.jsonl" &
background+=($!)
until [ -s "$out/receiver.port" ]; do sleep 0.1; done
APP_URL=http://127.0.0.1:$APP_PORT/
stage build --context examples/app --image gantry/local/example-app --oci-archive "$out/example-app.tar"
# Secrets and misconfigurations are checked offline; the vulnerability database cannot be downloaded here.
# The same scan writes a CycloneDX SBOM of the image (offline, no vulnerability database), which push attaches to it.
stage scan --scan-type image --target "$(output build oci-archive)" --scanners secret --offline true --output-dir "$out/scan" \
  --sbom-file "$out/example-app.cdx.json"
stage scan --scan-type config --target examples/app --offline true --output-dir "$out/scan-config"
stage push --repository gantry/local/example-app --oci-archive "$(output build oci-archive)" --registry "$GANTRY_REGISTRY" \
  --sbom-file "$out/example-app.cdx.json"

# Sign the pushed digest as cosign does, with a PEM key pair made here on first use (kept under .gantry/, never
# committed); a pipeline on AWS signs with a KMS key instead (--key awskms:///alias/...). Every deploy below requires
# that signature before it changes anything.
keys=.gantry/local/demo-keys
mkdir -p "$keys" && chmod 700 "$keys"
new_key_pair() {
  [ -s "$keys/$1.key" ] || node -e '
    const { generateKeyPairSync } = require("node:crypto"); const { writeFileSync } = require("node:fs");
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
    writeFileSync(process.argv[1] + ".key", privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600 });
    writeFileSync(process.argv[1] + ".pub", publicKey.export({ type: "spki", format: "pem" }));' "$keys/$1"
}
new_key_pair release
new_key_pair stranger
stage sign --image "$(output push image)" --key "$keys/release.key"
# The real cosign verifies the signature Gantry wrote: no transparency log on loopback, and an empty trusted root, so
# that cosign does not fetch Sigstore's public one (it needs none to check a signature against a key).
printf '%s\n' '{"mediaType":"application/vnd.dev.sigstore.trustedroot+json;version=0.1"}' > "$keys/trusted-root.json"
"${GANTRY_HOME:-/opt/gantry}/bin/cosign" verify --key "$keys/release.pub" --insecure-ignore-tlog=true --allow-http-registry \
  --trusted-root "$keys/trusted-root.json" "$(output push image)" > /dev/null

# Deploy, then smoke-check the service within the same step: a failed check would roll the service back.
stage deploy-ecs --cluster gantry-local --service example-app --image "$(output push image)" --require-signature "$keys/release.pub" \
  --verify-url "$APP_URL" --verify-json-equals "version=sha-${GANTRY_SHA:0:7}" --verify-deadline-seconds 30
# The local control plane stands in for EKS: DescribeCluster, an EKS token checked by its webhook, a real rollout.
stage deploy-eks --cluster gantry-local --namespace example --workload deployment/example-app --image "$(output push image)" \
  --require-signature "$keys/release.pub"
stage gitops-bump --repository "$GANTRY_GITOPS_REPO" --files apps/example/overlays/staging/kustomization.yaml \
  --image-name example-app --image "$(output push image)" --service example --environment staging --require-signature "$keys/release.pub"

# A deploy that requires a key which did not sign this image: refused before any change, naming the digest and the key.
printf '\n== deploy-ecs requiring a key that did not sign the image (expected to be refused)\n'
if gantry run deploy-ecs --cluster gantry-local --service example-app --image "$(output push image)" --force-new-deployment true \
  --require-signature "$keys/stranger.pub" > /dev/null 2> "$out/deploy-ecs-unsigned.log"; then
  echo "the deploy requiring another key's signature succeeded; it should have been refused" >&2
  exit 1
fi
cat "$out/deploy-ecs-unsigned.log"
grep -q "image gantry/local/example-app@$(output push digest) is not signed by key $keys/stranger.pub" "$out/deploy-ecs-unsigned.log" ||
  { echo "the refusal does not name the digest and the key" >&2; exit 1; }
live_revision() {
  "${GANTRY_HOME:-/opt/gantry}/bin/aws" --endpoint-url "$AWS_ENDPOINT_URL" ecs describe-services --cluster gantry-local --services example-app \
    --query 'services[0].taskDefinition' --output text
}
[ "$(live_revision)" = "$(output deploy-ecs task-definition-arn)" ] || { echo "the refused deploy changed the service" >&2; exit 1; }
# The service's health and version, as a pipeline's Verify stage checks them.
stage verify --url "${APP_URL}healthz" --body-contains ok --checks "[{\"name\": \"version\", \"url\": \"$APP_URL\", \"json-equals\": \"version=sha-${GANTRY_SHA:0:7}\"}]"

# Promote what was deployed and verified above, by digest, from the staging repository to the production one, after
# checking its signature: the blobs are mounted within the registry (nothing downloaded), the digest is the same, and
# the SBOM and the signature come along.
stage promote --source-image "$(output push image)" --target-repository gantry/production/example-app \
  --tags "sha-${GANTRY_SHA:0:7}" --target-registry "$GANTRY_REGISTRY" --require-signature "$keys/release.pub"
[ "$(output promote digest)" = "$(output push digest)" ] || { echo "the promoted digest differs from the pushed one" >&2; exit 1; }
[ "$(output promote attached)" -ge 2 ] || { echo "the SBOM and the signature did not come along with the promoted image" >&2; exit 1; }
referrers=$(curl -fsS "http://$GANTRY_REGISTRY/v2/gantry/production/example-app/manifests/$(output push digest | tr : -)" \
  -H 'Accept: application/vnd.oci.image.index.v1+json' | jq -r '.manifests[].artifactType')
grep -qx application/vnd.cyclonedx+json <<< "$referrers" || { echo "the production repository lists no SBOM for the image" >&2; exit 1; }
echo "promoted: $(output promote image), SBOM and signature attached"
# Production deploys the promoted image, checking first that its signature came along: a GitOps bump of the
# production overlay, as Argo CD or Flux would then sync.
printf '\n== gitops-bump production (the promoted image, its signature checked)\n'
gantry run gitops-bump --json --repository "$GANTRY_GITOPS_REPO" --files apps/example/overlays/production/kustomization.yaml \
  --image-name example-app --image "$(output promote image)" --service example --environment production \
  --require-signature "$keys/release.pub" > "$out/gitops-bump-production.json"
jq . "$out/gitops-bump-production.json"

# A deploy that rolls out but serves the wrong thing: its smoke check expects a version the service does not report,
# so deploy-ecs rolls the service back to the revision deployed above, and fails.
printf '\n== deploy-ecs with a failing smoke check (expected to fail and roll back)\n'
if gantry run deploy-ecs --json --cluster gantry-local --service example-app --image "$(output push image)" --force-new-deployment true \
  --require-signature "$keys/release.pub" --verify-url "$APP_URL" --verify-json-equals "version=not-this-build" --verify-deadline-seconds 2 > "$out/deploy-ecs-bad.json"; then
  echo "the deploy with a failing smoke check succeeded; it should have failed and rolled back" >&2
  exit 1
fi
jq . "$out/deploy-ecs-bad.json"
[ "$(output deploy-ecs-bad rollout-state)" = VERIFY_FAILED ] || { echo "expected rollout-state VERIFY_FAILED" >&2; exit 1; }
serving=$(live_revision)
[ "$serving" = "$(output deploy-ecs task-definition-arn)" ] || { echo "the service runs $serving, not the revision before the failed deploy" >&2; exit 1; }
echo "rolled back: example-app serves $serving again"

# The front end: Hugo builds the site and only changed files go to the private bucket. Published once as the previous
# release, then as this one: the second sync uploads just the page that names the release, and CloudFront is
# invalidated for exactly that page, waited for until Completed.
publish_site() {
  HUGO_PARAMS_RELEASE=$1 stage publish-static --working-directory examples/site --build-command "hugo --gc --minify" \
    --source-dir public --bucket "$GANTRY_SITE_BUCKET" --distribution-id "$GANTRY_SITE_DISTRIBUTION_ID"
}
publish_site previous
publish_site "sha-${GANTRY_SHA:0:7}"
[ "$(output publish-static invalidation-paths)" = "/,/index.html" ] || { echo "expected an invalidation of / and /index.html" >&2; exit 1; }
"${GANTRY_HOME:-/opt/gantry}/bin/aws" --endpoint-url "$AWS_ENDPOINT_URL" s3 cp "s3://$GANTRY_SITE_BUCKET/index.html" - |
  grep -q "Release sha-${GANTRY_SHA:0:7}" || { echo "the published home page does not name this release" >&2; exit 1; }

# Tell the team: Slack's Block Kit and a plain JSON webhook, both received on loopback.
receiver=http://127.0.0.1:$(cat "$out/receiver.port")
stage notify --status success --service example-app --environment staging --image "$(output push image)" \
  --started-at "$started_at" --slack-webhook-url "$receiver/services/T0000/B0000/demo" --webhook-url "$receiver/hooks/delivery"
[ "$(wc -l < "$out/webhooks.jsonl")" -eq 2 ] || { echo "the receiver did not get both notifications" >&2; exit 1; }
jq -c '{path, blocks: ((.body.blocks // []) | length), status: (.body.status // null)}' "$out/webhooks.jsonl"

printf '\nThe example pipeline ran against the loopback stack; outputs are in %s. Stop the stack: node lib/bin/gantry.mjs local down\n' "$out"
