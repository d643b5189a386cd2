#!/usr/bin/env bash
# Refresh resources/translations/*.ts from the sources (French) and the .ui files.
# Translators then fill the English text with Qt Linguist (pyside6-linguist).
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t sources < <(find samu_desktop -name '*.py' -not -path '*/generated/*' | sort; ls ui/*.ui)
.venv/bin/pyside6-lupdate -no-obsolete -locations none -source-language fr -target-language en \
  "${sources[@]}" -ts resources/translations/samu_desktop_en.ts
