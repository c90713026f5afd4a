# shellcheck shell=bash
# Shared helpers for scripts/install-peers.sh (sourced, not executed).

log() { printf '%s\n' "$*"; }
warn() { printf 'install-peers: warning: %s\n' "$*" >&2; }
die() {
  printf 'install-peers: error: %s\n' "$*" >&2
  exit 1
}

# One line per tool: "NAME VERSION: cached" or "... installed in 42s".
report_cached() { log "$1 $2: cached"; }
report_installed() { log "$1 $2: installed in $(($(date +%s) - $3))s"; }

# Point $GANTRY_HOME/bin/NAME at TARGET, and the system bin dir (if any) at
# that link, so a later bump only has to move the first link. Existing links
# are replaced; a real file in the system bin dir belongs to someone else and
# is never overwritten.
link_tool() {
  local name=$1 target=$2
  [[ -x $target ]] || die "$name: $target is missing or not executable"
  ensure_link "$target" "$GANTRY_HOME/bin/$name"
  [[ -n $GANTRY_SYSTEM_BIN ]] || return 0
  local sys=$GANTRY_SYSTEM_BIN/$name
  if [[ -e $sys && ! -L $sys ]]; then
    die "$sys exists and is not a link: remove it, or set GANTRY_SYSTEM_BIN= to skip system links"
  fi
  ensure_link "$GANTRY_HOME/bin/$name" "$sys"
}

# Only touch the link when it differs, so a re-run changes nothing.
ensure_link() {
  local target=$1 link=$2
  [[ -L $link && $(readlink "$link") == "$target" ]] && return 0
  mkdir -p "$(dirname "$link")"
  ln -sfn "$target" "$link"
}
