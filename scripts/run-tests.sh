#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds, runs every test suite (core, documents,
# app, data) and ends with the line "N passed, N failed, N skipped".
# Extra arguments go to meson test (e.g. a test name, or --suite core).
#
#   scripts/run-tests.sh --sanitize [--suite core …]
# builds with AddressSanitizer and UndefinedBehaviorSanitizer in
# build-sanitize/ and runs the suites there: leak detection on for core,
# documents and data, off for the widget tests (GTK, fontconfig and Mesa keep
# memory until exit).  Any report fails the test that caused it.
set -uo pipefail
cd "$(dirname "$0")/.."

sanitize=0
if [ "${1:-}" = "--sanitize" ]; then
  sanitize=1
  shift
fi

if ! scripts/setup.sh; then
  echo "0 passed, 1 failed"
  exit 1
fi

if [ $sanitize = 0 ]; then
  dirs=(build)
else
  export TD_SANITIZE_BUILD=build-sanitize
  if [ ! -f build-sanitize/build.ninja ]; then
    # Debug info for the reports, -O1 to keep the suite fast.
    meson setup build-sanitize -Db_sanitize=address,undefined -Db_lundef=false \
      -Dbuildtype=debugoptimized -Doptimization=1 >/dev/null || { echo "0 passed, 1 failed"; exit 1; }
  fi
  # With --suite, only what those suites run is compiled (every library and
  # generated file, and the programs their tests start): under ASan the
  # widget tests and the benchmark are the slowest part of the build.
  suites=()
  for ((i = 1; i <= $#; i++)); do
    if [ "${!i}" = "--suite" ]; then
      j=$((i + 1))
      suites+=("${!j}")
    fi
  done
  targets=()
  ninja -C build-sanitize build.ninja >/dev/null # a changed meson.build is read again
  if [ ${#suites[@]} -gt 0 ]; then
    mapfile -t targets < <(/usr/bin/python3 - build-sanitize "${suites[@]}" <<'PY'
import json, os, subprocess, sys
build, suites = sys.argv[1], sys.argv[2:]
intro = lambda what: json.loads(subprocess.run(["meson", "introspect", build, what],
                                               capture_output=True, text=True, check=True).stdout)
tests = [t for t in intro("--tests") if any(s.split(":")[-1] in suites for s in t["suite"])]
wanted = {d for t in tests for d in t["depends"]}
for t in intro("--targets"):
    if ((t["type"] != "executable" and t["type"] != "run" and t["build_by_default"])
            or t["id"] in wanted or t["name"] == "thidua"):
        for f in t["filename"]:
            print(os.path.relpath(f, build))
PY
)
  fi
  if ! ninja -C build-sanitize "${targets[@]}" >/dev/null; then
    ninja -C build-sanitize "${targets[@]}" 2>&1 | tail -30
    echo "0 passed, 1 failed"
    exit 1
  fi
  dirs=(build-sanitize)
fi

# Every test's temporary files go to one folder of this build, emptied at
# each run: nothing piles up in /tmp from run to run, and the files of a run
# with a failure stay there to be looked at until the next run.
export TMPDIR=$PWD/${dirs[0]}/test-tmp
rm -rf "$TMPDIR"
mkdir -p "$TMPDIR"

p=0 f=0 s=0 rc=0
# One run of meson test in $1 with the rest as arguments; adds its counts.
run () {
  local dir=$1 log
  shift
  log=$dir/meson-logs/testlog.json
  rm -f "$log"
  meson test -C "$dir" --print-errorlogs --num-processes 2 "$@" || rc=1
  if [ ! -s "$log" ]; then
    f=$((f + 1))
    return
  fi
  p=$((p + $(grep -cE '"result": "(OK|EXPECTEDFAIL)"' "$log")))
  f=$((f + $(grep -cE '"result": "(FAIL|UNEXPECTEDPASS|TIMEOUT|INTERRUPT|ERROR)"' "$log")))
  s=$((s + $(grep -cE '"result": "SKIP"' "$log")))
}

if [ $sanitize = 0 ]; then
  run build "$@"
else
  supp=$PWD/tests/sanitize.supp
  common="abort_on_error=1:halt_on_error=1:print_stacktrace=1"
  export UBSAN_OPTIONS="$common:suppressions=$PWD/tests/ubsan.supp"
  export LSAN_OPTIONS="suppressions=$supp:print_suppressions=0"
  # Meson's own environment would otherwise mask ASan's choices.
  export ASAN_OPTIONS="$common:detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1"
  if [ $# -gt 0 ]; then
    run build-sanitize --no-rebuild --timeout-multiplier 4 "$@"
  else
    run build-sanitize --suite core --suite documents --suite data --suite bench \
      --timeout-multiplier 4
    ASAN_OPTIONS="$common:detect_leaks=0" run build-sanitize --suite app --timeout-multiplier 4
  fi
fi

if [ -n "${TD_TEST_KEEP_TMP:-}" ]; then
  echo "Temporary files kept in $TMPDIR (TD_TEST_KEEP_TMP)"
elif [ "$rc" -eq 0 ] && [ "$f" -eq 0 ]; then
  # A test that passes removes what it made (tests/td-test-tmp.h).
  if [ -n "$(ls -A "$TMPDIR")" ]; then
    echo "Tests left temporary files behind:"
    ls -A "$TMPDIR" | head -20
    f=$((f + 1))
  else
    rm -rf "$TMPDIR"
  fi
fi
echo "$p passed, $f failed, $s skipped"
[ "$rc" -eq 0 ] && [ "$f" -eq 0 ] && [ "$p" -gt 0 ] || exit 1
