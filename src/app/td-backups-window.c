/* SPDX-License-Identifier: GPL-3.0-or-later */
/* "Restore from Backup".
 *
 * A modal window listing the backups of the open database, newest first,
 * with their date, kind, size and what they hold.  Restoring asks first and
 * says that the current contents are kept aside; the restore itself, and
 * its Undo, belong to the main window (td_window_restore_backup). */
#include "config.h"

#include "td-backups-window.h"
#include "td-dialog.h"
#include "td-window.h"
#include "td-template.h"

#include <glib/gi18n.h>

struct _TdBackupsWindow
{
  AdwWindow parent_instance;

  AdwWindowTitle *window_title;
  GtkStack *stack;
  GtkListBox *list;
  GtkLabel *folder_label;

  TdDb *db;
  GListStore *backups;
};

G_DEFINE_FINAL_TYPE (TdBackupsWindow, td_backups_window, ADW_TYPE_WINDOW)

static GtkWidget *
create_row (gpointer item, gpointer user_data)
{
  TdBackup *backup = TD_BACKUP (item);
  g_autofree gchar *when = g_date_time_format (td_backup_get_date (backup), "%d/%m/%Y %H:%M");
  g_autofree gchar *size = g_format_size (td_backup_get_size (backup));
  g_autofree gchar *contents = td_backup_describe_contents (backup);
  g_autofree gchar *title = NULL;
  g_autofree gchar *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_ ("_Restore…"));

  /* Translators: a backup in the list: its date and time, then its kind */
  title = g_strdup_printf (_ ("%s — %s"), when, td_backup_kind_label (td_backup_get_kind (backup)));
  /* Translators: a backup's size, then what it holds ("3 units, 1 bloc") */
  subtitle = g_strdup_printf (_ ("%s · %s"), size, contents);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_tooltip_text (row, td_backup_get_path (backup));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "backups.restore");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", td_backup_get_path (backup));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
reload (TdBackupsWindow *self)
{
  g_autofree gchar *dir = td_backup_get_dir ();
  g_autofree gchar *name = td_db_dup_display_name (self->db);
  g_autofree gchar *folder = NULL;

  g_clear_object (&self->backups);
  self->backups = td_backup_list (td_db_get_path (self->db));
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->backups), create_row, NULL, NULL);
  gtk_stack_set_visible_child_name (
      self->stack, g_list_model_get_n_items (G_LIST_MODEL (self->backups)) > 0 ? "list" : "empty");
  adw_window_title_set_subtitle (self->window_title, name);
  folder = g_strdup_printf (_ ("Backups are kept in %s"), dir);
  gtk_label_set_label (self->folder_label, folder);
}

guint
td_backups_window_get_n_backups (TdBackupsWindow *self)
{
  return self->backups ? g_list_model_get_n_items (G_LIST_MODEL (self->backups)) : 0;
}

static gboolean
destroy_later (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
on_confirm_response (AdwMessageDialog *dialog, const char *response, TdBackupsWindow *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "backup-path");
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (g_strcmp0 (response, "restore") != 0 || !TD_IS_WINDOW (parent))
    return;
  /* Destroyed once the dialog, transient for this window, has finished
   * its own response handling. */
  if (td_window_restore_backup (TD_WINDOW (parent), path))
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      g_idle_add_full (G_PRIORITY_DEFAULT, destroy_later, g_object_ref (self), g_object_unref);
    }
}

/* Asks before restoring, naming the backup and saying that nothing is lost. */
void
td_backups_window_ask_restore (TdBackupsWindow *self, const char *backup_path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdBackup) backup = td_backup_load (backup_path, &error);
  g_autofree gchar *when = NULL;
  g_autofree gchar *name = NULL;
  g_autofree gchar *body = NULL;
  GtkWidget *dialog;

  if (backup == NULL)
    {
      td_window_show_error (GTK_WIDGET (self), _ ("Could not read the backup"), error);
      return;
    }
  when = g_date_time_format (td_backup_get_date (backup), "%d/%m/%Y %H:%M");
  name = td_db_dup_display_name (self->db);
  body = g_strdup_printf (_ ("“%s” will be replaced by the backup made on %s. Its current "
                             "contents are first kept aside as a backup, so you can undo "
                             "the restore afterwards."),
                          name, when);
  dialog = td_message_dialog_new (GTK_WIDGET (self), _ ("Restore this backup?"), body);
  td_message_dialog_add_choice (dialog, "restore", _ ("_Restore"), ADW_RESPONSE_DESTRUCTIVE, TRUE);
  g_object_set_data_full (G_OBJECT (dialog), "backup-path", g_strdup (backup_path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_confirm_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
restore_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  td_backups_window_ask_restore (TD_BACKUPS_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
td_backups_window_dispose (GObject *object)
{
  TdBackupsWindow *self = TD_BACKUPS_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_BACKUPS_WINDOW);
  g_clear_object (&self->backups);
  g_clear_object (&self->db);
  G_OBJECT_CLASS (td_backups_window_parent_class)->dispose (object);
}

static void
td_backups_window_class_init (TdBackupsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_backups_window_dispose;

  td_widget_class_set_template (widget_class, "td-backups-window.ui");
  td_widget_class_bind_template_children (widget_class, TdBackupsWindow, window_title, stack, list,
                                          folder_label);
  gtk_widget_class_install_action (widget_class, "backups.restore", "s", restore_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
td_backups_window_init (TdBackupsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
td_backups_window_new (GtkWindow *parent, TdDb *db)
{
  TdBackupsWindow *self = g_object_new (TD_TYPE_BACKUPS_WINDOW, "transient-for", parent, NULL);

  self->db = g_object_ref (db);
  reload (self);
  return GTK_WIDGET (self);
}
