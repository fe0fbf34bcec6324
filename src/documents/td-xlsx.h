/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Sheet models → one Excel workbook (libxlsxwriter 1.1.4). */
#pragma once

#include <gio/gio.h>

#include "td-sheet.h"

G_BEGIN_DECLS

typedef struct
{
  /* Creation time written in docProps/core.xml; 0 = now.  Tests fix it so
   * two exports of the same data are the same bytes. */
  gint64 created_unix;
  const char *author;
} TdXlsxOptions;

/* Write @n_sheets sheets, one worksheet each, to @path (replaced if it
 * exists; written to a temporary file first so a failure never leaves half
 * a workbook).  Errors are G_IO_ERROR with a message a clerk can act on. */
gboolean td_xlsx_write (TdSheet *const *sheets, guint n_sheets, const char *path,
                        const TdXlsxOptions *options, GError **error);

/* A worksheet name Excel accepts: at most 31 characters, none of []:*?/\,
 * not starting or ending with an apostrophe, not empty, and unique among
 * @used (case-insensitively; @used is a set of casefolded names that this
 * function adds the result to; NULL skips the uniqueness check). */
gchar *td_xlsx_sheet_name (const char *wanted, GHashTable *used);

/* The folder libxlsxwriter gets for its temporary files: a tmpfs with room
 * ($XDG_RUNTIME_DIR, else /dev/shm), or NULL for the system default.  The
 * benchmark hands the same folder to Python's xlsxwriter. */
const char *td_xlsx_scratch_dir (void);

/* Checks shared with the PDF writer: the folder exists and may be written,
 * and the file is not held open by LibreOffice. */

/* Rewrites parts of a finished workbook (td-xlsx-zip.c): every part for
 * which @wants says TRUE is handed whole to @patch, which returns its new
 * text (NULL: the workbook cannot be finished); the others are copied. */
typedef struct
{
  gboolean (*wants) (const char *part, gpointer data);
  gchar *(*patch) (const char *part, const char *xml, gsize len, gpointer data);
  gpointer data;
} TdXlsxPatcher;

/* Rewrites the workbook at @path in place, through a temporary file beside
 * it, with libgsf. */
gboolean td_xlsx_rewrite_parts (const char *path, const TdXlsxPatcher *patcher, GError **error);

/* What libxlsxwriter cannot write, added to the finished workbook at @path
 * (td-xlsx-zip.c), rewriting it in place: no page number on the first page
 * of every worksheet; the sheets named in @very_hidden (NULL: none), a
 * form's data sheets, veryHidden and the workbook's structure locked. */
gboolean td_xlsx_finish_package (const char *path, const char *const *very_hidden, GError **error);
/* The workbook part's change alone: NULL when @xml is not a workbook part
 * as libxlsxwriter writes it (no <sheets>, no <bookViews>, a sheet not
 * found). */
gchar *td_xlsx_lock_workbook_xml (const char *xml, const char *const *very_hidden);

G_END_DECLS
