/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The matrix view of the Scores section.
 *
 * Criteria × member units for the source chosen in the section (the
 * self-scores or the assessed scores): a clerk types one paper form per
 * column, Enter going down and Tab to the next unit.  Headings show the
 * unit's subtotals and the last row its total. */
#include "config.h"

#include "td-scores-matrix-view.h"

#include <glib/gi18n.h>

#define KEY(node, col) GINT_TO_POINTER (((node) + 1) * 1024 + (gint)(col))

struct _TdScoresMatrixView
{
  TdScoresView parent_instance;

  GPtrArray *columns;       /* GtkColumnViewColumn* of the units */
  GHashTable *differ;       /* node indices + 1 (with ancestors) that differ in any unit */
  GHashTable *cell_differs; /* KEY (node, member) where assessed ≠ self */
};

G_DEFINE_FINAL_TYPE (TdScoresMatrixView, td_scores_matrix_view, TD_TYPE_SCORES_VIEW)

void
td_scores_matrix_view_forget_differences (TdScoresMatrixView *self)
{
  g_hash_table_remove_all (self->differ);
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

          td_scores_differ_add (state->table, self->differ, index);
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

static void
td_scores_matrix_view_fill (TdScoresView *view, GtkWidget *widget, TdScoresCellKind kind,
                            TdCriterionItem *item, guint column)
{
  TdScoresMatrixView *self = TD_SCORES_MATRIX_VIEW (view);
  TdScoresState *state = td_scores_view_get_state (view);

  if (kind == TD_SCORES_KIND_MATRIX_UNIT && column < td_scores_state_n_members (state))
    td_scores_view_fill_score (view, widget, item, state->matrix_source,
                               td_scores_state_unit_of (state, column), column,
                               cell_differs (self, td_criterion_item_get_index (item), column));
}

static gboolean
td_scores_matrix_view_differs (TdScoresView *view, gint index)
{
  return g_hash_table_contains (TD_SCORES_MATRIX_VIEW (view)->differ, GINT_TO_POINTER (index + 1));
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
  g_clear_pointer (&self->differ, g_hash_table_unref);
  g_clear_pointer (&self->cell_differs, g_hash_table_unref);
  G_OBJECT_CLASS (td_scores_matrix_view_parent_class)->finalize (object);
}

static void
td_scores_matrix_view_class_init (TdScoresMatrixViewClass *klass)
{
  TdScoresViewClass *view_class = TD_SCORES_VIEW_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = td_scores_matrix_view_finalize;
  view_class->fill = td_scores_matrix_view_fill;
  view_class->differs = td_scores_matrix_view_differs;
  view_class->n_columns = td_scores_matrix_view_n_columns;
  view_class->follows_member = td_scores_matrix_view_follows_member;
}

static void
td_scores_matrix_view_init (TdScoresMatrixView *self)
{
  self->columns = g_ptr_array_new_with_free_func (g_object_unref);
  self->differ = g_hash_table_new (NULL, NULL);
  self->cell_differs = g_hash_table_new (NULL, NULL);
}

TdScoresMatrixView *
td_scores_matrix_view_new (GtkColumnView *column_view, TdScoresState *state)
{
  TdScoresMatrixView *self = g_object_new (TD_TYPE_SCORES_MATRIX_VIEW, NULL);
  TdScoresView *view = TD_SCORES_VIEW (self);

  td_scores_view_attach (view, column_view, state);
  td_scores_view_set_enter_next_column (view, TRUE);
  g_object_unref (td_scores_view_add_column (view, _ ("Code"), TD_SCORES_KIND_CODE, 0, 80, FALSE));
  g_object_unref (
      td_scores_view_add_column (view, _ ("Criterion"), TD_SCORES_KIND_TITLE, 0, 280, FALSE));
  return self;
}
