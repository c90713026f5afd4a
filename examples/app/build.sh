#!/usr/bin/env bash
# Compiles the service into dist/app-linux-<arch>: static Linux binaries (no cgo, no libc) that the FROM scratch image
# copies, one per architecture the image may be built for. Uses the machine's Go and the standard library only, so it
# builds offline. ARCHES (default "amd64 arm64") picks the architectures.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
version=${APP_VERSION:-$(git describe --tags --always 2>/dev/null || echo dev)}
mkdir -p dist
for arch in ${ARCHES:-amd64 arm64}; do
  CGO_ENABLED=0 GOOS=linux GOARCH=$arch GOTOOLCHAIN=local \
    go build -trimpath -ldflags "-s -w -X main.version=${version}" -o "dist/app-linux-${arch}" .
  echo "built dist/app-linux-${arch} (${version})"
done
