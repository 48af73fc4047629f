#!/usr/bin/env bash
# Makes sure xmllint (Debian's libxml2-utils) is installed: the manifest's offline XSD validation
# (test/manifestSchema.test.ts) runs it against ../shared/schemas/office-addin-manifest when that
# folder exists. Like scripts/ensure-chromium.sh: apt-get as root when it is missing.
# Without the schema folder the test does not need xmllint, so nothing is installed then
# (a fresh clone with no ../shared beside it needs neither).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/apt-install.sh"
cd "$(dirname "$0")/.."

if command -v xmllint >/dev/null 2>&1; then
  exit 0
fi
if [ ! -d ../shared/schemas/office-addin-manifest ]; then
  exit 0
fi

if can_apt_install; then
  echo "ensure-xmllint: xmllint is missing; installing Debian's libxml2-utils package (apt-get)..."
  apt_install libxml2-utils
  if command -v xmllint >/dev/null 2>&1; then
    echo "ensure-xmllint: installed $(xmllint --version 2>&1 | head -1)"
    exit 0
  fi
  echo "ensure-xmllint: apt-get finished but xmllint is still missing" >&2
  exit 1
fi

cat >&2 <<MSG
ensure-xmllint: xmllint is missing and this shell cannot install it
(the manifest's XSD validation needs root with apt-get, or an existing xmllint).
Install it yourself, e.g.:  sudo apt-get install -y libxml2-utils
MSG
exit 1
