/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The matrix view of the Scores section.
 *
 * Criteria × member units for the source chosen in the section (the
 * self-scores or the assessed scores): a clerk types one paper form per
 * column, Enter going down and Tab to the next unit.  Headings show the
 * unit's subtotals and the last row its total.  Shift+arrows choose a
 * block of cells from the focused one (marked, and copied by Ctrl+C). */
#include "config.h"

#include "td-scores-matrix-view.h"

#include <glib/gi18n.h>
#include <math.h>

#define KEY(node, col) GINT_TO_POINTER (((node) + 1) * 1024 + (gint)(col))

struct _TdScoresMatrixView
{
  TdScoresView parent_instance;

  GPtrArray *columns;       /* GtkColumnViewColumn* of the units */
  GHashTable *cell_differs; /* KEY (node, member) where assessed ≠ self */

  /* The block chosen with Shift+arrows: from the anchor (the focused
   * cell) to the row position end_row and column end_column. */
  gboolean block;
  gint anchor_node;
  guint anchor_column;
  guint end_row;
  guint end_column;
  GHashTable *selected; /* KEY (node, member) of the block's cells */
  gulong focus_handler;
  GtkWidget *focus_root; /* weak: the window whose focus is followed */
};

G_DEFINE_FINAL_TYPE (TdScoresMatrixView, td_scores_matrix_view, TD_TYPE_SCORES_VIEW)

void
td_scores_matrix_view_forget_differences (TdScoresMatrixView *self)
{
  td_scores_view_forget_differences (TD_SCORES_VIEW (self));
  g_hash_table_remove_all (self->cell_differs);
}

void
td_scores_matrix_view_compute_differences (TdScoresMatrixView *self)
{
  TdScoresState *state = td_scores_view_get_state (TD_SCORES_VIEW (self));

  td_scores_matrix_view_forget_differences (self);
  for (guint m = 0; state->scores != NULL && m < td_scores_state_n_members (state); m++)
    {
      g_autoptr (GArray) diffs
          = td_scores_get_differences (state->scores, td_scores_state_unit_of (state, m));

      for (guint i = 0; diffs != NULL && i < diffs->len; i++)
        {
          gint index = g_array_index (diffs, TdDifference, i).index;

          td_scores_view_add_difference (TD_SCORES_VIEW (self), index);
          g_hash_table_add (self->cell_differs, KEY (index, m));
        }
    }
}

static gboolean
cell_differs (TdScoresMatrixView *self, gint index, guint member)
{
  TdScoresState *state = td_scores_view_get_state (TD_SCORES_VIEW (self));

  return state->matrix_source == TD_SOURCE_ASSESSED
         && g_hash_table_contains (self->cell_differs, KEY (index, member));
}

void
td_scores_matrix_view_mark (TdScoresMatrixView *self, gint index, guint member)
{
  TdScoreCell *cell = td_scores_view_get_cell (TD_SCORES_VIEW (self), index, member);

  if (cell != NULL)
    td_scores_view_mark_cell (cell, cell_differs (self, index, member));
}

/* One column per member.  A bloc of the same size keeps its columns (and
 * their cells) with new titles: only the rows are bound again. */
void
td_scores_matrix_view_rebuild_columns (TdScoresMatrixView *self)
{
  TdScoresView *view = TD_SCORES_VIEW (self);
  TdScoresState *state = td_scores_view_get_state (view);
  guint n = td_scores_state_n_members (state);

  td_scores_matrix_view_clear_block (self);
  if (self->columns->len != n)
    {
      for (guint i = 0; i < self->columns->len; i++)
        gtk_column_view_remove_column (td_scores_view_get_column_view (view),
                                       g_ptr_array_index (self->columns, i));
      g_ptr_array_set_size (self->columns, 0);
      td_scores_view_forget_cells (view);
    }
  for (guint m = 0; m < n; m++)
    {
      TdMember *member = g_ptr_array_index (state->members, m);
      const char *title
          = member->short_name && *member->short_name ? member->short_name : member->name;

      if (m < self->columns->len)
        gtk_column_view_column_set_title (g_ptr_array_index (self->columns, m), title);
      else
        g_ptr_array_add (self->columns, td_scores_view_add_column (
                                            view, title, TD_SCORES_KIND_MATRIX_UNIT, m, 84, FALSE));
    }
}

/* ---- a block of cells ---- */

static void
mark_selected (TdScoreCell *cell, gboolean selected)
{
  td_scores_view_set_cell_class (cell, "score-selected", selected);
}

static void
unmark_all (TdScoresMatrixView *self)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->selected);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gint k = GPOINTER_TO_INT (key);
      TdScoreCell *cell = td_scores_view_get_cell (TD_SCORES_VIEW (self), k / 1024 - 1, k % 1024);

      if (cell != NULL)
        mark_selected (cell, FALSE);
    }
  g_hash_table_remove_all (self->selected);
}

static void
stop_following_focus (TdScoresMatrixView *self)
{
  if (self->focus_handler != 0)
    {
      /* The window may be gone already (its handlers with it). */
      if (self->focus_root != NULL)
        {
          g_signal_handler_disconnect (self->focus_root, self->focus_handler);
          g_object_remove_weak_pointer (G_OBJECT (self->focus_root), (gpointer *)&self->focus_root);
        }
      self->focus_handler = 0;
      self->focus_root = NULL;
    }
}

void
td_scores_matrix_view_clear_block (TdScoresMatrixView *self)
{
  unmark_all (self);
  self->block = FALSE;
  stop_following_focus (self);
}

/* The focus went to another cell (or out of the grid): the block is gone,
 * as in a spreadsheet. */
static void
on_focus_changed (GtkWindow *window, GParamSpec *pspec, TdScoresMatrixView *self)
{
  GtkWidget *focus = gtk_window_get_focus (window);
  GtkWidget *cell = focus ? gtk_widget_get_ancestor (focus, TD_TYPE_SCORE_CELL) : NULL;

  if (cell == NULL || (gint)td_score_cell_get_row (TD_SCORE_CELL (cell)) != self->anchor_node
      || td_score_cell_get_column (TD_SCORE_CELL (cell)) != self->anchor_column)
    td_scores_matrix_view_clear_block (self);
}

static guint
row_position (GArray *rows, gint node)
{
  for (guint i = 0; i < rows->len; i++)
    if (g_array_index (rows, gint, i) == node)
      return i;
  return 0;
}

void
td_scores_matrix_view_extend_block (TdScoresMatrixView *self, gint node, guint column, gint rows_by,
                                    gint columns_by)
{
  TdScoresView *view = TD_SCORES_VIEW (self);
  g_autoptr (GArray) rows = td_scores_view_get_row_indices (view);
  guint n_cols = td_scores_state_n_members (td_scores_view_get_state (view));
  guint at, r0, r1, c0, c1;

  if (rows->len == 0 || n_cols == 0)
    return;
  at = row_position (rows, node);
  if (!self->block || node != self->anchor_node || column != self->anchor_column)
    {
      td_scores_matrix_view_clear_block (self);
      self->block = TRUE;
      self->anchor_node = node;
      self->anchor_column = column;
      self->end_row = at;
      self->end_column = column;
    }
  self->end_row = (guint)CLAMP ((gint)self->end_row + rows_by, 0, (gint)rows->len - 1);
  self->end_column = (guint)CLAMP ((gint)self->end_column + columns_by, 0, (gint)n_cols - 1);

  unmark_all (self);
  r0 = MIN (at, self->end_row);
  r1 = MAX (at, self->end_row);
  c0 = MIN (column, self->end_column);
  c1 = MAX (column, self->end_column);
  for (guint r = r0; r <= r1; r++)
    for (guint c = c0; c <= c1; c++)
      {
        gint index = g_array_index (rows, gint, r);
        TdScoreCell *cell = td_scores_view_get_cell (view, index, c);

        g_hash_table_add (self->selected, KEY (index, c));
        if (cell != NULL)
          mark_selected (cell, TRUE);
      }
  if (self->focus_handler == 0)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (td_scores_view_get_column_view (view)));

      if (GTK_IS_WINDOW (root))
        {
          self->focus_root = GTK_WIDGET (root);
          g_object_add_weak_pointer (G_OBJECT (root), (gpointer *)&self->focus_root);
          self->focus_handler = g_signal_connect_object (root, "notify::focus-widget",
                                                         G_CALLBACK (on_focus_changed), self, 0);
        }
    }
}

void
td_scores_matrix_view_get_block (TdScoresMatrixView *self, gint node, guint column, GArray *rows,
                                 guint *row, guint *n_rows, guint *first_column, guint *n_columns)
{
  guint at = row_position (rows, node);

  if (!self->block || node != self->anchor_node || column != self->anchor_column)
    {
      *row = at;
      *first_column = column;
      *n_rows = *n_columns = 1;
      return;
    }
  *row = MIN (at, self->end_row);
  *n_rows = MAX (at, self->end_row) - *row + 1;
  *first_column = MIN (column, self->end_column);
  *n_columns = MAX (column, self->end_column) - *first_column + 1;
}

/* An option's drop-down in the matrix shows its choice on two lines at
 * most (the whole label on hover and in its list): every row keeps the
 * grid's one height (td_scores_view_attach_frozen). */
static void
compact_choice (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_POPOVER (child))
        continue;
      if (GTK_IS_LABEL (child) && gtk_label_get_lines (GTK_LABEL (child)) != 2)
        {
          gtk_label_set_lines (GTK_LABEL (child), 2);
          gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
          /* Whole words ("Bằng / khen…"), not "Bằn / g…", in a narrow column. */
          gtk_label_set_wrap_mode (GTK_LABEL (child), PANGO_WRAP_WORD);
        }
      compact_choice (child);
    }
}

static void
td_scores_matrix_view_fill (TdScoresView *view, GtkWidget *widget, TdScoresCellKind kind,
                            TdCriterionItem *item, guint column)
{
  TdScoresMatrixView *self = TD_SCORES_MATRIX_VIEW (view);
  TdScoresState *state = td_scores_view_get_state (view);
  gint index = td_criterion_item_get_index (item);

  if (kind == TD_SCORES_KIND_MATRIX_UNIT && column < td_scores_state_n_members (state))
    {
      td_scores_view_fill_score (view, widget, item, state->matrix_source,
                                 td_scores_state_unit_of (state, column), column,
                                 cell_differs (self, index, column));
      TdScoreCell *cell = TD_SCORE_CELL (gtk_widget_get_first_child (widget));

      /* A recycled cell shows the block of its new place. */
      mark_selected (cell, g_hash_table_contains (self->selected, KEY (index, column)));
      if (td_score_cell_get_dropdown (cell) != NULL)
        compact_choice (GTK_WIDGET (td_score_cell_get_dropdown (cell)));
    }
}

static guint
td_scores_matrix_view_n_columns (TdScoresView *view)
{
  return td_scores_state_n_members (td_scores_view_get_state (view));
}

/* The subtotals and the total in the column of the member edited. */
static gboolean
td_scores_matrix_view_follows_member (TdScoresView *view, TdScoresCellKind kind, guint column,
                                      guint member, gboolean label)
{
  return kind == TD_SCORES_KIND_MATRIX_UNIT && label && column == member;
}

static void
td_scores_matrix_view_finalize (GObject *object)
{
  TdScoresMatrixView *self = TD_SCORES_MATRIX_VIEW (object);

  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->cell_differs, g_hash_table_unref);
  stop_following_focus (self);
  g_clear_pointer (&self->selected, g_hash_table_unref);
  G_OBJECT_CLASS (td_scores_matrix_view_parent_class)->finalize (object);
}

static void
td_scores_matrix_view_class_init (TdScoresMatrixViewClass *klass)
{
  TdScoresViewClass *view_class = TD_SCORES_VIEW_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = td_scores_matrix_view_finalize;
  /**
   * TdScoresMatrixView::paste:
   * @paste: (type gpointer): the TdScorePaste the clerk applied
   *
   * A previewed paste is to be saved (td-scores-matrix-clipboard.c).
   */
  g_signal_new ("paste", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                G_TYPE_NONE, 1, G_TYPE_POINTER);
  view_class->fill = td_scores_matrix_view_fill;
  view_class->n_columns = td_scores_matrix_view_n_columns;
  view_class->follows_member = td_scores_matrix_view_follows_member;
}

static void
td_scores_matrix_view_init (TdScoresMatrixView *self)
{
  self->columns = g_ptr_array_new_with_free_func (g_object_unref);
  self->cell_differs = g_hash_table_new (NULL, NULL);
  self->selected = g_hash_table_new (NULL, NULL);
}

/* ---- the criteria beside the grid ---- */

/* The criteria follow the grid up and down: its position is theirs.  The
 * criteria's list never moves the grid (each list sets its own adjustment
 * while it is laid out; one setting the other's would lay out the grid
 * again in the middle of a frame). */
static void
on_grid_scrolled (GtkAdjustment *grid, GtkAdjustment *frozen)
{
  gtk_adjustment_set_value (frozen, gtk_adjustment_get_value (grid));
}

/* The wheel over the criteria scrolls the grid (they follow it). */
static gboolean
on_frozen_wheel (GtkEventControllerScroll *controller, double dx, double dy,
                 GtkScrolledWindow *grid)
{
  GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (grid);
  double step = pow (gtk_adjustment_get_page_size (v), 2.0 / 3.0);

  gtk_adjustment_set_value (v, gtk_adjustment_get_value (v) + dy * step);
  return TRUE;
}

void
td_scores_matrix_view_scroll_with (TdScoresMatrixView *self, GtkScrolledWindow *grid,
                                   GtkScrolledWindow *frozen)
{
  GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (grid);
  GtkEventController *wheel
      = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);

  g_signal_connect_object (v, "value-changed", G_CALLBACK (on_grid_scrolled),
                           gtk_scrolled_window_get_vadjustment (frozen), 0);
  gtk_event_controller_set_propagation_phase (wheel, GTK_PHASE_CAPTURE);
  g_signal_connect (wheel, "scroll", G_CALLBACK (on_frozen_wheel), grid);
  gtk_widget_add_controller (GTK_WIDGET (frozen), wheel);
  /* The grid sets its position while it is laid out: it comes first among
   * the box's children (laid out in order), drawn on the right by the
   * box's right-to-left direction (its children keep the default), so the
   * criteria follow in the same frame. */
  gtk_widget_set_direction (gtk_widget_get_parent (GTK_WIDGET (grid)), GTK_TEXT_DIR_RTL);
}

TdScoresMatrixView *
td_scores_matrix_view_new (GtkColumnView *column_view, GtkColumnView *frozen, TdScoresState *state)
{
  TdScoresMatrixView *self = g_object_new (TD_TYPE_SCORES_MATRIX_VIEW, NULL);
  TdScoresView *view = TD_SCORES_VIEW (self);

  td_scores_view_attach (view, column_view, state);
  td_scores_view_attach_frozen (view, frozen);
  td_scores_view_set_enter_next_column (view, TRUE);
  g_object_unref (td_scores_view_add_frozen_column (view, _ ("Code"), TD_SCORES_KIND_CODE, 80));
  g_object_unref (
      td_scores_view_add_frozen_column (view, _ ("Criterion"), TD_SCORES_KIND_TITLE, 300));
  return self;
}
