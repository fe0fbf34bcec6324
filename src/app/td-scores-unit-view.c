/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The one-unit view of the Scores section.
 *
 * Every criterion with its rule, the self-score, the assessed score, the
 * signed difference, the unit's evidence (document numbers, notes) and the
 * assessor's note, for the member chosen in the section's drop-down.  An
 * assessed score that differs from the self-score stands out, and "only
 * differences" keeps those rows with their headings. */
#include "config.h"

#include "td-scores-unit-view.h"
#include "td-lazy-tooltip.h"
#include "td-score-totals.h"
#include "td-scores-page.h"

#include <glib/gi18n.h>

#define N_UNIT_COLS 4

struct _TdScoresUnitView
{
  TdScoresView parent_instance;

  GHashTable *diffs; /* node index + 1 → TdPoints* delta */
};

G_DEFINE_FINAL_TYPE (TdScoresUnitView, td_scores_unit_view, TD_TYPE_SCORES_VIEW)

void
td_scores_unit_view_forget_differences (TdScoresUnitView *self)
{
  g_hash_table_remove_all (self->diffs);
  td_scores_view_forget_differences (TD_SCORES_VIEW (self));
}

void
td_scores_unit_view_compute_differences (TdScoresUnitView *self)
{
  TdScoresState *state = td_scores_view_get_state (TD_SCORES_VIEW (self));
  g_autoptr (GArray) diffs = NULL;

  td_scores_unit_view_forget_differences (self);
  if (!td_scores_state_has_unit (state))
    return;
  diffs = td_scores_get_differences (state->scores, td_scores_state_unit_of (state, state->member));
  for (guint i = 0; diffs != NULL && i < diffs->len; i++)
    {
      TdDifference *d = &g_array_index (diffs, TdDifference, i);

      g_hash_table_insert (self->diffs, GINT_TO_POINTER (d->index + 1),
                           g_memdup2 (&d->delta, sizeof d->delta));
      td_scores_view_add_difference (TD_SCORES_VIEW (self), d->index);
    }
}

/* An assessed score that differs from the self-score stands out next to
 * its signed difference. */
void
td_scores_unit_view_mark (TdScoresUnitView *self, gint index)
{
  TdScoreCell *cell
      = td_scores_view_get_cell (TD_SCORES_VIEW (self), index, TD_SCORES_COL_ASSESSED);

  if (cell != NULL)
    td_scores_view_mark_cell (cell,
                              g_hash_table_contains (self->diffs, GINT_TO_POINTER (index + 1)));
}

/* The evidence of @source's entry: the unit's own (documents, numbers) on
 * the self entry, the assessor's note on the assessed one. */
static void
fill_evidence (TdScoresUnitView *self, TdScoreCell *cell, TdCriterionItem *item, TdSource source)
{
  TdScoresState *state = td_scores_view_get_state (TD_SCORES_VIEW (self));
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
  td_scores_view_remember_cell (TD_SCORES_VIEW (self), index, column, cell);
  if (td_scores_view_cell_has_focus (GTK_WIDGET (cell)))
    return;
  entry = td_scores_get_entry (state->scores, td_scores_state_unit_of (state, state->member), index,
                               source);
  td_score_cell_set_text (cell, entry ? entry->evidence : "");
  if (source == TD_SOURCE_SELF)
    td_score_cell_set_placeholder (cell, c->guidance && *c->guidance ? c->guidance : "");
  td_lazy_tooltip_set (GTK_WIDGET (cell), entry ? entry->evidence : NULL);
  td_score_cell_set_editable (cell, state->writable);
}

static void
fill_diff (TdScoresUnitView *self, GtkWidget *label, TdCriterionItem *item)
{
  TdScoresState *state = td_scores_view_get_state (TD_SCORES_VIEW (self));
  gint index = td_criterion_item_get_index (item);
  TdCriterion *c = td_criterion_item_get_criterion (item);
  guint unit = td_scores_state_unit_of (state, state->member);
  TdPoints delta = 0;
  gboolean show;
  g_autofree gchar *text = NULL;

  if (c == NULL)
    {
      const TdUnitTotals *totals = td_scores_get_totals (state->scores, unit);
      delta = totals->table[TD_SOURCE_FINAL].total - totals->table[TD_SOURCE_SELF].total;
      show = delta != 0;
    }
  else if (c->n_children > 0 || td_rule_kind_get_input (c->kind) == TD_INPUT_NONE)
    {
      delta = td_scores_node_totals (state->scores, unit, index, TD_SOURCE_FINAL).total
              - td_scores_node_totals (state->scores, unit, index, TD_SOURCE_SELF).total;
      show = td_scores_view_differs (TD_SCORES_VIEW (self), index);
    }
  else
    {
      TdPoints *d = g_hash_table_lookup (self->diffs, GINT_TO_POINTER (index + 1));
      show = d != NULL;
      delta = d ? *d : 0;
    }
  /* A unit that sent no self-score has nothing to differ from. */
  if (td_scores_get_totals (state->scores, unit)->n_entries[TD_SOURCE_SELF] == 0)
    show = FALSE;
  text = show ? td_score_format_delta (delta) : NULL;
  gtk_label_set_text (GTK_LABEL (label), text ? text : "");
  td_score_style_delta (label, show ? delta : 0);
}

static void
td_scores_unit_view_fill (TdScoresView *view, GtkWidget *widget, TdScoresCellKind kind,
                          TdCriterionItem *item, guint column)
{
  TdScoresUnitView *self = TD_SCORES_UNIT_VIEW (view);
  TdScoresState *state = td_scores_view_get_state (view);

  if (!td_scores_state_has_unit (state))
    return;
  switch (kind)
    {
    case TD_SCORES_KIND_SELF:
      td_scores_view_fill_score (view, widget, item, TD_SOURCE_SELF,
                                 td_scores_state_unit_of (state, state->member), TD_SCORES_COL_SELF,
                                 -1);
      break;
    case TD_SCORES_KIND_ASSESSED:
      td_scores_view_fill_score (
          view, widget, item, TD_SOURCE_ASSESSED, td_scores_state_unit_of (state, state->member),
          TD_SCORES_COL_ASSESSED,
          g_hash_table_contains (self->diffs,
                                 GINT_TO_POINTER (td_criterion_item_get_index (item) + 1)));
      break;
    case TD_SCORES_KIND_DIFF:
      fill_diff (self, widget, item);
      break;
    case TD_SCORES_KIND_EVIDENCE:
    case TD_SCORES_KIND_ASSESSED_EVIDENCE:
      fill_evidence (self, TD_SCORE_CELL (widget), item,
                     kind == TD_SCORES_KIND_EVIDENCE ? TD_SOURCE_SELF : TD_SOURCE_ASSESSED);
      break;
    default:
      break;
    }
}

static guint
td_scores_unit_view_n_columns (TdScoresView *view)
{
  return N_UNIT_COLS;
}

/* The labels that follow the shown unit's totals: subtotals of its two
 * scores and every difference. */
static gboolean
td_scores_unit_view_follows_member (TdScoresView *view, TdScoresCellKind kind, guint column,
                                    guint member, gboolean label)
{
  TdScoresState *state = td_scores_view_get_state (view);

  if (member != state->member)
    return FALSE;
  /* Input rows too: each shows the points its value gives. */
  return kind == TD_SCORES_KIND_DIFF || kind == TD_SCORES_KIND_SELF
         || kind == TD_SCORES_KIND_ASSESSED;
}

static void
td_scores_unit_view_finalize (GObject *object)
{
  TdScoresUnitView *self = TD_SCORES_UNIT_VIEW (object);

  g_clear_pointer (&self->diffs, g_hash_table_unref);
  G_OBJECT_CLASS (td_scores_unit_view_parent_class)->finalize (object);
}

static void
td_scores_unit_view_class_init (TdScoresUnitViewClass *klass)
{
  TdScoresViewClass *view_class = TD_SCORES_VIEW_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = td_scores_unit_view_finalize;
  view_class->fill = td_scores_unit_view_fill;
  view_class->n_columns = td_scores_unit_view_n_columns;
  view_class->follows_member = td_scores_unit_view_follows_member;
}

static void
td_scores_unit_view_init (TdScoresUnitView *self)
{
  self->diffs = g_hash_table_new_full (NULL, NULL, NULL, g_free);
}

TdScoresUnitView *
td_scores_unit_view_new (GtkColumnView *column_view, TdScoresState *state)
{
  TdScoresUnitView *self = g_object_new (TD_TYPE_SCORES_UNIT_VIEW, NULL);
  TdScoresView *view = TD_SCORES_VIEW (self);

  td_scores_view_attach (view, column_view, state);
  td_scores_view_set_show_points (view, TRUE);
  /* At the default window (about 935 px beside the sidebar) the criterion
   * keeps about 175 px; what a wider window adds goes to the criterion,
   * the evidence and the note, which wrap to show their whole text.  The
   * self and assessed scores are wide enough for an option's label
   * ("Bằng khen của Bộ, ngành Trung ương (+1)") on three lines beside the
   * drop-down's arrow. */
  g_object_unref (td_scores_view_add_column (view, _ ("Code"), TD_SCORES_KIND_CODE, 0, 50, FALSE));
  g_object_unref (
      td_scores_view_add_column (view, _ ("Criterion"), TD_SCORES_KIND_TITLE, 0, -1, TRUE));
  g_object_unref (
      td_scores_view_add_column (view, _ ("Self-score"), TD_SCORES_KIND_SELF, 0, 152, FALSE));
  g_object_unref (
      td_scores_view_add_column (view, _ ("Assessed"), TD_SCORES_KIND_ASSESSED, 0, 152, FALSE));
  g_object_unref (
      td_scores_view_add_column (view, _ ("Difference"), TD_SCORES_KIND_DIFF, 0, 84, FALSE));
  g_object_unref (
      td_scores_view_add_column (view, _ ("Evidence"), TD_SCORES_KIND_EVIDENCE, 0, 130, TRUE));
  g_object_unref (td_scores_view_add_column (view, _ ("Assessment note"),
                                             TD_SCORES_KIND_ASSESSED_EVIDENCE, 0, 140, TRUE));
  g_object_unref (td_scores_view_add_column (view, "", TD_SCORES_KIND_HISTORY, 0, 44, FALSE));
  return self;
}
