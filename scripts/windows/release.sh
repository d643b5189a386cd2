#!/usr/bin/env bash
# The Windows release, built here: packaging/build.py (PyInstaller, one folder) under Wine
# with the Windows interpreter, then the NSIS installer with Debian's makensis, then
# scripts/windows/smoke_installer.py installs it silently under Wine, starts the installed
# program and uninstalls it.
#
# The build is cached under .cache/windows-lane/release/<source hash>/: a run with the same
# sources (everything git tracks that goes into the program, and the wheel list) only
# smoke-tests it again. A fresh clone has no cache, so it builds.
set -euo pipefail
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/run_prefix.sh"
start=$SECONDS
HOST_PYTHON="$REPO/.venv/bin/python"
[ -x "$HOST_PYTHON" ] || HOST_PYTHON=python3

source_key() {
  # What goes into the program and its installer (not the documentation).
  # The installer's script has its own key: a change there only makes the installer again.
  (cd "$REPO" && git ls-files -z samu_desktop resources ui packaging setup.py pyproject.toml \
     scripts/windows/wheels.txt ':!*.md' ':!packaging/windows/*.nsi' \
   | xargs -0 sha256sum | sha256sum | cut -c1-16)
}
installer_key() { sha256sum "$REPO/packaging/windows/samu-desktop.nsi" | cut -c1-16; }

version="$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$REPO/samu_desktop/__init__.py")"
key="$(source_key)"
out="$LANE/release/$key"
setup_exe="$out/samu-desktop-$version-setup.exe"

RUN="$LANE/run-release"  # its own, so that it can run beside the tests
make_run_prefix
trap stop_display EXIT
start_display

echo "== Windows lane: release (PyInstaller under Wine, NSIS installer, silent install smoke test)"
if [ -f "$out/samu-desktop/samu-desktop.exe" ]; then
  lane_log "PyInstaller build of these sources already made: $out (cached)"
else
  rm -rf "$LANE/release"
  mkdir -p "$out" "$RUN/build"
  # Tesseract's French and English models come from Debian's tesseract-ocr-fra/-eng (the
  # same files as on Windows); PyInstaller's cache goes into this run, not the profile.
  tessdata="$(dirname "$(ls /usr/share/tesseract-ocr/*/tessdata/fra.traineddata | head -1)")"
  build_start=$SECONDS
  lane_log "PyInstaller under Wine → $out/samu-desktop"
  (cd "$REPO" && SAMU_TESSDATA="$(winpath "$tessdata")" \
     PYINSTALLER_CONFIG_DIR="$(winpath "$RUN/pyinstaller")" \
     win_python packaging/build.py --no-installer --dist "$(winpath "$out")" \
       --work "$(winpath "$RUN/build")")
  lane_log "PyInstaller: $((SECONDS - build_start)) s, $(du -sh "$out/samu-desktop" | cut -f1)"
fi
if [ -f "$setup_exe" ] && [ "$(cat "$out/installer.key" 2>/dev/null)" = "$(installer_key)" ]; then
  lane_log "installer of these sources already made: $setup_exe (cached)"
else
  rm -f "$setup_exe" "$out/installer.key"
  nsis_start=$SECONDS
  # build.py's own installer step, run by the host's Python: Debian's makensis.
  "$HOST_PYTHON" - "$REPO/packaging/build.py" "$version" "$out" "$RUN" <<'EOF'
import importlib.util
import sys
from pathlib import Path

spec = importlib.util.spec_from_file_location("build", sys.argv[1])
build = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build)
build.windows_installer(sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4]))
EOF
  installer_key > "$out/installer.key"
  lane_log "NSIS: $((SECONDS - nsis_start)) s, $(du -h "$setup_exe" | cut -f1)"
fi

status=0
"$HOST_PYTHON" "$REPO/scripts/windows/smoke_installer.py" "$setup_exe" "$version" "$RUN" \
  || status=$?
echo "[windows-lane] release: $((SECONDS - start)) s"
exit $status
