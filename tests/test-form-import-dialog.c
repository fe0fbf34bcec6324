/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Scores → Import Self-Score Forms… under Xvfb, in Vietnamese, on the demo
 * database: forms read in the background, the preview per form (rows that
 * change, refused cells, refused forms with the reason), nothing written
 * before Import, one transaction per form, Undo from the window's toast. */
#include "config.h"

#include "td-entries.h"
#include "td-form-import-dialog.h"
#include "td-form-import.h"
#include "td-registry.h"
#include "td-scores-page.h"
#include "td-test-forms.h"
#include "td-test-util.h"

#include <string.h>

typedef struct
{
  TdWindow *window;
  TdDb *db;
  gint64 by_2024, by_2023;
  TdCriteriaTable *table;
  gchar *dir;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->db = td_test_demo_db (&f->dir);
  f->by_2024 = td_test_first_bloc_year (f->db, 2024);
  f->by_2023 = td_test_first_bloc_year (f->db, 2023);
  f->table = td_criteria_load (f->db, f->by_2024, &error);
  g_assert_no_error (error);
  /* A bonus beside the standard points of the first row, as real tables
   * have ("20 | 1"). */
  {
    g_autoptr (TdCriterion) c = td_criterion_copy (
        td_test_forms_criterion (f->table, "Hoàn thành các chỉ tiêu, nhiệm vụ"));
    c->bonus_max = TD_POINTS (1);
    g_assert_true (td_criteria_update (f->db, c, &error));
    g_assert_no_error (error);
    td_criteria_table_unref (f->table);
    f->table = td_criteria_load (f->db, f->by_2024, &error);
    g_assert_no_error (error);
  }

  f->window = td_test_window_with (f->db, f->by_2024, 1366, 768);
  g_assert_true (td_window_show_section (f->window, "scores"));
  td_test_wait_drawn (GTK_WIDGET (f->window));
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  td_test_destroy_window (f->window);
  td_criteria_table_unref (f->table);
  g_clear_object (&f->db);
  g_free (f->dir);
}

static gboolean
has_undo (gpointer data)
{
  return td_test_find_widget (data, GTK_TYPE_BUTTON, "_Hoàn tác") != NULL;
}

static gboolean
not_busy (gpointer data)
{
  return !td_form_import_dialog_get_busy (data);
}

/* Three members' forms, one with wrong cells, last year's form and a photo. */
static GPtrArray *
make_forms (Fixture *f)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const TdCriterion *plan = td_test_forms_criterion (f->table, "Hoàn thành các chỉ tiêu, nhiệm vụ");
  const TdCriterion *late = td_test_forms_criterion (f->table, "Mỗi báo cáo, văn bản gửi");
  const TdCriterion *program = td_test_forms_criterion (f->table, "Tỷ lệ nhiệm vụ trong Chương");
  const TdCriterion *urgent = td_test_forms_criterion (f->table, "Thực hiện các nhiệm vụ đột");
  const char *units[] = { "Sở Tư pháp", "Sở Nội vụ", "Sở Y tế" };
  g_autofree gchar *photo = g_build_filename (f->dir, "Anh-chup-phieu.jpg", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      g_autoptr (TdSheet) sheet = td_test_forms_build (f->db, f->by_2024, units[i]);
      g_autofree gchar *name = g_strdup_printf ("Phieu-tu-cham-%u.xlsx", i + 1);

      td_test_forms_fill (sheet, plan, TD_FORM_FIELD_POINTS, 1700 + 100 * i, NULL);
      td_test_forms_fill_evidence (sheet, plan, TD_FORM_FIELD_POINTS, "Báo cáo số 15/BC");
      td_test_forms_fill (sheet, late, TD_FORM_FIELD_COUNT, 100 * (i + 2), NULL);
      td_test_forms_fill (sheet, program, TD_FORM_FIELD_MEASURED, 9900, NULL);
      if (i == 1)
        td_test_forms_fill (sheet, plan, TD_FORM_FIELD_BONUS, 0, "0,5");
      if (i == 2)
        {
          td_test_forms_fill (sheet, urgent, TD_FORM_FIELD_POINTS, 900, NULL); /* over 5 */
          td_test_forms_fill (sheet, late, TD_FORM_FIELD_COUNT, 0, "hai");
        }
      g_ptr_array_add (paths, td_test_forms_write (sheet, f->dir, name));
    }
  {
    g_autoptr (TdSheet) sheet = td_test_forms_build (f->db, f->by_2023, "Sở Tài chính");
    g_ptr_array_add (paths, td_test_forms_write (sheet, f->dir, "Phieu-2023.xlsx"));
  }
  g_assert_true (g_file_set_contents (photo, "\xff\xd8\xff\xe0\0\x10JFIF", 10, NULL));
  g_ptr_array_add (paths, g_steal_pointer (&photo));
  g_ptr_array_add (paths, NULL);
  return paths;
}

static void
test_preview_import_undo (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) paths = make_forms (f);
  g_autoptr (GPtrArray) before = td_entries_load_bloc_year (f->db, f->by_2024, NULL);
  const TdCriterion *plan = td_test_forms_criterion (f->table, "Hoàn thành các chỉ tiêu, nhiệm vụ");
  gint64 stp = td_test_forms_unit (f->db, f->by_2024, "Sở Tư pháp");
  TdFormImportDialog *dialog;
  GPtrArray *plans;
  GtkWidget *undo;
  g_autofree gchar *shot = NULL;
  g_autoptr (TdEntry) e = NULL;
  g_autoptr (GError) error = NULL;

  /* The Scores section opens the dialog (Ctrl+I). */
  {
    TdScoresPage *page
        = TD_SCORES_PAGE (td_test_find_widget (GTK_WIDGET (f->window), TD_TYPE_SCORES_PAGE, NULL));
    td_test_activate (GTK_WIDGET (page), "scores.import-forms", NULL);
  }
  td_test_iterate ();
  dialog = TD_FORM_IMPORT_DIALOG (td_test_find_toplevel (TD_TYPE_FORM_IMPORT_DIALOG));
  g_assert_nonnull (dialog);
  shot = td_test_screenshot (GTK_WIDGET (dialog), "form-import-empty.png");
  g_clear_pointer (&shot, g_free);
  g_assert_false (gtk_widget_is_sensitive (
      GTK_WIDGET (td_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Nhập 0 phiếu"))));

  /* Read in the background, then previewed; nothing is written yet. */
  td_form_import_dialog_add_paths (dialog, (const char *const *)paths->pdata);
  g_assert_true (td_form_import_dialog_get_busy (dialog));
  td_test_wait_until (not_busy, dialog, 20000);
  plans = td_form_import_dialog_get_plans (dialog);
  g_assert_cmpuint (plans->len, ==, 5);
  g_assert_cmpint (((TdFormPlan *)plans->pdata[0])->status, ==, TD_FORM_READY);
  g_assert_cmpint (((TdFormPlan *)plans->pdata[1])->status, ==, TD_FORM_READY);
  g_assert_cmpint (((TdFormPlan *)plans->pdata[2])->status, ==, TD_FORM_READY);
  g_assert_cmpuint (((TdFormPlan *)plans->pdata[2])->refusals->len, ==, 2);
  g_assert_cmpint (((TdFormPlan *)plans->pdata[3])->status, ==, TD_FORM_REFUSED);
  g_assert_cmpint (((TdFormPlan *)plans->pdata[4])->status, ==, TD_FORM_REFUSED);
  {
    g_autoptr (GPtrArray) now = td_entries_load_bloc_year (f->db, f->by_2024, NULL);
    g_assert_cmpuint (now->len, ==, before->len);
  }
  g_assert_nonnull (td_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_EXPANDER_ROW, "Sở Y tế"));
  g_assert_nonnull (td_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Nhập 3 phiếu"));
  /* Reading the same files again adds nothing. */
  td_form_import_dialog_add_paths (dialog, (const char *const *)paths->pdata);
  td_test_wait_until (not_busy, dialog, 20000);
  g_assert_cmpuint (td_form_import_dialog_get_plans (dialog)->len, ==, 5);
  td_test_iterate ();
  shot = td_test_screenshot (GTK_WIDGET (dialog), "form-import-preview.png");
  g_clear_pointer (&shot, g_free);
  /* The bonus typed beside the points shows in the row's change. */
  {
    TdFormPlan *snv = td_form_import_dialog_get_plans (dialog)->pdata[1];
    TdFormChange *first = snv->changes->pdata[0];
    GtkWidget *row = td_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_EXPANDER_ROW, "Sở Nội vụ");

    g_assert_cmpstr (first->new_text, ==, "18 + 0,5");
    g_assert_cmpint (first->new_points, ==, 1850);
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
    td_test_iterate ();
    shot = td_test_screenshot (GTK_WIDGET (dialog), "form-import-bonus.png");
    g_clear_pointer (&shot, g_free);
  }

  /* Import: one transaction per form; the dialog closes; Undo in the toast. */
  td_test_activate (GTK_WIDGET (dialog), "form-import.apply", NULL);
  td_test_iterate ();
  g_assert_null (td_test_find_toplevel (TD_TYPE_FORM_IMPORT_DIALOG));
  e = td_entry_load (f->db, stp, plan->id, TD_SOURCE_SELF, &error);
  g_assert_no_error (error);
  g_assert_cmpint (e->points, ==, 1700);
  g_assert_cmpstr (e->evidence, ==, "Báo cáo số 15/BC");
  g_clear_pointer (&e, td_entry_free);
  td_test_wait_until (has_undo, f->window, 5000);
  undo = td_test_find_widget (GTK_WIDGET (f->window), GTK_TYPE_BUTTON, "_Hoàn tác");
  g_assert_nonnull (undo);
  shot = td_test_screenshot (GTK_WIDGET (f->window), "form-import-done.png");
  g_clear_pointer (&shot, g_free);
  g_signal_emit_by_name (undo, "clicked");
  td_test_iterate ();
  {
    g_autoptr (GPtrArray) after = td_entries_load_bloc_year (f->db, f->by_2024, NULL);
    g_assert_cmpuint (after->len, ==, before->len);
    for (guint i = 0; i < before->len; i++)
      {
        gboolean found = FALSE;
        for (guint k = 0; k < after->len && !found; k++)
          found = td_entry_equal (before->pdata[i], after->pdata[k]);
        g_assert_true (found);
      }
  }
  td_test_dismiss_toasts (f->window);
}

/* Closing the dialog writes nothing, also while it is still reading. */
static void
test_cancel (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) paths = make_forms (f);
  g_autoptr (GPtrArray) before = td_entries_load_bloc_year (f->db, f->by_2024, NULL);
  TdFormImportDialog *dialog
      = td_form_import_dialog_new (GTK_WINDOW (f->window), f->db, f->by_2024);

  gtk_window_present (GTK_WINDOW (dialog));
  td_form_import_dialog_add_paths (dialog, (const char *const *)paths->pdata);
  gtk_window_destroy (GTK_WINDOW (dialog));
  td_test_iterate ();
  g_usleep (200000);
  td_test_iterate ();
  {
    g_autoptr (GPtrArray) after = td_entries_load_bloc_year (f->db, f->by_2024, NULL);
    g_assert_cmpuint (after->len, ==, before->len);
  }
}

int
main (int argc, char *argv[])
{
  td_test_init (&argc, &argv);
  g_test_add ("/form-import-dialog/preview-import-undo", Fixture, NULL, fixture_setup,
              test_preview_import_undo, fixture_teardown);
  g_test_add ("/form-import-dialog/cancel", Fixture, NULL, fixture_setup, test_cancel,
              fixture_teardown);
  return g_test_run ();
}
