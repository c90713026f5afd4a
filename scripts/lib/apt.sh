# shellcheck shell=bash
# Debian packages (sourced by scripts/install-peers.sh).

apt_version() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null; }

apt_missing() {
  local pkg status
  for pkg in $APT_PACKAGES; do
    status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$pkg" 2>/dev/null || true)
    [[ $status == ii* ]] || printf '%s\n' "$pkg"
  done
}

# Another apt/dpkg run (unattended upgrades, a provisioning job) holds the
# dpkg lock and leaves the status file half-written: wait for it instead of
# failing or reading a package list that is about to change.
apt_busy() {
  local name
  # One name per pgrep: it refuses -x patterns longer than 15 characters.
  for name in apt apt-get aptitude dpkg unattended-upgr; do
    pgrep -x "$name" >/dev/null && return 0
  done
  return 1
}

apt_wait_idle() {
  local waited=0 limit=${GANTRY_APT_WAIT:-1800}
  while apt_busy; do
    ((waited == 0)) && log "apt: another apt/dpkg is running, waiting for it (up to ${limit}s)"
    ((waited >= limit)) && die "apt: still locked after ${limit}s"
    sleep 2
    waited=$((waited + 2))
  done
}

# apt's chatter goes to a log, shown only when apt fails.
apt_get() {
  local log=$GANTRY_HOME/logs/apt.log
  mkdir -p "${log%/*}"
  if ! DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=600 "$@" >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    die "apt: apt-get $1 failed (full output: $log)"
  fi
}

# The package starts a registry on :5000 under systemd (or via its init
# script). Gantry runs /usr/bin/docker-registry itself, so the packaged
# service must be stopped and kept from starting at boot.
apt_disable_registry_service() {
  if [[ -d /run/systemd/system ]]; then
    if systemctl is-enabled --quiet docker-registry.service 2>/dev/null; then
      systemctl disable --quiet docker-registry.service
    fi
    if systemctl is-active --quiet docker-registry.service; then
      systemctl stop docker-registry.service
    fi
  elif [[ -x /etc/init.d/docker-registry ]]; then
    if compgen -G '/etc/rc[2-5].d/S*docker-registry' >/dev/null; then
      update-rc.d docker-registry disable >/dev/null 2>&1
    fi
    if /etc/init.d/docker-registry status >/dev/null 2>&1; then
      /etc/init.d/docker-registry stop >/dev/null
    fi
  fi
  # Whatever the init system, the packaged service runs as this user. A
  # stop does not wait for the exit, so give it a few seconds.
  local tries=0 pids
  while pids=$(apt_registry_service_pids) && [[ -n $pids ]]; do
    ((++tries <= 20)) || die "docker-registry: the packaged service is still running (pid ${pids//$'\n'/ }); stop it so port 5000 is free"
    sleep 0.5
  done
}

# Live (not zombie) docker-registry processes of the package's service user.
apt_registry_service_pids() {
  { ps -u docker-registry -o pid=,stat=,comm= 2>/dev/null || true; } |
    awk '$2 !~ /^Z/ && $3 == "docker-registry" { print $1 }'
}

install_apt() {
  local missing start pkg
  missing=$(apt_missing)
  if [[ -n $missing ]]; then
    apt_wait_idle
    missing=$(apt_missing)
  fi
  if [[ -n $missing ]]; then
    start=$(date +%s)
    log "apt: installing ${missing//$'\n'/ }"
    apt_get update
    # shellcheck disable=SC2086 # one word per package is wanted
    apt_get install -y --no-install-recommends $missing
  fi
  for pkg in $APT_PACKAGES; do
    if grep -qxF "$pkg" <<<"$missing"; then
      report_installed "$pkg" "$(apt_version "$pkg")" "$start"
    else
      report_cached "$pkg" "$(apt_version "$pkg")"
    fi
  done
  [[ -z $(apt_missing) ]] || die "apt: still missing after install: $(apt_missing | tr '\n' ' ')"

  local reg
  reg=$(apt_version docker-registry)
  [[ $reg == "$DOCKER_REGISTRY_SERIES".* ]] ||
    die "docker-registry: expected distribution $DOCKER_REGISTRY_SERIES.x, found $reg"
  apt_disable_registry_service
}
