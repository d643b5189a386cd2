#!/usr/bin/env bash
# The Windows lane's tests: pytest under Wine with python.org's Windows interpreter, in a
# throwaway copy of the prefix; then proof that no test wrote into the Wine user's profile.
# Extra arguments go to pytest (e.g. a single file).
set -euo pipefail
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/run_prefix.sh"

# What runs under Windows: every test of the real Windows code (tests/windows/), and the
# parts of the suite that are about the core's behaviour on any system. Left to the
# Linux suite: tests marked xvfb (an X server), posix_only (fork, signals, file modes),
# slow (the Linux build: the lane builds the Windows one, scripts/windows/release.sh), and
# the GUI/e2e folders, which need X11 for the real windows and input.
TESTS=(tests/windows tests/checks tests/config tests/procedure tests/report tests/mail
       tests/capture/test_capture_autostart.py tests/capture/test_capture_models.py
       tests/test_logging.py tests/test_cli.py tests/test_crash.py)
MARKERS="not xvfb and not posix_only and not slow"
[ $# -gt 0 ] && TESTS=("$@")

start=$SECONDS
make_run_prefix
trap stop_display EXIT
start_display
before="$(profile_fingerprint)"

echo "== Windows lane: pytest under Wine (Windows 10, Python 3.11.9 win_amd64)"
cd "$REPO"
set +e
# -p no:cacheprovider: nothing written into the repository's .pytest_cache from Windows.
# timeout_method=thread: Windows has no SIGALRM for pytest-timeout's signal method.
win_python -m pytest -q -p no:cacheprovider -m "$MARKERS" -o timeout_method=thread \
  --basetemp "$(winpath "$RUN/pytest")" -o junit_family=xunit2 \
  --junitxml "$(winpath "$RUN/junit.xml")" "${TESTS[@]}"
status=$?
# Whatever a failed test left running in this prefix: a minute to end, then killed.
timeout 60 wineserver -w || wineserver -k || true
set -e

after="$(profile_fingerprint)"
if [ "$before" != "$after" ]; then
  echo "[windows-lane] FAILED: tests wrote into the Wine user's profile (drive_c/users):"
  diff <(printf '%s\n' "$before") <(printf '%s\n' "$after") | head -20
  status=1
else
  echo "[windows-lane] the Wine user's profile is unchanged ($(printf '%s\n' "$before" | wc -l) entries)"
fi
if [ -f "$RUN/junit.xml" ]; then
  python3 - "$RUN/junit.xml" <<'EOF'
import sys
import xml.etree.ElementTree as ET

suite = ET.parse(sys.argv[1]).getroot()
suite = suite if suite.tag == "testsuite" else suite.find("testsuite")
total, failures, errors, skipped = (int(suite.get(k, 0)) for k in
                                    ("tests", "failures", "errors", "skipped"))
windows = sum(1 for case in suite.iter("testcase")
              if case.get("classname", "").startswith("tests.windows.")
              and case.find("skipped") is None and case.find("failure") is None
              and case.find("error") is None)
print(f"[windows-lane] Windows tests: {total - failures - errors - skipped} passed "
      f"({windows} of them in tests/windows/), {failures} failed, {errors} errors, "
      f"{skipped} skipped")
EOF
fi
echo "[windows-lane] tests: $((SECONDS - start)) s"
exit $status
