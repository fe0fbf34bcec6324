/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The preview of a block pasted into the Scores matrix: the cells that
 * will change (old → new) and those refused with the reason. */
#pragma once

#include <adwaita.h>

#include "td-score-paste.h"

G_BEGIN_DECLS

/* Called when the clerk applies the paste (Enter, or the button). */
typedef void (*TdScorePasteApply) (TdScorePaste *paste, gpointer data);

/* @paste: taken; @unit_names: the name of each column's unit (char*).
 * Enter applies (when anything changes), Escape cancels. */
GtkWidget *td_score_paste_dialog_new (GtkWindow *parent, TdScorePaste *paste,
                                      TdCriteriaTable *table, GPtrArray *unit_names,
                                      TdScorePasteApply apply, gpointer data,
                                      GDestroyNotify destroy);
/* What the dialog shows (for tests). */
TdScorePaste *td_score_paste_dialog_get_paste (GtkWidget *dialog);

G_END_DECLS
