#!/usr/bin/env bash
# Sets up everything the app (or its tests) needs: system packages, then a
# virtual environment in .venv with the project installed.
# Usage: scripts/setup.sh run|test
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-run}"

# Libraries Qt's xcb platform needs on a bare Debian, plus Xvfb for machines
# without a screen.
pkgs=(libegl1 libgl1 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0
      libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1
      libfontconfig1 libdbus-1-3 fonts-dejavu-core xvfb xauth)
# Printing a report from the outbox page (Qt's CUPS plugin loads it).
pkgs+=(libcups2)
# Offline OCR for the patient-data detector (samu_desktop/pii).
pkgs+=(tesseract-ocr tesseract-ocr-fra)
if [ "$mode" = test ]; then
  # Real parts for the tests: X server tools, a private D-Bus and a Secret
  # Service for the keyring, and the capture tools the benchmarks compare with.
  pkgs+=(xdotool dbus-daemon dbus-bin gnome-keyring scrot imagemagick x11-utils)
  # Fonts of the synthetic screens of the patient-data evaluation set.
  pkgs+=(fonts-liberation2 fonts-open-sans fonts-roboto-unhinted)
  # Prerequisites test: a real Firefox ESR to detect, a PC/SC daemon with a virtual reader.
  pkgs+=(firefox-esr pcscd vsmartcard-vpcd)
  # The frozen-program test builds the Linux bundle: PyInstaller needs objcopy, objdump
  # and strip (ldd comes with libc-bin).
  pkgs+=(binutils)
  # A real mail relay for the e-mail journey (Postfix on loopback, delivering to a
  # Maildir) and an independent reader that threads what it received (notmuch).
  pkgs+=(postfix notmuch)
fi

if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
      echo "Installation des paquets système : ${missing[*]}"
      apt-get update -qq
      # Postfix asks how it should deliver mail: the tests start their own instance.
      if command -v debconf-set-selections >/dev/null 2>&1; then
        echo "postfix postfix/main_mailer_type select Local only" | debconf-set-selections
        echo "postfix postfix/mailname string localhost" | debconf-set-selections
      fi
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
      echo "Paquets système manquants. Installez-les puis relancez :" >&2
      echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
      exit 1
    fi
  fi
fi

python="$(command -v python3.11 || command -v python3)"
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
# Build requirements first, so the install can run without build isolation
# (pyside6-uic and pyside6-lrelease come from PySide6-Essentials).
.venv/bin/python -m pip install -q --disable-pip-version-check "setuptools>=68" "PySide6-Essentials==6.11.3"
extra=""
[ "$mode" = test ] && extra="[test]"
.venv/bin/python -m pip install -q --disable-pip-version-check --no-build-isolation -e ".${extra}"
