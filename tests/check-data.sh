#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Validates the data files: desktop entry, metainfo, settings schema, icons,
# and the layering rules of the source tree. Prints TAP.
src=${1:?source root}
build=${2:?build root}
n=0
fail=0
check () {
  local name=$1; shift
  n=$((n + 1))
  if out=$("$@" 2>&1); then
    echo "ok $n - $name"
  else
    echo "not ok $n - $name"
    printf '%s\n' "$out" | sed 's/^/# /'
    fail=1
  fi
}

check "desktop entry is valid" desktop-file-validate "$src/com.example.ThiDua.desktop"
check "desktop entry has Vietnamese name and comment" \
  grep -qE '^Comment\[vi\]=.+' "$src/com.example.ThiDua.desktop"
check "metainfo is valid" appstreamcli validate --no-net --pedantic "$src/data/com.example.ThiDua.metainfo.xml"
check "settings schema compiles strictly" \
  glib-compile-schemas --strict --dry-run "$src/data"
for svg in "$src"/icons/hicolor/scalable/apps/com.example.ThiDua.svg \
           "$src"/icons/hicolor/symbolic/apps/com.example.ThiDua-symbolic.svg; do
  check "icon $(basename "$svg") is well-formed XML" /usr/bin/python3 -c \
    'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' "$svg"
done
# The layers: core is GLib + SQLite only, documents never sees GTK.
check "core includes no GTK, cairo or xlsxwriter" \
  bash -c "! grep -rnE '#include <(gtk|adwaita|cairo|pango|xlsxwriter)' '$src/src/core'"
check "documents includes no GTK" \
  bash -c "! grep -rnE '#include <(gtk|adwaita)' '$src/src/documents'"
check "no SQL outside core" \
  bash -c "! grep -rlE 'sqlite3_(prepare|exec|step)' '$src/src/documents' '$src/src/app'"
check "every C file starts with an SPDX line" \
  bash -c "for f in \$(find '$src/src' '$src/tests' -name '*.[ch]'); do head -1 \"\$f\" | grep -q SPDX-License-Identifier || { echo \"\$f\"; exit 1; }; done"
# meson install puts every file in place.
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
check "meson install succeeds" meson install -C "$build" --no-rebuild --quiet --destdir "$dest"
for f in bin/thidua share/applications/com.example.ThiDua.desktop \
         share/metainfo/com.example.ThiDua.metainfo.xml \
         share/glib-2.0/schemas/com.example.ThiDua.gschema.xml \
         share/icons/hicolor/scalable/apps/com.example.ThiDua.svg \
         share/icons/hicolor/symbolic/apps/com.example.ThiDua-symbolic.svg \
         share/locale/vi/LC_MESSAGES/thidua.mo; do
  check "installed $f" bash -c "ls \"$dest\"/*/$f >/dev/null 2>&1 || ls \"$dest\"/*/*/$f >/dev/null 2>&1"
done
echo "1..$n"
exit $fail
