/* SPDX-License-Identifier: GPL-3.0-or-later */
/* "Paste a table": pasted rows, their interpretation and problems, fixed before saving. */
#pragma once

#include <adwaita.h>

#include "td-criteria-paste.h"

G_BEGIN_DECLS

#define TD_TYPE_PASTE_DIALOG (td_paste_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TdPasteDialog, td_paste_dialog, TD, PASTE_DIALOG, AdwWindow)

TdPasteDialog *td_paste_dialog_new (TdDb *db, gint64 bloc_year_id);

/* Parses @text and shows the preview (what "Preview" does with the text area). */
gboolean td_paste_dialog_set_text (TdPasteDialog *self, const char *text);
TdPastePreview *td_paste_dialog_get_preview (TdPasteDialog *self);
/* The entry of a shown cell of the preview, NULL when that row is not shown. */
GtkEditable *td_paste_dialog_get_cell (TdPasteDialog *self, guint row, TdPasteColumn column);
/* Types text into a shown cell of the preview and commits it, as the
 * clerk would; FALSE when that row is not shown. */
gboolean td_paste_dialog_edit_cell (TdPasteDialog *self, guint row, TdPasteColumn column,
                                    const char *text);
const char *td_paste_dialog_get_summary (TdPasteDialog *self);

G_END_DECLS
