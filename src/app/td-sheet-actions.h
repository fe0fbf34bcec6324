/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One call for a page to show, print or save an official sheet of the
 * open bloc-year: build it from the database (td-sheet-builders.h), then
 * open the print preview (with Print… and Export) or the save dialog.  A
 * sheet that cannot be built is reported on @from's window with what to
 * do (no criteria table yet, unit not a member …). */
#pragma once

#include <gtk/gtk.h>

#include "td-db.h"
#include "td-export.h"
#include "td-sheet-preview.h"

G_BEGIN_DECLS

/* @sheet: TD_SHEET_SCORES, _RANKING, _MATRIX, _FORM, _CALENDAR or
 * _WORKBOOK; @unit_id the unit of "scores" and "form" (0: every member's
 * form).  Returns the preview window (owned by GTK), NULL when the sheet
 * could not be built (the error was shown). */
TdSheetPreview *td_sheet_actions_preview (GtkWidget *from, TdDb *db, gint64 bloc_year_id,
                                          const char *sheet, gint64 unit_id);
/* Same sheets, straight to the file chooser. */
void td_sheet_actions_export (GtkWidget *from, TdDb *db, gint64 bloc_year_id, const char *sheet,
                              gint64 unit_id, TdExportFormat format);

G_END_DECLS
