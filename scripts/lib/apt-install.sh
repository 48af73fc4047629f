# shellcheck shell=bash
# The apt-get steps the scripts/ensure-*.sh scripts share; sourced, not run. Each script keeps its
# own checks and messages. CI runs them as root on a fresh Debian machine, where sudo may not exist.

# True when this shell can install packages itself: root, with apt-get.
can_apt_install() {
  [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1
}

# apt_install PACKAGE...: quiet (apt's output is noise in the test log), non-interactive, no recommends.
# A failing apt-get stops the calling script (set -e) with apt-get's status.
apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
