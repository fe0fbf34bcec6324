/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Ranking storage: defaults, editing, copying to a new year, votes,
 * overrides and decisions with their audit trail, and "changes since the
 * clerk last looked". */
#include "config.h"

#include "td-criteria.h"
#include "td-demo.h"
#include "td-entries.h"
#include "td-ranking-store.h"
#include "td-registry.h"
#include "td-test-tmp.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

typedef struct
{
  TdDb *db;
  gint64 by1, by2;
  gint64 units[4];
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdBloc) bloc = td_bloc_new ();
  const char *names[] = { "Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính", "Sở Y tế" };
  gint64 bloc_id;

  f->db = td_db_new_memory (&error);
  g_assert_no_error (error);
  bloc->name = g_strdup ("Khối thử");
  bloc_id = td_registry_add_bloc (f->db, bloc, &error);
  g_assert_no_error (error);
  for (guint y = 0; y < 2; y++)
    {
      g_autoptr (TdBlocYear) by = td_bloc_year_new ();
      by->bloc_id = bloc_id;
      by->year = 2024 + (gint)y;
      *(y == 0 ? &f->by1 : &f->by2) = td_registry_add_bloc_year (f->db, by, &error);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (TdUnit) unit = td_unit_new ();
      unit->name = g_strdup (names[i]);
      f->units[i] = td_registry_add_unit (f->db, unit, &error);
      g_assert_no_error (error);
      g_assert_true (td_registry_add_member (f->db, f->by1, f->units[i], &error));
    }
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_assert_finalize_object (f->db);
}

static gint64
audit_count (TdDb *db, const char *table)
{
  g_autofree gchar *sql = g_strdup_printf ("SELECT count(*) FROM audit WHERE tbl = '%s'", table);
  return td_db_query_int (db, sql, -1, NULL);
}

static void
test_defaults_and_catalogue (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdRankSettings) settings = td_ranking_load_settings (f->db, f->by1, &error);
  g_autoptr (GPtrArray) awards = td_award_list (f->db, &error);
  g_autoptr (TdAward) extra = td_award_new ();
  TdProposalRule *flag;

  g_assert_no_error (error);
  g_assert_cmpuint (settings->tie_breaks->len, ==, 3);
  g_assert_cmpint (((TdTieBreak *)g_ptr_array_index (settings->tie_breaks, 2))->kind, ==,
                   TD_TIE_BREAK_VOTE);
  /* Grades in % of the table's standard total by default (a 30-point
   * table grades as a 100-point one). */
  g_assert_true (settings->scale.percent);
  g_assert_cmpint (settings->scale.excellent, ==, 9000);
  g_assert_cmpuint (settings->proposal_rules->len, ==, 2);
  flag = g_ptr_array_index (settings->proposal_rules, 0);
  g_assert_cmpstr (flag->award_name, ==, "Cờ thi đua của UBND tỉnh");
  g_assert_cmpint (flag->quota_kind, ==, TD_QUOTA_BY_MEMBERS);
  g_assert_cmpint (flag->id, ==, 0); /* not saved yet */
  /* Reading the defaults wrote nothing. */
  g_assert_cmpint (td_db_query_int (f->db, "SELECT count(*) FROM proposal_rule", -1, NULL), ==, 0);

  g_assert_cmpuint (awards->len, ==, 5);
  g_assert_cmpstr (((TdAward *)g_ptr_array_index (awards, 4))->name, ==, "Giấy khen");

  g_free (extra->name);
  extra->name = g_strdup ("Giấy khen");
  g_assert_cmpint (td_award_save (f->db, extra, &error), ==, 0);
  g_assert_error (error, TD_ERROR, TD_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_free (extra->name);
  extra->name = g_strdup ("Cờ thi đua của Chính phủ");
  extra->title = TRUE;
  g_assert_cmpint (td_award_save (f->db, extra, &error), >, 0);
  g_assert_no_error (error);

  /* A rule in use keeps its award. */
  g_assert_true (td_ranking_ensure_settings (f->db, f->by1, &error));
  g_assert_no_error (error);
  /* The defaults saved are the ones shown: in percent. */
  g_assert_cmpint (td_db_query_int (f->db,
                                    "SELECT grade_unit = 'percent' AND excellent = 9000"
                                    " FROM ranking_settings",
                                    -1, NULL),
                   ==, 1);
  g_assert_false (td_award_delete (f->db, flag->award_id, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_CONSTRAINT);
}

static void
test_edit_and_copy (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rules = g_ptr_array_new_with_free_func ((GDestroyNotify)td_tie_break_free);
  TdGradeScale scale = { TRUE, 8500, 7000, 5000, 0 };
  TdGradeScale bad = { FALSE, 6000, 7000, 5000, 0 };
  g_autoptr (TdRankSettings) s1 = NULL;
  g_autoptr (TdRankSettings) s2 = NULL;
  g_autoptr (TdProposalRule) rule = td_proposal_rule_new ();
  g_autoptr (GPtrArray) awards = td_award_list (f->db, &error);

  g_ptr_array_add (rules, td_tie_break_new (TD_TIE_BREAK_SECTION, ""));
  g_assert_false (td_ranking_set_tie_breaks (f->db, f->by1, rules, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_clear_error (&error);
  g_free (((TdTieBreak *)g_ptr_array_index (rules, 0))->section_code);
  ((TdTieBreak *)g_ptr_array_index (rules, 0))->section_code = g_strdup ("II");
  g_ptr_array_add (rules, td_tie_break_new (TD_TIE_BREAK_AGREEMENT, NULL));
  g_assert_true (td_ranking_set_tie_breaks (f->db, f->by1, rules, &error));
  g_assert_no_error (error);

  g_assert_false (td_ranking_set_grade_scale (f->db, f->by1, &bad, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (td_ranking_set_grade_scale (f->db, f->by1, &scale, &error));

  rule->award_id = ((TdAward *)g_ptr_array_index (awards, 4))->id;
  rule->quota_kind = TD_QUOTA_FIXED;
  rule->count = 4;
  rule->min_grade = TD_GRADE_GOOD;
  rule->rank_from = 3;
  g_assert_cmpint (td_ranking_save_proposal_rule (f->db, f->by1, rule, &error), >, 0);
  g_assert_no_error (error);

  s1 = td_ranking_load_settings (f->db, f->by1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (s1->tie_breaks->len, ==, 2);
  g_assert_cmpstr (((TdTieBreak *)g_ptr_array_index (s1->tie_breaks, 0))->section_code, ==, "II");
  g_assert_true (s1->scale.percent);
  g_assert_cmpint (s1->scale.excellent, ==, 8500);
  g_assert_cmpuint (s1->proposal_rules->len, ==, 3); /* two defaults + Giấy khen */
  g_assert_cmpstr (((TdProposalRule *)g_ptr_array_index (s1->proposal_rules, 2))->award_name, ==,
                   "Giấy khen");

  /* "No self-score: not graded": nobody scored here, so nobody is ranked. */
  g_assert_true (td_ranking_set_require_self_score (f->db, f->by1, TRUE, &error));
  g_assert_no_error (error);
  {
    g_autoptr (TdRanking) r = td_ranking_load (f->db, f->by1, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (r->n_ranked, ==, 0);
    g_assert_cmpstr (((TdRankRow *)g_ptr_array_index (r->rows, 0))->explanation, ==,
                     "Không xếp hạng: Không gửi bản tự chấm điểm (không xếp loại theo quy "
                     "định của Khối)");
  }

  /* The next year starts with the same settings, and its own rule rows. */
  g_assert_true (td_ranking_set_votes (f->db, f->by1, f->units[0], 3, &error));
  g_assert_true (td_ranking_copy_settings (f->db, f->by1, f->by2, &error));
  g_assert_no_error (error);
  s2 = td_ranking_load_settings (f->db, f->by2, &error);
  g_assert_cmpuint (s2->tie_breaks->len, ==, 2);
  g_assert_cmpint (s2->scale.excellent, ==, 8500);
  g_assert_true (s2->require_self_score);
  g_assert_cmpuint (s2->proposal_rules->len, ==, 3);
  g_assert_cmpint (((TdProposalRule *)g_ptr_array_index (s2->proposal_rules, 2))->rank_from, ==, 3);
  g_assert_cmpint (((TdProposalRule *)g_ptr_array_index (s2->proposal_rules, 2))->id, !=,
                   ((TdProposalRule *)g_ptr_array_index (s1->proposal_rules, 2))->id);
  g_assert_cmpint (td_db_query_int (f->db, "SELECT count(*) FROM ranking_vote", -1, NULL), ==, 1);
}

static void
test_votes_overrides_decisions (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  TdRankSettings *settings = NULL;
  g_autoptr (TdRanking) ranking = NULL;
  g_autoptr (TdRanking) again = NULL;
  gint64 rule_id;

  g_assert_true (td_ranking_set_votes (f->db, f->by1, f->units[1], 5, &error));
  g_assert_true (td_ranking_set_votes (f->db, f->by1, f->units[1], 6, &error));
  g_assert_cmpint (audit_count (f->db, "ranking_vote"), ==, 2);

  g_assert_false (td_ranking_set_override (f->db, f->by1, f->units[3], 1, "  ", &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (audit_count (f->db, "ranking_override"), ==, 0);
  g_assert_true (
      td_ranking_set_override (f->db, f->by1, f->units[3], 1, "Hội nghị thống nhất", &error));
  g_assert_no_error (error);
  g_assert_cmpint (audit_count (f->db, "ranking_override"), ==, 1);

  ranking = td_ranking_load (f->db, f->by1, &settings, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ranking->rows->len, ==, 4);
  g_assert_cmpint (((TdRankRow *)g_ptr_array_index (ranking->rows, 0))->input->unit_id, ==,
                   f->units[3]);
  g_assert_cmpint (td_ranking_find_unit (ranking, f->units[1])->input->votes, ==, 6);
  g_assert_nonnull (strstr (((TdRankRow *)g_ptr_array_index (ranking->rows, 0))->explanation,
                            "Hội nghị thống nhất"));

  /* Decisions refer to saved rules. */
  g_assert_true (td_ranking_ensure_settings (f->db, f->by1, &error));
  rule_id = td_db_query_int (f->db, "SELECT min (id) FROM proposal_rule", 0, NULL);
  g_assert_false (
      td_ranking_set_decision (f->db, rule_id, f->units[0], TD_DECISION_ADD, "", &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (td_ranking_set_decision (f->db, rule_id, f->units[0], TD_DECISION_ADD,
                                          "Được Hội nghị suy tôn", &error));
  g_assert_true (td_ranking_set_decision (f->db, rule_id, f->units[0], TD_DECISION_ADD,
                                          "Được Hội nghị suy tôn (sửa)", &error));
  g_assert_cmpint (td_db_query_int (f->db, "SELECT count(*) FROM proposal_decision", -1, NULL), ==,
                   1);
  g_assert_cmpint (audit_count (f->db, "proposal_decision"), ==, 2);
  again = td_ranking_load (f->db, f->by1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (td_ranking_find_unit (again, f->units[0])->proposals, ==,
                   "Cờ thi đua của UBND tỉnh");
  g_assert_true (td_ranking_clear_decision (f->db, rule_id, f->units[0], &error));
  g_assert_true (td_ranking_clear_override (f->db, f->by1, f->units[3], &error));
  g_assert_cmpint (audit_count (f->db, "ranking_override"), ==, 2);
}

static void
test_changes_since_seen (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdRanking) first = NULL;
  g_autoptr (TdRanking) second = NULL;
  g_autoptr (GPtrArray) changes = NULL;
  gboolean seen = TRUE;

  /* Equal totals: the meeting's vote orders the units 1 to 4. */
  for (guint i = 0; i < 4; i++)
    g_assert_true (td_ranking_set_votes (f->db, f->by1, f->units[i], 10 - (gint)i, &error));
  first = td_ranking_load (f->db, f->by1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (td_ranking_find_unit (first, f->units[2])->rank, ==, 3);

  changes = td_ranking_changes_since_seen (f->db, f->by1, first, &seen, &error);
  g_assert_no_error (error);
  g_assert_false (seen);
  g_assert_cmpuint (changes->len, ==, 0);
  g_clear_pointer (&changes, g_ptr_array_unref);

  g_assert_true (td_ranking_mark_seen (f->db, f->by1, first, &error));
  g_assert_true (td_ranking_set_override (f->db, f->by1, f->units[2], 1, "Thử", &error));
  second = td_ranking_load (f->db, f->by1, NULL, &error);
  changes = td_ranking_changes_since_seen (f->db, f->by1, second, &seen, &error);
  g_assert_no_error (error);
  g_assert_true (seen);
  g_assert_cmpuint (changes->len, >=, 1);
  {
    gboolean found = FALSE;
    for (guint i = 0; i < changes->len; i++)
      {
        TdRankChange *c = g_ptr_array_index (changes, i);
        if (c->unit_id == f->units[2])
          {
            found = TRUE;
            g_assert_cmpint (c->new_rank, ==, 1);
            g_assert_cmpint (c->old_rank, ==, 3);
          }
      }
    g_assert_true (found);
  }
}

static void
test_demo (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree gchar *dir = td_test_make_tmp_dir ("td-ranking-XXXXXX");
  g_autofree gchar *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr (TdDb) db = td_demo_create (path, &error);
  gint64 by;
  g_autoptr (TdRanking) ranking = NULL;

  g_assert_no_error (error);
  by = td_db_query_int (db, "SELECT max (id) FROM bloc_year", 0, NULL);
  ranking = td_ranking_load (db, by, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ranking->rows->len, >, 5);
  /* The demo shows the meeting's cases: a tie section I decides at the
   * top, a tie only the vote can break, a unit not graded (last), grades
   * from the bloc's own thresholds and proposals. */
  {
    const TdRankRow *first = g_ptr_array_index (ranking->rows, 0);
    const TdRankRow *second = g_ptr_array_index (ranking->rows, 1);
    const TdRankRow *last = g_ptr_array_index (ranking->rows, ranking->rows->len - 1);
    gboolean good = FALSE;

    g_assert_cmpint (first->input->final_total, ==, second->input->final_total);
    g_assert_cmpint (first->decided_by, ==, 0);
    g_assert_nonnull (strstr (first->explanation, "điểm mục I"));
    g_assert_true (ranking->needs_vote);
    g_assert_true (last->input->disqualified);
    g_assert_cmpint (last->rank, ==, 0);
    g_assert_cmpstr (first->proposals, ==, "Cờ thi đua của UBND tỉnh");
    for (guint i = 0; i < ranking->n_ranked; i++)
      good |= ((TdRankRow *)g_ptr_array_index (ranking->rows, i))->grade == TD_GRADE_GOOD;
    g_assert_true (good);
    g_assert_true (first->input->scored);
    g_assert_true (first->input->has_assessed);
  }
  /* An export that loaded the table and scores already ranks from them,
   * with the same result as loading afresh. */
  {
    g_autoptr (TdCriteriaTable) table = td_criteria_load (db, by, &error);
    g_autoptr (TdScores) scores = NULL;
    g_autoptr (TdRanking) again = NULL;

    g_assert_no_error (error);
    scores = td_scores_load (db, table, &error);
    g_assert_no_error (error);
    again = td_ranking_load_with_scores (db, by, table, scores, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (again->rows->len, ==, ranking->rows->len);
    g_assert_cmpuint (again->n_ranked, ==, ranking->n_ranked);
    g_assert_cmpint (again->needs_vote, ==, ranking->needs_vote);
    for (guint i = 0; i < ranking->rows->len; i++)
      {
        const TdRankRow *a = g_ptr_array_index (ranking->rows, i);
        const TdRankRow *b = g_ptr_array_index (again->rows, i);

        g_assert_cmpint (b->input->unit_id, ==, a->input->unit_id);
        g_assert_cmpint (b->input->final_total, ==, a->input->final_total);
        g_assert_cmpint (b->input->disqualified, ==, a->input->disqualified);
        g_assert_cmpint (b->rank, ==, a->rank);
        g_assert_cmpint (b->grade, ==, a->grade);
        g_assert_cmpint (b->decided_by, ==, a->decided_by);
        g_assert_cmpstr (b->proposals, ==, a->proposals);
      }
  }
  td_db_close (db);
  g_clear_object (&db);
}

/* Starting a new year from the registry copies the ranking rules with it. */
static void
test_new_year_copies_rules (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) db = td_db_new_memory (&error);
  g_autoptr (TdRankSettings) old_rules = NULL;
  g_autoptr (TdRankSettings) new_rules = NULL;
  gint64 by_2024, by_2025;

  g_assert_true (td_demo_populate (db, &error));
  by_2024 = td_registry_find_bloc_year (db, 1, 2024, &error);
  by_2025 = td_registry_start_new_year (db, 1, 2025, &error);
  g_assert_no_error (error);
  old_rules = td_ranking_load_settings (db, by_2024, &error);
  new_rules = td_ranking_load_settings (db, by_2025, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (new_rules->tie_breaks->len, ==, old_rules->tie_breaks->len);
  g_assert_cmpuint (new_rules->proposal_rules->len, ==, old_rules->proposal_rules->len);
  g_assert_cmpint (new_rules->scale.excellent, ==, old_rules->scale.excellent);
  /* The demo's 2024 rules differ from the defaults: they really were copied. */
  g_assert_cmpint (old_rules->scale.excellent, ==, 9400);
  g_assert_cmpuint (new_rules->overrides->len, ==, 0);
}

/* --- stored totals --------------------------------------------------------- */

static void
assert_same_inputs (GPtrArray *a, GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      const TdRankInput *x = g_ptr_array_index (a, i);
      const TdRankInput *y = g_ptr_array_index (b, i);

      g_assert_cmpint (x->unit_id, ==, y->unit_id);
      g_assert_cmpstr (x->name, ==, y->name);
      g_assert_cmpint (x->final_total, ==, y->final_total);
      g_assert_cmpint (x->self_total, ==, y->self_total);
      g_assert_cmpint (x->assessed_total, ==, y->assessed_total);
      g_assert_cmpint (x->has_assessed, ==, y->has_assessed);
      g_assert_cmpint (x->bonus, ==, y->bonus);
      g_assert_cmpint (x->deduction, ==, y->deduction);
      g_assert_cmpint (x->disagreement, ==, y->disagreement);
      g_assert_cmpint (x->votes, ==, y->votes);
      g_assert_cmpint (x->scored, ==, y->scored);
      g_assert_cmpint (x->has_self, ==, y->has_self);
      g_assert_cmpint (x->disqualified, ==, y->disqualified);
      g_assert_cmpstr (x->disqualified_reason, ==, y->disqualified_reason);
      g_assert_cmpuint (x->sections->len, ==, y->sections->len);
      for (guint k = 0; k < x->sections->len; k++)
        {
          const TdRankSection *s = &g_array_index (x->sections, TdRankSection, k);
          const TdRankSection *t = &g_array_index (y->sections, TdRankSection, k);
          g_assert_cmpstr (s->code, ==, t->code);
          g_assert_cmpint (s->points, ==, t->points);
        }
    }
}

static TdRanking *
rank_inputs (TdDb *db, gint64 by, GPtrArray *inputs, TdPoints standard)
{
  g_autoptr (GError) error = NULL;
  TdRankSettings *settings = td_ranking_load_settings (db, by, &error);
  TdRanking *ranking;

  g_assert_no_error (error);
  settings->scale.standard_total = standard;
  ranking = td_ranking_compute (inputs, settings);
  ranking->owned_settings = settings;
  return ranking;
}

/* The ranking read through the stored totals equals the one computed from
 * the entries: once when they are stored by this read, once when read
 * back.  Returns the unit's final total (0 when absent) so a test can see
 * that the change it made really changed something. */
static TdPoints
check_stored (TdDb *db, gint64 by, gint64 unit_id)
{
  g_autoptr (GError) error = NULL;
  TdPoints std_fresh = 0, std_store = 0, std_read = 0, result = 0;
  g_autoptr (GPtrArray) fresh = td_ranking_compute_inputs (db, by, &std_fresh, &error);
  g_autoptr (GPtrArray) stored = NULL;
  g_autoptr (GPtrArray) read = NULL;
  g_autoptr (TdRanking) r_fresh = NULL;
  g_autoptr (TdRanking) r_read = NULL;

  g_assert_no_error (error);
  g_assert_false (td_ranking_has_stored_totals (db, by));
  stored = td_ranking_load_inputs (db, by, &std_store, &error);
  g_assert_no_error (error);
  g_assert_true (td_ranking_has_stored_totals (db, by));
  read = td_ranking_load_inputs (db, by, &std_read, &error);
  g_assert_no_error (error);
  g_assert_cmpint (std_fresh, ==, std_store);
  g_assert_cmpint (std_fresh, ==, std_read);
  assert_same_inputs (fresh, stored);
  assert_same_inputs (fresh, read);

  /* The ranks, grades and explanations too. */
  r_fresh = rank_inputs (db, by, g_steal_pointer (&fresh), std_fresh);
  r_read = rank_inputs (db, by, g_steal_pointer (&read), std_read);
  g_assert_cmpuint (r_fresh->rows->len, ==, r_read->rows->len);
  for (guint i = 0; i < r_fresh->rows->len; i++)
    {
      const TdRankRow *a = g_ptr_array_index (r_fresh->rows, i);
      const TdRankRow *b = g_ptr_array_index (r_read->rows, i);
      g_assert_cmpint (a->input->unit_id, ==, b->input->unit_id);
      g_assert_cmpint (a->rank, ==, b->rank);
      g_assert_cmpint (a->grade, ==, b->grade);
      g_assert_cmpint (a->input->final_total, ==, b->input->final_total);
      g_assert_cmpstr (a->proposals, ==, b->proposals);
      g_assert_cmpstr (a->explanation, ==, b->explanation);
      if (a->input->unit_id == unit_id)
        result = a->input->final_total;
    }
  return result;
}

static gint64
first_of_kind (TdCriteriaTable *table, TdRuleKind kind)
{
  for (guint n = 0; n < td_criteria_table_get_n_nodes (table); n++)
    if (td_criteria_table_get_node (table, (gint)n)->kind == kind)
      return td_criteria_table_get_node (table, (gint)n)->id;
  return 0;
}

static void
test_stored_totals (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) db = td_db_new_memory (&error);
  g_autoptr (TdCriteriaTable) table = NULL;
  g_autoptr (TdEntry) old_entry = NULL;
  g_autoptr (GPtrArray) members = NULL;
  TdCriterion *crit;
  gint64 by, other, crit_id, unit, token, bloc_id, next_year;
  TdPoints before, after;

  g_assert_true (td_demo_populate (db, &error));
  /* The bloc-year with the most entries, and another one. */
  by = td_db_query_int (
      db,
      "SELECT t.bloc_year_id FROM criteria_table t"
      " JOIN criterion c ON c.table_id = t.id JOIN entry e ON e.criterion_id = c.id"
      " GROUP BY 1 ORDER BY count (*) DESC LIMIT 1",
      0, NULL);
  other = td_db_query_int (db, "SELECT min (id) FROM bloc_year", 0, NULL);
  if (other == by)
    other = td_db_query_int (db, "SELECT max (id) FROM bloc_year", 0, NULL);
  g_assert_cmpint (by, >, 0);
  g_assert_cmpint (other, !=, by);
  members = td_registry_list_members (db, by, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (members->len, >, 2);
  unit = ((TdMember *)g_ptr_array_index (members, 0))->unit_id;

  before = check_stored (db, by, unit);
  check_stored (db, other, 0);

  /* An entry edited: a STANDARD criterion scored lower by the assessors. */
  table = td_criteria_load (db, by, &error);
  g_assert_no_error (error);
  crit_id = first_of_kind (table, TD_RULE_STANDARD);
  g_assert_cmpint (crit_id, >, 0);
  crit = td_criteria_table_get_node (table, td_criteria_table_find (table, crit_id));
  {
    g_autoptr (TdEntry) e = td_entry_new (unit, crit_id, TD_SOURCE_ASSESSED);
    g_autoptr (TdEntry) cur = td_entry_load (db, unit, crit_id, TD_SOURCE_ASSESSED, &error);
    e->points = cur && cur->points > 0 ? 0 : crit->standard;
    g_assert_true (td_entry_save (db, crit, e, &error));
    g_assert_no_error (error);
  }
  g_assert_true (td_ranking_has_stored_totals (db, other)); /* only its own bloc-year */
  after = check_stored (db, by, unit);
  g_assert_cmpint (after, !=, before);

  /* An entry deleted, and put back (Undo). */
  g_assert_true (td_entry_delete (db, unit, crit_id, TD_SOURCE_ASSESSED, &old_entry, &error));
  g_assert_no_error (error);
  before = after;
  after = check_stored (db, by, unit);
  g_assert_cmpint (after, !=, before);
  old_entry->id = 0;
  g_assert_true (td_entry_save (db, crit, old_entry, &error));
  g_assert_cmpint (check_stored (db, by, unit), ==, before);

  /* A rule changed: more standard points for the criterion. */
  {
    g_autoptr (TdCriterion) copy = td_criterion_copy (crit);
    copy->standard += TD_POINTS (3);
    g_assert_true (td_criteria_update (db, copy, &error));
    g_assert_no_error (error);
  }
  check_stored (db, by, unit);

  /* The table's caps and total. */
  g_assert_true (td_criteria_set_table_info (db, by, table->title, table->total + TD_POINTS (5),
                                             table->bonus_cap, TD_POINTS (1), &error));
  g_assert_no_error (error);
  check_stored (db, by, unit);

  /* A section moved (the tie-break keys change order), then deleted and
   * restored by Undo. */
  {
    g_autoptr (GArray) sections = td_criteria_table_get_sections (table);
    gint64 first = td_criteria_table_get_node (table, g_array_index (sections, gint, 0))->id;

    g_assert_cmpuint (sections->len, >, 1);
    g_assert_true (td_criteria_move_down (db, first, &error));
    g_assert_no_error (error);
    check_stored (db, by, unit);
    token = td_criteria_delete (db, first, &error);
    g_assert_no_error (error);
    g_assert_cmpint (token, >, 0);
    before = after;
    check_stored (db, by, unit);
    g_assert_true (td_criteria_undelete (db, token, &error));
    g_assert_no_error (error);
    check_stored (db, by, unit);
  }

  /* A criterion added. */
  {
    g_autoptr (TdCriterion) extra = td_criterion_new (TD_RULE_BONUS_POINTS);
    g_free (extra->title);
    extra->title = g_strdup ("Thêm");
    extra->rate = TD_POINTS (2);
    g_assert_cmpint (td_criteria_add (db, by, 0, -1, extra, &error), >, 0);
    g_assert_no_error (error);
    check_stored (db, by, unit);
  }

  /* Options of a rule changed. */
  crit_id = first_of_kind (table, TD_RULE_OPTIONS);
  if (crit_id > 0)
    {
      g_autoptr (TdCriterion) copy = td_criterion_copy (
          td_criteria_table_get_node (table, td_criteria_table_find (table, crit_id)));
      td_criterion_add_option (copy, "Thêm", TD_POINTS (1));
      g_assert_true (td_criteria_update (db, copy, &error));
      g_assert_no_error (error);
      check_stored (db, by, unit);
    }

  /* Votes are not stored: a new vote shows at once. */
  g_assert_true (td_ranking_set_votes (db, by, unit, 7, &error));
  g_assert_no_error (error);
  g_assert_true (td_ranking_has_stored_totals (db, by));
  td_ranking_forget_totals (db, by, &error);
  g_assert_no_error (error);
  check_stored (db, by, unit);
  {
    g_autoptr (GPtrArray) inputs = td_ranking_load_inputs (db, by, NULL, &error);
    for (guint i = 0; i < inputs->len; i++)
      if (((TdRankInput *)g_ptr_array_index (inputs, i))->unit_id == unit)
        g_assert_cmpint (((TdRankInput *)g_ptr_array_index (inputs, i))->votes, ==, 7);
  }

  /* A member added, and removed (a unit with scores cannot be). */
  {
    g_autoptr (TdUnit) newcomer = td_unit_new ();
    g_autoptr (GPtrArray) with = NULL;
    g_autoptr (GPtrArray) without = NULL;
    gint64 id;

    newcomer->name = g_strdup ("Sở Mới");
    id = td_registry_add_unit (db, newcomer, &error);
    g_assert_no_error (error);
    g_assert_true (td_registry_add_member (db, by, id, &error));
    g_assert_no_error (error);
    check_stored (db, by, id);
    with = td_ranking_load_inputs (db, by, NULL, &error);
    g_assert_cmpuint (with->len, ==, members->len + 1);
    g_assert_true (td_registry_remove_member (db, by, id, &error));
    g_assert_no_error (error);
    check_stored (db, by, id);
    without = td_ranking_load_inputs (db, by, NULL, &error);
    g_assert_cmpuint (without->len, ==, members->len);
  }

  /* A new year: its criteria are copied, the old year's totals stay. */
  {
    g_autofree gchar *sql
        = g_strdup_printf ("SELECT bloc_id FROM bloc_year WHERE id = %" G_GINT64_FORMAT, by);
    bloc_id = td_db_query_int (db, sql, 0, NULL);
    next_year = td_db_query_int (db, "SELECT max (year) FROM bloc_year", 0, NULL) + 1;
  }
  {
    gint64 by2 = td_registry_start_new_year (db, bloc_id, (gint)next_year, &error);
    g_autoptr (TdCriteriaTable) table2 = NULL;
    g_autoptr (TdEntry) e = NULL;

    g_assert_no_error (error);
    g_assert_true (td_ranking_has_stored_totals (db, by));
    check_stored (db, by2, unit);
    table2 = td_criteria_load (db, by2, &error);
    crit_id = first_of_kind (table2, TD_RULE_STANDARD);
    crit = td_criteria_table_get_node (table2, td_criteria_table_find (table2, crit_id));
    e = td_entry_new (unit, crit_id, TD_SOURCE_SELF);
    e->points = crit->standard;
    g_assert_true (td_entry_save (db, crit, e, &error));
    g_assert_no_error (error);
    g_assert_true (td_ranking_has_stored_totals (db, by));
    g_assert_cmpint (check_stored (db, by2, unit), ==, crit->standard);
  }
}

/* A read-only file is ranked from the entries, nothing stored. */
static void
test_stored_totals_read_only (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree gchar *dir = td_test_make_tmp_dir ("td-ranking-XXXXXX");
  g_autofree gchar *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr (TdDb) db = td_demo_create (path, &error);
  g_autoptr (TdDb) ro = NULL;
  g_autoptr (GPtrArray) inputs = NULL;
  g_autoptr (GPtrArray) fresh = NULL;
  gint64 by;

  g_assert_no_error (error);
  by = td_db_query_int (db, "SELECT max (id) FROM bloc_year", 0, NULL);
  td_ranking_forget_totals (db, 0, &error);
  g_assert_no_error (error);
  td_db_close (db);
  g_clear_object (&db);
  ro = td_db_open (path, TD_DB_OPEN_READ_ONLY | TD_DB_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  inputs = td_ranking_load_inputs (ro, by, NULL, &error);
  g_assert_no_error (error);
  fresh = td_ranking_compute_inputs (ro, by, NULL, &error);
  g_assert_no_error (error);
  assert_same_inputs (inputs, fresh);
  g_assert_false (td_ranking_has_stored_totals (ro, by));
  td_db_close (ro);
  g_clear_object (&ro);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("THIDUA_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/ranking-store/defaults-and-catalogue", Fixture, NULL, fixture_set_up,
              test_defaults_and_catalogue, fixture_tear_down);
  g_test_add ("/ranking-store/edit-and-copy", Fixture, NULL, fixture_set_up, test_edit_and_copy,
              fixture_tear_down);
  g_test_add ("/ranking-store/votes-overrides-decisions", Fixture, NULL, fixture_set_up,
              test_votes_overrides_decisions, fixture_tear_down);
  g_test_add ("/ranking-store/changes-since-seen", Fixture, NULL, fixture_set_up,
              test_changes_since_seen, fixture_tear_down);
  g_test_add_func ("/ranking-store/demo", test_demo);
  g_test_add_func ("/ranking-store/new-year-copies-rules", test_new_year_copies_rules);
  g_test_add_func ("/ranking-store/stored-totals", test_stored_totals);
  g_test_add_func ("/ranking-store/stored-totals-read-only", test_stored_totals_read_only);
  return g_test_run ();
}
