/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Saving official sheets from the window.
 *
 * Pages with a sheet call td_export_sheets: a native save dialog proposes
 * "Bang-xep-hang-Khoi-6-2024.xlsx" (plain ASCII survives e-mail, Zalo and
 * old Windows shares), the sheet is written by td-xlsx.c or td-pages.c,
 * and the result is reported where the user is looking: a toast with an
 * "Open" button in the nearest toast overlay (the preview's or the main
 * window's), or a dialog with the writer's message, which says what to do. */
#include "config.h"

#include "td-export.h"
#include "td-output-guard.h"
#include "td-output.h"
#include "td-pages.h"
#include "td-window.h"
#include "td-xlsx.h"

#include <adwaita.h>
#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

static void
open_clicked (AdwToast *toast, gpointer user_data)
{
  const char *uri = g_object_get_data (G_OBJECT (toast), "uri");

  g_app_info_launch_default_for_uri_async (uri, NULL, NULL, NULL, NULL);
}

static void
add_toast (GtkWidget *from, AdwToast *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (from, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    td_window_toast (from, toast);
}

static void
report_saved (GtkWidget *from, GFile *file)
{
  g_autofree gchar *name = g_file_get_basename (file);
  g_autofree gchar *title = g_strdup_printf (_ ("Saved “%s”"), name);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _ ("_Open"));
  g_object_set_data_full (G_OBJECT (toast), "uri", g_file_get_uri (file), g_free);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (open_clicked), NULL);
  adw_toast_set_timeout (toast, 8);
  add_toast (from, toast);
}

static gboolean
write_sheets (GPtrArray *sheets, TdExportFormat format, const char *path, GError **error)
{
  if (format == TD_EXPORT_PDF)
    return td_pages_write_pdf ((TdSheet *const *)sheets->pdata, sheets->len, path, error);
  return td_xlsx_write ((TdSheet *const *)sheets->pdata, sheets->len, path, NULL, error);
}

/* The toast or the dialog; @from may have been closed meanwhile (the
 * preview), then the application's window reports. */
static void
report (GtkWidget *from, GFile *file, const GError *error)
{
  if (gtk_widget_get_root (from) == NULL)
    {
      GApplication *app = g_application_get_default ();
      GtkWindow *active = GTK_IS_APPLICATION (app)
                              ? gtk_application_get_active_window (GTK_APPLICATION (app))
                              : NULL;

      if (active == NULL)
        return;
      from = GTK_WIDGET (active);
    }
  if (error == NULL)
    report_saved (from, file);
  else
    {
      g_autofree gchar *name = g_file_get_basename (file);
      g_autofree gchar *heading = g_strdup_printf (_ ("Could not save “%s”"), name);
      td_window_show_error (from, heading, error);
    }
}

static gboolean
local_path (GFile *file, gchar **path, GError **error)
{
  *path = g_file_get_path (file);
  if (*path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _ ("Choose a folder on this computer."));
      return FALSE;
    }
  return TRUE;
}

/* A sheet is never written over a database: the one of @from's window, the
 * window it was opened from (a preview), or any other window's. */
static gboolean
check_output (GtkWidget *from, const char *path, GError **error)
{
  GApplication *app = g_application_get_default ();
  GtkRoot *root = gtk_widget_get_root (from);
  g_autoptr (GPtrArray) windows = g_ptr_array_new ();

  if (GTK_IS_WINDOW (root))
    {
      g_ptr_array_add (windows, root);
      if (gtk_window_get_transient_for (GTK_WINDOW (root)) != NULL)
        g_ptr_array_add (windows, gtk_window_get_transient_for (GTK_WINDOW (root)));
    }
  if (GTK_IS_APPLICATION (app))
    for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
      g_ptr_array_add (windows, l->data);
  for (guint i = 0; i < windows->len; i++)
    {
      TdDb *db
          = TD_IS_WINDOW (windows->pdata[i]) ? td_window_get_database (windows->pdata[i]) : NULL;

      if (db != NULL && !td_output_guard (path, td_db_get_path (db), TD_OUTPUT_DOCUMENT, error))
        return FALSE;
    }
  return td_output_guard (path, NULL, TD_OUTPUT_DOCUMENT, error);
}

gboolean
td_export_save (GtkWidget *from, GPtrArray *sheets, TdExportFormat format, GFile *file)
{
  g_autofree gchar *path = NULL;
  g_autoptr (GError) error = NULL;
  gboolean ok;

  ok = local_path (file, &path, &error) && check_output (from, path, &error)
       && write_sheets (sheets, format, path, &error);
  report (from, file, error);
  return ok;
}

/* Exports run in a thread so the window keeps drawing: the workbook of a
 * province's units takes seconds.  The writers cannot stop half-way, so
 * the thread writes into a private folder made beside the target
 * (".thidua-XXXXXX": same disk, so the final rename is atomic) and the
 * main thread, on completion, either renames the file into place or, when
 * the clerk pressed Cancel meanwhile, deletes it with its folder.  So a
 * cancelled export leaves nothing behind, and an existing file of that
 * name is untouched.  The sheets are plain data that nothing changes after
 * they are built; the job holds a reference so they outlive the preview. */
typedef struct
{
  GtkWidget *from;
  GPtrArray *sheets;
  TdExportFormat format;
  GFile *file;
  gchar *path;
  gchar *staging_dir;
  gchar *staging;
  GError *error;
  AdwToast *progress;
  gint64 progress_shown;
  gboolean progress_dismissed;
} SaveJob;

/* libadwaita 1.2 crashes when a toast is dismissed while it still slides
 * in: the progress toast stays at least this long. */
#define PROGRESS_MIN_US (400 * G_TIME_SPAN_MILLISECOND)

static void
save_job_free (SaveJob *job)
{
  if (job->progress != NULL)
    g_signal_handlers_disconnect_by_data (job->progress, job);
  g_clear_object (&job->progress);
  g_object_unref (job->from);
  g_ptr_array_unref (job->sheets);
  g_clear_object (&job->file);
  g_free (job->path);
  g_free (job->staging_dir);
  g_free (job->staging);
  g_clear_error (&job->error);
  g_free (job);
}

static void
save_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  SaveJob *job = data;
  g_autofree gchar *dir = g_path_get_dirname (job->path);
  g_autofree gchar *base = g_path_get_basename (job->path);
  g_autofree gchar *staging_dir = g_build_filename (dir, ".thidua-XXXXXX", NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, &job->error)
      || !td_output_check_writable (job->path, &job->error))
    return;
  if (g_mkdtemp (staging_dir) == NULL)
    {
      int saved = errno;

      g_set_error (&job->error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _ ("Could not write “%s”: %s. Check that the disk is not full and that you "
                      "may write in this folder."),
                   base, g_strerror (saved));
      return;
    }
  job->staging_dir = g_steal_pointer (&staging_dir);
  /* The same base name, so the writer's messages name the clerk's file. */
  job->staging = g_build_filename (job->staging_dir, base, NULL);
  if (!write_sheets (job->sheets, job->format, job->staging, &job->error))
    g_clear_pointer (&job->staging, g_free);
}

/* Moves the written file into place, or removes it when cancelled; either
 * way the private folder goes. */
static void
settle_staging (SaveJob *job, GCancellable *cancellable)
{
  if (job->staging != NULL && job->error == NULL)
    td_output_keep_mode (job->path, job->staging);
  if (job->staging != NULL && job->error == NULL
      && !g_cancellable_set_error_if_cancelled (cancellable, &job->error)
      && g_rename (job->staging, job->path) != 0)
    {
      int saved = errno;
      g_autofree gchar *base = g_filename_display_basename (job->path);

      g_set_error (&job->error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _ ("Could not save “%s”: %s."), base, g_strerror (saved));
    }
  if (job->staging != NULL)
    g_unlink (job->staging);
  if (job->staging_dir != NULL)
    g_rmdir (job->staging_dir);
}

static void
progress_dismissed (AdwToast *toast, SaveJob *job)
{
  job->progress_dismissed = TRUE;
}

/* A button of our own rather than the toast's: that one dismisses the
 * toast at once, which crashes libadwaita 1.2 while the toast still
 * slides in.  The toast goes when the thread is done. */
static void
cancel_clicked (GtkButton *button, GCancellable *cancellable)
{
  g_cancellable_cancel (cancellable);
  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
}

static void
show_progress (SaveJob *job, GCancellable *cancellable)
{
  g_autofree gchar *name = g_file_get_basename (job->file);
  g_autofree gchar *title = g_strdup_printf (_ ("Saving “%s”…"), name);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *spinner = gtk_spinner_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_ ("_Cancel"));

  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_box_append (GTK_BOX (box), spinner);
  gtk_box_append (GTK_BOX (box), gtk_label_new (title));
  gtk_widget_set_valign (cancel, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_start (cancel, 6);
  gtk_box_append (GTK_BOX (box), cancel);
  g_signal_connect_object (cancel, "clicked", G_CALLBACK (cancel_clicked), cancellable, 0);
  job->progress = g_object_ref (adw_toast_new (title));
  adw_toast_set_custom_title (job->progress, box);
  adw_toast_set_timeout (job->progress, 0);
  /* Shown at once, even over an earlier "Saved" toast. */
  adw_toast_set_priority (job->progress, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect (job->progress, "dismissed", G_CALLBACK (progress_dismissed), job);
  job->progress_shown = g_get_monotonic_time ();
  add_toast (job->from, job->progress);
}

static gboolean
finish_later (gpointer data)
{
  GTask *task = data;
  SaveJob *job = g_task_get_task_data (task);

  if (job->progress != NULL && !job->progress_dismissed)
    adw_toast_dismiss (job->progress);
  if (job->error == NULL)
    report (job->from, job->file, NULL);
  else if (!g_error_matches (job->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    report (job->from, job->file, job->error);
  if (job->error != NULL)
    g_task_return_error (task, g_error_copy (job->error));
  else
    g_task_return_boolean (task, TRUE);
  return G_SOURCE_REMOVE;
}

static void
save_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GTask *inner = G_TASK (result);
  GTask *task = user_data;
  SaveJob *job = g_task_get_task_data (task);
  gint64 shown_for = g_get_monotonic_time () - job->progress_shown;

  settle_staging (job, g_task_get_cancellable (inner));
  if (job->progress != NULL && !job->progress_dismissed && shown_for < PROGRESS_MIN_US)
    g_timeout_add_full (G_PRIORITY_DEFAULT, (PROGRESS_MIN_US - shown_for) / 1000 + 1, finish_later,
                        task, g_object_unref);
  else
    {
      finish_later (task);
      g_object_unref (task);
    }
}

void
td_export_save_async (GtkWidget *from, GPtrArray *sheets, TdExportFormat format, GFile *file,
                      GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GCancellable) own = cancellable ? g_object_ref (cancellable) : g_cancellable_new ();
  GTask *task = g_task_new (NULL, own, callback, user_data);
  g_autoptr (GTask) inner = NULL;
  SaveJob *job = g_new0 (SaveJob, 1);

  g_return_if_fail (sheets != NULL && sheets->len > 0);
  g_task_set_source_tag (task, td_export_save_async);
  job->from = g_object_ref (from);
  job->sheets = g_ptr_array_ref (sheets);
  job->format = format;
  job->file = g_object_ref (file);
  g_task_set_task_data (task, job, (GDestroyNotify)save_job_free);
  if (!local_path (file, &job->path, &job->error) || !check_output (from, job->path, &job->error))
    {
      finish_later (task);
      g_object_unref (task);
      return;
    }
  show_progress (job, own);
  /* The job's errors are kept by hand: a cancelled GTask would drop the
   * written file's name, and the file with it. */
  inner = g_task_new (NULL, own, save_done, task);
  g_task_set_task_data (inner, job, NULL);
  g_task_set_check_cancellable (inner, FALSE);
  g_task_run_in_thread (inner, save_thread);
}

gboolean
td_export_save_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* @job: what to save, while the clerk chooses where (no file yet). */
static void
on_response (GtkNativeDialog *dialog, int response, SaveJob *job)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      td_export_save_async (job->from, job->sheets, job->format, file, NULL, NULL, NULL);
    }
  save_job_free (job);
  g_object_unref (dialog);
}

void
td_export_sheets (GtkWidget *from, GPtrArray *sheets, TdExportFormat format)
{
  GtkRoot *root = gtk_widget_get_root (from);
  TdSheet *first;
  const char *ext = format == TD_EXPORT_PDF ? "pdf" : "xlsx";
  g_autofree gchar *name = NULL;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;
  SaveJob *job;

  g_return_if_fail (sheets != NULL && sheets->len > 0);
  first = sheets->pdata[0];
  name = td_sheet_suggest_filename (first->file_stem, ext);
  chooser = gtk_file_chooser_native_new (format == TD_EXPORT_PDF ? _ ("Save as PDF")
                                                                 : _ ("Save as Excel Workbook"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Save"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_set_name (filter,
                            format == TD_EXPORT_PDF ? _ ("PDF documents") : _ ("Excel workbooks"));
  gtk_file_filter_add_suffix (filter, ext);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  job = g_new0 (SaveJob, 1);
  job->from = g_object_ref (from);
  job->sheets = g_ptr_array_ref (sheets);
  job->format = format;
  g_signal_connect (chooser, "response", G_CALLBACK (on_response), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
