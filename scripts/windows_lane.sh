#!/usr/bin/env bash
# The Windows lane: the users' real system (Windows 10/11) run under Wine, here.
#
#   bash scripts/windows_lane.sh            # set-up (cached), tests, Windows build + installer smoke
#   bash scripts/windows_lane.sh tests      # only the tests
#   bash scripts/windows_lane.sh release    # only the build, the installer and its smoke test
#
# 1. set-up (scripts/windows/setup.sh, cached under .cache/windows-lane/): Wine, python.org's
#    Windows 3.11.9 interpreter (hash pinned, signatures checked), the pinned Windows wheels,
#    the project installed with its normal build;
# 2. the tests under Wine, in a throwaway copy of the prefix (scripts/windows/run_tests.sh):
#    tests/windows/ (registry, Credential Manager, Run key, RegisterHotKey, GDI capture,
#    file locking, ProgramData policy) and the portable part of the suite; then a check that
#    no test wrote into the Wine user's profile;
# 3. the Windows release (scripts/windows/release.sh): PyInstaller one-folder build under
#    Wine, the NSIS installer, installed silently, started, uninstalled.
#
# Skipped, with one line saying why, only where Wine cannot be installed.
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-all}"
start=$SECONDS

# Debian packages: Wine (64-bit only), the MinGW-w64 compiler for the two stub DLLs, NSIS for
# the installer, osslsigncode to check the interpreter's signatures.
pkgs=(wine wine64 gcc-mingw-w64-x86-64-win32 nsis osslsigncode)
missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "[windows-lane] installation des paquets : ${missing[*]}"
    apt-get update -qq || true
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
         "${missing[@]}" >/dev/null; then
      echo "== Windows lane SKIPPED: apt-get could not install ${missing[*]}"
      exit 0
    fi
  else
    echo "== Windows lane SKIPPED: Wine is not installed and cannot be here (run as root on Debian, or: sudo apt-get install --no-install-recommends ${missing[*]})"
    exit 0
  fi
fi
if ! command -v wine >/dev/null 2>&1; then
  echo "== Windows lane SKIPPED: no wine program after installing ${pkgs[*]}"
  exit 0
fi

bash scripts/windows/setup.sh
echo "[windows-lane] set-up: $((SECONDS - start)) s"
status=0
if [ "$what" = all ] || [ "$what" = tests ]; then
  bash scripts/windows/run_tests.sh || status=1
fi
if [ "$what" = all ] || [ "$what" = release ]; then
  bash scripts/windows/release.sh || status=1
fi
echo "[windows-lane] total: $((SECONDS - start)) s, $([ $status = 0 ] && echo passed || echo FAILED)"
exit $status
