/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The official sheets built from the demo database (no display): every
 * total and rank in a sheet equals the core's own (td-scoring, td-ranking),
 * every formula of the model recomputes to its cached value, and names
 * typed on the command line resolve or fail with a list of what exists.
 * The written files are read back by test-sheet-exports.py. */
#include "config.h"

#include "td-calendar.h"
#include "td-criteria.h"
#include "td-demo.h"
#include "td-entries.h"
#include "td-form-layout.h"
#include "td-ranking-store.h"
#include "td-registry.h"
#include "td-scoring.h"
#include "td-sheet-builders.h"
#include "td-test-tmp.h"
#include "td-xlsx.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

typedef struct
{
  gchar *dir;
  TdDb *db;
  gint64 bloc_id;
  gint64 bloc_year_id;
  gint64 bloc_year_2023;
  GPtrArray *members;
  TdCriteriaTable *table;
  TdScores *scores;
  TdRanking *ranking;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree gchar *path = NULL;
  g_autoptr (GPtrArray) blocs = NULL;

  f->dir = td_test_make_tmp_dir ("td-builders-XXXXXX");
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "demo.db", NULL);
  f->db = td_demo_create (path, &error);
  g_assert_no_error (error);
  blocs = td_registry_list_blocs (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (blocs->len, ==, 1);
  f->bloc_id = ((TdBloc *)blocs->pdata[0])->id;
  f->bloc_year_id = td_registry_find_bloc_year (f->db, f->bloc_id, 2024, &error);
  g_assert_no_error (error);
  f->bloc_year_2023 = td_registry_find_bloc_year (f->db, f->bloc_id, 2023, &error);
  g_assert_no_error (error);
  f->members = td_registry_list_members (f->db, f->bloc_year_id, &error);
  g_assert_no_error (error);
  f->table = td_criteria_load (f->db, f->bloc_year_id, &error);
  g_assert_no_error (error);
  f->scores = td_scores_load (f->db, f->table, &error);
  g_assert_no_error (error);
  f->ranking = td_ranking_load (f->db, f->bloc_year_id, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  td_ranking_free (f->ranking);
  td_scores_free (f->scores);
  td_criteria_table_unref (f->table);
  g_ptr_array_unref (f->members);
  g_object_unref (f->db);
  g_assert_true (td_test_remove_tree (f->dir));
  g_free (f->dir);
}

/* --- helpers ------------------------------------------------------------- */

static gint
column_index (TdSheet *sheet, const char *header)
{
  for (guint c = 0; c < td_sheet_get_n_columns (sheet); c++)
    if (g_strcmp0 (td_sheet_get_column (sheet, c)->header, header) == 0)
      return (gint)c;
  g_error ("no column “%s” in %s", header, sheet->name);
  return -1;
}

/* The first row whose cell in @col starts with @prefix, −1 when none. */
static gint
find_row_prefix (TdSheet *sheet, guint col, const char *prefix)
{
  for (guint r = 0; r < td_sheet_get_n_rows (sheet); r++)
    {
      TdSheetCell *cell = td_sheet_get_cell (sheet, r, col);
      if (cell->type == TD_CELL_TEXT && g_str_has_prefix (cell->text, prefix))
        return (gint)r;
    }
  return -1;
}

/* The row whose cell in @col reads @text, −1 when none. */
static gint
find_row (TdSheet *sheet, guint col, const char *text)
{
  for (guint r = 0; r < td_sheet_get_n_rows (sheet); r++)
    {
      TdSheetCell *cell = td_sheet_get_cell (sheet, r, col);
      if (cell->type == TD_CELL_TEXT && g_strcmp0 (cell->text, text) == 0)
        return (gint)r;
    }
  return -1;
}

static gint64
cell_value (TdSheet *sheet, guint row, guint col)
{
  TdSheetCell *cell = td_sheet_get_cell (sheet, row, col);
  return cell->type == TD_CELL_POINTS || cell->type == TD_CELL_INTEGER ? cell->value : 0;
}

/* Every formula of the model gives its cached value when recomputed from
 * the cells it names, as Excel and LibreOffice will.  Returns how many
 * formulas were checked. */
static guint
assert_formulas_recompute (TdSheet *sheet)
{
  guint n = 0;

  for (guint r = 0; r < td_sheet_get_n_rows (sheet); r++)
    for (guint c = 0; c < td_sheet_get_n_columns (sheet); c++)
      {
        TdSheetCell *cell = td_sheet_get_cell (sheet, r, c);

        if (cell->formula == TD_FORMULA_SUM)
          {
            gint64 sum = 0;
            for (guint t = 0; t < cell->terms->len; t++)
              {
                TdSheetRange *range = &g_array_index (cell->terms, TdSheetRange, t);
                for (guint rr = range->row1; rr <= range->row2; rr++)
                  for (guint cc = range->col1; cc <= range->col2; cc++)
                    sum += range->sign * cell_value (sheet, rr, cc);
              }
            if (sum != cell->value)
              g_error ("%s: row %u col %u caches %" G_GINT64_FORMAT
                       " but sums to %" G_GINT64_FORMAT,
                       sheet->name, r, c, cell->value, sum);
            n++;
          }
        else if (cell->formula == TD_FORMULA_RANK)
          {
            TdSheetRange *range = &g_array_index (cell->terms, TdSheetRange, 0);
            gint64 me = cell_value (sheet, cell->ref_row, cell->ref_col);
            gint64 rank = 1;
            for (guint rr = range->row1; rr <= range->row2; rr++)
              for (guint cc = range->col1; cc <= range->col2; cc++)
                if (cell_value (sheet, rr, cc) > me)
                  rank++;
            g_assert_cmpint (rank, ==, cell->value);
            n++;
          }
      }
  return n;
}

static const TdMember *
member_named (Fixture *f, const char *name)
{
  for (guint i = 0; i < f->members->len; i++)
    {
      const TdMember *m = f->members->pdata[i];
      if (g_strcmp0 (m->name, name) == 0)
        return m;
    }
  g_error ("no member %s", name);
  return NULL;
}

/* --- tests --------------------------------------------------------------- */

static void
test_scores_equal_core (Fixture *f, gconstpointer data)
{
  g_autoptr (GArray) sections = td_criteria_table_get_sections (f->table);
  guint n_adjust = 0;

  g_assert_cmpuint (f->members->len, ==, 12);
  for (guint i = 0; i < f->members->len; i++)
    {
      const TdMember *m = f->members->pdata[i];
      g_autoptr (GError) error = NULL;
      g_autoptr (TdSheet) sheet
          = td_sheet_build_scores (f->db, f->bloc_year_id, m->unit_id, &error);
      gint u = td_scores_find_unit (f->scores, m->unit_id);
      TdNodeTotals fin, self;
      gint bonus, deduction, own, assessed, total, final;
      g_autofree gchar *unit_line = g_strdup_printf ("Đơn vị: %s", m->name);

      g_assert_no_error (error);
      g_assert_nonnull (sheet);
      g_assert_cmpint (u, >=, 0);
      fin = td_scores_node_totals (f->scores, u, -1, TD_SOURCE_FINAL);
      self = td_scores_node_totals (f->scores, u, -1, TD_SOURCE_SELF);
      bonus = column_index (sheet, "Thưởng");
      deduction = column_index (sheet, "Trừ");
      own = column_index (sheet, "Tự chấm");
      assessed = column_index (sheet, "Thẩm định");
      column_index (sheet, "Ghi chú / minh chứng");
      g_assert_cmpstr (td_sheet_get_column (sheet, 0)->header, ==, "STT");
      g_assert_cmpstr (td_sheet_get_column (sheet, 1)->header, ==, "Nội dung tiêu chí");
      g_assert_cmpstr (td_sheet_get_column (sheet, 2)->header, ==, "Điểm chuẩn");
      g_assert_cmpstr (sheet->title, ==, "BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2024");
      g_assert_cmpstr (sheet->subtitles[0], ==, unit_line);

      /* One vocabulary (td-official.h): Tổng điểm = Thẩm định + Thưởng − Trừ
       * on the totals row. */
      total = find_row (sheet, 0, "Tổng cộng");
      final = column_index (sheet, "Tổng điểm");
      g_assert_cmpint (total, >=, 0);
      g_assert_cmpint (td_sheet_get_row (sheet, total)->level, ==, TD_ROW_TOTAL);
      g_assert_cmpint (cell_value (sheet, total, 2), ==, TD_POINTS (100));
      g_assert_cmpint (cell_value (sheet, total, bonus), ==, fin.bonus);
      g_assert_cmpint (cell_value (sheet, total, deduction), ==, fin.deduction);
      g_assert_cmpint (cell_value (sheet, total, own), ==, self.total);
      g_assert_cmpint (cell_value (sheet, total, assessed), ==, fin.standard);
      g_assert_cmpint (cell_value (sheet, total, final), ==, fin.total);
      g_assert_cmpint (cell_value (sheet, total, final), ==,
                       fin.standard + fin.bonus - fin.deduction);
      g_assert_cmpint (td_sheet_get_cell (sheet, total, final)->formula, ==, TD_FORMULA_SUM);

      /* Each section's row shows the section's totals. */
      for (guint s = 0; s < sections->len; s++)
        {
          gint index = g_array_index (sections, gint, s);
          const TdCriterion *c = td_criteria_table_get_node (f->table, index);
          gint row = find_row (sheet, 0, c->code);
          TdNodeTotals nf = td_scores_node_totals (f->scores, u, index, TD_SOURCE_FINAL);
          TdNodeTotals ns = td_scores_node_totals (f->scores, u, index, TD_SOURCE_SELF);

          g_assert_cmpint (row, >=, 0);
          g_assert_cmpint (td_sheet_get_row (sheet, row)->level, ==, TD_ROW_SECTION);
          g_assert_cmpint (cell_value (sheet, row, 2), ==, c->standard);
          g_assert_cmpint (cell_value (sheet, row, bonus), ==, nf.bonus);
          g_assert_cmpint (cell_value (sheet, row, deduction), ==, nf.deduction);
          g_assert_cmpint (cell_value (sheet, row, own), ==, ns.total);
          g_assert_cmpint (cell_value (sheet, row, assessed), ==, nf.standard);
          g_assert_cmpint (td_sheet_get_cell (sheet, row, own)->formula, ==, TD_FORMULA_SUM);
        }
      g_assert_cmpuint (assert_formulas_recompute (sheet), >, 20);
      for (guint r = 0; r < td_sheet_get_n_rows (sheet); r++)
        {
          TdSheetCell *cell = td_sheet_get_cell (sheet, r, 1);
          if (cell->text && strstr (cell->text, "vượt mức tối đa"))
            n_adjust++;
        }
      g_assert_cmpstr (td_sheet_get_meta (sheet, "sheet"), ==, "scores");
      g_assert_cmpstr (td_sheet_get_meta (sheet, "unit"), ==, m->name);
    }
  /* No cap bites in the demo's scores: no correction rows. */
  g_assert_cmpuint (n_adjust, ==, 0);
}

static gint
node_titled (Fixture *f, const char *prefix)
{
  for (guint n = 0; n < td_criteria_table_get_n_nodes (f->table); n++)
    if (g_str_has_prefix (td_criteria_table_get_node (f->table, n)->title, prefix))
      return (gint)n;
  g_error ("no criterion %s", prefix);
  return -1;
}

static void
save_count (Fixture *f, gint64 unit_id, gint index, gint64 count)
{
  g_autoptr (GError) error = NULL;
  const TdCriterion *c = td_criteria_table_get_node (f->table, index);
  g_autoptr (TdEntry) entry = td_entry_new (unit_id, c->id, TD_SOURCE_ASSESSED);

  entry->count = count;
  g_assert_true (td_entry_save (f->db, c, entry, &error));
  g_assert_no_error (error);
}

/* Caps that bite and a heading's own deduction: shown as rows of their
 * own, so every subtotal is still a plain sum equal to the core's. */
static void
test_caps_and_own_rules (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  const TdMember *m = member_named (f, "Sở Tư pháp");
  gint late = node_titled (f, "Mỗi báo cáo, văn bản gửi Khối trưởng trễ hạn");
  gint absent = node_titled (f, "Tham gia hoạt động của Khối");
  gint section_v = td_criteria_table_get_node (f->table, late)->parent;
  g_autoptr (TdSheet) sheet = NULL;
  g_autoptr (TdScores) scores = NULL;
  gint u, adj, own, v_row, total;
  TdNodeTotals v, fin;

  save_count (f, m->unit_id, late, 5);   /* −2,5 against a cap of 1,5 */
  save_count (f, m->unit_id, absent, 2); /* −2 on the heading IV.3 itself */
  scores = td_scores_load (f->db, f->table, &error);
  g_assert_no_error (error);
  u = td_scores_find_unit (scores, m->unit_id);
  v = td_scores_node_totals (scores, u, section_v, TD_SOURCE_FINAL);
  fin = td_scores_node_totals (scores, u, -1, TD_SOURCE_FINAL);
  g_assert_cmpint (v.deduction, ==, 150);

  sheet = td_sheet_build_scores (f->db, f->bloc_year_id, m->unit_id, &error);
  g_assert_no_error (error);
  adj = find_row (sheet, 1, "Phần điểm thưởng, điểm trừ vượt mức tối đa của mục V (không tính)");
  own = find_row (sheet, 1, "Điểm cộng, điểm trừ theo quy định của chính mục IV.3");
  v_row = find_row (sheet, 0, "V");
  total = find_row (sheet, 0, "Tổng cộng");
  g_assert_cmpint (adj, >, v_row);
  {
    gint ded = column_index (sheet, "Trừ");
    g_assert_cmpint (cell_value (sheet, adj, ded), ==, -100); /* 2,5 − 1 of deduction not counted */
    g_assert_cmpint (cell_value (sheet, v_row, ded), ==, 150);
    g_assert_cmpint (cell_value (sheet, own, ded), ==, TD_POINTS (2));
    g_assert_cmpint (cell_value (sheet, total, ded), ==, fin.deduction);
    g_assert_cmpint (cell_value (sheet, total, column_index (sheet, "Tổng điểm")), ==, fin.total);
  }
  assert_formulas_recompute (sheet);

  /* The matrix and the ranking follow. */
  {
    g_autoptr (TdSheet) matrix = td_sheet_build_matrix (f->db, f->bloc_year_id, &error);
    g_assert_no_error (error);
    g_assert_cmpint (find_row (matrix, 1,
                               "Phần điểm thưởng, điểm trừ vượt mức tối đa của mục V "
                               "(không tính)"),
                     >=, 0);
    assert_formulas_recompute (matrix);
  }
}

static void
test_header_block (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdSheet) sheet = td_sheet_build_ranking (f->db, f->bloc_year_id, &error);
  g_autofree gchar *date_line = NULL;

  g_assert_no_error (error);
  /* The head unit (that year) over the bloc, which issues the paper. */
  g_assert_cmpstr (sheet->issuer[0], ==, "SỞ Y TẾ");
  g_assert_cmpstr (sheet->issuer[1], ==, "KHỐI THI ĐUA SỐ 6");
  g_assert_null (sheet->issuer[2]);
  g_assert_cmpstr (sheet->place, ==, "Bình Phước");
  date_line = td_sheet_dup_date_line (sheet);
  g_assert_true (g_str_has_prefix (date_line, "Bình Phước, ngày "));
  g_assert_cmpstr (sheet->authority[0], ==, "TM. KHỐI THI ĐUA SỐ 6");
  g_assert_cmpstr (sheet->position, ==, "KHỐI TRƯỞNG");
  g_assert_cmpstr (sheet->signer, ==, "Nguyễn Văn An");
  g_assert_cmpstr (sheet->recipients[g_strv_length (sheet->recipients) - 1], ==, "- Lưu: VT.");
  g_assert_cmpstr (sheet->title, ==,
                   "BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM VÀ XẾP HẠNG THI ĐUA NĂM 2024");
  g_assert_cmpint (sheet->orientation, ==, TD_SHEET_LANDSCAPE);
  g_assert_cmpstr (sheet->file_stem, ==, "Bảng xếp hạng Khối 6 2024");
}

static void
test_issue_date_is_reproducible (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdSheet) sheet = NULL;
  g_autofree gchar *date_line = NULL;

  /* 2025-01-05 00:00 UTC */
  g_setenv ("SOURCE_DATE_EPOCH", "1736035200", TRUE);
  sheet = td_sheet_build_matrix (f->db, f->bloc_year_id, &error);
  g_unsetenv ("SOURCE_DATE_EPOCH");
  g_assert_no_error (error);
  date_line = td_sheet_dup_date_line (sheet);
  g_assert_cmpstr (date_line, ==, "Bình Phước, ngày 05 tháng 01 năm 2025");
}

static void
test_ranking_equals_core (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdSheet) sheet = td_sheet_build_ranking (f->db, f->bloc_year_id, &error);
  const char *headers[] = { "STT", "Đơn vị",    "Tự chấm", "Thẩm định", "Thưởng",
                            "Trừ", "Tổng điểm", "Xếp thứ", "Xếp loại",  "Đề nghị khen thưởng" };
  guint n_disqualified = 0, n_formula_ranks = 0;
  gboolean seen_disqualified = FALSE;

  g_assert_no_error (error);
  g_assert_cmpuint (td_sheet_get_n_columns (sheet), ==, G_N_ELEMENTS (headers));
  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    g_assert_cmpstr (td_sheet_get_column (sheet, c)->header, ==, headers[c]);
  g_assert_cmpuint (td_sheet_get_n_rows (sheet), ==, f->ranking->rows->len);
  g_assert_cmpuint (td_sheet_get_n_rows (sheet), ==, f->members->len);

  for (guint r = 0; r < td_sheet_get_n_rows (sheet); r++)
    {
      const TdRankRow *rr = g_ptr_array_index (f->ranking->rows, r);
      gint u = td_scores_find_unit (f->scores, rr->input->unit_id);
      TdNodeTotals fin = td_scores_node_totals (f->scores, u, -1, TD_SOURCE_FINAL);
      TdSheetCell *rank = td_sheet_get_cell (sheet, r, 7);

      g_assert_cmpint (cell_value (sheet, r, 0), ==, r + 1);
      g_assert_cmpstr (td_sheet_get_cell (sheet, r, 1)->text, ==, rr->input->name);
      g_assert_cmpint (cell_value (sheet, r, 2), ==, rr->input->self_total);
      g_assert_cmpint (cell_value (sheet, r, 3), ==, fin.standard);
      g_assert_cmpint (cell_value (sheet, r, 4), ==, rr->input->bonus);
      g_assert_cmpint (cell_value (sheet, r, 5), ==, rr->input->deduction);
      g_assert_cmpint (cell_value (sheet, r, 6), ==, rr->input->final_total);
      g_assert_cmpint (td_sheet_get_cell (sheet, r, 6)->formula, ==, TD_FORMULA_SUM);
      if (rr->rank > 0)
        {
          g_assert_false (seen_disqualified); /* disqualified units come last */
          g_assert_cmpint (rank->value, ==, rr->rank);
          if (rank->formula == TD_FORMULA_RANK)
            n_formula_ranks++;
          g_assert_cmpstr (td_sheet_get_cell (sheet, r, 8)->text, !=, "Không xếp loại");
          g_assert_true (g_str_has_prefix (td_sheet_get_cell (sheet, r, 8)->text, "Hoàn thành")
                         || g_str_has_prefix (td_sheet_get_cell (sheet, r, 8)->text, "Không hoàn"));
          {
            /* The words of the Ranking screen: a limit inside a shared
             * rank says the meeting decides (issue 16). */
            g_autofree gchar *words = td_rank_row_describe_proposals (f->ranking, rr, TRUE);
            if (*words)
              g_assert_cmpstr (td_sheet_get_cell (sheet, r, 9)->text, ==, words);
            if (rr->quota_ties != NULL)
              g_assert_true (g_str_has_suffix (words, ": Hội nghị quyết định"));
          }
        }
      else
        {
          seen_disqualified = TRUE;
          n_disqualified++;
          g_assert_cmpint (rank->type, ==, TD_CELL_EMPTY);
          g_assert_cmpstr (td_sheet_get_cell (sheet, r, 8)->text, ==, "Không xếp loại");
          g_assert_true (
              g_str_has_prefix (td_sheet_get_cell (sheet, r, 9)->text, "Lý do: tiêu chí V.5"));
        }
    }
  /* The demo: one member did not send its year report. */
  g_assert_cmpuint (n_disqualified, ==, 1);
  g_assert_cmpuint (n_formula_ranks, >, 5);
  g_assert_cmpuint (assert_formulas_recompute (sheet), ==, 12 + n_formula_ranks);
  /* The top unit gets the flag. */
  g_assert_nonnull (strstr (td_sheet_get_cell (sheet, 0, 9)->text, "Cờ thi đua"));
}

static void
test_matrix_equals_core (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdSheet) sheet = td_sheet_build_matrix (f->db, f->bloc_year_id, &error);
  gint total, rank;
  guint first = 3;

  g_assert_no_error (error);
  g_assert_cmpuint (td_sheet_get_n_columns (sheet), ==, 3 + f->members->len);
  total = find_row (sheet, 0, "Tổng điểm");
  rank = find_row (sheet, 0, "Xếp thứ");
  g_assert_cmpint (rank, ==, total + 1);
  g_assert_cmpint (cell_value (sheet, total, 2), ==, TD_POINTS (100));
  for (guint i = 0; i < f->ranking->rows->len; i++)
    {
      const TdRankRow *rr = g_ptr_array_index (f->ranking->rows, i);
      const TdMember *m = member_named (f, rr->input->name);
      TdSheetCell *cell = td_sheet_get_cell (sheet, rank, first + i);

      /* Columns in ranking order, headed by the short names. */
      g_assert_cmpstr (td_sheet_get_column (sheet, first + i)->header, ==, m->short_name);
      g_assert_cmpint (cell_value (sheet, total, first + i), ==, rr->input->final_total);
      if (rr->rank > 0)
        g_assert_cmpint (cell->value, ==, rr->rank);
      else
        g_assert_cmpstr (cell->text, ==, "KXL");
    }
  /* Every criterion of the table has its row. */
  for (guint n = 0; n < td_criteria_table_get_n_nodes (f->table); n++)
    {
      const TdCriterion *c = td_criteria_table_get_node (f->table, n);
      g_assert_cmpint (find_row (sheet, 1, c->title), >=, 0);
    }
  g_assert_cmpuint (assert_formulas_recompute (sheet), >, 12 * 5);
}

/* The forms: one per member, each input cell keyed by criterion and field
 * (td-form-layout.h), formulas for what the rules give; the formulas
 * themselves are recomputed by test-form-roundtrip.py. */
static void
test_forms (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) forms = td_sheets_build (f->db, TD_SHEET_FORM, f->bloc_year_id, 0, &error);
  guint n_fields = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (forms->len, ==, f->members->len);
  for (guint n = 0; n < td_criteria_table_get_n_nodes (f->table); n++)
    {
      TdFormField fields[TD_FORM_MAX_FIELDS];
      n_fields += td_form_fields (td_criteria_table_get_node (f->table, n), fields);
    }

  for (guint i = 0; i < forms->len; i++)
    {
      TdSheet *sheet = forms->pdata[i];
      const TdMember *m = f->members->pdata[i];
      g_autofree gchar *uid = g_strdup_printf ("%" G_GINT64_FORMAT, m->unit_id);
      g_autofree gchar *by = g_strdup_printf ("%" G_GINT64_FORMAT, f->bloc_year_id);
      g_autofree gchar *fingerprint = td_form_table_fingerprint (f->table);
      guint n_keys = 0, n_inputs = 0, n_lists = 0;
      gint self = column_index (sheet, "Tự chấm");
      gint input = column_index (sheet, "Số liệu tự chấm");
      gint total = find_row (sheet, 0, "Tổng cộng");

      g_assert_cmpstr (sheet->title, ==, "PHIẾU TỰ CHẤM ĐIỂM THI ĐUA NĂM 2024");
      g_assert_true (td_sheet_has_inputs (sheet));
      g_assert_true (sheet->hide_zero);
      g_assert_cmpstr (td_sheet_get_meta (sheet, "sheet"), ==, "form");
      g_assert_cmpstr (td_sheet_get_meta (sheet, "form_layout"), ==, "3");
      g_assert_cmpstr (td_sheet_get_meta (sheet, "unit_id"), ==, uid);
      g_assert_cmpstr (td_sheet_get_meta (sheet, "bloc_year_id"), ==, by);
      g_assert_cmpstr (td_sheet_get_meta (sheet, "table_fingerprint"), ==, fingerprint);
      g_assert_cmpuint (strlen (td_sheet_get_meta (sheet, "seal")), ==, 32);
      g_assert_cmpstr (td_sheet_get_meta (sheet, "col_input"), ==, "3");
      g_assert_cmpstr (td_sheet_get_meta (sheet, "col_self"), ==, "8");
      g_assert_cmpstr (td_sheet_get_meta (sheet, "col_evidence"), ==, "10");
      g_assert_cmpint (input, ==, 3);
      g_assert_nonnull (sheet->notes_before);
      g_assert_true (g_str_has_prefix (sheet->notes_before[0], "Hướng dẫn:"));
      /* Signed by the member, with its own name in the issuer block. */
      g_assert_cmpstr (sheet->authority[0], ==, "THỦ TRƯỞNG ĐƠN VỊ");
      {
        g_autofree gchar *caps = g_utf8_strup (m->name, -1);
        g_assert_cmpstr (sheet->issuer[1], ==, caps);
      }

      for (guint r = 0; r < td_sheet_get_n_rows (sheet); r++)
        {
          TdSheetRow *row = td_sheet_get_row (sheet, r);
          if (row->key)
            {
              g_auto (GStrv) parts = g_strsplit (row->key, ":", -1);
              TdFormField field;

              g_assert_cmpuint (g_strv_length (parts), ==, 3);
              g_assert_cmpstr (parts[0], ==, "criterion");
              g_assert_cmpint (
                  td_criteria_table_find (f->table, g_ascii_strtoll (parts[1], NULL, 10)), >=, 0);
              g_assert_true (td_form_field_from_string (parts[2], &field));
              g_assert_true (td_sheet_get_cell (sheet, r, input)->input);
              n_keys++;
            }
          for (guint c = 0; c < td_sheet_get_n_columns (sheet); c++)
            {
              TdSheetCell *cell = td_sheet_get_cell (sheet, r, c);
              if (!cell->input)
                continue;
              g_assert_nonnull (row->key);
              g_assert_true ((gint)c == input || c == td_sheet_get_n_columns (sheet) - 1);
              n_inputs++;
              if (cell->validate == TD_VALIDATE_LIST)
                n_lists++;
            }
        }
      /* One keyed row per input field of every criterion. */
      g_assert_cmpuint (n_keys, ==, n_fields);
      g_assert_cmpuint (n_inputs, >, n_keys);
      /* Options, the size class, the exemption and the disqualifier. */
      g_assert_cmpuint (n_lists, ==, 5);
      g_assert_cmpint (total, >=, 0);
      g_assert_cmpint (cell_value (sheet, total, 2), ==, TD_POINTS (100));
      g_assert_cmpint (td_sheet_get_cell (sheet, total, self)->formula, ==, TD_FORMULA_EXPR);
      assert_formulas_recompute (sheet);
    }
}

static void
test_form_ranges (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  const TdMember *m = member_named (f, "Sở Tư pháp");
  g_autoptr (TdSheet) sheet = td_sheet_build_form (f->db, f->bloc_year_id, m->unit_id, &error);
  gint row, input, unit, reached, bonus, deduction;
  TdSheetCell *cell;

  g_assert_no_error (error);
  input = column_index (sheet, "Số liệu tự chấm");
  unit = column_index (sheet, "ĐVT");
  reached = column_index (sheet, "Điểm đạt");
  bonus = column_index (sheet, "Điểm thưởng");
  deduction = column_index (sheet, "Điểm trừ");
  g_assert_cmpstr (sheet->name, ==, "Sở Tư pháp");
  /* 20 standard points: 0 … 20, reached = the points within 0 … 20. */
  row = find_row (sheet, 1,
                  "Hoàn thành các chỉ tiêu, nhiệm vụ kế hoạch năm 2024 được UBND tỉnh giao");
  cell = td_sheet_get_cell (sheet, row, input);
  g_assert_true (cell->input);
  g_assert_cmpint (cell->validate, ==, TD_VALIDATE_POINTS);
  g_assert_cmpint (cell->max, ==, TD_POINTS (20));
  g_assert_cmpstr (cell->message, ==,
                   "Nhập số điểm từ 0 đến 20 (dùng dấu phẩy cho phần thập phân, ví dụ 0,5).");
  g_assert_cmpstr (td_sheet_get_cell (sheet, row, unit)->text, ==, "điểm");
  g_assert_cmpstr (td_sheet_get_cell (sheet, row, reached)->expr, ==,
                   "ROUND(IF({1,3}=\"\",0,MIN(MAX({1,3},0),20)),2)");
  /* Bonus per initiative, at most 1,5: a whole count, the cap in the formula. */
  row = find_row (sheet, 1,
                  "Sáng kiến, giải pháp được Hội đồng sáng kiến cấp tỉnh công nhận (mỗi "
                  "sáng kiến cộng 0,5 điểm, tối đa 1,5 điểm)");
  cell = td_sheet_get_cell (sheet, row, input);
  g_assert_cmpint (cell->validate, ==, TD_VALIDATE_WHOLE);
  g_assert_cmpstr (td_sheet_get_cell (sheet, row, unit)->text, ==, "số lượng");
  g_assert_nonnull (strstr (td_sheet_get_cell (sheet, row, bonus)->expr, "MIN(1.5,"));
  /* Either/or award: a list of the two options with their points. */
  row = find_row (sheet, 1,
                  "Được cấp trên khen thưởng trong năm (cộng điểm đối với 01 trong 02 "
                  "trường hợp)\n(Chọn một trường hợp: Bằng khen của Bộ, ngành Trung "
                  "ương: +1 điểm; Bằng khen của Thủ tướng Chính phủ: +2 điểm.)");
  cell = td_sheet_get_cell (sheet, row, input);
  g_assert_cmpint (cell->validate, ==, TD_VALIDATE_LIST);
  g_assert_cmpstr (cell->items[0], ==, "Bằng khen của Bộ, ngành Trung ương (+1 điểm)");
  g_assert_cmpstr (cell->items[1], ==, "Bằng khen của Thủ tướng Chính phủ (+2 điểm)");
  g_assert_null (cell->items[2]);
  /* A deduction per case: a count; the section's cap of 1,5 on the heading. */
  row = find_row (sheet, 1, "Mỗi báo cáo, văn bản gửi Khối trưởng trễ hạn (trừ 0,5 điểm/văn bản)");
  cell = td_sheet_get_cell (sheet, row, input);
  g_assert_cmpint (cell->validate, ==, TD_VALIDATE_WHOLE);
  g_assert_cmpstr (cell->message, ==,
                   "Nhập số lượng, là số nguyên 0, 1, 2 … (mỗi trường hợp trừ 0,5 điểm).");
  g_assert_nonnull (
      strstr (td_sheet_get_cell (sheet, find_row (sheet, 0, "V"), deduction)->expr, "MIN(1.5,"));
  /* Graded by a measured %: grades are written out and looked up exactly. */
  row = find_row_prefix (sheet, 1, "Tỷ lệ nhiệm vụ trong Chương trình công tác năm");
  g_assert_true (g_str_has_suffix (td_sheet_get_cell (sheet, row, 1)->text,
                                   "\n(Mức điểm: ≥ 98: 10 điểm; 95 – <98: 8 điểm; 90 – <95: 6 "
                                   "điểm; < 90: 3 điểm.)"));
  cell = td_sheet_get_cell (sheet, row, input);
  g_assert_cmpint (cell->validate, ==, TD_VALIDATE_POINTS);
  g_assert_cmpint (cell->max, ==, TD_POINTS (100));
  g_assert_cmpstr (td_sheet_get_cell (sheet, row, unit)->text, ==, "%");
  g_assert_nonnull (strstr (td_sheet_get_cell (sheet, row, reached)->expr, ">=9800,10,"));
  /* Brackets by size class: the % here, the size class on the row under it. */
  row = find_row_prefix (sheet, 1, "Tỷ lệ hồ sơ giải quyết trước hạn");
  g_assert_nonnull (strstr (td_sheet_get_cell (sheet, row, 1)->text,
                            "(Dưới 1.000 hồ sơ/năm: 1 – <5: +0,5 điểm; 5 – <7: +1 điểm; ≥ 7: "
                            "+1,5 điểm. Từ 1.000 đến dưới 2.000 hồ sơ/năm: "));
  g_assert_cmpstr (td_sheet_get_cell (sheet, row, unit)->text, ==, "%");
  cell = td_sheet_get_cell (sheet, row + 1, input);
  g_assert_cmpint (cell->validate, ==, TD_VALIDATE_LIST);
  g_assert_cmpstr (cell->items[0], ==, "Dưới 1.000 hồ sơ/năm");
  g_assert_cmpuint (g_strv_length (cell->items), ==, 3);
  g_assert_true (g_str_has_suffix (td_sheet_get_row (sheet, row + 1)->key, ":size_class"));
  /* The disqualifier: Có / Không, and the total says "Không xếp loại". */
  row = find_row (sheet, 1,
                  "Không gửi báo cáo tổng kết năm về Khối trưởng (không xếp loại)\n(Căn cứ sổ "
                  "theo dõi văn bản đến của Khối trưởng đến hết ngày 15/01/2025.)");
  cell = td_sheet_get_cell (sheet, row, input);
  g_assert_cmpint (cell->validate, ==, TD_VALIDATE_LIST);
  g_assert_cmpstr (cell->items[0], ==, "Không");
  g_assert_cmpstr (cell->items[1], ==, "Có");
  {
    gint total = find_row (sheet, 0, "Tổng cộng");
    TdSheetCell *note = td_sheet_get_cell (sheet, total, td_sheet_get_n_columns (sheet) - 1);
    g_assert_cmpint (note->formula, ==, TD_FORMULA_EXPR);
    g_assert_nonnull (strstr (note->expr, "\"Không xếp loại\""));
  }
  /* A heading with its own deduction gets an input row of its own, capped
   * with its sub-rows on the heading. */
  row = find_row (sheet, 1, "Điểm cộng, điểm trừ theo quy định của chính mục IV.3");
  g_assert_cmpint (row, >=, 0);
  g_assert_true (td_sheet_get_cell (sheet, row, input)->input);
  g_assert_cmpstr (td_sheet_get_cell (sheet, row, unit)->text, ==, "số lượng");
}

static void
test_calendar (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdSheet) sheet = td_sheet_build_calendar (f->db, f->bloc_year_id, &error);
  g_autoptr (GPtrArray) occurrences = NULL;
  GDate from, to;
  guint n_great = 0, n_deadlines = 0;
  gint great_head, other_head, deadline_head;

  g_assert_no_error (error);
  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_dmy (&from, 1, 1, 2024);
  g_date_set_dmy (&to, 31, 12, 2024);
  occurrences = td_calendar_occurrences (f->db, f->bloc_year_id, &from, &to, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sheet->orientation, ==, TD_SHEET_PORTRAIT);
  g_assert_cmpstr (sheet->title, ==, "DANH SÁCH CÁC NGÀY LỄ LỚN, SỰ KIỆN\nVÀ THỜI HẠN NĂM 2024");
  g_assert_cmpuint (td_sheet_get_n_rows (sheet), ==, occurrences->len + 3);
  for (guint i = 0; i < occurrences->len; i++)
    {
      const TdOccurrence *occ = occurrences->pdata[i];
      if (occ->kind == TD_OCCURRENCE_DEADLINE)
        n_deadlines++;
      else if (occ->kind == TD_OCCURRENCE_EVENT && occ->great)
        n_great++;
    }
  great_head = find_row (sheet, 0, "I");
  other_head = find_row (sheet, 0, "II");
  deadline_head = find_row (sheet, 0, "III");
  g_assert_cmpint (great_head, ==, 0);
  g_assert_cmpint (other_head, ==, (gint)n_great + 1);
  g_assert_cmpint (deadline_head, ==, (gint)(td_sheet_get_n_rows (sheet) - n_deadlines - 1));
  g_assert_cmpuint (n_great, >=, 7);
  g_assert_cmpuint (n_deadlines, >, 0);
  /* Document 000: "70 năm Chiến thắng Điện Biên Phủ (07/5/1954 – 07/5/2024)". */
  {
    gboolean found = FALSE;
    for (guint r = 1; r < (guint)other_head; r++)
      {
        TdSheetCell *cell = td_sheet_get_cell (sheet, r, 2);
        if (strstr (cell->text, "70 năm Chiến thắng Điện Biên Phủ"))
          {
            found = TRUE;
            g_assert_cmpstr (td_sheet_get_cell (sheet, r, 1)->text, ==, "07/05/2024");
            g_assert_cmpstr (td_sheet_get_cell (sheet, r, 3)->text, ==, "Năm tròn");
          }
      }
    g_assert_true (found);
  }
}

static void
test_workbook (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) sheets
      = td_sheets_build_bloc_year_workbook (f->db, f->bloc_year_id, &error);
  g_autoptr (GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_no_error (error);
  g_assert_cmpuint (sheets->len, ==, 2 + f->members->len);
  g_assert_cmpstr (td_sheet_get_meta (sheets->pdata[0], "sheet"), ==, "ranking");
  g_assert_cmpstr (td_sheet_get_meta (sheets->pdata[1], "sheet"), ==, "matrix");
  g_assert_cmpstr (((TdSheet *)sheets->pdata[0])->file_stem, ==, "Kết quả thi đua Khối 6 2024");
  for (guint i = 0; i < sheets->len; i++)
    {
      TdSheet *sheet = sheets->pdata[i];
      g_autofree gchar *name = td_xlsx_sheet_name (sheet->name, used);

      if (i >= 2)
        {
          const TdMember *m = f->members->pdata[i - 2];
          g_assert_cmpstr (td_sheet_get_meta (sheet, "unit"), ==, m->name);
        }
      /* Unit names are short enough to be the tab names as they are. */
      g_assert_cmpstr (name, ==, sheet->name);
      assert_formulas_recompute (sheet);
    }
}

static void
test_year_without_scores (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) sheets
      = td_sheets_build_bloc_year_workbook (f->db, f->bloc_year_2023, &error);
  TdSheet *ranking;

  /* 2023 has a copy of the table and no scores: zeros, nothing invented. */
  g_assert_no_error (error);
  ranking = sheets->pdata[0];
  g_assert_cmpstr (ranking->title, ==,
                   "BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM VÀ XẾP HẠNG THI ĐUA NĂM 2023");
  for (guint r = 0; r < td_sheet_get_n_rows (ranking); r++)
    g_assert_cmpint (cell_value (ranking, r, 6), ==, 0);
  for (guint i = 0; i < sheets->len; i++)
    assert_formulas_recompute (sheets->pdata[i]);
}

/* A renamed unit: each year's sheets show the name it bore that year (the
 * registry keeps the history; written here as its rename would). */
static void
test_names_as_of_the_year (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  const TdMember *science = member_named (f, "Sở Khoa học và Công nghệ");
  g_autofree gchar *sql = g_strdup_printf (
      "INSERT INTO unit_name (unit_id, valid_from, name, short_name) VALUES"
      " (%" G_GINT64_FORMAT ", '2024-03-01', 'Sở Khoa học, Công nghệ và Đổi mới sáng tạo', "
      "'SKHCNĐMST'),"
      " ((SELECT head_unit_id FROM bloc_year WHERE id = %" G_GINT64_FORMAT "), '2024-07-01',"
      "  'Sở Y tế tỉnh Bình Phước', 'SYT')",
      science->unit_id, f->bloc_year_id);
  g_autoptr (TdSheet) ranking_2024 = NULL;
  g_autoptr (TdSheet) ranking_2023 = NULL;
  g_autoptr (TdSheet) matrix_2024 = NULL;
  g_autoptr (GPtrArray) book_2024 = NULL;

  g_assert_true (td_db_exec (f->db, sql, &error));
  g_assert_no_error (error);
  ranking_2024 = td_sheet_build_ranking (f->db, f->bloc_year_id, &error);
  g_assert_no_error (error);
  ranking_2023 = td_sheet_build_ranking (f->db, f->bloc_year_2023, &error);
  g_assert_no_error (error);
  matrix_2024 = td_sheet_build_matrix (f->db, f->bloc_year_id, &error);
  g_assert_no_error (error);

  g_assert_cmpint (find_row (ranking_2024, 1, "Sở Khoa học, Công nghệ và Đổi mới sáng tạo"), >=, 0);
  g_assert_cmpint (find_row (ranking_2024, 1, "Sở Khoa học và Công nghệ"), ==, -1);
  g_assert_cmpint (find_row (ranking_2023, 1, "Sở Khoa học và Công nghệ"), >=, 0);
  g_assert_cmpint (find_row (ranking_2023, 1, "Sở Khoa học, Công nghệ và Đổi mới sáng tạo"), ==,
                   -1);
  /* The head unit's name in the issuer block follows too. */
  g_assert_cmpstr (ranking_2024->issuer[0], ==, "SỞ Y TẾ TỈNH BÌNH PHƯỚC");
  g_assert_cmpstr (ranking_2023->issuer[0], ==, "SỞ Y TẾ");
  {
    gboolean found = FALSE;
    for (guint c = 0; c < td_sheet_get_n_columns (matrix_2024); c++)
      found |= g_strcmp0 (td_sheet_get_column (matrix_2024, c)->header, "SKHCNĐMST") == 0;
    g_assert_true (found);
  }
  /* A name longer than a worksheet tab allows: the tab takes the short name. */
  book_2024 = td_sheets_build_bloc_year_workbook (f->db, f->bloc_year_id, &error);
  g_assert_no_error (error);
  {
    gboolean found = FALSE;
    for (guint i = 2; i < book_2024->len; i++)
      found |= g_strcmp0 (((TdSheet *)book_2024->pdata[i])->name, "SKHCNĐMST") == 0;
    g_assert_true (found);
  }
}

static void
test_resolve (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree gchar *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, f->bloc_id);
  const TdMember *m = member_named (f, "Sở Tư pháp");
  g_autofree gchar *unit_text = g_strdup_printf ("%" G_GINT64_FORMAT, m->unit_id);

  g_assert_cmpint (td_sheets_resolve_bloc (f->db, "Khối 6", &error), ==, f->bloc_id);
  g_assert_cmpint (td_sheets_resolve_bloc (f->db, "khoi thi dua so 6", &error), ==, f->bloc_id);
  g_assert_cmpint (td_sheets_resolve_bloc (f->db, id_text, &error), ==, f->bloc_id);
  g_assert_no_error (error);
  g_assert_cmpint (td_sheets_resolve_bloc (f->db, "Khối 9", &error), ==, 0);
  g_assert_error (error, TD_ERROR, TD_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Khối Thi đua số 6"));
  g_clear_error (&error);

  g_assert_cmpint (td_sheets_resolve_bloc_year (f->db, f->bloc_id, 2024, &error), ==,
                   f->bloc_year_id);
  g_assert_no_error (error);
  g_assert_cmpint (td_sheets_resolve_bloc_year (f->db, f->bloc_id, 2019, &error), ==, 0);
  g_assert_error (error, TD_ERROR, TD_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "2024, 2023"));
  g_clear_error (&error);

  g_assert_cmpint (td_sheets_resolve_unit (f->db, f->bloc_year_id, "Sở Tư pháp", &error), ==,
                   m->unit_id);
  g_assert_cmpint (td_sheets_resolve_unit (f->db, f->bloc_year_id, "stp", &error), ==, m->unit_id);
  g_assert_cmpint (td_sheets_resolve_unit (f->db, f->bloc_year_id, "so tu phap", &error), ==,
                   m->unit_id);
  g_assert_cmpint (td_sheets_resolve_unit (f->db, f->bloc_year_id, unit_text, &error), ==,
                   m->unit_id);
  g_assert_no_error (error);
  g_assert_cmpint (td_sheets_resolve_unit (f->db, f->bloc_year_id, "Sở Ngoại vụ", &error), ==, 0);
  g_assert_error (error, TD_ERROR, TD_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Sở Tư pháp (STP)"));
  g_clear_error (&error);
  /* "Sở" alone matches many members. */
  g_assert_cmpint (td_sheets_resolve_unit (f->db, f->bloc_year_id, "Sở", &error), ==, 0);
  g_assert_error (error, TD_ERROR, TD_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A unit outside the bloc-year is refused by the builders too. */
  g_assert_null (td_sheet_build_scores (f->db, f->bloc_year_id, 9999, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (td_sheets_build (f->db, TD_SHEET_SCORES, f->bloc_year_id, 0, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (td_sheets_build (f->db, "bogus", f->bloc_year_id, 0, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
}

/* The meeting's agreed points show on paper as on screen: marked "*"
 * with the legend, the reason in the notes, in every total and the
 * ranking. */
static void
test_agreed_points (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  const TdMember *m = member_named (f, "Sở Tư pháp");
  gint section_v
      = td_criteria_table_get_node (f->table, node_titled (f, "Mỗi báo cáo, văn bản gửi Khối "
                                                              "trưởng trễ hạn"))
            ->parent;
  gint leaf = -1;
  const TdCriterion *c;
  g_autoptr (TdEntry) entry = NULL;
  g_autoptr (TdSheet) sheet = NULL;
  g_autoptr (TdSheet) ranking = NULL;
  g_autoptr (TdScores) scores = NULL;
  gint row, col, u;
  TdSheetCell *cell;

  /* A standard row of section V, agreed at its standard + 0,5. */
  for (gint i = section_v + 1;
       i < td_criteria_table_get_node (f->table, section_v)->subtree_end && leaf < 0; i++)
    if (td_criteria_table_get_node (f->table, i)->kind == TD_RULE_STANDARD)
      leaf = i;
  g_assert_cmpint (leaf, >=, 0);
  c = td_criteria_table_get_node (f->table, leaf);
  entry = td_entry_new (m->unit_id, c->id, TD_SOURCE_ASSESSED);
  entry->points = c->standard;
  entry->has_agreed = TRUE;
  entry->agreed = c->standard + 50;
  g_free (entry->agreed_reason);
  entry->agreed_reason = g_strdup ("Biên bản họp Khối ngày 10/01/2025");
  g_assert_true (td_entry_save (f->db, c, entry, &error));
  g_assert_no_error (error);
  scores = td_scores_load (f->db, f->table, &error);
  g_assert_no_error (error);
  u = td_scores_find_unit (scores, m->unit_id);

  sheet = td_sheet_build_scores (f->db, f->bloc_year_id, m->unit_id, &error);
  g_assert_no_error (error);
  row = find_row (sheet, 1, c->title);
  g_assert_cmpint (row, >=, 0);
  col = column_index (sheet, "Tổng điểm");
  cell = td_sheet_get_cell (sheet, row, col);
  g_assert_cmpint (cell_value (sheet, row, col), ==, c->standard + 50);
  g_assert_cmpstr (cell->suffix, ==, "*");
  g_assert_cmpint (cell_value (sheet, find_row (sheet, 0, "Tổng cộng"), col), ==,
                   td_scores_node_totals (scores, u, -1, TD_SOURCE_FINAL).total);
  g_assert_true (g_strv_contains ((const char *const *)sheet->notes_after,
                                  "(*) Điểm do Hội nghị thống nhất."));
  {
    gboolean reason = FALSE;
    for (guint k = 0; k < td_sheet_get_n_columns (sheet); k++)
      {
        TdSheetCell *note = td_sheet_get_cell (sheet, row, k);
        reason |= note->text && strstr (note->text, "Biên bản họp Khối ngày 10/01/2025");
      }
    g_assert_true (reason);
  }
  assert_formulas_recompute (sheet);

  ranking = td_sheet_build_ranking (f->db, f->bloc_year_id, &error);
  g_assert_no_error (error);
  {
    g_autofree gchar *key = g_strdup_printf ("unit:%" G_GINT64_FORMAT, m->unit_id);
    gint r = -1;

    for (guint k = 0; k < td_sheet_get_n_rows (ranking) && r < 0; k++)
      if (g_strcmp0 (td_sheet_get_row (ranking, k)->key, key) == 0)
        r = (gint)k;
    g_assert_cmpint (r, >=, 0);
    g_assert_cmpstr (td_sheet_get_cell (ranking, r, column_index (ranking, "Tổng điểm"))->suffix,
                     ==, "*");
  }
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/sheet-builders/scores-equal-core", test_scores_equal_core);
  ADD ("/sheet-builders/caps-and-own-rules", test_caps_and_own_rules);
  ADD ("/sheet-builders/agreed-points", test_agreed_points);
  ADD ("/sheet-builders/header-block", test_header_block);
  ADD ("/sheet-builders/issue-date", test_issue_date_is_reproducible);
  ADD ("/sheet-builders/ranking-equals-core", test_ranking_equals_core);
  ADD ("/sheet-builders/matrix-equals-core", test_matrix_equals_core);
  ADD ("/sheet-builders/forms", test_forms);
  ADD ("/sheet-builders/form-ranges", test_form_ranges);
  ADD ("/sheet-builders/calendar", test_calendar);
  ADD ("/sheet-builders/workbook", test_workbook);
  ADD ("/sheet-builders/year-without-scores", test_year_without_scores);
  ADD ("/sheet-builders/names-as-of-the-year", test_names_as_of_the_year);
  ADD ("/sheet-builders/resolve", test_resolve);
#undef ADD
  return g_test_run ();
}
