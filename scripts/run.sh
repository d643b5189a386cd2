#!/usr/bin/env bash
# Sets everything up, then starts the application.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh run
if [ "$(uname)" = Linux ] && [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "Aucun écran détecté : l'application démarre sur un écran virtuel (Xvfb)."
  exec xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/samu-desktop "$@"
fi
exec .venv/bin/samu-desktop "$@"
