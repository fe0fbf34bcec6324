/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Scores → Import Self-Score Forms…: the members' filled forms, read in the
 * background, previewed form by form, saved only on Import, with Undo. */
#pragma once

#include <adwaita.h>

#include "td-db.h"

G_BEGIN_DECLS

#define TD_TYPE_FORM_IMPORT_DIALOG (td_form_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TdFormImportDialog, td_form_import_dialog, TD, FORM_IMPORT_DIALOG, AdwWindow)

/* Forms are checked against @bloc_year_id: a form of another bloc or year
 * is refused. */
TdFormImportDialog *td_form_import_dialog_new (GtkWindow *parent, TdDb *db, gint64 bloc_year_id);
/* Reads files (and the files of folders) in a thread, then previews all the
 * forms read so far; "busy" is TRUE meanwhile. */
void td_form_import_dialog_add_paths (TdFormImportDialog *self, const char *const *paths);
gboolean td_form_import_dialog_get_busy (TdFormImportDialog *self);
/* TdFormPlan*, for tests. */
GPtrArray *td_form_import_dialog_get_plans (TdFormImportDialog *self);

G_END_DECLS
