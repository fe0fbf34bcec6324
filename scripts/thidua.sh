#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs the Thi Đua built in ./build without installing it: the settings
# schema and the translations are taken from the build tree.
here="$(cd "$(dirname "$0")/.." && pwd)"
export GSETTINGS_SCHEMA_DIR="$here/build/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}"
export THIDUA_LOCALEDIR="$here/build/po"
exec "$here/build/src/thidua" "$@"
