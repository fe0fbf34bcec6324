#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds, runs every test suite (core, documents,
# app, data) and ends with the line "N passed, N failed, N skipped".
# Extra arguments go to meson test (e.g. a test name, or --suite core).
set -uo pipefail
cd "$(dirname "$0")/.."

log=build/meson-logs/testlog.json
if ! scripts/setup.sh; then
  echo "0 passed, 1 failed"
  exit 1
fi
rm -f "$log"
meson test -C build --print-errorlogs --num-processes 2 "$@"
rc=$?
if [ ! -s "$log" ]; then
  echo "0 passed, 1 failed"
  exit 1
fi
p=$(grep -cE '"result": "(OK|EXPECTEDFAIL)"' "$log")
f=$(grep -cE '"result": "(FAIL|UNEXPECTEDPASS|TIMEOUT|INTERRUPT|ERROR)"' "$log")
s=$(grep -cE '"result": "SKIP"' "$log")
echo "$p passed, $f failed, $s skipped"
[ "$rc" -eq 0 ] && [ "$f" -eq 0 ] && [ "$p" -gt 0 ] || exit 1
