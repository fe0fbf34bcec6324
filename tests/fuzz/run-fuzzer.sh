#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# One libFuzzer run for meson test: FUZZER CORPUS SECONDS ARTIFACTS CRITICALS
# (fatal-criticals, or criticals-logged for a harness whose library logs
# criticals of its own on hostile input).
# New inputs go to a scratch folder (the kept corpus is only read); an input
# that crashes is saved in ARTIFACTS and the test fails.
set -u
fuzzer=$1 corpus=$2 seconds=$3 artifacts=$4 criticals=${5:-fatal-criticals}
# The harness aborts on a GLib critical itself (fuzz-common.h), which
# libFuzzer catches and keeps the input of; G_DEBUG's trap it would not.
export G_DEBUG=
if [ "$criticals" = fatal-criticals ]; then
  export TD_FUZZ_CRITICALS=fatal
else
  export TD_FUZZ_CRITICALS=logged
fi
mkdir -p "$artifacts"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Not exec: the trap must run after the fuzzer to remove the scratch folder.
"$fuzzer" -max_total_time="$seconds" -error_exitcode=1 -timeout_exitcode=1 -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -print_final_stats=1 -artifact_prefix="$artifacts/$(basename "$fuzzer")-" "$work" "$corpus"
