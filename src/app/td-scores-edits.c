/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How the Scores section saves what the clerk changes, and puts it back.
 *
 * An edit typed in a cell of either view is validated and saved by the
 * core (td_criterion_parse_input, td_scores_set_entry: one transaction
 * with its audit row); a refused one keeps the focus in its cell with the
 * reason and the allowed values.  A block pasted into the matrix is saved
 * in one transaction after its preview.  Each edit or paste is one step of
 * Ctrl+Z, which puts the entries back as they were, saved the same way. */
#include "config.h"

#include "td-lazy-tooltip.h"
#include "td-score-paste.h"
#include "td-scores-page-private.h"
#include "td-window.h"
#include "td-template.h"

#include <glib/gi18n.h>

/* ---- the last edits, for Ctrl+Z ---- */

#define MAX_UNDO 100

/* One saved edit, or one paste of many cells: the entries as they were
 * before (NULL: there was none), put back together. */
typedef struct
{
  TdSource source;
  GArray *units;   /* guint */
  GArray *indices; /* gint */
  GPtrArray *old;  /* TdEntry* or NULL */
} UndoStep;

static void
undo_step_free (gpointer data)
{
  UndoStep *step = data;

  g_array_unref (step->units);
  g_array_unref (step->indices);
  g_ptr_array_unref (step->old);
  g_free (step);
}

static UndoStep *
undo_step_new (TdSource source)
{
  UndoStep *step = g_new0 (UndoStep, 1);

  step->source = source;
  step->units = g_array_new (FALSE, FALSE, sizeof (guint));
  step->indices = g_array_new (FALSE, FALSE, sizeof (gint));
  step->old = g_ptr_array_new_with_free_func ((GDestroyNotify)td_entry_free);
  return step;
}

static void
undo_step_add (UndoStep *step, guint unit, gint index, const TdEntry *old)
{
  g_array_append_val (step->units, unit);
  g_array_append_val (step->indices, index);
  g_ptr_array_add (step->old, old ? td_entry_copy (old) : NULL);
}

static void
remember_step (TdScoresPage *self, UndoStep *step)
{
  if (self->undo->len >= MAX_UNDO)
    g_ptr_array_remove_index (self->undo, 0);
  g_ptr_array_add (self->undo, step);
}

static void
remember_edit (TdScoresPage *self, guint unit, gint index, TdSource source, const TdEntry *old)
{
  UndoStep *step = undo_step_new (source);

  undo_step_add (step, unit, index, old);
  remember_step (self, step);
}

/* Ctrl+Z: puts back the entry the last edit replaced (saved at once, with
 * its audit row, like any edit), and shows it. */
static void
undo_action (GtkWidget *widget, const char *name, GVariant *param)
{
  TdScoresPage *self = TD_SCORES_PAGE (widget);
  g_autoptr (GError) error = NULL;
  UndoStep *step;
  gboolean ok;

  if (self->undo->len == 0 || self->state.scores == NULL || !self->state.writable)
    {
      td_window_toast_text (widget, _ ("Nothing to undo."));
      return;
    }
  step = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  self->saving = TRUE;
  /* A paste is put back as it was made: in one transaction. */
  ok = td_score_paste_save_cells (self->state.scores, td_section_db (self), step->source,
                                  step->units->len, (const guint *)step->units->data,
                                  (const gint *)step->indices->data,
                                  (TdEntry *const *)step->old->pdata, &error);
  self->saving = FALSE;
  undo_step_free (step);
  if (!ok)
    {
      td_window_toast_text (widget, error->message);
      return;
    }
  td_scores_unit_view_compute_differences (self->unit_view);
  td_scores_matrix_view_compute_differences (self->matrix_view);
  /* The cell undone may be the focused one, which a refresh leaves alone. */
  td_scores_view_cancel_focus (TD_SCORES_VIEW (self->unit_view));
  td_scores_view_cancel_focus (TD_SCORES_VIEW (self->matrix_view));
  gtk_widget_grab_focus (GTK_WIDGET (self->view_stack));
  td_scores_page_refresh_view (self, TD_SCORES_VIEW (self->unit_view));
  td_scores_page_refresh_view (self, TD_SCORES_VIEW (self->matrix_view));
  td_scores_page_update_totals (self);
  td_window_toast_text (widget, _ ("Last edit undone."));
}

/* ---- saving ---- */

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

/* Saves @entry for the cell, or clears the cell's entry when @entry is NULL,
 * and keeps @old for Undo; a refusal names what @c allows, when given. */
static gboolean
store_entry (TdScoresPage *self, TdScoreCell *cell, const TdCriterion *c, guint unit, gint index,
             TdSource source, const TdEntry *old, TdEntry *entry)
{
  TdDb *db = td_section_db (self);
  /* Copied first: saving replaces the entry @old points to. */
  g_autoptr (TdEntry) before = old ? td_entry_copy (old) : NULL;
  g_autoptr (GError) error = NULL;
  gboolean ok;

  self->saving = TRUE;
  if (entry != NULL)
    ok = td_scores_set_entry (self->state.scores, db, unit, index, entry, &error);
  else
    ok = td_scores_clear_entry (self->state.scores, db, unit, index, source, &error);
  self->saving = FALSE;
  if (!ok)
    return refuse (self, cell, c, error);
  remember_edit (self, unit, index, source, before);
  return TRUE;
}

static gboolean
save_value (TdScoresPage *self, TdScoreCell *cell, guint unit, gint index, TdSource source,
            const char *text)
{
  TdScores *scores = self->state.scores;
  TdCriterion *c = td_criteria_table_get_node (self->state.table, index);
  const TdEntry *old = td_scores_get_entry (scores, unit, index, source);
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
      if (!store_entry (self, cell, NULL, unit, index, source, old, NULL))
        return FALSE;
      td_score_cell_set_text (cell, "");
      td_scores_view_set_placeholder (&self->state, cell, c, unit, source);
      return TRUE;
    }

  if (old != NULL)
    entry = td_entry_copy (old);
  else
    entry = td_entry_new (td_scores_get_unit_id (scores, unit), c->id, source);
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

  if (!store_entry (self, cell, c, unit, index, source, old, entry))
    return FALSE;
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
  TdScores *scores = self->state.scores;
  const TdEntry *old = td_scores_get_entry (scores, unit, index, source);
  g_autoptr (TdEntry) entry = NULL;
  g_autoptr (GError) error = NULL;

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
  if (!store_entry (self, cell, NULL, unit, index, source, old, entry))
    return FALSE;
  td_score_cell_set_text (cell, entry->evidence);
  td_lazy_tooltip_set (GTK_WIDGET (cell), entry->evidence);
  return TRUE;
}

/* An edit in the one-unit view: its self or assessed score, or the
 * evidence or note kept with them. */
static gboolean
on_unit_save (TdScoresView *view, TdScoreCell *cell, const char *text, TdScoresPage *self)
{
  gint index = td_score_cell_get_row (cell);
  guint column = td_score_cell_get_column (cell);
  guint unit = td_scores_state_unit_of (&self->state, self->state.member);
  gboolean ok;

  if (!self->state.writable)
    return FALSE;
  if (column == TD_SCORES_COL_EVIDENCE || column == TD_SCORES_COL_ASSESSED_EVIDENCE)
    ok = save_evidence (self, cell, unit, index,
                        column == TD_SCORES_COL_EVIDENCE ? TD_SOURCE_SELF : TD_SOURCE_ASSESSED,
                        text);
  else
    ok = save_value (self, cell, unit, index,
                     column == TD_SCORES_COL_SELF ? TD_SOURCE_SELF : TD_SOURCE_ASSESSED, text);
  if (!ok)
    return FALSE;
  td_scores_unit_view_compute_differences (self->unit_view);
  td_scores_view_refresh_after_edit (view, self->state.member);
  td_scores_view_refresh_after_edit (TD_SCORES_VIEW (self->matrix_view), self->state.member);
  td_scores_unit_view_mark (self->unit_view, index);
  td_scores_page_update_totals (self);
  return TRUE;
}

/* An edit in the matrix: the score of the member of that column. */
static gboolean
on_matrix_save (TdScoresView *view, TdScoreCell *cell, const char *text, TdScoresPage *self)
{
  gint index = td_score_cell_get_row (cell);
  guint member = td_score_cell_get_column (cell);

  if (!self->state.writable || member >= td_scores_state_n_members (&self->state))
    return FALSE;
  if (!save_value (self, cell, td_scores_state_unit_of (&self->state, member), index,
                   self->state.matrix_source, text))
    return FALSE;
  td_scores_unit_view_compute_differences (self->unit_view);
  td_scores_view_refresh_after_edit (TD_SCORES_VIEW (self->unit_view), member);
  td_scores_view_refresh_after_edit (view, member);
  td_scores_matrix_view_compute_differences (self->matrix_view);
  td_scores_matrix_view_mark (self->matrix_view, index, member);
  td_scores_page_update_totals (self);
  return TRUE;
}

/* ---- copying and pasting blocks of the matrix ---- */

static void
copy_action (GtkWidget *widget, const char *name, GVariant *param)
{
  td_scores_matrix_view_copy (TD_SCORES_PAGE (widget)->matrix_view);
}

static void
paste_action (GtkWidget *widget, const char *name, GVariant *param)
{
  td_scores_matrix_view_paste (TD_SCORES_PAGE (widget)->matrix_view);
}

/* A paste in the matrix, previewed and applied: saved in one
 * transaction, one step of Ctrl+Z (td-scores-matrix-clipboard.c). */
static void
on_matrix_paste (TdScoresMatrixView *view, TdScorePaste *paste, TdScoresPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree gchar *done = NULL;
  UndoStep *step;
  gboolean ok;

  if (self->state.scores == NULL || !self->state.writable)
    return;
  self->saving = TRUE;
  ok = td_score_paste_apply (paste, self->state.scores, td_section_db (self), &error);
  self->saving = FALSE;
  if (!ok)
    {
      td_window_toast_text (GTK_WIDGET (self), error->message);
      return;
    }
  step = undo_step_new (paste->source);
  for (guint i = 0; i < paste->changes->len; i++)
    {
      const TdScorePasteCell *cell = g_ptr_array_index (paste->changes, i);
      undo_step_add (step, cell->unit, cell->index, cell->before);
    }
  remember_step (self, step);
  td_scores_unit_view_compute_differences (self->unit_view);
  td_scores_matrix_view_compute_differences (self->matrix_view);
  td_scores_view_cancel_focus (TD_SCORES_VIEW (self->matrix_view));
  td_scores_page_refresh_view (self, TD_SCORES_VIEW (self->unit_view));
  td_scores_page_refresh_view (self, TD_SCORES_VIEW (self->matrix_view));
  td_scores_page_update_totals (self);
  done
      = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u cell pasted (Ctrl+Z undoes it).",
                                      "%u cells pasted (Ctrl+Z undoes them).", paste->changes->len),
                         paste->changes->len);
  td_window_toast_text (GTK_WIDGET (self), done);
}

void
td_scores_edits_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "scores.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "scores.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "scores.paste", NULL, paste_action);
}

void
td_scores_edits_init (TdScoresPage *self)
{
  self->undo = g_ptr_array_new_with_free_func (undo_step_free);
  g_signal_connect (self->unit_view, "save", G_CALLBACK (on_unit_save), self);
  g_signal_connect (self->matrix_view, "save", G_CALLBACK (on_matrix_save), self);
  g_signal_connect (self->matrix_view, "paste", G_CALLBACK (on_matrix_paste), self);
}
