/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Scores section.
 *
 * Two views of the bloc-year's scores, for the two ways a clerk works:
 *   - One unit (td-scores-unit-view.c): every criterion with its rule, the
 *     self-score, the assessed score, their difference, the unit's evidence
 *     and the assessor's note; the totals bar follows each edit;
 *   - Matrix (td-scores-matrix-view.c): criteria × member units for one
 *     source, to type in a pile of paper forms column by column.
 * Both share their rows, cells and focus movement (td-scores-view.c,
 * td-scores-view-focus.c).
 *
 * This file loads the table, the scores and the members into the views'
 * shared TdScoresState, runs the toolbar (unit, source, only differences)
 * and shows a cell's history and the meeting's agreed points.  An edit is
 * saved by td-scores-edits.c (with Ctrl+Z and pasted blocks); the core
 * recomputes that one unit only, and the views then refresh the few labels
 * that follow its totals instead of rebinding rows, so the focus and the
 * typing flow are never interrupted. */
#include "config.h"

#include "td-a11y.h"
#include "td-scores-page-private.h"
#include "td-drop-down-search.h"
#include "td-form-import-dialog.h"
#include "td-score-history.h"
#include "td-agreed-dialog.h"
#include "td-sheet-builders.h"
#include "td-window.h"
#include "td-template.h"

#include <glib/gi18n.h>

G_DEFINE_FINAL_TYPE (TdScoresPage, td_scores_page, TD_TYPE_SECTION_PAGE)

static gboolean
matrix_shown (TdScoresPage *self)
{
  return g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "matrix") == 0;
}

static TdScoresView *
view_of (TdScoresPage *self, gboolean matrix)
{
  return matrix ? TD_SCORES_VIEW (self->matrix_view) : TD_SCORES_VIEW (self->unit_view);
}

static void
apply_filters (TdScoresPage *self)
{
  gboolean only = gtk_toggle_button_get_active (self->differ_toggle);

  td_scores_view_set_only_differences (TD_SCORES_VIEW (self->unit_view), only);
  td_scores_view_set_only_differences (TD_SCORES_VIEW (self->matrix_view), only);
}

void
td_scores_page_update_totals (TdScoresPage *self)
{
  if (matrix_shown (self))
    td_score_totals_show_hint (
        self->totals_bar,
        _ ("Type one form per column: Enter goes down, then on to the next unit; arrow keys "
           "move, Shift+arrows choose a block, Ctrl+C copies it, Ctrl+V pastes cells copied "
           "from a spreadsheet, Ctrl+Z undoes. Totals are in the last row."));
  else if (td_scores_state_has_unit (&self->state))
    td_score_totals_show_unit (
        self->totals_bar,
        td_scores_get_totals (self->state.scores,
                              td_scores_state_unit_of (&self->state, self->state.member)),
        self->state.table);
}

/* Fills every bound cell of @view (its contents changed as a whole). */
void
td_scores_page_refresh_view (TdScoresPage *self, TdScoresView *view)
{
  self->state.filling = TRUE;
  td_scores_view_refresh_bound (view);
  self->state.filling = FALSE;
}

/* ---- history of a cell ---- */

static void
show_history (TdScoresPage *self, GtkWidget *anchor, gint index, guint unit, gboolean both,
              TdSource source)
{
  g_autoptr (GError) error = NULL;
  graphene_rect_t bounds;

  td_scores_view_cancel_focus (TD_SCORES_VIEW (self->unit_view));
  td_scores_view_cancel_focus (TD_SCORES_VIEW (self->matrix_view));
  if (self->history_popover == NULL)
    {
      self->history_popover = td_score_history_new ();
      gtk_widget_set_parent (self->history_popover, GTK_WIDGET (self));
    }
  if (!td_score_history_load (TD_SCORE_HISTORY (self->history_popover), td_section_db (self),
                              td_criteria_table_get_node (self->state.table, index),
                              td_scores_get_unit_id (self->state.scores, unit), both, source,
                              &error))
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
on_history_clicked (TdScoresView *view, GtkWidget *button, gint index, TdScoresPage *self)
{
  if (!td_scores_state_has_unit (&self->state))
    return;
  show_history (self, button, index, td_scores_state_unit_of (&self->state, self->state.member),
                TRUE, TD_SOURCE_SELF);
}

/* Scores → Import Self-Score Forms… (td-form-import-dialog.h) */
static void
import_forms_action (GtkWidget *widget, const char *name, GVariant *param)
{
  TdScoresPage *self = TD_SCORES_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (!td_section_page_is_writable (TD_SECTION_PAGE (self)) || td_section_bloc_year (self) == 0)
    {
      td_window_toast_text (widget, _ ("Open a database you can change and choose a bloc and "
                                       "year to import forms into."));
      return;
    }
  gtk_window_present (
      GTK_WINDOW (td_form_import_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                             td_section_db (self), td_section_bloc_year (self))));
}

/* The score cell that has the focus (NULL when none), its row and the
 * unit of its column; *matrix: it is a cell of the matrix. */
static TdScoreCell *
focused_cell (TdScoresPage *self, gint *index, guint *unit, gboolean *matrix)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *cell = focus ? gtk_widget_get_ancestor (focus, TD_TYPE_SCORE_CELL) : NULL;
  guint column;

  if (cell == NULL || self->state.scores == NULL)
    return NULL;
  *matrix = gtk_widget_is_ancestor (cell, GTK_WIDGET (self->matrix_column_view));
  column = td_score_cell_get_column (TD_SCORE_CELL (cell));
  if (!*matrix && !td_scores_state_has_unit (&self->state))
    return NULL;
  *index = (gint)td_score_cell_get_row (TD_SCORE_CELL (cell));
  *unit = td_scores_state_unit_of (&self->state, *matrix ? column : self->state.member);
  return TD_SCORE_CELL (cell);
}

/* Ctrl+H: the history of the cell that has the focus. */
static void
history_action (GtkWidget *widget, const char *name, GVariant *param)
{
  TdScoresPage *self = TD_SCORES_PAGE (widget);
  gboolean matrix = FALSE;
  gint index = 0;
  guint unit = 0, column;
  TdScoreCell *cell = focused_cell (self, &index, &unit, &matrix);

  if (cell == NULL)
    {
      td_window_toast_text (widget, _ ("Put the cursor in a score cell to see its history."));
      return;
    }
  column = td_score_cell_get_column (cell);
  if (matrix)
    show_history (self, GTK_WIDGET (cell), index, unit, FALSE, self->state.matrix_source);
  else
    show_history (self, GTK_WIDGET (cell), index, unit,
                  column == TD_SCORES_COL_EVIDENCE || column == TD_SCORES_COL_ASSESSED_EVIDENCE,
                  column == TD_SCORES_COL_ASSESSED ? TD_SOURCE_ASSESSED : TD_SOURCE_SELF);
}

/* ---- the meeting's agreed points ---- */

typedef struct
{
  GWeakRef page;
  gint64 unit_id;
  gint64 criterion_id;
} AgreedTarget;

static void
agreed_target_free (AgreedTarget *t)
{
  g_weak_ref_clear (&t->page);
  g_free (t);
}

/* Saves or removes the agreed points on the assessed entry; the ids are
 * looked up again, the scores may have been reloaded meanwhile. */
static void
on_agreed_done (gboolean agreed, TdPoints points, const char *reason, gpointer data)
{
  AgreedTarget *t = data;
  g_autoptr (TdScoresPage) self = g_weak_ref_get (&t->page);
  g_autoptr (TdEntry) entry = NULL;
  g_autoptr (GError) error = NULL;
  const TdEntry *old;
  const TdCriterion *c;
  gint unit, index;
  gboolean ok;

  if (self == NULL || self->state.scores == NULL || !self->state.writable)
    return;
  unit = td_scores_find_unit (self->state.scores, t->unit_id);
  index = td_criteria_table_find (self->state.table, t->criterion_id);
  if (unit < 0 || index < 0)
    {
      td_window_toast_text (GTK_WIDGET (self), _ ("The unit or the criterion is no longer in "
                                                  "the table: the agreed points were not saved."));
      return;
    }
  c = td_criteria_table_get_node (self->state.table, index);
  old = td_scores_get_entry (self->state.scores, unit, index, TD_SOURCE_ASSESSED);
  entry = old ? td_entry_copy (old) : td_entry_new (t->unit_id, c->id, TD_SOURCE_ASSESSED);
  entry->has_agreed = agreed;
  entry->agreed = agreed ? points : 0;
  g_free (entry->agreed_reason);
  entry->agreed_reason = g_strdup (agreed ? reason : "");
  self->saving = TRUE;
  /* A heading's entry holds nothing but the agreed points. */
  if (!agreed && td_rule_kind_get_input (c->kind) == TD_INPUT_NONE)
    ok = old == NULL
         || td_scores_clear_entry (self->state.scores, td_section_db (self), unit, index,
                                   TD_SOURCE_ASSESSED, &error);
  else
    ok = td_scores_set_entry (self->state.scores, td_section_db (self), unit, index, entry, &error);
  self->saving = FALSE;
  if (!ok)
    {
      td_window_toast_text (GTK_WIDGET (self), error->message);
      return;
    }
  td_scores_unit_view_compute_differences (self->unit_view);
  td_scores_matrix_view_compute_differences (self->matrix_view);
  td_scores_view_refresh_bound (TD_SCORES_VIEW (self->unit_view));
  td_scores_view_refresh_bound (TD_SCORES_VIEW (self->matrix_view));
  td_scores_page_update_totals (self);
  td_window_toast_text (GTK_WIDGET (self),
                        agreed ? _ ("Agreed points saved.") : _ ("Agreed points removed."));
}

/* Opens the agreed-points dialog for a criterion of a unit. */
static void
show_agreed (TdScoresPage *self, gint index, guint unit)
{
  TdScores *scores = self->state.scores;
  const TdCriterion *c = td_criteria_table_get_node (self->state.table, index);
  const TdEntry *assessed = td_scores_get_entry (scores, unit, index, TD_SOURCE_ASSESSED);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AgreedTarget *t;
  g_autofree gchar *name = NULL;
  const char *unit_name = "";
  GtkWidget *dialog;

  if (!self->state.writable)
    {
      td_window_toast_text (GTK_WIDGET (self), _ ("This database is open read-only."));
      return;
    }
  if (assessed == NULL && td_rule_kind_get_input (c->kind) != TD_INPUT_NONE)
    {
      td_window_toast_text (GTK_WIDGET (self),
                            _ ("Enter the assessed score of this criterion first: the agreed "
                               "points belong to it."));
      return;
    }
  for (guint m = 0; m < td_scores_state_n_members (&self->state); m++)
    if (td_scores_state_unit_of (&self->state, m) == unit)
      unit_name = ((TdMember *)g_ptr_array_index (self->state.members, m))->name;
  name = c->code && *c->code ? g_strdup_printf ("%s %s", c->code, c->title) : g_strdup (c->title);
  t = g_new0 (AgreedTarget, 1);
  g_weak_ref_init (&t->page, self);
  t->unit_id = td_scores_get_unit_id (scores, unit);
  t->criterion_id = c->id;
  dialog
      = td_agreed_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, name, unit_name,
                              td_scores_node_totals (scores, unit, index, TD_SOURCE_ASSESSED).total,
                              assessed, on_agreed_done, t, (GDestroyNotify)agreed_target_free);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Ctrl+T: the meeting's agreed points of the cell that has the focus. */
static void
agree_action (GtkWidget *widget, const char *name, GVariant *param)
{
  TdScoresPage *self = TD_SCORES_PAGE (widget);
  gboolean matrix = FALSE;
  gint index = 0;
  guint unit = 0;

  if (focused_cell (self, &index, &unit, &matrix) == NULL)
    {
      td_window_toast_text (widget, _ ("Put the cursor in a score cell to record the meeting's "
                                       "agreed points."));
      return;
    }
  show_agreed (self, index, unit);
}

/* ---- loading ---- */

/* Each view gets its rows when it is first shown after a load: binding a
 * 200-criterion table into both views at once would hold up the window. */
static void
ensure_view_loaded (TdScoresPage *self, gboolean matrix)
{
  TdScoresView *view = view_of (self, matrix);

  if (self->items == NULL || td_scores_view_has_rows (view))
    return;
  if (matrix)
    td_scores_matrix_view_rebuild_columns (self->matrix_view);
  td_scores_view_splice (view, 0, 0, self->items->pdata, self->items->len);
}

static gboolean
free_scores_later (gpointer scores)
{
  td_scores_free (scores);
  return G_SOURCE_REMOVE;
}

static void
forget_differences (TdScoresPage *self)
{
  td_scores_unit_view_forget_differences (self->unit_view);
  td_scores_matrix_view_forget_differences (self->matrix_view);
}

/* Forgets the loaded scores; the rows and their widgets stay for the next
 * table (see update_items). */
static void
forget_scores (TdScoresPage *self)
{
  forget_differences (self);
  if (self->undo != NULL)
    g_ptr_array_set_size (self->undo, 0);
  /* Freeing a bloc-year's entries takes a couple of milliseconds: done
   * once the new one is painted (nothing refers to them any more). */
  if (self->state.scores != NULL)
    g_idle_add_full (G_PRIORITY_LOW, free_scores_later, g_steal_pointer (&self->state.scores),
                     NULL);
  g_clear_pointer (&self->state.table, td_criteria_table_unref);
}

static void
clear (TdScoresPage *self)
{
  td_scores_view_clear (TD_SCORES_VIEW (self->unit_view));
  td_scores_view_clear (TD_SCORES_VIEW (self->matrix_view));
  forget_differences (self);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  /* Emptied, not freed: Ctrl+Z and the next load's edits still use it. */
  g_ptr_array_set_size (self->undo, 0);
  g_clear_pointer (&self->state.scores, td_scores_free);
  g_clear_pointer (&self->state.table, td_criteria_table_unref);
}

/* The rows of the new table.  Switching bloc or year keeps the rows (and
 * the thousands of widgets bound to them, which take long to make) and
 * points them at the new table's nodes; only the difference in length is
 * added or removed.  The shown view is filled again at once, the other
 * when it is shown (on_view_changed). */
static void
update_items (TdScoresPage *self, guint n_nodes)
{
  TdScoresView *views[] = { TD_SCORES_VIEW (self->unit_view), TD_SCORES_VIEW (self->matrix_view) };
  TdCriteriaTable *table = self->state.table;
  guint n_old;

  if (self->items == NULL)
    {
      self->items = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (self->items, td_criterion_item_new (table, -1));
    }
  n_old = self->items->len - 1; /* the last row is the total */
  for (guint i = 0; i < MIN (n_old, n_nodes); i++)
    td_criterion_item_set (g_ptr_array_index (self->items, i), table, (gint)i);
  td_criterion_item_set (g_ptr_array_index (self->items, n_old), table, -1);
  if (n_nodes > n_old)
    {
      g_autoptr (GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = n_old; i < n_nodes; i++)
        {
          g_ptr_array_add (added, td_criterion_item_new (table, (gint)i));
          g_ptr_array_insert (self->items, (gint)i,
                              g_object_ref (g_ptr_array_index (added, i - n_old)));
        }
      for (guint v = 0; v < G_N_ELEMENTS (views); v++)
        if (td_scores_view_has_rows (views[v]))
          td_scores_view_splice (views[v], n_old, 0, added->pdata, added->len);
    }
  else if (n_nodes < n_old)
    {
      g_ptr_array_remove_range (self->items, n_nodes, n_old - n_nodes);
      for (guint v = 0; v < G_N_ELEMENTS (views); v++)
        if (td_scores_view_has_rows (views[v]))
          td_scores_view_splice (views[v], n_nodes, n_old - n_nodes, NULL, 0);
    }
  if (td_scores_view_has_rows (TD_SCORES_VIEW (self->matrix_view)))
    td_scores_matrix_view_rebuild_columns (self->matrix_view);

  td_scores_view_refill (view_of (self, matrix_shown (self)));
}

/* Nothing to score: the state says why (@page, @description). */
static void
show_nothing (TdScoresPage *self, const char *page, const char *description)
{
  if (description != NULL)
    adw_status_page_set_description (self->no_table_page, description);
  clear (self);
  gtk_stack_set_visible_child_name (self->stack, page);
  td_scores_matrix_view_rebuild_columns (self->matrix_view);
}

static void
reload (TdScoresPage *self)
{
  TdDb *db = td_section_db (self);
  gint64 bloc_year_id = td_section_bloc_year (self);
  TdScoresState *state = &self->state;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) members = NULL;
  gint64 unit_id = td_scores_page_get_unit (self);
  guint n_nodes;

  state->writable = td_section_page_is_writable (TD_SECTION_PAGE (self));
  state->filling = TRUE;
  forget_scores (self);
  gtk_string_list_splice (self->unit_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->unit_names)), NULL);
  g_clear_pointer (&state->members, g_ptr_array_unref);
  g_array_set_size (state->member_unit, 0);
  state->filling = FALSE;

  if (db == NULL || bloc_year_id == 0)
    {
      show_nothing (self, "no-year", NULL);
      return;
    }
  state->table = td_criteria_load (db, bloc_year_id, &error);
  if (state->table != NULL)
    state->scores = td_scores_load (db, state->table, &error);
  members = td_registry_list_members (db, bloc_year_id, &error);
  if (state->table == NULL || state->scores == NULL || members == NULL)
    {
      td_window_toast_text (GTK_WIDGET (self), error ? error->message : "");
      show_nothing (self, "no-year", NULL);
      return;
    }

  /* The dropdown and the matrix list the members the core scores. */
  state->members = g_ptr_array_new_with_free_func ((GDestroyNotify)td_member_free);
  state->filling = TRUE;
  state->member = 0;
  for (guint i = 0; i < members->len; i++)
    {
      TdMember *member = g_ptr_array_index (members, i);
      gint unit = td_scores_find_unit (state->scores, member->unit_id);
      guint u = (guint)unit;

      if (unit < 0)
        continue;
      if (member->unit_id == unit_id)
        state->member = state->members->len;
      g_array_append_val (state->member_unit, u);
      gtk_string_list_append (self->unit_names, member->name);
      g_ptr_array_add (state->members, g_ptr_array_steal_index (members, i));
      i--;
    }
  gtk_drop_down_set_selected (self->unit_dropdown, state->member);
  state->filling = FALSE;

  n_nodes = td_criteria_table_get_n_nodes (state->table);
  if (n_nodes == 0 || td_scores_state_n_members (state) == 0)
    {
      show_nothing (self, "no-table",
                    n_nodes == 0 ? _ ("Scores are entered against the year's criteria table. "
                                      "Set up the criteria first: paste the table you received "
                                      "or copy last year's.")
                                 : _ ("This year has no member units yet. Add the bloc's members "
                                      "in the registry first."));
      return;
    }

  td_scores_unit_view_compute_differences (self->unit_view);
  td_scores_matrix_view_compute_differences (self->matrix_view);
  update_items (self, n_nodes);
  ensure_view_loaded (self, matrix_shown (self));
  apply_filters (self);
  gtk_stack_set_visible_child_name (self->stack, "scores");
  td_scores_page_update_totals (self);
}

/* ---- toolbar ---- */

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

  if (self->state.filling || selected == GTK_INVALID_LIST_POSITION
      || selected == self->state.member)
    return;
  self->state.member = selected;
  td_scores_view_forget_cells (TD_SCORES_VIEW (self->unit_view));
  td_scores_unit_view_compute_differences (self->unit_view);
  apply_filters (self);
  td_scores_page_refresh_view (self, TD_SCORES_VIEW (self->unit_view));
  td_scores_page_update_totals (self);
}

static void
on_source_selected (GtkDropDown *dropdown, GParamSpec *pspec, TdScoresPage *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected == GTK_INVALID_LIST_POSITION)
    return;
  self->state.matrix_source = selected == 1 ? TD_SOURCE_ASSESSED : TD_SOURCE_SELF;
  td_scores_page_refresh_view (self, TD_SCORES_VIEW (self->matrix_view));
}

static void
on_differ_toggled (GtkToggleButton *button, GParamSpec *pspec, TdScoresPage *self)
{
  td_scores_unit_view_compute_differences (self->unit_view);
  td_scores_matrix_view_compute_differences (self->matrix_view);
  apply_filters (self);
}

static void
on_view_changed (AdwViewStack *stack, GParamSpec *pspec, TdScoresPage *self)
{
  gboolean matrix = matrix_shown (self);

  gtk_widget_set_visible (GTK_WIDGET (self->unit_dropdown), !matrix);
  gtk_widget_set_visible (GTK_WIDGET (self->source_dropdown), matrix);
  /* Edits only refresh their own view: bring the other one up to date. */
  if (self->state.scores != NULL)
    {
      ensure_view_loaded (self, matrix);
      td_scores_page_refresh_view (self, view_of (self, matrix));
    }
  td_scores_page_update_totals (self);
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
  gint next = (gint)self->state.member + step;

  if (next >= 0 && next < (gint)td_scores_state_n_members (&self->state))
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

/* ---- public, mostly for tests ---- */

TdScores *
td_scores_page_get_scores (TdScoresPage *self)
{
  td_section_page_ensure_loaded (TD_SECTION_PAGE (self));
  return self->state.scores;
}

/* The unit shown in the one-unit view, 0 when there is none. */
gint64
td_scores_page_get_unit (TdScoresPage *self)
{
  if (!td_scores_state_has_unit (&self->state))
    return 0;
  return ((TdMember *)g_ptr_array_index (self->state.members, self->state.member))->unit_id;
}

gboolean
td_scores_page_set_unit (TdScoresPage *self, gint64 unit_id)
{
  td_section_page_ensure_loaded (TD_SECTION_PAGE (self));
  for (guint m = 0; m < td_scores_state_n_members (&self->state); m++)
    if (((TdMember *)g_ptr_array_index (self->state.members, m))->unit_id == unit_id)
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
  TdScoresView *view = view_of (self, matrix);
  gint index;

  td_section_page_ensure_loaded (TD_SECTION_PAGE (self));
  td_scores_view_flush (view);
  index = self->state.table ? td_criteria_table_find (self->state.table, criterion_id) : -1;
  return index < 0 ? NULL : td_scores_view_get_cell (view, index, column);
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
  return td_scores_view_get_n_rows (view_of (self, matrix));
}

/* ---- the section ---- */

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
  g_clear_object (&self->unit_view);
  g_clear_object (&self->matrix_view);
  G_OBJECT_CLASS (td_scores_page_parent_class)->dispose (object);
}

static void
td_scores_page_finalize (GObject *object)
{
  TdScoresPage *self = TD_SCORES_PAGE (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->state.scores, td_scores_free);
  g_clear_pointer (&self->state.table, td_criteria_table_unref);
  g_clear_pointer (&self->state.members, g_ptr_array_unref);
  g_clear_pointer (&self->state.member_unit, g_array_unref);
  g_clear_object (&self->unit_names);
  G_OBJECT_CLASS (td_scores_page_parent_class)->finalize (object);
}

/* The section's menu (td_section_page_class_add_menu_item) has a button of
 * its own at the end of the toolbar, shown once it has items. */
static void
bind_section_menu (TdScoresPage *self)
{
  GMenuModel *menu = td_section_page_get_menu (TD_SECTION_PAGE (self));

  gtk_menu_button_set_menu_model (self->menu_button, menu);
  gtk_widget_set_visible (GTK_WIDGET (self->menu_button), g_menu_model_get_n_items (menu) > 0);
}

static void
td_scores_page_constructed (GObject *object)
{
  G_OBJECT_CLASS (td_scores_page_parent_class)->constructed (object);
  bind_section_menu (TD_SCORES_PAGE (object));
}

/* The section's keys (td-section-page.h). */
static const TdSectionShortcut shortcuts[] = {
  { TD_SHORTCUT_WINDOW, GDK_KEY_1, GDK_CONTROL_MASK, "scores.show-view", "unit" },
  { TD_SHORTCUT_WINDOW, GDK_KEY_2, GDK_CONTROL_MASK, "scores.show-view", "matrix" },
  { TD_SHORTCUT_WINDOW, GDK_KEY_Page_Down, GDK_ALT_MASK, "scores.next-unit", NULL },
  { TD_SHORTCUT_WINDOW, GDK_KEY_Page_Up, GDK_ALT_MASK, "scores.previous-unit", NULL },
  { TD_SHORTCUT_WINDOW, GDK_KEY_d, GDK_CONTROL_MASK, "scores.toggle-differences", NULL },
  { TD_SHORTCUT_WINDOW, GDK_KEY_h, GDK_CONTROL_MASK, "scores.history", NULL },
  { TD_SHORTCUT_WINDOW, GDK_KEY_i, GDK_CONTROL_MASK, "scores.import-forms", NULL },
  /* A text field's own Ctrl+Z (typing not yet saved) comes first. */
  { TD_SHORTCUT_WINDOW, GDK_KEY_z, GDK_CONTROL_MASK, "scores.undo", NULL },
  { TD_SHORTCUT_WINDOW, GDK_KEY_t, GDK_CONTROL_MASK, "scores.agree", NULL },
};

static void
td_scores_page_class_init (TdScoresPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TdSectionPageClass *section_class = TD_SECTION_PAGE_CLASS (klass);

  object_class->constructed = td_scores_page_constructed;
  object_class->dispose = td_scores_page_dispose;
  object_class->finalize = td_scores_page_finalize;
  section_class->reload = td_scores_page_reload;
  section_class->refresh = td_scores_page_refresh;
  td_section_page_class_set_section (section_class, "scores", N_ ("Scores"),
                                     "document-edit-symbolic", TD_SHEET_SCORES);

  g_type_ensure (TD_TYPE_BLOC_YEAR_PROMPT);
  g_type_ensure (TD_TYPE_SCORE_TOTALS);

  td_widget_class_bind_template_children (
      widget_class, TdScoresPage, stack, prompt, no_table_page, unit_dropdown, source_dropdown,
      menu_button, differ_toggle, view_stack, unit_column_view, matrix_column_view,
      matrix_frozen_view, matrix_scroller, matrix_frozen_scroller, totals_bar);
  td_widget_class_bind_template_callbacks (widget_class, on_unit_selected, on_source_selected,
                                           on_differ_toggled, on_view_changed);

  gtk_widget_class_install_action (widget_class, "scores.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "scores.next-unit", NULL, next_unit_action);
  gtk_widget_class_install_action (widget_class, "scores.previous-unit", NULL,
                                   previous_unit_action);
  gtk_widget_class_install_action (widget_class, "scores.toggle-differences", NULL,
                                   toggle_differences_action);
  gtk_widget_class_install_action (widget_class, "scores.history", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "scores.import-forms", NULL, import_forms_action);
  gtk_widget_class_install_action (widget_class, "scores.agree", NULL, agree_action);
  td_scores_edits_class_init (widget_class);

  td_section_page_class_add_shortcuts (section_class, shortcuts, G_N_ELEMENTS (shortcuts));
}

static void
td_scores_page_init (TdScoresPage *self)
{
  g_autoptr (GtkStringList) sources = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  td_a11y_name_column_view (self->unit_column_view, _ ("Scores of one unit"));
  td_a11y_name_column_view (self->matrix_column_view, _ ("Scores of every unit"));
  td_a11y_name_column_view (self->matrix_frozen_view, _ ("Criteria of the matrix"));
  g_object_bind_property (self, "database", self->prompt, "database", G_BINDING_SYNC_CREATE);

  self->state.member_unit = g_array_new (FALSE, FALSE, sizeof (guint));
  self->state.matrix_source = TD_SOURCE_SELF;
  self->unit_view = td_scores_unit_view_new (self->unit_column_view, &self->state);
  self->matrix_view = td_scores_matrix_view_new (self->matrix_column_view, self->matrix_frozen_view,
                                                 &self->state);
  td_scores_matrix_view_scroll_with (self->matrix_view, self->matrix_scroller,
                                     self->matrix_frozen_scroller);
  td_scores_edits_init (self);
  g_signal_connect (self->unit_view, "history", G_CALLBACK (on_history_clicked), self);
  td_scores_matrix_view_add_keys (self->matrix_view);

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
  td_drop_down_search_words (self->unit_dropdown);
  gtk_string_list_append (sources, td_source_get_label (TD_SOURCE_SELF));
  gtk_string_list_append (sources, td_source_get_label (TD_SOURCE_ASSESSED));
  gtk_drop_down_set_model (self->source_dropdown, G_LIST_MODEL (sources));
  on_view_changed (self->view_stack, NULL, self);
}
