/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The ranking engine: ranks, tie-breaks, overrides, grades, proposals and
 * the explanation of every place, on hand-made totals (no database). */
#include "config.h"

#include "td-ranking.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

static TdRankInput *
unit (GPtrArray *inputs, gint64 id, const char *name, const char *total)
{
  TdRankInput *in = td_rank_input_new (id, name);
  g_autoptr (GError) error = NULL;

  g_assert_true (td_points_parse (total, &in->final_total, &error));
  g_assert_no_error (error);
  in->self_total = in->assessed_total = in->final_total;
  in->has_assessed = TRUE;
  g_ptr_array_add (inputs, in);
  return in;
}

static GPtrArray *
new_inputs (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify)td_rank_input_free);
}

static const TdRankRow *
row_at (TdRanking *ranking, guint i)
{
  g_assert_cmpuint (i, <, ranking->rows->len);
  return g_ptr_array_index (ranking->rows, i);
}

static void
assert_order (TdRanking *ranking, const gint64 *ids, const gint *ranks, guint n)
{
  g_assert_cmpuint (ranking->rows->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpint (row_at (ranking, i)->input->unit_id, ==, ids[i]);
      g_assert_cmpint (row_at (ranking, i)->rank, ==, ranks[i]);
      g_assert_cmpuint (row_at (ranking, i)->position, ==, i + 1);
    }
}

static void
test_ties_at_several_places (void)
{
  g_autoptr (GPtrArray) inputs = new_inputs ();
  g_autoptr (TdRankSettings) settings = td_rank_settings_new ();
  g_autoptr (TdRanking) ranking = NULL;
  const gint64 ids[] = { 1, 2, 3, 4, 5, 6, 7, 8 };
  const gint ranks[] = { 1, 2, 2, 4, 5, 5, 5, 8 };

  unit (inputs, 8, "H", "70");
  unit (inputs, 6, "F", "85");
  unit (inputs, 1, "A", "98");
  unit (inputs, 3, "C", "96,5");
  unit (inputs, 5, "E", "85");
  unit (inputs, 2, "B", "96.5");
  unit (inputs, 7, "G", "85,00");
  unit (inputs, 4, "D", "90");
  ranking = td_ranking_compute (inputs, settings);
  assert_order (ranking, ids, ranks, 8);
  g_assert_false (row_at (ranking, 0)->shared);
  g_assert_true (row_at (ranking, 1)->shared);
  g_assert_true (row_at (ranking, 2)->shared);
  g_assert_false (row_at (ranking, 3)->shared);
  g_assert_true (row_at (ranking, 6)->shared);
  g_assert_false (row_at (ranking, 7)->shared);
  g_assert_cmpuint (ranking->n_ranked, ==, 8);
  g_assert_false (ranking->needs_vote);
  /* Shared, and no rule was asked to decide. */
  g_assert_cmpint (row_at (ranking, 1)->decided_by, ==, -1);
}

/* Two units on 96,5; `a` wins under `kind`, `b` would win on the name. */
static void
check_rule_decides (TdTieBreakKind kind, void (*setup) (TdRankInput *a, TdRankInput *b))
{
  g_autoptr (GPtrArray) inputs = new_inputs ();
  g_autoptr (TdRankSettings) settings = td_rank_settings_new ();
  g_autoptr (TdRanking) before = NULL;
  g_autoptr (TdRanking) after = NULL;
  TdRankInput *b = unit (inputs, 2, "A đứng trước theo tên", "96,5");
  TdRankInput *a = unit (inputs, 1, "B", "96,5");
  const gint64 ids[] = { 1, 2 };
  const gint ranks[] = { 1, 2 };

  unit (inputs, 3, "C", "99");
  setup (a, b);
  before = td_ranking_compute (inputs, settings);
  g_assert_cmpint (row_at (before, 1)->input->unit_id, ==, 2);
  g_assert_cmpint (row_at (before, 2)->rank, ==, 2);

  g_ptr_array_add (settings->tie_breaks, td_tie_break_new (kind, "I"));
  after = td_ranking_compute (inputs, settings);
  g_assert_cmpint (row_at (after, 0)->input->unit_id, ==, 3);
  {
    const gint64 tail_ids[] = { 1, 2 };
    const gint tail_ranks[] = { 2, 3 };
    for (guint i = 0; i < 2; i++)
      {
        g_assert_cmpint (row_at (after, i + 1)->input->unit_id, ==, tail_ids[i]);
        g_assert_cmpint (row_at (after, i + 1)->rank, ==, tail_ranks[i]);
        g_assert_false (row_at (after, i + 1)->shared);
      }
  }
  g_assert_cmpint (row_at (after, 1)->decided_by, ==, 0);
  (void)ids;
  (void)ranks;
}

static void
setup_section (TdRankInput *a, TdRankInput *b)
{
  td_rank_input_set_section (a, "I", TD_POINTS (30));
  td_rank_input_set_section (b, "I", 2950);
  td_rank_input_set_section (b, "II", TD_POINTS (40)); /* another section: not asked */
}

static void
setup_deduction (TdRankInput *a, TdRankInput *b)
{
  a->deduction = 50;
  b->deduction = 100;
}

static void
setup_bonus (TdRankInput *a, TdRankInput *b)
{
  a->bonus = 200;
  b->bonus = 150;
}

static void
setup_agreement (TdRankInput *a, TdRankInput *b)
{
  a->disagreement = 100;
  b->disagreement = 325;
}

static void
setup_vote (TdRankInput *a, TdRankInput *b)
{
  a->votes = 7;
  b->votes = 4;
}

static void
test_each_rule (void)
{
  check_rule_decides (TD_TIE_BREAK_SECTION, setup_section);
  check_rule_decides (TD_TIE_BREAK_FEWER_DEDUCTION, setup_deduction);
  check_rule_decides (TD_TIE_BREAK_MORE_BONUS, setup_bonus);
  check_rule_decides (TD_TIE_BREAK_AGREEMENT, setup_agreement);
  check_rule_decides (TD_TIE_BREAK_VOTE, setup_vote);
}

static void
test_rules_in_order (void)
{
  g_autoptr (GPtrArray) inputs = new_inputs ();
  g_autoptr (TdRankSettings) settings = td_rank_settings_new ();
  TdRankInput *a = unit (inputs, 1, "A", "95");
  TdRankInput *b = unit (inputs, 2, "B", "95");
  TdRankInput *c = unit (inputs, 3, "C", "95");

  /* A: most bonus but most deductions; B and C: same bonus, B fewer deductions. */
  a->bonus = 300, a->deduction = 200;
  b->bonus = 100, b->deduction = 0;
  c->bonus = 100, c->deduction = 50;

  g_ptr_array_add (settings->tie_breaks, td_tie_break_new (TD_TIE_BREAK_MORE_BONUS, NULL));
  g_ptr_array_add (settings->tie_breaks, td_tie_break_new (TD_TIE_BREAK_FEWER_DEDUCTION, NULL));
  {
    g_autoptr (TdRanking) r = td_ranking_compute (inputs, settings);
    const gint64 ids[] = { 1, 2, 3 };
    const gint ranks[] = { 1, 2, 3 };
    assert_order (r, ids, ranks, 3);
    g_assert_cmpint (row_at (r, 0)->decided_by, ==, 0); /* A over B: bonus */
    g_assert_cmpint (row_at (r, 1)->decided_by, ==, 1); /* B over C: deductions */
  }

  /* The same rules the other way round give another order. */
  g_ptr_array_remove_index (settings->tie_breaks, 0);
  g_ptr_array_add (settings->tie_breaks, td_tie_break_new (TD_TIE_BREAK_MORE_BONUS, NULL));
  {
    g_autoptr (TdRanking) r = td_ranking_compute (inputs, settings);
    const gint64 ids[] = { 2, 3, 1 };
    const gint ranks[] = { 1, 2, 3 };
    assert_order (r, ids, ranks, 3);
    g_assert_cmpint (row_at (r, 0)->decided_by, ==, 0);
  }
}

static void
test_tie_no_rule_breaks (void)
{
  g_autoptr (GPtrArray) inputs = new_inputs ();
  g_autoptr (TdRankSettings) settings = td_rank_settings_new ();
  g_autoptr (TdRanking) ranking = NULL;
  TdRankInput *a = unit (inputs, 1, "Sở Công Thương", "92");
  TdRankInput *b = unit (inputs, 2, "Sở Tư pháp", "92");
  const gint64 ids[] = { 1, 2 };
  const gint ranks[] = { 1, 1 };

  a->bonus = b->bonus = 100;
  g_ptr_array_add (settings->tie_breaks, td_tie_break_new (TD_TIE_BREAK_MORE_BONUS, NULL));
  g_ptr_array_add (settings->tie_breaks, td_tie_break_new (TD_TIE_BREAK_SECTION, "II"));
  ranking = td_ranking_compute (inputs, settings);
  assert_order (ranking, ids, ranks, 2);
  g_assert_true (row_at (ranking, 0)->shared);
  g_assert_false (row_at (ranking, 0)->needs_vote);
  g_assert_cmpstr (row_at (ranking, 1)->explanation, ==,
                   "Đồng hạng 1: 92 điểm; đồng điểm với Sở Công Thương; không tiêu chí phụ nào "
                   "phân định được; xếp loại: Hoàn thành xuất sắc nhiệm vụ");
}

static void
test_vote (void)
{
  g_autoptr (GPtrArray) inputs = new_inputs ();
  g_autoptr (TdRankSettings) settings = td_rank_settings_new ();
  TdRankInput *a = unit (inputs, 1, "A", "88");
  TdRankInput *b = unit (inputs, 2, "B", "88");
  TdRankInput *c = unit (inputs, 3, "C", "88");
  TdRankInput *d = unit (inputs, 4, "D", "88");

  d->deduction = 25; /* separated from the others by the first rule */
  g_ptr_array_add (settings->tie_breaks, td_tie_break_new (TD_TIE_BREAK_FEWER_DEDUCTION, NULL));
  g_ptr_array_add (settings->tie_breaks, td_tie_break_new (TD_TIE_BREAK_VOTE, NULL));
  {
    g_autoptr (TdRanking) r = td_ranking_compute (inputs, settings);
    g_assert_true (r->needs_vote);
    g_assert_true (row_at (r, 0)->needs_vote);
    g_assert_cmpint (row_at (r, 2)->rank, ==, 1);
    g_assert_nonnull (strstr (row_at (r, 0)->explanation, "cần Hội nghị biểu quyết"));
  }
  /* Partial votes decide nothing yet. */
  c->votes = 9;
  a->votes = 2;
  {
    g_autoptr (TdRanking) r = td_ranking_compute (inputs, settings);
    const gint64 ids[] = { 1, 2, 3, 4 };
    const gint ranks[] = { 1, 1, 1, 4 };
    assert_order (r, ids, ranks, 4);
    g_assert_true (r->needs_vote);
    g_assert_false (row_at (r, 3)->needs_vote);
    g_assert_cmpstr (row_at (r, 3)->explanation, ==,
                     "Xếp thứ 4: 88 điểm; đồng điểm với A, B, C; kém A, B, C về điểm trừ (ít hơn) "
                     "(tiêu chí quyết định thứ nhất); xếp loại: Hoàn thành tốt nhiệm vụ");
  }
  b->votes = 5;
  {
    g_autoptr (TdRanking) r = td_ranking_compute (inputs, settings);
    const gint64 ids[] = { 3, 2, 1, 4 };
    const gint ranks[] = { 1, 2, 3, 4 };
    assert_order (r, ids, ranks, 4);
    g_assert_false (r->needs_vote);
    g_assert_cmpint (row_at (r, 0)->decided_by, ==, 1);
    g_assert_cmpint (row_at (r, 2)->decided_by, ==, 0);
    g_assert_cmpstr (row_at (r, 1)->explanation, ==,
                     "Xếp thứ 2: 88 điểm; đồng điểm với C, A, D; kém C về số phiếu biểu quyết, "
                     "được 5 phiếu (tiêu chí quyết định thứ hai); hơn A về số phiếu biểu quyết, "
                     "được 5 phiếu (tiêu chí quyết "
                     "định thứ hai); hơn D về điểm trừ (ít hơn) (tiêu chí quyết định thứ nhất); "
                     "xếp loại: Hoàn thành tốt nhiệm vụ");
  }
}

static void
test_override (void)
{
  g_autoptr (GPtrArray) inputs = new_inputs ();
  g_autoptr (TdRankSettings) settings = td_rank_settings_new ();
  g_autoptr (TdRanking) ranking = NULL;
  const gint64 ids[] = { 4, 1, 2, 3, 5 };
  const gint ranks[] = { 1, 2, 3, 3, 5 };

  unit (inputs, 1, "A", "97");
  unit (inputs, 2, "B", "95");
  unit (inputs, 3, "C", "95");
  unit (inputs, 4, "D", "93");
  unit (inputs, 5, "E", "80");
  g_ptr_array_add (settings->overrides,
                   td_rank_override_new (4, 1, "Đơn vị được Chính phủ tặng Cờ thi đua"));
  ranking = td_ranking_compute (inputs, settings);
  assert_order (ranking, ids, ranks, 5);
  g_assert_nonnull (row_at (ranking, 0)->override);
  g_assert_null (row_at (ranking, 1)->override);
  g_assert_true (row_at (ranking, 2)->shared);
  g_assert_false (row_at (ranking, 0)->shared);
  g_assert_cmpstr (row_at (ranking, 0)->explanation, ==,
                   "Xếp thứ 1: 93 điểm; được điều chỉnh từ vị trí 4, lý do: Đơn vị được Chính "
                   "phủ tặng Cờ thi đua; xếp loại: Hoàn thành xuất sắc nhiệm vụ");

  /* Moving a unit out of a shared rank gives it its own place. */
  g_ptr_array_set_size (settings->overrides, 0);
  g_ptr_array_add (settings->overrides, td_rank_override_new (3, 2, "Biểu quyết tại Hội nghị"));
  g_ptr_array_add (settings->overrides, td_rank_override_new (1, 99, "Ngoài bảng: về cuối"));
  {
    g_autoptr (TdRanking) r = td_ranking_compute (inputs, settings);
    const gint64 ids2[] = { 3, 2, 4, 5, 1 };
    const gint ranks2[] = { 1, 2, 3, 4, 5 };
    assert_order (r, ids2, ranks2, 5);
  }
}

static void
test_disqualified (void)
{
  g_autoptr (GPtrArray) inputs = new_inputs ();
  g_autoptr (TdRankSettings) settings = td_rank_settings_new ();
  g_autoptr (TdRanking) ranking = NULL;
  TdRankInput *x = unit (inputs, 1, "Sở Y tế", "99");
  TdRankInput *y = unit (inputs, 3, "Sở Nội vụ", "40");
  /* Disqualified units follow in name order: their totals do not count. */
  const gint64 ids[] = { 2, 3, 1 };
  const gint ranks[] = { 1, 0, 0 };

  unit (inputs, 2, "Sở Tài chính", "60");
  x->disqualified = TRUE;
  x->disqualified_reason = g_strdup ("Không gửi bản tự chấm điểm");
  y->disqualified = TRUE;
  ranking = td_ranking_compute (inputs, settings);
  assert_order (ranking, ids, ranks, 3);
  g_assert_cmpuint (ranking->n_ranked, ==, 1);
  g_assert_cmpint (row_at (ranking, 1)->grade, ==, TD_GRADE_NONE);
  g_assert_cmpstr (row_at (ranking, 2)->explanation, ==,
                   "Không xếp hạng: Không gửi bản tự chấm điểm");
  g_assert_cmpstr (row_at (ranking, 1)->explanation, ==, "Không xếp hạng: không xếp loại");
  g_assert_cmpint (row_at (ranking, 0)->grade, ==, TD_GRADE_DONE);
  g_assert_cmpstr (row_at (ranking, 0)->explanation, ==,
                   "Xếp thứ 1: 60 điểm; xếp loại: Hoàn thành nhiệm vụ");
  /* A unit nobody scored yet says so. */
  ((TdRankInput *)g_ptr_array_index (inputs, 2))->scored = FALSE;
  {
    g_autoptr (TdRanking) r = td_ranking_compute (inputs, settings);
    g_assert_cmpstr (row_at (r, 0)->explanation, ==,
                     "Xếp thứ 1: 60 điểm; chưa có điểm chấm; xếp loại: Hoàn thành nhiệm vụ");
  }
  /* An override cannot rank a disqualified unit. */
  g_ptr_array_add (settings->overrides, td_rank_override_new (1, 1, "thử"));
  {
    g_autoptr (TdRanking) r = td_ranking_compute (inputs, settings);
    assert_order (r, ids, ranks, 3);
  }
}

static TdGrade
grade_of (const TdGradeScale *scale, const char *text)
{
  TdPoints p;
  g_assert_true (td_points_parse (text, &p, NULL));
  return td_grade_for (scale, p);
}

static void
test_grades (void)
{
  TdGradeScale scale;

  td_grade_scale_init_default (&scale);
  g_assert_cmpint (grade_of (&scale, "118,4"), ==, TD_GRADE_EXCELLENT);
  g_assert_cmpint (grade_of (&scale, "90,00"), ==, TD_GRADE_EXCELLENT);
  g_assert_cmpint (grade_of (&scale, "89,99"), ==, TD_GRADE_GOOD);
  g_assert_cmpint (grade_of (&scale, "70"), ==, TD_GRADE_GOOD);
  g_assert_cmpint (grade_of (&scale, "69,99"), ==, TD_GRADE_DONE);
  g_assert_cmpint (grade_of (&scale, "50"), ==, TD_GRADE_DONE);
  g_assert_cmpint (grade_of (&scale, "49,99"), ==, TD_GRADE_NOT_DONE);
  g_assert_cmpint (grade_of (&scale, "-3"), ==, TD_GRADE_NOT_DONE);

  /* Percent of a 1000-point table: 90 % is 900 points, 89,99 % is 899,90. */
  scale.percent = TRUE;
  scale.standard_total = TD_POINTS (1000);
  g_assert_cmpint (grade_of (&scale, "900"), ==, TD_GRADE_EXCELLENT);
  g_assert_cmpint (grade_of (&scale, "899,99"), ==, TD_GRADE_GOOD);
  g_assert_cmpint (grade_of (&scale, "899,90"), ==, TD_GRADE_GOOD);
  g_assert_cmpint (grade_of (&scale, "700"), ==, TD_GRADE_GOOD);
  g_assert_cmpint (grade_of (&scale, "499,99"), ==, TD_GRADE_NOT_DONE);
  scale.excellent = 8550; /* 85,5 % */
  g_assert_cmpint (grade_of (&scale, "855"), ==, TD_GRADE_EXCELLENT);
  g_assert_cmpint (grade_of (&scale, "854,99"), ==, TD_GRADE_GOOD);

  /* Custom point thresholds. */
  scale.percent = FALSE;
  scale.excellent = 9550;
  g_assert_cmpint (grade_of (&scale, "95,5"), ==, TD_GRADE_EXCELLENT);
  g_assert_cmpint (grade_of (&scale, "95,49"), ==, TD_GRADE_GOOD);

  g_assert_cmpstr (td_grade_to_string (TD_GRADE_EXCELLENT), ==, "Hoàn thành xuất sắc nhiệm vụ");
  g_assert_cmpstr (td_grade_to_string (TD_GRADE_NOT_DONE), ==, "Không hoàn thành nhiệm vụ");
  g_assert_cmpint (td_grade_from_id (td_grade_to_id (TD_GRADE_GOOD)), ==, TD_GRADE_GOOD);
  g_assert_cmpstr (td_grade_to_short_string (TD_GRADE_EXCELLENT), ==, "Xuất sắc");
  g_assert_cmpstr (td_grade_to_short_string (TD_GRADE_NONE), ==, "Không xếp loại");
  g_assert_cmpstr (td_grade_to_string (TD_GRADE_NONE), ==, "Không xếp loại");
  g_assert_cmpstr (td_grade_to_string ((TdGrade)7), ==, "Không xếp loại");
  /* Every grade reads back from the word the file keeps; "none" and a
   * word no grade has are not graded. */
  for (TdGrade g = TD_GRADE_NONE; g <= TD_GRADE_LAST; g++)
    g_assert_cmpint (td_grade_from_id (td_grade_to_id (g)), ==, g);
  g_assert_cmpstr (td_grade_to_id (TD_GRADE_EXCELLENT), ==, "excellent");
  g_assert_cmpstr (td_grade_to_id (TD_GRADE_NONE), ==, "none");
  g_assert_cmpint (td_grade_from_id ("superb"), ==, TD_GRADE_NONE);
}

static void
test_quotas (void)
{
  g_autoptr (TdProposalRule) rule = td_proposal_rule_new ();

  rule->quota_kind = TD_QUOTA_FIXED;
  rule->count = 3;
  g_assert_cmpint (td_proposal_rule_quota (rule, 10), ==, 3);

  rule->quota_kind = TD_QUOTA_BY_MEMBERS;
  rule->count = 1;
  rule->count_large = 2;
  rule->members_threshold = 12;
  g_assert_cmpint (td_proposal_rule_quota (rule, 11), ==, 1);
  g_assert_cmpint (td_proposal_rule_quota (rule, 12), ==, 2);
  g_assert_cmpint (td_proposal_rule_quota (rule, 20), ==, 2);

  rule->quota_kind = TD_QUOTA_PERCENT;
  rule->percent = 3000;
  g_assert_cmpint (td_proposal_rule_quota (rule, 10), ==, 3);
  g_assert_cmpint (td_proposal_rule_quota (rule, 9), ==, 2);  /* 2,7 rounded down */
  g_assert_cmpint (td_proposal_rule_quota (rule, 12), ==, 3); /* 3,6 */
  g_assert_cmpint (td_proposal_rule_quota (rule, 3), ==, 0);  /* 0,9 */
  rule->percent = 3333;
  g_assert_cmpint (td_proposal_rule_quota (rule, 3), ==, 0); /* 0,9999 */
  g_assert_cmpint (td_proposal_rule_quota (rule, 6), ==, 1);
}

static TdProposalRule *
add_rule (TdRankSettings *settings, gint64 id, const char *award, TdQuotaKind kind, gint count,
          TdGrade min_grade)
{
  TdProposalRule *rule = td_proposal_rule_new ();

  rule->id = id;
  g_free (rule->award_name);
  rule->award_name = g_strdup (award);
  rule->quota_kind = kind;
  rule->count = count;
  rule->percent = count;
  rule->min_grade = min_grade;
  g_ptr_array_add (settings->proposal_rules, rule);
  return rule;
}

static guint
count_state (TdRanking *r, const char *award, TdProposalState state)
{
  guint n = 0;
  for (guint i = 0; i < r->proposals->len; i++)
    {
      TdProposal *p = g_ptr_array_index (r->proposals, i);
      if (g_strcmp0 (p->rule->award_name, award) == 0 && p->state == state)
        n++;
    }
  return n;
}

/* A bloc typed in from nothing with a 30-point table: the default grades
 * are % of the table, so it grades as a 100-point table would (with
 * thresholds in points every unit was "Không hoàn thành nhiệm vụ" and
 * nobody was proposed, without a word); thresholds in points above the
 * table's total are named in a warning. */
static void
test_grades_fit_the_table (void)
{
  g_autoptr (TdRankSettings) settings = td_rank_settings_new ();
  g_autoptr (GPtrArray) inputs = new_inputs ();
  g_autoptr (TdRanking) ranking = NULL;
  g_autofree gchar *warning = NULL;
  const TdGrade expected[] = { TD_GRADE_EXCELLENT, TD_GRADE_EXCELLENT, TD_GRADE_GOOD,
                               TD_GRADE_GOOD,      TD_GRADE_DONE,      TD_GRADE_NOT_DONE };

  g_assert_true (settings->scale.percent);
  g_assert_cmpint (settings->scale.excellent, ==, TD_POINTS (90));
  g_assert_cmpint (settings->scale.good, ==, TD_POINTS (70));
  g_assert_cmpint (settings->scale.done, ==, TD_POINTS (50));
  g_assert_null (td_grade_scale_warning (&settings->scale));
  settings->scale.standard_total = TD_POINTS (30);
  add_rule (settings, 10, "Cờ thi đua của UBND tỉnh", TD_QUOTA_FIXED, 1, TD_GRADE_EXCELLENT);
  unit (inputs, 1, "A", "28,5");  /* 95 % */
  unit (inputs, 2, "B", "27");    /* 90 % exactly */
  unit (inputs, 3, "C", "26,99"); /* 89,97 % */
  unit (inputs, 4, "D", "21");    /* 70 % */
  unit (inputs, 5, "E", "15");    /* 50 % */
  unit (inputs, 6, "F", "14,99");
  ranking = td_ranking_compute (inputs, settings);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpint (row_at (ranking, i)->grade, ==, expected[i]);
  /* The table's leader gets the flag, as on a 100-point table. */
  g_assert_nonnull (strstr (row_at (ranking, 0)->proposals, "Cờ thi đua"));
  g_assert_null (td_grade_scale_warning (&settings->scale));

  /* The same thresholds in points: out of reach, and said so. */
  settings->scale.percent = FALSE;
  g_clear_pointer (&ranking, td_ranking_free);
  ranking = td_ranking_compute (inputs, settings);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpint (row_at (ranking, i)->grade, ==, TD_GRADE_NOT_DONE);
  g_assert_cmpstr (row_at (ranking, 0)->proposals, ==, "");
  warning = td_grade_scale_warning (&settings->scale);
  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (warning, "90"));
  g_assert_nonnull (strstr (warning, "30"));
  g_clear_pointer (&warning, g_free);
  /* Points within the table are no warning; one above it is, even when
   * only the highest threshold is too high. */
  settings->scale.excellent = TD_POINTS (27);
  settings->scale.good = TD_POINTS (21);
  settings->scale.done = TD_POINTS (15);
  g_assert_null (td_grade_scale_warning (&settings->scale));
  settings->scale.excellent = TD_POINTS (30);
  g_assert_null (td_grade_scale_warning (&settings->scale));
  settings->scale.excellent = 3001;
  warning = td_grade_scale_warning (&settings->scale);
  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (warning, "30,01"));
}

static void
test_proposals (void)
{
  g_autoptr (GPtrArray) inputs = new_inputs ();
  g_autoptr (TdRankSettings) settings = td_rank_settings_new ();
  const char *totals[]
      = { "99", "97", "95", "93", "91", "90", "89,99", "85", "80", "75", "70", "60" };
  TdProposalRule *flag, *merit;

  for (guint i = 0; i < G_N_ELEMENTS (totals); i++)
    {
      g_autofree gchar *name = g_strdup_printf ("Đơn vị %02u", i + 1);
      unit (inputs, i + 1, name, totals[i]);
    }
  /* "Cờ: the top unit (two when >= 12 members), xuất sắc";
   * "Bằng khen: next ranks, at most 30 % of members, xuất sắc". */
  flag = add_rule (settings, 10, "Cờ thi đua của UBND tỉnh", TD_QUOTA_BY_MEMBERS, 1,
                   TD_GRADE_EXCELLENT);
  flag->count_large = 2;
  flag->members_threshold = 12;
  merit = add_rule (settings, 11, "Bằng khen của Chủ tịch UBND tỉnh", TD_QUOTA_PERCENT, 3000,
                    TD_GRADE_EXCELLENT);
  merit->skip_proposed = TRUE;
  add_rule (settings, 12, "Giấy khen", TD_QUOTA_FIXED, 5, TD_GRADE_GOOD)->rank_from = 7;

  {
    g_autoptr (TdRanking) r = td_ranking_compute (inputs, settings);
    /* 12 members: two flags; 30 % of 12 = 3 of the four other excellent
     * units (95, 93, 91, 90): ranks 3 to 5. */
    g_assert_cmpuint (count_state (r, "Cờ thi đua của UBND tỉnh", TD_PROPOSAL_PROPOSED), ==, 2);
    g_assert_cmpstr (row_at (r, 0)->proposals, ==, "Cờ thi đua của UBND tỉnh");
    g_assert_cmpstr (row_at (r, 1)->proposals, ==, "Cờ thi đua của UBND tỉnh");
    g_assert_cmpstr (row_at (r, 2)->proposals, ==, "Bằng khen của Chủ tịch UBND tỉnh");
    g_assert_cmpstr (row_at (r, 4)->proposals, ==, "Bằng khen của Chủ tịch UBND tỉnh");
    g_assert_cmpstr (row_at (r, 5)->proposals, ==, ""); /* 90: excellent, over the quota */
    /* Giấy khen from rank 7, grade good at least: 89,99 … 70 is five units. */
    g_assert_cmpstr (row_at (r, 6)->proposals, ==, "Giấy khen");
    g_assert_cmpstr (row_at (r, 10)->proposals, ==, "Giấy khen");
    g_assert_cmpstr (row_at (r, 11)->proposals, ==, ""); /* 60: only "done" */
    g_assert_cmpuint (count_state (r, "Giấy khen", TD_PROPOSAL_PROPOSED), ==, 5);
    g_assert_nonnull (strstr (row_at (r, 0)->explanation, "đề nghị: Cờ thi đua của UBND tỉnh"));
  }

  /* One member fewer: one flag, 30 % of 11 = 3. */
  g_ptr_array_remove_index (inputs, 11);
  {
    g_autoptr (TdRanking) r = td_ranking_compute (inputs, settings);
    g_assert_cmpuint (count_state (r, "Cờ thi đua của UBND tỉnh", TD_PROPOSAL_PROPOSED), ==, 1);
    g_assert_cmpstr (row_at (r, 1)->proposals, ==, "Bằng khen của Chủ tịch UBND tỉnh");
    g_assert_cmpstr (row_at (r, 3)->proposals, ==, "Bằng khen của Chủ tịch UBND tỉnh");
    g_assert_cmpstr (row_at (r, 4)->proposals, ==, "");
  }

  /* The clerk's decisions: accept one, remove one, add one, and an
   * addition for a unit the rule already proposed changes nothing. */
  g_ptr_array_add (settings->decisions,
                   td_proposal_decision_new (10, 1, TD_DECISION_ACCEPT, "Thống nhất"));
  g_ptr_array_add (settings->decisions,
                   td_proposal_decision_new (11, 3, TD_DECISION_REMOVE, "Đã được tặng năm trước"));
  g_ptr_array_add (settings->decisions,
                   td_proposal_decision_new (11, 6, TD_DECISION_ADD, "Hội nghị thống nhất"));
  g_ptr_array_add (settings->decisions, td_proposal_decision_new (11, 2, TD_DECISION_ADD, "Trùng"));
  {
    g_autoptr (TdRanking) r = td_ranking_compute (inputs, settings);
    g_assert_cmpuint (count_state (r, "Cờ thi đua của UBND tỉnh", TD_PROPOSAL_ACCEPTED), ==, 1);
    g_assert_cmpuint (count_state (r, "Bằng khen của Chủ tịch UBND tỉnh", TD_PROPOSAL_REMOVED), ==,
                      1);
    g_assert_cmpuint (count_state (r, "Bằng khen của Chủ tịch UBND tỉnh", TD_PROPOSAL_ADDED), ==,
                      1);
    g_assert_cmpuint (count_state (r, "Bằng khen của Chủ tịch UBND tỉnh", TD_PROPOSAL_PROPOSED), ==,
                      2);
    g_assert_cmpstr (row_at (r, 2)->proposals, ==, "");
    g_assert_cmpstr (row_at (r, 5)->proposals, ==, "Bằng khen của Chủ tịch UBND tỉnh");
    g_assert_nonnull (strstr (row_at (r, 2)->explanation,
                              "; Bằng khen của Chủ tịch UBND tỉnh bị Hội nghị bỏ: Đã được tặng "
                              "năm trước"));
    g_assert_nonnull (strstr (row_at (r, 5)->explanation,
                              "; Bằng khen của Chủ tịch UBND tỉnh được Hội nghị bổ sung: Hội "
                              "nghị thống nhất"));
  }
}

static void
test_quota_inside_shared_rank (void)
{
  g_autoptr (GPtrArray) inputs = new_inputs ();
  g_autoptr (TdRankSettings) settings = td_rank_settings_new ();
  g_autoptr (TdRanking) r = NULL;

  unit (inputs, 1, "A", "99");
  unit (inputs, 2, "B", "95");
  unit (inputs, 3, "C", "95");
  unit (inputs, 4, "D", "80");
  add_rule (settings, 1, "Giấy khen", TD_QUOTA_FIXED, 2, TD_GRADE_GOOD);
  r = td_ranking_compute (inputs, settings);
  g_assert_cmpuint (count_state (r, "Giấy khen", TD_PROPOSAL_PROPOSED), ==, 2);
  g_assert_null (row_at (r, 0)->quota_ties);
  g_assert_cmpstr (row_at (r, 1)->quota_ties, ==, "Giấy khen");
  g_assert_cmpstr (row_at (r, 2)->quota_ties, ==, "Giấy khen");
  g_assert_null (row_at (r, 3)->quota_ties);
  g_assert_cmpstr (row_at (r, 2)->explanation, ==,
                   "Đồng hạng 2: 95 điểm; đồng điểm với B; không tiêu chí phụ nào phân định được; "
                   "xếp loại: Hoàn thành xuất sắc nhiệm vụ; Giấy khen: giới hạn số lượng rơi vào "
                   "nhóm đồng hạng, Hội nghị quyết định");
}

static void
test_explanation (void)
{
  g_autoptr (GPtrArray) inputs = new_inputs ();
  g_autoptr (TdRankSettings) settings = td_rank_settings_new ();
  g_autoptr (TdRanking) ranking = NULL;
  TdRankInput *a = unit (inputs, 1, "Sở Tài chính", "96,5");
  TdRankInput *b = unit (inputs, 2, "Sở Tư pháp", "96,5");

  unit (inputs, 3, "Sở Nội vụ", "98,25");
  td_rank_input_set_section (a, "I", TD_POINTS (38));
  td_rank_input_set_section (b, "I", 3750);
  g_ptr_array_add (settings->tie_breaks, td_tie_break_new (TD_TIE_BREAK_SECTION, "I"));
  g_ptr_array_add (settings->tie_breaks, td_tie_break_new (TD_TIE_BREAK_VOTE, NULL));
  ranking = td_ranking_compute (inputs, settings);
  g_assert_cmpstr (row_at (ranking, 0)->explanation, ==,
                   "Xếp thứ 1: 98,25 điểm; xếp loại: Hoàn thành xuất sắc nhiệm vụ");
  g_assert_cmpstr (row_at (ranking, 1)->explanation, ==,
                   "Xếp thứ 2: 96,5 điểm; đồng điểm với Sở Tư pháp, hơn về điểm mục I (tiêu chí "
                   "quyết định thứ nhất); xếp loại: Hoàn thành xuất sắc nhiệm vụ");
  g_assert_cmpstr (row_at (ranking, 2)->explanation, ==,
                   "Xếp thứ 3: 96,5 điểm; đồng điểm với Sở Tài chính, kém về điểm mục I (tiêu chí "
                   "quyết định thứ nhất); xếp loại: Hoàn thành xuất sắc nhiệm vụ");
  g_assert_false (ranking->needs_vote);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("THIDUA_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ranking/ties-at-several-places", test_ties_at_several_places);
  g_test_add_func ("/ranking/each-rule", test_each_rule);
  g_test_add_func ("/ranking/rules-in-order", test_rules_in_order);
  g_test_add_func ("/ranking/tie-no-rule-breaks", test_tie_no_rule_breaks);
  g_test_add_func ("/ranking/vote", test_vote);
  g_test_add_func ("/ranking/override", test_override);
  g_test_add_func ("/ranking/disqualified", test_disqualified);
  g_test_add_func ("/ranking/grades", test_grades);
  g_test_add_func ("/ranking/grades-fit-the-table", test_grades_fit_the_table);
  g_test_add_func ("/ranking/quotas", test_quotas);
  g_test_add_func ("/ranking/proposals", test_proposals);
  g_test_add_func ("/ranking/quota-inside-shared-rank", test_quota_inside_shared_rank);
  g_test_add_func ("/ranking/explanation", test_explanation);
  return g_test_run ();
}
