/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The matrix view of the Scores section: criteria × member units for one
 * source (self or assessed scores), to type in a pile of paper forms. */
#pragma once

#include "td-scores-view.h"

G_BEGIN_DECLS

#define TD_TYPE_SCORES_MATRIX_VIEW (td_scores_matrix_view_get_type ())
G_DECLARE_FINAL_TYPE (TdScoresMatrixView, td_scores_matrix_view, TD, SCORES_MATRIX_VIEW,
                      TdScoresView)

/* @frozen: the criteria's list beside the grid (td_scores_view_attach_frozen). */
TdScoresMatrixView *td_scores_matrix_view_new (GtkColumnView *column_view, GtkColumnView *frozen,
                                               TdScoresState *state);
/* The criteria's scroller (@frozen) follows the grid's (@grid) up and
 * down; the wheel over the criteria scrolls the grid. */
void td_scores_matrix_view_scroll_with (TdScoresMatrixView *self, GtkScrolledWindow *grid,
                                        GtkScrolledWindow *frozen);
/* One column per member, titled with its short name. */
void td_scores_matrix_view_rebuild_columns (TdScoresMatrixView *self);
void td_scores_matrix_view_compute_differences (TdScoresMatrixView *self);
void td_scores_matrix_view_forget_differences (TdScoresMatrixView *self);
/* Marks the cell of node @index for @member when its assessed score
 * differs from the self-score (in the matrix of assessed scores). */
void td_scores_matrix_view_mark (TdScoresMatrixView *self, gint index, guint member);

/* Shift+arrows from the focused cell (@node, @column): the block from it
 * grows or shrinks by @rows_by rows and @columns_by columns. */
void td_scores_matrix_view_extend_block (TdScoresMatrixView *self, gint node, guint column,
                                         gint rows_by, gint columns_by);
/* The block that starts at the focused cell (@node, @column), or that
 * cell alone: its first row (a position in @rows, from
 * td_scores_view_get_row_indices), first column and size. */
void td_scores_matrix_view_get_block (TdScoresMatrixView *self, gint node, guint column,
                                      GArray *rows, guint *row, guint *n_rows, guint *first_column,
                                      guint *n_columns);
void td_scores_matrix_view_clear_block (TdScoresMatrixView *self);

/* Copy and paste (td-scores-matrix-clipboard.c): Ctrl+C, Ctrl+V and
 * Shift+arrows on the grid, before a field's own; the copy of the block
 * or focused cell; the paste from the focused cell, previewed.  Applying
 * a previewed paste emits "paste" (TdScorePaste *), for the section to
 * save. */
void td_scores_matrix_view_add_keys (TdScoresMatrixView *self);
void td_scores_matrix_view_copy (TdScoresMatrixView *self);
void td_scores_matrix_view_paste (TdScoresMatrixView *self);

G_END_DECLS
