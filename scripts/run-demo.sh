#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds, and starts Thi Đua on a fresh demo
# database (a separate file: your own data is never touched).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "Thi Đua was built, but there is no graphical display to show it on." >&2
  echo "Run this from a desktop session, or without one: xvfb-run -a $0" >&2
  exit 1
fi
exec scripts/thidua.sh --demo "$@"
