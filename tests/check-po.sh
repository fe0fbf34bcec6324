#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Translations: po/vi.po is complete (no untranslated or fuzzy message, every
# message of the sources present) and POTFILES.in lists every source file
# with translatable strings. Prints TAP.
src=${1:?source root}
build=${2:?build root}
n=0
fail=0
result () {
  n=$((n + 1))
  if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fail=1; fi
  [ -n "$3" ] && printf '%s\n' "$3" | sed 's/^/# /'
}

cd "$src" || exit 1
stats=$(msgfmt --check --statistics -o /dev/null po/vi.po 2>&1)
rc=$?
case "$stats" in *untranslated*|*fuzzy*) rc=1 ;; esac
result $rc "vi.po compiles with no untranslated or fuzzy message" "$stats"

missing=""
for f in $(grep -rlE '(^|[^a-zA-Z_])(N_|_|C_|NC_) ?\(' src --include='*.c'; grep -rl 'translatable="yes"' ui); do
  grep -qx "$f" po/POTFILES.in || missing="$missing $f"
done
[ -z "$missing" ]; result $? "POTFILES.in lists every file with translatable strings" "$missing"

gone=""
for f in $(grep -v '^#' po/POTFILES.in | grep -v '^$'); do
  [ -f "$f" ] || gone="$gone $f"
done
[ -z "$gone" ]; result $? "every file in POTFILES.in exists" "$gone"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
xgettext --from-code=UTF-8 --add-comments=Translators --keyword=_ --keyword=N_ \
  --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 \
  --files-from=<(grep -v '^#' po/POTFILES.in | grep -v '^$') -o "$tmp/thidua.pot" 2>"$tmp/err"
rc=$?
result $rc "xgettext extracts the messages" "$(cat "$tmp/err")"
out=$(msgcmp po/vi.po "$tmp/thidua.pot" 2>&1)
result $? "vi.po translates every message of the sources" "$(printf '%s\n' "$out" | head -20)"
echo "1..$n"
exit $fail
