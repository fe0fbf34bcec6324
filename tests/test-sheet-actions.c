/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The pages' one-call helpers for official sheets, under Xvfb in
 * Vietnamese: the demo's real ranking, scoring sheet and forms open in the
 * print preview with all their pages, and a sheet that cannot be built is
 * reported in a dialog saying what to do. */
#include "config.h"

#include "td-export.h"
#include "td-pages.h"
#include "td-registry.h"
#include "td-sheet-actions.h"
#include "td-sheet-builders.h"
#include "td-test-util.h"

#include <glib/gstdio.h>
#include <string.h>

typedef struct
{
  gchar *dir;
  TdDb *db;
  gint64 bloc_year_id;
  gint64 unit_id;
} Demo;

static void
demo_open (Demo *demo)
{
  g_autoptr (GError) error = NULL;

  demo->db = td_test_demo_db (&demo->dir);
  demo->bloc_year_id = td_test_first_bloc_year (demo->db, 2024);
  demo->unit_id = td_sheets_resolve_unit (demo->db, demo->bloc_year_id, "Sở Tư pháp", &error);
  g_assert_no_error (error);
}

static void
demo_close (Demo *demo)
{
  g_autofree gchar *path = g_build_filename (demo->dir, "demo.db", NULL);
  const char *suffixes[] = { "", "-wal", "-shm" };

  g_clear_object (&demo->db);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree gchar *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
  g_rmdir (demo->dir);
  g_free (demo->dir);
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

static void
close_preview (TdSheetPreview *preview)
{
  g_object_ref (preview);
  gtk_window_destroy (GTK_WINDOW (preview));
  td_test_iterate ();
  g_assert_finalize_object (preview);
}

static void
test_preview_of_real_sheets (void)
{
  TdWindow *window = td_test_window_new ();
  Demo demo = { 0 };
  const struct
  {
    const char *sheet;
    gboolean unit;
    const char *title;
  } cases[] = {
    { TD_SHEET_RANKING, FALSE, "BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM VÀ XẾP HẠNG THI ĐUA NĂM 2024" },
    { TD_SHEET_SCORES, TRUE, "BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2024" },
    { TD_SHEET_MATRIX, FALSE, "BẢNG TỔNG HỢP ĐIỂM THEO TIÊU CHÍ CỦA CÁC ĐƠN VỊ NĂM 2024" },
    { TD_SHEET_FORM, FALSE, "PHIẾU TỰ CHẤM ĐIỂM THI ĐUA NĂM 2024" },
  };

  demo_open (&demo);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      TdSheetPreview *preview
          = td_sheet_actions_preview (GTK_WIDGET (window), demo.db, demo.bloc_year_id,
                                      cases[i].sheet, cases[i].unit ? demo.unit_id : 0);
      GPtrArray *sheets;

      g_assert_nonnull (preview);
      g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (preview)) == GTK_WINDOW (window));
      td_test_wait_drawn (GTK_WIDGET (preview));
      sheets = td_sheet_preview_get_sheets (preview);
      g_assert_cmpstr (((TdSheet *)sheets->pdata[0])->title, ==, cases[i].title);
      /* Every member's form without a unit. */
      g_assert_cmpuint (sheets->len, ==, g_str_equal (cases[i].sheet, TD_SHEET_FORM) ? 12 : 1);
      g_assert_cmpuint (td_sheet_preview_get_n_pages (preview), ==, expected_pages (sheets));
      g_assert_nonnull (td_test_find_widget (GTK_WIDGET (preview), GTK_TYPE_BUTTON, "_In…"));
      g_assert_nonnull (
          td_test_find_widget (GTK_WIDGET (preview), ADW_TYPE_WINDOW_TITLE, cases[i].title));
      if (i == 0)
        {
          g_autofree gchar *shot
              = td_test_screenshot (GTK_WIDGET (preview), "sheet-actions-ranking.png");
        }
      close_preview (preview);
    }
  demo_close (&demo);
  td_test_destroy_window (window);
}

static void
test_errors_are_shown (void)
{
  TdWindow *window = td_test_window_new ();
  Demo demo = { 0 };
  AdwMessageDialog *dialog;

  demo_open (&demo);
  /* A scoring sheet needs a unit. */
  g_assert_null (td_sheet_actions_preview (GTK_WIDGET (window), demo.db, demo.bloc_year_id,
                                           TD_SHEET_SCORES, 0));
  td_test_iterate ();
  dialog = ADW_MESSAGE_DIALOG (td_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Không chuẩn bị được biểu mẫu");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "Bảng chấm điểm là của một đơn vị: hãy chọn đơn vị.");
  {
    g_autofree gchar *shot = td_test_screenshot (GTK_WIDGET (dialog), "sheet-actions-error.png");
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
  td_test_iterate ();

  /* Nothing open yet. */
  g_assert_null (td_sheet_actions_preview (GTK_WIDGET (window), NULL, 0, TD_SHEET_RANKING, 0));
  td_test_iterate ();
  dialog = ADW_MESSAGE_DIALOG (td_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "Hãy mở một cơ sở dữ liệu và chọn khối, năm trước.");
  gtk_window_destroy (GTK_WINDOW (dialog));
  td_test_iterate ();
  demo_close (&demo);
  td_test_destroy_window (window);
}

static void
export_finished (GObject *source, GAsyncResult *result, gpointer data)
{
  GError **error = data;

  g_assert_false (td_export_save_finish (result, error));
  g_assert_nonnull (*error);
}

/* Export from the preview of the open database: never over that database,
 * its companion files, or anything in the backup folder.  The file stays
 * byte for byte as it was, and a dialog says why. */
static void
test_export_never_over_the_database (void)
{
  TdWindow *window = td_test_window_new ();
  Demo demo = { 0 };
  g_autofree gchar *path = NULL;
  g_autofree gchar *before = NULL;
  g_autofree gchar *wal = NULL;
  TdSheetPreview *preview;
  GtkWidget *inside;
  gsize len_before = 0;

  demo_open (&demo);
  path = g_build_filename (demo.dir, "demo.db", NULL);
  wal = g_strconcat (path, "-wal", NULL);
  td_window_set_database (window, demo.db, FALSE);
  preview = td_sheet_actions_preview (GTK_WIDGET (window), demo.db, demo.bloc_year_id,
                                      TD_SHEET_RANKING, 0);
  td_test_wait_drawn (GTK_WIDGET (preview));
  inside = td_test_find_widget (GTK_WIDGET (preview), GTK_TYPE_DRAWING_AREA, NULL);
  g_assert_true (g_file_get_contents (path, &before, &len_before, NULL));

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (GFile) target = g_file_new_for_path (i == 0 ? path : wal);
      g_autoptr (GError) error = NULL;
      g_autofree gchar *after = NULL;
      AdwMessageDialog *dialog;
      gsize len_after = 0;

      td_export_save_async (inside, td_sheet_preview_get_sheets (preview), TD_EXPORT_XLSX, target,
                            NULL, export_finished, &error);
      while (error == NULL)
        g_main_context_iteration (NULL, TRUE);
      g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
      td_test_iterate ();
      dialog = ADW_MESSAGE_DIALOG (td_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
      g_assert_nonnull (dialog);
      g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "demo.db"));
      if (i == 0)
        {
          g_autofree gchar *shot
              = td_test_screenshot (GTK_WIDGET (dialog), "sheet-export-over-database.png");
        }
      gtk_window_destroy (GTK_WINDOW (dialog));
      td_test_iterate ();
      /* The same through the synchronous call. */
      g_assert_false (
          td_export_save (inside, td_sheet_preview_get_sheets (preview), TD_EXPORT_PDF, target));
      td_test_iterate ();
      dialog = ADW_MESSAGE_DIALOG (td_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
      g_assert_nonnull (dialog);
      gtk_window_destroy (GTK_WINDOW (dialog));
      td_test_iterate ();
      g_assert_true (g_file_get_contents (path, &after, &len_after, NULL));
      g_assert_cmpmem (before, len_before, after, len_after);
    }
  close_preview (preview);
  td_window_set_database (window, NULL, FALSE);
  demo_close (&demo);
  td_test_destroy_window (window);
}

int
main (int argc, char **argv)
{
  td_test_init (&argc, &argv);
  g_test_add_func ("/sheet-actions/preview-of-real-sheets", test_preview_of_real_sheets);
  g_test_add_func ("/sheet-actions/errors-are-shown", test_errors_are_shown);
  g_test_add_func ("/sheet-actions/export-never-over-the-database",
                   test_export_never_over_the_database);
  return g_test_run ();
}
