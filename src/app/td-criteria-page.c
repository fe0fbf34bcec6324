/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Criteria section.
 *
 * The bloc-year's criteria table, shown as a flat list in the table's own
 * pre-order with indentation by depth:
 *
 *   td_criteria_load → TdCriteriaTable → GListStore of TdCriterionItem
 *     → GtkSingleSelection → GtkColumnView (code | content | standard |
 *       bonus/deduction rule | assessed by)
 *
 * with the editor pane (TdCriterionEditor) for the selected node and the
 * running total against the table's stated total.  Every edit goes through
 * the core, which saves it in a transaction and notifies "changed"; the
 * page then reloads the table and selects the same criterion again, so the
 * list always shows what is stored. */
#include "config.h"

#include "td-a11y.h"
#include "td-dialog.h"
#include "td-criteria-page.h"
#include "td-bloc-year-prompt.h"
#include "td-criterion-editor.h"
#include "td-criterion-item.h"
#include "td-column-view.h"
#include "td-lazy-tooltip.h"
#include "td-paste-dialog.h"
#include "td-registry.h"
#include "td-sheet-builders.h"
#include "td-window.h"
#include "td-template.h"

#include <glib/gi18n.h>

#define INDENT_PX 18

struct _TdCriteriaPage
{
  TdSectionPage parent_instance;

  GtkStack *stack;
  TdBlocYearPrompt *prompt;
  AdwStatusPage *empty_page;
  GtkLabel *total_label;
  GtkColumnView *view;
  TdCriterionEditor *editor;

  GListStore *store;
  GtkSingleSelection *selection;

  TdCriteriaTable *table;
  GHashTable *problems; /* node index → gchar* (one per line) */
  GHashTable *bound;    /* the cells bound to a row, filled again after a reload */
  gchar *total_text;
  gint64 selected_id;
  gint64 undo_token;
  gboolean reloading;
};

G_DEFINE_FINAL_TYPE (TdCriteriaPage, td_criteria_page, TD_TYPE_SECTION_PAGE)

static gboolean
is_writable (TdCriteriaPage *self)
{
  return td_section_page_is_writable (TD_SECTION_PAGE (self)) && td_section_bloc_year (self) != 0;
}

static TdCriterion *
selected_criterion (TdCriteriaPage *self)
{
  TdCriterionItem *item = gtk_single_selection_get_selected_item (self->selection);

  return item ? td_criterion_item_get_criterion (item) : NULL;
}

static void
update_actions (TdCriteriaPage *self)
{
  gboolean writable = is_writable (self);
  TdCriterion *c = selected_criterion (self);
  gboolean sel = writable && c != NULL;
  gboolean has_table = self->table != NULL && td_criteria_table_get_n_nodes (self->table) > 0;
  GtkWidget *w = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (w, "criteria.add-sibling", writable);
  gtk_widget_action_set_enabled (w, "criteria.add-child", sel);
  gtk_widget_action_set_enabled (w, "criteria.indent", sel && c->position > 0);
  gtk_widget_action_set_enabled (w, "criteria.outdent", sel && c->parent >= 0);
  gtk_widget_action_set_enabled (w, "criteria.move-up", sel && c->position > 0);
  gtk_widget_action_set_enabled (w, "criteria.move-down", sel);
  gtk_widget_action_set_enabled (w, "criteria.delete", sel);
  gtk_widget_action_set_enabled (w, "criteria.undo-delete", writable && self->undo_token > 0);
  gtk_widget_action_set_enabled (w, "criteria.paste", writable);
  gtk_widget_action_set_enabled (w, "criteria.copy-from", writable);
  gtk_widget_action_set_enabled (w, "criteria.edit-total", writable && has_table);
}

static void
update_editor (TdCriteriaPage *self)
{
  TdCriterion *c = selected_criterion (self);
  const char *problems
      = c ? g_hash_table_lookup (self->problems, GINT_TO_POINTER (c->index)) : NULL;

  td_criterion_editor_set_criterion (self->editor, td_section_db (self), c, problems);
}

static void
update_total (TdCriteriaPage *self)
{
  TdPoints sum = td_criteria_table_sum_standard (self->table);
  g_autofree gchar *sum_text = td_points_format (sum);
  g_autofree gchar *total_text = td_points_format (self->table->total);
  GtkWidget *label = GTK_WIDGET (self->total_label);

  g_free (self->total_text);
  if (sum == self->table->total)
    /* Translators: the sum of standard points against the table's stated
     * total, e.g. "Standard points: 100 / 100" */
    self->total_text = g_strdup_printf (_ ("Standard points: %s / %s"), sum_text, total_text);
  else
    {
      g_autofree gchar *diff = td_points_format_signed (sum - self->table->total);

      /* Translators: e.g. "Standard points: 98 / 100 (−2)" */
      self->total_text
          = g_strdup_printf (_ ("Standard points: %s / %s (%s)"), sum_text, total_text, diff);
    }
  gtk_label_set_text (self->total_label, self->total_text);
  gtk_widget_set_tooltip_text (label, sum == self->table->total
                                          ? _ ("The sections add up to the table's stated total.")
                                          : _ ("The sections do not add up to the table's stated "
                                               "total. Correct a section or the stated total "
                                               "(menu ⋮ → Table Settings)."));
  if (sum == self->table->total)
    {
      gtk_widget_remove_css_class (label, "warning");
      gtk_widget_add_css_class (label, "success");
    }
  else
    {
      gtk_widget_remove_css_class (label, "success");
      gtk_widget_add_css_class (label, "warning");
    }
}

static void
collect_problems (TdCriteriaPage *self)
{
  g_autoptr (GPtrArray) problems = td_criteria_table_check (self->table);

  g_hash_table_remove_all (self->problems);
  for (guint i = 0; i < problems->len; i++)
    {
      TdCriteriaProblem *p = g_ptr_array_index (problems, i);
      const char *old = g_hash_table_lookup (self->problems, GINT_TO_POINTER (p->index));
      gchar *text = old ? g_strconcat (old, "\n", p->message, NULL) : g_strdup (p->message);

      g_hash_table_insert (self->problems, GINT_TO_POINTER (p->index), text);
    }
}

static gboolean
select_id (TdCriteriaPage *self, gint64 id)
{
  gint index = self->table ? td_criteria_table_find (self->table, id) : -1;

  if (index < 0)
    return FALSE;
  gtk_single_selection_set_selected (self->selection, index);
  td_column_view_scroll_to (self->view, index);
  return TRUE;
}

static void fill_cell (TdCriteriaPage *self, GtkWidget *child);

static void
reload (TdCriteriaPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = NULL;
  guint n, n_old;

  self->reloading = TRUE;
  g_clear_pointer (&self->table, td_criteria_table_unref);
  g_hash_table_remove_all (self->problems);
  if (td_section_db (self) != NULL && td_section_bloc_year (self) != 0)
    {
      self->table = td_criteria_load (td_section_db (self), td_section_bloc_year (self), &error);
      if (self->table == NULL)
        td_window_toast_text (GTK_WIDGET (self), error->message);
    }

  n = self->table ? td_criteria_table_get_n_nodes (self->table) : 0;
  if (self->table != NULL)
    collect_problems (self);
  /* The rows kept point at the new table's nodes and their cells are
   * filled again: making a table's worth of row widgets anew takes long
   * (another bloc or year, or every edit of a criterion). */
  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  for (guint i = 0; i < MIN (n, n_old); i++)
    {
      g_autoptr (TdCriterionItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);
      td_criterion_item_set (item, self->table, (gint)i);
    }
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = n_old; i < n; i++)
    g_ptr_array_add (items, td_criterion_item_new (self->table, i));
  if (n != n_old)
    g_list_store_splice (self->store, MIN (n, n_old), n_old > n ? n_old - n : 0, items->pdata,
                         items->len);
  {
    GHashTableIter iter;
    gpointer child;

    g_hash_table_iter_init (&iter, self->bound);
    while (g_hash_table_iter_next (&iter, &child, NULL))
      fill_cell (self, child);
  }

  if (td_section_db (self) == NULL || td_section_bloc_year (self) == 0 || self->table == NULL)
    gtk_stack_set_visible_child_name (self->stack, "no-year");
  else if (n == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else
    {
      gtk_stack_set_visible_child_name (self->stack, "table");
      update_total (self);
    }

  if (n > 0 && !select_id (self, self->selected_id))
    gtk_single_selection_set_selected (self->selection, 0);
  self->reloading = FALSE;

  if (n > 0)
    {
      TdCriterion *c = selected_criterion (self);
      self->selected_id = c ? c->id : 0;
    }
  update_editor (self);
  update_actions (self);
}

/* Enter or a double click on a row: edit its content at once. */
static void
on_row_activated (GtkColumnView *view, guint position, TdCriteriaPage *self)
{
  if (is_writable (self))
    td_criterion_editor_focus_title (self->editor);
}

static void
on_selection_changed (GtkSingleSelection *selection, GParamSpec *pspec, TdCriteriaPage *self)
{
  TdCriterion *c;

  if (self->reloading)
    return;
  c = selected_criterion (self);
  self->selected_id = c ? c->id : 0;
  update_editor (self);
  update_actions (self);
}

/* Columns */

typedef enum
{
  COL_CODE,
  COL_TITLE,
  COL_STANDARD,
  COL_RULE,
  COL_ASSESSOR,
} Column;

static void
setup_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  Column col = GPOINTER_TO_INT (data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), col == COL_STANDARD ? 1.0 : 0.0);
  if (col != COL_CODE && col != COL_STANDARD)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (col == COL_TITLE || col == COL_RULE)
    {
      /* A criterion and its rule are read, not guessed: up to three lines
       * (the whole text on hover and in the editor beside). */
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (label), 3);
    }
  if (col == COL_STANDARD)
    gtk_widget_add_css_class (label, "numeric");
  if (col == COL_RULE || col == COL_ASSESSOR)
    gtk_widget_add_css_class (label, "dim-label");
  if (col == COL_TITLE)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), icon);
      g_object_set_data (G_OBJECT (box), "col", GINT_TO_POINTER (col));
      gtk_list_item_set_child (list_item, box);
      return;
    }
  g_object_set_data (G_OBJECT (label), "col", GINT_TO_POINTER (col));
  gtk_list_item_set_child (list_item, label);
}

/* Fills a cell from its row: at bind, and after a reload that kept the
 * rows. */
static void
fill_cell (TdCriteriaPage *self, GtkWidget *child)
{
  Column col = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (child), "col"));
  TdCriterionItem *item = g_object_get_data (G_OBJECT (child), "item");
  TdCriterion *c = td_criterion_item_get_criterion (item);
  GtkWidget *label = col == COL_TITLE ? gtk_widget_get_first_child (child) : child;
  g_autofree gchar *text = NULL;
  const char *problems = g_hash_table_lookup (self->problems, GINT_TO_POINTER (c->index));

  switch (col)
    {
    case COL_CODE:
      gtk_label_set_text (GTK_LABEL (label), c->code);
      gtk_widget_set_margin_start (label, c->depth * INDENT_PX);
      break;
    case COL_TITLE:
      gtk_label_set_text (GTK_LABEL (label), c->title);
      td_lazy_tooltip_set (label, c->title);
      gtk_widget_set_visible (gtk_widget_get_last_child (child), problems != NULL);
      td_lazy_tooltip_set (gtk_widget_get_last_child (child), problems);
      break;
    case COL_STANDARD:
      if (c->kind == TD_RULE_GROUP || td_rule_kind_gives_standard (c->kind) || c->standard != 0)
        text = td_points_format (c->standard);
      gtk_label_set_text (GTK_LABEL (label), text ? text : "");
      break;
    case COL_RULE:
      text = c->kind == TD_RULE_STANDARD || c->kind == TD_RULE_GROUP
                 ? NULL
                 : td_criterion_describe_rule (c);
      if (text == NULL && (c->bonus_cap != TD_NO_CAP || c->deduction_cap != TD_NO_CAP))
        text = td_criterion_describe_rule (c);
      gtk_label_set_text (GTK_LABEL (label), text ? text : "");
      td_lazy_tooltip_set (label, text);
      break;
    case COL_ASSESSOR:
      gtk_label_set_text (GTK_LABEL (label), c->assessor ? c->assessor : "");
      break;
    }
  /* Sections stand out, as in the printed table. */
  if (c->depth == 0)
    gtk_widget_add_css_class (label, "criterion-section");
  else
    gtk_widget_remove_css_class (label, "criterion-section");
}

static void
bind_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  TdCriteriaPage *self = td_column_view_factory_owner (factory);
  GtkWidget *child = gtk_list_item_get_child (list_item);

  g_object_set_data (G_OBJECT (child), "item", gtk_list_item_get_item (list_item));
  g_hash_table_add (self->bound, child);
  fill_cell (self, child);
}

static void
unbind_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  TdCriteriaPage *self = td_column_view_factory_owner (factory);
  GtkWidget *child = gtk_list_item_get_child (list_item);

  g_hash_table_remove (self->bound, child);
  g_object_set_data (G_OBJECT (child), "item", NULL);
}

/* Actions */

static void
report (TdCriteriaPage *self, GError *error)
{
  if (error != NULL)
    td_window_toast_text (GTK_WIDGET (self), error->message);
}

/* Adds a fresh criterion after @sibling_id, or as the last row under
 * @parent_id when there is no sibling, then selects it and puts the cursor
 * in its title. */
static void
add_new_criterion (TdCriteriaPage *self, gint64 sibling_id, gint64 parent_id)
{
  g_autoptr (TdCriterion) c = td_criterion_new (TD_RULE_STANDARD);
  g_autoptr (GError) error = NULL;
  gint64 id;

  g_free (c->title);
  c->title = g_strdup (_ ("New criterion"));
  if (sibling_id != 0)
    id = td_criteria_add_sibling (td_section_db (self), sibling_id, c, &error);
  else
    id = td_criteria_add (td_section_db (self), td_section_bloc_year (self), parent_id, -1, c,
                          &error);
  report (self, error);
  if (id == 0)
    return;
  self->selected_id = id;
  select_id (self, id);
  update_editor (self);
  td_criterion_editor_focus_title (self->editor);
}

static void
add_sibling_action (GtkWidget *widget, const char *name, GVariant *param)
{
  TdCriteriaPage *self = TD_CRITERIA_PAGE (widget);
  TdCriterion *sel = selected_criterion (self);

  add_new_criterion (self, sel != NULL ? sel->id : 0, 0);
}

static void
add_child_action (GtkWidget *widget, const char *name, GVariant *param)
{
  TdCriteriaPage *self = TD_CRITERIA_PAGE (widget);
  g_autoptr (GError) error = NULL;
  TdCriterion *sel = selected_criterion (self);
  gint64 parent_id;

  if (sel == NULL)
    return;
  parent_id = sel->id;
  /* A leaf that gets rows becomes their heading: its points are now the
   * sum of its rows (its stated standard points stay, to be checked). */
  if (sel->n_children == 0 && td_rule_kind_gives_standard (sel->kind))
    {
      g_autoptr (TdCriterion) parent = td_criterion_copy (sel);

      parent->kind = TD_RULE_GROUP;
      if (!td_criteria_update (td_section_db (self), parent, &error))
        {
          report (self, error);
          return;
        }
    }
  add_new_criterion (self, 0, parent_id);
}

typedef gboolean (*MoveFunc) (TdDb *db, gint64 id, GError **error);

static void
move (TdCriteriaPage *self, MoveFunc func)
{
  g_autoptr (GError) error = NULL;
  TdCriterion *sel = selected_criterion (self);

  if (sel == NULL)
    return;
  self->selected_id = sel->id;
  if (!func (td_section_db (self), sel->id, &error))
    report (self, error);
  select_id (self, self->selected_id);
}

/* The actions that move the selected criterion, one function of the core each. */
static const struct
{
  const char *name;
  MoveFunc func;
} move_actions[] = {
  { "criteria.indent", td_criteria_indent },
  { "criteria.outdent", td_criteria_outdent },
  { "criteria.move-up", td_criteria_move_up },
  { "criteria.move-down", td_criteria_move_down },
};

static void
move_action (GtkWidget *widget, const char *name, GVariant *param)
{
  for (guint i = 0; i < G_N_ELEMENTS (move_actions); i++)
    if (g_str_equal (name, move_actions[i].name))
      move (TD_CRITERIA_PAGE (widget), move_actions[i].func);
}

static void
on_undo_clicked (AdwToast *toast, TdCriteriaPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "criteria.undo-delete", NULL);
}

static void
delete_action (GtkWidget *widget, const char *name, GVariant *param)
{
  TdCriteriaPage *self = TD_CRITERIA_PAGE (widget);
  g_autoptr (GError) error = NULL;
  TdCriterion *sel = selected_criterion (self);
  g_autofree gchar *title = NULL;
  g_autofree gchar *label = NULL;
  AdwToast *toast;
  gint64 token;
  gint next;

  if (sel == NULL)
    return;
  title = g_strdup (sel->title);
  self->selected_id = sel->id;
  /* Select what follows the deleted subtree, else what precedes it. */
  next = sel->subtree_end < (gint)td_criteria_table_get_n_nodes (self->table) ? sel->subtree_end
                                                                              : sel->index - 1;
  if (next >= 0)
    self->selected_id = td_criteria_table_get_node (self->table, next)->id;
  token = td_criteria_delete (td_section_db (self), sel->id, &error);
  if (token == 0)
    {
      report (self, error);
      return;
    }
  self->undo_token = token;
  update_actions (self);
  /* Translators: a toast after deleting a criterion, %s is its title */
  label = g_markup_printf_escaped (_ ("“%s” deleted"), title); /* a toast is markup */
  toast = adw_toast_new (label);
  adw_toast_set_button_label (toast, _ ("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked), self, 0);
  td_window_toast (GTK_WIDGET (self), toast);
}

static void
undo_delete_action (GtkWidget *widget, const char *name, GVariant *param)
{
  TdCriteriaPage *self = TD_CRITERIA_PAGE (widget);
  g_autoptr (GError) error = NULL;
  gint64 token = self->undo_token;

  if (token == 0)
    return;
  self->undo_token = 0;
  if (!td_criteria_undelete (td_section_db (self), token, &error))
    report (self, error);
  update_actions (self);
}

static void
paste_action (GtkWidget *widget, const char *name, GVariant *param)
{
  TdCriteriaPage *self = TD_CRITERIA_PAGE (widget);
  TdPasteDialog *dialog = td_paste_dialog_new (td_section_db (self), td_section_bloc_year (self));
  GtkRoot *root = gtk_widget_get_root (widget);

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Copy from another table */

static void
do_copy (TdCriteriaPage *self, gint64 from)
{
  g_autoptr (GError) error = NULL;
  gboolean ok;

  if (self->table != NULL && td_criteria_table_get_n_nodes (self->table) > 0)
    {
      g_autoptr (TdCriteriaTable) source = td_criteria_load (td_section_db (self), from, &error);

      ok = source != NULL
           && td_criteria_save_table (td_section_db (self), td_section_bloc_year (self), source,
                                      TRUE, &error);
    }
  else
    ok = td_criteria_copy_table (td_section_db (self), from, td_section_bloc_year (self), &error);
  if (!ok)
    td_window_show_error (GTK_WIDGET (self), _ ("Could not copy the criteria table"), error);
  else
    td_window_toast_text (GTK_WIDGET (self), _ ("Criteria table copied"));
}

static void
on_copy_response (AdwMessageDialog *dialog, const char *response, TdCriteriaPage *self)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  GArray *ids = g_object_get_data (G_OBJECT (dialog), "ids");
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (g_strcmp0 (response, "copy") == 0 && selected < ids->len)
    do_copy (self, g_array_index (ids, gint64, selected));
}

static void
copy_from_action (GtkWidget *widget, const char *name, GVariant *param)
{
  TdCriteriaPage *self = TD_CRITERIA_PAGE (widget);
  g_autoptr (GPtrArray) blocs = td_registry_list_blocs (td_section_db (self), NULL);
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 previous
      = td_criteria_previous_bloc_year (td_section_db (self), td_section_bloc_year (self), NULL);
  guint selected = 0;
  gboolean replacing = self->table != NULL && td_criteria_table_get_n_nodes (self->table) > 0;
  GtkWidget *dialog, *dropdown;

  for (guint i = 0; blocs != NULL && i < blocs->len; i++)
    {
      TdBloc *bloc = g_ptr_array_index (blocs, i);
      g_autoptr (GArray) years = td_registry_list_years (td_section_db (self), bloc->id, NULL);

      for (guint j = 0; years != NULL && j < years->len; j++)
        {
          gint year = g_array_index (years, gint, j);
          gint64 id = td_registry_find_bloc_year (td_section_db (self), bloc->id, year, NULL);
          g_autofree gchar *label = NULL;

          if (id == 0 || id == td_section_bloc_year (self))
            continue;
          /* Translators: a bloc and a year, e.g. "Khối Thi đua số 6 — 2023" */
          label = g_strdup_printf (_ ("%s — %d"), bloc->name, year);
          if (id == previous)
            selected = ids->len;
          g_array_append_val (ids, id);
          gtk_string_list_append (labels, label);
        }
    }
  if (ids->len == 0)
    {
      g_array_unref (ids);
      td_window_toast_text (widget, _ ("There is no other bloc or year to copy a table from."));
      return;
    }

  dialog = td_message_dialog_new (
      widget, _ ("Copy a Criteria Table"),
      replacing ? _ ("The criteria of this year are replaced by a copy of the chosen table. "
                     "Scores already entered are kept.")
                : _ ("The chosen table is copied with its rules; edit it freely afterwards."));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (labels)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), dropdown);
  td_message_dialog_add_choice (dialog, "copy", replacing ? _ ("_Replace") : _ ("_Copy"),
                                replacing ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED,
                                FALSE);
  g_object_set_data_full (G_OBJECT (dialog), "ids", ids, (GDestroyNotify)g_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_copy_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Stated total */

static void
on_total_response (AdwMessageDialog *dialog, const char *response, TdCriteriaPage *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "total");
  GtkCheckButton *full = g_object_get_data (G_OBJECT (dialog), "full");
  g_autoptr (GError) error = NULL;
  TdPoints total = 0;
  gboolean full_by_default;

  if (g_strcmp0 (response, "save") != 0 || self->table == NULL)
    return;
  if (!td_points_parse (gtk_editable_get_text (entry), &total, NULL) || total <= 0)
    {
      td_window_toast_text (GTK_WIDGET (self),
                            _ ("Stated total: enter a number of points above 0, such as “100”."));
      return;
    }
  full_by_default = gtk_check_button_get_active (full);
  if (total != self->table->total
      && !td_criteria_set_table_info (td_section_db (self), td_section_bloc_year (self),
                                      self->table->title, total, self->table->bonus_cap,
                                      self->table->deduction_cap, &error))
    report (self, error);
  else if (!full_by_default != !self->table->full_by_default
           && !td_criteria_set_full_by_default (td_section_db (self), td_section_bloc_year (self),
                                                full_by_default, &error))
    report (self, error);
}

/* The table's own settings: its stated total, and whether an item nobody
 * scored counts as met (the bloc's rules: a member keeps an item's points
 * unless a shortcoming is found). */
static void
edit_total_action (GtkWidget *widget, const char *name, GVariant *param)
{
  TdCriteriaPage *self = TD_CRITERIA_PAGE (widget);
  g_autofree gchar *text = td_points_format (self->table->total);
  GtkWidget *dialog, *box, *label, *entry, *full, *caption;

  dialog = td_message_dialog_new (widget, _ ("Table Settings"), NULL);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  label = gtk_label_new_with_mnemonic (_ ("Stated _total"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  entry = gtk_entry_new ();
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_widget_set_tooltip_text (entry, _ ("The total standard points the table states, usually "
                                         "100. The sections should add up to it."));
  full = gtk_check_button_new_with_mnemonic (_ ("An item not scored counts as _full points"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (full), self->table->full_by_default);
  gtk_widget_set_margin_top (full, 12);
  caption
      = gtk_label_new (_ ("As the bloc's rules say: a member keeps an item's standard points "
                          "unless a shortcoming is found. Otherwise an item not scored gives 0."));
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (caption), 40);
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_set_margin_start (caption, 28);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (full), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  caption, NULL, -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), full);
  gtk_box_append (GTK_BOX (box), caption);
  g_object_set_data (G_OBJECT (dialog), "total", entry);
  g_object_set_data (G_OBJECT (dialog), "full", full);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  td_message_dialog_add_choice (dialog, "save", _ ("_Save"), ADW_RESPONSE_SUGGESTED, FALSE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_total_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The section */

static void
td_criteria_page_reload (TdSectionPage *page)
{
  reload (TD_CRITERIA_PAGE (page));
}

static void
td_criteria_page_refresh (TdSectionPage *page, const char *what)
{
  /* Scores do not change the table. */
  if (g_strcmp0 (what, "entries") != 0)
    td_section_page_reload_when_shown (page);
}

static void
td_criteria_page_context_changed (TdSectionPage *page)
{
  TdCriteriaPage *self = TD_CRITERIA_PAGE (page);

  self->selected_id = 0;
  self->undo_token = 0;
}

TdCriteriaTable *
td_criteria_page_get_table (TdCriteriaPage *self)
{
  td_section_page_ensure_loaded (TD_SECTION_PAGE (self));
  return self->table;
}

gboolean
td_criteria_page_select (TdCriteriaPage *self, gint64 criterion_id)
{
  td_section_page_ensure_loaded (TD_SECTION_PAGE (self));
  return select_id (self, criterion_id);
}

gint64
td_criteria_page_get_selected_id (TdCriteriaPage *self)
{
  td_section_page_ensure_loaded (TD_SECTION_PAGE (self));
  return self->selected_id;
}

const char *
td_criteria_page_get_total_text (TdCriteriaPage *self)
{
  td_section_page_ensure_loaded (TD_SECTION_PAGE (self));
  return self->total_text;
}

static void
td_criteria_page_dispose (GObject *object)
{
  TdCriteriaPage *self = TD_CRITERIA_PAGE (object);

  g_clear_pointer (&self->table, td_criteria_table_unref);
  G_OBJECT_CLASS (td_criteria_page_parent_class)->dispose (object);
}

static void
td_criteria_page_finalize (GObject *object)
{
  TdCriteriaPage *self = TD_CRITERIA_PAGE (object);

  g_clear_object (&self->store);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->problems, g_hash_table_unref);
  g_clear_pointer (&self->bound, g_hash_table_unref);
  g_free (self->total_text);
  G_OBJECT_CLASS (td_criteria_page_parent_class)->finalize (object);
}

/* The section's keys (td-section-page.h). */
static const TdSectionShortcut shortcuts[] = {
  { TD_SHORTCUT_WINDOW, GDK_KEY_Return, GDK_CONTROL_MASK, "criteria.add-sibling", NULL },
  { TD_SHORTCUT_WINDOW, GDK_KEY_Return, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "criteria.add-child",
    NULL },
  /* The window's leaflet takes Alt+← and Alt+→ for "back" before a
   * window-wide shortcut could see them. */
  { TD_SHORTCUT_FOCUS, GDK_KEY_Right, GDK_ALT_MASK, "criteria.indent", NULL },
  { TD_SHORTCUT_FOCUS, GDK_KEY_Left, GDK_ALT_MASK, "criteria.outdent", NULL },
  { TD_SHORTCUT_WINDOW, GDK_KEY_Up, GDK_ALT_MASK, "criteria.move-up", NULL },
  { TD_SHORTCUT_WINDOW, GDK_KEY_Down, GDK_ALT_MASK, "criteria.move-down", NULL },
  { TD_SHORTCUT_WINDOW, GDK_KEY_Delete, GDK_CONTROL_MASK, "criteria.delete", NULL },
  { TD_SHORTCUT_WINDOW, GDK_KEY_z, GDK_CONTROL_MASK, "criteria.undo-delete", NULL },
  { TD_SHORTCUT_WINDOW, GDK_KEY_v, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "criteria.paste", NULL },
};

static void
td_criteria_page_class_init (TdCriteriaPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TdSectionPageClass *section_class = TD_SECTION_PAGE_CLASS (klass);

  object_class->dispose = td_criteria_page_dispose;
  object_class->finalize = td_criteria_page_finalize;
  section_class->reload = td_criteria_page_reload;
  section_class->refresh = td_criteria_page_refresh;
  section_class->context_changed = td_criteria_page_context_changed;
  td_section_page_class_set_section (section_class, "criteria", N_ ("Criteria"),
                                     "view-list-bullet-symbolic", TD_SHEET_FORM);

  g_type_ensure (TD_TYPE_BLOC_YEAR_PROMPT);
  g_type_ensure (TD_TYPE_CRITERION_EDITOR);

  td_widget_class_bind_template_children (widget_class, TdCriteriaPage, stack, prompt, empty_page,
                                          total_label, view, editor);

  gtk_widget_class_install_action (widget_class, "criteria.add-sibling", NULL, add_sibling_action);
  gtk_widget_class_install_action (widget_class, "criteria.add-child", NULL, add_child_action);
  gtk_widget_class_install_action (widget_class, "criteria.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "criteria.undo-delete", NULL, undo_delete_action);
  gtk_widget_class_install_action (widget_class, "criteria.paste", NULL, paste_action);
  gtk_widget_class_install_action (widget_class, "criteria.copy-from", NULL, copy_from_action);
  gtk_widget_class_install_action (widget_class, "criteria.edit-total", NULL, edit_total_action);
  for (guint i = 0; i < G_N_ELEMENTS (move_actions); i++)
    gtk_widget_class_install_action (widget_class, move_actions[i].name, NULL, move_action);

  td_section_page_class_add_shortcuts (section_class, shortcuts, G_N_ELEMENTS (shortcuts));
}

static void
td_criteria_page_init (TdCriteriaPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_object_bind_property (self, "database", self->prompt, "database", G_BINDING_SYNC_CREATE);

  self->problems = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->bound = g_hash_table_new (NULL, NULL);
  self->store = g_list_store_new (TD_TYPE_CRITERION_ITEM);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->store)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  g_signal_connect (self->selection, "notify::selected", G_CALLBACK (on_selection_changed), self);
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect (self->view, "activate", G_CALLBACK (on_row_activated), self);

  /* The content keeps a readable width; a narrow window scrolls sideways. */
  td_column_view_add_column (self->view, _ ("Code"), FALSE, 72, self, G_CALLBACK (setup_cell),
                             G_CALLBACK (bind_cell), G_CALLBACK (unbind_cell),
                             GINT_TO_POINTER (COL_CODE));
  td_column_view_add_column (self->view, _ ("Content"), TRUE, 280, self, G_CALLBACK (setup_cell),
                             G_CALLBACK (bind_cell), G_CALLBACK (unbind_cell),
                             GINT_TO_POINTER (COL_TITLE));
  td_column_view_add_column (self->view, _ ("Standard"), FALSE, 96, self, G_CALLBACK (setup_cell),
                             G_CALLBACK (bind_cell), G_CALLBACK (unbind_cell),
                             GINT_TO_POINTER (COL_STANDARD));
  td_column_view_add_column (self->view, _ ("Bonus / deduction"), FALSE, 210, self,
                             G_CALLBACK (setup_cell), G_CALLBACK (bind_cell),
                             G_CALLBACK (unbind_cell), GINT_TO_POINTER (COL_RULE));
  td_column_view_add_column (self->view, _ ("Assessed by"), FALSE, 150, self,
                             G_CALLBACK (setup_cell), G_CALLBACK (bind_cell),
                             G_CALLBACK (unbind_cell), GINT_TO_POINTER (COL_ASSESSOR));
  td_a11y_follow_column_view (self->view, _ ("Criteria"), 0);
}
