#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# One libFuzzer run for meson test: FUZZER CORPUS SECONDS ARTIFACTS.
# New inputs go to a scratch folder (the kept corpus is only read); an input
# that crashes is saved in ARTIFACTS and the test fails.
set -u
fuzzer=$1 corpus=$2 seconds=$3 artifacts=$4
mkdir -p "$artifacts"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
exec "$fuzzer" -max_total_time="$seconds" -error_exitcode=1 -timeout_exitcode=1 -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -print_final_stats=1 -artifact_prefix="$artifacts/$(basename "$fuzzer")-" "$work" "$corpus"
