#!/usr/bin/env bash
# Refresh resources/translations/*.ts from the sources (French) and the .ui files.
# Translators then fill the English text with Qt Linguist (pyside6-linguist).
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t sources < <(find samu_desktop -name '*.py' -not -path '*/generated/*' | sort; ls ui/*.ui)
.venv/bin/pyside6-lupdate -no-obsolete -locations none -source-language fr -target-language en \
  "${sources[@]}" -ts resources/translations/samu_desktop_en.ts
# French is the source language, but its plurals ("%n zone(s)") need forms: the
# French file holds only those (-pluralonly), and is loaded when the UI is French.
.venv/bin/pyside6-lupdate -pluralonly -no-obsolete -locations none -source-language fr \
  -target-language fr "${sources[@]}" -ts resources/translations/samu_desktop_fr.ts
