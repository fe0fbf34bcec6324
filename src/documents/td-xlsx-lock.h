/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What libxlsxwriter 1.1.4 cannot write: a veryHidden sheet (not listed
 * by Excel's Unhide) and a workbook whose structure is protected (sheets
 * cannot be added, deleted, renamed, moved or shown).  Done after the file
 * is closed, by copying its parts with libgsf and rewriting one of them,
 * xl/workbook.xml. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Rewrites the closed workbook at @path in place (through a temporary file
 * beside it): the sheets named in @very_hidden become veryHidden and the
 * structure is locked.  Every other part is copied unchanged. */
gboolean td_xlsx_lock_structure (const char *path, const char *const *very_hidden, GError **error);
/* The same change on the text of a workbook part; NULL when it is not a
 * workbook part libxlsxwriter wrote (no <sheets>, no <bookViews>). */
gchar *td_xlsx_lock_workbook_xml (const char *xml, const char *const *very_hidden);

G_END_DECLS
