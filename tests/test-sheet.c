/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The sheet model, file names, worksheet names, pagination rules and the
 * errors of the writers (no display).  The written files themselves are
 * read back by test-xlsx.py and test-pdf.py. */
#include "config.h"

#include "td-pages.h"
#include "td-sheet-sample.h"
#include "td-test-tmp.h"
#include "td-xlsx.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

static void
test_suggest_filename (void)
{
  struct
  {
    const char *stem, *ext, *expected;
  } cases[] = {
    { "Bảng xếp hạng Khối 6 2024", "xlsx", "Bang-xep-hang-Khoi-6-2024.xlsx" },
    { "Đơn vị: Đắk Lắk / Ủy ban", "pdf", "Don-vi-Dak-Lak-Uy-ban.pdf" },
    { "  Phiếu tự chấm  ", ".xlsx", "Phieu-tu-cham.xlsx" },
    { "Ưu tiên — Ễnh ương_2", "pdf", "Uu-tien-Enh-uong_2.pdf" },
    { "***", "pdf", "Bang.pdf" },
    { "Bảng 1.2", NULL, "Bang-1-2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree gchar *name = td_sheet_suggest_filename (cases[i].stem, cases[i].ext);
      g_assert_cmpstr (name, ==, cases[i].expected);
    }
}

static void
test_sheet_names (void)
{
  g_autoptr (GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree gchar *a = td_xlsx_sheet_name ("Tổng hợp", used);
  g_autofree gchar *b = td_xlsx_sheet_name ("TỔNG HỢP", used);
  g_autofree gchar *c = td_xlsx_sheet_name ("Điểm [2024]: a/b\\c*d?", used);
  g_autofree gchar *d
      = td_xlsx_sheet_name ("Trung tâm Kiểm soát bệnh tật và Phòng chống dịch bệnh", used);
  g_autofree gchar *e
      = td_xlsx_sheet_name ("Trung tâm Kiểm soát bệnh tật và Phòng chống dịch bệnh", used);
  g_autofree gchar *f = td_xlsx_sheet_name ("'Trích'", used);
  g_autofree gchar *g = td_xlsx_sheet_name ("", used);
  g_autofree gchar *h = td_xlsx_sheet_name ("history", used);

  g_assert_cmpstr (a, ==, "Tổng hợp");
  g_assert_cmpstr (b, ==, "TỔNG HỢP (2)"); /* Excel compares without case */
  g_assert_cmpstr (c, ==, "Điểm -2024-- a-b-c-d-");
  g_assert_cmpint (g_utf8_strlen (d, -1), <=, 31);
  g_assert_cmpstr (d, ==, "Trung tâm Kiểm soát bệnh tật và");
  g_assert_cmpint (g_utf8_strlen (e, -1), <=, 31);
  g_assert_true (g_str_has_suffix (e, " (2)"));
  g_assert_cmpstr (f, ==, "Trích");
  g_assert_cmpstr (g, ==, "Trang");
  g_assert_cmpstr (h, ==, "history-");
}

static void
test_model (void)
{
  g_autoptr (TdSheet) sheet = td_sheet_sample_ranking (60, 2024);
  g_autoptr (TdSheet) scores = td_sheet_sample_scores (2024);
  g_autoptr (TdSheet) form = td_sheet_sample_form (2024);
  g_autofree gchar *date = td_sheet_dup_date_line (sheet);
  g_autofree gchar *file = td_sheet_suggest_filename (sheet->file_stem, "xlsx");
  guint last;

  g_assert_cmpuint (td_sheet_get_n_columns (sheet), ==, 10);
  g_assert_cmpuint (td_sheet_get_n_rows (sheet), ==, 60);
  g_assert_true (td_sheet_has_groups (sheet));
  g_assert_false (td_sheet_has_inputs (sheet));
  g_assert_cmpstr (date, ==, "Bình Phước, ngày 05 tháng 01 năm 2025");
  g_assert_cmpstr (file, ==, "Bang-xep-hang-Khoi-6-2024.xlsx");
  /* Totals are exact, shown with a decimal comma; ranks follow totals. */
  for (guint r = 0; r < 60; r++)
    {
      TdSheetCell *total = td_sheet_get_cell (sheet, r, 6);
      TdSheetCell *rank = td_sheet_get_cell (sheet, r, 7);
      gint64 sum = td_sheet_get_cell (sheet, r, 3)->value + td_sheet_get_cell (sheet, r, 4)->value
                   - td_sheet_get_cell (sheet, r, 5)->value;
      g_assert_cmpint (total->formula, ==, TD_FORMULA_SUM);
      g_assert_cmpint (total->value, ==, sum);
      g_assert_cmpint (rank->formula, ==, TD_FORMULA_RANK);
      if (r > 0)
        {
          TdSheetCell *prev = td_sheet_get_cell (sheet, r - 1, 6);
          g_assert_cmpint (prev->value, >=, total->value);
          g_assert_cmpint (rank->value, ==,
                           prev->value == total->value ? td_sheet_get_cell (sheet, r - 1, 7)->value
                                                       : (gint64)r + 1);
        }
    }
  {
    g_autofree gchar *shown = td_sheet_cell_display (sheet, 0, 6);
    g_assert_cmpstr (shown, ==, "99,1");
  }
  /* The scoring sheet: the total row sums the sections and ±bonus. */
  last = td_sheet_get_n_rows (scores) - 1;
  g_assert_cmpint (td_sheet_get_row (scores, last)->level, ==, TD_ROW_TOTAL);
  g_assert_cmpint (td_sheet_get_cell (scores, last, 2)->value, ==, TD_POINTS (100));
  g_assert_cmpint (td_sheet_get_cell (scores, last, 5)->value, ==, 9800);
  g_assert_cmpint (td_sheet_get_cell (scores, last, 6)->value, ==, 9650);
  /* The form: input cells with a range and a Vietnamese message. */
  g_assert_true (td_sheet_has_inputs (form));
  g_assert_true (td_sheet_get_cell (form, 1, 5)->input);
  g_assert_cmpint (td_sheet_get_cell (form, 1, 5)->validate, ==, TD_VALIDATE_POINTS);
  g_assert_cmpint (td_sheet_get_cell (form, 1, 5)->max, ==, TD_POINTS (10));
  g_assert_cmpstr (td_sheet_get_cell (form, 1, 5)->message, ==,
                   "Nhập số điểm từ 0 đến 10 (dùng dấu phẩy cho phần thập phân, ví dụ 0,5).");
  g_assert_cmpstr (td_sheet_get_meta (form, "sheet"), ==, "form");
}

static void
test_pagination (void)
{
  g_autoptr (TdSheet) sheet = td_sheet_sample_ranking (60, 2024);
  g_autoptr (TdPages) pages = td_pages_new (sheet, NULL);
  guint n = td_pages_get_n_pages (pages), next = 0, first, count;

  g_assert_cmpfloat_with_epsilon (td_pages_get_setup (pages)->width, 841.89, 0.01);
  g_assert_cmpfloat_with_epsilon (td_pages_get_setup (pages)->height, 595.28, 0.01);
  g_assert_cmpuint (n, >=, 3);
  for (guint i = 0; i < n; i++)
    {
      td_pages_get_rows (pages, i, &first, &count);
      g_assert_cmpuint (first, ==, next);
      g_assert_cmpuint (count, >, 0);
      next += count;
      g_assert_true (td_pages_has_signature (pages, i) == (i == n - 1));
    }
  g_assert_cmpuint (next, ==, 60);
  /* The signature never stands alone: the last row comes with it, and
   * the page before stays filled. */
  td_pages_get_rows (pages, n - 1, &first, &count);
  g_assert_cmpuint (count, >=, 1);

  /* Whatever the number of rows, the same rules hold. */
  for (guint units = 1; units <= 40; units++)
    {
      g_autoptr (TdSheet) s = td_sheet_sample_ranking (units, 2024);
      g_autoptr (TdPages) p = td_pages_new (s, NULL);
      guint pn = td_pages_get_n_pages (p), total = 0;

      for (guint i = 0; i < pn; i++)
        {
          td_pages_get_rows (p, i, &first, &count);
          total += count;
          g_assert_cmpuint (count, >, 0);
        }
      g_assert_cmpuint (total, ==, units);
      g_assert_true (td_pages_has_signature (p, pn - 1));
      td_pages_get_rows (p, pn - 1, &first, &count);
      g_assert_cmpuint (count, >=, 1);
    }
}

static void
test_portrait (void)
{
  TdPageSetup setup;

  td_page_setup_init (&setup, TD_SHEET_PORTRAIT);
  g_assert_cmpfloat_with_epsilon (setup.width, 595.28, 0.01);
  g_assert_cmpfloat_with_epsilon (setup.left, TD_MM (30), 0.001);
  g_assert_cmpfloat_with_epsilon (setup.right, TD_MM (15), 0.001);
  g_assert_cmpfloat_with_epsilon (setup.top, TD_MM (20), 0.001);
}

static gchar *
read_all (const char *path, gsize *len)
{
  gchar *data = NULL;

  g_assert_true (g_file_get_contents (path, &data, len, NULL));
  return data;
}

static void
test_write_errors (void)
{
  g_autofree gchar *dir = td_test_make_tmp_dir ("td-sheet-XXXXXX");
  g_autofree gchar *missing = g_build_filename (dir, "no-such-folder", "a.xlsx", NULL);
  g_autofree gchar *good = g_build_filename (dir, "Bang.xlsx", NULL);
  g_autofree gchar *good2 = g_build_filename (dir, "Bang2.xlsx", NULL);
  g_autofree gchar *lock = g_build_filename (dir, ".~lock.Bang.xlsx#", NULL);
  g_autofree gchar *ro = g_build_filename (dir, "ro", NULL);
  g_autofree gchar *ro_file = g_build_filename (ro, "a.pdf", NULL);
  g_autoptr (TdSheet) sheet = td_sheet_sample_ranking (12, 2024);
  TdXlsxOptions options = { .created_unix = 1735689600 };
  g_autoptr (GError) error = NULL;
  g_autofree gchar *one = NULL, *two = NULL;
  gsize len1 = 0, len2 = 0;
  GDir *listing;
  const char *entry;
  guint n_files = 0;

  g_assert_false (td_xlsx_write (&sheet, 1, missing, &options, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no-such-folder"));
  g_clear_error (&error);
  g_assert_false (td_pages_write_pdf (&sheet, 1, missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Same data, same bytes: reproducible workbooks. */
  g_assert_true (td_xlsx_write (&sheet, 1, good, &options, &error));
  g_assert_no_error (error);
  g_assert_true (td_xlsx_write (&sheet, 1, good2, &options, &error));
  one = read_all (good, &len1);
  two = read_all (good2, &len2);
  g_assert_cmpuint (len1, >, 5000);
  g_assert_cmpmem (one, len1, two, len2);
  g_assert_cmpuint (g_file_test (good, G_FILE_TEST_IS_REGULAR), ==, TRUE);

  /* Open in LibreOffice: refused, the file is untouched. */
  g_assert_true (g_file_set_contents (lock, "x", 1, NULL));
  g_assert_false (td_xlsx_write (&sheet, 1, good, &options, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "Bang.xlsx"));
  g_clear_error (&error);
  g_unlink (lock);

  if (getuid () != 0)
    {
      g_assert_cmpint (g_mkdir (ro, 0555), ==, 0);
      g_assert_false (td_pages_write_pdf (&sheet, 1, ro_file, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      g_clear_error (&error);
      g_rmdir (ro);
    }

  /* No temporary file is left behind. */
  listing = g_dir_open (dir, 0, NULL);
  while ((entry = g_dir_read_name (listing)) != NULL)
    {
      g_autofree gchar *path = g_build_filename (dir, entry, NULL);
      g_assert_true (g_str_equal (entry, "Bang.xlsx") || g_str_equal (entry, "Bang2.xlsx"));
      g_unlink (path);
      n_files++;
    }
  g_dir_close (listing);
  g_assert_cmpuint (n_files, ==, 2);
}

static void
test_rows_sum (void)
{
  g_autoptr (TdSheet) sheet = td_sheet_new ("Tổng", "Tổng", TD_SHEET_PORTRAIT);
  g_autoptr (GArray) rows = g_array_new (FALSE, FALSE, sizeof (guint));
  guint col, total, r;
  TdSheetCell *cell;

  td_sheet_add_column (sheet, "Mã", TD_COLUMN_TEXT, 6, TD_ALIGN_LEFT);
  col = td_sheet_add_column (sheet, "Điểm", TD_COLUMN_POINTS, 9, TD_ALIGN_RIGHT);
  for (guint i = 0; i < 4; i++)
    {
      r = td_sheet_add_row (sheet, TD_ROW_NORMAL);
      td_sheet_set_points (sheet, r, col, TD_POINTS (10) * (i + 1));
      /* The second and fourth rows are the sections. */
      if (i % 2 == 1)
        g_array_append_val (rows, r);
    }
  total = td_sheet_add_row (sheet, TD_ROW_TOTAL);
  td_sheet_set_rows_sum (sheet, total, col, TD_POINTS (60), rows);
  cell = td_sheet_get_cell (sheet, total, col);
  g_assert_cmpint (cell->formula, ==, TD_FORMULA_SUM);
  g_assert_cmpint (cell->value, ==, TD_POINTS (60));
  g_assert_cmpuint (cell->terms->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      TdSheetRange *t = &g_array_index (cell->terms, TdSheetRange, i);

      g_assert_cmpuint (t->row1, ==, g_array_index (rows, guint, i));
      g_assert_cmpuint (t->row2, ==, t->row1);
      g_assert_cmpuint (t->col1, ==, col);
      g_assert_cmpuint (t->col2, ==, col);
      g_assert_cmpint (t->sign, ==, 1);
    }
}

int
main (int argc, char **argv)
{
  /* Vietnamese numbers use a decimal comma: files must not. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sheet/suggest-filename", test_suggest_filename);
  g_test_add_func ("/sheet/xlsx-sheet-names", test_sheet_names);
  g_test_add_func ("/sheet/model", test_model);
  g_test_add_func ("/sheet/rows-sum", test_rows_sum);
  g_test_add_func ("/sheet/pagination", test_pagination);
  g_test_add_func ("/sheet/portrait-setup", test_portrait);
  g_test_add_func ("/sheet/write-errors", test_write_errors);
  return g_test_run ();
}
