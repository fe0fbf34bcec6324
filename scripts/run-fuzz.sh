#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs the libFuzzer harnesses of tests/fuzz, each for SECONDS (default 20,
# as CI does), with AddressSanitizer and UndefinedBehaviorSanitizer, in
# build-fuzz/ (compiled with clang).  Ends with "N passed, N failed".
#   scripts/run-fuzz.sh                   # every harness, 20 s each
#   scripts/run-fuzz.sh --seconds 300     # by hand, longer
#   scripts/run-fuzz.sh --seconds 600 fuzz-dates
# An input that crashes a harness is saved in build-fuzz/fuzz-artifacts/;
# add it to tests/fuzz/corpus/NAME/ with the fix (see tests/fuzz/README.md).
set -uo pipefail
cd "$(dirname "$0")/.."

seconds=20
if [ "${1:-}" = "--seconds" ]; then
  seconds=$2
  shift 2
fi

if ! scripts/setup.sh --fuzz >/dev/null; then
  echo "0 passed, 1 failed"
  exit 1
fi
if [ ! -f build-fuzz/build.ninja ]; then
  CC=clang meson setup build-fuzz -Dfuzzing=true -Dgui_tests=false \
    -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debugoptimized \
    -Dc_args=-fsanitize=fuzzer-no-link >/dev/null || { echo "0 passed, 1 failed"; exit 1; }
fi
meson configure build-fuzz -Dfuzz_seconds="$seconds" >/dev/null
ninja -C build-fuzz build.ninja >/dev/null # a changed meson.build (a new harness) is read again
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(sed -n "s/^  \\['\\([a-z-]*\\)',.*/fuzz-\\1/p" tests/fuzz/meson.build)
fi
# Only the harnesses and what they link: not the application.
if ! meson compile -C build-fuzz "${targets[@]}" >/dev/null; then
  meson compile -C build-fuzz "${targets[@]}" 2>&1 | tail -30
  echo "0 passed, 1 failed"
  exit 1
fi

export ASAN_OPTIONS="abort_on_error=1:detect_leaks=1:strict_string_checks=1"
export UBSAN_OPTIONS="halt_on_error=1:abort_on_error=1:print_stacktrace=1"
export LSAN_OPTIONS="suppressions=$PWD/tests/sanitize.supp:print_suppressions=0"
log=build-fuzz/meson-logs/testlog.json
rm -f "$log"
meson test -C build-fuzz --no-rebuild --print-errorlogs --num-processes 2 "${targets[@]}"
rc=$?
[ -s "$log" ] || { echo "0 passed, 1 failed"; exit 1; }
p=$(grep -cE '"result": "(OK|EXPECTEDFAIL)"' "$log")
f=$(grep -cE '"result": "(FAIL|UNEXPECTEDPASS|TIMEOUT|INTERRUPT|ERROR)"' "$log")
echo "$p passed, $f failed"
[ "$rc" -eq 0 ] && [ "$f" -eq 0 ] && [ "$p" -gt 0 ] || exit 1
