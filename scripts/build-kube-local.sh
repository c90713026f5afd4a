#!/usr/bin/env bash
# Build the local Kubernetes control plane from the Go module proxy, once per version:
# kube-apiserver, kube-controller-manager, kube-scheduler (k8s.io/kubernetes), etcd, kwok, and the
# project's own kube-local launcher and EKS token webhook. Pins: tools/kube-local/go.mod and go.sum.
# Output: $GANTRY_HOME/cache/go/kube-local-<version>/ (skipped when already complete). Prints that dir last.
# What it builds and how long it takes: docs/kube-local.md.
set -Eeuo pipefail

usage() {
  cat <<'USAGE'
usage: build-kube-local.sh [--print-dir]

  --print-dir  print the cache directory for the pinned version and exit (builds nothing)

environment:
  GANTRY_HOME  install root (default /opt/gantry)
  GO           the Go toolchain (default: go on PATH, else /usr/local/go/bin/go)
USAGE
}

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
MODULE_DIR=$ROOT/tools/kube-local
GANTRY_HOME=${GANTRY_HOME:-/opt/gantry}
KUBERNETES_VERSION=$(awk '$1 == "k8s.io/kubernetes" { print $2 }' "$MODULE_DIR/go.mod")
BINARIES=(etcd kube-apiserver kube-controller-manager kube-scheduler kwok kube-local)

die() {
  printf 'build-kube-local: error: %s\n' "$*" >&2
  exit 1
}

# The cache key covers every pin and every source file of the module, so any change rebuilds (Go's own
# build cache keeps such a rebuild short).
version_key() {
  (cd "$MODULE_DIR" && find . \( -name '*.go' ! -name '*_test.go' \) -o -name go.mod -o -name go.sum | LC_ALL=C sort | xargs sha256sum) |
    sha256sum | cut -c1-12
}

PRINT_DIR=0
while (($#)); do
  case $1 in
    --print-dir) PRINT_DIR=1 ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
  shift
done

[[ -n $KUBERNETES_VERSION ]] || die "no k8s.io/kubernetes requirement in $MODULE_DIR/go.mod"
DIR=$GANTRY_HOME/cache/go/kube-local-$KUBERNETES_VERSION-$(version_key)
if ((PRINT_DIR)); then
  printf '%s\n' "$DIR"
  exit 0
fi

complete() {
  local b
  for b in "${BINARIES[@]}"; do [[ -x $DIR/$b ]] || return 1; done
}

if complete; then
  printf 'kube-local %s: cached\n' "$KUBERNETES_VERSION" >&2
  printf '%s\n' "$DIR"
  exit 0
fi

GO_BIN=${GO:-$(command -v go || true)}
[[ -n $GO_BIN ]] || { [[ -x /usr/local/go/bin/go ]] && GO_BIN=/usr/local/go/bin/go; }
[[ -n $GO_BIN ]] || die "no Go toolchain found (tools/kube-local/go.mod names the version it needs)"

start=$(date +%s)
mkdir -p "$GANTRY_HOME/cache/go" "$GANTRY_HOME/logs"
log=$GANTRY_HOME/logs/kube-local-build.log
# Build into a scratch dir and move it into place, so an interrupted build never leaves a partial set.
tmp=$(mktemp -d "$GANTRY_HOME/cache/go/.build-kube-local.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
printf 'kube-local %s: building (7-20 minutes cold on 2 shared cores; log: %s)\n' "$KUBERNETES_VERSION" "$log" >&2

# Kubernetes reports its version from linker flags, as its own release build sets them.
version_pkg=k8s.io/component-base/version
ldflags="-s -w -X $version_pkg.gitVersion=$KUBERNETES_VERSION -X $version_pkg.gitMajor=1"
ldflags+=" -X $version_pkg.gitMinor=$(cut -d. -f2 <<<"$KUBERNETES_VERSION") -X $version_pkg.gitTreeState=clean"

# GOTOOLCHAIN=local: never fetch another toolchain. CGO off: static binaries. nice: others share the cores.
if ! (cd "$MODULE_DIR" && env GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-mod=readonly GOWORK=off \
  nice -n 10 "$GO_BIN" build -trimpath -ldflags "$ldflags" -o "$tmp/" \
  ./cmd/etcd ./cmd/kube-local \
  k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kube-controller-manager \
  k8s.io/kubernetes/cmd/kube-scheduler sigs.k8s.io/kwok/cmd/kwok) >"$log" 2>&1; then
  grep -v '^go: downloading' "$log" | tail -n 30 >&2
  die "build failed (full output: $log)"
fi

for b in "${BINARIES[@]}"; do [[ -x $tmp/$b ]] || die "the build did not produce $b"; done
rm -rf "$DIR"
mv "$tmp" "$DIR"
chmod 755 "$DIR"
trap - EXIT
# Each build is ~400 MB: keep only the current one (Go's build cache makes going back a matter of linking).
for old in "$GANTRY_HOME"/cache/go/kube-local-*; do
  [[ $old == "$DIR" || ! -d $old ]] || rm -rf "$old"
done
printf 'kube-local %s: built in %ss\n' "$KUBERNETES_VERSION" "$(($(date +%s) - start))" >&2
printf '%s\n' "$DIR"
