/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The matrix view of the Scores section: criteria × member units for one
 * source (self or assessed scores), to type in a pile of paper forms. */
#pragma once

#include "td-scores-view.h"

G_BEGIN_DECLS

#define TD_TYPE_SCORES_MATRIX_VIEW (td_scores_matrix_view_get_type ())
G_DECLARE_FINAL_TYPE (TdScoresMatrixView, td_scores_matrix_view, TD, SCORES_MATRIX_VIEW,
                      TdScoresView)

TdScoresMatrixView *td_scores_matrix_view_new (GtkColumnView *column_view, TdScoresState *state);
/* One column per member, titled with its short name. */
void td_scores_matrix_view_rebuild_columns (TdScoresMatrixView *self);
void td_scores_matrix_view_compute_differences (TdScoresMatrixView *self);
void td_scores_matrix_view_forget_differences (TdScoresMatrixView *self);
/* Marks the cell of node @index for @member when its assessed score
 * differs from the self-score (in the matrix of assessed scores). */
void td_scores_matrix_view_mark (TdScoresMatrixView *self, gint index, guint member);

G_END_DECLS
