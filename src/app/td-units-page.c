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

#include "td-units-page.h"
#include "td-import-dialog.h"
#include "td-registry.h"
#include "td-sniff.h"
#include "td-text.h"
#include "td-unit-dialog.h"
#include "td-unit-import.h"
#include "td-unit-item.h"
#include "td-window.h"

#include <glib/gi18n.h>

struct _TdUnitsPage
{
  AdwBin parent_instance;

  GtkStack *stack;
  GtkSearchEntry *search_entry;
  GtkToggleButton *all_toggle;
  GtkLabel *summary_label;
  GtkColumnView *column_view;
  GtkColumnViewColumn *role_column; /* "Role", or "Years" in the list of all units */

  GListStore *store;
  GtkFilterListModel *filter_model;
  GtkCustomFilter *filter;
  GtkSortListModel *sort_model;
  GtkSingleSelection *selection;

  TdDb *database;
  gulong changed_handler;
  guint reload_source; /* a burst of changes (an import) reloads once */
  gint64 bloc_year_id;
  gint year;
};

G_DEFINE_FINAL_TYPE (TdUnitsPage, td_units_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_DATABASE,
  PROP_BLOC_YEAR_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
show_all (TdUnitsPage *self)
{
  return gtk_toggle_button_get_active (self->all_toggle);
}

static gboolean
writable (TdUnitsPage *self)
{
  return self->database != NULL && !td_db_is_read_only (self->database);
}

static void
update_actions (TdUnitsPage *self)
{
  gboolean w = writable (self);
  gboolean by = w && self->bloc_year_id != 0;
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
  name = td_registry_unit_name_in_year (self->database, unit_id, self->year);
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
  by = td_registry_get_bloc_year (self->database, self->bloc_year_id, NULL);
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
  g_autoptr (GPtrArray) blocs = td_registry_list_blocs (self->database, NULL);
  GString *out = g_string_new (NULL);

  for (guint i = 0; blocs != NULL && i < blocs->len; i++)
    {
      TdBloc *bloc = blocs->pdata[i];
      g_autoptr (GArray) years = td_registry_list_years (self->database, bloc->id, NULL);

      for (guint j = 0; years != NULL && j < years->len; j++)
        {
          gint year = g_array_index (years, gint, years->len - 1 - j);
          gint64 by = td_registry_find_bloc_year (self->database, bloc->id, year, NULL);

          if (td_registry_is_member (self->database, by, unit_id))
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

  if (self->database == NULL)
    {
      g_list_store_remove_all (self->store);
      gtk_stack_set_visible_child_name (self->stack, "no-database");
      update_actions (self);
      return;
    }
  blocs = td_registry_list_blocs (self->database, NULL);
  if (!show_all (self) && (blocs == NULL || blocs->len == 0 || self->bloc_year_id == 0))
    {
      g_list_store_remove_all (self->store);
      gtk_stack_set_visible_child_name (self->stack, "no-bloc");
      update_actions (self);
      return;
    }

  if (show_all (self))
    {
      g_autoptr (GPtrArray) units = td_registry_list_units (self->database, TRUE, &error);

      for (guint i = 0; units != NULL && i < units->len; i++)
        {
          g_autofree gchar *years = blocs_of_unit (self, ((TdUnit *)units->pdata[i])->id);
          g_ptr_array_add (items, td_unit_item_new_unit (units->pdata[i], years));
        }
    }
  else
    {
      g_autoptr (TdBlocYear) by
          = td_registry_get_bloc_year (self->database, self->bloc_year_id, NULL);
      g_autoptr (GPtrArray) members
          = td_registry_list_members (self->database, self->bloc_year_id, &error);

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

static gboolean
reload_idle (gpointer data)
{
  TdUnitsPage *self = data;

  self->reload_source = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_reload (TdUnitsPage *self)
{
  if (self->reload_source == 0)
    self->reload_source = g_idle_add (reload_idle, self);
}

static void
on_database_changed (TdDb *db, const char *what, TdUnitsPage *self)
{
  if (g_strcmp0 (what, "registry") == 0 || g_strcmp0 (what, "new-year") == 0)
    schedule_reload (self);
}

static void
set_database (TdUnitsPage *self, TdDb *db)
{
  if (self->database == db)
    return;
  if (self->database != NULL)
    g_clear_signal_handler (&self->changed_handler, self->database);
  g_set_object (&self->database, db);
  if (db != NULL)
    self->changed_handler
        = g_signal_connect (db, "changed", G_CALLBACK (on_database_changed), self);
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

static void
set_bloc_year_id (TdUnitsPage *self, gint64 id)
{
  if (self->bloc_year_id == id)
    return;
  self->bloc_year_id = id;
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BLOC_YEAR_ID]);
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
  return self->column_view;
}

GListModel *
td_units_page_get_model (TdUnitsPage *self)
{
  return G_LIST_MODEL (self->selection);
}

void
td_units_page_set_search (TdUnitsPage *self, const char *text)
{
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

typedef const char *(*TextGetter) (TdUnitItem *item);

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
  TextGetter getter = user_data;
  TdUnitItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);

  gtk_label_set_text (GTK_LABEL (label), getter (item));
  /* Head and deputy stand out; everything else reads plain. */
  if (getter == td_unit_item_get_role_label && td_unit_item_get_role (item) != TD_ROLE_MEMBER)
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
add_column (TdUnitsPage *self, const char *title, TextGetter getter, gboolean expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label), getter);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
  return column;
}

/* ---- actions ---- */

static GtkWindow *
parent_window (TdUnitsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
add_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdUnitsPage *self = TD_UNITS_PAGE (widget);
  TdUnitDialog *dialog;

  if (self->bloc_year_id == 0)
    return;
  dialog = td_unit_dialog_new (parent_window (self), self->database, self->bloc_year_id, 0);
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
  dialog = td_unit_dialog_new (parent_window (self), self->database,
                               show_all (self) ? 0 : self->bloc_year_id, unit_id);
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
  TdDb *db;
  gint64 bloc_year_id;
  gint64 unit_id;
  gboolean was_head;
  gboolean was_deputy;
} RemovedMember;

static void
removed_member_free (gpointer data)
{
  RemovedMember *r = data;

  g_clear_weak_pointer (&r->db);
  g_free (r);
}

static void
on_undo_remove (AdwToast *toast, RemovedMember *r)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdBlocYear) by = NULL;

  if (r->db == NULL)
    return;
  if (!td_db_begin (r->db, &error))
    goto fail;
  if (!td_registry_add_member (r->db, r->bloc_year_id, r->unit_id, &error))
    goto rollback;
  if (r->was_head || r->was_deputy)
    {
      by = td_registry_get_bloc_year (r->db, r->bloc_year_id, &error);
      if (by == NULL
          || !td_registry_set_roles (r->db, r->bloc_year_id,
                                     r->was_head ? r->unit_id : by->head_unit_id,
                                     r->was_deputy ? r->unit_id : by->deputy_unit_id, &error))
        goto rollback;
    }
  if (td_db_commit (r->db, &error))
    return;
rollback:
  td_db_rollback (r->db);
fail:
  g_warning ("Undo failed: %s", error ? error->message : "?");
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
  GtkWidget *dialog = adw_message_dialog_new (parent_window (self),
                                              _ ("The unit cannot be removed"), error->message);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "retire",
                                    _ ("_Retire Unit…"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "retire",
                                              ADW_RESPONSE_SUGGESTED);
  g_signal_connect (dialog, "response", G_CALLBACK (on_retire_instead), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  TdDb *db; /* weak: a closed database is not kept open by a pending Undo */
  TdUnitSnapshot *snapshot;
} DeletedUnit;

static void
deleted_unit_free (gpointer data)
{
  DeletedUnit *d = data;

  g_clear_weak_pointer (&d->db);
  td_unit_snapshot_free (d->snapshot);
  g_free (d);
}

static void
on_undo_delete (AdwToast *toast, DeletedUnit *d)
{
  g_autoptr (GError) error = NULL;

  if (d->db != NULL && !td_registry_restore_unit (d->db, d->snapshot, &error))
    g_warning ("Undo failed: %s", error->message);
}

/* Deleting a unit from the database (list of all units): refused with the
 * reason when it has scores, otherwise with Undo that restores it all. */
static void
delete_unit (TdUnitsPage *self, TdUnitItem *item)
{
  g_autoptr (GError) error = NULL;
  g_autofree gchar *title = NULL;
  TdUnitSnapshot *snapshot;
  DeletedUnit *d;
  AdwToast *toast;

  /* The item goes with the reload that the deletion causes: name it first. */
  /* Translators: toast after deleting a unit from the database; %s is its name */
  title = g_strdup_printf (_ ("“%s” deleted from the database"), td_unit_item_get_name (item));
  snapshot
      = td_registry_delete_unit_with_undo (self->database, td_unit_item_get_unit_id (item), &error);
  if (snapshot == NULL)
    {
      if (g_error_matches (error, TD_ERROR, TD_ERROR_CONSTRAINT))
        offer_retire (self, error);
      else
        td_window_show_error (GTK_WIDGET (self), _ ("Could not delete the unit"), error);
      return;
    }
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _ ("_Undo"));
  d = g_new0 (DeletedUnit, 1);
  d->snapshot = snapshot;
  g_set_weak_pointer (&d->db, self->database);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_delete), d,
                         (GClosureNotify)(void (*) (void))deleted_unit_free, 0);
  td_window_toast (GTK_WIDGET (self), toast);
}

static void
remove_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdUnitsPage *self = TD_UNITS_PAGE (widget);
  TdUnitItem *item = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr (GError) error = NULL;
  g_autofree gchar *title = NULL;
  RemovedMember *r;
  AdwToast *toast;

  if (item == NULL)
    return;
  if (show_all (self))
    {
      delete_unit (self, item);
      return;
    }
  r = g_new0 (RemovedMember, 1);
  /* Weak: a closed database is not kept open by a pending Undo. */
  g_set_weak_pointer (&r->db, self->database);
  r->bloc_year_id = self->bloc_year_id;
  r->unit_id = td_unit_item_get_unit_id (item);
  r->was_head = td_unit_item_get_role (item) == TD_ROLE_HEAD;
  r->was_deputy = td_unit_item_get_role (item) == TD_ROLE_DEPUTY;
  /* Translators: toast after removing a unit from the bloc; %s is its name */
  title = g_strdup_printf (_ ("“%s” removed from the bloc"), td_unit_item_get_name (item));
  if (!td_registry_remove_member (self->database, self->bloc_year_id, r->unit_id, &error))
    {
      removed_member_free (r);
      if (g_error_matches (error, TD_ERROR, TD_ERROR_CONSTRAINT))
        offer_retire (self, error);
      else
        td_window_show_error (widget, _ ("Could not remove the unit"), error);
      return;
    }
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _ ("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_remove), r,
                         (GClosureNotify)(void (*) (void))removed_member_free, 0);
  td_window_toast (widget, toast);
}

static void
set_role (TdUnitsPage *self, gboolean head)
{
  g_autoptr (TdBlocYear) by = td_registry_get_bloc_year (self->database, self->bloc_year_id, NULL);
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
  if (!td_registry_set_roles (self->database, self->bloc_year_id, h, d, &error))
    td_window_show_error (GTK_WIDGET (self), _ ("Could not change the roles"), error);
}

static void
make_head_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  set_role (TD_UNITS_PAGE (widget), TRUE);
}

static void
make_deputy_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  set_role (TD_UNITS_PAGE (widget), FALSE);
}

static void
search_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdUnitsPage *self = TD_UNITS_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* ---- small forms in message dialogs ----
 * Each has an error label under its fields and keeps its main response
 * disabled until the input is valid, so the clerk sees why at once. */

typedef struct
{
  TdUnitsPage *self;
  GtkWidget *dialog;
  GtkWidget *error_label;
  GtkWidget *entries[6];
  GtkWidget *spin;
  GtkWidget *dropdown;
  GPtrArray *checks; /* merge: GtkCheckButton per member, unit id in data */
  gint64 unit_id;
} Form;

static void
form_free (gpointer data)
{
  Form *f = data;

  g_clear_pointer (&f->checks, g_ptr_array_unref);
  g_free (f);
}

static GtkWidget *
form_entry_row (GtkWidget *list, const char *title, const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return row;
}

static GtkWidget *
form_spin_row (GtkWidget *list, const char *title, gint value, gint min, gint max)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, 1);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return spin;
}

static Form *
form_new (TdUnitsPage *self, const char *heading, const char *body, const char *response,
          const char *response_label, GtkWidget **list_out)
{
  Form *f = g_new0 (Form, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *list = gtk_list_box_new ();

  f->self = self;
  f->dialog = adw_message_dialog_new (parent_window (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (f->dialog), "cancel", _ ("_Cancel"),
                                    response, response_label, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (f->dialog), response,
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (f->dialog), response);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (f->dialog), "cancel");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  f->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (f->error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (f->error_label), 0);
  gtk_widget_add_css_class (f->error_label, "error");
  gtk_widget_set_visible (f->error_label, FALSE);
  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), f->error_label);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (f->dialog), box);
  g_object_set_data_full (G_OBJECT (f->dialog), "td-form", f, form_free);
  *list_out = list;
  return f;
}

static void
form_set_error (Form *f, const char *response, const GError *error)
{
  gtk_label_set_text (GTK_LABEL (f->error_label), error ? error->message : "");
  gtk_widget_set_visible (f->error_label, error != NULL);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (f->dialog), response, error == NULL);
}

static const char *
form_text (Form *f, guint i)
{
  return gtk_editable_get_text (GTK_EDITABLE (f->entries[i]));
}

/* Rename: new name, short name, effective date. */
static gboolean
rename_check (Form *f, GDate *date, GError **error)
{
  g_autofree gchar *name = td_text_normalize_space (form_text (f, 0));

  if (name[0] == '\0')
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID, _ ("New name: enter the new name."));
      return FALSE;
    }
  if (!td_date_from_display (form_text (f, 2), date) || g_date_get_year (date) < 2000
      || g_date_get_year (date) > 2100)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("Effective date: enter a date as dd/mm/yyyy in the years 2000 to 2100."));
      return FALSE;
    }
  return TRUE;
}

static void
on_rename_changed (GtkEditable *editable, Form *f)
{
  g_autoptr (GError) error = NULL;
  GDate date;

  rename_check (f, &date, &error);
  form_set_error (f, "rename", error);
}

static void
on_rename_response (AdwMessageDialog *dialog, const char *response, Form *f)
{
  g_autoptr (GError) error = NULL;
  GDate date;

  if (g_strcmp0 (response, "rename") != 0)
    return;
  if (!rename_check (f, &date, &error)
      || !td_registry_rename_unit (f->self->database, f->unit_id, &date, form_text (f, 0),
                                   form_text (f, 1), &error))
    td_window_show_error (GTK_WIDGET (f->self), _ ("Could not rename the unit"), error);
  else
    td_window_toast_text (GTK_WIDGET (f->self), _ ("Renamed; earlier years keep the old name"));
}

static void
rename_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdUnitsPage *self = TD_UNITS_PAGE (widget);
  g_autoptr (TdUnit) unit
      = td_registry_get_unit (self->database, td_units_page_get_selected_unit (self), NULL);
  g_autofree gchar *body = NULL;
  g_autofree gchar *date = NULL;
  GtkWidget *list;
  Form *f;

  if (unit == NULL)
    return;
  body = g_strdup_printf (_ ("From the date below “%s” bears the new name. Lists and sheets of "
                             "earlier years keep the old one."),
                          unit->name);
  f = form_new (self, _ ("Rename Unit"), body, "rename", _ ("_Rename"), &list);
  f->unit_id = unit->id;
  date = g_strdup_printf ("01/01/%d", self->year > 0 ? self->year + 1 : 2025);
  f->entries[0] = form_entry_row (list, _ ("New name"), unit->name);
  f->entries[1] = form_entry_row (list, _ ("New short name"), unit->short_name);
  f->entries[2] = form_entry_row (list, _ ("Effective date (dd/mm/yyyy)"), date);
  for (guint i = 0; i < 3; i++)
    g_signal_connect (f->entries[i], "changed", G_CALLBACK (on_rename_changed), f);
  g_signal_connect (f->dialog, "response", G_CALLBACK (on_rename_response), f);
  gtk_window_present (GTK_WINDOW (f->dialog));
}

/* Retire: from which year. */
static void
on_retire_response (AdwMessageDialog *dialog, const char *response, Form *f)
{
  g_autoptr (GError) error = NULL;
  gint year = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (f->spin));

  if (g_strcmp0 (response, "retire") != 0)
    return;
  if (!td_registry_retire_unit (f->self->database, f->unit_id, year, &error))
    td_window_show_error (GTK_WIDGET (f->self), _ ("Could not retire the unit"), error);
  else
    td_window_toast_text (GTK_WIDGET (f->self), _ ("Retired; earlier years keep the unit"));
}

static void
retire_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdUnitsPage *self = TD_UNITS_PAGE (widget);
  g_autoptr (TdUnit) unit
      = td_registry_get_unit (self->database, td_units_page_get_selected_unit (self), NULL);
  g_autofree gchar *body = NULL;
  GtkWidget *list;
  Form *f;

  if (unit == NULL)
    return;
  body = g_strdup_printf (_ ("“%s” is left out of new years from the year below on. Earlier "
                             "years keep it with its scores."),
                          unit->name);
  f = form_new (self, _ ("Retire Unit"), body, "retire", _ ("_Retire"), &list);
  f->unit_id = unit->id;
  f->spin = form_spin_row (list, _ ("From the year"), self->year > 0 ? self->year + 1 : 2025, 2000,
                           2100);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (f->dialog), "retire",
                                              ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect (f->dialog, "response", G_CALLBACK (on_retire_response), f);
  gtk_window_present (GTK_WINDOW (f->dialog));
}

/* Merge: which units, the successor's name, the date. */
static gboolean
merge_check (Form *f, GArray *ids, GDate *date, GError **error)
{
  g_autofree gchar *name = td_text_normalize_space (form_text (f, 0));

  for (guint i = 0; i < f->checks->len; i++)
    if (gtk_check_button_get_active (f->checks->pdata[i]))
      {
        gint64 id = GPOINTER_TO_SIZE (g_object_get_data (f->checks->pdata[i], "unit-id"));
        g_array_append_val (ids, id);
      }
  if (ids->len < 2)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("Units to merge: tick at least two units."));
      return FALSE;
    }
  if (name[0] == '\0')
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID, _ ("Name of the merged unit: enter a name."));
      return FALSE;
    }
  if (!td_date_from_display (form_text (f, 2), date) || g_date_get_year (date) < 2000
      || g_date_get_year (date) > 2100)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("Merge date: enter a date as dd/mm/yyyy in the years 2000 to 2100."));
      return FALSE;
    }
  return TRUE;
}

static void
on_merge_changed (GtkWidget *widget, Form *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GDate date;

  merge_check (f, ids, &date, &error);
  form_set_error (f, "merge", error);
}

static void
on_merge_response (AdwMessageDialog *dialog, const char *response, Form *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (TdUnit) successor = td_unit_new ();
  GDate date;

  if (g_strcmp0 (response, "merge") != 0)
    return;
  successor->name = g_strdup (form_text (f, 0));
  successor->short_name = g_strdup (form_text (f, 1));
  if (!merge_check (f, ids, &date, &error)
      || td_registry_merge_units (f->self->database, (gint64 *)ids->data, ids->len, successor,
                                  &date, &error)
             == 0)
    td_window_show_error (GTK_WIDGET (f->self), _ ("Could not merge the units"), error);
  else
    td_window_toast_text (GTK_WIDGET (f->self), _ ("Merged; earlier years keep both units"));
}

static void
merge_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdUnitsPage *self = TD_UNITS_PAGE (widget);
  GListModel *model = G_LIST_MODEL (self->store);
  gint64 selected = td_units_page_get_selected_unit (self);
  g_autofree gchar *date = NULL;
  GtkWidget *list, *checks;
  Form *f;

  f = form_new (self, _ ("Merge Units"),
                _ ("The ticked units become one new unit on the date below. They are retired "
                   "from that year; earlier years keep them as they were."),
                "merge", _ ("_Merge"), &list);
  f->checks = g_ptr_array_new ();
  checks = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (checks), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (checks, "boxed-list");
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (TdUnitItem) item = g_list_model_get_item (model, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), td_unit_item_get_name (item));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data (G_OBJECT (check), "unit-id",
                         GSIZE_TO_POINTER ((gsize)td_unit_item_get_unit_id (item)));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   td_unit_item_get_unit_id (item) == selected);
      g_signal_connect (check, "toggled", G_CALLBACK (on_merge_changed), f);
      g_ptr_array_add (f->checks, check);
      gtk_list_box_append (GTK_LIST_BOX (checks), row);
    }
  {
    GtkWidget *scrolled = gtk_scrolled_window_new ();
    GtkWidget *box = gtk_widget_get_parent (list);

    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), checks);
    gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 200);
    gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                    GTK_POLICY_AUTOMATIC);
    gtk_box_prepend (GTK_BOX (box), scrolled);
  }
  date = g_strdup_printf ("01/07/%d", self->year > 0 ? self->year + 1 : 2025);
  f->entries[0] = form_entry_row (list, _ ("Name of the merged unit"), "");
  f->entries[1] = form_entry_row (list, _ ("Short name"), "");
  f->entries[2] = form_entry_row (list, _ ("Merge date (dd/mm/yyyy)"), date);
  for (guint i = 0; i < 3; i++)
    g_signal_connect (f->entries[i], "changed", G_CALLBACK (on_merge_changed), f);
  on_merge_changed (NULL, f);
  g_signal_connect (f->dialog, "response", G_CALLBACK (on_merge_response), f);
  gtk_window_present (GTK_WINDOW (f->dialog));
}

/* New year: which year, copied from the latest earlier one. */
static void
on_new_year_response (AdwMessageDialog *dialog, const char *response, Form *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdBlocYear) by
      = td_registry_get_bloc_year (f->self->database, f->self->bloc_year_id, NULL);
  gint year = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (f->spin));
  gint64 id;
  GtkRoot *root;

  if (g_strcmp0 (response, "start") != 0 || by == NULL)
    return;
  id = td_registry_start_new_year (f->self->database, by->bloc_id, year, &error);
  if (id == 0)
    {
      td_window_show_error (GTK_WIDGET (f->self), _ ("Could not start the new year"), error);
      return;
    }
  root = gtk_widget_get_root (GTK_WIDGET (f->self));
  if (TD_IS_WINDOW (root))
    td_window_set_bloc_year_id (TD_WINDOW (root), id);
  td_window_toast_text (GTK_WIDGET (f->self),
                        _ ("New year started with last year's members and roles"));
}

static void
new_year_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdUnitsPage *self = TD_UNITS_PAGE (widget);
  g_autoptr (TdBlocYear) by = td_registry_get_bloc_year (self->database, self->bloc_year_id, NULL);
  g_autoptr (GArray) years = NULL;
  GtkWidget *list;
  Form *f;

  if (by == NULL)
    return;
  years = td_registry_list_years (self->database, by->bloc_id, NULL);
  f = form_new (self, _ ("Start a New Year"),
                _ ("The new year begins with the members, head, deputy and signatory of the "
                   "latest earlier year; retired units are left out. Edit it afterwards."),
                "start", _ ("_Start Year"), &list);
  f->spin = form_spin_row (
      list, _ ("Year"),
      MIN (2100, (years && years->len ? g_array_index (years, gint, 0) : by->year) + 1), 2000,
      2100);
  g_signal_connect (f->dialog, "response", G_CALLBACK (on_new_year_response), f);
  gtk_window_present (GTK_WINDOW (f->dialog));
}

/* New bloc: name, kind, authority, place, first year. */
static void
on_new_bloc_changed (GtkEditable *editable, Form *f)
{
  g_autoptr (GError) error = NULL;
  g_autofree gchar *name = td_text_normalize_space (form_text (f, 0));

  if (name[0] == '\0')
    g_set_error (&error, TD_ERROR, TD_ERROR_INVALID,
                 _ ("Bloc name: enter a name, e.g. “Khối Thi đua số 6”."));
  form_set_error (f, "create", error);
}

static void
on_new_bloc_response (AdwMessageDialog *dialog, const char *response, Form *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdBloc) bloc = td_bloc_new ();
  g_autoptr (TdBlocYear) by = td_bloc_year_new ();
  TdDb *db = f->self->database;
  gint64 id = 0;
  GtkRoot *root;

  if (g_strcmp0 (response, "create") != 0)
    return;
  bloc->name = td_text_normalize_space (form_text (f, 0));
  bloc->kind
      = adw_combo_row_get_selected (ADW_COMBO_ROW (f->dropdown)) == 1 ? TD_BLOC_CUM : TD_BLOC_KHOI;
  bloc->authority = g_strdup (form_text (f, 1));
  bloc->place = g_strdup (form_text (f, 2));
  by->year = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (f->spin));
  if (td_db_begin (db, &error))
    {
      by->bloc_id = td_registry_add_bloc (db, bloc, &error);
      if (by->bloc_id != 0)
        id = td_registry_add_bloc_year (db, by, &error);
      if (id == 0 || !td_db_commit (db, &error))
        {
          td_db_rollback (db);
          id = 0;
        }
    }
  if (id == 0)
    {
      td_window_show_error (GTK_WIDGET (f->self), _ ("Could not create the bloc"), error);
      return;
    }
  root = gtk_widget_get_root (GTK_WIDGET (f->self));
  if (TD_IS_WINDOW (root))
    td_window_set_bloc_year_id (TD_WINDOW (root), id);
}

static void
new_bloc_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdUnitsPage *self = TD_UNITS_PAGE (widget);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  const char *kinds[] = { _ ("Khối thi đua"), _ ("Cụm thi đua"), NULL };
  GtkWidget *list, *row;
  Form *f;

  f = form_new (self, _ ("New Bloc"), _ ("The bloc and its first year. Members are added next."),
                "create", _ ("C_reate"), &list);
  f->entries[0] = form_entry_row (list, _ ("Bloc name"), "");
  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ ("Kind"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (gtk_string_list_new (kinds)));
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  /* The combo row stands in for a drop-down: both have "selected". */
  f->dropdown = NULL;
  f->entries[1] = form_entry_row (list, _ ("Authority that set it up"), "");
  f->entries[2] = form_entry_row (list, _ ("Place for date lines"), "");
  f->spin = form_spin_row (list, _ ("First year"), g_date_time_get_year (now), 2000, 2100);
  g_object_set_data (G_OBJECT (f->dialog), "kind-row", row);
  g_signal_connect (f->entries[0], "changed", G_CALLBACK (on_new_bloc_changed), f);
  on_new_bloc_changed (NULL, f);
  gtk_widget_set_visible (f->error_label, FALSE);
  g_signal_connect (f->dialog, "response", G_CALLBACK (on_new_bloc_response), f);
  f->dropdown = row;
  gtk_window_present (GTK_WINDOW (f->dialog));
}

/* Bloc and year settings: the bloc's own fields, head, deputy, signatory. */
typedef struct
{
  GArray *ids; /* unit id per combo position; 0 = none */
  GtkWidget *head_row;
  GtkWidget *deputy_row;
} RolesForm;

static gint64
combo_unit (GtkWidget *row, GArray *ids)
{
  guint pos = adw_combo_row_get_selected (ADW_COMBO_ROW (row));

  return pos < ids->len ? g_array_index (ids, gint64, pos) : 0;
}

static gboolean
settings_check (Form *f, GError **error)
{
  RolesForm *r = g_object_get_data (G_OBJECT (f->dialog), "roles");
  g_autofree gchar *name = td_text_normalize_space (form_text (f, 0));

  if (name[0] == '\0')
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID, _ ("Bloc name: enter a name."));
      return FALSE;
    }
  return td_registry_check_roles (f->self->database, f->self->bloc_year_id,
                                  combo_unit (r->head_row, r->ids),
                                  combo_unit (r->deputy_row, r->ids), error);
}

static void
on_settings_changed (GObject *object, GParamSpec *pspec, Form *f)
{
  g_autoptr (GError) error = NULL;

  settings_check (f, &error);
  form_set_error (f, "save", error);
}

static void
on_settings_response (AdwMessageDialog *dialog, const char *response, Form *f)
{
  RolesForm *r = g_object_get_data (G_OBJECT (f->dialog), "roles");
  TdDb *db = f->self->database;
  g_autoptr (GError) error = NULL;
  g_autoptr (TdBlocYear) by = td_registry_get_bloc_year (db, f->self->bloc_year_id, NULL);
  g_autoptr (TdBloc) bloc = by ? td_registry_get_bloc (db, by->bloc_id, NULL) : NULL;

  if (g_strcmp0 (response, "save") != 0 || bloc == NULL)
    return;
  g_free (bloc->name);
  bloc->name = td_text_normalize_space (form_text (f, 0));
  g_free (bloc->authority);
  bloc->authority = g_strdup (form_text (f, 1));
  g_free (bloc->place);
  bloc->place = g_strdup (form_text (f, 2));
  by->head_unit_id = combo_unit (r->head_row, r->ids);
  by->deputy_unit_id = combo_unit (r->deputy_row, r->ids);
  g_free (by->signer_name);
  by->signer_name = g_strdup (form_text (f, 3));
  g_free (by->signer_position);
  by->signer_position = g_strdup (form_text (f, 4));
  g_free (by->signer_authority);
  by->signer_authority = g_strdup (form_text (f, 5));
  if (!td_db_begin (db, &error))
    goto fail;
  if (!td_registry_update_bloc (db, bloc, &error) || !td_registry_update_bloc_year (db, by, &error)
      || !td_db_commit (db, &error))
    {
      td_db_rollback (db);
      goto fail;
    }
  return;
fail:
  td_window_show_error (GTK_WIDGET (f->self), _ ("Could not save the bloc settings"), error);
}

static void
roles_form_free (gpointer data)
{
  RolesForm *r = data;

  g_array_unref (r->ids);
  g_free (r);
}

static GtkWidget *
member_combo (GtkWidget *list, const char *title, GtkStringList *names, GArray *ids, gint64 current)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == current)
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return row;
}

static void
bloc_year_settings_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdUnitsPage *self = TD_UNITS_PAGE (widget);
  g_autoptr (TdBlocYear) by = td_registry_get_bloc_year (self->database, self->bloc_year_id, NULL);
  g_autoptr (TdBloc) bloc = by ? td_registry_get_bloc (self->database, by->bloc_id, NULL) : NULL;
  g_autoptr (GPtrArray) members = NULL;
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree gchar *heading = NULL;
  RolesForm *r;
  GtkWidget *list;
  Form *f;
  gint64 none = 0;

  if (bloc == NULL)
    return;
  members = td_registry_list_members (self->database, self->bloc_year_id, NULL);
  r = g_new0 (RolesForm, 1);
  r->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_string_list_append (names, _ ("None"));
  g_array_append_val (r->ids, none);
  for (guint i = 0; members != NULL && i < members->len; i++)
    {
      TdMember *m = members->pdata[i];
      gtk_string_list_append (names, m->name);
      g_array_append_val (r->ids, m->unit_id);
    }
  /* Translators: %d is the year */
  heading = g_strdup_printf (_ ("Bloc and Year %d"), by->year);
  f = form_new (self, heading,
                _ ("The head and deputy are two different members of the bloc this year; the "
                   "signatory signs the bloc's sheets."),
                "save", _ ("_Save"), &list);
  g_object_set_data_full (G_OBJECT (f->dialog), "roles", r, roles_form_free);
  f->entries[0] = form_entry_row (list, _ ("Bloc name"), bloc->name);
  f->entries[1] = form_entry_row (list, _ ("Authority that set it up"), bloc->authority);
  f->entries[2] = form_entry_row (list, _ ("Place for date lines"), bloc->place);
  r->head_row = member_combo (list, _ ("Head (Khối trưởng)"), names, r->ids, by->head_unit_id);
  r->deputy_row = member_combo (list, _ ("Deputy (Khối phó)"), names, r->ids, by->deputy_unit_id);
  f->entries[3] = form_entry_row (list, _ ("Signatory's name"), by->signer_name);
  f->entries[4] = form_entry_row (list, _ ("Signatory's position"), by->signer_position);
  f->entries[5] = form_entry_row (list, _ ("Signs on behalf of"), by->signer_authority);
  g_signal_connect (f->entries[0], "changed", G_CALLBACK (on_settings_changed), f);
  g_signal_connect (r->head_row, "notify::selected", G_CALLBACK (on_settings_changed), f);
  g_signal_connect (r->deputy_row, "notify::selected", G_CALLBACK (on_settings_changed), f);
  on_settings_changed (NULL, NULL, f);
  g_signal_connect (f->dialog, "response", G_CALLBACK (on_settings_response), f);
  gtk_window_present (GTK_WINDOW (f->dialog));
}

/* ---- paste and CSV ---- */

static void
open_import (TdUnitsPage *self, const char *text)
{
  TdImportDialog *dialog
      = td_import_dialog_new (parent_window (self), self->database, self->bloc_year_id, text);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_clipboard_text (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (TdUnitsPage) self = user_data;
  g_autofree gchar *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);

  open_import (self, text ? text : "");
}

static void
paste_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdUnitsPage *self = TD_UNITS_PAGE (widget);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);

  /* Start with what the clipboard holds; the clerk can paste again there. */
  if (gdk_content_formats_contain_gtype (gdk_clipboard_get_formats (clipboard), G_TYPE_STRING))
    gdk_clipboard_read_text_async (clipboard, NULL, on_clipboard_text, g_object_ref (self));
  else
    open_import (self, "");
}

static void
on_csv_response (GtkNativeDialog *native, int response, TdUnitsPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autoptr (GError) error = NULL;
      g_autofree gchar *contents = NULL;
      g_autofree gchar *text = NULL;
      g_autofree gchar *name = g_file_get_basename (file);
      g_autofree gchar *display = g_filename_display_name (name);
      gsize length = 0;
      g_autoptr (GFileInfo) info
          = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, NULL);

      /* Checked (size; a workbook, a picture or an empty file is named, not
       * read as text; UTF-8 or UTF-16) before it reaches the text view. */
      if (info != NULL && g_file_info_get_size (info) > TD_UNIT_IMPORT_MAX_BYTES)
        td_unit_import_decode (NULL, TD_UNIT_IMPORT_MAX_BYTES + 1, &error); /* its "too large" */
      if (error != NULL || !g_file_load_contents (file, NULL, &contents, &length, NULL, &error)
          || !td_sniff_expect (td_sniff_data ((const guint8 *)contents, length),
                               TD_EXPECT_TEXT_TABLE, display, &error)
          || (text = td_unit_import_decode (contents, length, &error)) == NULL)
        td_window_show_error (GTK_WIDGET (self), _ ("Could not read the file"), error);
      else
        open_import (self, text);
    }
  g_object_unref (native);
}

static void
import_csv_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdUnitsPage *self = TD_UNITS_PAGE (widget);
  GtkFileChooserNative *native;
  GtkFileFilter *filter = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_ ("Import Units from CSV"), parent_window (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Open"), _ ("_Cancel"));
  gtk_file_filter_set_name (filter, _ ("CSV and text files"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.txt");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_object_unref (filter);
  g_signal_connect (native, "response", G_CALLBACK (on_csv_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* ---- object ---- */

static void
on_selection_changed (GtkSelectionModel *model, guint position, guint n, TdUnitsPage *self)
{
  update_actions (self);
}

static void
td_units_page_dispose (GObject *object)
{
  TdUnitsPage *self = TD_UNITS_PAGE (object);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  set_database (self, NULL);
  /* AdwBin unparents its child itself. */
  G_OBJECT_CLASS (td_units_page_parent_class)->dispose (object);
}

static void
td_units_page_finalize (GObject *object)
{
  TdUnitsPage *self = TD_UNITS_PAGE (object);

  g_clear_object (&self->selection);
  G_OBJECT_CLASS (td_units_page_parent_class)->finalize (object);
}

static void
td_units_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TdUnitsPage *self = TD_UNITS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    case PROP_BLOC_YEAR_ID:
      g_value_set_int64 (value, self->bloc_year_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_units_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  TdUnitsPage *self = TD_UNITS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      set_database (self, g_value_get_object (value));
      break;
    case PROP_BLOC_YEAR_ID:
      set_bloc_year_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_units_page_class_init (TdUnitsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_units_page_dispose;
  object_class->finalize = td_units_page_finalize;
  object_class->get_property = td_units_page_get_property;
  object_class->set_property = td_units_page_set_property;

  properties[PROP_DATABASE]
      = g_param_spec_object ("database", NULL, NULL, TD_TYPE_DB,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BLOC_YEAR_ID]
      = g_param_spec_int64 ("bloc-year-id", NULL, NULL, 0, G_MAXINT64, 0,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/ThiDua/ui/td-units-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TdUnitsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TdUnitsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TdUnitsPage, all_toggle);
  gtk_widget_class_bind_template_child (widget_class, TdUnitsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TdUnitsPage, column_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_all_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);

  gtk_widget_class_install_action (widget_class, "units.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "units.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "units.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "units.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "units.merge", NULL, merge_action);
  gtk_widget_class_install_action (widget_class, "units.retire", NULL, retire_action);
  gtk_widget_class_install_action (widget_class, "units.make-head", NULL, make_head_action);
  gtk_widget_class_install_action (widget_class, "units.make-deputy", NULL, make_deputy_action);
  gtk_widget_class_install_action (widget_class, "units.bloc-year-settings", NULL,
                                   bloc_year_settings_action);
  gtk_widget_class_install_action (widget_class, "units.new-year", NULL, new_year_action);
  gtk_widget_class_install_action (widget_class, "units.new-bloc", NULL, new_bloc_action);
  gtk_widget_class_install_action (widget_class, "units.paste", NULL, paste_action);
  gtk_widget_class_install_action (widget_class, "units.import-csv", NULL, import_csv_action);
  gtk_widget_class_install_action (widget_class, "units.search", NULL, search_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "units.add",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "units.search",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "units.remove", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "units.remove", NULL);
}

static void
td_units_page_init (TdUnitsPage *self)
{
  GtkSorter *sorter;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* GListStore (TdUnitItem)
   *   → GtkFilterListModel (search: every word, without case or diacritics)
   *   → GtkSortListModel (name, Vietnamese collation)
   *   → GtkSingleSelection → GtkColumnView (name, short name, role, kind, status) */
  self->store = g_list_store_new (TD_TYPE_UNIT_ITEM);
  self->filter = gtk_custom_filter_new (filter_item, self, NULL);
  self->filter_model
      = gtk_filter_list_model_new (G_LIST_MODEL (self->store), GTK_FILTER (self->filter));
  sorter = GTK_SORTER (gtk_custom_sorter_new (sort_items, NULL, NULL));
  self->sort_model = gtk_sort_list_model_new (G_LIST_MODEL (self->filter_model), sorter);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->sort_model));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect (self->selection, "selection-changed", G_CALLBACK (on_selection_changed), self);

  add_column (self, _ ("Name"), td_unit_item_get_name, TRUE);
  add_column (self, _ ("Short Name"), td_unit_item_get_short_name, FALSE);
  self->role_column = add_column (self, _ ("Role"), td_unit_item_get_role_label, FALSE);
  add_column (self, _ ("Kind"), td_unit_item_get_kind, FALSE);
  add_column (self, _ ("Status"), td_unit_item_get_status, FALSE);

  reload (self);
}
