# Sourced by the lane: makes $RUN/prefix, this run's own Wine prefix, and exports
# WINEPREFIX to it.
#
# It is a copy of the set-up prefix: Wine's files hard-linked (cheap, never written), the
# registry and the user profile (drive_c/users) copied. Whatever a test writes into the
# registry (the fake Firefox / proxy keys, the Run key, Credential Manager) stays in this
# run; the next run starts from the clean set-up prefix again. TEMP/TMP point outside the
# profile, into $RUN/tmp, and the profile is fingerprinted (profile_fingerprint) so the lane
# can prove that no test wrote into it.

make_run_prefix() {
  if [ -d "$RUN/prefix" ]; then
    WINEPREFIX="$RUN/prefix" wineserver -k 2>/dev/null || true
  fi
  rm -rf "$RUN"
  mkdir -p "$RUN/tmp"
  cp -al "$BASE_PREFIX" "$RUN/prefix"
  rm -rf "$RUN/prefix/drive_c/users" "$RUN"/prefix/*.reg
  cp -a "$BASE_PREFIX/drive_c/users" "$RUN/prefix/drive_c/users"
  cp -a "$BASE_PREFIX"/*.reg "$RUN/prefix/"
  export WINEPREFIX="$RUN/prefix"
  # Wine sets TEMP/TMP from the registry, whatever the host's environment says.
  local tmp
  tmp="$(winpath "$RUN/tmp")"
  wine_run reg add 'HKCU\Environment' /v TEMP /t REG_EXPAND_SZ /d "$tmp" /f >/dev/null
  wine_run reg add 'HKCU\Environment' /v TMP /t REG_EXPAND_SZ /d "$tmp" /f >/dev/null
  wineserver -w
}

# Every folder, link and file of the Wine users' profiles, files with their content hash
# (Wine's own registry files are outside drive_c/users).
profile_fingerprint() {
  (cd "$WINEPREFIX/drive_c/users" && find . ! -type f | sort \
     && find . -type f -print0 | sort -z | xargs -0r sha256sum)
}

# A virtual screen for Wine's X11 driver: GDI capture (BitBlt), RegisterHotKey and Qt's
# windows platform need a desktop, which headless Wine does not have. Sets DISPLAY; the
# server is stopped by stop_display (called from an EXIT trap).
LANE_XVFB_PID=""
start_display() {
  local number
  for number in $(seq 150 400); do
    [ -e "/tmp/.X11-unix/X$number" ] || [ -e "/tmp/.X$number-lock" ] || break
  done
  Xvfb ":$number" -screen 0 1920x1080x24 -nolisten tcp -noreset >/dev/null 2>&1 &
  LANE_XVFB_PID=$!
  local waited=0
  until [ -e "/tmp/.X11-unix/X$number" ]; do
    sleep 0.1
    waited=$((waited + 1))
    if [ $waited -gt 100 ] || ! kill -0 "$LANE_XVFB_PID" 2>/dev/null; then
      echo "[windows-lane] Xvfb did not start" >&2
      return 1
    fi
  done
  export DISPLAY=":$number"
}

stop_display() {
  [ -n "${WINEPREFIX:-}" ] && wineserver -k 2>/dev/null || true
  if [ -n "$LANE_XVFB_PID" ]; then
    kill "$LANE_XVFB_PID" 2>/dev/null || true
    wait "$LANE_XVFB_PID" 2>/dev/null || true
    LANE_XVFB_PID=""
  fi
}
