# shellcheck shell=bash
# Final check: every peer runs, as Gantry will call it (sourced by
# scripts/install-peers.sh).

# STEP|TOOL|COMMAND|PATTERN: COMMAND must exit 0; the table shows the first
# line of its output matching PATTERN (or the first line).
check_entries() {
  local b=$GANTRY_HOME/bin py=$GANTRY_HOME/venv/bin/python
  cat <<EOF
apt|docker-registry|docker-registry --version|
apt|buildah|buildah --version|
apt|skopeo|skopeo --version|
apt|git|git --version|
apt|groovy|groovy --version|Groovy
apt|fuse-overlayfs|fuse-overlayfs --version|^fuse-overlayfs
apt|newuidmap|test -u /usr/bin/newuidmap -a -u /usr/bin/newgidmap && dpkg-query -W -f='uidmap \${Version}\\n' uidmap|
apt|jq|jq --version|
apt|curl|curl --version|
apt|hugo|hugo version|
python|python|$py --version|
python|act|$b/act --version|
python|zizmor|$b/zizmor --version|
python|aws|$b/aws --version|
python|moto_server|$b/moto_server --help >/dev/null && $py -c 'from importlib.metadata import version; print("moto", version("moto"))'|
go|actionlint|$b/actionlint --version|
go|trivy|$b/trivy --version|
go|cosign|$b/cosign version|GitVersion
EOF
}

check_tools() {
  local step tool cmd pattern out line failed=()
  printf '\n%-16s %s\n' TOOL VERSION
  while IFS='|' read -r step tool cmd pattern; do
    step_enabled "$step" || continue
    if out=$(bash -c "$cmd" 2>&1); then
      line=$(grep -m1 -E -- "${pattern:-.}" <<<"$out" || true)
      [[ -n $line ]] || line=$(head -n1 <<<"$out")
    else
      line="FAILED: $(head -n1 <<<"$out")"
      failed+=("$tool")
    fi
    # The system links must lead to the same binary as $GANTRY_HOME/bin.
    if [[ $step != apt && $tool != python && -n $GANTRY_SYSTEM_BIN ]] &&
      [[ $(readlink -f "$GANTRY_SYSTEM_BIN/$tool") != $(readlink -f "$GANTRY_HOME/bin/$tool") ]]; then
      line="FAILED: $GANTRY_SYSTEM_BIN/$tool does not lead to $GANTRY_HOME/bin/$tool"
      failed+=("$tool")
    fi
    printf '%-16s %.90s\n' "$tool" "$line"
  done < <(check_entries)
  ((${#failed[@]} == 0)) || die "not working: ${failed[*]}"
}
