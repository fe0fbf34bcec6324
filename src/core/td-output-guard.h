/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The one check every writer makes before it writes a file: an output is
 * never the database it comes from, a companion file of a database, or a
 * backup. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  /* A sheet, a calendar, a picture: it never replaces any Thi Đua
   * database, whichever it is. */
  TD_OUTPUT_DOCUMENT,
  /* A copy of a database or the demo: it may replace a database file that
   * is not @db_path (the clerk chose to). */
  TD_OUTPUT_DATABASE,
} TdOutputKind;

gboolean td_output_guard (const char *output_path, const char *db_path, TdOutputKind kind,
                          GError **error);

G_END_DECLS
