#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerates po/thidua.pot from the sources listed in po/POTFILES.in and
# merges it into po/vi.po; new messages then need their translation.
set -euo pipefail
cd "$(dirname "$0")/.."
grep -v '^#' po/POTFILES.in | grep -v '^$' > /tmp/thidua-potfiles.$$
xgettext --from-code=UTF-8 --add-comments=Translators --keyword=_ --keyword=N_ \
  --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 \
  --package-name=thidua --msgid-bugs-address=thidua@example.com \
  --files-from=/tmp/thidua-potfiles.$$ -o /tmp/thidua.pot
rm -f /tmp/thidua-potfiles.$$
if [ -s po/vi.po ]; then
  msgmerge --quiet --update --backup=none --no-fuzzy-matching po/vi.po /tmp/thidua.pot
else
  msginit --no-translator --locale=vi_VN.UTF-8 -i /tmp/thidua.pot -o po/vi.po
fi
msgattrib --no-obsolete -o po/vi.po po/vi.po
msgfmt --check --statistics -o /dev/null po/vi.po
