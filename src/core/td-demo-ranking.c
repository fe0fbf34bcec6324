/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Demo data, ranking part: the 2024 meeting's rules (tie-breaks by section
 * I then the vote, "xuất sắc" from 94 points, a Giấy khen rule besides the
 * defaults) and two ties for
 * the meeting to see — one section I decides, one only a vote can break.
 *
 * The ties come from a re-assessment ("thẩm định lại") of a criterion or
 * two, computed from whatever scores the criteria demo gave, so the demo
 * stays consistent if those change. */
#include "config.h"

#include "td-demo.h"
#include "td-ranking-store.h"
#include "td-registry.h"
#include "td-scoring.h"

/* Lowers a unit's final total by delta with one assessed entry on a
 * points criterion inside (or outside) the first section.  FALSE when no
 * criterion has enough points to take from. */
static gboolean
lower_points (TdDb *db, TdCriteriaTable *table, TdScores *scores, guint unit, TdPoints delta,
              gboolean in_first_section, gboolean *done, GError **error)
{
  g_autoptr (GArray) sections = td_criteria_table_get_sections (table);
  const TdCriterion *first;

  *done = delta == 0;
  if (delta <= 0 || sections->len < 2)
    return TRUE;
  first = td_criteria_table_get_node (table, g_array_index (sections, gint, 0));
  for (guint n = 0; n < td_criteria_table_get_n_nodes (table); n++)
    {
      const TdCriterion *c = td_criteria_table_get_node (table, (gint)n);
      const TdEntry *entry = td_scores_get_entry (scores, unit, (gint)n, TD_SOURCE_FINAL);
      gboolean inside = (gint)n > first->index && (gint)n < first->subtree_end;
      g_autoptr (TdEntry) lowered = NULL;

      if (inside != in_first_section || c->kind != TD_RULE_STANDARD || c->n_children > 0
          || entry == NULL || entry->points < delta)
        continue;
      lowered = td_entry_copy (entry);
      lowered->id = 0;
      lowered->source = TD_SOURCE_ASSESSED;
      lowered->points -= delta;
      g_free (lowered->evidence);
      lowered->evidence = g_strdup ("Thẩm định lại tại Hội nghị (ví dụ)");
      if (!td_entry_save (db, c, lowered, error))
        return FALSE;
      td_scores_put_entry (scores, unit, (gint)n, TD_SOURCE_ASSESSED, lowered);
      *done = TRUE;
      return TRUE;
    }
  return TRUE;
}

typedef struct
{
  guint index;
  TdPoints total;
  TdPoints first_section;
} Standing;

static gint
by_total_desc (gconstpointer a, gconstpointer b)
{
  const Standing *x = a, *y = b;
  return x->total > y->total ? -1 : x->total < y->total;
}

/* Two ties from whatever the criteria demo scored, independent of which
 * unit got which scores: the top two meet on total (section I decides),
 * and two units further down meet on total and on section I (only the
 * vote can decide). */
static gboolean
make_ties (TdDb *db, TdCriteriaTable *table, TdScores *scores, GError **error)
{
  g_autoptr (GArray) standings = g_array_new (FALSE, FALSE, sizeof (Standing));
  gboolean done;

  for (guint u = 0; u < td_scores_get_n_units (scores); u++)
    {
      const TdUnitTotals *t = td_scores_get_totals (scores, u);
      g_autoptr (GArray) sections = td_scores_section_totals (scores, u, TD_SOURCE_FINAL);
      Standing s = { u, t->table[TD_SOURCE_FINAL].total, 0 };

      if (t->disqualified[TD_SOURCE_FINAL] || sections->len == 0)
        continue;
      s.first_section = g_array_index (sections, TdNodeTotals, 0).total;
      g_array_append_val (standings, s);
    }
  g_array_sort (standings, by_total_desc);
  if (standings->len < 8)
    return TRUE;
  {
    Standing *a = &g_array_index (standings, Standing, 0);
    Standing *b = &g_array_index (standings, Standing, 1);
    if (!lower_points (db, table, scores, a->index, a->total - b->total, FALSE, &done, error))
      return FALSE;
  }
  for (guint i = 4; i < standings->len; i++)
    for (guint j = i + 1; j < standings->len && j <= i + 3; j++)
      {
        Standing *a = &g_array_index (standings, Standing, i);
        Standing *b = &g_array_index (standings, Standing, j);
        TdPoints d_section = a->first_section - b->first_section;
        TdPoints d_total = a->total - b->total;
        gboolean done_section;

        if (d_total <= 0 || d_section < 0 || d_total < d_section)
          continue;
        if (!lower_points (db, table, scores, a->index, d_section, TRUE, &done_section, error))
          return FALSE;
        if (!done_section)
          continue;
        return lower_points (db, table, scores, a->index, d_total - d_section, FALSE, &done, error);
      }
  return TRUE;
}

gboolean
td_demo_add_ranking (TdDb *db, GError **error)
{
  gint64 by = td_ranking_default_bloc_year (db);
  g_autoptr (TdCriteriaTable) table = NULL;
  g_autoptr (TdScores) scores = NULL;
  g_autoptr (GPtrArray) tie_breaks = NULL;
  g_autoptr (GPtrArray) awards = NULL;
  g_autoptr (TdProposalRule) rule = td_proposal_rule_new ();

  if (by == 0)
    return TRUE;
  table = td_criteria_load (db, by, error);
  scores = table ? td_scores_load (db, table, error) : NULL;
  if (scores == NULL)
    return FALSE;

  if (!make_ties (db, table, scores, error))
    return FALSE;

  tie_breaks = g_ptr_array_new_with_free_func ((GDestroyNotify)td_tie_break_free);
  g_ptr_array_add (tie_breaks, td_tie_break_new (TD_TIE_BREAK_SECTION, "I"));
  g_ptr_array_add (tie_breaks, td_tie_break_new (TD_TIE_BREAK_VOTE, NULL));
  if (!td_ranking_set_tie_breaks (db, by, tie_breaks, error))
    return FALSE;
  {
    /* This bloc asks more than the common default for "xuất sắc". */
    TdGradeScale scale = { FALSE, TD_POINTS (94), TD_POINTS (85), TD_POINTS (70), 0 };
    if (!td_ranking_set_grade_scale (db, by, &scale, error))
      return FALSE;
  }

  awards = td_award_list (db, error);
  if (awards == NULL)
    return FALSE;
  for (guint i = 0; i < awards->len; i++)
    {
      TdAward *award = g_ptr_array_index (awards, i);
      if (g_strcmp0 (award->name, "Giấy khen") == 0)
        rule->award_id = award->id;
    }
  rule->quota_kind = TD_QUOTA_FIXED;
  rule->count = 3;
  rule->min_grade = TD_GRADE_GOOD;
  rule->skip_proposed = TRUE;
  if (rule->award_id > 0 && td_ranking_save_proposal_rule (db, by, rule, error) == 0)
    return FALSE;
  /* The year before keeps the same rules, as "start a new year" copies them. */
  {
    TdBlocYear *year = td_registry_get_bloc_year (db, by, NULL);
    gint64 previous
        = year ? td_registry_find_bloc_year (db, year->bloc_id, year->year - 1, NULL) : 0;
    td_bloc_year_free (year);
    if (previous > 0 && !td_ranking_copy_settings (db, by, previous, error))
      return FALSE;
  }
  return TRUE;
}
