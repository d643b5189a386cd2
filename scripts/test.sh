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
status=0
dbus-run-session -- .venv/bin/python -m pytest "$@" || status=$?
# The Windows lane (issue 22): the suite's Windows part, the Windows build and its installer
# under Wine. Not when pytest was given arguments (a partial run).
if [ $# -eq 0 ]; then
  echo "== Windows lane (Wine)"
  bash scripts/windows_lane.sh || status=1
fi
exit $status
