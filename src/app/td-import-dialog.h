/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The preview of a pasted or imported list of units. */
#pragma once

#include <adwaita.h>

#include "td-db.h"

G_BEGIN_DECLS

#define TD_TYPE_IMPORT_DIALOG (td_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TdImportDialog, td_import_dialog, TD, IMPORT_DIALOG, AdwWindow)

TdImportDialog *td_import_dialog_new (GtkWindow *parent, TdDb *db, gint64 bloc_year_id,
                                      const char *text);
void td_import_dialog_set_text (TdImportDialog *self, const char *text);
GPtrArray *td_import_dialog_get_rows (TdImportDialog *self);

G_END_DECLS
