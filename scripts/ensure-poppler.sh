#!/usr/bin/env bash
# Makes sure poppler's pdftotext, pdfinfo and pdftoppm are installed: test/xlsx/caseSummaryPrint.test.ts
# reads the Case Summary that LibreOffice printed to PDF (page 1's text, the page sizes), and
# `npm run pictures` renders its page 1 for the README. Debian's poppler-utils package.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/apt-install.sh"

if command -v pdftotext >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1; then
  exit 0
fi

if can_apt_install; then
  echo "ensure-poppler: pdftotext/pdfinfo/pdftoppm are missing; installing Debian's poppler-utils package (apt-get)..."
  # Carlito has Calibri's metrics: LibreOffice prints the sheets with the widths Excel gives them.
  apt_install poppler-utils fonts-crosextra-carlito
  if command -v pdftotext >/dev/null 2>&1; then
    exit 0
  fi
  echo "ensure-poppler: apt-get finished but pdftotext is still missing" >&2
  exit 1
fi

cat >&2 <<MSG
ensure-poppler: pdftotext, pdfinfo and pdftoppm (poppler-utils) are missing and this shell cannot
install them (the print test needs root with apt-get). Install them yourself, e.g.:
  sudo apt-get install -y --no-install-recommends poppler-utils fonts-crosextra-carlito
MSG
exit 1
