/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Criteria tables in the database: editing the tree, checks, rules in
 * words, score entries with validation and their audit trail, copying a
 * table, and the demo table. */
#include "config.h"

#include "td-criteria.h"
#include "td-demo.h"
#include "td-entries.h"
#include "td-registry.h"
#include "td-scoring.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

typedef struct
{
  TdDb *db;
  gint64 bloc_year;
  gint64 other_year;
  gint64 unit;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdBloc) bloc = td_bloc_new ();
  g_autoptr (TdUnit) unit = td_unit_new ();
  gint64 bloc_id;

  f->db = td_db_new_memory (&error);
  g_assert_no_error (error);
  bloc->name = g_strdup ("Khối Thi đua số 6");
  bloc_id = td_registry_add_bloc (f->db, bloc, &error);
  g_assert_no_error (error);
  for (gint year = 2023; year <= 2024; year++)
    {
      g_autoptr (TdBlocYear) by = td_bloc_year_new ();
      by->bloc_id = bloc_id;
      by->year = year;
      *(year == 2024 ? &f->bloc_year : &f->other_year)
          = td_registry_add_bloc_year (f->db, by, &error);
      g_assert_no_error (error);
    }
  unit->name = g_strdup ("Sở Y tế");
  f->unit = td_registry_add_unit (f->db, unit, &error);
  g_assert_no_error (error);
  g_assert_true (td_registry_add_member (f->db, f->bloc_year, f->unit, &error));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->db);
}

static TdCriterion *
crit (TdRuleKind kind, const char *code, const char *title, TdPoints standard, TdPoints rate)
{
  TdCriterion *c = td_criterion_new (kind);

  g_free (c->code);
  c->code = g_strdup (code);
  g_free (c->title);
  c->title = g_strdup (title);
  c->standard = standard;
  c->rate = rate;
  return c;
}

static gint64
add (Fixture *f, gint64 parent, TdCriterion *c)
{
  g_autoptr (GError) error = NULL;
  gint64 id = td_criteria_add (f->db, f->bloc_year, parent, -1, c, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  td_criterion_free (c);
  return id;
}

/* "I 1 2 a": the codes of the loaded table in order, with depth marks. */
static gchar *
outline (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdCriteriaTable) t = td_criteria_load (f->db, f->bloc_year, &error);
  GString *s = g_string_new ("");

  g_assert_no_error (error);
  for (guint i = 0; i < t->nodes->len; i++)
    {
      TdCriterion *c = g_ptr_array_index (t->nodes, i);
      if (i > 0)
        g_string_append_c (s, ' ');
      for (gint d = 0; d < c->depth; d++)
        g_string_append_c (s, '.');
      g_string_append (s, c->code);
    }
  return g_string_free (s, FALSE);
}

#define assert_outline(f, expected)                                                                \
  G_STMT_START                                                                                     \
  {                                                                                                \
    g_autofree gchar *o_ = outline (f);                                                            \
    g_assert_cmpstr (o_, ==, expected);                                                            \
  }                                                                                                \
  G_STMT_END

static void
test_tree_editing (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 s1, a, b, c, s2, token;

  s1 = add (f, 0, crit (TD_RULE_GROUP, "I", "Nhiệm vụ chuyên môn", 5000, 0));
  a = add (f, s1, crit (TD_RULE_STANDARD, "1", "Kế hoạch", 3000, 0));
  b = add (f, s1, crit (TD_RULE_STANDARD, "2", "Báo cáo", 2000, 0));
  s2 = add (f, 0, crit (TD_RULE_GROUP, "II", "Cải cách hành chính", 5000, 0));
  assert_outline (f, "I .1 .2 II");

  /* A sibling goes right after its sibling. */
  {
    g_autoptr (TdCriterion) n = crit (TD_RULE_STANDARD, "1b", "Chen giữa", 0, 0);
    c = td_criteria_add_sibling (f->db, a, n, &error);
    g_assert_no_error (error);
  }
  assert_outline (f, "I .1 .1b .2 II");
  /* Insert at a position. */
  {
    g_autoptr (TdCriterion) n = crit (TD_RULE_STANDARD, "0", "Đầu tiên", 0, 0);
    g_assert_cmpint (td_criteria_add (f->db, f->bloc_year, s1, 0, n, &error), >, 0);
    g_assert_no_error (error);
  }
  assert_outline (f, "I .0 .1 .1b .2 II");

  g_assert_true (td_criteria_indent (f->db, c, &error));
  g_assert_no_error (error);
  assert_outline (f, "I .0 .1 ..1b .2 II");
  g_assert_true (td_criteria_move_down (f->db, a, &error));
  g_assert_no_error (error);
  /* The subtree moves with its root. */
  assert_outline (f, "I .0 .2 .1 ..1b II");
  g_assert_true (td_criteria_move_up (f->db, a, &error));
  assert_outline (f, "I .0 .1 ..1b .2 II");
  g_assert_true (td_criteria_outdent (f->db, c, &error));
  assert_outline (f, "I .0 .1 .1b .2 II");
  g_assert_true (td_criteria_outdent (f->db, c, &error));
  assert_outline (f, "I .0 .1 .2 1b II");
  g_assert_no_error (error);

  /* Refusals name the reason. */
  g_assert_false (td_criteria_outdent (f->db, s2, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (td_criteria_indent (f->db, s1, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (td_criteria_move_up (f->db, s1, &error));
  g_clear_error (&error);
  g_assert_false (td_criteria_move_down (f->db, s2, &error));
  g_clear_error (&error);

  /* Delete a subtree and undo it. */
  token = td_criteria_delete (f->db, s1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (token, >, 0);
  assert_outline (f, "1b II");
  g_assert_true (td_criteria_undelete (f->db, token, &error));
  g_assert_no_error (error);
  assert_outline (f, "I .0 .1 .2 1b II");
  /* A deleted node cannot be edited. */
  token = td_criteria_delete (f->db, b, &error);
  g_assert_false (td_criteria_move_up (f->db, b, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Update keeps the place and saves options. */
  {
    g_autoptr (TdCriteriaTable) t = td_criteria_load (f->db, f->bloc_year, &error);
    g_autoptr (TdCriteriaTable) t2 = NULL;
    TdCriterion *n = td_criteria_table_get_node (t, td_criteria_table_find (t, a));
    TdCriterion *m;

    n->kind = TD_RULE_GRADED;
    td_criterion_add_bracket (n, 0, TRUE, 9800, FALSE, 0, 3000);
    td_criterion_add_option (n, "Khá", 2000);
    g_free (n->guidance);
    n->guidance = g_strdup ("Căn cứ báo cáo năm");
    n->bonus_cap = 50;
    g_assert_true (td_criteria_update (f->db, n, &error));
    g_assert_no_error (error);
    t2 = td_criteria_load (f->db, f->bloc_year, &error);
    m = td_criteria_table_get_node (t2, td_criteria_table_find (t2, a));
    g_assert_cmpint (m->kind, ==, TD_RULE_GRADED);
    g_assert_cmpuint (m->options->len, ==, 2);
    g_assert_true (((TdRuleOption *)g_ptr_array_index (m->options, 0))->has_low);
    g_assert_false (((TdRuleOption *)g_ptr_array_index (m->options, 0))->has_high);
    g_assert_cmpint (((TdRuleOption *)g_ptr_array_index (m->options, 0))->low, ==, 9800);
    g_assert_cmpstr (((TdRuleOption *)g_ptr_array_index (m->options, 1))->label, ==, "Khá");
    g_assert_cmpstr (m->guidance, ==, "Căn cứ báo cáo năm");
    g_assert_cmpint (m->bonus_cap, ==, 50);
    g_assert_cmpint (m->deduction_cap, ==, TD_NO_CAP);
    g_assert_cmpint (m->depth, ==, 1);
    /* The rule change is in the audit trail, exact and language-neutral. */
    {
      sqlite3_stmt *stmt
          = td_db_prepare (f->db,
                           "SELECT old_value, new_value FROM audit WHERE tbl = 'criterion'"
                           " AND field = 'rule' AND row_id = ?",
                           &error);
      g_assert_no_error (error);
      sqlite3_bind_int64 (stmt, 1, a);
      g_assert_cmpint (td_db_step (f->db, stmt, &error), ==, TD_STEP_ROW);
      g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "standard 30 / 0");
      g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 1), ==,
                       "graded 30 / 0 max+0,5 [≥ 98 30 >=98; Khá 20]");
      sqlite3_reset (stmt);
      /* Hundredths and signs, exactly. */
      td_criterion_add_option (n, "Kém", -205);
      g_assert_true (td_criteria_update (f->db, n, &error));
      sqlite3_bind_int64 (stmt, 1, a);
      g_assert_cmpint (td_db_step (f->db, stmt, &error), ==, TD_STEP_ROW);
      g_assert_cmpint (td_db_step (f->db, stmt, &error), ==, TD_STEP_ROW);
      g_assert_true (
          g_str_has_suffix ((const char *)sqlite3_column_text (stmt, 1), "; Kém -2,05]"));
      sqlite3_reset (stmt);
    }
  }

  /* Negative values are refused before anything is written. */
  {
    g_autoptr (TdCriterion) bad = crit (TD_RULE_DEDUCTION_EACH, "x", "Âm", 0, -50);
    g_assert_cmpint (td_criteria_add (f->db, f->bloc_year, 0, -1, bad, &error), ==, 0);
    g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  }
}

static TdCriteriaProblem *
find_problem (GPtrArray *problems, TdProblemKind kind)
{
  for (guint i = 0; i < problems->len; i++)
    if (((TdCriteriaProblem *)g_ptr_array_index (problems, i))->kind == kind)
      return g_ptr_array_index (problems, i);
  return NULL;
}

static void
test_checks (void)
{
  g_autoptr (TdCriteriaTable) t = td_criteria_table_new ();
  g_autoptr (GPtrArray) problems = NULL;
  TdCriteriaProblem *p;
  TdCriterion *options = crit (TD_RULE_OPTIONS, "3", "Hai phương án", 0, 0);
  TdCriterion *brackets = crit (TD_RULE_BRACKETS, "4", "Khung", 0, 0);
  TdCriterion *capped = crit (TD_RULE_BONUS_EACH, "5", "Âm", 0, 50);
  gint top;

  top = td_criteria_table_append (t, -1, crit (TD_RULE_GROUP, "I", "Phần một", 3000, 0));
  td_criteria_table_append (t, top, crit (TD_RULE_STANDARD, "1", "Dòng", 1000, 0));
  td_criteria_table_append (t, top, crit (TD_RULE_STANDARD, "2", "Dòng", 1750, 0));
  td_criterion_add_option (options, "+1", 100);
  td_criterion_add_option (options, "+1", 200);
  td_criteria_table_append (t, top, options);
  td_criterion_add_bracket (brackets, 0, TRUE, 100, TRUE, 500, 50);
  td_criterion_add_bracket (brackets, 0, TRUE, 400, FALSE, 0, 100);
  td_criteria_table_append (t, top, brackets);
  capped->bonus_cap = -100;
  td_criteria_table_append (t, top, capped);
  t->total = TD_POINTS (100);

  problems = td_criteria_table_check (t);
  /* Children 27,5 against 30: shown with the difference, never fixed. */
  p = find_problem (problems, TD_PROBLEM_SUM_MISMATCH);
  g_assert_nonnull (p);
  g_assert_cmpint (p->index, ==, top);
  g_assert_cmpint (p->difference, ==, -250);
  g_assert_nonnull (strstr (p->message, "2,5"));
  g_assert_cmpint (((TdCriterion *)g_ptr_array_index (t->nodes, top))->standard, ==, 3000);
  g_assert_nonnull (find_problem (problems, TD_PROBLEM_DUPLICATE_OPTION));
  g_assert_nonnull (find_problem (problems, TD_PROBLEM_BAD_BRACKET));
  g_assert_nonnull (find_problem (problems, TD_PROBLEM_NEGATIVE));
  /* The table total (100) against its sections (30). */
  {
    gboolean table_level = FALSE;
    for (guint i = 0; i < problems->len; i++)
      {
        TdCriteriaProblem *q = g_ptr_array_index (problems, i);
        if (q->kind == TD_PROBLEM_SUM_MISMATCH && q->index == -1)
          table_level = q->difference == -7000;
      }
    g_assert_true (table_level);
  }
}

/* Rules in words, in Vietnamese (the test runs under vi_VN). */
static void
test_describe (void)
{
  g_autoptr (TdCriterion) ded = crit (TD_RULE_DEDUCTION_EACH, "2", "Trễ hạn", 0, 50);
  g_autoptr (TdCriterion) bonus = crit (TD_RULE_BONUS_EACH, "3", "Sáng kiến", 0, 50);
  g_autoptr (TdCriterion) std = crit (TD_RULE_STANDARD, "1", "Báo cáo", 300, 0);
  g_autoptr (TdCriterion) opt = crit (TD_RULE_OPTIONS, "4", "Khen", 0, 0);
  g_autoptr (TdCriterion) lin = crit (TD_RULE_LINEAR_BONUS, "5", "Vượt", 0, 10);
  g_autoptr (TdCriterion) dq = crit (TD_RULE_DISQUALIFIER, "6", "Không gửi", 0, 0);
  g_autofree gchar *d1 = NULL, *d2 = NULL, *d3 = NULL, *d4 = NULL, *d5 = NULL, *d6 = NULL;

  ded->deduction_cap = 150;
  bonus->bonus_cap = 100;
  td_criterion_add_option (opt, "Bằng khen", 100);
  td_criterion_add_option (opt, "Cờ", 200);
  lin->threshold = 9200;
  lin->step = 100;
  lin->bonus_cap = 50;
  d1 = td_criterion_describe_rule (ded);
  d2 = td_criterion_describe_rule (bonus);
  d3 = td_criterion_describe_rule (std);
  d4 = td_criterion_describe_rule (opt);
  d5 = td_criterion_describe_rule (lin);
  d6 = td_criterion_describe_rule (dq);
  g_assert_cmpstr (d1, ==, "−0,5 mỗi trường hợp, tối đa −1,5");
  g_assert_cmpstr (d2, ==, "+0,5 mỗi trường hợp, tối đa +1");
  g_assert_cmpstr (d3, ==, "0 – 3 điểm");
  g_assert_cmpstr (d4, ==, "một trong các phương án: Bằng khen: +1; Cờ: +2");
  g_assert_cmpstr (d5, ==, "+0,1 cho mỗi 1 trên 92, tối đa +0,5");
  g_assert_cmpstr (d6, ==, "không xếp loại");
  g_assert_cmpstr (td_rule_kind_get_label (TD_RULE_DEDUCTION_EACH), ==, "Trừ điểm mỗi trường hợp");
  for (guint k = 0; k < TD_RULE_N_KINDS; k++)
    {
      TdRuleKind back;
      g_assert_true (td_rule_kind_from_string (td_rule_kind_to_string (k), &back));
      g_assert_cmpint (back, ==, k);
    }
}

/* Validation messages name the allowed values. */
static void
test_input (void)
{
  g_autoptr (TdCriterion) std = crit (TD_RULE_STANDARD, "1", "Báo cáo", 300, 0);
  g_autoptr (TdCriterion) count = crit (TD_RULE_DEDUCTION_EACH, "2", "Trễ hạn", 0, 50);
  g_autoptr (TdCriterion) opt = crit (TD_RULE_OPTIONS, "3", "Khen", 0, 0);
  g_autoptr (TdCriterion) flag = crit (TD_RULE_DISQUALIFIER, "4", "Không gửi", 0, 0);
  g_autoptr (TdCriterion) meas = crit (TD_RULE_GRADED, "5", "Tỷ lệ", 500, 0);
  g_autoptr (TdCriterion) dp = crit (TD_RULE_DEDUCTION_POINTS, "6", "Trừ", 0, 200);
  g_autoptr (TdEntry) e = td_entry_new (1, 1, TD_SOURCE_SELF);
  g_autoptr (GError) error = NULL;
  g_autofree gchar *hint = td_criterion_input_hint (std);
  g_autofree gchar *shown = NULL;

  td_criterion_add_option (opt, "Bằng khen", 100);
  td_criterion_add_option (opt, "Cờ thi đua", 200);
  g_assert_cmpstr (hint, ==, "0 – 3");

  for (guint i = 0; i < 4; i++)
    {
      const char *ok[] = { "0,5", "0.5", "3", " 2,75 " };
      const TdPoints want[] = { 50, 50, 300, 275 };
      g_assert_true (td_criterion_parse_input (std, ok[i], e, &error));
      g_assert_no_error (error);
      g_assert_cmpint (e->points, ==, want[i]);
    }
  g_assert_false (td_criterion_parse_input (std, "4", e, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "0 – 3"));
  g_assert_nonnull (strstr (error->message, "Báo cáo"));
  g_clear_error (&error);
  g_assert_false (td_criterion_parse_input (std, "- 0,5", e, &error));
  g_assert_nonnull (strstr (error->message, "0 – 3"));
  g_clear_error (&error);
  g_assert_false (td_criterion_parse_input (std, "ba điểm", e, &error));
  g_assert_nonnull (strstr (error->message, "0 – 3"));
  g_clear_error (&error);
  g_assert_false (td_criterion_parse_input (std, "", e, &error));
  g_clear_error (&error);
  g_assert_cmpint (e->points, ==, 275); /* refused input leaves the entry alone */

  g_assert_true (td_criterion_parse_input (count, "3", e, &error));
  g_assert_cmpint (e->count, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      const char *bad[] = { "1,5", "-1", "hai" };
      g_assert_false (td_criterion_parse_input (count, bad[i], e, &error));
      g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "0, 1, 2"));
      g_clear_error (&error);
    }

  g_assert_true (td_criterion_parse_input (opt, "2", e, &error));
  g_assert_cmpint (e->option, ==, 1);
  g_assert_true (td_criterion_parse_input (opt, "bang khen", e, &error));
  g_assert_cmpint (e->option, ==, 0);
  g_assert_false (td_criterion_parse_input (opt, "3", e, &error));
  g_assert_nonnull (strstr (error->message, "Bằng khen / Cờ thi đua"));
  g_clear_error (&error);
  shown = td_criterion_format_input (opt, e);
  g_assert_cmpstr (shown, ==, "Bằng khen");

  g_assert_true (td_criterion_parse_input (flag, "x", e, &error));
  g_assert_true (e->disqualified);
  g_assert_true (td_criterion_parse_input (flag, "Không", e, &error));
  g_assert_false (e->disqualified);
  g_assert_false (td_criterion_parse_input (flag, "có lẽ", e, &error));
  g_clear_error (&error);

  g_assert_true (td_criterion_parse_input (meas, "97,5%", e, &error));
  g_assert_true (e->has_measured);
  g_assert_cmpint (e->measured, ==, 9750);
  /* A grade by its name. */
  td_criterion_add_option (meas, "Khá", 300);
  g_assert_true (td_criterion_parse_input (meas, "kha", e, &error));
  g_assert_false (e->has_measured);
  g_assert_cmpint (e->option, ==, 0);
  g_assert_false (td_criterion_parse_input (meas, "giỏi", e, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_clear_error (&error);

  /* A deduction may be typed with its sign. */
  g_assert_true (td_criterion_parse_input (dp, "-1,5", e, &error));
  g_assert_cmpint (e->points, ==, 150);
  g_assert_false (td_criterion_parse_input (dp, "2,5", e, &error));
  g_assert_nonnull (strstr (error->message, "0 – 2"));
}

/* A bonus typed after the standard points, an exemption by its word; what
 * is typed is the whole value. */
static void
test_input_bonus_exemption (void)
{
  g_autoptr (TdCriterion) std = crit (TD_RULE_STANDARD, "a1", "Tham mưu", 300, 0);
  g_autoptr (TdCriterion) each = crit (TD_RULE_DEDUCTION_EACH, "a1.1", "Trễ hạn", 0, 50);
  g_autoptr (TdEntry) e = td_entry_new (1, 1, TD_SOURCE_ASSESSED);
  g_autoptr (GError) error = NULL;
  g_autofree gchar *hint = NULL;
  g_autofree gchar *shown = NULL;
  g_autofree gchar *shown2 = NULL;

  /* Without a bonus allowed, "+" is not a value. */
  g_assert_false (td_criterion_parse_input (std, "3 + 0,5", e, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_clear_error (&error);
  std->bonus_max = 100;
  hint = td_criterion_input_hint (std);
  g_assert_nonnull (strstr (hint, "0 – 3"));
  g_assert_nonnull (strstr (hint, "0 – 1"));
  g_assert_true (td_criterion_parse_input (std, "3 + 0,5", e, &error));
  g_assert_no_error (error);
  g_assert_cmpint (e->points, ==, 300);
  g_assert_cmpint (e->bonus, ==, 50);
  shown = td_criterion_format_input (std, e);
  g_assert_cmpstr (shown, ==, "3 + 0,5");
  g_assert_true (td_criterion_parse_input (std, "2,5+1", e, &error));
  g_assert_cmpint (e->points, ==, 250);
  g_assert_cmpint (e->bonus, ==, 100);
  /* A bonus above its most is refused, naming the range; nothing changes. */
  g_assert_false (td_criterion_parse_input (std, "3 + 2", e, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "0 – 1"));
  g_clear_error (&error);
  g_assert_false (td_criterion_parse_input (std, "4 + 0,5", e, &error));
  g_assert_nonnull (strstr (error->message, "0 – 3"));
  g_clear_error (&error);
  g_assert_cmpint (e->points, ==, 250);
  g_assert_cmpint (e->bonus, ==, 100);
  /* Typed again without it, the bonus is gone. */
  g_assert_true (td_criterion_parse_input (std, "3", e, &error));
  g_assert_cmpint (e->bonus, ==, 0);

  /* The exemption only where the row has one. */
  g_assert_false (td_criterion_parse_input (each, "miễn trừ", e, &error));
  g_clear_error (&error);
  g_free (each->exemption);
  each->exemption = g_strdup ("Không trừ điểm nếu đơn vị đã khắc phục trong năm");
  g_assert_true (td_criterion_parse_input (each, "2", e, &error));
  g_assert_cmpint (e->count, ==, 2);
  g_assert_true (td_criterion_parse_input (each, "Miễn trừ", e, &error));
  g_assert_true (e->exempt);
  g_assert_cmpint (e->count, ==, 0);
  shown2 = td_criterion_format_input (each, e);
  g_assert_cmpstr (shown2, ==, "miễn trừ");
  g_assert_true (td_criterion_parse_input (each, "mien", e, &error));
  g_assert_true (e->exempt);
  g_assert_true (td_criterion_parse_input (each, "1", e, &error));
  g_assert_false (e->exempt);
  g_assert_cmpint (e->count, ==, 1);
}

static gint64
count_audit (Fixture *f)
{
  return td_db_query_int (f->db, "SELECT count (*) FROM audit WHERE tbl = 'entry'", -1, NULL);
}

static void
test_entries (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdCriteriaTable) t = NULL;
  g_autoptr (TdScores) s = NULL;
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (TdEntry) old = NULL;
  g_autoptr (TdEntry) e = NULL;
  gint64 sec, std, late;
  gint i_std, i_late;

  sec = add (f, 0, crit (TD_RULE_GROUP, "I", "Chuyên môn", 300, 0));
  std = add (f, sec, crit (TD_RULE_STANDARD, "1", "Báo cáo", 300, 0));
  late = add (f, sec, crit (TD_RULE_DEDUCTION_EACH, "2", "Trễ hạn", 0, 50));
  t = td_criteria_load (f->db, f->bloc_year, &error);
  g_assert_no_error (error);
  s = td_scores_load (f->db, t, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (td_scores_get_n_units (s), ==, 1);
  i_std = td_criteria_table_find (t, std);
  i_late = td_criteria_table_find (t, late);

  e = td_entry_new (f->unit, std, TD_SOURCE_SELF);
  g_assert_true (
      td_criterion_parse_input (td_criteria_table_get_node (t, i_std), "2,5", e, &error));
  g_free (e->evidence);
  e->evidence = g_strdup ("Báo cáo số 12/BC-SYT");
  g_assert_true (td_scores_set_entry (s, f->db, 0, i_std, e, &error));
  g_assert_no_error (error);
  g_assert_cmpint (e->id, >, 0);
  g_assert_nonnull (e->updated_at);
  /* value + evidence */
  g_assert_cmpint (count_audit (f), ==, 2);

  /* Saving the same value again writes nothing. */
  g_assert_true (td_entry_save (f->db, NULL, e, &error));
  g_assert_cmpint (count_audit (f), ==, 2);

  e->points = 300;
  g_assert_true (td_scores_set_entry (s, f->db, 0, i_std, e, &error));
  g_assert_cmpint (count_audit (f), ==, 3);

  /* Out of range is refused by the store too, and nothing is written. */
  e->points = 350;
  g_assert_false (td_entry_save (f->db, NULL, e, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "0 – 3"));
  g_clear_error (&error);
  g_assert_cmpint (count_audit (f), ==, 3);

  {
    g_autoptr (TdEntry) a = td_entry_new (f->unit, late, TD_SOURCE_ASSESSED);
    a->count = 2;
    g_assert_true (td_scores_set_entry (s, f->db, 0, i_late, a, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (td_scores_get_totals (s, 0)->table[TD_SOURCE_FINAL].total, ==, 200);

  history = td_entry_history (f->db, f->unit, std, TD_SOURCE_SELF, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 3);
  /* Newest first. */
  g_assert_cmpstr (((TdEntryChange *)g_ptr_array_index (history, 0))->old_value, ==, "2,5");
  g_assert_cmpstr (((TdEntryChange *)g_ptr_array_index (history, 0))->new_value, ==, "3");
  g_assert_cmpstr (((TdEntryChange *)g_ptr_array_index (history, 2))->new_value, ==, "2,5");
  g_assert_null (((TdEntryChange *)g_ptr_array_index (history, 2))->old_value);
  g_assert_nonnull (((TdEntryChange *)g_ptr_array_index (history, 0))->user);

  /* Clearing keeps the history and returns the old entry for Undo. */
  g_assert_true (td_entry_delete (f->db, f->unit, std, TD_SOURCE_SELF, &old, &error));
  g_assert_no_error (error);
  g_assert_nonnull (old);
  g_assert_cmpint (old->points, ==, 300);
  g_assert_null (td_entry_load (f->db, f->unit, std, TD_SOURCE_SELF, &error));
  g_assert_no_error (error);
  g_ptr_array_unref (history);
  history = td_entry_history (f->db, f->unit, std, TD_SOURCE_SELF, &error);
  g_assert_cmpuint (history->len, ==, 5); /* value and evidence cleared */

  /* The registry refuses deleting a unit with scores by looking here. */
  g_assert_cmpint (
      td_db_query_int (f->db, "SELECT count (*) FROM entry WHERE unit_id = 1", -1, NULL), ==, 1);
  /* Reload: one entry left, totals follow. */
  {
    g_autoptr (TdScores) s2 = td_scores_load (f->db, t, &error);
    g_assert_no_error (error);
    g_assert_null (td_scores_get_entry (s2, 0, i_std, TD_SOURCE_FINAL));
    g_assert_nonnull (td_scores_get_entry (s2, 0, i_late, TD_SOURCE_FINAL));
    g_assert_cmpint (td_scores_get_totals (s2, 0)->table[TD_SOURCE_FINAL].total, ==, -100);
  }
  g_assert_true (td_entries_exist (f->db, f->bloc_year, &error));
  g_assert_false (td_entries_exist (f->db, f->other_year, &error));
}

static void
test_copy (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdCriteriaTable) copy = NULL;
  gint64 sec;

  sec = add (f, 0, crit (TD_RULE_GROUP, "I", "Chuyên môn", 1000, 0));
  add (f, sec, crit (TD_RULE_STANDARD, "1", "Kế hoạch", 1000, 0));
  {
    TdCriterion *c = crit (TD_RULE_BRACKETS, "2", "Khung", 0, 0);
    td_criterion_add_bracket (c, 0, TRUE, 100, FALSE, 0, 50);
    add (f, sec, c);
  }
  g_assert_true (td_criteria_set_table_info (f->db, f->bloc_year, "Bảng 2024", TD_POINTS (10),
                                             TD_POINTS (5), TD_NO_CAP, &error));
  g_assert_no_error (error);
  g_assert_cmpint (td_criteria_previous_bloc_year (f->db, f->bloc_year, &error), ==, f->other_year);

  /* Copy 2024 back into the empty 2023 (any direction works). */
  g_assert_true (td_criteria_copy_table (f->db, f->bloc_year, f->other_year, &error));
  g_assert_no_error (error);
  copy = td_criteria_load (f->db, f->other_year, &error);
  g_assert_cmpuint (copy->nodes->len, ==, 3);
  g_assert_cmpstr (copy->title, ==, "Bảng 2024");
  g_assert_cmpint (copy->total, ==, 1000);
  g_assert_cmpint (copy->bonus_cap, ==, 500);
  g_assert_cmpint (((TdCriterion *)g_ptr_array_index (copy->nodes, 2))->depth, ==, 1);
  g_assert_cmpuint (((TdCriterion *)g_ptr_array_index (copy->nodes, 2))->options->len, ==, 1);

  /* The new-year step copies only into an empty year and never fails on
   * a year without a table. */
  g_assert_true (td_criteria_new_year_hook (f->db, f->bloc_year, f->other_year, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (
      td_db_query_int (f->db, "SELECT count (*) FROM criterion WHERE deleted = 0", -1, NULL), ==,
      6);

  /* A second copy is refused: the target has criteria. */
  g_assert_false (td_criteria_copy_table (f->db, f->bloc_year, f->other_year, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_CONSTRAINT);
  g_clear_error (&error);
  /* Replacing soft-deletes the old rows. */
  g_assert_true (td_criteria_save_table (f->db, f->other_year, copy, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (
      td_db_query_int (f->db, "SELECT count (*) FROM criterion WHERE deleted <> 0", -1, NULL), ==,
      3);
}

static void
test_demo (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) db = td_db_new_memory (&error);
  g_autoptr (TdCriteriaTable) t = NULL;
  g_autoptr (TdScores) s = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  gint64 by;
  guint disqualified = 0, with_differences = 0;

  g_assert_true (td_demo_populate (db, &error));
  g_assert_no_error (error);
  by = td_db_query_int (db,
                        "SELECT y.id FROM bloc_year y JOIN bloc b ON b.id = y.bloc_id"
                        " WHERE b.name = 'Khối Thi đua số 6' AND y.year = 2024",
                        0, &error);
  g_assert_cmpint (by, >, 0);
  t = td_criteria_load (db, by, &error);
  g_assert_no_error (error);
  g_assert_cmpint (t->total, ==, TD_POINTS (100));
  g_assert_cmpint (td_criteria_table_sum_standard (t), ==, TD_POINTS (100));
  g_assert_cmpuint (t->nodes->len, >=, 30);
  problems = td_criteria_table_check (t);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", ((TdCriteriaProblem *)g_ptr_array_index (problems, i))->message);
  g_assert_cmpuint (problems->len, ==, 0);
  {
    g_autoptr (GArray) sections = td_criteria_table_get_sections (t);
    g_assert_cmpuint (sections->len, ==, 5);
  }

  s = td_scores_load (db, t, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (td_scores_get_n_units (s), >=, 10);
  for (guint u = 0; u < td_scores_get_n_units (s); u++)
    {
      const TdUnitTotals *totals = td_scores_get_totals (s, u);
      g_autoptr (GArray) diffs = td_scores_get_differences (s, u);

      g_assert_cmpuint (totals->n_entries[TD_SOURCE_SELF], >, 20);
      g_assert_cmpuint (totals->n_entries[TD_SOURCE_ASSESSED], >, 0);
      if (totals->disqualified[TD_SOURCE_FINAL])
        disqualified++;
      else
        g_assert_cmpint (totals->table[TD_SOURCE_FINAL].total, >, TD_POINTS (60));
      if (diffs->len > 0)
        with_differences++;
    }
  g_assert_cmpuint (disqualified, ==, 1);
  g_assert_cmpuint (with_differences, >=, 3);
}

/* Bytes another program wrote into the table or the scores are read back
 * as text (repaired), never passed on as they are. */
static void
test_invalid_text_read_back (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) db = td_db_new_memory (&error);
  g_autoptr (TdCriteriaTable) t = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  gint64 by;
  guint checked = 0;

  g_assert_true (td_demo_populate (db, &error));
  by = td_db_query_int (db,
                        "SELECT y.id FROM bloc_year y JOIN bloc b ON b.id = y.bloc_id"
                        " WHERE b.name = 'Khối Thi đua số 6' AND y.year = 2024",
                        0, &error);
  g_assert_cmpint (by, >, 0);
  /* A Latin-1 "Sở" cut short, in titles, guidance, an option, evidence. */
  g_assert_true (td_db_exec (db,
                             "UPDATE criterion SET title = CAST(X'53F920547520701F' AS TEXT),"
                             " guidance = CAST(X'C3' AS TEXT);"
                             "UPDATE criterion_option SET label = CAST(X'FF41' AS TEXT);"
                             "UPDATE entry SET evidence = CAST(X'E1BB' AS TEXT),"
                             " agreed_reason = CAST(X'80' AS TEXT)",
                             &error));
  g_assert_no_error (error);
  t = td_criteria_load (db, by, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < td_criteria_table_get_n_nodes (t); i++)
    {
      TdCriterion *c = td_criteria_table_get_node (t, i);

      g_assert_true (g_utf8_validate (c->title, -1, NULL));
      g_assert_true (g_utf8_validate (c->guidance, -1, NULL));
      for (guint o = 0; o < c->options->len; o++)
        g_assert_true (g_utf8_validate (((TdRuleOption *)c->options->pdata[o])->label, -1, NULL));
    }
  entries = td_entries_load_bloc_year (db, by, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, >, 0);
  for (guint i = 0; i < entries->len; i++)
    {
      TdEntry *e = entries->pdata[i];
      g_autoptr (TdEntry) one = td_entry_load (db, e->unit_id, e->criterion_id, e->source, &error);

      g_assert_true (g_utf8_validate (e->evidence, -1, NULL));
      g_assert_true (g_utf8_validate (e->agreed_reason, -1, NULL));
      if (i < 5)
        {
          g_assert_nonnull (one);
          g_assert_true (g_utf8_validate (one->evidence, -1, NULL));
          checked++;
        }
    }
  g_assert_cmpuint (checked, ==, 5);
}

/* Starting a new year from the registry copies the table with it, without
 * the scores. */
static void
test_new_year_copies_table (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) db = td_db_new_memory (&error);
  g_autoptr (TdCriteriaTable) old_table = NULL;
  g_autoptr (TdCriteriaTable) new_table = NULL;
  gint64 by_2024, by_2025;

  g_assert_true (td_demo_populate (db, &error));
  by_2024 = td_registry_find_bloc_year (db, 1, 2024, &error);
  by_2025 = td_registry_start_new_year (db, 1, 2025, &error);
  g_assert_no_error (error);
  g_assert_cmpint (by_2025, >, 0);
  old_table = td_criteria_load (db, by_2024, &error);
  new_table = td_criteria_load (db, by_2025, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (td_criteria_table_get_n_nodes (new_table), >, 10);
  g_assert_cmpuint (td_criteria_table_get_n_nodes (new_table), ==,
                    td_criteria_table_get_n_nodes (old_table));
  g_assert_cmpint (td_criteria_table_sum_standard (new_table), ==,
                   td_criteria_table_sum_standard (old_table));
  {
    g_autofree gchar *sql
        = g_strdup_printf ("SELECT count (*) FROM entry e JOIN criterion c"
                           " ON c.id = e.criterion_id JOIN criteria_table t"
                           " ON t.id = c.table_id WHERE t.bloc_year_id = %" G_GINT64_FORMAT,
                           by_2025);
    g_assert_cmpint (td_db_query_int (db, sql, -1, &error), ==, 0);
  }
}

/* The shapes of real tables survive the database: a bonus on a standard
 * row, size classes with their ranges, the table's "full by default" and
 * the meeting's agreed points with their reason, which the audit keeps. */
static void
test_real_shapes_stored (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdCriteriaTable) t = NULL;
  g_autoptr (TdScores) s = NULL;
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (TdEntry) e = NULL;
  g_autoptr (TdEntry) back = NULL;
  TdCriterion *item = crit (TD_RULE_STANDARD, "3.2", "Mô hình mới", 500, 0);
  TdCriterion *brackets = crit (TD_RULE_BRACKETS, "2.1", "Trước hạn", 0, 0);
  TdRange small = { FALSE, 0, TRUE, 100000 }, large = { TRUE, 100000, FALSE, 0 };
  gint64 item_id, brackets_id;
  gint i_item, i_brackets;
  const TdCriterion *c;

  item->bonus_max = 100;
  td_criterion_add_size_class (brackets, "Dưới 1.000 hồ sơ/năm", &small);
  td_criterion_add_size_class (brackets, "Từ 1.000 hồ sơ/năm trở lên", &large);
  td_criterion_add_bracket (brackets, 0, TRUE, 100, TRUE, 500, 50);
  td_criterion_add_bracket (brackets, 1, TRUE, 100, FALSE, 0, 100);
  item_id = add (f, 0, item);
  brackets_id = add (f, 0, brackets);
  g_assert_true (td_criteria_set_full_by_default (f->db, f->bloc_year, TRUE, &error));
  g_assert_no_error (error);

  t = td_criteria_load (f->db, f->bloc_year, &error);
  g_assert_no_error (error);
  g_assert_true (t->full_by_default);
  i_item = td_criteria_table_find (t, item_id);
  i_brackets = td_criteria_table_find (t, brackets_id);
  c = td_criteria_table_get_node (t, i_item);
  g_assert_cmpint (c->bonus_max, ==, 100);
  c = td_criteria_table_get_node (t, i_brackets);
  g_assert_cmpuint (g_strv_length (c->size_classes), ==, 2);
  g_assert_nonnull (td_criterion_get_size_range (c, 0));
  g_assert_false (td_criterion_get_size_range (c, 0)->has_low);
  g_assert_cmpint (td_criterion_get_size_range (c, 0)->high, ==, 100000);
  g_assert_cmpint (td_criterion_get_size_range (c, 1)->low, ==, 100000);
  g_assert_false (td_criterion_get_size_range (c, 1)->has_high);
  g_assert_cmpint (td_criterion_find_size_class (c, 85000), ==, 0);
  g_assert_cmpint (td_criterion_find_size_class (c, 100000), ==, 1);

  s = td_scores_load (f->db, t, &error);
  g_assert_no_error (error);
  e = td_entry_new (f->unit, item_id, TD_SOURCE_ASSESSED);
  e->points = 500;
  e->bonus = 100;
  e->has_agreed = TRUE;
  e->agreed = 650;
  g_free (e->agreed_reason);
  e->agreed_reason = g_strdup ("Biên bản thẩm định số 03/BB-KTĐ");
  g_assert_true (td_scores_set_entry (s, f->db, 0, i_item, e, &error));
  g_assert_no_error (error);
  back = td_entry_load (f->db, f->unit, item_id, TD_SOURCE_ASSESSED, &error);
  g_assert_no_error (error);
  g_assert_true (td_entry_equal (back, e));
  g_assert_cmpstr (back->agreed_reason, ==, "Biên bản thẩm định số 03/BB-KTĐ");
  history = td_entry_history (f->db, f->unit, item_id, TD_SOURCE_ASSESSED, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_nonnull (strstr (((TdEntryChange *)g_ptr_array_index (history, 0))->new_value,
                            "thống nhất 6,5 (Biên bản thẩm định số 03/BB-KTĐ)"));
  g_assert_nonnull (
      strstr (((TdEntryChange *)g_ptr_array_index (history, 0))->new_value, "thưởng 1"));

  /* The bulk load of the sheet reads the new fields too. */
  g_clear_pointer (&s, td_scores_free);
  s = td_scores_load (f->db, t, &error);
  g_assert_no_error (error);
  g_assert_true (td_entry_equal (td_scores_get_entry (s, 0, i_item, TD_SOURCE_ASSESSED), e));
  g_assert_cmpint (td_scores_node_totals (s, 0, i_item, TD_SOURCE_FINAL).total, ==, 650);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("THIDUA_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/criteria/tree-editing", Fixture, NULL, fixture_set_up, test_tree_editing,
              fixture_tear_down);
  g_test_add_func ("/criteria/checks", test_checks);
  g_test_add_func ("/criteria/describe", test_describe);
  g_test_add_func ("/criteria/input", test_input);
  g_test_add_func ("/criteria/input-bonus-exemption", test_input_bonus_exemption);
  g_test_add ("/criteria/entries", Fixture, NULL, fixture_set_up, test_entries, fixture_tear_down);
  g_test_add ("/criteria/real-shapes-stored", Fixture, NULL, fixture_set_up,
              test_real_shapes_stored, fixture_tear_down);
  g_test_add ("/criteria/copy", Fixture, NULL, fixture_set_up, test_copy, fixture_tear_down);
  g_test_add_func ("/criteria/demo", test_demo);
  g_test_add_func ("/criteria/new-year-copies-table", test_new_year_copies_table);
  g_test_add_func ("/criteria/invalid-text-read-back", test_invalid_text_read_back);
  return g_test_run ();
}
