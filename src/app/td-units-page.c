/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The "Units & blocs" section.
 *
 * Shows the members of the window's bloc-year (or, with "All Units", every
 * unit of the registry) and offers every registry edit: add, edit, remove
 * from the bloc with Undo, rename from a date, merge, retire, head and
 * deputy, signatory, a new year from the previous one, a new bloc, and
 * pasting or importing a list.  Each edit is saved at once by the core;
 * the list reloads on the database's "changed" signal. */
#include "config.h"

#include "td-a11y.h"
#include "td-column-view.h"
#include "td-dialog.h"
#include "td-units-page-private.h"
#include "td-import-dialog.h"
#include "td-registry.h"
#include "td-sheet-builders.h"
#include "td-text.h"
#include "td-unit-dialog.h"
#include "td-undo-toast.h"
#include "td-unit-item.h"
#include "td-window.h"
#include "td-template.h"

#include <glib/gi18n.h>

struct _TdUnitsPage
{
  TdSectionPage parent_instance;

  GtkStack *stack;
  GtkSearchEntry *search_entry;
  GtkToggleButton *all_toggle;
  GtkLabel *summary_label;
  GtkColumnView *column_view;
  GtkColumnViewColumn *role_column; /* "Role", or "Years" in the list of all units */

  GListStore *store;
  GtkCustomFilter *filter;
  GtkCustomSorter *sorter;
  GtkSingleSelection *selection;

  gint year;
};

G_DEFINE_FINAL_TYPE (TdUnitsPage, td_units_page, TD_TYPE_SECTION_PAGE)

static gboolean
show_all (TdUnitsPage *self)
{
  return gtk_toggle_button_get_active (self->all_toggle);
}

static gboolean
writable (TdUnitsPage *self)
{
  return td_section_page_is_writable (TD_SECTION_PAGE (self));
}

static void
update_actions (TdUnitsPage *self)
{
  gboolean w = writable (self);
  gboolean by = w && td_section_bloc_year (self) != 0;
  gboolean sel = gtk_single_selection_get_selected_item (self->selection) != NULL;
  gboolean members = by && !show_all (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "units.add", by);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "units.edit", w && sel);
  /* Delete: out of the bloc in a year's list, out of the database in "All Units". */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "units.remove",
                                 sel && (members || (w && show_all (self))));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "units.rename", w && sel);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "units.merge", w && sel);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "units.retire", w && sel);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "units.make-head", members && sel);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "units.make-deputy", members && sel);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "units.bloc-year-settings", by);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "units.paste", by);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "units.import-csv", by);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "units.new-year", by);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "units.new-bloc", w);
}

static gchar *
unit_label (TdUnitsPage *self, gint64 unit_id)
{
  g_autofree gchar *name = NULL;

  if (unit_id == 0)
    return g_strdup (_ ("not set"));
  name = td_registry_unit_name_in_year (td_section_db (self), unit_id, self->year);
  return g_strdup (name ? name : "?");
}

static void
update_summary (TdUnitsPage *self, guint n)
{
  g_autoptr (TdBlocYear) by = NULL;
  g_autofree gchar *head = NULL;
  g_autofree gchar *deputy = NULL;
  g_autofree gchar *text = NULL;

  if (show_all (self))
    {
      text = g_strdup_printf (g_dngettext (NULL, "%u unit in the database, in every bloc and year.",
                                           "%u units in the database, in every bloc and year.", n),
                              n);
      gtk_label_set_text (self->summary_label, text);
      return;
    }
  by = td_registry_get_bloc_year (td_section_db (self), td_section_bloc_year (self), NULL);
  if (by == NULL)
    return;
  head = unit_label (self, by->head_unit_id);
  deputy = unit_label (self, by->deputy_unit_id);
  text = g_strdup_printf (
      g_dngettext (NULL, "%u member in %d · Head: %s · Deputy: %s · Signs: %s %s",
                   "%u members in %d · Head: %s · Deputy: %s · Signs: %s %s", n),
      n, by->year, head, deputy, by->signer_authority[0] ? by->signer_authority : "—",
      by->signer_name);
  gtk_label_set_text (self->summary_label, text);
}

static gchar *
blocs_of_unit (TdUnitsPage *self, gint64 unit_id)
{
  /* A short "2023, 2024" of the years the unit was a member: enough to
   * tell an old unit from a current one in the list of all units. */
  g_autoptr (GPtrArray) blocs = td_registry_list_blocs (td_section_db (self), NULL);
  GString *out = g_string_new (NULL);

  for (guint i = 0; blocs != NULL && i < blocs->len; i++)
    {
      TdBloc *bloc = blocs->pdata[i];
      g_autoptr (GArray) years = td_registry_list_years (td_section_db (self), bloc->id, NULL);

      for (guint j = 0; years != NULL && j < years->len; j++)
        {
          gint year = g_array_index (years, gint, years->len - 1 - j);
          gint64 by = td_registry_find_bloc_year (td_section_db (self), bloc->id, year, NULL);

          if (td_registry_is_member (td_section_db (self), by, unit_id))
            g_string_append_printf (out, "%s%d", out->len ? ", " : "", year);
        }
    }
  return g_string_free (out, FALSE);
}

static void
reload (TdUnitsPage *self)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) blocs = NULL;
  gint64 keep = td_units_page_get_selected_unit (self);

  if (td_section_db (self) == NULL)
    {
      g_list_store_remove_all (self->store);
      gtk_stack_set_visible_child_name (self->stack, "no-database");
      update_actions (self);
      return;
    }
  blocs = td_registry_list_blocs (td_section_db (self), NULL);
  if (!show_all (self) && (blocs == NULL || blocs->len == 0 || td_section_bloc_year (self) == 0))
    {
      g_list_store_remove_all (self->store);
      gtk_stack_set_visible_child_name (self->stack, "no-bloc");
      update_actions (self);
      return;
    }

  if (show_all (self))
    {
      g_autoptr (GPtrArray) units = td_registry_list_units (td_section_db (self), TRUE, &error);

      for (guint i = 0; units != NULL && i < units->len; i++)
        {
          g_autofree gchar *years = blocs_of_unit (self, ((TdUnit *)units->pdata[i])->id);
          g_ptr_array_add (items, td_unit_item_new_unit (units->pdata[i], years));
        }
    }
  else
    {
      g_autoptr (TdBlocYear) by
          = td_registry_get_bloc_year (td_section_db (self), td_section_bloc_year (self), NULL);
      g_autoptr (GPtrArray) members
          = td_registry_list_members (td_section_db (self), td_section_bloc_year (self), &error);

      self->year = by ? by->year : 0;
      for (guint i = 0; members != NULL && i < members->len; i++)
        g_ptr_array_add (items, td_unit_item_new_member (members->pdata[i]));
    }
  if (error != NULL)
    td_window_show_error (GTK_WIDGET (self), _ ("Could not read the units"), error);

  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);
  gtk_column_view_column_set_title (self->role_column, show_all (self) ? _ ("Years") : _ ("Role"));
  gtk_stack_set_visible_child_name (self->stack,
                                    items->len == 0 && !show_all (self) ? "empty" : "list");
  update_summary (self, items->len);
  if (keep == 0 || !td_units_page_select_unit (self, keep))
    gtk_single_selection_set_selected (
        self->selection,
        g_list_model_get_n_items (G_LIST_MODEL (self->selection)) ? 0 : GTK_INVALID_LIST_POSITION);
  update_actions (self);
}

static void
td_units_page_reload (TdSectionPage *page)
{
  reload (TD_UNITS_PAGE (page));
}

/* A burst of changes (an import) reloads once. */
static void
td_units_page_refresh (TdSectionPage *page, const char *what)
{
  if (g_strcmp0 (what, "registry") == 0 || g_strcmp0 (what, "new-year") == 0)
    td_section_page_queue_reload (page);
}

gint
td_units_page_get_year (TdUnitsPage *self)
{
  return self->year;
}

GListModel *
td_units_page_get_units (TdUnitsPage *self)
{
  return G_LIST_MODEL (self->store);
}

gint64
td_units_page_get_selected_unit (TdUnitsPage *self)
{
  TdUnitItem *item = gtk_single_selection_get_selected_item (self->selection);

  return item ? td_unit_item_get_unit_id (item) : 0;
}

gboolean
td_units_page_select_unit (TdUnitsPage *self, gint64 unit_id)
{
  td_section_page_ensure_loaded (TD_SECTION_PAGE (self));
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (TdUnitItem) item = g_list_model_get_item (model, i);

      if (td_unit_item_get_unit_id (item) == unit_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }
  return FALSE;
}

GtkColumnView *
td_units_page_get_column_view (TdUnitsPage *self)
{
  td_section_page_ensure_loaded (TD_SECTION_PAGE (self));
  return self->column_view;
}

GListModel *
td_units_page_get_model (TdUnitsPage *self)
{
  td_section_page_ensure_loaded (TD_SECTION_PAGE (self));
  return G_LIST_MODEL (self->selection);
}

void
td_units_page_set_search (TdUnitsPage *self, const char *text)
{
  td_section_page_ensure_loaded (TD_SECTION_PAGE (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_search_changed (GtkSearchEntry *entry, TdUnitsPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_all_toggled (GtkToggleButton *button, TdUnitsPage *self)
{
  reload (self);
}

static gboolean
filter_item (gpointer item, gpointer user_data)
{
  TdUnitsPage *self = user_data;

  return td_unit_item_matches (item, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static int
sort_items (gconstpointer a, gconstpointer b, gpointer user_data)
{
  return td_text_collate (td_unit_item_get_name ((TdUnitItem *)a),
                          td_unit_item_get_name ((TdUnitItem *)b));
}

/* ---- columns ---- */

static void
setup_label (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_label (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  TdUnitItemText which = GPOINTER_TO_UINT (user_data);
  TdUnitItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);

  gtk_label_set_text (GTK_LABEL (label), td_unit_item_get_text (item, which));
  /* Head and deputy stand out; everything else reads plain. */
  if (which == TD_UNIT_ITEM_ROLE_LABEL && td_unit_item_get_role (item) != TD_ROLE_MEMBER)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      gtk_label_set_attributes (GTK_LABEL (label), attrs);
      pango_attr_list_unref (attrs);
    }
  else
    gtk_label_set_attributes (GTK_LABEL (label), NULL);
}

static GtkColumnViewColumn *
add_column (TdUnitsPage *self, const char *title, TdUnitItemText which, gboolean expand)
{
  return td_column_view_add_column (self->column_view, title, expand, 0, NULL,
                                    G_CALLBACK (setup_label), G_CALLBACK (bind_label), NULL,
                                    GUINT_TO_POINTER (which));
}

/* ---- actions ---- */

static GtkWindow *
parent_window (TdUnitsPage *self)
{
  return td_section_page_get_window (TD_SECTION_PAGE (self));
}

static void
add_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdUnitsPage *self = TD_UNITS_PAGE (widget);
  TdUnitDialog *dialog;

  if (td_section_bloc_year (self) == 0)
    return;
  dialog = td_unit_dialog_new (parent_window (self), td_section_db (self),
                               td_section_bloc_year (self), 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdUnitsPage *self = TD_UNITS_PAGE (widget);
  gint64 unit_id = td_units_page_get_selected_unit (self);
  TdUnitDialog *dialog;

  if (unit_id == 0)
    return;
  dialog = td_unit_dialog_new (parent_window (self), td_section_db (self),
                               show_all (self) ? 0 : td_section_bloc_year (self), unit_id);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_activate (GtkColumnView *view, guint position, TdUnitsPage *self)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "units.edit", NULL);
}

typedef struct
{
  gint64 bloc_year_id;
  gint64 unit_id;
  gboolean was_head;
  gboolean was_deputy;
} RemovedMember;

/* Back into the bloc, with the role it had (in the Undo's transaction). */
static gboolean
restore_member (TdDb *db, gpointer data, GError **error)
{
  RemovedMember *r = data;
  g_autoptr (TdBlocYear) by = NULL;

  if (!td_registry_add_member (db, r->bloc_year_id, r->unit_id, error))
    return FALSE;
  if (!r->was_head && !r->was_deputy)
    return TRUE;
  by = td_registry_get_bloc_year (db, r->bloc_year_id, error);
  return by != NULL
         && td_registry_set_roles (db, r->bloc_year_id, r->was_head ? r->unit_id : by->head_unit_id,
                                   r->was_deputy ? r->unit_id : by->deputy_unit_id, error);
}

static void
on_retire_instead (AdwMessageDialog *dialog, const char *response, TdUnitsPage *self)
{
  if (g_strcmp0 (response, "retire") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "units.retire", NULL);
}

/* A unit with scores cannot be removed: say why and offer to retire it. */
static void
offer_retire (TdUnitsPage *self, const GError *error)
{
  GtkWidget *dialog
      = td_message_dialog_new (GTK_WIDGET (self), _ ("The unit cannot be removed"), error->message);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "retire",
                                    _ ("_Retire Unit…"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "retire",
                                              ADW_RESPONSE_SUGGESTED);
  g_signal_connect (dialog, "response", G_CALLBACK (on_retire_instead), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
restore_unit (TdDb *db, gpointer snapshot, GError **error)
{
  return td_registry_restore_unit (db, snapshot, error);
}

/* Deleting a unit from the database (list of all units): refused with the
 * reason when it has scores, otherwise with Undo that restores it all. */
static void
delete_unit (TdUnitsPage *self, TdUnitItem *item)
{
  g_autoptr (GError) error = NULL;
  g_autofree gchar *title = NULL;
  TdUnitSnapshot *snapshot;

  /* The item goes with the reload that the deletion causes: name it first. */
  /* Translators: toast after deleting a unit from the database; %s is its name */
  title = g_strdup_printf (_ ("“%s” deleted from the database"), td_unit_item_get_name (item));
  snapshot = td_registry_delete_unit_with_undo (td_section_db (self),
                                                td_unit_item_get_unit_id (item), &error);
  if (snapshot == NULL)
    {
      if (g_error_matches (error, TD_ERROR, TD_ERROR_CONSTRAINT))
        offer_retire (self, error);
      else
        td_window_show_error (GTK_WIDGET (self), _ ("Could not delete the unit"), error);
      return;
    }
  /* The database is held weakly: a closed one is not kept open by a
   * pending Undo. */
  td_window_toast (GTK_WIDGET (self),
                   td_undo_toast_new (GTK_WIDGET (self), title, td_section_db (self), restore_unit,
                                      snapshot, (GDestroyNotify)td_unit_snapshot_free));
}

static void
remove_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdUnitsPage *self = TD_UNITS_PAGE (widget);
  TdUnitItem *item = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr (GError) error = NULL;
  g_autofree gchar *title = NULL;
  RemovedMember *r;

  if (item == NULL)
    return;
  if (show_all (self))
    {
      delete_unit (self, item);
      return;
    }
  r = g_new0 (RemovedMember, 1);
  r->bloc_year_id = td_section_bloc_year (self);
  r->unit_id = td_unit_item_get_unit_id (item);
  r->was_head = td_unit_item_get_role (item) == TD_ROLE_HEAD;
  r->was_deputy = td_unit_item_get_role (item) == TD_ROLE_DEPUTY;
  /* Translators: toast after removing a unit from the bloc; %s is its name */
  title = g_strdup_printf (_ ("“%s” removed from the bloc"), td_unit_item_get_name (item));
  if (!td_registry_remove_member (td_section_db (self), td_section_bloc_year (self), r->unit_id,
                                  &error))
    {
      g_free (r);
      if (g_error_matches (error, TD_ERROR, TD_ERROR_CONSTRAINT))
        offer_retire (self, error);
      else
        td_window_show_error (widget, _ ("Could not remove the unit"), error);
      return;
    }
  td_window_toast (
      widget, td_undo_toast_new (widget, title, td_section_db (self), restore_member, r, g_free));
}

static void
set_role (TdUnitsPage *self, gboolean head)
{
  g_autoptr (TdBlocYear) by
      = td_registry_get_bloc_year (td_section_db (self), td_section_bloc_year (self), NULL);
  g_autoptr (GError) error = NULL;
  gint64 unit_id = td_units_page_get_selected_unit (self);
  gint64 h, d;

  if (by == NULL || unit_id == 0)
    return;
  h = by->head_unit_id;
  d = by->deputy_unit_id;
  /* Moving the role of the other one frees it rather than refusing. */
  if (head)
    {
      h = unit_id;
      if (d == unit_id)
        d = 0;
    }
  else
    {
      d = unit_id;
      if (h == unit_id)
        h = 0;
    }
  if (!td_registry_set_roles (td_section_db (self), td_section_bloc_year (self), h, d, &error))
    td_window_show_error (GTK_WIDGET (self), _ ("Could not change the roles"), error);
}

/* units.make-head or units.make-deputy */
static void
set_role_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  set_role (TD_UNITS_PAGE (widget), g_str_equal (action_name, "units.make-head"));
}

static void
search_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdUnitsPage *self = TD_UNITS_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* The registry's forms (td-units-forms.c), one action each. */
static const struct
{
  const char *name;
  void (*run) (TdUnitsPage *self);
} form_actions[] = {
  { "units.rename", td_units_page_rename },
  { "units.merge", td_units_page_merge },
  { "units.retire", td_units_page_retire },
  { "units.bloc-year-settings", td_units_page_edit_bloc_year },
  { "units.new-year", td_units_page_start_new_year },
  { "units.new-bloc", td_units_page_new_bloc },
  { "units.paste", td_units_page_paste },
  { "units.import-csv", td_units_page_import_csv },
};

static void
form_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  for (guint i = 0; i < G_N_ELEMENTS (form_actions); i++)
    if (g_str_equal (action_name, form_actions[i].name))
      form_actions[i].run (TD_UNITS_PAGE (widget));
}

/* ---- object ---- */

static void
on_selection_changed (GtkSelectionModel *model, guint position, guint n, TdUnitsPage *self)
{
  update_actions (self);
}

/* The section's keys (td-section-page.h). */
static const TdSectionShortcut shortcuts[] = {
  { TD_SHORTCUT_WINDOW, GDK_KEY_z, GDK_CONTROL_MASK, "units.undo-delete", NULL },
  { TD_SHORTCUT_WINDOW, GDK_KEY_n, GDK_CONTROL_MASK, "units.add", NULL },
  { TD_SHORTCUT_WINDOW, GDK_KEY_f, GDK_CONTROL_MASK, "units.search", NULL },
  /* Delete in a text field deletes text, not a unit. */
  { TD_SHORTCUT_FOCUS, GDK_KEY_Delete, 0, "units.remove", NULL },
  { TD_SHORTCUT_FOCUS, GDK_KEY_KP_Delete, 0, "units.remove", NULL },
};

static void
td_units_page_class_init (TdUnitsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TdSectionPageClass *section_class = TD_SECTION_PAGE_CLASS (klass);

  section_class->reload = td_units_page_reload;
  section_class->refresh = td_units_page_refresh;
  td_section_page_class_set_section (section_class, "units", N_ ("Units & Blocs"),
                                     "system-users-symbolic", TD_SHEET_RANKING);

  g_type_ensure (TD_TYPE_UNIT_ITEM);
  td_widget_class_bind_template_children (widget_class, TdUnitsPage, stack, search_entry,
                                          all_toggle, summary_label, column_view, store, filter,
                                          sorter, selection);
  td_widget_class_bind_template_callbacks (widget_class, on_search_changed, on_all_toggled,
                                           on_activate, on_selection_changed);

  gtk_widget_class_install_action (widget_class, "units.undo-delete", NULL,
                                   td_undo_toast_undo_action);
  gtk_widget_class_install_action (widget_class, "units.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "units.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "units.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "units.make-head", NULL, set_role_action);
  gtk_widget_class_install_action (widget_class, "units.make-deputy", NULL, set_role_action);
  gtk_widget_class_install_action (widget_class, "units.search", NULL, search_action);
  for (guint i = 0; i < G_N_ELEMENTS (form_actions); i++)
    gtk_widget_class_install_action (widget_class, form_actions[i].name, NULL, form_action);

  td_section_page_class_add_shortcuts (section_class, shortcuts, G_N_ELEMENTS (shortcuts));
}

static void
td_units_page_init (TdUnitsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The template's GListStore (TdUnitItem)
   *   → GtkFilterListModel (search: every word, without case or diacritics)
   *   → GtkSortListModel (name, Vietnamese collation)
   *   → GtkSingleSelection → GtkColumnView (name, short name, role, kind, status) */
  gtk_custom_filter_set_filter_func (self->filter, filter_item, self, NULL);
  gtk_custom_sorter_set_sort_func (self->sorter, sort_items, NULL, NULL);

  add_column (self, _ ("Name"), TD_UNIT_ITEM_NAME, TRUE);
  add_column (self, _ ("Short Name"), TD_UNIT_ITEM_SHORT_NAME, FALSE);
  self->role_column = add_column (self, _ ("Role"), TD_UNIT_ITEM_ROLE_LABEL, FALSE);
  add_column (self, _ ("Kind"), TD_UNIT_ITEM_KIND, FALSE);
  add_column (self, _ ("Status"), TD_UNIT_ITEM_STATUS, FALSE);
  td_a11y_follow_column_view (self->column_view, _ ("Units"), 0);
}
