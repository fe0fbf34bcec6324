/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The print preview window, the export helper and the print operation,
 * under Xvfb in Vietnamese: pages shown, zoom, saving with its report, an
 * error the clerk can act on, and printing the same pages to a file. */
#include "config.h"

#include "td-export.h"
#include "td-pages.h"
#include "td-print-operation.h"
#include "td-sheet-preview.h"
#include "td-sheet-sample.h"
#include "td-test-util.h"

#include <glib/gstdio.h>
#include <string.h>

static GPtrArray *
sample_sheets (void)
{
  GPtrArray *sheets = g_ptr_array_new_with_free_func ((GDestroyNotify)td_sheet_free);

  g_ptr_array_add (sheets, td_sheet_sample_ranking (60, 2024));
  g_ptr_array_add (sheets, td_sheet_sample_scores (2024));
  return sheets;
}

static guint
expected_pages (GPtrArray *sheets)
{
  guint n = 0;

  for (guint i = 0; i < sheets->len; i++)
    {
      g_autoptr (TdPages) pages = td_pages_new (sheets->pdata[i], NULL);
      n += td_pages_get_n_pages (pages);
    }
  return n;
}

static guint
count_children (GtkWidget *root, GType type)
{
  guint n = G_TYPE_CHECK_INSTANCE_TYPE (root, type) ? 1 : 0;

  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    n += count_children (c, type);
  return n;
}

static void
test_preview_shows_pages (void)
{
  TdWindow *window = td_test_window_new ();
  g_autoptr (GPtrArray) sheets = sample_sheets ();
  TdSheetPreview *preview = td_sheet_preview_new (GTK_WINDOW (window), sheets);
  GtkWidget *first_page;
  int width_before;
  g_autofree gchar *shot = NULL;

  gtk_window_present (GTK_WINDOW (preview));
  td_test_wait_drawn (GTK_WIDGET (preview));
  g_assert_cmpuint (td_sheet_preview_get_n_pages (preview), ==, expected_pages (sheets));
  g_assert_cmpuint (count_children (GTK_WIDGET (preview), GTK_TYPE_DRAWING_AREA), ==,
                    td_sheet_preview_get_n_pages (preview));
  /* Vietnamese UI, Vietnamese official text. */
  g_assert_nonnull (td_test_find_widget (GTK_WIDGET (preview), GTK_TYPE_BUTTON, "_In…"));
  g_assert_nonnull (td_test_find_widget (GTK_WIDGET (preview), GTK_TYPE_MENU_BUTTON, "_Xuất"));
  g_assert_nonnull (
      td_test_find_widget (GTK_WIDGET (preview), ADW_TYPE_WINDOW_TITLE,
                           "BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM VÀ XẾP HẠNG THI ĐUA NĂM 2024"));
  first_page = td_test_find_widget (GTK_WIDGET (preview), GTK_TYPE_DRAWING_AREA, NULL);
  width_before = gtk_drawing_area_get_content_width (GTK_DRAWING_AREA (first_page));
  g_assert_cmpint (width_before, ==, (int)(841.89 * 96 / 72 * 0.8));
  shot = td_test_screenshot (GTK_WIDGET (preview), "sheet-preview.png");

  td_test_activate (GTK_WIDGET (preview), "preview.zoom-out", NULL);
  g_assert_cmpfloat_with_epsilon (td_sheet_preview_get_zoom (preview), 0.64, 1e-9);
  g_assert_cmpint (gtk_drawing_area_get_content_width (GTK_DRAWING_AREA (first_page)), <,
                   width_before);
  g_free (g_steal_pointer (&shot));
  shot = td_test_screenshot (GTK_WIDGET (preview), "sheet-preview-zoom-out.png");
  for (int i = 0; i < 10; i++)
    td_test_activate (GTK_WIDGET (preview), "preview.zoom-in", NULL);
  g_assert_cmpfloat_with_epsilon (td_sheet_preview_get_zoom (preview), 2.5, 1e-9);

  g_object_ref (preview);
  gtk_window_destroy (GTK_WINDOW (preview));
  td_test_iterate ();
  g_assert_finalize_object (preview);
  td_test_destroy_window (window);
}

typedef struct
{
  gboolean done;
  gboolean ok;
  GError *error;
} Waited;

static void
save_finished (GObject *source, GAsyncResult *result, gpointer data)
{
  Waited *w = data;

  w->ok = td_export_save_finish (result, &w->error);
  w->done = TRUE;
}

static guint
count_entries (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_export_saves_and_reports (void)
{
  TdWindow *window = td_test_window_new ();
  g_autoptr (GPtrArray) sheets = sample_sheets ();
  TdSheetPreview *preview = td_sheet_preview_new (GTK_WINDOW (window), sheets);
  g_autofree gchar *dir = td_test_tmpdir ();
  g_autofree gchar *xlsx = g_build_filename (dir, "Bang-xep-hang-Khoi-6-2024.xlsx", NULL);
  g_autofree gchar *pdf = g_build_filename (dir, "Bang-xep-hang-Khoi-6-2024.pdf", NULL);
  g_autofree gchar *bad = g_build_filename (dir, "missing", "Bang.pdf", NULL);
  g_autoptr (GFile) xlsx_file = g_file_new_for_path (xlsx);
  g_autoptr (GFile) pdf_file = g_file_new_for_path (pdf);
  g_autoptr (GFile) bad_file = g_file_new_for_path (bad);
  GtkWidget *inside;
  AdwMessageDialog *dialog;

  gtk_window_present (GTK_WINDOW (preview));
  td_test_wait_drawn (GTK_WIDGET (preview));
  inside = td_test_find_widget (GTK_WIDGET (preview), GTK_TYPE_DRAWING_AREA, NULL);

  /* In a thread: the file appears only as the main loop turns, after a
   * "Saving" toast with Cancel. */
  {
    Waited w = { 0 };

    td_export_save_async (inside, sheets, TD_EXPORT_XLSX, xlsx_file, NULL, save_finished, &w);
    g_assert_false (g_file_test (xlsx, G_FILE_TEST_EXISTS));
    g_assert_nonnull (td_test_find_widget (GTK_WIDGET (preview), GTK_TYPE_BUTTON, "_Hủy"));
    g_assert_nonnull (td_test_find_widget (GTK_WIDGET (preview), GTK_TYPE_LABEL,
                                           "Đang lưu “Bang-xep-hang-Khoi-6-2024.xlsx”…"));
    {
      g_autofree gchar *shot
          = td_test_screenshot (GTK_WIDGET (preview), "sheet-preview-saving.png");
    }
    while (!w.done)
      g_main_context_iteration (NULL, TRUE);
    g_assert_no_error (w.error);
    g_assert_true (w.ok);
  }
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));
  /* The file itself, and no private folder left beside it. */
  g_assert_cmpuint (count_entries (dir), ==, 1);
  g_assert_true (td_export_save (inside, sheets, TD_EXPORT_PDF, pdf_file));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  /* The toast with "Mở" sits in the preview's own overlay. */
  td_test_iterate ();
  g_assert_nonnull (td_test_find_widget (GTK_WIDGET (preview), GTK_TYPE_BUTTON, "_Mở"));
  {
    g_autofree gchar *shot = td_test_screenshot (GTK_WIDGET (preview), "sheet-preview-saved.png");
  }

  {
    Waited w = { 0 };

    td_export_save_async (inside, sheets, TD_EXPORT_PDF, bad_file, NULL, save_finished, &w);
    while (!w.done)
      g_main_context_iteration (NULL, TRUE);
    g_assert_false (w.ok);
    g_assert_error (w.error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    g_clear_error (&w.error);
  }
  td_test_iterate ();
  dialog = ADW_MESSAGE_DIALOG (td_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Không lưu được “Bang.pdf”");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "missing"));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (preview));
  {
    g_autofree gchar *shot = td_test_screenshot (GTK_WIDGET (dialog), "sheet-export-error.png");
  }

  g_unlink (xlsx);
  g_unlink (pdf);
  g_rmdir (dir);
  td_test_destroy_window (window);
}

/* Cancel in the toast: the thread finishes its write (the writers cannot
 * stop half-way) and the file is thrown away with its private folder. */
static void
test_export_cancelled_leaves_nothing (void)
{
  TdWindow *window = td_test_window_new ();
  g_autoptr (GPtrArray) sheets = sample_sheets ();
  TdSheetPreview *preview = td_sheet_preview_new (GTK_WINDOW (window), sheets);
  g_autofree gchar *dir = td_test_tmpdir ();
  g_autofree gchar *pdf = g_build_filename (dir, "Bang.pdf", NULL);
  g_autoptr (GFile) pdf_file = g_file_new_for_path (pdf);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  GtkWidget *inside, *cancel;
  Waited w = { 0 };

  gtk_window_present (GTK_WINDOW (preview));
  td_test_wait_drawn (GTK_WIDGET (preview));
  inside = td_test_find_widget (GTK_WIDGET (preview), GTK_TYPE_DRAWING_AREA, NULL);

  /* By the toast's button. */
  td_export_save_async (inside, sheets, TD_EXPORT_PDF, pdf_file, NULL, save_finished, &w);
  cancel = td_test_find_widget (GTK_WIDGET (preview), GTK_TYPE_BUTTON, "_Hủy");
  g_assert_nonnull (cancel);
  g_signal_emit_by_name (cancel, "clicked");
  while (!w.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (w.ok);
  g_assert_error (w.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&w.error);
  g_assert_cmpuint (count_entries (dir), ==, 0);
  td_test_iterate ();
  g_assert_null (td_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_null (td_test_find_widget (GTK_WIDGET (preview), GTK_TYPE_BUTTON, "_Mở"));

  /* By the caller's cancellable, once the thread is well under way. */
  memset (&w, 0, sizeof w);
  td_export_save_async (inside, sheets, TD_EXPORT_PDF, pdf_file, cancellable, save_finished, &w);
  g_usleep (20 * G_TIME_SPAN_MILLISECOND);
  g_cancellable_cancel (cancellable);
  while (!w.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (w.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&w.error);
  g_assert_cmpuint (count_entries (dir), ==, 0);

  g_rmdir (dir);
  td_test_destroy_window (window);
}

static void
test_print_operation_draws_the_pages (void)
{
  TdWindow *window = td_test_window_new ();
  g_autoptr (GPtrArray) sheets = sample_sheets ();
  g_autoptr (TdPrintOperation) op = td_print_operation_new (sheets);
  g_autofree gchar *dir = td_test_tmpdir ();
  g_autofree gchar *pdf = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree gchar *out = NULL;
  g_autofree gchar *pages_line = NULL;
  g_autoptr (GError) error = NULL;
  GtkPrintOperationResult result;
  const char *argv[] = { "pdfinfo", pdf, NULL };
  GtkPageSetup *setup;

  setup = gtk_print_operation_get_default_page_setup (GTK_PRINT_OPERATION (op));
  g_assert_cmpint (gtk_page_setup_get_orientation (setup), ==, GTK_PAGE_ORIENTATION_LANDSCAPE);
  g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (setup)), ==,
                   GTK_PAPER_NAME_A4);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (op), pdf);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (op), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                    GTK_WINDOW (window), &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               NULL, NULL, &error));
  pages_line = g_strdup_printf ("Pages:           %u", expected_pages (sheets));
  g_assert_nonnull (strstr (out, pages_line));
  g_assert_nonnull (strstr (out, "841.89 x 595.276 pts (A4)"));
  g_unlink (pdf);
  g_rmdir (dir);
  td_test_destroy_window (window);
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

static gboolean
saved_toast_shown (gpointer preview)
{
  return td_test_find_widget (GTK_WIDGET (preview), GTK_TYPE_BUTTON, "_Mở") != NULL;
}

/* Export… asks where in a file chooser, and saves there once accepted. */
static void
test_export_through_chooser (void)
{
  TdWindow *window = td_test_window_new ();
  g_autoptr (GPtrArray) sheets = sample_sheets ();
  TdSheetPreview *preview = td_sheet_preview_new (GTK_WINDOW (window), sheets);
  g_autofree gchar *dir = td_test_tmpdir ();
  g_autofree gchar *xlsx = g_build_filename (dir, "chosen.xlsx", NULL);
  g_autoptr (GFile) folder = g_file_new_for_path (dir);
  GtkWindow *chooser;

  gtk_window_present (GTK_WINDOW (preview));
  td_test_wait_drawn (GTK_WIDGET (preview));
  td_test_activate (GTK_WIDGET (preview), "preview.export", g_variant_new_string ("xlsx"));
  td_test_iterate ();
  chooser = td_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_nonnull (chooser);
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "chosen.xlsx");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  td_test_wait_until (file_exists, xlsx, 10000);
  /* Saved in a thread, then the toast with "Mở". */
  td_test_wait_until (saved_toast_shown, preview, 10000);
  g_assert_cmpuint (count_entries (dir), ==, 1);
  g_unlink (xlsx);
  g_rmdir (dir);
  td_test_destroy_window (window);
}

int
main (int argc, char **argv)
{
  td_test_init (&argc, &argv);
  g_test_add_func ("/sheet-preview/shows-pages", test_preview_shows_pages);
  g_test_add_func ("/sheet-preview/export-saves-and-reports", test_export_saves_and_reports);
  g_test_add_func ("/sheet-preview/export-through-chooser", test_export_through_chooser);
  g_test_add_func ("/sheet-preview/export-cancelled-leaves-nothing",
                   test_export_cancelled_leaves_nothing);
  g_test_add_func ("/sheet-preview/print-operation-draws-the-pages",
                   test_print_operation_draws_the_pages);
  return g_test_run ();
}
