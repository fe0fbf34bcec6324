/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The registry's forms of the Units & Blocs section: rename a unit from a
 * date, retire it, merge units, start a new year from the previous one, a
 * new bloc, the bloc and year settings (head, deputy, signatory), and
 * pasting or importing a list.  Each is a TdForm (td-form.h): the reason
 * a value is refused is shown under the form, and its main button waits
 * until the input is valid. */
#include "config.h"

#include "td-import-dialog.h"
#include "td-dialog.h"
#include "td-form.h"
#include "td-registry.h"
#include "td-sniff.h"
#include "td-text.h"
#include "td-unit-import.h"
#include "td-unit-item.h"
#include "td-units-page-private.h"
#include "td-window.h"

#include <glib/gi18n.h>

/* The unit the forms below are about (NULL: none is selected). */
static TdUnit *
selected_unit (TdUnitsPage *self)
{
  return td_registry_get_unit (td_section_db (self), td_units_page_get_selected_unit (self), NULL);
}

/* A change to the registry takes effect from the year after the one shown. */
static gint
next_year (TdUnitsPage *self)
{
  gint year = td_units_page_get_year (self);

  return year > 0 ? year + 1 : 2025;
}

/* Refuses the form's input, saying why; FALSE. */
static gboolean
refuse (GError **error, const char *message)
{
  g_set_error_literal (error, TD_ERROR, TD_ERROR_INVALID, message);
  return FALSE;
}

/* Reads entry @entry as a date (dd/mm/yyyy) of the years 2000 to 2100;
 * otherwise refuses with @message. */
static gboolean
read_date (TdForm *f, guint entry, GDate *date, const char *message, GError **error)
{
  if (td_date_from_display (td_form_text (f, entry), date) && g_date_get_year (date) >= 2000
      && g_date_get_year (date) <= 2100)
    return TRUE;
  return refuse (error, message);
}

/* Rename: new name, short name, effective date. */
static gboolean
rename_check (TdForm *f, GDate *date, GError **error)
{
  g_autofree gchar *name = td_text_normalize_space (td_form_text (f, 0));

  if (name[0] == '\0')
    return refuse (error, _ ("New name: enter the new name."));
  return read_date (f, 2, date,
                    _ ("Effective date: enter a date as dd/mm/yyyy in the years 2000 to 2100."),
                    error);
}

static void
on_rename_changed (GtkEditable *editable, TdForm *f)
{
  g_autoptr (GError) error = NULL;
  GDate date;

  rename_check (f, &date, &error);
  td_form_set_error (f, error);
}

static void
on_rename_accept (TdForm *f)
{
  g_autoptr (GError) error = NULL;
  GDate date;
  gboolean ok;

  ok = rename_check (f, &date, &error)
       && td_registry_rename_unit (td_section_db (f->owner), f->id, &date, td_form_text (f, 0),
                                   td_form_text (f, 1), &error);
  td_form_report (f, ok, error, _ ("Could not rename the unit"),
                  _ ("Renamed; earlier years keep the old name"));
}

void
td_units_page_rename (TdUnitsPage *self)
{
  g_autoptr (TdUnit) unit = selected_unit (self);
  g_autofree gchar *body = NULL;
  g_autofree gchar *date = NULL;
  TdForm *f;

  if (unit == NULL)
    return;
  body = g_strdup_printf (_ ("From the date below “%s” bears the new name. Lists and sheets of "
                             "earlier years keep the old one."),
                          unit->name);
  f = td_form_new (GTK_WIDGET (self), _ ("Rename Unit"), body, "rename", _ ("_Rename"));
  f->id = unit->id;
  date = g_strdup_printf ("01/01/%d", next_year (self));
  f->entries[0] = td_form_add_entry (f, _ ("New name"), unit->name);
  f->entries[1] = td_form_add_entry (f, _ ("New short name"), unit->short_name);
  f->entries[2] = td_form_add_entry (f, _ ("Effective date (dd/mm/yyyy)"), date);
  for (guint i = 0; i < 3; i++)
    g_signal_connect (f->entries[i], "changed", G_CALLBACK (on_rename_changed), f);
  td_form_present (f, on_rename_accept);
}

/* Retire: from which year. */
static void
on_retire_accept (TdForm *f)
{
  g_autoptr (GError) error = NULL;
  gint year = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (f->spin));
  gboolean ok;

  ok = td_registry_retire_unit (td_section_db (f->owner), f->id, year, &error);
  td_form_report (f, ok, error, _ ("Could not retire the unit"),
                  _ ("Retired; earlier years keep the unit"));
}

void
td_units_page_retire (TdUnitsPage *self)
{
  g_autoptr (TdUnit) unit = selected_unit (self);
  g_autofree gchar *body = NULL;
  TdForm *f;

  if (unit == NULL)
    return;
  body = g_strdup_printf (_ ("“%s” is left out of new years from the year below on. Earlier "
                             "years keep it with its scores."),
                          unit->name);
  f = td_form_new (GTK_WIDGET (self), _ ("Retire Unit"), body, "retire", _ ("_Retire"));
  f->id = unit->id;
  f->spin = td_form_add_spin (f, _ ("From the year"), next_year (self), 2000, 2100);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (f->dialog), "retire",
                                              ADW_RESPONSE_DESTRUCTIVE);
  td_form_present (f, on_retire_accept);
}

/* Merge: which units, the successor's name, the date. */
static gboolean
merge_check (TdForm *f, GArray *ids, GDate *date, GError **error)
{
  g_autofree gchar *name = td_text_normalize_space (td_form_text (f, 0));

  for (guint i = 0; i < f->checks->len; i++)
    if (gtk_check_button_get_active (f->checks->pdata[i]))
      {
        gint64 id = GPOINTER_TO_SIZE (g_object_get_data (f->checks->pdata[i], "unit-id"));
        g_array_append_val (ids, id);
      }
  if (ids->len < 2)
    return refuse (error, _ ("Units to merge: tick at least two units."));
  if (name[0] == '\0')
    return refuse (error, _ ("Name of the merged unit: enter a name."));
  return read_date (f, 2, date,
                    _ ("Merge date: enter a date as dd/mm/yyyy in the years 2000 to 2100."), error);
}

static void
on_merge_changed (GtkWidget *widget, TdForm *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GDate date;

  merge_check (f, ids, &date, &error);
  td_form_set_error (f, error);
}

static void
on_merge_accept (TdForm *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (TdUnit) successor = td_unit_new ();
  GDate date;
  gboolean ok;

  successor->name = g_strdup (td_form_text (f, 0));
  successor->short_name = g_strdup (td_form_text (f, 1));
  ok = merge_check (f, ids, &date, &error)
       && td_registry_merge_units (td_section_db (f->owner), (gint64 *)ids->data, ids->len,
                                   successor, &date, &error)
              != 0;
  td_form_report (f, ok, error, _ ("Could not merge the units"),
                  _ ("Merged; earlier years keep both units"));
}

void
td_units_page_merge (TdUnitsPage *self)
{
  GListModel *model = td_units_page_get_units (self);
  gint64 selected = td_units_page_get_selected_unit (self);
  g_autofree gchar *date = NULL;
  GtkWidget *checks;
  TdForm *f;

  f = td_form_new (GTK_WIDGET (self), _ ("Merge Units"),
                   _ ("The ticked units become one new unit on the date below. They are retired "
                      "from that year; earlier years keep them as they were."),
                   "merge", _ ("_Merge"));
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
    GtkWidget *box = gtk_widget_get_parent (f->list);

    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), checks);
    gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 200);
    gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                    GTK_POLICY_AUTOMATIC);
    gtk_box_prepend (GTK_BOX (box), scrolled);
  }
  date = g_strdup_printf ("01/07/%d", next_year (self));
  f->entries[0] = td_form_add_entry (f, _ ("Name of the merged unit"), "");
  f->entries[1] = td_form_add_entry (f, _ ("Short name"), "");
  f->entries[2] = td_form_add_entry (f, _ ("Merge date (dd/mm/yyyy)"), date);
  for (guint i = 0; i < 3; i++)
    g_signal_connect (f->entries[i], "changed", G_CALLBACK (on_merge_changed), f);
  on_merge_changed (NULL, f);
  td_form_present (f, on_merge_accept);
}

/* New year: which year, copied from the latest earlier one. */
static void
on_new_year_accept (TdForm *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdBlocYear) by
      = td_registry_get_bloc_year (td_section_db (f->owner), td_section_bloc_year (f->owner), NULL);
  gint year = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (f->spin));
  gint64 id;
  GtkRoot *root;

  if (by == NULL)
    return;
  id = td_registry_start_new_year (td_section_db (f->owner), by->bloc_id, year, &error);
  if (id == 0)
    {
      td_window_show_error (f->owner, _ ("Could not start the new year"), error);
      return;
    }
  root = gtk_widget_get_root (f->owner);
  if (TD_IS_WINDOW (root))
    td_window_set_bloc_year_id (TD_WINDOW (root), id);
  td_window_toast_text (f->owner, _ ("New year started with last year's members and roles"));
}

void
td_units_page_start_new_year (TdUnitsPage *self)
{
  g_autoptr (TdBlocYear) by
      = td_registry_get_bloc_year (td_section_db (self), td_section_bloc_year (self), NULL);
  g_autoptr (GArray) years = NULL;
  TdForm *f;

  if (by == NULL)
    return;
  years = td_registry_list_years (td_section_db (self), by->bloc_id, NULL);
  f = td_form_new (GTK_WIDGET (self), _ ("Start a New Year"),
                   _ ("The new year begins with the members, head, deputy and signatory of the "
                      "latest earlier year; retired units are left out. Edit it afterwards."),
                   "start", _ ("_Start Year"));
  f->spin = td_form_add_spin (
      f, _ ("Year"),
      MIN (2100, (years && years->len ? g_array_index (years, gint, 0) : by->year) + 1), 2000,
      2100);
  td_form_present (f, on_new_year_accept);
}

/* A bloc with one of its years: the new bloc and its first year, or the
 * settings of both. */
typedef struct
{
  TdBloc *bloc;
  TdBlocYear *year;
} BlocAndYear;

/* Steps of td_db_transaction: the bloc and its first year (its id then in
 * the year), or neither. */
static gboolean
add_bloc_and_year (TdDb *db, gpointer data, GError **error)
{
  BlocAndYear *b = data;

  b->year->bloc_id = td_registry_add_bloc (db, b->bloc, error);
  if (b->year->bloc_id == 0)
    return FALSE;
  b->year->id = td_registry_add_bloc_year (db, b->year, error);
  return b->year->id != 0;
}

/* Steps of td_db_transaction: the bloc's settings and its year's, both or
 * neither. */
static gboolean
update_bloc_and_year (TdDb *db, gpointer data, GError **error)
{
  BlocAndYear *b = data;

  return td_registry_update_bloc (db, b->bloc, error)
         && td_registry_update_bloc_year (db, b->year, error);
}

/* New bloc: name, kind, authority, place, first year. */
static void
on_new_bloc_changed (GtkEditable *editable, TdForm *f)
{
  g_autoptr (GError) error = NULL;
  g_autofree gchar *name = td_text_normalize_space (td_form_text (f, 0));

  if (name[0] == '\0')
    g_set_error (&error, TD_ERROR, TD_ERROR_INVALID,
                 _ ("Bloc name: enter a name, e.g. “Khối Thi đua số 6”."));
  td_form_set_error (f, error);
}

static void
on_new_bloc_accept (TdForm *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdBloc) bloc = td_bloc_new ();
  g_autoptr (TdBlocYear) by = td_bloc_year_new ();
  BlocAndYear added = { bloc, by };
  GtkRoot *root;

  bloc->name = td_text_normalize_space (td_form_text (f, 0));
  bloc->kind
      = adw_combo_row_get_selected (ADW_COMBO_ROW (f->combo)) == 1 ? TD_BLOC_CUM : TD_BLOC_KHOI;
  bloc->authority = g_strdup (td_form_text (f, 1));
  bloc->place = g_strdup (td_form_text (f, 2));
  by->year = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (f->spin));
  if (!td_db_transaction (td_section_db (f->owner), add_bloc_and_year, &added, &error))
    {
      td_window_show_error (f->owner, _ ("Could not create the bloc"), error);
      return;
    }
  root = gtk_widget_get_root (f->owner);
  if (TD_IS_WINDOW (root))
    td_window_set_bloc_year_id (TD_WINDOW (root), by->id);
}

void
td_units_page_new_bloc (TdUnitsPage *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  const char *kinds[] = { _ ("Khối thi đua"), _ ("Cụm thi đua"), NULL };
  GtkWidget *row;
  TdForm *f;

  f = td_form_new (GTK_WIDGET (self), _ ("New Bloc"),
                   _ ("The bloc and its first year. Members are added next."), "create",
                   _ ("C_reate"));
  f->entries[0] = td_form_add_entry (f, _ ("Bloc name"), "");
  row = td_form_add_combo (f, _ ("Kind"), G_LIST_MODEL (gtk_string_list_new (kinds)),
                           GTK_INVALID_LIST_POSITION);
  /* The combo row stands in for a drop-down: both have "selected". */
  f->combo = NULL;
  f->entries[1] = td_form_add_entry (f, _ ("Authority that set it up"), "");
  f->entries[2] = td_form_add_entry (f, _ ("Place for date lines"), "");
  f->spin = td_form_add_spin (f, _ ("First year"), g_date_time_get_year (now), 2000, 2100);
  g_object_set_data (G_OBJECT (f->dialog), "kind-row", row);
  g_signal_connect (f->entries[0], "changed", G_CALLBACK (on_new_bloc_changed), f);
  on_new_bloc_changed (NULL, f);
  gtk_widget_set_visible (f->error_label, FALSE);
  f->combo = row;
  td_form_present (f, on_new_bloc_accept);
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
settings_check (TdForm *f, GError **error)
{
  RolesForm *r = g_object_get_data (G_OBJECT (f->dialog), "roles");
  g_autofree gchar *name = td_text_normalize_space (td_form_text (f, 0));

  if (name[0] == '\0')
    return refuse (error, _ ("Bloc name: enter a name."));
  return td_registry_check_roles (td_section_db (f->owner), td_section_bloc_year (f->owner),
                                  combo_unit (r->head_row, r->ids),
                                  combo_unit (r->deputy_row, r->ids), error);
}

static void
on_settings_changed (GObject *object, GParamSpec *pspec, TdForm *f)
{
  g_autoptr (GError) error = NULL;

  settings_check (f, &error);
  td_form_set_error (f, error);
}

static void
on_settings_accept (TdForm *f)
{
  RolesForm *r = g_object_get_data (G_OBJECT (f->dialog), "roles");
  TdDb *db = td_section_db (f->owner);
  g_autoptr (GError) error = NULL;
  g_autoptr (TdBlocYear) by = td_registry_get_bloc_year (db, td_section_bloc_year (f->owner), NULL);
  g_autoptr (TdBloc) bloc = by ? td_registry_get_bloc (db, by->bloc_id, NULL) : NULL;

  if (bloc == NULL)
    return;
  g_free (bloc->name);
  bloc->name = td_text_normalize_space (td_form_text (f, 0));
  g_free (bloc->authority);
  bloc->authority = g_strdup (td_form_text (f, 1));
  g_free (bloc->place);
  bloc->place = g_strdup (td_form_text (f, 2));
  by->head_unit_id = combo_unit (r->head_row, r->ids);
  by->deputy_unit_id = combo_unit (r->deputy_row, r->ids);
  g_free (by->signer_name);
  by->signer_name = g_strdup (td_form_text (f, 3));
  g_free (by->signer_position);
  by->signer_position = g_strdup (td_form_text (f, 4));
  g_free (by->signer_authority);
  by->signer_authority = g_strdup (td_form_text (f, 5));
  if (!td_db_transaction (db, update_bloc_and_year, &(BlocAndYear){ bloc, by }, &error))
    td_window_show_error (f->owner, _ ("Could not save the bloc settings"), error);
}

static void
roles_form_free (gpointer data)
{
  RolesForm *r = data;

  g_array_unref (r->ids);
  g_free (r);
}

static GtkWidget *
member_combo (TdForm *f, const char *title, GtkStringList *names, GArray *ids, gint64 current)
{
  guint selected = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == current)
      selected = i;
  return td_form_add_combo (f, title, G_LIST_MODEL (names), selected);
}

void
td_units_page_edit_bloc_year (TdUnitsPage *self)
{
  g_autoptr (TdBlocYear) by
      = td_registry_get_bloc_year (td_section_db (self), td_section_bloc_year (self), NULL);
  g_autoptr (TdBloc) bloc
      = by ? td_registry_get_bloc (td_section_db (self), by->bloc_id, NULL) : NULL;
  g_autoptr (GPtrArray) members = NULL;
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree gchar *heading = NULL;
  RolesForm *r;
  TdForm *f;
  gint64 none = 0;

  if (bloc == NULL)
    return;
  members = td_registry_list_members (td_section_db (self), td_section_bloc_year (self), NULL);
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
  f = td_form_new (GTK_WIDGET (self), heading,
                   _ ("The head and deputy are two different members of the bloc this year; the "
                      "signatory signs the bloc's sheets."),
                   "save", _ ("_Save"));
  g_object_set_data_full (G_OBJECT (f->dialog), "roles", r, roles_form_free);
  f->entries[0] = td_form_add_entry (f, _ ("Bloc name"), bloc->name);
  f->entries[1] = td_form_add_entry (f, _ ("Authority that set it up"), bloc->authority);
  f->entries[2] = td_form_add_entry (f, _ ("Place for date lines"), bloc->place);
  r->head_row = member_combo (f, _ ("Head (Khối trưởng)"), names, r->ids, by->head_unit_id);
  r->deputy_row = member_combo (f, _ ("Deputy (Khối phó)"), names, r->ids, by->deputy_unit_id);
  f->entries[3] = td_form_add_entry (f, _ ("Signatory's name"), by->signer_name);
  f->entries[4] = td_form_add_entry (f, _ ("Signatory's position"), by->signer_position);
  f->entries[5] = td_form_add_entry (f, _ ("Signs on behalf of"), by->signer_authority);
  g_signal_connect (f->entries[0], "changed", G_CALLBACK (on_settings_changed), f);
  g_signal_connect (r->head_row, "notify::selected", G_CALLBACK (on_settings_changed), f);
  g_signal_connect (r->deputy_row, "notify::selected", G_CALLBACK (on_settings_changed), f);
  on_settings_changed (NULL, NULL, f);
  td_form_present (f, on_settings_accept);
}

/* ---- paste and CSV ---- */

static void
open_import (TdUnitsPage *self, const char *text)
{
  TdImportDialog *dialog
      = td_import_dialog_new (td_section_page_get_window (TD_SECTION_PAGE (self)),
                              td_section_db (self), td_section_bloc_year (self), text);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_clipboard_text (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (TdUnitsPage) self = user_data;
  g_autofree gchar *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);

  open_import (self, text ? text : "");
}

void
td_units_page_paste (TdUnitsPage *self)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));

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

void
td_units_page_import_csv (TdUnitsPage *self)
{
  GtkFileChooserNative *native;
  GtkFileFilter *filter;

  native = gtk_file_chooser_native_new (_ ("Import Units from CSV"),
                                        td_section_page_get_window (TD_SECTION_PAGE (self)),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Open"), _ ("_Cancel"));
  filter = td_file_chooser_add_filter (native, _ ("CSV and text files"), "*.csv *.txt");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  g_signal_connect (native, "response", G_CALLBACK (on_csv_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
