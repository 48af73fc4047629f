#!/usr/bin/env bash
# Makes sure LibreOffice Calc (soffice) is installed: test/xlsx/libreoffice.test.ts has it
# recalculate the .xlsx files `lm summary --xlsx` writes, as a second real spreadsheet application.
# Debian's libreoffice-calc package, without recommends (about 45 s on a fresh machine).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/apt-install.sh"

if [ -n "${SOFFICE_PATH:-}" ] && [ -x "$SOFFICE_PATH" ]; then
  exit 0
fi
if command -v soffice >/dev/null 2>&1; then
  exit 0
fi

if can_apt_install; then
  echo "ensure-libreoffice: soffice is missing; installing Debian's libreoffice-calc package (apt-get)..."
  started=$(date +%s)
  apt_install libreoffice-calc
  if command -v soffice >/dev/null 2>&1; then
    echo "ensure-libreoffice: installed $(soffice --version 2>/dev/null | head -n 1) in $(( $(date +%s) - started )) s"
    exit 0
  fi
  echo "ensure-libreoffice: apt-get finished but soffice is still missing" >&2
  exit 1
fi

cat >&2 <<MSG
ensure-libreoffice: soffice (LibreOffice Calc) is missing and this shell cannot install it
(the .xlsx tests need root with apt-get, or an existing LibreOffice).
Install it yourself, e.g.:  sudo apt-get install -y --no-install-recommends libreoffice-calc
or point SOFFICE_PATH at an installed soffice binary.
MSG
exit 1
