/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window's database files: opening one (checked in a thread when
 * it is large and must be read whole; a damaged one offers its newest
 * backup), the daily backup, restoring a backup with Undo, the recent
 * databases, and the actions of the main menu that act on files (new,
 * open, close, save a copy, back up now, restore). */
#include "config.h"

#include "td-backup.h"
#include "td-dialog.h"
#include "td-backups-window.h"
#include "td-template.h"
#include "td-window-private.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#define MAX_RECENT 10

void
td_window_remember_database (TdWindow *self, const char *path)
{
  GSettings *settings = td_settings_get ();
  g_auto (GStrv) old = NULL;
  g_autoptr (GStrvBuilder) builder = NULL;
  g_auto (GStrv) recent = NULL;
  guint n = 1;

  if (settings == NULL)
    return;
  g_settings_set_string (settings, "last-database", path);

  old = g_settings_get_strv (settings, "recent-databases");
  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, path);
  for (guint i = 0; old[i] != NULL && n < MAX_RECENT; i++)
    if (g_strcmp0 (old[i], path) != 0)
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }
  recent = g_strv_builder_end (builder);
  g_settings_set_strv (settings, "recent-databases", (const char *const *)recent);
}

static void
on_damaged_response (AdwMessageDialog *dialog, const char *response, TdWindow *self)
{
  const char *backup = g_object_get_data (G_OBJECT (dialog), "backup-path");
  const char *damaged = g_object_get_data (G_OBJECT (dialog), "damaged-path");
  g_autoptr (GError) error = NULL;
  g_autofree gchar *copy = NULL;

  if (g_strcmp0 (response, "open-backup") != 0)
    return;
  /* A copy: the backup stays a backup, the damaged file stays as it is. */
  copy = td_backup_copy_for_opening (backup, damaged, &error);
  if (copy == NULL)
    {
      td_window_show_error (GTK_WIDGET (self), _ ("Could not open the backup"), error);
      return;
    }
  if (td_window_open_path (self, copy, TD_DB_OPEN_DEFAULT))
    {
      g_autofree gchar *name = g_filename_display_basename (copy);
      g_autofree gchar *text = g_strdup_printf (
          _ ("Opened “%s”, a copy of the backup. The damaged file was left as it was."), name);

      td_window_toast_text (GTK_WIDGET (self), text);
    }
}

/* A damaged file: say so, and offer its newest backup, opened as a copy. */
static void
show_damaged (TdWindow *self, const char *path, const GError *error)
{
  g_autoptr (TdBackup) newest = td_backup_find_newest (path);
  g_autofree gchar *name = g_filename_display_basename (path);
  g_autofree gchar *heading = g_strdup_printf (_ ("“%s” is damaged"), name);
  GtkWidget *dialog;

  dialog = td_message_dialog_new (GTK_WIDGET (self), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  if (newest != NULL)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "open-backup",
                                       _ ("_Open Backup"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "open-backup",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "open-backup");
      g_object_set_data_full (G_OBJECT (dialog), "backup-path",
                              g_strdup (td_backup_get_path (newest)), g_free);
      g_object_set_data_full (G_OBJECT (dialog), "damaged-path", g_strdup (path), g_free);
      g_signal_connect_object (dialog, "response", G_CALLBACK (on_damaged_response), self, 0);
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
daily_backup_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (TdWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  GApplication *app = g_application_get_default ();

  if (!td_backup_daily_finish (result, NULL, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_prefix_error (&error, _ ("Today's automatic backup failed. "));
      if (gtk_widget_get_realized (GTK_WIDGET (self)))
        td_window_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      else
        g_warning ("%s", error->message);
    }
  if (app != NULL)
    g_application_release (app);
}

/* The first open of the day copies the file in a thread: with a province's
 * database the copy takes seconds, which the window must not wait for.
 * The application is held until the copy is complete, so closing the window
 * at once never leaves half a backup. */
static void
start_daily_backup (TdWindow *self, TdDb *db)
{
  GApplication *app = g_application_get_default ();

  if (app != NULL)
    g_application_hold (app);
  td_backup_daily_async (td_db_get_path (db), NULL, daily_backup_done, g_object_ref (self));
}

/* The daily copy waits for the check: a copy of a damaged file would
 * become the "newest backup" the damaged-file dialog offers. */
static void
background_check_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (TdWindow) self = user_data;
  TdDb *db = TD_DB (source);
  g_autoptr (GError) error = NULL;
  g_autofree gchar *path = g_strdup (td_db_get_path (db));
  gboolean backups = GPOINTER_TO_INT (g_object_steal_data (G_OBJECT (db), "td-backups-wait"));

  if (td_db_check_finish (db, result, &error))
    {
      if (backups && self->database == db)
        start_daily_backup (self, db);
      return;
    }
  if (self->database != db)
    return;
  /* Damage: nothing more is written to the file, and the window shows
   * nothing more read from it; the dialog offers the newest backup. */
  if (g_error_matches (error, TD_ERROR, TD_ERROR_CORRUPT))
    {
      td_window_set_database (self, NULL, FALSE);
      show_damaged (self, path, error);
    }
  else
    td_window_toast (GTK_WIDGET (self), adw_toast_new (error->message));
}

/* The check reads the whole file: at start-up it waits for the window's
 * first frame, as on two cores it would take the processor the display
 * server needs to draw that frame.  A file replaced meanwhile is not
 * checked (it is no longer used). */
void
td_window_start_waiting_check (TdWindow *self)
{
  g_autoptr (TdDb) db = g_steal_pointer (&self->check_waiting);

  if (db != NULL && db == self->database)
    td_db_check_async (db, NULL, background_check_done, g_object_ref (self));
}

/* What the window does with the outcome of an open. */
static gboolean
finish_open (TdWindow *self, const char *path, TdDb *db, const GError *error, gboolean backups)
{
  const GError *warning;

  if (db == NULL)
    {
      g_autofree gchar *heading = NULL;
      g_autofree gchar *name = g_filename_display_basename (path);

      if (g_error_matches (error, TD_ERROR, TD_ERROR_CORRUPT))
        {
          show_damaged (self, path, error);
          return FALSE;
        }
      heading = g_strdup_printf (_ ("Could not open “%s”"), name);
      td_window_show_error (GTK_WIDGET (self), heading, error);
      return FALSE;
    }
  td_window_set_database (self, db, TRUE);
  /* A file whose record of a clean close let it open at once is still read
   * whole once, now that the window is usable. */
  if (td_db_get_check_deferred (db))
    {
      g_object_set_data (G_OBJECT (db), "td-backups-wait", GINT_TO_POINTER (backups));
      g_set_object (&self->check_waiting, db);
      td_window_after_first_frame (self);
    }
  else if (backups)
    start_daily_backup (self, db);
  warning = td_db_get_open_warning (db);
  if (warning != NULL)
    td_window_toast (GTK_WIDGET (self), adw_toast_new (warning->message));
  return TRUE;
}

/* A large file that the integrity check must read whole (one not closed
 * cleanly here: a copy from elsewhere, a crash) is opened in a thread: the
 * check takes seconds for a province's database, and the window stays
 * usable meanwhile, with a bar that says what is happening. */
#define CHECK_IN_THREAD_BYTES (64 * 1024 * 1024)

typedef struct
{
  gchar *path;
  TdDbOpenFlags flags;
  guint generation;
} OpenJob;

static void
open_job_free (OpenJob *job)
{
  g_free (job->path);
  g_free (job);
}

static void
set_checking (TdWindow *self, const char *path)
{
  if (path != NULL)
    {
      g_autofree gchar *name = g_filename_display_basename (path);
      g_autofree gchar *text = g_strdup_printf (
          _ ("Checking “%s” before opening it: this file was not closed by Thi Đua on this "
             "computer, so every page is read once. A large file takes a while."),
          name);

      gtk_label_set_text (self->checking_label, text);
    }
  gtk_spinner_set_spinning (self->checking_spinner, path != NULL);
  td_window_reveal (self->checking_revealer, path != NULL);
}

static void
open_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  OpenJob *job = data;
  GError *error = NULL;
  TdDb *db = td_db_open (job->path, job->flags, &error);

  if (db == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, db, g_object_unref);
}

static void
open_thread_done (GObject *source, GAsyncResult *result, gpointer data)
{
  TdWindow *self = TD_WINDOW (source);
  OpenJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) db = g_task_propagate_pointer (G_TASK (result), &error);

  /* Superseded by a later open, or the window is gone: the file is simply
   * closed again. */
  if (job->generation != self->open_generation)
    return;
  set_checking (self, NULL);
  finish_open (self, job->path, db, error, (job->flags & TD_DB_OPEN_NO_BACKUP) == 0);
}

static gboolean
check_in_thread (const char *path)
{
  GStatBuf st;

  return td_db_open_will_check (path) && g_stat (path, &st) == 0
         && st.st_size >= CHECK_IN_THREAD_BYTES;
}

/* Opens @path in the window.  FALSE when it could not be opened (a dialog
 * said why); TRUE when it is open, or being opened in a thread (see
 * check_in_thread). */
gboolean
td_window_open_path (TdWindow *self, const char *path, TdDbOpenFlags flags)
{
  g_autoptr (GError) error = NULL;
  gboolean backups = (flags & TD_DB_OPEN_NO_BACKUP) == 0;
  g_autoptr (TdDb) db = NULL;

  if (backups)
    flags |= TD_DB_OPEN_DEFER_DAILY_BACKUP;
  flags |= TD_DB_OPEN_DEFER_CHECK;
  self->open_generation++;
  if (check_in_thread (path))
    {
      g_autoptr (GTask) task = g_task_new (self, NULL, open_thread_done, NULL);
      OpenJob *job = g_new0 (OpenJob, 1);

      job->path = g_strdup (path);
      job->flags = flags;
      job->generation = self->open_generation;
      g_task_set_task_data (task, job, (GDestroyNotify)open_job_free);
      set_checking (self, path);
      g_task_run_in_thread (task, open_thread);
      return TRUE;
    }
  set_checking (self, NULL);
  db = td_db_open (path, flags, &error);
  return finish_open (self, path, db, error, backups);
}

/* Restores @backup_path into the open database and offers Undo in a toast
 * (the copy set aside just before).  Errors are reported here. */
gboolean
td_window_restore_backup (TdWindow *self, const char *backup_path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdBackup) aside = NULL;
  g_autoptr (TdDb) db = NULL;
  g_autoptr (TdBackup) restored = NULL;
  g_autofree gchar *when = NULL;
  g_autofree gchar *text = NULL;
  gboolean undoing = g_strcmp0 (backup_path, self->undo_restore_path) == 0;
  AdwToast *toast;

  g_return_val_if_fail (self->database != NULL, FALSE);

  restored = td_backup_load (backup_path, NULL);
  aside = td_backup_restore (self->database, backup_path, &error);
  if (aside == NULL)
    {
      td_window_show_error (
          GTK_WIDGET (self),
          undoing ? _ ("Could not undo the restore") : _ ("Could not restore the backup"), error);
      return FALSE;
    }

  /* Every page reloads from the new contents. */
  db = g_object_ref (self->database);
  td_window_set_database (self, NULL, FALSE);
  td_window_set_database (self, db, FALSE);
  td_db_notify_changed (db, "restore");

  g_free (self->undo_restore_path);
  self->undo_restore_path = undoing ? NULL : g_strdup (td_backup_get_path (aside));
  td_window_update_actions (self);

  if (undoing)
    text = g_strdup (_ ("The restore was undone."));
  else
    {
      when = restored ? g_date_time_format (td_backup_get_date (restored), "%d/%m/%Y %H:%M")
                      : g_strdup ("");
      text = g_strdup_printf (_ ("The backup of %s was restored. The previous contents were "
                                 "kept aside."),
                              when);
    }
  toast = adw_toast_new (text);
  if (!undoing)
    {
      adw_toast_set_button_label (toast, _ ("_Undo"));
      adw_toast_set_action_name (toast, "win.undo-restore");
      adw_toast_set_timeout (toast, 10);
    }
  td_window_toast (GTK_WIDGET (self), toast);
  return TRUE;
}

/* Shows a chooser of database files over @self; @on_response gets its
 * answer and unrefs it.  Opening offers any file too; saving proposes
 * @proposed_name. */
static void
show_database_chooser (TdWindow *self, const char *title, GtkFileChooserAction action,
                       const char *accept_label, const char *proposed_name, GCallback on_response)
{
  GtkFileChooserNative *native
      = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept_label, _ ("_Cancel"));

  td_file_chooser_add_filter (native, _ ("Thi Đua databases"), "*.db *.sqlite *.thidua");
  if (action == GTK_FILE_CHOOSER_ACTION_OPEN)
    td_file_chooser_add_filter (native, _ ("All files"), "*");
  if (proposed_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), proposed_name);
  g_signal_connect (native, "response", on_response, self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* The local path of the file accepted in @native, or NULL when the clerk
 * cancelled or chose a file that has none. */
static gchar *
chosen_path (GtkNativeDialog *native, int response)
{
  g_autoptr (GFile) file = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return NULL;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  return file != NULL ? g_file_get_path (file) : NULL;
}

static void
on_open_response (GtkNativeDialog *native, int response, TdWindow *self)
{
  g_autofree gchar *path = chosen_path (native, response);

  if (path != NULL)
    td_window_open_path (self, path, TD_DB_OPEN_DEFAULT);
  g_object_unref (native);
}

static void
open_database_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  show_database_chooser (TD_WINDOW (widget), _ ("Open Database"), GTK_FILE_CHOOSER_ACTION_OPEN,
                         _ ("_Open"), NULL, G_CALLBACK (on_open_response));
}

static void
on_new_response (GtkNativeDialog *native, int response, TdWindow *self)
{
  g_autofree gchar *path = chosen_path (native, response);

  if (path != NULL && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr (GError) error = g_error_new (
          TD_ERROR, TD_ERROR_INVALID,
          _ ("A file named “%s” already exists. A new database never replaces a file: choose "
             "another name, or open the existing file with Open Database."),
          path);
      td_window_show_error (GTK_WIDGET (self), _ ("Could not create the database"), error);
    }
  else if (path != NULL)
    {
      if (!g_str_has_suffix (path, ".db"))
        {
          gchar *with_suffix = g_strconcat (path, ".db", NULL);
          g_free (path);
          path = with_suffix;
        }
      td_window_open_path (self, path, TD_DB_OPEN_CREATE);
    }
  g_object_unref (native);
}

static void
new_database_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  show_database_chooser (
      TD_WINDOW (widget), _ ("New Database"), GTK_FILE_CHOOSER_ACTION_SAVE, _ ("C_reate"),
      /* Translators: proposed file name of a new database; keep the .db ending */
      _ ("Emulation bloc.db"), G_CALLBACK (on_new_response));
}

static void
close_database_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdWindow *self = TD_WINDOW (widget);
  GSettings *settings = td_settings_get ();

  td_window_set_database (self, NULL, FALSE);
  if (settings != NULL)
    g_settings_set_string (settings, "last-database", "");
}

static void
on_save_copy_response (GtkNativeDialog *native, int response, TdWindow *self)
{
  g_autofree gchar *path = chosen_path (native, response);
  g_autoptr (GError) error = NULL;

  if (path != NULL && self->database != NULL)
    {
      if (td_backup_save_copy (self->database, path, &error))
        {
          g_autofree gchar *name = g_filename_display_basename (path);
          g_autofree gchar *text = g_strdup_printf (_ ("A copy was saved as “%s”."), name);

          td_window_toast_text (GTK_WIDGET (self), text);
        }
      else
        td_window_show_error (GTK_WIDGET (self), _ ("Could not save a copy"), error);
    }
  g_object_unref (native);
}

static void
save_copy_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdWindow *self = TD_WINDOW (widget);
  g_autofree gchar *stem = td_backup_stem_for (td_db_get_path (self->database));
  /* Translators: proposed file name of a copy; %s is the database name */
  g_autofree gchar *name = g_strdup_printf (_ ("%s (copy).db"), stem);

  show_database_chooser (self, _ ("Save a Copy"), GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Save"), name,
                         G_CALLBACK (on_save_copy_response));
}

static void
back_up_now_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdWindow *self = TD_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  g_autoptr (TdBackup) backup = td_backup_create (self->database, TD_BACKUP_MANUAL, &error);

  if (backup == NULL)
    {
      td_window_show_error (GTK_WIDGET (self), _ ("Could not back up the database"), error);
      return;
    }
  td_window_toast_text (GTK_WIDGET (self),
                        _ ("Backup made. Find it under “Restore from Backup…”."));
}

static void
restore_backup_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdWindow *self = TD_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (td_backups_window_new (GTK_WINDOW (self), self->database)));
}

static void
undo_restore_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdWindow *self = TD_WINDOW (widget);
  g_autofree gchar *path = g_strdup (self->undo_restore_path);

  if (path != NULL && self->database != NULL)
    td_window_restore_backup (self, path);
}

static void
forget_recent (const char *path)
{
  GSettings *settings = td_settings_get ();
  g_auto (GStrv) old = NULL;
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) recent = NULL;

  if (settings == NULL)
    return;
  old = g_settings_get_strv (settings, "recent-databases");
  for (guint i = 0; old[i] != NULL; i++)
    if (g_strcmp0 (old[i], path) != 0)
      g_strv_builder_add (builder, old[i]);
  recent = g_strv_builder_end (builder);
  g_settings_set_strv (settings, "recent-databases", (const char *const *)recent);
}

static void
open_recent_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdWindow *self = TD_WINDOW (widget);
  const char *path = g_variant_get_string (param, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree gchar *name = g_filename_display_basename (path);
      g_autofree gchar *heading = g_strdup_printf (_ ("Could not open “%s”"), name);
      g_autoptr (GError) error = g_error_new (
          TD_ERROR, TD_ERROR_NOT_FOUND,
          _ ("The file is no longer at %s, so it was removed from the recent databases. If it "
             "was moved or renamed, open it from its new place with Open Database."),
          path);

      forget_recent (path);
      td_window_show_error (GTK_WIDGET (self), heading, error);
      return;
    }
  td_window_open_path (self, path, TD_DB_OPEN_DEFAULT);
}

/* The Recent Databases submenu, from the "recent-databases" setting. */
void
td_window_refresh_recent_menu (TdWindow *self)
{
  GSettings *settings = td_settings_get ();
  g_auto (GStrv) recent = NULL;

  g_menu_remove_all (self->recent_menu);
  if (settings == NULL)
    return;
  recent = g_settings_get_strv (settings, "recent-databases");
  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autofree gchar *name = g_filename_display_basename (recent[i]);
      g_autoptr (GMenuItem) item = g_menu_item_new (name, NULL);

      g_menu_item_set_action_and_target_value (item, "win.open-recent",
                                               g_variant_new_string (recent[i]));
      g_menu_append_item (self->recent_menu, item);
    }
}

GMenuModel *
td_window_get_recent_menu (TdWindow *self)
{
  return G_MENU_MODEL (self->recent_menu);
}

void
td_window_files_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open-database", NULL, open_database_action);
  gtk_widget_class_install_action (widget_class, "win.new-database", NULL, new_database_action);
  gtk_widget_class_install_action (widget_class, "win.close-database", NULL, close_database_action);
  gtk_widget_class_install_action (widget_class, "win.save-copy", NULL, save_copy_action);
  gtk_widget_class_install_action (widget_class, "win.back-up-now", NULL, back_up_now_action);
  gtk_widget_class_install_action (widget_class, "win.restore-backup", NULL, restore_backup_action);
  gtk_widget_class_install_action (widget_class, "win.undo-restore", NULL, undo_restore_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
}
