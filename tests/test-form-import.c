/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Filled self-score forms read back: forms of the demo bloc are built,
 * filled in the sheet model and written as .xlsx, then read, planned and
 * imported.  What was typed becomes the scores (with the app's totals),
 * wrong cells are refused with their reasons, foreign or changed forms are
 * refused as a whole, nothing else changes, and Undo puts everything back. */
#include "config.h"

#include "td-criteria-paste.h"
#include "td-demo.h"
#include "td-entries.h"
#include "td-form-import.h"
#include "td-form-layout.h"
#include "td-registry.h"
#include "td-scoring.h"
#include "td-sheet-builders.h"
#include "td-test-forms.h"
#include "td-test-tmp.h"
#include "td-xlsx-reader.h"
#include "td-xlsx.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

typedef struct
{
  gchar *dir;
  TdDb *db;
  gint64 by_2024, by_2023;
  TdCriteriaTable *table;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree gchar *path = NULL;
  g_autoptr (GPtrArray) blocs = NULL;
  gint64 bloc;

  f->dir = td_test_make_tmp_dir ("td-form-import-XXXXXX");
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "demo.db", NULL);
  f->db = td_demo_create (path, &error);
  g_assert_no_error (error);
  blocs = td_registry_list_blocs (f->db, &error);
  bloc = ((TdBloc *)blocs->pdata[0])->id;
  f->by_2024 = td_registry_find_bloc_year (f->db, bloc, 2024, &error);
  f->by_2023 = td_registry_find_bloc_year (f->db, bloc, 2023, &error);
  g_assert_no_error (error);
  f->table = td_criteria_load (f->db, f->by_2024, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  td_criteria_table_unref (f->table);
  g_object_unref (f->db);
  g_assert_true (td_test_remove_tree (f->dir));
  g_free (f->dir);
}

static GPtrArray *
plan_paths (Fixture *f, const char *const *paths, gint64 expected)
{
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify)td_form_file_free);
  g_autoptr (GError) error = NULL;
  GPtrArray *plans;

  for (guint i = 0; paths[i]; i++)
    g_ptr_array_add (files, td_form_file_read (paths[i]));
  plans = td_form_plan (f->db, files, expected, &error);
  g_assert_no_error (error);
  return plans;
}

static TdFormPlan *
plan_one (Fixture *f, const char *path, gint64 expected)
{
  const char *paths[] = { path, NULL };
  g_autoptr (GPtrArray) plans = plan_paths (f, paths, expected);

  g_assert_cmpuint (plans->len, ==, 1);
  return g_ptr_array_steal_index (plans, 0);
}

static void
assert_refused (TdFormPlan *plan, const char *words)
{
  if (plan->status != TD_FORM_REFUSED || plan->reason == NULL
      || strstr (plan->reason, words) == NULL)
    g_error ("%s: expected refused with “%s”, got status %d: %s", plan->file_name, words,
             plan->status, plan->reason ? plan->reason : "(no reason)");
}

static TdFormRefusal *
refusal_at (TdFormPlan *plan, const char *cell)
{
  for (guint i = 0; i < plan->refusals->len; i++)
    {
      TdFormRefusal *r = plan->refusals->pdata[i];
      if (g_str_equal (r->cell, cell))
        return r;
    }
  return NULL;
}

static gchar *
cell_of (TdSheet *sheet, gint row, guint col)
{
  /* Table row 0 is Excel row first_row (td-xlsx writes it in the meta). */
  return td_xlsx_cell_name ((guint32)(row + 10), col);
}

/* The refusal of the form's cell at (table @row, @col), whose reason says
 * @words. */
static TdFormRefusal *
assert_cell_refused (TdFormPlan *plan, TdSheet *sheet, gint row, guint col, const char *words)
{
  g_autofree gchar *at = cell_of (sheet, row, col);
  TdFormRefusal *r = refusal_at (plan, at);

  if (r == NULL || strstr (r->reason, words) == NULL)
    g_error ("%s: expected refused with “%s”, got %s", at, words, r ? r->reason : "nothing");
  return r;
}

/* --- tests ---------------------------------------------------------------------- */

/* Everything a member may type comes in as the app reads it; the totals the
 * plan announces are the app's after the import; Undo restores. */
static void
test_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr (TdSheet) sheet = td_test_forms_build (f->db, f->by_2024, "Sở Tư pháp");
  const TdCriterion *plan_c
      = td_test_forms_criterion (f->table, "Hoàn thành các chỉ tiêu, nhiệm vụ");
  const TdCriterion *program
      = td_test_forms_criterion (f->table, "Tỷ lệ nhiệm vụ trong Chương trình");
  const TdCriterion *urgent = td_test_forms_criterion (f->table, "Thực hiện các nhiệm vụ đột xuất");
  const TdCriterion *initiative = td_test_forms_criterion (f->table, "Sáng kiến, giải pháp");
  const TdCriterion *award = td_test_forms_criterion (f->table, "Được cấp trên khen thưởng");
  const TdCriterion *early = td_test_forms_criterion (f->table, "Tỷ lệ hồ sơ giải quyết trước hạn");
  const TdCriterion *apology = td_test_forms_criterion (f->table, "Hồ sơ trễ hạn không có văn bản");
  const TdCriterion *report = td_test_forms_criterion (f->table, "Không gửi báo cáo tổng kết năm");
  g_autofree gchar *path = NULL;
  g_autoptr (TdFormPlan) plan = NULL;
  g_autoptr (TdScoreImport) undo = td_score_import_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) before = td_entries_load_bloc_year (f->db, f->by_2024, NULL);
  g_autoptr (GPtrArray) plans = g_ptr_array_new_with_free_func ((GDestroyNotify)td_form_plan_free);
  g_autoptr (TdScores) scores = NULL;
  g_autoptr (TdEntry) e = NULL;
  gint64 stp = td_test_forms_unit (f->db, f->by_2024, "Sở Tư pháp");
  g_auto (GStrv) items = td_form_field_items (award, TD_FORM_FIELD_OPTION);
  g_auto (GStrv) sizes = td_form_field_items (early, TD_FORM_FIELD_SIZE_CLASS);
  guint n_imported = 0;

  td_test_forms_fill (sheet, plan_c, TD_FORM_FIELD_POINTS, 1800, NULL);
  td_test_forms_fill_evidence (sheet, plan_c, TD_FORM_FIELD_POINTS,
                               "Báo cáo số 12/BC-STP ngày 15/12/2024");
  td_test_forms_fill (sheet, program, TD_FORM_FIELD_MEASURED, 9650, NULL);
  td_test_forms_fill (sheet, urgent, TD_FORM_FIELD_POINTS, 0, " 4,5 "); /* a number typed as text */
  td_test_forms_fill (sheet, initiative, TD_FORM_FIELD_COUNT, 200, NULL);
  td_test_forms_fill (sheet, award, TD_FORM_FIELD_OPTION, 0, items[0]);
  td_test_forms_fill (sheet, early, TD_FORM_FIELD_MEASURED, 600, NULL);
  td_test_forms_fill (sheet, early, TD_FORM_FIELD_SIZE_CLASS, 0, sizes[1]);
  td_test_forms_fill (sheet, apology, TD_FORM_FIELD_COUNT, 300, NULL);
  td_test_forms_fill (sheet, apology, TD_FORM_FIELD_EXEMPT, 0, "Có");
  td_test_forms_fill (sheet, report, TD_FORM_FIELD_FLAG, 0, "Có");
  path = td_test_forms_write (sheet, f->dir, "Phieu-STP.xlsx");

  /* The written form: its data sheet out of sight, its structure locked. */
  {
    g_autoptr (TdXlsxReader) reader = td_xlsx_reader_open (path, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (td_xlsx_reader_get_structure_locked (reader));
    g_assert_cmpint (td_xlsx_reader_get_sheet_state (reader, 1), ==, TD_XLSX_SHEET_VERY_HIDDEN);
  }

  plan = plan_one (f, path, f->by_2024);
  g_assert_cmpint (plan->status, ==, TD_FORM_READY);
  g_assert_cmpstr (plan->unit_name, ==, "Sở Tư pháp");
  g_assert_cmpstr (plan->file_name, ==, "Phieu-STP.xlsx");
  g_assert_cmpuint (plan->refusals->len, ==, 0);
  g_assert_cmpuint (plan->changes->len, ==, 8);
  g_assert_true (plan->disqualified);
  {
    TdFormChange *first = plan->changes->pdata[0];
    g_assert_cmpstr (first->label, ==,
                     "I.1 Hoàn thành các chỉ tiêu, nhiệm vụ kế hoạch năm 2024 được UBND tỉnh giao");
    g_assert_cmpstr (first->new_text, ==, "18");
    g_assert_cmpint (first->new_points, ==, 1800);
    g_assert_true (first->evidence_changed);
  }

  g_ptr_array_add (plans, g_steal_pointer (&plan));
  g_assert_true (td_form_plans_apply (f->db, plans, undo, &n_imported, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_imported, ==, 1);

  e = td_entry_load (f->db, stp, plan_c->id, TD_SOURCE_SELF, &error);
  g_assert_cmpint (e->points, ==, 1800);
  g_assert_cmpstr (e->evidence, ==, "Báo cáo số 12/BC-STP ngày 15/12/2024");
  g_clear_pointer (&e, td_entry_free);
  e = td_entry_load (f->db, stp, program->id, TD_SOURCE_SELF, &error);
  g_assert_true (e->has_measured);
  g_assert_cmpint (e->measured, ==, 9650);
  g_clear_pointer (&e, td_entry_free);
  e = td_entry_load (f->db, stp, urgent->id, TD_SOURCE_SELF, &error);
  g_assert_cmpint (e->points, ==, 450);
  g_clear_pointer (&e, td_entry_free);
  e = td_entry_load (f->db, stp, initiative->id, TD_SOURCE_SELF, &error);
  g_assert_cmpint (e->count, ==, 2);
  g_clear_pointer (&e, td_entry_free);
  e = td_entry_load (f->db, stp, award->id, TD_SOURCE_SELF, &error);
  g_assert_cmpint (e->option, ==, 0);
  g_clear_pointer (&e, td_entry_free);
  e = td_entry_load (f->db, stp, early->id, TD_SOURCE_SELF, &error);
  g_assert_cmpint (e->measured, ==, 600);
  g_assert_cmpint (e->size_class, ==, 1);
  g_clear_pointer (&e, td_entry_free);
  e = td_entry_load (f->db, stp, apology->id, TD_SOURCE_SELF, &error);
  g_assert_cmpint (e->count, ==, 3);
  g_assert_true (e->exempt);
  g_clear_pointer (&e, td_entry_free);
  e = td_entry_load (f->db, stp, report->id, TD_SOURCE_SELF, &error);
  g_assert_true (e->disqualified);
  g_assert_cmpstr (e->updated_by, !=, NULL);
  g_clear_pointer (&e, td_entry_free);

  /* The total announced is the app's. */
  scores = td_scores_load (f->db, f->table, &error);
  g_assert_no_error (error);
  {
    TdFormPlan *done = plans->pdata[0];
    const TdUnitTotals *t = td_scores_get_totals (scores, td_scores_find_unit (scores, stp));
    g_assert_cmpint (t->table[TD_SOURCE_SELF].total, ==, done->new_total);
    g_assert_true (t->disqualified[TD_SOURCE_SELF]);
  }
  /* The audit says where the values came from. */
  {
    g_autoptr (GPtrArray) history
        = td_entry_history (f->db, stp, plan_c->id, TD_SOURCE_SELF, &error);
    TdEntryChange *last = history->pdata[0];
    g_assert_nonnull (strstr (last->user, "nhập từ tệp Phieu-STP.xlsx"));
  }

  /* Undo: every entry of the bloc-year as it was. */
  g_assert_true (td_score_import_undo (f->db, undo, &error));
  g_assert_no_error (error);
  {
    g_autoptr (GPtrArray) after = td_entries_load_bloc_year (f->db, f->by_2024, NULL);
    g_assert_cmpuint (after->len, ==, before->len);
    for (guint i = 0; i < before->len; i++)
      {
        TdEntry *b = before->pdata[i];
        gboolean found = FALSE;
        for (guint k = 0; k < after->len && !found; k++)
          found = td_entry_equal (b, after->pdata[k]);
        g_assert_true (found);
      }
  }
}

/* Wrong cells are refused with their reason; the rest of the form comes in. */
static void
test_refused_cells (Fixture *f, gconstpointer data)
{
  g_autoptr (TdSheet) sheet = td_test_forms_build (f->db, f->by_2024, "Sở Y tế");
  const TdCriterion *plan_c
      = td_test_forms_criterion (f->table, "Hoàn thành các chỉ tiêu, nhiệm vụ");
  const TdCriterion *urgent = td_test_forms_criterion (f->table, "Thực hiện các nhiệm vụ đột xuất");
  const TdCriterion *economy
      = td_test_forms_criterion (f->table, "Thực hiện các chỉ tiêu phát triển");
  const TdCriterion *initiative = td_test_forms_criterion (f->table, "Sáng kiến, giải pháp");
  const TdCriterion *award = td_test_forms_criterion (f->table, "Được cấp trên khen thưởng");
  const TdCriterion *early = td_test_forms_criterion (f->table, "Tỷ lệ hồ sơ giải quyết trước hạn");
  const TdCriterion *program
      = td_test_forms_criterion (f->table, "Tỷ lệ nhiệm vụ trong Chương trình");
  const TdCriterion *public = td_test_forms_criterion (f->table, "Công khai đầy đủ thủ tục");
  g_autofree gchar *path = NULL;
  g_autoptr (TdFormPlan) plan = NULL;
  gint section = -1, total = -1;
  TdFormRefusal *r;

  td_test_forms_fill (sheet, plan_c, TD_FORM_FIELD_POINTS, 2100, NULL);           /* over 20 */
  td_test_forms_fill (sheet, urgent, TD_FORM_FIELD_POINTS, 0, "năm");             /* not a number */
  td_test_forms_fill (sheet, economy, TD_FORM_FIELD_POINTS, 456, NULL);           /* 4,56: fine */
  td_test_forms_fill (sheet, initiative, TD_FORM_FIELD_COUNT, 30, NULL);          /* 0,3 cases */
  td_test_forms_fill (sheet, award, TD_FORM_FIELD_OPTION, 0, "Bằng khen của Bộ"); /* not an item */
  td_test_forms_fill (sheet, early, TD_FORM_FIELD_MEASURED, 300, NULL);     /* no size class */
  td_test_forms_fill (sheet, program, TD_FORM_FIELD_MEASURED, 15000, NULL); /* 150 % */
  td_test_forms_fill (sheet, public, TD_FORM_FIELD_COUNT, 100, NULL);       /* fine */
  /* A value in a heading's row and one typed over a computed total. */
  for (guint row = 0; row < td_sheet_get_n_rows (sheet); row++)
    {
      TdSheetCell *code = td_sheet_get_cell (sheet, row, 0);
      if (section < 0 && code->type == TD_CELL_TEXT && g_str_equal (code->text, "II"))
        section = (gint)row;
      if (code->type == TD_CELL_TEXT && g_str_equal (code->text, "Tổng cộng"))
        total = (gint)row;
    }
  td_sheet_set_points (sheet, section, 3, 500);
  td_sheet_set_points (sheet, total, 8, TD_POINTS (100));
  path = td_test_forms_write (sheet, f->dir, "Phieu-SYT.xlsx");

  plan = plan_one (f, path, f->by_2024);
  g_assert_cmpint (plan->status, ==, TD_FORM_READY);
  g_assert_cmpuint (plan->changes->len, ==, 2); /* I.4 and II.5 */
  g_assert_cmpuint (plan->refusals->len, ==, 8);

  r = assert_cell_refused (plan, sheet, td_test_forms_row (sheet, plan_c->id, TD_FORM_FIELD_POINTS),
                           3, "out of range");
  g_assert_cmpstr (r->value, ==, "21");
  g_assert_nonnull (strstr (r->label, "I.1 "));
  assert_cell_refused (plan, sheet, td_test_forms_row (sheet, urgent->id, TD_FORM_FIELD_POINTS), 3,
                       "is not a number");
  assert_cell_refused (plan, sheet, td_test_forms_row (sheet, initiative->id, TD_FORM_FIELD_COUNT),
                       3, "not a whole number");
  assert_cell_refused (plan, sheet, td_test_forms_row (sheet, award->id, TD_FORM_FIELD_OPTION), 3,
                       "not one of the options");
  assert_cell_refused (plan, sheet, td_test_forms_row (sheet, early->id, TD_FORM_FIELD_SIZE_CLASS),
                       3, "size class");
  assert_cell_refused (plan, sheet, td_test_forms_row (sheet, program->id, TD_FORM_FIELD_MEASURED),
                       3, "from 0 to 100");
  assert_cell_refused (plan, sheet, section, 3, "not a criterion of the table");
  assert_cell_refused (plan, sheet, total, 8, "typed over");
}

static gchar *
write_with_meta (Fixture *f, gint64 by, const char *unit, const char *key, const char *value,
                 const char *file_name)
{
  g_autoptr (TdSheet) sheet = td_test_forms_build (f->db, by, unit);
  const TdCriterion *c = td_test_forms_criterion (f->table, "Hoàn thành các chỉ tiêu, nhiệm vụ");

  if (by == f->by_2024)
    td_test_forms_fill (sheet, c, TD_FORM_FIELD_POINTS, 1000, NULL);
  if (key != NULL)
    td_sheet_set_meta (sheet, key, value);
  return td_test_forms_write (sheet, f->dir, file_name);
}

/* Forms refused as a whole, each with what to do; nothing is written. */
static void
test_refused_forms (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) before = td_entries_load_bloc_year (f->db, f->by_2024, NULL);
  g_autofree gchar *last_year
      = write_with_meta (f, f->by_2023, "Sở Nội vụ", NULL, NULL, "2023.xlsx");
  g_autofree gchar *other_unit
      = write_with_meta (f, f->by_2024, "Sở Nội vụ", "unit_id", "1", "tampered.xlsx");
  g_autofree gchar *old_layout
      = write_with_meta (f, f->by_2024, "Sở Nội vụ", "form_layout", "1", "old.xlsx");
  g_autofree gchar *moved
      = write_with_meta (f, f->by_2024, "Sở Nội vụ", "first_row", "12", "moved.xlsx");
  g_autofree gchar *good = write_with_meta (f, f->by_2024, "Sở Nội vụ", NULL, NULL, "SNV.xlsx");
  g_autofree gchar *again = write_with_meta (f, f->by_2024, "Sở Nội vụ", NULL, NULL, "SNV-2.xlsx");
  g_autofree gchar *picture = g_build_filename (f->dir, "anh.jpg", NULL);
  g_autofree gchar *empty = g_build_filename (f->dir, "trong.xlsx", NULL);
  g_autofree gchar *xls = g_build_filename (f->dir, "cu.xls", NULL);
  g_autofree gchar *not_form = NULL;
  const char *paths[]
      = { last_year, other_unit, old_layout, moved, good, again, picture, empty, xls, NULL, NULL };
  g_autoptr (GPtrArray) plans = NULL;
  g_autoptr (TdScoreImport) undo = td_score_import_new ();
  g_autoptr (GError) error = NULL;
  guint n_ready, n_changes, n_refused, n_imported;

  /* Another of Thi Đua's sheets is a workbook, but not a form. */
  {
    g_autoptr (TdSheet) ranking = td_sheet_build_ranking (f->db, f->by_2024, &error);
    g_assert_no_error (error);
    not_form = td_test_forms_write (ranking, f->dir, "Bang-xep-hang.xlsx");
    paths[9] = not_form;
  }
  g_assert_true (g_file_set_contents (picture, "\xff\xd8\xff\xe0\0\x10JFIF", 10, NULL));
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_true (g_file_set_contents (xls, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0", 10, NULL));

  plans = plan_paths (f, paths, f->by_2024);
  g_assert_cmpuint (plans->len, ==, 10);
  assert_refused (plans->pdata[0], "not for the year the Scores section shows (2024)");
  assert_refused (plans->pdata[1], "was not made from this database");
  assert_refused (plans->pdata[2], "earlier version");
  assert_refused (plans->pdata[3], "rows or columns of this form were moved");
  g_assert_cmpint (((TdFormPlan *)plans->pdata[4])->status, ==, TD_FORM_READY);
  assert_refused (plans->pdata[5], "Another form of Sở Nội vụ is in this import (SNV.xlsx)");
  assert_refused (plans->pdata[6], "“anh.jpg” is a picture");
  assert_refused (plans->pdata[7], "“trong.xlsx” is an empty file");
  assert_refused (plans->pdata[8], "Excel 97–2003");
  assert_refused (plans->pdata[9], "not a Thi Đua self-score form");
  td_form_plans_count (plans, &n_ready, &n_changes, &n_refused, NULL);
  g_assert_cmpuint (n_ready, ==, 1);
  g_assert_cmpuint (n_changes, ==, 1);
  g_assert_cmpuint (n_refused, ==, 9);

  /* Only the good form is written. */
  g_assert_true (td_form_plans_apply (f->db, plans, undo, &n_imported, &error));
  g_assert_cmpuint (n_imported, ==, 1);
  g_assert_cmpuint (td_score_import_get_n_saved (undo), ==, 1);
  {
    g_autoptr (GPtrArray) after = td_entries_load_bloc_year (f->db, f->by_2024, NULL);
    guint n_same = 0;
    for (guint i = 0; i < before->len; i++)
      for (guint k = 0; k < after->len; k++)
        n_same += td_entry_equal (before->pdata[i], after->pdata[k]);
    g_assert_cmpuint (n_same, ==, before->len - 1);
  }

  /* Without a bloc-year chosen, last year's form goes to last year. */
  {
    g_autoptr (TdFormPlan) plan = plan_one (f, last_year, 0);
    g_assert_cmpint (plan->status, ==, TD_FORM_NOTHING);
    g_assert_cmpstr (plan->reason, ==, "Nothing was filled in.");
    g_assert_cmpint (plan->bloc_year_id, ==, f->by_2023);
  }
}

/* A form made before the table changed, or from another database, or for a
 * unit that left the bloc, is recognised as such. */
static void
test_changed_table_and_other_database (Fixture *f, gconstpointer data)
{
  g_autofree gchar *path = write_with_meta (f, f->by_2024, "Sở Tài chính", NULL, NULL, "STC.xlsx");
  g_autofree gchar *path_2023
      = write_with_meta (f, f->by_2023, "Sở Tài chính", NULL, NULL, "STC-2023.xlsx");
  g_autofree gchar *other_path = g_build_filename (f->dir, "other.db", NULL);
  g_autoptr (TdCriterion) changed = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) other = NULL;
  TdDb *mine;

  {
    g_autoptr (TdFormPlan) plan = plan_one (f, path, f->by_2024);
    g_assert_cmpint (plan->status, ==, TD_FORM_READY);
  }
  /* The same form planned against another demo database. */
  other = td_demo_create (other_path, &error);
  g_assert_no_error (error);
  mine = f->db;
  f->db = other;
  {
    g_autoptr (TdFormPlan) plan = plan_one (f, path, 0);
    assert_refused (plan, "was not made from this database");
  }
  f->db = mine;

  /* A rule changed after the form was sent. */
  changed = td_criterion_copy (
      td_test_forms_criterion (f->table, "Mỗi báo cáo, văn bản gửi Khối trưởng"));
  changed->rate = 100;
  g_assert_true (td_criteria_update (f->db, changed, &error));
  g_assert_no_error (error);
  {
    g_autoptr (TdFormPlan) plan = plan_one (f, path, f->by_2024);
    assert_refused (plan, "changed after this form was made");
  }

  /* The unit left last year's bloc (it had no scores there). */
  g_assert_true (td_registry_remove_member (
      f->db, f->by_2023, td_test_forms_unit (f->db, f->by_2023, "Sở Tài chính"), &error));
  g_assert_no_error (error);
  {
    g_autoptr (TdFormPlan) plan = plan_one (f, path_2023, 0);
    assert_refused (plan, "is not a member of");
  }
}

/* What the database is asked while Undo runs. */
typedef struct
{
  guint begins;      /* transactions begun (savepoints not counted) */
  guint table_loads; /* criteria tables read (td_criteria_load) */
  guint notified;    /* "changed::entries" emitted */
} UndoTrace;

static int
trace_statement (unsigned type, void *data, void *stmt, void *sql)
{
  UndoTrace *t = data;
  const char *text = sql;

  if (g_str_has_prefix (text, "BEGIN"))
    t->begins++;
  if (strstr (text, "FROM criteria_table WHERE bloc_year_id") != NULL)
    t->table_loads++;
  return 0;
}

static void
on_entries_changed (TdDb *db, const char *what, UndoTrace *t)
{
  t->notified++;
}

/* A valid value for every input of the form, as a member who fills it all. */
static guint
fill_everything (TdSheet *sheet, TdCriteriaTable *table)
{
  guint n_filled = 0;

  for (guint i = 0; i < td_criteria_table_get_n_nodes (table); i++)
    {
      const TdCriterion *c = td_criteria_table_get_node (table, i);
      TdFormField fields[TD_FORM_MAX_FIELDS];
      guint n = td_form_fields (c, fields);

      for (guint k = 0; k < n; k++)
        {
          g_auto (GStrv) items = td_form_field_items (c, fields[k]);
          gint64 min, max;

          td_form_field_range (c, fields[k], &min, &max);
          if (items != NULL)
            td_test_forms_fill (sheet, c, fields[k], 0, items[0]);
          else
            td_test_forms_fill (sheet, c, fields[k], fields[k] == TD_FORM_FIELD_COUNT ? 100 : max,
                                NULL);
        }
      n_filled += n > 0;
    }
  return n_filled;
}

/* Undo after a first import removes every entry the import made in one
 * transaction, reading no criteria table again (it used to load the whole
 * table for each entry), and tells the window once. */
static void
test_undo_one_transaction (Fixture *f, gconstpointer data)
{
  gint64 unit = td_test_forms_unit (f->db, f->by_2024, "Sở Nội vụ");
  g_autoptr (GPtrArray) entries = td_entries_load_bloc_year (f->db, f->by_2024, NULL);
  g_autoptr (TdSheet) sheet = NULL;
  g_autoptr (GPtrArray) plans = g_ptr_array_new_with_free_func ((GDestroyNotify)td_form_plan_free);
  g_autoptr (TdScoreImport) undo = td_score_import_new ();
  g_autoptr (GError) error = NULL;
  g_autofree gchar *path = NULL;
  UndoTrace trace = { 0 };
  guint n_filled, n_imported;
  gulong handler;

  /* The unit has sent nothing yet: the import makes every entry. */
  for (guint i = 0; i < entries->len; i++)
    {
      TdEntry *e = entries->pdata[i];
      if (e->unit_id == unit && e->source == TD_SOURCE_SELF)
        g_assert_true (
            td_entry_delete (f->db, unit, e->criterion_id, TD_SOURCE_SELF, NULL, &error));
    }
  sheet = td_test_forms_build (f->db, f->by_2024, "Sở Nội vụ");
  n_filled = fill_everything (sheet, f->table);
  path = td_test_forms_write (sheet, f->dir, "SNV.xlsx");
  g_ptr_array_add (plans, plan_one (f, path, f->by_2024));
  g_assert_cmpuint (((TdFormPlan *)plans->pdata[0])->refusals->len, ==, 0);
  g_assert_true (td_form_plans_apply (f->db, plans, undo, &n_imported, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (td_score_import_get_n_saved (undo), ==, n_filled);
  g_assert_cmpuint (n_filled, >, 20);

  sqlite3_trace_v2 (td_db_get_handle (f->db), SQLITE_TRACE_STMT, trace_statement, &trace);
  handler = g_signal_connect (f->db, "changed::entries", G_CALLBACK (on_entries_changed), &trace);
  g_assert_true (td_score_import_undo (f->db, undo, &error));
  g_assert_no_error (error);
  g_signal_handler_disconnect (f->db, handler);
  sqlite3_trace_v2 (td_db_get_handle (f->db), 0, NULL, NULL);

  g_assert_cmpuint (trace.begins, ==, 1);
  g_assert_cmpuint (trace.table_loads, ==, 0);
  g_assert_cmpuint (trace.notified, ==, 1);
  {
    g_autoptr (GPtrArray) after = td_entries_load_bloc_year (f->db, f->by_2024, NULL);
    for (guint i = 0; i < after->len; i++)
      g_assert_false (((TdEntry *)after->pdata[i])->unit_id == unit
                      && ((TdEntry *)after->pdata[i])->source == TD_SOURCE_SELF);
  }
}

/* The 2024 table of the demo replaced by a corpus table, as pasted. */
static TdCriteriaTable *
save_corpus_table (Fixture *f, const char *name)
{
  g_autofree gchar *path
      = g_strdup_printf ("%s/criteria-tables/%s.tsv", g_getenv ("TD_TEST_SRCDIR"), name);
  g_autofree gchar *text = NULL;
  g_autoptr (TdPastePreview) preview = NULL;
  g_autoptr (GError) error = NULL;
  TdCriteriaTable *table;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  preview = td_paste_parse (text, &error);
  g_assert_no_error (error);
  g_assert_true (td_paste_preview_save (preview, f->db, f->by_2024, TRUE, &error));
  g_assert_no_error (error);
  table = td_criteria_load (f->db, f->by_2024, &error);
  g_assert_no_error (error);
  return table;
}

/* The shapes of real tables on the form and back: an item with its own
 * standard points asks for them on the row under it, before its sub-rows;
 * a bonus beside standard points has its own cell; brackets ask for the
 * files received and choose the class; the layout of an earlier version is
 * refused as such. */
static void
test_model_shapes (Fixture *f, gconstpointer data)
{
  g_autoptr (TdCriteriaTable) table = save_corpus_table (f, "khoi-thi-dua-2024");
  const TdCriterion *item = td_test_forms_criterion (table, "Thực hiện các nhiệm vụ được UBND");
  const TdCriterion *late = td_test_forms_criterion (table, "Mỗi nhiệm vụ hoàn thành chậm");
  const TdCriterion *model = td_test_forms_criterion (table, "Có mô hình mới, cách làm hay");
  const TdCriterion *early = td_test_forms_criterion (table, "Giải quyết hồ sơ trước hạn");
  gint64 stp = td_test_forms_unit (f->db, f->by_2024, "Sở Tư pháp");
  g_autoptr (TdSheet) sheet = td_test_forms_build (f->db, f->by_2024, "Sở Tư pháp");
  g_autoptr (TdSheet) wrong = td_test_forms_build (f->db, f->by_2024, "Sở Y tế");
  g_autoptr (TdSheet) older = td_test_forms_build (f->db, f->by_2024, "Sở Nội vụ");
  g_autoptr (TdFormPlan) plan = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree gchar *path = NULL, *wrong_path = NULL, *older_path = NULL;
  gint own = td_test_forms_row (sheet, item->id, TD_FORM_FIELD_POINTS);
  TdFormField fields[TD_FORM_MAX_FIELDS];

  /* The item's row, then its own points, then its first sub-row. */
  g_assert_cmpint (item->n_children, >, 0);
  g_assert_cmpstr (td_sheet_get_cell (sheet, own - 1, 0)->text, ==, item->code);
  g_assert_true (g_str_has_prefix (td_sheet_get_cell (sheet, own, 1)->text,
                                   "Điểm chuẩn đạt được của chính mục I.2 (tối đa 10 điểm"));
  g_assert_cmpint (td_test_forms_row (sheet, late->id, TD_FORM_FIELD_COUNT), ==, own + 1);
  g_assert_cmpuint (td_form_fields (model, fields), ==, 2);
  g_assert_cmpint (fields[1], ==, TD_FORM_FIELD_BONUS);
  g_assert_cmpuint (td_form_fields (early, fields), ==, 2);
  g_assert_cmpint (fields[1], ==, TD_FORM_FIELD_FILES);

  td_test_forms_fill (sheet, item, TD_FORM_FIELD_POINTS, 900, NULL);
  td_test_forms_fill (sheet, late, TD_FORM_FIELD_COUNT, 200, NULL);
  td_test_forms_fill (sheet, model, TD_FORM_FIELD_POINTS, 400, NULL);
  td_test_forms_fill (sheet, model, TD_FORM_FIELD_BONUS, 0, "0,5");
  td_test_forms_fill (sheet, early, TD_FORM_FIELD_MEASURED, 410, NULL);
  td_test_forms_fill (sheet, early, TD_FORM_FIELD_FILES, 0, "5.200"); /* typed as text */
  path = td_test_forms_write (sheet, f->dir, "STP.xlsx");
  plan = plan_one (f, path, f->by_2024);
  g_assert_cmpint (plan->status, ==, TD_FORM_READY);
  g_assert_cmpuint (plan->refusals->len, ==, 0);
  g_assert_cmpuint (plan->changes->len, ==, 4);
  for (guint i = 0; i < plan->changes->len; i++)
    {
      TdFormChange *ch = plan->changes->pdata[i];
      TdEntry *e = ch->entry;

      if (ch->criterion_id == item->id)
        g_assert_cmpint (e->points, ==, 900);
      else if (ch->criterion_id == model->id)
        {
          g_assert_cmpint (e->points, ==, 400);
          g_assert_cmpint (e->bonus, ==, 50);
          g_assert_cmpstr (ch->new_text, ==, "4 + 0,5");
          g_assert_cmpint (ch->new_points, ==, 450);
        }
      else if (ch->criterion_id == early->id)
        {
          /* 5 200 files: the class "from 1 000 files", where 4,1 % gives +1. */
          g_assert_cmpint (e->size_class, ==, 1);
          g_assert_cmpint (e->measured, ==, 410);
          g_assert_cmpint (ch->new_points, ==, 100);
        }
      else
        {
          /* Each code once: "2.1" already says it is in "2". */
          g_assert_cmpint (ch->criterion_id, ==, late->id);
          g_assert_true (g_str_has_prefix (ch->label, "I.2.1 Mỗi nhiệm vụ hoàn thành chậm"));
        }
    }
  /* Section I: the item's 9 less 2 × 0,25 under its cap; I.3: 4 + 0,5. */
  {
    g_autoptr (TdUnitTotals) totals = td_unit_totals_new (table->nodes->len);
    g_autofree TdEntry **self = g_new0 (TdEntry *, table->nodes->len);

    for (guint i = 0; i < plan->changes->len; i++)
      {
        TdFormChange *ch = plan->changes->pdata[i];
        self[td_criteria_table_find (table, ch->criterion_id)] = ch->entry;
      }
    td_scoring_compute (table, self, NULL, totals);
    g_assert_cmpint (totals->nodes[TD_SOURCE_SELF][item->index].total, ==, 850);
    g_assert_cmpint (totals->nodes[TD_SOURCE_SELF][model->parent].total, ==, 450);
    g_assert_cmpint (plan->new_total, ==, totals->table[TD_SOURCE_SELF].total);
  }
  g_assert_cmpint (plan->unit_id, ==, stp);

  /* A bonus without the row's points, files that are not a number, and a
   * measured value without its files are refused, each with its reason. */
  td_test_forms_fill (wrong, model, TD_FORM_FIELD_BONUS, 50, NULL);
  td_test_forms_fill (wrong, early, TD_FORM_FIELD_MEASURED, 410, NULL);
  td_test_forms_fill (wrong, early, TD_FORM_FIELD_FILES, 0, "nhiều");
  td_test_forms_fill (wrong, item, TD_FORM_FIELD_POINTS, 1000, NULL);
  wrong_path = td_test_forms_write (wrong, f->dir, "SYT.xlsx");
  g_clear_pointer (&plan, td_form_plan_free);
  plan = plan_one (f, wrong_path, f->by_2024);
  g_assert_cmpuint (plan->changes->len, ==, 1);
  g_assert_cmpuint (plan->refusals->len, ==, 2);
  assert_cell_refused (plan, wrong, td_test_forms_row (wrong, model->id, TD_FORM_FIELD_BONUS), 3,
                       "A bonus is given but not the row's own value");
  assert_cell_refused (plan, wrong, td_test_forms_row (wrong, early->id, TD_FORM_FIELD_FILES), 3,
                       "is not a number of files");
  td_test_forms_fill (wrong, early, TD_FORM_FIELD_FILES, 0, " ");
  g_free (wrong_path);
  wrong_path = td_test_forms_write (wrong, f->dir, "SYT-2.xlsx");
  g_clear_pointer (&plan, td_form_plan_free);
  plan = plan_one (f, wrong_path, f->by_2024);
  assert_cell_refused (plan, wrong, td_test_forms_row (wrong, early->id, TD_FORM_FIELD_FILES), 3,
                       "Enter the number of files");

  /* A form of the layout before these cells existed. */
  td_sheet_set_meta (older, "form_layout", "2");
  older_path = td_test_forms_write (older, f->dir, "SNV.xlsx");
  g_clear_pointer (&plan, td_form_plan_free);
  plan = plan_one (f, older_path, f->by_2024);
  assert_refused (plan, "earlier version");
}

/* A folder of forms: its files in name order, without lock and hidden files. */
static void
test_folder (Fixture *f, gconstpointer data)
{
  g_autofree gchar *folder = g_build_filename (f->dir, "forms", NULL);
  const char *names[] = { "b.xlsx", "a.xlsx", "~$a.xlsx", ".hidden.xlsx" };
  const char *args[] = { folder, NULL };
  g_autoptr (GPtrArray) paths = NULL;
  g_autoptr (GError) error = NULL;
  const char *missing[] = { "/nonexistent/forms", NULL };

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree gchar *path = g_build_filename (folder, names[i], NULL);
      g_assert_true (g_file_set_contents (path, "", 0, NULL));
    }
  paths = td_form_files_expand (args, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (paths->len, ==, 2);
  g_assert_true (g_str_has_suffix (paths->pdata[0], "/a.xlsx"));
  g_assert_true (g_str_has_suffix (paths->pdata[1], "/b.xlsx"));
  g_assert_null (td_form_files_expand (missing, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

int
main (int argc, char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE); /* the reasons are checked in English */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/form-import/round-trip", Fixture, NULL, fixture_set_up, test_round_trip,
              fixture_tear_down);
  g_test_add ("/form-import/refused-cells", Fixture, NULL, fixture_set_up, test_refused_cells,
              fixture_tear_down);
  g_test_add ("/form-import/refused-forms", Fixture, NULL, fixture_set_up, test_refused_forms,
              fixture_tear_down);
  g_test_add ("/form-import/changed-table-and-other-database", Fixture, NULL, fixture_set_up,
              test_changed_table_and_other_database, fixture_tear_down);
  g_test_add ("/form-import/folder", Fixture, NULL, fixture_set_up, test_folder, fixture_tear_down);
  g_test_add ("/form-import/model-shapes", Fixture, NULL, fixture_set_up, test_model_shapes,
              fixture_tear_down);
  g_test_add ("/form-import/undo-one-transaction", Fixture, NULL, fixture_set_up,
              test_undo_one_transaction, fixture_tear_down);
  return g_test_run ();
}
