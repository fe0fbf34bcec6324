/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The import of filled self-score forms.
 *
 * Files are read in a worker thread (td_form_file_read touches no
 * database), then planned on the main thread against the database
 * (td_form_plan, a few milliseconds per form) and shown one expander row
 * per form: the unit, the rows that change (old → new), the cells refused
 * with their reason, or why the whole form is refused and what to do.
 * Nothing is written until Import; then each form is one transaction and
 * the window's toast offers Undo. */
#include "config.h"

#include "td-form-import-dialog.h"
#include "td-dialog.h"
#include "td-form-import.h"
#include "td-score-import.h"
#include "td-window.h"
#include "td-template.h"

#include <glib/gi18n.h>

struct _TdFormImportDialog
{
  AdwWindow parent_instance;

  GtkWidget *cancel_button;
  GtkWidget *choose_button;

  AdwToastOverlay *toasts;
  GtkStack *stack;
  GtkSpinner *spinner;
  GtkLabel *reading_label;
  GtkLabel *summary_label;
  GtkListBox *form_list;
  GtkButton *import_button;

  TdDb *database;
  gint64 bloc_year_id;
  GPtrArray *files; /* TdFormFile, read so far */
  GPtrArray *plans; /* TdFormPlan */
  GCancellable *cancellable;
  guint busy;
};

enum
{
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TdFormImportDialog, td_form_import_dialog, ADW_TYPE_WINDOW)

/* --- the preview -------------------------------------------------------------------- */

static GtkWidget *
detail_row (const char *title, const char *subtitle, const char *icon, const char *css)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree gchar *t = g_markup_escape_text (title, -1);
  g_autofree gchar *s = subtitle ? g_markup_escape_text (subtitle, -1) : NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), t);
  if (s != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), s);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  if (icon != NULL)
    {
      GtkWidget *image = gtk_image_new_from_icon_name (icon);
      if (css != NULL)
        gtk_widget_add_css_class (image, css);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);
    }
  return row;
}

static gchar *
plan_subtitle (TdFormPlan *plan)
{
  g_autofree gchar *old_total = td_points_format (plan->old_total);
  g_autofree gchar *new_total = td_points_format (plan->new_total);
  GString *s = g_string_new (plan->file_name);

  switch (plan->status)
    {
    case TD_FORM_REFUSED:
      /* Translators: a form refused as a whole, in the import preview */
      g_string_append_printf (s, " · %s", _ ("refused"));
      break;
    case TD_FORM_NOTHING:
      g_string_append_printf (s, " · %s", plan->reason ? plan->reason : _ ("no change"));
      break;
    case TD_FORM_READY:
      g_string_append (s, " · ");
      g_string_append_printf (
          s, g_dngettext (GETTEXT_PACKAGE, "%u row changes", "%u rows change", plan->changes->len),
          plan->changes->len);
      g_string_append (s, " · ");
      /* Translators: the unit's self-score total before → after the import */
      g_string_append_printf (s, _ ("self-score %s → %s"), old_total, new_total);
      if (plan->disqualified)
        g_string_append_printf (s, " (%s)", _ ("not graded"));
      break;
    }
  if (plan->refusals->len > 0)
    {
      g_string_append (s, " · ");
      g_string_append_printf (
          s,
          g_dngettext (GETTEXT_PACKAGE, "%u cell refused", "%u cells refused", plan->refusals->len),
          plan->refusals->len);
    }
  return g_string_free (s, FALSE);
}

static GtkWidget *
plan_row (TdFormPlan *plan)
{
  GtkWidget *row = adw_expander_row_new ();
  const char *icon = plan->status == TD_FORM_READY     ? "object-select-symbolic"
                     : plan->status == TD_FORM_REFUSED ? "dialog-error-symbolic"
                                                       : "dialog-information-symbolic";
  g_autofree gchar *title
      = g_markup_escape_text (plan->unit_name ? plan->unit_name : plan->file_name, -1);
  g_autofree gchar *subtitle_text = plan_subtitle (plan);
  g_autofree gchar *subtitle = g_markup_escape_text (subtitle_text, -1);
  GtkWidget *image = gtk_image_new_from_icon_name (icon);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  if (plan->status == TD_FORM_REFUSED)
    gtk_widget_add_css_class (image, "error");
  else if (plan->status == TD_FORM_READY)
    gtk_widget_add_css_class (image, "success");
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), image);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  subtitle_text, -1);

  if (plan->status == TD_FORM_REFUSED)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row), detail_row (_ ("Why the form was refused"),
                                                                  plan->reason, NULL, NULL));
  for (guint i = 0; i < plan->changes->len; i++)
    {
      TdFormChange *c = plan->changes->pdata[i];
      g_autofree gchar *text = NULL;

      if (g_strcmp0 (c->old_text, c->new_text) == 0 && c->evidence_changed)
        /* Translators: only the evidence of a row changes */
        text = g_strdup_printf (_ ("%s (evidence updated)"), *c->new_text ? c->new_text : "—");
      else if (c->old_points != c->new_points)
        {
          g_autofree gchar *op = td_points_format_signed (c->old_points);
          g_autofree gchar *np = td_points_format_signed (c->new_points);
          /* Translators: old value → new value (old points → new points) */
          text = g_strdup_printf (_ ("%s → %s (points %s → %s)"), *c->old_text ? c->old_text : "—",
                                  c->new_text, op, np);
        }
      else
        text = g_strdup_printf ("%s → %s", *c->old_text ? c->old_text : "—", c->new_text);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                detail_row (c->label, text, "document-edit-symbolic", NULL));
    }
  for (guint i = 0; i < plan->refusals->len; i++)
    {
      TdFormRefusal *r = plan->refusals->pdata[i];
      g_autofree gchar *title_text
          = r->label ? g_strdup_printf ("%s · %s", r->cell, r->label) : g_strdup (r->cell);
      g_autofree gchar *why = g_strdup_printf ("“%s”: %s", r->value, r->reason);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                detail_row (title_text, why, "dialog-warning-symbolic", "warning"));
    }
  /* Problems are open to read; forms that are simply ready stay closed. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row),
                                 plan->status == TD_FORM_REFUSED || plan->refusals->len > 0);
  if (plan->changes->len == 0 && plan->refusals->len == 0 && plan->status != TD_FORM_REFUSED)
    adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (row), FALSE);
  return row;
}

static gboolean
writable (TdFormImportDialog *self)
{
  return self->database != NULL && !td_db_is_read_only (self->database);
}

static void
show_plans (TdFormImportDialog *self)
{
  GString *summary = g_string_new (NULL);
  guint n_ready, n_changes, n_refused, n_cells, n_nothing;
  g_autofree gchar *button = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->form_list))) != NULL)
    gtk_list_box_remove (self->form_list, child);
  for (guint i = 0; i < self->plans->len; i++)
    gtk_list_box_append (self->form_list, plan_row (self->plans->pdata[i]));

  td_form_plans_count (self->plans, &n_ready, &n_changes, &n_refused, &n_cells);
  n_nothing = self->plans->len - n_ready - n_refused;
  g_string_append_printf (
      summary, g_dngettext (GETTEXT_PACKAGE, "%u form read: ", "%u forms read: ", self->plans->len),
      self->plans->len);
  g_string_append_printf (summary,
                          g_dngettext (GETTEXT_PACKAGE, "%u ready to import (%u rows)",
                                       "%u ready to import (%u rows)", n_ready),
                          n_ready, n_changes);
  if (n_nothing > 0)
    g_string_append_printf (
        summary,
        g_dngettext (GETTEXT_PACKAGE, ", %u without changes", ", %u without changes", n_nothing),
        n_nothing);
  if (n_refused > 0)
    g_string_append_printf (
        summary, g_dngettext (GETTEXT_PACKAGE, ", %u refused", ", %u refused", n_refused),
        n_refused);
  if (n_cells > 0)
    g_string_append_printf (
        summary, g_dngettext (GETTEXT_PACKAGE, "; %u cell refused", "; %u cells refused", n_cells),
        n_cells);
  g_string_append_c (summary, '.');
  if (!writable (self))
    g_string_append_printf (summary, " %s",
                            _ ("The database is read-only: the forms can be checked but not "
                               "imported."));
  gtk_label_set_text (self->summary_label, summary->str);
  g_string_free (summary, TRUE);

  button = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "_Import %u Form", "_Import %u Forms", n_ready), n_ready);
  gtk_button_set_label (self->import_button, button);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "form-import.apply",
                                 n_ready > 0 && writable (self) && self->busy == 0);
  gtk_stack_set_visible_child_name (self->stack, self->plans->len > 0 ? "preview" : "empty");
}

static void
replan (TdFormImportDialog *self)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *plans = td_form_plan (self->database, self->files, self->bloc_year_id, &error);

  if (plans == NULL)
    {
      td_window_show_error (GTK_WIDGET (self), _ ("Could not check the forms"), error);
      return;
    }
  g_clear_pointer (&self->plans, g_ptr_array_unref);
  self->plans = plans;
  show_plans (self);
}

/* --- reading in a thread ------------------------------------------------------------- */

static void
set_busy (TdFormImportDialog *self, gboolean busy)
{
  self->busy += busy ? 1 : -1;
  gtk_spinner_set_spinning (self->spinner, self->busy > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "form-import.add-files", self->busy == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "form-import.add-folder", self->busy == 0);
  if (self->busy > 0)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "form-import.apply", FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
read_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  const char *const *paths = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) expanded = td_form_files_expand (paths, &error);
  g_autoptr (GPtrArray) files = NULL;

  if (expanded == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  files = td_form_files_read (expanded, cancellable);
  if (g_task_return_error_if_cancelled (task))
    return;
  g_task_return_pointer (task, g_steal_pointer (&files), (GDestroyNotify)g_ptr_array_unref);
}

static gboolean
already_read (TdFormImportDialog *self, const char *path)
{
  for (guint i = 0; i < self->files->len; i++)
    if (g_str_equal (td_form_file_get_path (self->files->pdata[i]), path))
      return TRUE;
  return FALSE;
}

static void
on_read (GObject *source, GAsyncResult *result, gpointer data)
{
  TdFormImportDialog *self = TD_FORM_IMPORT_DIALOG (source);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) files = g_task_propagate_pointer (G_TASK (result), &error);

  /* Closed while reading: nothing to show. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->files == NULL)
    return;
  set_busy (self, FALSE);
  if (files == NULL)
    {
      td_window_show_error (GTK_WIDGET (self), _ ("Could not read the forms"), error);
      show_plans (self);
      return;
    }
  /* A file chosen twice is read once. */
  while (files->len > 0)
    {
      TdFormFile *file = g_ptr_array_steal_index (files, 0);
      if (already_read (self, td_form_file_get_path (file)))
        td_form_file_free (file);
      else
        g_ptr_array_add (self->files, file);
    }
  replan (self);
}

void
td_form_import_dialog_add_paths (TdFormImportDialog *self, const char *const *paths)
{
  g_autoptr (GTask) task = NULL;
  g_autofree gchar *reading = NULL;
  guint n = g_strv_length ((GStrv)paths);

  g_return_if_fail (TD_IS_FORM_IMPORT_DIALOG (self));
  if (n == 0)
    return;
  reading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Reading %u file or folder…",
                                          "Reading %u files or folders…", n),
                             n);
  gtk_label_set_text (self->reading_label, reading);
  gtk_stack_set_visible_child_name (self->stack, "reading");
  set_busy (self, TRUE);
  task = g_task_new (self, self->cancellable, on_read, NULL);
  g_task_set_task_data (task, g_strdupv ((GStrv)paths), (GDestroyNotify)g_strfreev);
  g_task_run_in_thread (task, read_thread);
}

gboolean
td_form_import_dialog_get_busy (TdFormImportDialog *self)
{
  return self->busy > 0;
}

GPtrArray *
td_form_import_dialog_get_plans (TdFormImportDialog *self)
{
  return self->plans;
}

/* --- choosing files -------------------------------------------------------------------- */

static void
add_files (TdFormImportDialog *self, GListModel *files)
{
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr (GFile) file = g_list_model_get_item (files, i);
      gchar *path = g_file_get_path (file);
      if (path != NULL)
        g_ptr_array_add (paths, path);
    }
  g_ptr_array_add (paths, NULL);
  td_form_import_dialog_add_paths (self, (const char *const *)paths->pdata);
}

static void
on_chooser_response (GtkNativeDialog *native, int response, TdFormImportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (native));
      add_files (self, files);
    }
  g_object_unref (native);
}

static void
choose (TdFormImportDialog *self, gboolean folder)
{
  GtkFileChooserNative *native = gtk_file_chooser_native_new (
      folder ? _ ("Choose a Folder of Forms") : _ ("Choose the Filled Forms"), GTK_WINDOW (self),
      folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER : GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Open"),
      _ ("_Cancel"));

  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);
  if (!folder)
    {
      td_file_chooser_add_filter (native, _ ("Excel workbooks (.xlsx)"), "*.xlsx *.XLSX");
      td_file_chooser_add_filter (native, _ ("All files"), "*");
    }
  g_signal_connect (native, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* form-import.add-files or form-import.add-folder */
static void
choose_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  choose (TD_FORM_IMPORT_DIALOG (widget), g_str_equal (action_name, "form-import.add-folder"));
}

static gboolean
on_drop (GtkDropTarget *target, const GValue *value, double x, double y, TdFormImportDialog *self)
{
  GSList *list = g_value_get_boxed (value);
  g_autoptr (GListStore) files = g_list_store_new (G_TYPE_FILE);

  if (self->busy > 0)
    return FALSE;
  for (GSList *l = list; l; l = l->next)
    g_list_store_append (files, l->data);
  add_files (self, G_LIST_MODEL (files));
  return TRUE;
}

/* --- importing, and Undo ------------------------------------------------------------ */

typedef struct
{
  TdScoreImport *undo;
  TdDb *db;          /* weak */
  GtkWidget *window; /* weak */
} Imported;

static void
imported_free (Imported *imported)
{
  td_score_import_free (imported->undo);
  g_clear_weak_pointer (&imported->db);
  g_clear_weak_pointer (&imported->window);
  g_free (imported);
}

static void
on_undo (AdwToast *toast, Imported *imported)
{
  g_autoptr (GError) error = NULL;

  if (imported->db == NULL)
    return;
  if (!td_score_import_undo (imported->db, imported->undo, &error))
    {
      if (imported->window != NULL)
        td_window_show_error (imported->window, _ ("Could not undo the import"), error);
      return;
    }
  if (imported->window != NULL)
    td_window_toast_text (imported->window, _ ("The import was undone"));
}

static void
apply_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdFormImportDialog *self = TD_FORM_IMPORT_DIALOG (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  Imported *imported = g_new0 (Imported, 1);
  g_autoptr (GError) error = NULL;
  g_autofree gchar *title = NULL;
  guint n_imported = 0, n_rows;
  AdwToast *toast;
  gboolean ok;

  imported->undo = td_score_import_new ();
  ok = td_form_plans_apply (self->database, self->plans, imported->undo, &n_imported, &error);
  n_rows = td_score_import_get_n_saved (imported->undo);
  if (!ok)
    td_window_show_error (parent ? GTK_WIDGET (parent) : widget, _ ("Could not import the forms"),
                          error);
  if (n_imported == 0)
    {
      imported_free (imported);
      if (!ok)
        replan (self);
      return;
    }
  g_set_weak_pointer (&imported->db, self->database);
  if (parent != NULL)
    g_set_weak_pointer (&imported->window, GTK_WIDGET (parent));
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u form imported (%u rows)",
                                        "%u forms imported (%u rows)", n_imported),
                           n_imported, n_rows);
  {
    g_autofree gchar *escaped = g_markup_escape_text (title, -1);
    toast = adw_toast_new (escaped);
  }
  adw_toast_set_button_label (toast, _ ("_Undo"));
  adw_toast_set_timeout (toast, 10);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo), imported,
                         (GClosureNotify)(void (*) (void))imported_free, 0);
  if (parent != NULL)
    td_window_toast (GTK_WIDGET (parent), toast);
  else
    adw_toast_overlay_add_toast (self->toasts, toast);
  if (ok)
    gtk_window_destroy (GTK_WINDOW (self));
  else
    replan (self);
}

/* --- the object ------------------------------------------------------------------------ */

static void
td_form_import_dialog_get_property (GObject *object, guint id, GValue *value, GParamSpec *pspec)
{
  TdFormImportDialog *self = TD_FORM_IMPORT_DIALOG (object);

  switch (id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, id, pspec);
    }
}

static void
td_form_import_dialog_dispose (GObject *object)
{
  TdFormImportDialog *self = TD_FORM_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->database);
  g_clear_pointer (&self->files, g_ptr_array_unref);
  g_clear_pointer (&self->plans, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_FORM_IMPORT_DIALOG);
  G_OBJECT_CLASS (td_form_import_dialog_parent_class)->dispose (object);
}

/* The keys of the dialog. */
static const TdDialogKey keys[] = {
  { GDK_KEY_o, GDK_CONTROL_MASK, "form-import.add-files" },
  { GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "form-import.add-folder" },
  { GDK_KEY_Return, GDK_CONTROL_MASK, "form-import.apply" },
  { GDK_KEY_Escape, 0, "window.close" },
};

static void
td_form_import_dialog_class_init (TdFormImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_form_import_dialog_dispose;
  object_class->get_property = td_form_import_dialog_get_property;
  properties[PROP_BUSY]
      = g_param_spec_boolean ("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  td_widget_class_set_template (widget_class, "td-form-import-dialog.ui");
  td_widget_class_bind_template_children (widget_class, TdFormImportDialog, cancel_button,
                                          choose_button, toasts, stack, spinner, reading_label,
                                          summary_label, form_list, import_button);
  gtk_widget_class_install_action (widget_class, "form-import.add-files", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "form-import.add-folder", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "form-import.apply", NULL, apply_action);
  td_dialog_class_add_keys (widget_class, keys, G_N_ELEMENTS (keys));
}

static void
td_form_import_dialog_init (TdFormImportDialog *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  gtk_widget_init_template (GTK_WIDGET (self));
  td_dialog_set_buttons (GTK_WINDOW (self), GTK_WIDGET (self->import_button), self->cancel_button,
                         NULL);
  self->files = g_ptr_array_new_with_free_func ((GDestroyNotify)td_form_file_free);
  self->plans = g_ptr_array_new_with_free_func ((GDestroyNotify)td_form_plan_free);
  self->cancellable = g_cancellable_new ();
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "form-import.apply", FALSE);
}

TdFormImportDialog *
td_form_import_dialog_new (GtkWindow *parent, TdDb *db, gint64 bloc_year_id)
{
  TdFormImportDialog *self
      = g_object_new (TD_TYPE_FORM_IMPORT_DIALOG, "transient-for", parent, NULL);

  self->database = g_object_ref (db);
  self->bloc_year_id = bloc_year_id;
  show_plans (self);
  /* The first thing to do, not Cancel at the top left. */
  gtk_window_set_focus (GTK_WINDOW (self), self->choose_button);
  return self;
}
