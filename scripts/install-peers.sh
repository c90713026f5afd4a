#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Install the external tools ("peers") that Gantry drives or tests against,
# from package registries only: Debian packages, PyPI, the Go module proxy.
# Safe to re-run: whatever is already present at the pinned version is kept.
# Versions: scripts/peers.env and scripts/requirements-peers.txt.
# What goes where: docs/peers.md.
set -Eeuo pipefail

usage() {
  cat <<'EOF'
usage: install-peers.sh [--only STEPS] [--check]

  --only STEPS  comma-separated subset of: apt, python, go
                (default: all; the final check covers the same steps)
  --check       install nothing, only check the tools and print their versions

environment:
  GANTRY_HOME        install root (default /opt/gantry)
  GANTRY_SYSTEM_BIN  where tools are also linked (default /usr/local/bin;
                     empty to skip)
  GANTRY_PYTHON      base interpreter of the venv (default /usr/bin/python3)
EOF
}

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=peers.env
source "$SCRIPT_DIR/peers.env"
# shellcheck source=lib/common.sh
source "$SCRIPT_DIR/lib/common.sh"
# shellcheck source=lib/apt.sh
source "$SCRIPT_DIR/lib/apt.sh"
# shellcheck source=lib/python.sh
source "$SCRIPT_DIR/lib/python.sh"
# shellcheck source=lib/go.sh
source "$SCRIPT_DIR/lib/go.sh"
# shellcheck source=lib/check.sh
source "$SCRIPT_DIR/lib/check.sh"

trap 'die "unexpected failure at ${BASH_SOURCE[0]##*/}:$LINENO: $BASH_COMMAND"' ERR

STEPS=apt,python,go
CHECK_ONLY=0
while (($#)); do
  case $1 in
    --only)
      [[ $# -ge 2 ]] || die "--only needs a value (apt, python, go)"
      STEPS=$2
      shift 2
      ;;
    --only=*)
      STEPS=${1#--only=}
      shift
      ;;
    --check)
      CHECK_ONLY=1
      shift
      ;;
    -h | --help)
      usage
      exit 0
      ;;
    *)
      usage >&2
      die "unknown argument: $1"
      ;;
  esac
done
for step in ${STEPS//,/ }; do
  [[ $step =~ ^(apt|python|go)$ ]] || die "unknown step '$step' (expected apt, python, go)"
done
step_enabled() { [[ ,$STEPS, == *,$1,* ]]; }

GANTRY_HOME=${GANTRY_HOME:-/opt/gantry}
GANTRY_SYSTEM_BIN=${GANTRY_SYSTEM_BIN-/usr/local/bin}
GANTRY_PYTHON=${GANTRY_PYTHON:-/usr/bin/python3}
PEERS_REQUIREMENTS=$SCRIPT_DIR/requirements-peers.txt

[[ $EUID -eq 0 ]] || ! step_enabled apt || ((CHECK_ONLY)) ||
  die "the apt step must run as root (or use --only python,go)"

mkdir -p "$GANTRY_HOME/bin"
# Links must hold absolute paths, whatever the caller passed.
GANTRY_HOME=$(cd "$GANTRY_HOME" && pwd)

# Two concurrent installs would race on the venv and the build dirs; a check only reads, so it does not wait for one.
if ((!CHECK_ONLY)); then
  exec 9>"$GANTRY_HOME/.install-peers.lock"
  if ! flock -n 9; then
    log "another install-peers run holds $GANTRY_HOME/.install-peers.lock, waiting"
    flock 9
  fi
fi

started=$(date +%s)
if ((!CHECK_ONLY)); then
  step_enabled apt && install_apt
  step_enabled python && install_python
  step_enabled go && install_go
fi
check_tools
log "peers ready in $GANTRY_HOME ($(($(date +%s) - started))s)"
