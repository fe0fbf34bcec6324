/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The history of a score cell (its audit trail), in a popover. */
#pragma once

#include <gtk/gtk.h>

#include "td-entries.h"

G_BEGIN_DECLS

#define TD_TYPE_SCORE_HISTORY (td_score_history_get_type ())
G_DECLARE_FINAL_TYPE (TdScoreHistory, td_score_history, TD, SCORE_HISTORY, GtkPopover)

GtkWidget *td_score_history_new (void);
/* Lists the changes of @criterion for @unit_id, newest first: of @source,
 * or of both self and assessed entries when @both. */
gboolean td_score_history_load (TdScoreHistory *self, TdDb *db, const TdCriterion *criterion,
                                gint64 unit_id, gboolean both, TdSource source, GError **error);

G_END_DECLS
