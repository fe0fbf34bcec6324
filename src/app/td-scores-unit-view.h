/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The one-unit view of the Scores section: every criterion of one member
 * with its self-score, assessed score, difference, evidence and note. */
#pragma once

#include "td-scores-view.h"

G_BEGIN_DECLS

#define TD_TYPE_SCORES_UNIT_VIEW (td_scores_unit_view_get_type ())
G_DECLARE_FINAL_TYPE (TdScoresUnitView, td_scores_unit_view, TD, SCORES_UNIT_VIEW, TdScoresView)

TdScoresUnitView *td_scores_unit_view_new (GtkColumnView *column_view, TdScoresState *state);
/* Reads the differences of the member shown again (after an edit, another
 * member, a reload). */
void td_scores_unit_view_compute_differences (TdScoresUnitView *self);
void td_scores_unit_view_forget_differences (TdScoresUnitView *self);
/* Marks the assessed cell of node @index when it differs. */
void td_scores_unit_view_mark (TdScoresUnitView *self, gint index);

G_END_DECLS
