/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Where the focus goes in a view of the Scores section, and keeping it in
 * sight.
 *
 * After an edit, Enter goes down to the next row that takes a value (in
 * the matrix, on at the top of the next unit's column), Tab right and
 * then to the next row, the arrows one cell, stopping at the grid's edge;
 * Tab after the last cell leaves the grid.  A cell whose row the list has
 * not made yet is focused once its row is scrolled to.  Whatever moved
 * the focus into a cell (Tab from outside, a click), the cell is brought
 * whole into view, below the column titles. */
#include "config.h"

#include "td-column-view.h"
#include "td-scores-view-private.h"
#include "td-section-page.h"

void
td_scores_view_set_enter_next_column (TdScoresView *self, gboolean next_column)
{
  TdScoresViewPrivate *priv = td_scores_view_get_private (self);

  priv->enter_next_column = next_column;
}

static gboolean
is_editable_item (TdCriterionItem *item)
{
  TdCriterion *c = td_criterion_item_get_criterion (item);

  return c != NULL && td_rule_kind_get_input (c->kind) != TD_INPUT_NONE;
}

static gboolean
focus_cell_now (TdScoresView *self, gint node, guint column)
{
  TdScoreCell *cell = td_scores_view_get_cell (self, node, column);

  if (cell == NULL || !gtk_widget_get_mapped (GTK_WIDGET (cell)))
    return FALSE;
  td_score_cell_focus (cell);
  return TRUE;
}

/* The row is being scrolled to: the cell is focused once it is on screen,
 * unless the clerk has gone elsewhere meanwhile (a popover, another
 * cell), and never after the view is gone. */
static gboolean
focus_later_cb (gpointer data)
{
  TdScoresView *self = data;
  TdScoresViewPrivate *priv = td_scores_view_get_private (self);
  GtkWidget *section
      = gtk_widget_get_ancestor (GTK_WIDGET (priv->column_view), TD_TYPE_SECTION_PAGE);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (priv->column_view));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  /* The clerk went elsewhere meanwhile (out of the section, or into
   * another cell): the focus stays where she put it. */
  if (focus != NULL && focus != priv->focus_from && section != NULL
      && (!gtk_widget_is_ancestor (focus, section)
          || gtk_widget_get_ancestor (focus, TD_TYPE_SCORE_CELL) != NULL))
    {
      priv->focus_source = 0;
      return G_SOURCE_REMOVE;
    }
  if (focus_cell_now (self, priv->focus_node, priv->focus_column) || ++priv->focus_tries > 50)
    {
      priv->focus_source = 0;
      return G_SOURCE_REMOVE;
    }
  /* Rows of wrapped criteria have heights the list only estimates until
   * they are shown: a first scroll can stop short of the row. */
  if (priv->focus_tries % 5 == 0)
    td_column_view_scroll_to (priv->column_view, priv->focus_pos);
  return G_SOURCE_CONTINUE;
}

void
td_scores_view_cancel_focus (TdScoresView *self)
{
  TdScoresViewPrivate *priv = td_scores_view_get_private (self);

  g_clear_handle_id (&priv->focus_source, g_source_remove);
}

/* Moves *pos by @step to the next row that takes a value; FALSE (and *pos
 * unchanged) when there is none. */
static gboolean
next_editable (GListModel *model, gint *pos, gint step, gint *node)
{
  gint n = g_list_model_get_n_items (model);

  for (gint p = *pos + step; p >= 0 && p < n; p += step)
    {
      g_autoptr (TdCriterionItem) item = g_list_model_get_item (model, p);
      if (is_editable_item (item))
        {
          *pos = p;
          *node = td_criterion_item_get_index (item);
          return TRUE;
        }
    }
  return FALSE;
}

static void
leave_grid (TdScoresView *self, GtkDirectionType direction)
{
  TdScoresViewPrivate *priv = td_scores_view_get_private (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (priv->column_view));

  /* The list's own Tab handling would stay among its cells: while the
   * grid takes no focus, the window moves it to the widget after (or
   * before) the grid. */
  if (root == NULL)
    return;
  gtk_widget_set_can_focus (GTK_WIDGET (priv->column_view), FALSE);
  gtk_widget_child_focus (GTK_WIDGET (root), direction);
  gtk_widget_set_can_focus (GTK_WIDGET (priv->column_view), TRUE);
}

void
td_scores_view_move_focus (TdScoresView *self, gint node, guint column, TdCellMove move)
{
  TdScoresViewPrivate *priv = td_scores_view_get_private (self);
  GListModel *model = G_LIST_MODEL (priv->filtered);
  guint n = g_list_model_get_n_items (model);
  guint n_cols = TD_SCORES_VIEW_GET_CLASS (self)->n_columns (self);
  gint pos = -1;
  gint step;

  td_scores_view_flush (self);
  if (move == TD_CELL_MOVE_NONE || n_cols == 0)
    return;
  for (guint i = 0; i < n && pos < 0; i++)
    {
      g_autoptr (TdCriterionItem) item = g_list_model_get_item (model, i);
      if (td_criterion_item_get_index (item) == node)
        pos = i;
    }
  if (pos < 0)
    return;

  switch (move)
    {
    case TD_CELL_MOVE_LEFT:
    case TD_CELL_MOVE_RIGHT:
      /* An arrow stops at the grid's edge, as in a spreadsheet. */
      if (move == TD_CELL_MOVE_LEFT ? column == 0 : column + 1 >= n_cols)
        return;
      column += move == TD_CELL_MOVE_LEFT ? -1 : 1;
      break;
    case TD_CELL_MOVE_NEXT:
    case TD_CELL_MOVE_PREV:
      step = move == TD_CELL_MOVE_NEXT ? 1 : -1;
      if (move == TD_CELL_MOVE_NEXT ? column + 1 < n_cols : column > 0)
        {
          column += step;
          break;
        }
      column = move == TD_CELL_MOVE_NEXT ? 0 : n_cols - 1;
      if (next_editable (model, &pos, step, &node))
        break;
      /* Tab after the last cell (Shift+Tab before the first) leaves the
       * grid for the next widget of the window, like any other list. */
      leave_grid (self, move == TD_CELL_MOVE_NEXT ? GTK_DIR_TAB_FORWARD : GTK_DIR_TAB_BACKWARD);
      return;
    default:
      step = move == TD_CELL_MOVE_DOWN || move == TD_CELL_MOVE_ARROW_DOWN ? 1 : -1;
      if (next_editable (model, &pos, step, &node))
        break;
      /* Enter under the last row goes on at the top of the next column:
       * the next unit's paper form, in the matrix. */
      if (move != TD_CELL_MOVE_DOWN || !priv->enter_next_column || column + 1 >= n_cols)
        return;
      column++;
      pos = -1;
      if (!next_editable (model, &pos, 1, &node))
        return;
      break;
    }

  if (!focus_cell_now (self, node, column))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (priv->column_view));

      g_clear_handle_id (&priv->focus_source, g_source_remove);
      priv->focus_node = node;
      priv->focus_column = column;
      priv->focus_tries = 0;
      priv->focus_from = root ? gtk_root_get_focus (root) : NULL;
      priv->focus_pos = pos;
      td_column_view_scroll_to (priv->column_view, pos);
      priv->focus_source = g_timeout_add (10, focus_later_cb, self);
    }
}

/* The focused cell is always in sight: Tab, Enter or an arrow into a
 * column scrolled out of view brings it in, below the column titles. */
static void
scroll_into_view (TdScoresView *self, GtkWidget *cell)
{
  TdScoresViewPrivate *priv = td_scores_view_get_private (self);
  GtkWidget *view = GTK_WIDGET (priv->column_view);
  GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (view));
  GtkAdjustment *v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  GtkWidget *header = gtk_widget_get_first_child (view);
  int width = gtk_widget_get_width (view);
  int height = gtk_widget_get_height (view);
  int top = header ? gtk_widget_get_height (header) : 0;
  graphene_rect_t b;

  if (!gtk_widget_compute_bounds (cell, view, &b) || width <= 0)
    return;
  if (h != NULL && b.origin.x < 0)
    gtk_adjustment_set_value (h, gtk_adjustment_get_value (h) + b.origin.x);
  else if (h != NULL && b.origin.x + b.size.width > width)
    gtk_adjustment_set_value (h, gtk_adjustment_get_value (h)
                                     + MIN (b.origin.x, b.origin.x + b.size.width - width));
  if (v != NULL && b.origin.y < top)
    gtk_adjustment_set_value (v, gtk_adjustment_get_value (v) - (top - b.origin.y));
  else if (v != NULL && b.origin.y + b.size.height > height)
    gtk_adjustment_set_value (v,
                              gtk_adjustment_get_value (v) + b.origin.y + b.size.height - height);
}

/* Whether the list has placed @cell: shown, with a size, at a known place. */
static gboolean
cell_placed (TdScoresView *self, GtkWidget *cell)
{
  TdScoresViewPrivate *priv = td_scores_view_get_private (self);
  graphene_rect_t b;

  return gtk_widget_get_mapped (cell) && gtk_widget_get_width (cell) > 0
         && gtk_widget_get_height (cell) > 0
         && gtk_widget_compute_bounds (cell, GTK_WIDGET (priv->column_view), &b);
}

static gboolean
focus_is_in (GtkWidget *cell)
{
  GtkRoot *root = gtk_widget_get_root (cell);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == cell || gtk_widget_is_ancestor (focus, cell));
}

static gboolean
reveal_cb (gpointer data)
{
  TdScoresView *self = data;
  TdScoresViewPrivate *priv = td_scores_view_get_private (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (priv->column_view));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *cell = focus ? gtk_widget_get_ancestor (focus, TD_TYPE_SCORE_CELL) : NULL;

  /* The focus moved on meanwhile: nothing to bring into view. */
  if (cell == NULL || cell != priv->reveal_cell)
    {
      priv->reveal_source = 0;
      return G_SOURCE_REMOVE;
    }
  if (cell_placed (self, cell) || ++priv->reveal_tries > 50)
    {
      if (cell_placed (self, cell))
        scroll_into_view (self, cell);
      priv->reveal_source = 0;
      return G_SOURCE_REMOVE;
    }
  /* Rows above have heights the list only estimates until they are shown:
   * a first scroll can stop short. */
  if (priv->reveal_tries % 5 == 0)
    td_column_view_scroll_to (priv->column_view, priv->reveal_pos);
  return G_SOURCE_CONTINUE;
}

/* The model position of the row @cell stands for; FALSE when it has none. */
static gboolean
cell_position (TdScoresView *self, GtkWidget *cell, guint *pos)
{
  TdScoresViewPrivate *priv = td_scores_view_get_private (self);
  GListModel *model = G_LIST_MODEL (priv->filtered);
  gint node = (gint)td_score_cell_get_row (TD_SCORE_CELL (cell));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (TdCriterionItem) item = g_list_model_get_item (model, i);
      if (td_criterion_item_get_index (item) == node)
        {
          *pos = i;
          return TRUE;
        }
    }
  return FALSE;
}

/* The focus is never on a cell out of sight.  GTK 4.8's list can move the
 * focus (Tab from the controls before it, Shift+Tab from after) into a
 * row it keeps unplaced: rows that grow with wrapped text have heights it
 * only estimates.  That row is scrolled to, then the cell brought whole
 * into view once the list has placed it. */
void
td_scores_view_on_cell_focus_enter (GtkEventControllerFocus *controller, TdScoresView *self)
{
  TdScoresViewPrivate *priv = td_scores_view_get_private (self);
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  guint pos;

  if (cell_placed (self, cell))
    {
      scroll_into_view (self, cell);
      return;
    }
  if (!cell_position (self, cell, &pos) || !focus_is_in (cell))
    return;
  g_clear_handle_id (&priv->reveal_source, g_source_remove);
  priv->reveal_cell = cell;
  priv->reveal_pos = pos;
  priv->reveal_tries = 0;
  td_column_view_scroll_to (priv->column_view, pos);
  priv->reveal_source = g_timeout_add (10, reveal_cb, self);
}
