/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Scores section.
 *
 * Two views of the bloc-year's scores, for the two ways a clerk works:
 *   - One unit: every criterion with its rule, the self-score, the
 *     assessed score, their difference, the unit's evidence and the
 *     assessor's note; subtotals per
 *     section and the grand totals (self, assessed, final) follow each edit;
 *   - Matrix: criteria × member units for one source, to type in a pile of
 *     paper forms column by column.
 *
 * Model chain of each view (one flat list in the table's pre-order, the tree
 * shown by indentation, a "Total" row at the bottom):
 *
 *   TdScores (core, in memory) ─┐
 *   GListStore of TdCriterionItem → GtkFilterListModel ("only differences")
 *     → GtkNoSelection → GtkColumnView (one factory per column)
 *
 * An edit is validated and saved by the core (td_criterion_parse_input,
 * td_scores_set_entry: one transaction with its audit row), which
 * recomputes that one unit only; the page then refreshes the few bound
 * labels in place instead of rebinding rows, so the focus and the typing
 * flow are never interrupted.  Cells are found by (node index, column),
 * which stays valid while the filter changes row positions. */
#include "config.h"

#include "td-scores-page.h"
#include "td-bloc-year-prompt.h"
#include "td-criterion-item.h"
#include "td-lazy-tooltip.h"
#include "td-registry.h"
#include "td-score-history.h"
#include "td-score-totals.h"
#include "td-sheet-builders.h"
#include "td-window.h"

#include <glib/gi18n.h>

#define INDENT_PX 16
#define N_UNIT_COLS 4
#define KEY(node, col) GINT_TO_POINTER (((node) + 1) * 1024 + (gint)(col))

typedef enum
{
  KIND_CODE,
  KIND_TITLE,
  KIND_RULE,
  KIND_SELF,
  KIND_ASSESSED,
  KIND_DIFF,
  KIND_EVIDENCE,
  KIND_ASSESSED_EVIDENCE,
  KIND_HISTORY,
  KIND_MATRIX_UNIT,
} CellKind;

struct _TdScoresPage
{
  TdSectionPage parent_instance;

  GtkStack *stack;
  TdBlocYearPrompt *prompt;
  AdwStatusPage *no_table_page;
  GtkDropDown *unit_dropdown;
  GtkDropDown *source_dropdown;
  GtkToggleButton *differ_toggle;
  AdwViewStack *view_stack;
  GtkColumnView *unit_view;
  GtkColumnView *matrix_view;
  TdScoreTotals *totals_bar;
  GtkWidget *history_popover;

  GListStore *unit_store;
  GListStore *matrix_store;
  GtkFilterListModel *unit_filtered;
  GtkFilterListModel *matrix_filtered;
  GtkCustomFilter *unit_filter;
  GtkCustomFilter *matrix_filter;
  GtkStringList *unit_names;
  GPtrArray *members;        /* TdMember*, as in the unit dropdown */
  GArray *member_unit;       /* guint: the scores' unit index of each member */
  GPtrArray *matrix_columns; /* GtkColumnViewColumn* of the units */
  GPtrArray *items;          /* TdCriterionItem of the loaded table, for both views */
  GHashTable *pending;       /* bound widgets off screen, filled when the window is idle */
  guint pending_source;
  /* A cell to focus once its row is scrolled into sight (move_focus). */
  guint focus_later_source;
  gboolean focus_later_matrix;
  gint focus_later_node;
  guint focus_later_column;
  guint focus_later_tries;
  GtkWidget *focus_later_from; /* compared only, never used */
  GHashTable *unit_cells;      /* KEY (node, column) → TdScoreCell */
  GHashTable *matrix_cells;
  GHashTable *bound;               /* bound widgets whose text follows the totals */
  GHashTable *unit_diffs;          /* node index → TdPoints* delta, for the shown unit */
  GHashTable *unit_differ;         /* node indices (with ancestors) that differ, shown unit */
  GHashTable *matrix_differ;       /* the same over every unit */
  GHashTable *matrix_cell_differs; /* KEY (node, member) where assessed ≠ self */

  TdCriteriaTable *table;
  TdScores *scores;
  guint member; /* index into members of the one-unit view */
  TdSource matrix_source;
  gboolean saving;
  gboolean filling;
};

G_DEFINE_FINAL_TYPE (TdScoresPage, td_scores_page, TD_TYPE_SECTION_PAGE)

static void flush_pending (TdScoresPage *self);

static gboolean
is_writable (TdScoresPage *self)
{
  return td_section_page_is_writable (TD_SECTION_PAGE (self));
}

static guint
n_members (TdScoresPage *self)
{
  return self->members ? self->members->len : 0;
}

static guint
unit_of_member (TdScoresPage *self, guint member)
{
  return g_array_index (self->member_unit, guint, member);
}

static gboolean
has_unit (TdScoresPage *self)
{
  return self->scores != NULL && self->member < n_members (self);
}

/* Differences */

static void
mark_with_ancestors (TdCriteriaTable *table, GHashTable *set, gint index)
{
  while (index >= 0 && !g_hash_table_contains (set, GINT_TO_POINTER (index + 1)))
    {
      g_hash_table_add (set, GINT_TO_POINTER (index + 1));
      index = td_criteria_table_get_node (table, index)->parent;
    }
}

static void
compute_unit_differences (TdScoresPage *self)
{
  g_autoptr (GArray) diffs = NULL;

  g_hash_table_remove_all (self->unit_diffs);
  g_hash_table_remove_all (self->unit_differ);
  if (!has_unit (self))
    return;
  diffs = td_scores_get_differences (self->scores, unit_of_member (self, self->member));
  for (guint i = 0; diffs != NULL && i < diffs->len; i++)
    {
      TdDifference *d = &g_array_index (diffs, TdDifference, i);

      g_hash_table_insert (self->unit_diffs, GINT_TO_POINTER (d->index + 1),
                           g_memdup2 (&d->delta, sizeof d->delta));
      mark_with_ancestors (self->table, self->unit_differ, d->index);
    }
}

static void
compute_matrix_differences (TdScoresPage *self)
{
  g_hash_table_remove_all (self->matrix_differ);
  g_hash_table_remove_all (self->matrix_cell_differs);
  for (guint m = 0; self->scores != NULL && m < n_members (self); m++)
    {
      g_autoptr (GArray) diffs = td_scores_get_differences (self->scores, unit_of_member (self, m));

      for (guint i = 0; diffs != NULL && i < diffs->len; i++)
        {
          gint index = g_array_index (diffs, TdDifference, i).index;

          mark_with_ancestors (self->table, self->matrix_differ, index);
          g_hash_table_add (self->matrix_cell_differs, KEY (index, m));
        }
    }
}

static gboolean
filter_unit (gpointer item, gpointer data)
{
  TdScoresPage *self = data;
  gint index = td_criterion_item_get_index (item);

  return index < 0 || g_hash_table_contains (self->unit_differ, GINT_TO_POINTER (index + 1));
}

static gboolean
filter_matrix (gpointer item, gpointer data)
{
  TdScoresPage *self = data;
  gint index = td_criterion_item_get_index (item);

  return index < 0 || g_hash_table_contains (self->matrix_differ, GINT_TO_POINTER (index + 1));
}

static void
apply_filters (TdScoresPage *self)
{
  gboolean only = gtk_toggle_button_get_active (self->differ_toggle);

  gtk_filter_list_model_set_filter (self->unit_filtered,
                                    only ? GTK_FILTER (self->unit_filter) : NULL);
  gtk_filter_list_model_set_filter (self->matrix_filtered,
                                    only ? GTK_FILTER (self->matrix_filter) : NULL);
  if (only)
    {
      gtk_filter_changed (GTK_FILTER (self->unit_filter), GTK_FILTER_CHANGE_DIFFERENT);
      gtk_filter_changed (GTK_FILTER (self->matrix_filter), GTK_FILTER_CHANGE_DIFFERENT);
    }
}

/* Totals bar */

static void
update_totals (TdScoresPage *self)
{
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "matrix") == 0)
    td_score_totals_show_hint (self->totals_bar,
                               _ ("Type one form per column: Enter goes down, Tab goes to the "
                                  "next unit. Totals are in the last row."));
  else if (has_unit (self))
    td_score_totals_show_unit (
        self->totals_bar, td_scores_get_totals (self->scores, unit_of_member (self, self->member)),
        self->table);
}

/* Cells */

static gboolean
cell_has_focus (GtkWidget *widget)
{
  return (gtk_widget_get_state_flags (widget) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0;
}

static void
mark_cell (TdScoreCell *cell, gboolean differs)
{
  GtkWidget *entry = GTK_WIDGET (td_score_cell_get_editable (cell));

  if (differs)
    gtk_widget_add_css_class (entry, "score-differs");
  else
    gtk_widget_remove_css_class (entry, "score-differs");
}

/* An assessed score that differs from the self-score stands out: in the
 * one-unit view next to its signed difference, in the matrix of assessed
 * scores on its own. */
static void
mark_difference (TdScoresPage *self, gint index)
{
  TdScoreCell *cell = g_hash_table_lookup (self->unit_cells, KEY (index, TD_SCORES_COL_ASSESSED));

  if (cell != NULL)
    mark_cell (cell, g_hash_table_contains (self->unit_diffs, GINT_TO_POINTER (index + 1)));
}

static void
mark_matrix_difference (TdScoresPage *self, gint index, guint member)
{
  TdScoreCell *cell = g_hash_table_lookup (self->matrix_cells, KEY (index, member));

  if (cell != NULL)
    mark_cell (cell, self->matrix_source == TD_SOURCE_ASSESSED
                         && g_hash_table_contains (self->matrix_cell_differs, KEY (index, member)));
}

static void
fill_score (TdScoresPage *self, GtkWidget *box, TdCriterionItem *item, TdSource source, guint unit,
            GHashTable *cells, guint column)
{
  TdScoreCell *cell = TD_SCORE_CELL (gtk_widget_get_first_child (box));
  GtkWidget *label = gtk_widget_get_last_child (box);
  gint index = td_criterion_item_get_index (item);
  TdCriterion *c = td_criterion_item_get_criterion (item);
  g_autofree gchar *text = NULL;

  gtk_widget_remove_css_class (label, "score-subtotal");
  gtk_widget_remove_css_class (label, "score-total");
  if (c == NULL || td_rule_kind_get_input (c->kind) == TD_INPUT_NONE)
    {
      const TdUnitTotals *totals = td_scores_get_totals (self->scores, unit);
      TdPoints value = c == NULL ? totals->table[source].total
                                 : td_scores_node_totals (self->scores, unit, index, source).total;

      gtk_widget_set_visible (GTK_WIDGET (cell), FALSE);
      gtk_widget_set_visible (label, TRUE);
      text = td_points_format (value);
      gtk_label_set_text (GTK_LABEL (label), text);
      gtk_widget_add_css_class (label, c == NULL ? "score-total" : "score-subtotal");
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (cell), TRUE);
  gtk_widget_set_visible (label, FALSE);
  td_score_cell_set_key (cell, index, column);
  g_hash_table_insert (cells, KEY (index, column), cell);
  if (cells == self->unit_cells && column == TD_SCORES_COL_ASSESSED)
    mark_difference (self, index);
  else if (cells == self->matrix_cells)
    mark_matrix_difference (self, index, column);
  if (cell_has_focus (GTK_WIDGET (cell)))
    return;

  {
    const TdEntry *entry = td_scores_get_entry (self->scores, unit, index, source);
    g_autofree gchar *hint = td_criterion_input_hint (c);

    if (td_rule_kind_get_input (c->kind) == TD_INPUT_OPTION)
      {
        g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

        for (guint i = 0; i < c->options->len; i++)
          {
            const TdRuleOption *o = g_ptr_array_index (c->options, i);
            g_autofree gchar *p = td_points_format_signed (o->points);

            g_ptr_array_add (labels, g_strdup_printf ("%s (%s)", o->label, p));
          }
        g_ptr_array_add (labels, NULL);
        td_score_cell_set_choices (cell, (const char *const *)labels->pdata,
                                   entry && entry->option >= 0 ? (guint)entry->option
                                                               : GTK_INVALID_LIST_POSITION);
      }
    else
      {
        text = td_criterion_format_input (c, entry);
        td_score_cell_set_text (cell, text);
        td_score_cell_set_placeholder (cell, hint);
      }
    td_score_cell_set_error (cell, NULL);
    td_lazy_tooltip_set (GTK_WIDGET (cell), hint);
    td_score_cell_set_editable (cell, is_writable (self));
  }
}

/* The evidence of @source's entry: the unit's own (documents, numbers) on
 * the self entry, the assessor's note on the assessed one. */
static void
fill_evidence (TdScoresPage *self, TdScoreCell *cell, TdCriterionItem *item, TdSource source)
{
  gint index = td_criterion_item_get_index (item);
  TdCriterion *c = td_criterion_item_get_criterion (item);
  guint column
      = source == TD_SOURCE_SELF ? TD_SCORES_COL_EVIDENCE : TD_SCORES_COL_ASSESSED_EVIDENCE;
  const TdEntry *entry;

  /* Evidence belongs to an entry: headings without a rule have none. */
  gtk_widget_set_visible (GTK_WIDGET (cell),
                          c != NULL && td_rule_kind_get_input (c->kind) != TD_INPUT_NONE);
  if (c == NULL || td_rule_kind_get_input (c->kind) == TD_INPUT_NONE)
    return;
  td_score_cell_set_key (cell, index, column);
  g_hash_table_insert (self->unit_cells, KEY (index, column), cell);
  if (cell_has_focus (GTK_WIDGET (cell)))
    return;
  entry = td_scores_get_entry (self->scores, unit_of_member (self, self->member), index, source);
  td_score_cell_set_text (cell, entry ? entry->evidence : "");
  if (source == TD_SOURCE_SELF)
    td_score_cell_set_placeholder (cell, c->guidance && *c->guidance ? c->guidance : "");
  td_lazy_tooltip_set (GTK_WIDGET (cell), entry ? entry->evidence : NULL);
  td_score_cell_set_editable (cell, is_writable (self));
}

static void
fill_diff (TdScoresPage *self, GtkWidget *label, TdCriterionItem *item)
{
  gint index = td_criterion_item_get_index (item);
  TdCriterion *c = td_criterion_item_get_criterion (item);
  guint unit = unit_of_member (self, self->member);
  TdPoints delta = 0;
  gboolean show;
  g_autofree gchar *text = NULL;

  if (c == NULL)
    {
      const TdUnitTotals *totals = td_scores_get_totals (self->scores, unit);
      delta = totals->table[TD_SOURCE_FINAL].total - totals->table[TD_SOURCE_SELF].total;
      show = delta != 0;
    }
  else if (c->n_children > 0 || td_rule_kind_get_input (c->kind) == TD_INPUT_NONE)
    {
      delta = td_scores_node_totals (self->scores, unit, index, TD_SOURCE_FINAL).total
              - td_scores_node_totals (self->scores, unit, index, TD_SOURCE_SELF).total;
      show = g_hash_table_contains (self->unit_differ, GINT_TO_POINTER (index + 1));
    }
  else
    {
      TdPoints *d = g_hash_table_lookup (self->unit_diffs, GINT_TO_POINTER (index + 1));
      show = d != NULL;
      delta = d ? *d : 0;
    }
  text = show ? td_score_format_delta (delta) : NULL;
  gtk_label_set_text (GTK_LABEL (label), text ? text : "");
  td_score_style_delta (label, show ? delta : 0);
}

/* Fills a bound widget from its row: at bind, after a reload that kept the
 * rows, and when a view comes back into sight. */
static void
fill_widget (TdScoresPage *self, GtkWidget *widget)
{
  CellKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "kind"));
  TdCriterionItem *item = g_object_get_data (G_OBJECT (widget), "item");
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "column"));
  TdCriterion *c;
  g_autofree gchar *rule = NULL;

  if (item == NULL || self->scores == NULL)
    return;
  c = td_criterion_item_get_criterion (item);
  switch (kind)
    {
    case KIND_CODE:
      gtk_label_set_text (GTK_LABEL (widget), c ? c->code : "");
      gtk_widget_set_margin_start (widget, c ? c->depth * INDENT_PX : 0);
      break;
    case KIND_TITLE:
      {
        GtkWidget *title = gtk_widget_get_first_child (widget);
        GtkWidget *rule_label = gtk_widget_get_last_child (widget);

        gtk_label_set_text (GTK_LABEL (title), c ? c->title : _ ("Total"));
        td_lazy_tooltip_set (title, c ? c->title : NULL);
        rule = c ? td_criterion_describe_rule (c) : NULL;
        gtk_label_set_text (GTK_LABEL (rule_label), rule ? rule : "");
        gtk_widget_set_visible (rule_label, rule != NULL && *rule);
        gtk_widget_set_margin_start (widget, c ? c->depth * INDENT_PX : 0);
        if (c == NULL || c->depth == 0)
          gtk_widget_add_css_class (title, "criterion-section");
        else
          gtk_widget_remove_css_class (title, "criterion-section");
      }
      break;
    case KIND_RULE:
      rule = c ? td_criterion_describe_rule (c) : NULL;
      gtk_label_set_text (GTK_LABEL (widget), rule ? rule : "");
      td_lazy_tooltip_set (widget, rule);
      break;
    case KIND_HISTORY:
      gtk_widget_set_visible (widget,
                              c != NULL && td_rule_kind_get_input (c->kind) != TD_INPUT_NONE);
      break;
    case KIND_SELF:
    case KIND_ASSESSED:
      if (has_unit (self))
        fill_score (self, widget, item, kind == KIND_SELF ? TD_SOURCE_SELF : TD_SOURCE_ASSESSED,
                    unit_of_member (self, self->member), self->unit_cells,
                    kind == KIND_SELF ? TD_SCORES_COL_SELF : TD_SCORES_COL_ASSESSED);
      break;
    case KIND_MATRIX_UNIT:
      if (column < n_members (self))
        fill_score (self, widget, item, self->matrix_source, unit_of_member (self, column),
                    self->matrix_cells, column);
      break;
    case KIND_DIFF:
      if (has_unit (self))
        fill_diff (self, widget, item);
      break;
    case KIND_EVIDENCE:
    case KIND_ASSESSED_EVIDENCE:
      if (has_unit (self))
        fill_evidence (self, TD_SCORE_CELL (widget), item,
                       kind == KIND_EVIDENCE ? TD_SOURCE_SELF : TD_SOURCE_ASSESSED);
      break;
    default:
      break;
    }
}

/* After one edit of @member (an index into members): only the labels that
 * follow that unit's totals change — subtotals, totals and differences in
 * its matrix column and in the one-unit view when it shows that unit.  The
 * cells keep their text, so a grid of hundreds of cells costs nothing. */
static void
refresh_after_edit (TdScoresPage *self, guint member)
{
  GHashTableIter iter;
  gpointer widget;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &widget, NULL))
    {
      CellKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "kind"));
      TdCriterionItem *item = g_object_get_data (G_OBJECT (widget), "item");
      guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "column"));
      TdCriterion *c = item ? td_criterion_item_get_criterion (item) : NULL;
      gboolean label = c == NULL || td_rule_kind_get_input (c->kind) == TD_INPUT_NONE;

      if (item == NULL)
        continue;
      switch (kind)
        {
        case KIND_SELF:
        case KIND_ASSESSED:
          if (label && member == self->member)
            fill_widget (self, widget);
          break;
        case KIND_DIFF:
          if (member == self->member)
            fill_widget (self, widget);
          break;
        case KIND_MATRIX_UNIT:
          if (label && column == member)
            fill_widget (self, widget);
          break;
        default:
          break;
        }
    }
}

static void
refresh_bound (TdScoresPage *self)
{
  GHashTableIter iter;
  gpointer widget;

  g_hash_table_remove_all (self->pending);
  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &widget, NULL))
    fill_widget (self, widget);
}

/* Moving the focus */

/* GTK 4.8 has no gtk_column_view_scroll_to: its inner list view has the
 * "list.scroll-to-item" action. */
static void
scroll_to (GtkColumnView *view, guint position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

static gboolean
is_editable_item (TdCriterionItem *item)
{
  TdCriterion *c = td_criterion_item_get_criterion (item);

  return c != NULL && td_rule_kind_get_input (c->kind) != TD_INPUT_NONE;
}

static gboolean
focus_cell_now (TdScoresPage *self, gboolean matrix, gint node, guint column)
{
  TdScoreCell *cell
      = g_hash_table_lookup (matrix ? self->matrix_cells : self->unit_cells, KEY (node, column));

  if (cell == NULL || !gtk_widget_get_mapped (GTK_WIDGET (cell)))
    return FALSE;
  td_score_cell_focus (cell);
  return TRUE;
}

/* The row is being scrolled to: the cell is focused once it is on screen,
 * unless the clerk has gone elsewhere meanwhile (a popover, another
 * cell), and never after the page is gone. */
static gboolean
focus_later_cb (gpointer data)
{
  TdScoresPage *self = data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && focus != self->focus_later_from
      && !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    {
      self->focus_later_source = 0;
      return G_SOURCE_REMOVE;
    }
  if (focus_cell_now (self, self->focus_later_matrix, self->focus_later_node,
                      self->focus_later_column)
      || ++self->focus_later_tries > 20)
    {
      self->focus_later_source = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
move_focus (TdScoresPage *self, gboolean matrix, gint node, guint column, TdCellMove move)
{
  GListModel *model = G_LIST_MODEL (matrix ? self->matrix_filtered : self->unit_filtered);
  guint n = g_list_model_get_n_items (model);
  guint n_cols = matrix ? n_members (self) : N_UNIT_COLS;
  gint pos = -1;
  gint step;
  gboolean wrap;

  flush_pending (self);

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

  wrap = FALSE;
  if (move == TD_CELL_MOVE_NEXT)
    {
      if (column + 1 < n_cols)
        column++;
      else
        column = 0, wrap = TRUE;
      step = 1;
    }
  else if (move == TD_CELL_MOVE_PREV)
    {
      if (column > 0)
        column--;
      else
        column = n_cols - 1, wrap = TRUE;
      step = -1;
    }
  else
    {
      wrap = TRUE;
      step = move == TD_CELL_MOVE_DOWN ? 1 : -1;
    }

  if (wrap)
    {
      for (pos += step; pos >= 0 && pos < (gint)n; pos += step)
        {
          g_autoptr (TdCriterionItem) item = g_list_model_get_item (model, pos);
          if (is_editable_item (item))
            {
              node = td_criterion_item_get_index (item);
              break;
            }
        }
      if (pos < 0 || pos >= (gint)n)
        return;
    }

  if (!focus_cell_now (self, matrix, node, column))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      g_clear_handle_id (&self->focus_later_source, g_source_remove);
      self->focus_later_matrix = matrix;
      self->focus_later_node = node;
      self->focus_later_column = column;
      self->focus_later_tries = 0;
      self->focus_later_from = root ? gtk_root_get_focus (root) : NULL;
      scroll_to (matrix ? self->matrix_view : self->unit_view, pos);
      self->focus_later_source = g_timeout_add (10, focus_later_cb, self);
    }
}

/* Saving */

static gboolean
refuse (TdScoresPage *self, TdScoreCell *cell, const TdCriterion *c, const GError *error)
{
  g_autofree gchar *hint = c ? td_criterion_input_hint (c) : NULL;
  g_autofree gchar *tooltip = NULL;

  /* Translators: the tooltip of a refused score cell: the reason, then the
   * allowed values, e.g. "… (allowed: 0 – 3)" */
  tooltip = hint ? g_strdup_printf (_ ("%s (allowed: %s)"), error->message, hint)
                 : g_strdup (error->message);
  td_score_cell_set_error (cell, tooltip);
  td_window_toast_text (GTK_WIDGET (self), tooltip);
  return FALSE;
}

static gboolean
save_value (TdScoresPage *self, TdScoreCell *cell, guint unit, gint index, TdSource source,
            const char *text)
{
  TdCriterion *c = td_criteria_table_get_node (self->table, index);
  const TdEntry *old = td_scores_get_entry (self->scores, unit, index, source);
  g_autoptr (TdEntry) entry = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree gchar *shown = NULL;
  gboolean ok;
  g_autofree gchar *stripped = g_strstrip (g_strdup (text));

  if (*stripped == '\0')
    {
      /* An emptied cell is "not scored". */
      if (old == NULL)
        return TRUE;
      self->saving = TRUE;
      ok = td_scores_clear_entry (self->scores, td_section_db (self), unit, index, source, &error);
      self->saving = FALSE;
      if (!ok)
        return refuse (self, cell, NULL, error);
      td_score_cell_set_text (cell, "");
      return TRUE;
    }

  if (old != NULL)
    entry = td_entry_copy (old);
  else
    entry = td_entry_new (td_scores_get_unit_id (self->scores, unit), c->id, source);
  if (td_rule_kind_get_input (c->kind) == TD_INPUT_OPTION && td_score_cell_is_choice (cell))
    {
      /* The dropdown gives the option's index; the core takes its number. */
      g_autofree gchar *number
          = g_strdup_printf ("%u", (guint)g_ascii_strtoull (stripped, NULL, 10) + 1);
      ok = td_criterion_parse_input (c, number, entry, &error);
    }
  else
    ok = td_criterion_parse_input (c, stripped, entry, &error);
  if (!ok)
    return refuse (self, cell, c, error);

  self->saving = TRUE;
  ok = td_scores_set_entry (self->scores, td_section_db (self), unit, index, entry, &error);
  self->saving = FALSE;
  if (!ok)
    return refuse (self, cell, c, error);
  if (!td_score_cell_is_choice (cell))
    {
      shown = td_criterion_format_input (c, entry);
      td_score_cell_set_text (cell, shown);
    }
  return TRUE;
}

static gboolean
save_evidence (TdScoresPage *self, TdScoreCell *cell, guint unit, gint index, TdSource source,
               const char *text)
{
  const TdEntry *old = td_scores_get_entry (self->scores, unit, index, source);
  g_autoptr (TdEntry) entry = NULL;
  g_autoptr (GError) error = NULL;
  gboolean ok;

  if (old == NULL)
    {
      g_set_error_literal (&error, TD_ERROR, TD_ERROR_INVALID,
                           source == TD_SOURCE_SELF
                               ? _ ("Evidence belongs to a self-score: enter the self-score of "
                                    "this criterion first.")
                               : _ ("The assessment note belongs to an assessed score: enter the "
                                    "assessed score of this criterion first."));
      return refuse (self, cell, NULL, error);
    }
  entry = td_entry_copy (old);
  g_free (entry->evidence);
  entry->evidence = g_strstrip (g_strdup (text));
  if (g_str_equal (entry->evidence, old->evidence))
    return TRUE;
  self->saving = TRUE;
  ok = td_scores_set_entry (self->scores, td_section_db (self), unit, index, entry, &error);
  self->saving = FALSE;
  if (!ok)
    return refuse (self, cell, NULL, error);
  td_score_cell_set_text (cell, entry->evidence);
  td_lazy_tooltip_set (GTK_WIDGET (cell), entry->evidence);
  return TRUE;
}

static gboolean
on_cell_commit (TdScoreCell *cell, const char *text, int move, TdScoresPage *self)
{
  gboolean matrix = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "matrix"));
  gint index = td_score_cell_get_row (cell);
  guint column = td_score_cell_get_column (cell);
  gboolean ok = TRUE;

  if (self->scores == NULL || self->filling)
    return FALSE;
  flush_pending (self);
  if (text != NULL)
    {
      guint unit;

      if (!is_writable (self))
        return FALSE;
      if (matrix)
        {
          if (column >= n_members (self))
            return FALSE;
          unit = unit_of_member (self, column);
          ok = save_value (self, cell, unit, index, self->matrix_source, text);
        }
      else
        {
          unit = unit_of_member (self, self->member);
          if (column == TD_SCORES_COL_EVIDENCE || column == TD_SCORES_COL_ASSESSED_EVIDENCE)
            ok = save_evidence (
                self, cell, unit, index,
                column == TD_SCORES_COL_EVIDENCE ? TD_SOURCE_SELF : TD_SOURCE_ASSESSED, text);
          else
            ok = save_value (self, cell, unit, index,
                             column == TD_SCORES_COL_SELF ? TD_SOURCE_SELF : TD_SOURCE_ASSESSED,
                             text);
        }
      if (!ok)
        return FALSE;
      compute_unit_differences (self);
      refresh_after_edit (self, matrix ? column : self->member);
      if (!matrix)
        mark_difference (self, index);
      else
        {
          compute_matrix_differences (self);
          mark_matrix_difference (self, index, column);
        }
      update_totals (self);
    }
  move_focus (self, matrix, index, column, move);
  return ok;
}

/* History of a cell */

static void
show_history (TdScoresPage *self, GtkWidget *anchor, gint index, guint unit, gboolean both,
              TdSource source)
{
  g_autoptr (GError) error = NULL;
  graphene_rect_t bounds;

  g_clear_handle_id (&self->focus_later_source, g_source_remove);
  if (self->history_popover == NULL)
    {
      self->history_popover = td_score_history_new ();
      gtk_widget_set_parent (self->history_popover, GTK_WIDGET (self));
    }
  if (!td_score_history_load (TD_SCORE_HISTORY (self->history_popover), td_section_db (self),
                              td_criteria_table_get_node (self->table, index),
                              td_scores_get_unit_id (self->scores, unit), both, source, &error))
    {
      td_window_toast_text (GTK_WIDGET (self), error->message);
      return;
    }
  if (gtk_widget_compute_bounds (anchor, GTK_WIDGET (self), &bounds))
    gtk_popover_set_pointing_to (
        GTK_POPOVER (self->history_popover),
        &(GdkRectangle){ bounds.origin.x, bounds.origin.y, bounds.size.width, bounds.size.height });
  gtk_popover_popup (GTK_POPOVER (self->history_popover));
}

static void
on_history_clicked (GtkButton *button, TdScoresPage *self)
{
  TdCriterionItem *item = g_object_get_data (G_OBJECT (button), "item");

  if (item == NULL || td_criterion_item_is_total (item) || !has_unit (self))
    return;
  show_history (self, GTK_WIDGET (button), td_criterion_item_get_index (item),
                unit_of_member (self, self->member), TRUE, TD_SOURCE_SELF);
}

static void
history_action (GtkWidget *widget, const char *name, GVariant *param)
{
  TdScoresPage *self = TD_SCORES_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *cell = focus ? gtk_widget_get_ancestor (focus, TD_TYPE_SCORE_CELL) : NULL;
  gboolean matrix;
  guint column;

  if (cell == NULL || self->scores == NULL)
    {
      td_window_toast_text (widget, _ ("Put the cursor in a score cell to see its history."));
      return;
    }
  matrix = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "matrix"));
  column = td_score_cell_get_column (TD_SCORE_CELL (cell));
  if (matrix)
    show_history (self, cell, td_score_cell_get_row (TD_SCORE_CELL (cell)),
                  unit_of_member (self, column), FALSE, self->matrix_source);
  else if (has_unit (self))
    show_history (self, cell, td_score_cell_get_row (TD_SCORE_CELL (cell)),
                  unit_of_member (self, self->member),
                  column == TD_SCORES_COL_EVIDENCE || column == TD_SCORES_COL_ASSESSED_EVIDENCE,
                  column == TD_SCORES_COL_ASSESSED ? TD_SOURCE_ASSESSED : TD_SOURCE_SELF);
}

/* Column factories */

static void
setup_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  TdScoresPage *self = g_object_get_data (G_OBJECT (factory), "page");
  CellKind kind = GPOINTER_TO_INT (data);
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  gboolean matrix = kind == KIND_MATRIX_UNIT;
  GtkWidget *widget;

  switch (kind)
    {
    case KIND_SELF:
    case KIND_ASSESSED:
    case KIND_MATRIX_UNIT:
      {
        GtkWidget *cell = td_score_cell_new ();
        GtkWidget *label = gtk_label_new (NULL);

        widget = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
        g_object_set_data (G_OBJECT (cell), "matrix", GINT_TO_POINTER (matrix));
        g_signal_connect (cell, "commit", G_CALLBACK (on_cell_commit), self);
        gtk_widget_set_hexpand (cell, TRUE);
        gtk_label_set_xalign (GTK_LABEL (label), 1.0);
        gtk_widget_set_hexpand (label, TRUE);
        gtk_widget_add_css_class (label, "numeric");
        gtk_widget_set_margin_end (label, 8);
        gtk_box_append (GTK_BOX (widget), cell);
        gtk_box_append (GTK_BOX (widget), label);
      }
      break;
    case KIND_EVIDENCE:
    case KIND_ASSESSED_EVIDENCE:
      widget = td_score_cell_new ();
      td_score_cell_set_xalign (TD_SCORE_CELL (widget), 0.0);
      g_object_set_data (G_OBJECT (widget), "matrix", GINT_TO_POINTER (FALSE));
      g_signal_connect (widget, "commit", G_CALLBACK (on_cell_commit), self);
      break;
    case KIND_HISTORY:
      widget = gtk_button_new_from_icon_name ("document-open-recent-symbolic");
      gtk_widget_add_css_class (widget, "flat");
      td_lazy_tooltip_set (widget, _ ("History of this criterion's scores (Ctrl+H)"));
      gtk_widget_set_focusable (widget, FALSE);
      g_signal_connect (widget, "clicked", G_CALLBACK (on_history_clicked), self);
      break;
    case KIND_TITLE:
      {
        GtkWidget *title = gtk_label_new (NULL);
        GtkWidget *rule = gtk_label_new (NULL);

        widget = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
        gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
        gtk_label_set_xalign (GTK_LABEL (title), 0);
        gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
        gtk_label_set_xalign (GTK_LABEL (rule), 0);
        gtk_label_set_ellipsize (GTK_LABEL (rule), PANGO_ELLIPSIZE_END);
        gtk_widget_add_css_class (rule, "dim-label");
        gtk_widget_add_css_class (rule, "caption");
        gtk_box_append (GTK_BOX (widget), title);
        gtk_box_append (GTK_BOX (widget), rule);
      }
      break;
    default:
      widget = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (widget), kind == KIND_DIFF ? 1.0 : 0.0);
      if (kind == KIND_DIFF)
        {
          gtk_widget_add_css_class (widget, "numeric");
          gtk_widget_add_css_class (widget, "score-diff");
        }
      if (kind == KIND_RULE)
        {
          gtk_label_set_ellipsize (GTK_LABEL (widget), PANGO_ELLIPSIZE_END);
          gtk_widget_add_css_class (widget, "dim-label");
        }
      break;
    }
  g_object_set_data (G_OBJECT (widget), "kind", GINT_TO_POINTER (kind));
  g_object_set_data (G_OBJECT (widget), "column", GUINT_TO_POINTER (column));
  g_object_set_data (G_OBJECT (widget), "in-matrix",
                     g_object_get_data (G_OBJECT (factory), "in-matrix"));
  gtk_list_item_set_child (list_item, widget);
}

static void
bind_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  TdScoresPage *self = g_object_get_data (G_OBJECT (factory), "page");
  GtkWidget *widget = gtk_list_item_get_child (list_item);

  g_object_set_data (G_OBJECT (widget), "item", gtk_list_item_get_item (list_item));
  g_hash_table_add (self->bound, widget);
  self->filling = TRUE;
  fill_widget (self, widget);
  self->filling = FALSE;
}

static void
forget_cell (GHashTable *cells, TdScoreCell *cell)
{
  gpointer key = KEY ((gint)td_score_cell_get_row (cell), td_score_cell_get_column (cell));

  if (g_hash_table_lookup (cells, key) == cell)
    g_hash_table_remove (cells, key);
}

static void
unbind_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  TdScoresPage *self = g_object_get_data (G_OBJECT (factory), "page");
  CellKind kind = GPOINTER_TO_INT (data);
  GtkWidget *widget = gtk_list_item_get_child (list_item);

  g_object_set_data (G_OBJECT (widget), "item", NULL);
  g_hash_table_remove (self->bound, widget);
  g_hash_table_remove (self->pending, widget);
  if (kind == KIND_EVIDENCE || kind == KIND_ASSESSED_EVIDENCE)
    forget_cell (self->unit_cells, TD_SCORE_CELL (widget));
  else if (kind == KIND_SELF || kind == KIND_ASSESSED || kind == KIND_MATRIX_UNIT)
    forget_cell (kind == KIND_MATRIX_UNIT ? self->matrix_cells : self->unit_cells,
                 TD_SCORE_CELL (gtk_widget_get_first_child (widget)));
}

static GtkColumnViewColumn *
add_column (TdScoresPage *self, GtkColumnView *view, const char *title, CellKind kind, guint column,
            int width, gboolean expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *col;

  g_object_set_data (G_OBJECT (factory), "page", self);
  g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (column));
  g_object_set_data (G_OBJECT (factory), "in-matrix", GINT_TO_POINTER (view == self->matrix_view));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (kind));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (kind));
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), GINT_TO_POINTER (kind));
  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (col, TRUE);
  gtk_column_view_column_set_expand (col, expand);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (col, width);
  gtk_column_view_append_column (view, col);
  return col;
}

/* One column per member.  A bloc of the same size keeps its columns (and
 * their cells) with new titles: only the rows are bound again. */
static void
rebuild_matrix_columns (TdScoresPage *self)
{
  if (self->matrix_columns->len != n_members (self))
    {
      for (guint i = 0; i < self->matrix_columns->len; i++)
        gtk_column_view_remove_column (self->matrix_view,
                                       g_ptr_array_index (self->matrix_columns, i));
      g_ptr_array_set_size (self->matrix_columns, 0);
      g_hash_table_remove_all (self->matrix_cells);
    }
  for (guint m = 0; m < n_members (self); m++)
    {
      TdMember *member = g_ptr_array_index (self->members, m);
      const char *title
          = member->short_name && *member->short_name ? member->short_name : member->name;

      if (m < self->matrix_columns->len)
        gtk_column_view_column_set_title (g_ptr_array_index (self->matrix_columns, m), title);
      else
        g_ptr_array_add (self->matrix_columns, add_column (self, self->matrix_view, title,
                                                           KIND_MATRIX_UNIT, m, 84, FALSE));
    }
}

static gboolean
matrix_shown (TdScoresPage *self)
{
  return g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "matrix") == 0;
}

/* Each view gets its rows when it is first shown after a load: binding a
 * 200-criterion table into both views at once would hold up the window. */
static void
ensure_view_loaded (TdScoresPage *self, gboolean matrix)
{
  GListStore *store = matrix ? self->matrix_store : self->unit_store;

  if (self->items == NULL || g_list_model_get_n_items (G_LIST_MODEL (store)) > 0)
    return;
  if (matrix)
    rebuild_matrix_columns (self);
  g_list_store_splice (store, 0, 0, self->items->pdata, self->items->len);
}

/* Loading */

static gboolean
free_scores_later (gpointer scores)
{
  td_scores_free (scores);
  return G_SOURCE_REMOVE;
}

/* Forgets the loaded scores; the rows and their widgets stay for the next
 * table (see update_items). */
static void
forget_scores (TdScoresPage *self)
{
  g_hash_table_remove_all (self->unit_diffs);
  g_hash_table_remove_all (self->unit_differ);
  g_hash_table_remove_all (self->matrix_differ);
  g_hash_table_remove_all (self->matrix_cell_differs);
  /* Freeing a bloc-year's entries takes a couple of milliseconds: done
   * once the new one is painted (nothing refers to them any more). */
  if (self->scores != NULL)
    g_idle_add_full (G_PRIORITY_LOW, free_scores_later, g_steal_pointer (&self->scores), NULL);
  g_clear_pointer (&self->table, td_criteria_table_unref);
}

static void
clear (TdScoresPage *self)
{
  g_list_store_remove_all (self->unit_store);
  g_list_store_remove_all (self->matrix_store);
  g_hash_table_remove_all (self->unit_cells);
  g_hash_table_remove_all (self->matrix_cells);
  g_hash_table_remove_all (self->unit_diffs);
  g_hash_table_remove_all (self->unit_differ);
  g_hash_table_remove_all (self->matrix_differ);
  g_hash_table_remove_all (self->matrix_cell_differs);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->scores, td_scores_free);
  g_clear_pointer (&self->table, td_criteria_table_unref);
}

/* Fills the widgets waiting in pending: all of them, or a batch when
 * called from the idle handler. */
static gboolean
fill_pending (TdScoresPage *self, guint at_most)
{
  GHashTableIter iter;
  gpointer widget;
  guint done = 0;

  self->filling = TRUE;
  g_hash_table_iter_init (&iter, self->pending);
  while (done < at_most && g_hash_table_iter_next (&iter, &widget, NULL))
    {
      g_hash_table_iter_remove (&iter);
      fill_widget (self, widget);
      done++;
    }
  self->filling = FALSE;
  return g_hash_table_size (self->pending) > 0;
}

static gboolean
fill_pending_idle (gpointer data)
{
  TdScoresPage *self = data;

  /* A few milliseconds a turn, so the window keeps drawing. */
  if (fill_pending (self, 150))
    return G_SOURCE_CONTINUE;
  self->pending_source = 0;
  return G_SOURCE_REMOVE;
}

/* Before anything reads or moves between cells, every cell is current. */
static void
flush_pending (TdScoresPage *self)
{
  if (self->pending == NULL || g_hash_table_size (self->pending) == 0)
    return;
  fill_pending (self, G_MAXUINT);
  g_clear_handle_id (&self->pending_source, g_source_remove);
}

/* After a reload that kept the rows: the widgets of the shown view show
 * the old table until filled again.  A long table binds a couple of
 * hundred rows, most of them scrolled out of sight; those on screen are
 * filled now, the others just after the new contents are painted. */
static void
refill_shown_view (TdScoresPage *self)
{
  gboolean matrix = matrix_shown (self);
  GHashTableIter iter;
  gpointer widget;

  self->filling = TRUE;
  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &widget, NULL))
    {
      if (GPOINTER_TO_INT (g_object_get_data (widget, "in-matrix")) != matrix)
        continue;
      /* The list unmaps the rows it keeps out of sight. */
      if (gtk_widget_get_mapped (widget))
        fill_widget (self, widget);
      else
        g_hash_table_add (self->pending, widget);
    }
  self->filling = FALSE;
  if (g_hash_table_size (self->pending) > 0 && self->pending_source == 0)
    self->pending_source = g_idle_add (fill_pending_idle, self);
}

/* The rows of the new table.  Switching bloc or year keeps the rows (and
 * the thousands of widgets bound to them, which take long to make) and
 * points them at the new table's nodes; only the difference in length is
 * added or removed.  The shown view is filled again at once, the other
 * when it is shown (on_view_changed). */
static void
update_items (TdScoresPage *self, guint n_nodes)
{
  GListStore *stores[] = { self->unit_store, self->matrix_store };
  guint n_old;

  if (self->items == NULL)
    {
      self->items = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (self->items, td_criterion_item_new (self->table, -1));
    }
  n_old = self->items->len - 1; /* the last row is the total */
  for (guint i = 0; i < MIN (n_old, n_nodes); i++)
    td_criterion_item_set (g_ptr_array_index (self->items, i), self->table, (gint)i);
  td_criterion_item_set (g_ptr_array_index (self->items, n_old), self->table, -1);
  if (n_nodes > n_old)
    {
      g_autoptr (GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = n_old; i < n_nodes; i++)
        {
          g_ptr_array_add (added, td_criterion_item_new (self->table, (gint)i));
          g_ptr_array_insert (self->items, (gint)i,
                              g_object_ref (g_ptr_array_index (added, i - n_old)));
        }
      for (guint s = 0; s < G_N_ELEMENTS (stores); s++)
        if (g_list_model_get_n_items (G_LIST_MODEL (stores[s])) > 0)
          g_list_store_splice (stores[s], n_old, 0, added->pdata, added->len);
    }
  else if (n_nodes < n_old)
    {
      g_ptr_array_remove_range (self->items, n_nodes, n_old - n_nodes);
      for (guint s = 0; s < G_N_ELEMENTS (stores); s++)
        if (g_list_model_get_n_items (G_LIST_MODEL (stores[s])) > 0)
          g_list_store_splice (stores[s], n_nodes, n_old - n_nodes, NULL, 0);
    }
  if (g_list_model_get_n_items (G_LIST_MODEL (self->matrix_store)) > 0)
    rebuild_matrix_columns (self);

  refill_shown_view (self);
}

static void
reload (TdScoresPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) members = NULL;
  gint64 unit_id = 0;
  guint n_nodes;

  if (has_unit (self))
    unit_id = ((TdMember *)g_ptr_array_index (self->members, self->member))->unit_id;
  self->filling = TRUE;
  forget_scores (self);
  gtk_string_list_splice (self->unit_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->unit_names)), NULL);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_array_set_size (self->member_unit, 0);
  self->filling = FALSE;

  if (td_section_db (self) == NULL || td_section_bloc_year (self) == 0)
    {
      clear (self);
      gtk_stack_set_visible_child_name (self->stack, "no-year");
      rebuild_matrix_columns (self);
      return;
    }
  self->table = td_criteria_load (td_section_db (self), td_section_bloc_year (self), &error);
  if (self->table != NULL)
    self->scores = td_scores_load (td_section_db (self), self->table, &error);
  members = td_registry_list_members (td_section_db (self), td_section_bloc_year (self), &error);
  if (self->table == NULL || self->scores == NULL || members == NULL)
    {
      td_window_toast_text (GTK_WIDGET (self), error ? error->message : "");
      clear (self);
      gtk_stack_set_visible_child_name (self->stack, "no-year");
      rebuild_matrix_columns (self);
      return;
    }

  /* The dropdown and the matrix list the members the core scores. */
  self->members = g_ptr_array_new_with_free_func ((GDestroyNotify)td_member_free);
  self->filling = TRUE;
  self->member = 0;
  for (guint i = 0; i < members->len; i++)
    {
      TdMember *member = g_ptr_array_index (members, i);
      gint unit = td_scores_find_unit (self->scores, member->unit_id);
      guint u = (guint)unit;

      if (unit < 0)
        continue;
      if (member->unit_id == unit_id)
        self->member = self->members->len;
      g_array_append_val (self->member_unit, u);
      gtk_string_list_append (self->unit_names, member->name);
      g_ptr_array_add (self->members, g_ptr_array_steal_index (members, i));
      i--;
    }
  gtk_drop_down_set_selected (self->unit_dropdown, self->member);
  self->filling = FALSE;

  n_nodes = td_criteria_table_get_n_nodes (self->table);
  if (n_nodes == 0 || n_members (self) == 0)
    {
      adw_status_page_set_description (
          self->no_table_page,
          n_nodes == 0 ? _ ("Scores are entered against the year's criteria table. Set up the "
                            "criteria first: paste the table you received or copy last year's.")
                       : _ ("This year has no member units yet. Add the bloc's members in the "
                            "registry first."));
      clear (self);
      gtk_stack_set_visible_child_name (self->stack, "no-table");
      rebuild_matrix_columns (self);
      return;
    }

  compute_unit_differences (self);
  compute_matrix_differences (self);
  update_items (self, n_nodes);
  ensure_view_loaded (self, matrix_shown (self));
  apply_filters (self);
  gtk_stack_set_visible_child_name (self->stack, "scores");
  update_totals (self);
}

/* Toolbar */

static void
setup_name (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (ellipsize)
    {
      /* Long official names must not widen the toolbar past the window. */
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 32);
    }
  gtk_list_item_set_child (list_item, label);
}

static void
bind_name (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  GtkStringObject *item = gtk_list_item_get_item (list_item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)),
                      gtk_string_object_get_string (item));
}

static GtkListItemFactory *
name_factory (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_name), GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_name), NULL);
  return factory;
}

static void
on_unit_selected (GtkDropDown *dropdown, GParamSpec *pspec, TdScoresPage *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->filling || selected == GTK_INVALID_LIST_POSITION || selected == self->member)
    return;
  self->member = selected;
  g_hash_table_remove_all (self->unit_cells);
  compute_unit_differences (self);
  apply_filters (self);
  self->filling = TRUE;
  refresh_bound (self);
  self->filling = FALSE;
  update_totals (self);
}

static void
on_source_selected (GtkDropDown *dropdown, GParamSpec *pspec, TdScoresPage *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected == GTK_INVALID_LIST_POSITION)
    return;
  self->matrix_source = selected == 1 ? TD_SOURCE_ASSESSED : TD_SOURCE_SELF;
  self->filling = TRUE;
  refresh_bound (self);
  self->filling = FALSE;
}

static void
on_differ_toggled (GtkToggleButton *button, GParamSpec *pspec, TdScoresPage *self)
{
  compute_unit_differences (self);
  compute_matrix_differences (self);
  apply_filters (self);
}

static void
on_view_changed (AdwViewStack *stack, GParamSpec *pspec, TdScoresPage *self)
{
  gboolean matrix = g_strcmp0 (adw_view_stack_get_visible_child_name (stack), "matrix") == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->unit_dropdown), !matrix);
  gtk_widget_set_visible (GTK_WIDGET (self->source_dropdown), matrix);
  /* Edits only refresh their own view: bring the other one up to date. */
  if (self->scores != NULL)
    {
      ensure_view_loaded (self, matrix);
      self->filling = TRUE;
      refresh_bound (self);
      self->filling = FALSE;
    }
  update_totals (self);
}

static void
show_view_action (GtkWidget *widget, const char *name, GVariant *param)
{
  TdScoresPage *self = TD_SCORES_PAGE (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, g_variant_get_string (param, NULL));
}

static void
step_unit (TdScoresPage *self, gint step)
{
  gint next = (gint)self->member + step;

  if (next >= 0 && next < (gint)n_members (self))
    gtk_drop_down_set_selected (self->unit_dropdown, next);
}

static void
next_unit_action (GtkWidget *widget, const char *name, GVariant *param)
{
  step_unit (TD_SCORES_PAGE (widget), 1);
}

static void
previous_unit_action (GtkWidget *widget, const char *name, GVariant *param)
{
  step_unit (TD_SCORES_PAGE (widget), -1);
}

static void
toggle_differences_action (GtkWidget *widget, const char *name, GVariant *param)
{
  TdScoresPage *self = TD_SCORES_PAGE (widget);

  gtk_toggle_button_set_active (self->differ_toggle,
                                !gtk_toggle_button_get_active (self->differ_toggle));
}

/* Public, mostly for tests */

TdScores *
td_scores_page_get_scores (TdScoresPage *self)
{
  td_section_page_ensure_loaded (TD_SECTION_PAGE (self));
  return self->scores;
}

/* The unit shown in the one-unit view, 0 when there is none. */
gint64
td_scores_page_get_unit (TdScoresPage *self)
{
  td_section_page_ensure_loaded (TD_SECTION_PAGE (self));
  if (!has_unit (self))
    return 0;
  return ((TdMember *)g_ptr_array_index (self->members, self->member))->unit_id;
}

gboolean
td_scores_page_set_unit (TdScoresPage *self, gint64 unit_id)
{
  td_section_page_ensure_loaded (TD_SECTION_PAGE (self));
  for (guint m = 0; m < n_members (self); m++)
    if (((TdMember *)g_ptr_array_index (self->members, m))->unit_id == unit_id)
      {
        gtk_drop_down_set_selected (self->unit_dropdown, m);
        return TRUE;
      }
  return FALSE;
}

void
td_scores_page_set_matrix_source (TdScoresPage *self, TdSource source)
{
  gtk_drop_down_set_selected (self->source_dropdown, source == TD_SOURCE_ASSESSED ? 1 : 0);
}

TdScoreCell *
td_scores_page_get_cell (TdScoresPage *self, gboolean matrix, gint64 criterion_id, guint column)
{
  gint index;

  td_section_page_ensure_loaded (TD_SECTION_PAGE (self));
  flush_pending (self);
  index = self->table ? td_criteria_table_find (self->table, criterion_id) : -1;

  if (index < 0)
    return NULL;
  return g_hash_table_lookup (matrix ? self->matrix_cells : self->unit_cells, KEY (index, column));
}

const char *
td_scores_page_get_total_text (TdScoresPage *self, TdSource source)
{
  td_section_page_ensure_loaded (TD_SECTION_PAGE (self));
  return td_score_totals_get_text (self->totals_bar, source);
}

guint
td_scores_page_get_n_rows (TdScoresPage *self, gboolean matrix)
{
  td_section_page_ensure_loaded (TD_SECTION_PAGE (self));
  return g_list_model_get_n_items (
      G_LIST_MODEL (matrix ? self->matrix_filtered : self->unit_filtered));
}

/* The section */

static void
td_scores_page_reload (TdSectionPage *page)
{
  reload (TD_SCORES_PAGE (page));
}

static void
td_scores_page_refresh (TdSectionPage *page, const char *what)
{
  /* Our own saves are already in memory; reloading would lose the focus. */
  if (TD_SCORES_PAGE (page)->saving && g_strcmp0 (what, "entries") == 0)
    return;
  td_section_page_reload_when_shown (page);
}

static void
td_scores_page_dispose (GObject *object)
{
  TdScoresPage *self = TD_SCORES_PAGE (object);

  g_clear_pointer (&self->history_popover, gtk_widget_unparent);
  g_clear_handle_id (&self->pending_source, g_source_remove);
  g_clear_handle_id (&self->focus_later_source, g_source_remove);
  G_OBJECT_CLASS (td_scores_page_parent_class)->dispose (object);
}

static void
td_scores_page_finalize (GObject *object)
{
  TdScoresPage *self = TD_SCORES_PAGE (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->scores, td_scores_free);
  g_clear_pointer (&self->table, td_criteria_table_unref);
  g_clear_object (&self->unit_store);
  g_clear_object (&self->matrix_store);
  g_clear_object (&self->unit_filtered);
  g_clear_object (&self->matrix_filtered);
  g_clear_object (&self->unit_filter);
  g_clear_object (&self->matrix_filter);
  g_clear_object (&self->unit_names);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->member_unit, g_array_unref);
  g_clear_pointer (&self->matrix_columns, g_ptr_array_unref);
  g_clear_pointer (&self->unit_cells, g_hash_table_unref);
  g_clear_pointer (&self->matrix_cells, g_hash_table_unref);
  g_clear_pointer (&self->bound, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_pointer (&self->unit_diffs, g_hash_table_unref);
  g_clear_pointer (&self->unit_differ, g_hash_table_unref);
  g_clear_pointer (&self->matrix_differ, g_hash_table_unref);
  g_clear_pointer (&self->matrix_cell_differs, g_hash_table_unref);
  G_OBJECT_CLASS (td_scores_page_parent_class)->finalize (object);
}

static void
td_scores_page_class_init (TdScoresPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TdSectionPageClass *section_class = TD_SECTION_PAGE_CLASS (klass);

  object_class->dispose = td_scores_page_dispose;
  object_class->finalize = td_scores_page_finalize;
  section_class->reload = td_scores_page_reload;
  section_class->refresh = td_scores_page_refresh;
  td_section_page_class_set_section (section_class, "scores", N_ ("Scores"),
                                     "document-edit-symbolic", TD_SHEET_SCORES);

  g_type_ensure (TD_TYPE_BLOC_YEAR_PROMPT);
  g_type_ensure (TD_TYPE_SCORE_TOTALS);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/ThiDua/ui/td-scores-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TdScoresPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TdScoresPage, prompt);
  gtk_widget_class_bind_template_child (widget_class, TdScoresPage, no_table_page);
  gtk_widget_class_bind_template_child (widget_class, TdScoresPage, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TdScoresPage, source_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TdScoresPage, differ_toggle);
  gtk_widget_class_bind_template_child (widget_class, TdScoresPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, TdScoresPage, unit_view);
  gtk_widget_class_bind_template_child (widget_class, TdScoresPage, matrix_view);
  gtk_widget_class_bind_template_child (widget_class, TdScoresPage, totals_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_source_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_differ_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_view_changed);

  gtk_widget_class_install_action (widget_class, "scores.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "scores.next-unit", NULL, next_unit_action);
  gtk_widget_class_install_action (widget_class, "scores.previous-unit", NULL,
                                   previous_unit_action);
  gtk_widget_class_install_action (widget_class, "scores.toggle-differences", NULL,
                                   toggle_differences_action);
  gtk_widget_class_install_action (widget_class, "scores.history", NULL, history_action);

  td_section_page_class_add_shortcut (section_class, TD_SHORTCUT_WINDOW, GDK_KEY_1,
                                      GDK_CONTROL_MASK, "scores.show-view", "s", "unit");
  td_section_page_class_add_shortcut (section_class, TD_SHORTCUT_WINDOW, GDK_KEY_2,
                                      GDK_CONTROL_MASK, "scores.show-view", "s", "matrix");
  td_section_page_class_add_shortcut (section_class, TD_SHORTCUT_WINDOW, GDK_KEY_Page_Down,
                                      GDK_ALT_MASK, "scores.next-unit", NULL);
  td_section_page_class_add_shortcut (section_class, TD_SHORTCUT_WINDOW, GDK_KEY_Page_Up,
                                      GDK_ALT_MASK, "scores.previous-unit", NULL);
  td_section_page_class_add_shortcut (section_class, TD_SHORTCUT_WINDOW, GDK_KEY_d,
                                      GDK_CONTROL_MASK, "scores.toggle-differences", NULL);
  td_section_page_class_add_shortcut (section_class, TD_SHORTCUT_WINDOW, GDK_KEY_h,
                                      GDK_CONTROL_MASK, "scores.history", NULL);
}

static void
td_scores_page_init (TdScoresPage *self)
{
  g_autoptr (GtkStringList) sources = gtk_string_list_new (NULL);
  g_autoptr (GtkNoSelection) unit_selection = NULL;
  g_autoptr (GtkNoSelection) matrix_selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  g_object_bind_property (self, "database", self->prompt, "database", G_BINDING_SYNC_CREATE);

  self->unit_cells = g_hash_table_new (NULL, NULL);
  self->matrix_cells = g_hash_table_new (NULL, NULL);
  self->bound = g_hash_table_new (NULL, NULL);
  self->pending = g_hash_table_new (NULL, NULL);
  self->unit_diffs = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->unit_differ = g_hash_table_new (NULL, NULL);
  self->matrix_differ = g_hash_table_new (NULL, NULL);
  self->matrix_cell_differs = g_hash_table_new (NULL, NULL);
  self->member_unit = g_array_new (FALSE, FALSE, sizeof (guint));
  self->matrix_columns = g_ptr_array_new_with_free_func (g_object_unref);
  self->matrix_source = TD_SOURCE_SELF;

  self->unit_names = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->unit_dropdown, G_LIST_MODEL (self->unit_names));
  gtk_drop_down_set_expression (
      self->unit_dropdown, gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  {
    g_autoptr (GtkListItemFactory) button = name_factory (TRUE);
    g_autoptr (GtkListItemFactory) list = name_factory (FALSE);

    gtk_drop_down_set_factory (self->unit_dropdown, button);
    gtk_drop_down_set_list_factory (self->unit_dropdown, list);
  }
  gtk_string_list_append (sources, td_source_get_label (TD_SOURCE_SELF));
  gtk_string_list_append (sources, td_source_get_label (TD_SOURCE_ASSESSED));
  gtk_drop_down_set_model (self->source_dropdown, G_LIST_MODEL (sources));

  self->unit_store = g_list_store_new (TD_TYPE_CRITERION_ITEM);
  self->matrix_store = g_list_store_new (TD_TYPE_CRITERION_ITEM);
  self->unit_filter = gtk_custom_filter_new (filter_unit, self, NULL);
  self->matrix_filter = gtk_custom_filter_new (filter_matrix, self, NULL);
  self->unit_filtered
      = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->unit_store)), NULL);
  self->matrix_filtered
      = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->matrix_store)), NULL);
  unit_selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->unit_filtered)));
  matrix_selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->matrix_filtered)));
  gtk_column_view_set_model (self->unit_view, GTK_SELECTION_MODEL (unit_selection));
  gtk_column_view_set_model (self->matrix_view, GTK_SELECTION_MODEL (matrix_selection));

  g_object_unref (add_column (self, self->unit_view, _ ("Code"), KIND_CODE, 0, 70, FALSE));
  g_object_unref (add_column (self, self->unit_view, _ ("Criterion"), KIND_TITLE, 0, -1, TRUE));
  g_object_unref (add_column (self, self->unit_view, _ ("Self-score"), KIND_SELF, 0, 96, FALSE));
  g_object_unref (add_column (self, self->unit_view, _ ("Assessed"), KIND_ASSESSED, 0, 96, FALSE));
  g_object_unref (add_column (self, self->unit_view, _ ("Difference"), KIND_DIFF, 0, 84, FALSE));
  g_object_unref (add_column (self, self->unit_view, _ ("Evidence"), KIND_EVIDENCE, 0, 150, FALSE));
  g_object_unref (add_column (self, self->unit_view, _ ("Assessment note"), KIND_ASSESSED_EVIDENCE,
                              0, 140, FALSE));
  g_object_unref (add_column (self, self->unit_view, "", KIND_HISTORY, 0, 44, FALSE));

  g_object_unref (add_column (self, self->matrix_view, _ ("Code"), KIND_CODE, 0, 80, FALSE));
  g_object_unref (add_column (self, self->matrix_view, _ ("Criterion"), KIND_TITLE, 0, 280, FALSE));

  on_view_changed (self->view_stack, NULL, self);
}
