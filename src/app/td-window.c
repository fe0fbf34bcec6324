/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window.
 *
 * A sidebar lists the sections; each section is a page in the GtkStack of
 * ui/td-window.ui.  The window owns the open database and the current
 * bloc-year and binds both to every page that has a "database" or
 * "bloc-year-id" property, so adding a section is: write the page class,
 * add one <child> to the stack, and g_type_ensure it in class_init. */
#include "config.h"

#include "td-window.h"
#include "td-backup.h"
#include "td-backups-window.h"
#include "td-calendar-page.h"
#include "td-calendar.h"
#include "td-bloc-selector.h"
#include "td-campaigns-page.h"
#include "td-criteria-page.h"
#include "td-overview-page.h"
#include "td-scores-page.h"
#include "td-ranking-page.h"
#include "td-screenshot.h"
#include "td-sheet-actions.h"
#include "td-sheet-builders.h"
#include "td-units-page.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#define MAX_RECENT 10

struct _TdWindow
{
  AdwApplicationWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  AdwLeaflet *leaflet;
  GtkListBox *sidebar_list;
  GtkWidget *sidebar_separator;
  GtkWidget *content_box;
  GtkStack *stack;
  AdwWindowTitle *window_title;
  GtkWidget *sheets_button;
  GtkBox *header_start_box;
  GtkRevealer *notice_revealer;
  GtkLabel *notice_label;
  GtkRevealer *checking_revealer;
  GtkLabel *checking_label;
  GtkSpinner *checking_spinner;
  GMenu *recent_menu;
  guint open_generation; /* each open supersedes one still being checked */

  TdDb *database;
  gint64 bloc_year_id;
  gchar *undo_restore_path; /* the before-restore copy the last restore made */
};

G_DEFINE_FINAL_TYPE (TdWindow, td_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_DATABASE,
  PROP_BLOC_YEAR_ID,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_titles (TdWindow *self)
{
  GtkStackPage *page = NULL;
  GtkWidget *child = gtk_stack_get_visible_child (self->stack);
  g_autofree gchar *name = NULL;

  if (child != NULL)
    page = gtk_stack_get_page (self->stack, child);
  adw_window_title_set_title (self->window_title, page ? gtk_stack_page_get_title (page) : "");

  if (self->database != NULL)
    {
      g_autofree gchar *title = NULL;

      name = td_db_dup_display_name (self->database);
      if (td_db_is_read_only (self->database))
        {
          g_autofree gchar *ro = g_strdup_printf (_ ("%s (read-only)"), name);
          g_free (name);
          name = g_steal_pointer (&ro);
        }
      /* Translators: window title, %s is the database file name */
      title = g_strdup_printf (_ ("%s — Thi Đua"), name);
      gtk_window_set_title (GTK_WINDOW (self), title);
    }
  else
    gtk_window_set_title (GTK_WINDOW (self), _ ("Thi Đua"));
  adw_window_title_set_subtitle (self->window_title, name ? name : _ ("No database open"));
}

static void
update_actions (TdWindow *self)
{
  gboolean open = self->database != NULL;
  gboolean writable = open && !td_db_is_read_only (self->database);

  gboolean in_file = open && g_strcmp0 (td_db_get_path (self->database), ":memory:") != 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-database", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-copy", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back-up-now", in_file);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore-backup", in_file && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-restore",
                                 writable && self->undo_restore_path != NULL);
  gtk_revealer_set_reveal_child (self->notice_revealer, open && !writable);
}

/* TRUE when no database is open or the open one is read-only.  Pages
 * disable their editing actions while it is TRUE: bind to the window's
 * "read-only" property, or check td_db_is_read_only on their database. */
gboolean
td_window_get_read_only (TdWindow *self)
{
  g_return_val_if_fail (TD_IS_WINDOW (self), TRUE);
  return self->database == NULL || td_db_is_read_only (self->database);
}

static void
remember_database (TdWindow *self, const char *path)
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

/* On opening a file, the deadlines the clerk must act on this week. */
static void
toast_urgent_deadlines (TdWindow *self, TdDb *db)
{
  GDate today;
  guint n_overdue = 0, n_soon = 0;
  g_autofree gchar *overdue = NULL;
  g_autofree gchar *soon = NULL;
  g_autofree gchar *text = NULL;

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  td_calendar_count_urgent (db, 0, &today, &n_overdue, &n_soon);
  if (n_overdue == 0 && n_soon == 0)
    return;
  overdue = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "%u deadline overdue", "%u deadlines overdue", n_overdue),
      n_overdue);
  soon = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "%u due within 7 days", "%u due within 7 days", n_soon),
      n_soon);
  if (n_overdue > 0 && n_soon > 0)
    /* Translators: "2 deadlines overdue, 1 due within 7 days" */
    text = g_strdup_printf (_ ("%s, %s"), overdue, soon);
  else
    text = g_strdup (n_overdue > 0 ? overdue : soon);
  {
    AdwToast *toast = adw_toast_new (text);

    adw_toast_set_button_label (toast, _ ("_Show"));
    adw_toast_set_action_name (toast, "win.show-section");
    adw_toast_set_action_target_value (toast, g_variant_new_string ("calendar"));
    adw_toast_overlay_add_toast (self->toast_overlay, toast);
  }
}

TdDb *
td_window_get_database (TdWindow *self)
{
  g_return_val_if_fail (TD_IS_WINDOW (self), NULL);
  return self->database;
}

/* Makes @db the window's database.  With @remember, it becomes the one
 * opened next time and heads the recent list (the demo is never remembered). */
void
td_window_set_database (TdWindow *self, TdDb *db, gboolean remember)
{
  g_return_if_fail (TD_IS_WINDOW (self));

  if (self->database == db)
    return;
  if (self->bloc_year_id != 0)
    td_window_set_bloc_year_id (self, 0);
  if (db == NULL || self->database == NULL
      || g_strcmp0 (td_db_get_path (self->database), td_db_get_path (db)) != 0)
    g_clear_pointer (&self->undo_restore_path, g_free);
  g_set_object (&self->database, db);
  if (db != NULL && remember)
    remember_database (self, td_db_get_path (db));
  update_titles (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
  if (db != NULL)
    toast_urgent_deadlines (self, db);
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

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
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
      td_db_check_async (db, NULL, background_check_done, g_object_ref (self));
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
  gtk_revealer_set_reveal_child (self->checking_revealer, path != NULL);
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
  update_actions (self);

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

gint64
td_window_get_bloc_year_id (TdWindow *self)
{
  return self->bloc_year_id;
}

void
td_window_set_bloc_year_id (TdWindow *self, gint64 bloc_year_id)
{
  if (self->bloc_year_id == bloc_year_id)
    return;
  self->bloc_year_id = bloc_year_id;
  /* Sheets are made for one bloc-year. */
  gtk_widget_set_visible (self->sheets_button, bloc_year_id != 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BLOC_YEAR_ID]);
}

GtkWidget *
td_window_get_header_start (TdWindow *self)
{
  return GTK_WIDGET (self->header_start_box);
}

gboolean
td_window_show_section (TdWindow *self, const char *name)
{
  if (gtk_stack_get_child_by_name (self->stack, name) == NULL)
    return FALSE;
  gtk_stack_set_visible_child_name (self->stack, name);
  return TRUE;
}

const char *
td_window_get_section (TdWindow *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

static void
quit_after_screenshot (const char *path, gdouble first_frame_ms, gpointer user_data)
{
  /* The benchmark reads the time to the first frame here. */
  if (first_frame_ms >= 0)
    g_print (_ ("First frame drawn %.0f ms after the start; picture saved to “%s”.\n"),
             first_frame_ms, path);
  g_application_quit (g_application_get_default ());
}

void
td_window_screenshot_and_quit (TdWindow *self, const char *path)
{
  td_screenshot_after_paint (GTK_WIDGET (self), path, quit_after_screenshot, NULL);
}

static TdWindow *
window_of (GtkWidget *from)
{
  GtkRoot *root;

  if (TD_IS_WINDOW (from))
    return TD_WINDOW (from);
  root = gtk_widget_get_root (from);
  while (root != NULL && !TD_IS_WINDOW (root))
    {
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (root));
      root = parent ? GTK_ROOT (parent) : NULL;
    }
  return root ? TD_WINDOW (root) : NULL;
}

/* A dialog that says what failed (@heading) and why, with what to do next
 * (the error message carries it). */
void
td_window_show_error (GtkWidget *from, const char *heading, const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (from);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   error ? error->message : NULL);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
td_window_toast (GtkWidget *from, AdwToast *toast)
{
  TdWindow *self = window_of (from);

  if (self == NULL)
    {
      g_object_unref (toast);
      return;
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
td_window_toast_text (GtkWidget *from, const char *text)
{
  /* A toast's title is markup: "< 90 %" or "A & B" in a message must stay text. */
  g_autofree gchar *escaped = g_markup_escape_text (text, -1);

  td_window_toast (from, adw_toast_new (escaped));
}

static GtkWidget *
create_sidebar_row (gpointer item, gpointer user_data)
{
  GtkStackPage *page = GTK_STACK_PAGE (item);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (gtk_stack_page_get_icon_name (page));
  GtkWidget *label = gtk_label_new (gtk_stack_page_get_title (page));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

static void
on_row_selected (GtkListBox *list, GtkListBoxRow *row, TdWindow *self)
{
  g_autoptr (GtkSelectionModel) pages = NULL;
  g_autoptr (GObject) page = NULL;

  if (row == NULL)
    return;
  pages = gtk_stack_get_pages (self->stack);
  page = g_list_model_get_item (G_LIST_MODEL (pages), gtk_list_box_row_get_index (row));
  gtk_stack_set_visible_child (self->stack, gtk_stack_page_get_child (GTK_STACK_PAGE (page)));
}

static void
on_row_activated (GtkListBox *list, GtkListBoxRow *row, TdWindow *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
on_visible_child (GtkStack *stack, GParamSpec *pspec, TdWindow *self)
{
  g_autoptr (GtkSelectionModel) pages = gtk_stack_get_pages (stack);
  GtkWidget *child = gtk_stack_get_visible_child (stack);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (pages));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GObject) page = g_list_model_get_item (G_LIST_MODEL (pages), i);

      if (gtk_stack_page_get_child (GTK_STACK_PAGE (page)) == child)
        {
          GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->sidebar_list, i);
          if (row != NULL && gtk_list_box_get_selected_row (self->sidebar_list) != row)
            gtk_list_box_select_row (self->sidebar_list, row);
        }
    }
  update_titles (self);
}

/* The official sheet that belongs to each section, for Ctrl+P. */
static const struct
{
  const char *section;
  const char *sheet;
} section_sheets[] = {
  { "criteria", TD_SHEET_FORM },     { "scores", TD_SHEET_SCORES },
  { "ranking", TD_SHEET_RANKING },   { "calendar", TD_SHEET_CALENDAR },
  { "overview", TD_SHEET_RANKING },  { "units", TD_SHEET_RANKING },
  { "campaigns", TD_SHEET_RANKING },
};

/* The unit a per-unit sheet is about: the one shown in Scores. */
static gint64
current_unit (TdWindow *self)
{
  GtkWidget *scores = gtk_stack_get_child_by_name (self->stack, "scores");

  return scores != NULL ? td_scores_page_get_unit (TD_SCORES_PAGE (scores)) : 0;
}

static gboolean
check_sheet_ready (TdWindow *self)
{
  if (self->database == NULL || self->bloc_year_id == 0)
    {
      td_window_toast_text (GTK_WIDGET (self),
                            _ ("Choose a bloc and a year first: the sheets are made for one "
                               "bloc-year."));
      return FALSE;
    }
  return TRUE;
}

static void
preview_sheet_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdWindow *self = TD_WINDOW (widget);
  const char *sheet = g_variant_get_string (param, NULL);

  if (!check_sheet_ready (self))
    return;
  td_sheet_actions_preview (widget, self->database, self->bloc_year_id, sheet,
                            g_str_equal (sheet, TD_SHEET_SCORES) ? current_unit (self) : 0);
}

static void
export_sheet_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdWindow *self = TD_WINDOW (widget);
  const char *sheet = NULL;
  const char *format = NULL;

  g_variant_get (param, "(&s&s)", &sheet, &format);
  if (!check_sheet_ready (self))
    return;
  td_sheet_actions_export (widget, self->database, self->bloc_year_id, sheet,
                           g_str_equal (sheet, TD_SHEET_SCORES) ? current_unit (self) : 0,
                           g_str_equal (format, "pdf") ? TD_EXPORT_PDF : TD_EXPORT_XLSX);
}

static void
print_current_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdWindow *self = TD_WINDOW (widget);
  const char *section = td_window_get_section (self);

  for (guint i = 0; i < G_N_ELEMENTS (section_sheets); i++)
    if (g_strcmp0 (section, section_sheets[i].section) == 0)
      {
        g_autoptr (GVariant) sheet
            = g_variant_ref_sink (g_variant_new_string (section_sheets[i].sheet));
        preview_sheet_action (widget, NULL, sheet);
        return;
      }
}

static void
show_section_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdWindow *self = TD_WINDOW (widget);

  td_window_show_section (self, g_variant_get_string (param, NULL));
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
back_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdWindow *self = TD_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static GtkFileFilter *
database_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _ ("Thi Đua databases"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_filter_add_pattern (filter, "*.sqlite");
  gtk_file_filter_add_pattern (filter, "*.thidua");
  return filter;
}

static void
on_open_response (GtkNativeDialog *native, int response, TdWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree gchar *path = g_file_get_path (file);

      if (path != NULL)
        td_window_open_path (self, path, TD_DB_OPEN_DEFAULT);
    }
  g_object_unref (native);
}

static void
open_database_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdWindow *self = TD_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_ ("Open Database"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Open"), _ ("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), database_filter ());
  gtk_file_filter_set_name (all, _ ("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  g_signal_connect (native, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
on_new_response (GtkNativeDialog *native, int response, TdWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree gchar *path = g_file_get_path (file);

      if (path != NULL && g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_autoptr (GError) error = g_error_new (
              TD_ERROR, TD_ERROR_INVALID,
              _ ("A file named “%s” already exists. A new database never replaces a file: choose "
                 "another name, or open the existing file with Open Database."),
              g_file_peek_path (file));
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
    }
  g_object_unref (native);
}

static void
new_database_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdWindow *self = TD_WINDOW (widget);
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_ ("New Database"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _ ("C_reate"), _ ("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), database_filter ());
  /* Translators: proposed file name of a new database; keep the .db ending */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _ ("Emulation bloc.db"));
  g_signal_connect (native, "response", G_CALLBACK (on_new_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
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
  if (response == GTK_RESPONSE_ACCEPT && self->database != NULL)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree gchar *path = g_file_get_path (file);
      g_autoptr (GError) error = NULL;

      if (path != NULL && td_backup_save_copy (self->database, path, &error))
        {
          g_autofree gchar *name = g_filename_display_basename (path);
          g_autofree gchar *text = g_strdup_printf (_ ("A copy was saved as “%s”."), name);

          td_window_toast_text (GTK_WIDGET (self), text);
        }
      else if (path != NULL)
        td_window_show_error (GTK_WIDGET (self), _ ("Could not save a copy"), error);
    }
  g_object_unref (native);
}

static void
save_copy_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdWindow *self = TD_WINDOW (widget);
  g_autofree gchar *stem = td_backup_stem_for (td_db_get_path (self->database));
  g_autofree gchar *name = NULL;
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_ ("Save a Copy"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Save"), _ ("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), database_filter ());
  /* Translators: proposed file name of a copy; %s is the database name */
  name = g_strdup_printf (_ ("%s (copy).db"), stem);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect (native, "response", G_CALLBACK (on_save_copy_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
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
static void
refresh_recent_menu (TdWindow *self)
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

static gboolean
td_window_close_request (GtkWindow *window)
{
  GSettings *settings = td_settings_get ();
  int width = 0, height = 0;

  if (settings != NULL)
    {
      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
      if (!gtk_window_is_maximized (window) && width > 0 && height > 0)
        {
          g_settings_set_int (settings, "window-width", width);
          g_settings_set_int (settings, "window-height", height);
        }
    }
  return GTK_WINDOW_CLASS (td_window_parent_class)->close_request (window);
}

static void
bind_page (TdWindow *self, GtkWidget *child)
{
  GObjectClass *klass = G_OBJECT_GET_CLASS (child);

  if (child == NULL || g_object_get_data (G_OBJECT (child), "td-window-bound") != NULL)
    return;
  g_object_set_data (G_OBJECT (child), "td-window-bound", GINT_TO_POINTER (TRUE));
  if (g_object_class_find_property (klass, "database") != NULL)
    g_object_bind_property (self, "database", child, "database", G_BINDING_SYNC_CREATE);
  if (g_object_class_find_property (klass, "bloc-year-id") != NULL)
    g_object_bind_property (self, "bloc-year-id", child, "bloc-year-id", G_BINDING_SYNC_CREATE);
}

static void
on_visible_page (GtkStack *stack, GParamSpec *pspec, TdWindow *self)
{
  bind_page (self, gtk_stack_get_visible_child (stack));
}

/* A section loads its data when it is first shown, not at start-up: with
 * a province's database every section filled at once made the first
 * frame wait (issue 9).  Once bound, a section follows the window. */
static void
bind_pages (TdWindow *self)
{
  g_signal_connect_object (self->stack, "notify::visible-child", G_CALLBACK (on_visible_page), self,
                           0);
  bind_page (self, gtk_stack_get_visible_child (self->stack));
}

/* The bloc and year the whole window follows, at the start of the header
 * bar; it picks (and remembers) the bloc-year when a database opens. */
static void
add_bloc_selector (TdWindow *self)
{
  GtkWidget *selector = td_bloc_selector_new ();

  gtk_box_append (self->header_start_box, selector);
  g_object_bind_property (self, "database", selector, "database", G_BINDING_SYNC_CREATE);
  g_object_bind_property (selector, "bloc-year-id", self, "bloc-year-id",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}

static void
td_window_constructed (GObject *object)
{
  TdWindow *self = TD_WINDOW (object);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr (GtkSelectionModel) pages = gtk_stack_get_pages (self->stack);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (pages));
  GSettings *settings = td_settings_get ();

  G_OBJECT_CLASS (td_window_parent_class)->constructed (object);

  /* Alt+1 … Alt+9 open the sections in sidebar order. */
  for (guint i = 0; app != NULL && i < n && i < 9; i++)
    {
      g_autoptr (GObject) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      g_autofree gchar *action = g_strdup_printf ("win.show-section::%s",
                                                  gtk_stack_page_get_name (GTK_STACK_PAGE (page)));
      g_autofree gchar *accel = g_strdup_printf ("<Alt>%u", i + 1);

      gtk_application_set_accels_for_action (app, action, (const char *[]){ accel, NULL });
    }

  if (settings != NULL)
    g_signal_connect_object (settings, "changed::recent-databases",
                             G_CALLBACK (refresh_recent_menu), self, G_CONNECT_SWAPPED);
  refresh_recent_menu (self);

  if (settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self), g_settings_get_int (settings, "window-width"),
                                   g_settings_get_int (settings, "window-height"));
      if (g_settings_get_boolean (settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
}

static void
td_window_dispose (GObject *object)
{
  TdWindow *self = TD_WINDOW (object);

  self->open_generation++; /* a file still being checked is dropped */
  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_WINDOW);
  g_clear_object (&self->database);
  g_clear_pointer (&self->undo_restore_path, g_free);
  G_OBJECT_CLASS (td_window_parent_class)->dispose (object);
}

static void
td_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TdWindow *self = TD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    case PROP_BLOC_YEAR_ID:
      g_value_set_int64 (value, self->bloc_year_id);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, td_window_get_read_only (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_window_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  TdWindow *self = TD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      td_window_set_database (self, g_value_get_object (value), FALSE);
      break;
    case PROP_BLOC_YEAR_ID:
      td_window_set_bloc_year_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_window_class_init (TdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = td_window_constructed;
  object_class->dispose = td_window_dispose;
  object_class->get_property = td_window_get_property;
  object_class->set_property = td_window_set_property;
  window_class->close_request = td_window_close_request;

  properties[PROP_DATABASE]
      = g_param_spec_object ("database", NULL, NULL, TD_TYPE_DB,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BLOC_YEAR_ID]
      = g_param_spec_int64 ("bloc-year-id", NULL, NULL, 0, G_MAXINT64, 0,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * TdWindow:read-only:
   *
   * TRUE when there is nothing to edit: no database, or a read-only one.
   * Pages bind their editing widgets' sensitivity to it (inverted).
   */
  properties[PROP_READ_ONLY]
      = g_param_spec_boolean ("read-only", NULL, NULL, TRUE,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TD_TYPE_OVERVIEW_PAGE);
  g_type_ensure (TD_TYPE_CALENDAR_PAGE);
  g_type_ensure (TD_TYPE_UNITS_PAGE);
  g_type_ensure (TD_TYPE_CAMPAIGNS_PAGE);
  g_type_ensure (TD_TYPE_CRITERIA_PAGE);
  g_type_ensure (TD_TYPE_SCORES_PAGE);
  g_type_ensure (TD_TYPE_RANKING_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/ThiDua/ui/td-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, sidebar_separator);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, sheets_button);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, header_start_box);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, notice_revealer);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, notice_label);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, checking_revealer);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, checking_label);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, checking_spinner);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, recent_menu);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_child);

  gtk_widget_class_install_action (widget_class, "win.show-section", "s", show_section_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.preview-sheet", "s", preview_sheet_action);
  gtk_widget_class_install_action (widget_class, "win.export-sheet", "(ss)", export_sheet_action);
  gtk_widget_class_install_action (widget_class, "win.print-current", NULL, print_current_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "win.print-current", NULL);
  gtk_widget_class_install_action (widget_class, "win.open-database", NULL, open_database_action);
  gtk_widget_class_install_action (widget_class, "win.new-database", NULL, new_database_action);
  gtk_widget_class_install_action (widget_class, "win.close-database", NULL, close_database_action);
  gtk_widget_class_install_action (widget_class, "win.save-copy", NULL, save_copy_action);
  gtk_widget_class_install_action (widget_class, "win.back-up-now", NULL, back_up_now_action);
  gtk_widget_class_install_action (widget_class, "win.restore-backup", NULL, restore_backup_action);
  gtk_widget_class_install_action (widget_class, "win.undo-restore", NULL, undo_restore_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
}

static void
td_window_init (TdWindow *self)
{
  g_autoptr (GtkSelectionModel) pages = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Set here rather than with an AdwLeafletPage in the template: libadwaita
   * 1.2 disposes such a page after its child and fails a critical. */
  adw_leaflet_page_set_navigatable (adw_leaflet_get_page (self->leaflet, self->sidebar_separator),
                                    FALSE);

  pages = gtk_stack_get_pages (self->stack);
  gtk_list_box_bind_model (self->sidebar_list, G_LIST_MODEL (pages), create_sidebar_row, NULL,
                           NULL);
  gtk_list_box_select_row (self->sidebar_list,
                           gtk_list_box_get_row_at_index (self->sidebar_list, 0));
  bind_pages (self);
  add_bloc_selector (self);
  update_titles (self);
  update_actions (self);
}

TdWindow *
td_window_new (TdApplication *application)
{
  return g_object_new (TD_TYPE_WINDOW, "application", application, NULL);
}
