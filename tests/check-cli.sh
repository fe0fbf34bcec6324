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
# ok, and on a failure what the command said, as TAP comments.
ok_or_show () {
  ok "$1" "$2"
  [ "$1" = 0 ] || sed 's/^/# /' <<<"$3"
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

# Outputs never touch inputs: the database, its companions, its backups.
export XDG_DATA_HOME="$tmp/xdg-data"
backups="$XDG_DATA_HOME/com.example.ThiDua/backups"
mkdir -p "$backups"
db="$tmp/demo.db"
snap () { echo "$(sha256sum < "$1") $(stat -c %Y.%y "$1")"; }
before=$(snap "$db")

out=$(LC_ALL=C.UTF-8 "$bin" demo --force "$db-journal" 2>&1); rc=$?
[ $rc = 1 ] && grep -q "companion file" <<<"$out" && [ ! -e "$db-journal" ]
ok $? "demo refuses a database's companion file, even with --force"

out=$(LC_ALL=C.UTF-8 "$bin" demo --force "$backups/demo.2024-01-01_000000.daily.db" 2>&1); rc=$?
[ $rc = 1 ] && grep -q "backup folder" <<<"$out"; ok $? "demo refuses the backup folder"

for target in "$db" "$tmp/./demo.db" "$db-wal" "$backups/lich.ics"; do
  out=$(LC_ALL=C.UTF-8 "$bin" ics "$db" --year 2024 --output "$target" --force 2>&1); rc=$?
  [ $rc = 1 ] && grep -q "Choose another" <<<"$out"; ok $? "ics refuses $target"
done
[ "$(snap "$db")" = "$before" ] && [ ! -e "$db-wal" ] && [ -z "$(ls -A "$backups")" ]
ok $? "the database is untouched after every refusal"

# import-units: --bloc as export takes it (words of the name), a tab inside
# quotes does not make the file tab-separated, bytes that are not UTF-8 are
# refused with the line.
csv="$tmp/don-vi.csv"
printf 'Tên đơn vị,Viết tắt\n"Sở Công Thương\ttỉnh",SCT\nSở Xây dựng,SXD\n' > "$csv"
out=$(LC_ALL=C.UTF-8 "$bin" import-units "$db" "$csv" --bloc "khoi 6" --year 2024 2>&1); rc=$?
[ $rc = 0 ] && grep -q "2 units added" <<<"$out" && ! grep -q "Tên đơn vị" <<<"$out"
ok $? "import-units: --bloc by words, a quoted tab, the header skipped"
printf 'Sở Y tế,SYT\nS\xe1 T\xfd,STP\n' > "$tmp/latin1.csv"
out=$(LC_ALL=C.UTF-8 "$bin" import-units "$db" "$tmp/latin1.csv" --bloc 1 --year 2024 2>&1); rc=$?
[ $rc = 1 ] && grep -q "Line 2 is not UTF-8" <<<"$out"; ok $? "import-units refuses a file that is not UTF-8"
out=$(LC_ALL=C.UTF-8 "$bin" ics "$db" --year 2024 --bloc "so 6" --output "$tmp/k6.ics" 2>&1); rc=$?
[ $rc = 0 ]; ok $? "ics: --bloc by words of the name"
out=$(LC_ALL=C.UTF-8 "$bin" export ranking --database "$db" --bloc "$(printf 'Kh\xf4i')" --year 2024 --output "$tmp/x.pdf" 2>&1); rc=$?
[ $rc = 2 ] && [ ! -e "$tmp/x.pdf" ]; ok $? "an argument that is not UTF-8 is refused as a usage error"

# A write that fails names the file asked for, never a temporary name.
mkdir "$tmp/lich.ics"
out=$(LC_ALL=C.UTF-8 "$bin" ics "$db" --year 2024 --output "$tmp/lich.ics" --force 2>&1); rc=$?
[ $rc = 1 ] && grep -q "“lich.ics”" <<<"$out" && ! grep -q "lich.ics\.[A-Za-z0-9]\{6\}" <<<"$out" \
  && [ -z "$(ls "$tmp" | grep '^lich.ics.')" ]
ok $? "ics: a failed write names the file, and leaves no temporary file"

# Dates never wrap: 257/1/2024 was 1/1/2024.
out=$(LC_ALL=C.UTF-8 "$bin" ics "$db" --from 257/1/2024 --to 31/1/2024 --output "$tmp/w.ics" 2>&1); rc=$?
[ $rc = 2 ] && grep -q -- "--from: “257/1/2024”" <<<"$out" && [ ! -e "$tmp/w.ics" ]
ok $? "ics refuses a day that would wrap round"
out=$(LC_ALL=C.UTF-8 "$bin" ics "$db" --from 1/1/2024 --to 4294967327/1/2024 --output "$tmp/w.ics" 2>&1); rc=$?
[ $rc = 2 ] && grep -q -- "--to:" <<<"$out"; ok $? "ics names the date that is wrong"

# The window's --screenshot: checked before any window is made, so this
# needs no display either.
before=$(snap "$db")
out=$(LC_ALL=C.UTF-8 DISPLAY=:404 "$bin" --database "$db" --screenshot "$db" 2>&1); rc=$?
[ $rc = 1 ] && grep -q "the database itself" <<<"$out" && [ "$(snap "$db")" = "$before" ]
ok $? "--screenshot refuses the database it opens"

out=$(LC_ALL=C.UTF-8 "$bin" --demo --screenshot "$tmp/missing/shot.png" 2>&1); rc=$?
[ $rc = 1 ] && grep -q "does not exist" <<<"$out"; ok $? "--screenshot into a missing folder exits 1"

# The window's exit status: 1 when the file it was given could not be
# opened, 0 when it was.
if command -v xvfb-run >/dev/null; then
  win () { GSK_RENDERER=cairo GDK_BACKEND=x11 xvfb-run -a "$bin" "$@" >/dev/null 2>&1; }
  win --database "$tmp/no-such.db" --screenshot "$tmp/failed.png"; rc=$?
  [ $rc = 1 ] && [ -s "$tmp/failed.png" ]; ok $? "the window exits 1 when its file could not be opened"
  win --database "$db" --screenshot "$tmp/opened.png"; rc=$?
  [ $rc = 0 ] && [ -s "$tmp/opened.png" ]; ok $? "the window exits 0 when its file opened"
  # Start-up (issue 19): the formats' libraries come with their module, on
  # first use, not with the window (GL off as in the benchmark: Mesa's LLVM
  # loads libxml2 for itself).
  GSK_RENDERER=cairo GDK_BACKEND=x11 GDK_DEBUG=gl-disable xvfb-run -a \
    env LD_DEBUG=files LD_DEBUG_OUTPUT="$tmp/ld" "$bin" --database "$db" \
    --screenshot "$tmp/lean.png" >/dev/null 2>&1; rc=$?
  loaded=$(cat "$tmp"/ld.* 2>/dev/null | grep -o 'file=lib[^ ]*' | sort -u | tr '\n' ' ')
  rm -f "$tmp"/ld.*
  [ $rc = 0 ] && grep -q "file=libgtk-4" <<<"$loaded" \
    && ! grep -Eq "libxlsxwriter|libical|libcrypto|libgsf|libxml2|libicu" <<<"$loaded"
  ok $? "the window draws without loading libxlsxwriter, libcrypto, libgsf, libxml2, libical or ICU"
fi

# The formats module: workbooks and calendar files through it, and a clear
# message when it is missing.
LC_ALL=C.UTF-8 "$bin" ics "$db" --year 2024 --output "$tmp/module.ics" >/dev/null; rc=$?
[ $rc = 0 ] && grep -q "BEGIN:VCALENDAR" "$tmp/module.ics"; ok $? "ics writes through the formats module"
mkdir -p "$tmp/no-module"
out=$(THIDUA_MODULEDIR="$tmp/no-module" LC_ALL=C.UTF-8 "$bin" export ranking --example \
      --output "$tmp/no-module.xlsx" 2>&1); rc=$?
[ $rc = 1 ] && grep -q "could not load its part that reads and writes workbooks" <<<"$out" \
  && grep -q "no-module/libthidua-formats.so" <<<"$out" && [ ! -e "$tmp/no-module.xlsx" ]
ok_or_show $? "a missing formats module: export says so, exits 1, writes nothing" "$out"
out=$(THIDUA_MODULEDIR="$tmp/no-module" LC_ALL=vi_VN.UTF-8 "$bin" ics "$db" --year 2024 \
      --output "$tmp/no-module.ics" 2>&1); rc=$?
[ $rc = 1 ] && grep -q "không nạp được phần đọc, ghi sổ tính Excel" <<<"$out" && [ ! -e "$tmp/no-module.ics" ]
ok $? "a missing formats module: ics says so in Vietnamese, exits 1"
LC_ALL=C.UTF-8 "$bin" export ranking --example --output "$tmp/read-me.xlsx" >/dev/null
out=$(LC_ALL=C.UTF-8 "$bin" import-forms "$db" "$tmp/read-me.xlsx" 2>&1); rc=$?
[ $rc = 1 ] && grep -q "not a Thi Đua self-score form" <<<"$out"
ok_or_show $? "import-forms reads a workbook through the formats module" "$out"
out=$(THIDUA_MODULEDIR="$tmp/no-module" LC_ALL=C.UTF-8 "$bin" import-forms "$db" \
      "$tmp/read-me.xlsx" 2>&1); rc=$?
[ $rc = 1 ] && grep -q "could not load its part that reads and writes workbooks" <<<"$out" \
  && ! grep -q "Ask the member" <<<"$out"
ok $? "a missing formats module: import-forms says so (not to ask the member again), exits 1"

echo "1..$n"
exit $fail
