#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing on Debian 12 (packages and the vi_VN.UTF-8
# locale), then configures and builds Thi Đua in ./build.  Safe to run
# again: it installs nothing that is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  libgtk-4-dev libgtk-4-bin librsvg2-common libadwaita-1-dev libglib2.0-dev
  libxlsxwriter-dev libsqlite3-dev libical-dev libgsf-1-dev libjson-glib-dev
  meson ninja-build pkg-config gcc gettext
  desktop-file-utils appstream-util appstream
  xvfb xauth fonts-dejavu-core fonts-liberation2 locales
  python3-openpyxl python3-xlsxwriter poppler-utils time
  at-spi2-core dbus-x11 python3-pyatspi
)
# scripts/setup.sh --fuzz: also clang and its libFuzzer runtime, for
# scripts/run-fuzz.sh (nothing else needs them).
if [ "${1:-}" = "--fuzz" ]; then
  packages+=(clang libclang-rt-14-dev)
fi

as_root () {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null || true)
  [ "${status:0:2}" = "ii" ] || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  as_root apt-get update -qq -o DPkg::Lock::Timeout=600
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    -o DPkg::Lock::Timeout=600 "${missing[@]}"
fi

if ! locale -a 2>/dev/null | grep -qi '^vi_VN\.utf-\?8$'; then
  echo "Adding the vi_VN.UTF-8 locale"
  as_root localedef -i vi_VN -c -f UTF-8 vi_VN.UTF-8
fi

if [ ! -f build/build.ninja ]; then
  meson setup build
fi
meson compile -C build
