#!/usr/bin/env bash
# Sets everything up, then runs every quality gate and the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
echo "== ruff"
.venv/bin/ruff check .
echo "== mypy --strict samu_desktop"
.venv/bin/mypy samu_desktop
echo "== mypy --strict --platform win32 samu_desktop"
.venv/bin/mypy --platform win32 --cache-dir .mypy_cache/win32 samu_desktop
echo "== pytest"
# A private D-Bus session: the keyring tests start gnome-keyring on it, and no
# dbus-daemon outlives the run.
exec dbus-run-session -- .venv/bin/python -m pytest "$@"
