#!/usr/bin/env bash
# Makes sure the browser the e2e tests drive (/usr/bin/chromium) is installed.
# playwright-core never downloads a browser of its own: we use Debian's chromium package.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/apt-install.sh"

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"

if [ -x "$CHROMIUM" ]; then
  exit 0
fi

if can_apt_install; then
  echo "ensure-chromium: $CHROMIUM is missing; installing Debian's chromium package (apt-get)..."
  apt_install chromium
  if [ -x "$CHROMIUM" ]; then
    echo "ensure-chromium: installed $("$CHROMIUM" --version 2>/dev/null || echo chromium)"
    exit 0
  fi
  echo "ensure-chromium: apt-get finished but $CHROMIUM is still missing" >&2
  exit 1
fi

cat >&2 <<MSG
ensure-chromium: $CHROMIUM is missing and this shell cannot install it
(the browser tests need root with apt-get, or an existing chromium).
Install it yourself, e.g.:  sudo apt-get install -y chromium
or point CHROMIUM_PATH at an installed Chromium/Chrome binary.
MSG
exit 1
