#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The command line without a display: --version, help, demo, and the clear
# message when the window cannot be shown. Prints TAP.
bin=${1:?path to thidua}
n=0
fail=0
ok () {
  n=$((n + 1))
  if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fail=1; fi
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unset DISPLAY WAYLAND_DISPLAY

out=$(LC_ALL=C.UTF-8 "$bin" --version); rc=$?
[ $rc = 0 ] && [ "$out" = "Thi Đua 0.1.0" ]; ok $? "--version prints the version"

out=$(LC_ALL=C.UTF-8 "$bin" 2>&1); rc=$?
[ $rc = 1 ] && grep -q "needs a graphical display" <<<"$out"; ok $? "no display: a clear message and exit 1"

out=$(LC_ALL=vi_VN.UTF-8 "$bin" 2>&1); rc=$?
[ $rc = 1 ] && grep -q "cần màn hình đồ họa" <<<"$out"; ok $? "no display: the message is Vietnamese under vi_VN"

out=$(LC_ALL=C.UTF-8 "$bin" --help); rc=$?
[ $rc = 0 ] && grep -q -- "--database=FILE" <<<"$out" && grep -q "demo FILE" <<<"$out"
ok $? "--help lists the options and the headless commands"

out=$(LC_ALL=C.UTF-8 "$bin" help); rc=$?
[ $rc = 0 ] && grep -q "^  demo FILE" <<<"$out"; ok $? "help lists the commands"

LC_ALL=C.UTF-8 "$bin" help no-such-command >/dev/null 2>&1
[ $? = 2 ]; ok $? "help of an unknown command exits 2"

LC_ALL=C.UTF-8 "$bin" demo "$tmp/demo.db" >/dev/null; rc=$?
[ $rc = 0 ] && [ "$(head -c 15 "$tmp/demo.db")" = "SQLite format 3" ]; ok $? "demo writes a database"

out=$(LC_ALL=C.UTF-8 "$bin" demo "$tmp/demo.db" 2>&1); rc=$?
[ $rc = 1 ] && grep -q "already exists" <<<"$out"; ok $? "demo refuses an existing file"

LC_ALL=C.UTF-8 "$bin" demo --force "$tmp/demo.db" >/dev/null; ok $? "demo --force replaces it"

LC_ALL=C.UTF-8 "$bin" demo >/dev/null 2>&1
[ $? = 2 ]; ok $? "demo without a file name exits 2"

# Arguments are UTF-8 whatever LANG says (issue 16): a Vietnamese name
# under the C locale, with no UTF-8 in the environment at all.
out=$(env -i PATH="$PATH" LANG=C "$bin" export ranking --database "$tmp/demo.db" --bloc "Khối 6" \
      --year 2024 --output "$tmp/c-locale.xlsx" 2>&1); rc=$?
[ $rc = 0 ] && [ -s "$tmp/c-locale.xlsx" ]; ok $? "LANG=C: export --bloc \"Khối 6\" works ($out)"

out=$(env -i PATH="$PATH" LANG=C "$bin" export ranking --database "$tmp/demo.db" --bloc "Khối 99" \
      --year 2024 --output "$tmp/c-locale-2.xlsx" 2>&1); rc=$?
[ $rc = 1 ] && grep -q "Khối 99" <<<"$out" && grep -q "Khối Thi đua số 6" <<<"$out"
ok $? "LANG=C: an unknown bloc is named back in UTF-8 with the list of blocs"

echo "1..$n"
exit $fail
