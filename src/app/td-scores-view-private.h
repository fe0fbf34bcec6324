/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Between td-scores-view.c (rows, cells, filling) and td-scores-view-focus.c
 * (where the focus goes after an edit, and keeping the focused cell in
 * sight): the view's private state.  Only those two include it. */
#pragma once

#include "td-scores-view.h"

G_BEGIN_DECLS

typedef struct
{
  GtkColumnView *column_view;
  GtkColumnView *frozen_view; /* the matrix's criteria, beside the grid */
  int row_height;             /* > 0: every row of both lists has this height */
  TdScoresState *state;
  GListStore *store;
  GtkFilterListModel *filtered;
  GtkCustomFilter *filter;
  GHashTable *differ;  /* node indices + 1 (with ancestors) that differ */
  GHashTable *cells;   /* KEY (node, column) → TdScoreCell */
  GHashTable *bound;   /* bound widgets */
  GHashTable *pending; /* bound widgets off screen, filled when the window is idle */
  guint pending_source;
  /* A cell to focus once its row is scrolled into sight (move_focus). */
  guint focus_source;
  gint focus_node;
  guint focus_column;
  guint focus_tries;
  guint focus_pos;       /* the row scrolled to */
  GtkWidget *focus_from; /* compared only, never used */
  /* A focused cell whose row the list had not placed, brought into view. */
  guint reveal_source;
  guint reveal_tries;
  guint reveal_pos;
  GtkWidget *reveal_cell; /* compared only, never used */
  gboolean enter_next_column;
  gboolean show_points; /* input rows show their unit and points */
} TdScoresViewPrivate;

TdScoresViewPrivate *td_scores_view_get_private (TdScoresView *self);

/* td-scores-view-focus.c: after an edit committed with @move (Enter, Tab,
 * an arrow), the focus goes to the next cell that takes a value, scrolled
 * into sight first when the list has not made it yet. */
void td_scores_view_move_focus (TdScoresView *self, gint node, guint column, TdCellMove move);
/* The "enter" handler of every editable cell's focus controller: the
 * focused cell is brought whole into view. */
void td_scores_view_on_cell_focus_enter (GtkEventControllerFocus *controller, TdScoresView *self);

G_END_DECLS
