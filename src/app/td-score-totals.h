/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The totals bar under the score grids: self, assessed, difference, final. */
#pragma once

#include <gtk/gtk.h>

#include "td-scoring.h"

G_BEGIN_DECLS

#define TD_TYPE_SCORE_TOTALS (td_score_totals_get_type ())
G_DECLARE_FINAL_TYPE (TdScoreTotals, td_score_totals, TD, SCORE_TOTALS, GtkBox)

/* One unit's totals, with its status (how much is scored, or why it is
 * not graded). */
void td_score_totals_show_unit (TdScoreTotals *self, const TdUnitTotals *totals,
                                const TdCriteriaTable *table);
/* No totals, only a line of help (the matrix keeps its totals in a row). */
void td_score_totals_show_hint (TdScoreTotals *self, const char *hint);
/* "Tự chấm: 95,5" for SELF, ASSESSED or FINAL; NULL before any unit. */
const char *td_score_totals_get_text (TdScoreTotals *self, TdSource source);

/* Signed difference as shown everywhere: "+0,5", "−1", "0". */
gchar *td_score_format_delta (TdPoints delta);
void td_score_style_delta (GtkWidget *label, TdPoints delta);

G_END_DECLS
