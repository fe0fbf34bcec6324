/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A criteria table sent as an Excel workbook, as text for the paste reader. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The visible sheet of the workbook at @path that reads as the most
 * criteria, as tab-separated rows for td_paste_parse().  Refused with a
 * message when the file is not a workbook or no sheet holds a table. */
gchar *td_xlsx_read_table_text (const char *path, GError **error);

/* A criteria table sent as a file, whatever its kind: an Excel workbook
 * through td_xlsx_read_table_text(), anything else (TSV, UTF-16 text, CSV,
 * a web page) through td_paste_text_from_file().  The size is checked
 * before the file is read. */
gchar *td_table_text_from_path (const char *path, GError **error);

G_END_DECLS
