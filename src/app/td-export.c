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
#include "td-pages.h"
#include "td-window.h"
#include "td-xlsx.h"

#include <adwaita.h>
#include <glib/gi18n.h>

typedef struct
{
  GtkWidget *from;
  GPtrArray *sheets;
  TdExportFormat format;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_object_unref (job->from);
  g_ptr_array_unref (job->sheets);
  g_free (job);
}

static void
open_clicked (AdwToast *toast, gpointer user_data)
{
  const char *uri = g_object_get_data (G_OBJECT (toast), "uri");

  g_app_info_launch_default_for_uri_async (uri, NULL, NULL, NULL, NULL);
}

static void
report_saved (GtkWidget *from, GFile *file)
{
  g_autofree gchar *name = g_file_get_basename (file);
  g_autofree gchar *title = g_strdup_printf (_ ("Saved “%s”"), name);
  AdwToast *toast = adw_toast_new (title);
  GtkWidget *overlay = gtk_widget_get_ancestor (from, ADW_TYPE_TOAST_OVERLAY);

  adw_toast_set_button_label (toast, _ ("_Open"));
  g_object_set_data_full (G_OBJECT (toast), "uri", g_file_get_uri (file), g_free);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (open_clicked), NULL);
  adw_toast_set_timeout (toast, 8);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    td_window_toast (from, toast);
}

gboolean
td_export_save (GtkWidget *from, GPtrArray *sheets, TdExportFormat format, GFile *file)
{
  g_autofree gchar *path = g_file_get_path (file);
  g_autoptr (GError) error = NULL;
  gboolean ok;

  if (path == NULL)
    {
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _ ("Choose a folder on this computer."));
      ok = FALSE;
    }
  else if (format == TD_EXPORT_PDF)
    ok = td_pages_write_pdf ((TdSheet *const *)sheets->pdata, sheets->len, path, &error);
  else
    ok = td_xlsx_write ((TdSheet *const *)sheets->pdata, sheets->len, path, NULL, &error);

  if (ok)
    report_saved (from, file);
  else
    {
      g_autofree gchar *name = g_file_get_basename (file);
      g_autofree gchar *heading = g_strdup_printf (_ ("Could not save “%s”"), name);
      td_window_show_error (from, heading, error);
    }
  return ok;
}

static void
on_response (GtkNativeDialog *dialog, int response, ExportJob *job)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      td_export_save (job->from, job->sheets, job->format, file);
    }
  export_job_free (job);
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
  ExportJob *job;

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

  job = g_new0 (ExportJob, 1);
  job->from = g_object_ref (from);
  job->sheets = g_ptr_array_ref (sheets);
  job->format = format;
  g_signal_connect (chooser, "response", G_CALLBACK (on_response), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
