# shellcheck shell=bash
# Go peers built from the Go module proxy (sourced by scripts/install-peers.sh).

go_find() {
  GO_BIN=$(command -v go || true)
  [[ -n $GO_BIN ]] || { [[ -x /usr/local/go/bin/go ]] && GO_BIN=/usr/local/go/bin/go; }
  [[ -n $GO_BIN ]] || die "go: no Go toolchain found (needs the version the modules' go directive asks for; Debian 12's golang-go is too old)"
}

# A binary counts only if it runs and reports the pinned version (`--version`,
# or the `version` subcommand of tools without the flag, such as cosign).
go_bin_ok() {
  local out
  [[ -x $1 ]] && { out=$("$1" --version 2>/dev/null) || out=$("$1" version 2>/dev/null); } && [[ $out == *"$2"* ]]
}

# go_tool NAME MODULE VERSION LDFLAGS [VAR=VALUE...]: build NAME once per
# version into $GANTRY_HOME/cache/go/NAME-VERSION/NAME, then link it. Extra
# VAR=VALUE pairs are passed to the build's environment.
go_tool() {
  local name=$1 module=$2 version=$3 ldflags=$4
  shift 4
  local dir=$GANTRY_HOME/cache/go/$name-$version
  local bin=$dir/$name start tmp

  if go_bin_ok "$bin" "$version"; then
    report_cached "$name" "$version"
  else
    go_find
    start=$(date +%s)
    log "go: building $module@v$version"
    mkdir -p "$GANTRY_HOME/cache/go"
    # Build into a scratch dir and move into place, so an interrupted build
    # never leaves a half-written binary that a later run would trust. Scratch
    # dirs of interrupted runs go first (the run lock makes this safe).
    rm -rf "$GANTRY_HOME/cache/go/.build-$name".*
    tmp=$(mktemp -d "$GANTRY_HOME/cache/go/.build-$name.XXXXXX")
    # GOTOOLCHAIN=local: never fetch another toolchain. GOFLAGS and GOWORK are
    # cleared so the caller's settings cannot change what gets built.
    # go's download chatter goes to a log, shown only when the build fails.
    local buildlog=$GANTRY_HOME/logs/go-$name.log
    mkdir -p "${buildlog%/*}"
    if ! (cd "$tmp" && env GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS= GOWORK=off GOBIN="$tmp" "$@" \
      "$GO_BIN" install -trimpath -ldflags "$ldflags" "$module@v$version") >"$buildlog" 2>&1; then
      rm -rf "$tmp"
      grep -v '^go: downloading' "$buildlog" | tail -n 20 >&2
      die "go: building $module@v$version failed (full output: $buildlog)"
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    mv "$tmp/$name" "$bin"
    rm -rf "$tmp"
    go_bin_ok "$bin" "$version" || die "go: $bin does not report version $version"
    report_installed "$name" "$version" "$start"
  fi
  link_tool "$name" "$bin"
}

install_go() {
  # -s -w: no symbol tables, as in the upstream release builds.
  go_tool actionlint "$ACTIONLINT_MODULE" "$ACTIONLINT_VERSION" "-s -w"
  # Trivy imports encoding/json/v2, still behind GOEXPERIMENT=jsonv2, and
  # takes its version from a linker flag rather than the module version.
  go_tool trivy "$TRIVY_MODULE" "$TRIVY_VERSION" \
    "-s -w -X github.com/aquasecurity/trivy/pkg/version/app.ver=$TRIVY_VERSION" \
    GOEXPERIMENT=jsonv2
  # cosign verifies the signatures of the sign stage in the tests; like Trivy it
  # takes its version from a linker flag (else it reports the module version).
  go_tool cosign "$COSIGN_MODULE" "$COSIGN_VERSION" \
    "-s -w -X sigs.k8s.io/release-utils/version.gitVersion=v$COSIGN_VERSION"
  # The local Kubernetes control plane (etcd, kube-apiserver, controller-manager, scheduler, kwok and the
  # project's launcher), cached by the hash of its pins and sources; the script reports on stderr.
  GANTRY_HOME=$GANTRY_HOME bash "$SCRIPT_DIR/build-kube-local.sh" >/dev/null ||
    die "go: scripts/build-kube-local.sh failed"
}
