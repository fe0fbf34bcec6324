#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The province-scale benchmark (issue 9): installs what is missing, builds
# with optimisation, generates the province database once per scale and
# prints every operation's median and spread, the growth between scales and
# the ratio to Python's xlsxwriter, as a table and as JSON lines.
# Arguments go to td-bench, e.g.  scripts/bench.sh --scales 1,4 --reps 9
# The JSON lines are also written to build/bench/bench.json.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh >/dev/null
exec build/bench/td-bench --json build/bench/bench.json "$@"
