/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Ranking from storage: the members' totals as the ranking engine takes
 * them (kept in rank_totals between changes), the ranking of a bloc-year
 * with its stored rules, and the "last seen" snapshot that tells the clerk
 * what moved.  The rules themselves are in td-ranking-rules.c. */
#include "config.h"

#include "td-query.h"
#include "td-ranking-store.h"
#include "td-record.h"
#include "td-registry.h"
#include "td-scoring.h"

#include <glib/gi18n-lib.h>

static const gsize change_texts[] = { G_STRUCT_OFFSET (TdRankChange, name), TD_RECORD_END };

TD_RECORD_DEFINE_FREE (TdRankChange, td_rank_change_free, change_texts);

/* --- the adapter ---------------------------------------------------------- */

static gboolean
load_votes (TdDb *db, gint64 bloc_year_id, GPtrArray *inputs, GError **error)
{
  sqlite3_stmt *stmt
      = td_query_prepare (db, "SELECT unit_id, votes FROM ranking_vote WHERE bloc_year_id = ?",
                          error, "x", bloc_year_id);
  TdStep r;

  if (stmt == NULL)
    return FALSE;
  while ((r = td_db_step (db, stmt, error)) == TD_STEP_ROW)
    for (guint i = 0; i < inputs->len; i++)
      {
        TdRankInput *in = g_ptr_array_index (inputs, i);
        if (in->unit_id == sqlite3_column_int64 (stmt, 0))
          in->votes = sqlite3_column_int (stmt, 1);
      }
  return r == TD_STEP_DONE;
}

/* --- the stored totals ------------------------------------------------------
 *
 * Ranking a bloc-year needs every member's totals, and computing them reads
 * every entry of the year's table (16,000 rows for one bloc, 240,000 for a
 * province's year).  The totals are kept in rank_totals, one row per
 * bloc-year, and the schema's triggers (step 7) delete a bloc-year's row
 * whenever an entry, a criterion, an option, the criteria table or the
 * membership of that bloc-year changes: no C path has to remember to
 * invalidate it.  A missing row is computed from scratch and stored again.
 *
 * The row holds a GVariant of type RANK_TOTALS_TYPE:
 *   standard total, section keys,
 *   per unit (every unit of the sheet: members and former members with
 *   scores): unit id, flags, final/self/assessed totals, bonus, deduction,
 *   disagreement, section totals, the disqualifying criterion's code and
 *   title.
 * Both paths (cached and fresh) fill the inputs from this value, so they
 * cannot differ.  The format key carries the program version: totals
 * computed by another build of the scoring code are never trusted. */

#define RANK_TOTALS_TYPE "(xasa(xuxxxxxxaxss))"
#define RANK_TOTALS_FORMAT "2:" PACKAGE_VERSION

enum
{
  RANK_SCORED = 1 << 0,
  RANK_HAS_SELF = 1 << 1,
  RANK_HAS_ASSESSED = 1 << 2,
  RANK_DISQUALIFIED = 1 << 3,
  RANK_DISQUALIFIED_BY = 1 << 4, /* the code and title name the criterion */
  RANK_HAS_AGREED = 1 << 5,      /* the meeting agreed some of its points */
};

/* Section code for tie-break rules: the printed code ("I"), else the title. */
static const char *
section_key (const TdCriterion *node)
{
  return node->code != NULL && *node->code != '\0' ? node->code : node->title;
}

/* The totals of a bloc-year computed from scratch, as a GVariant: from
 * @given_table and @given_scores when the caller has them already (an
 * export that shows the scores too), else loaded here. */
static GVariant *
compute_totals (TdDb *db, gint64 bloc_year_id, TdCriteriaTable *given_table, TdScores *given_scores,
                GError **error)
{
  g_autoptr (TdCriteriaTable) loaded_table = NULL;
  g_autoptr (TdScores) loaded_scores = NULL;
  TdCriteriaTable *table = given_table;
  TdScores *scores = given_scores;
  g_autoptr (GArray) sections = NULL;
  GVariantBuilder keys, units;
  guint n_units;

  if (table == NULL || scores == NULL)
    {
      table = loaded_table = td_criteria_load (db, bloc_year_id, error);
      if (table == NULL)
        return NULL;
      scores = loaded_scores = td_scores_load (db, table, error);
      if (scores == NULL)
        return NULL;
    }
  sections = td_criteria_table_get_sections (table);

  g_variant_builder_init (&keys, G_VARIANT_TYPE_STRING_ARRAY);
  for (guint k = 0; k < sections->len; k++)
    g_variant_builder_add (
        &keys, "s",
        section_key (td_criteria_table_get_node (table, g_array_index (sections, gint, k))));

  g_variant_builder_init (&units, G_VARIANT_TYPE ("a(xuxxxxxxaxss)"));
  n_units = td_scores_get_n_units (scores);
  for (guint u = 0; u < n_units; u++)
    {
      const TdUnitTotals *t = td_scores_get_totals (scores, u);
      g_autoptr (GArray) section_totals = td_scores_section_totals (scores, u, TD_SOURCE_FINAL);
      const TdCriterion *by = NULL;
      GVariantBuilder points;
      guint flags = 0;

      if (t->n_entries[TD_SOURCE_SELF] + t->n_entries[TD_SOURCE_ASSESSED] > 0)
        flags |= RANK_SCORED;
      if (t->n_entries[TD_SOURCE_SELF] > 0)
        flags |= RANK_HAS_SELF;
      if (t->n_entries[TD_SOURCE_ASSESSED] > 0)
        flags |= RANK_HAS_ASSESSED;
      if (td_scores_unit_has_agreed (scores, u))
        flags |= RANK_HAS_AGREED;
      if (t->disqualified[TD_SOURCE_FINAL])
        {
          flags |= RANK_DISQUALIFIED;
          /* As td_unit_totals_dup_disqualified_reason: no reason without
           * a criterion to name. */
          if (t->disqualified_by[TD_SOURCE_FINAL] >= 0
              && (guint)t->disqualified_by[TD_SOURCE_FINAL] < table->nodes->len)
            {
              by = td_criteria_table_get_node (table, t->disqualified_by[TD_SOURCE_FINAL]);
              flags |= RANK_DISQUALIFIED_BY;
            }
        }
      g_variant_builder_init (&points, G_VARIANT_TYPE ("ax"));
      for (guint k = 0; k < sections->len && k < section_totals->len; k++)
        g_variant_builder_add (&points, "x", g_array_index (section_totals, TdNodeTotals, k).total);
      g_variant_builder_add (&units, "(xuxxxxxxaxss)", td_scores_get_unit_id (scores, u), flags,
                             t->table[TD_SOURCE_FINAL].total, t->table[TD_SOURCE_SELF].total,
                             t->table[TD_SOURCE_ASSESSED].total, t->table[TD_SOURCE_FINAL].bonus,
                             t->table[TD_SOURCE_FINAL].deduction,
                             td_scores_agreement (scores, u).sum_abs_delta, &points,
                             by && by->code ? by->code : "", by && by->title ? by->title : "");
    }
  return g_variant_ref_sink (g_variant_new (
      "(xasa(xuxxxxxxaxss))", table->total > 0 ? table->total : TD_POINTS (100), &keys, &units));
}

/* The stored totals, NULL when there are none (or they cannot be read). */
static GVariant *
read_totals (TdDb *db, gint64 bloc_year_id)
{
  sqlite3_stmt *stmt = td_query_prepare (
      db, "SELECT totals FROM rank_totals WHERE bloc_year_id = ? AND format = ?", NULL, "xs",
      bloc_year_id, RANK_TOTALS_FORMAT);
  g_autoptr (GBytes) bytes = NULL;
  GVariant *value;

  if (stmt == NULL)
    return NULL;
  if (td_db_step (db, stmt, NULL) != TD_STEP_ROW)
    return NULL;
  bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), (gsize)sqlite3_column_bytes (stmt, 0));
  sqlite3_reset (stmt);
  value = g_variant_ref_sink (
      g_variant_new_from_bytes (G_VARIANT_TYPE (RANK_TOTALS_TYPE), bytes, FALSE));
  if (!g_variant_is_normal_form (value))
    {
      /* A damaged row is not trusted: computed again. */
      g_variant_unref (value);
      return NULL;
    }
  return value;
}

/* Best effort: a read-only file or a busy database only means the totals
 * are computed again next time. */
static void
store_totals (TdDb *db, gint64 bloc_year_id, GVariant *totals)
{
  sqlite3_stmt *stmt;

  if (td_db_is_read_only (db))
    return;
  stmt = td_query_prepare (db,
                           "INSERT OR REPLACE INTO rank_totals (bloc_year_id, format, totals)"
                           " VALUES (?, ?, ?)",
                           NULL, "xs", bloc_year_id, RANK_TOTALS_FORMAT);
  if (stmt == NULL)
    return;
  sqlite3_bind_blob (stmt, 3, g_variant_get_data (totals), (int)g_variant_get_size (totals),
                     SQLITE_TRANSIENT);
  td_db_run (db, stmt, NULL);
}

gboolean
td_ranking_forget_totals (TdDb *db, gint64 bloc_year_id, GError **error)
{
  return td_query_run (db, "DELETE FROM rank_totals WHERE ?1 = 0 OR bloc_year_id = ?1", error, "x",
                       bloc_year_id);
}

gboolean
td_ranking_has_stored_totals (TdDb *db, gint64 bloc_year_id)
{
  g_autoptr (GVariant) totals = read_totals (db, bloc_year_id);

  return totals != NULL;
}

static gchar *
disqualified_reason (const char *code, const char *title)
{
  /* The same words as td_unit_totals_dup_disqualified_reason, in the
   * language of the reader rather than of whoever stored the totals. */
  if (*code)
    /* Translators: why a unit is not graded; %s %s is the criterion's code and title */
    return g_strdup_printf (_ ("Not graded: %s %s"), code, title);
  return g_strdup_printf (_ ("Not graded: %s"), title);
}

static gboolean
load_inputs (TdDb *db, gint64 bloc_year_id, gboolean use_stored, TdCriteriaTable *table,
             TdScores *scores, TdPoints *standard_total, GPtrArray **out, GError **error)
{
  g_autoptr (GPtrArray) members = td_registry_list_members (db, bloc_year_id, error);
  g_autoptr (GPtrArray) inputs = NULL;
  g_autoptr (GVariant) totals = NULL;
  g_autoptr (GVariant) keys = NULL;
  g_autoptr (GVariant) units = NULL;
  g_autoptr (GHashTable) row_of = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree gint64 *unit_ids = NULL;
  TdPoints standard;
  gsize n_units;

  if (members == NULL)
    return FALSE;
  if (use_stored)
    totals = read_totals (db, bloc_year_id);
  if (totals == NULL)
    {
      totals = compute_totals (db, bloc_year_id, table, scores, error);
      if (totals == NULL)
        return FALSE;
      if (use_stored)
        store_totals (db, bloc_year_id, totals);
    }
  g_variant_get (totals, "(x@as@a(xuxxxxxxaxss))", &standard, &keys, &units);

  n_units = g_variant_n_children (units);
  unit_ids = g_new (gint64, n_units);
  for (gsize u = 0; u < n_units; u++)
    {
      g_autoptr (GVariant) row = g_variant_get_child_value (units, u);
      g_variant_get_child (row, 0, "x", &unit_ids[u]);
      g_hash_table_insert (row_of, &unit_ids[u], GSIZE_TO_POINTER (u + 1));
    }

  inputs = g_ptr_array_new_with_free_func ((GDestroyNotify)td_rank_input_free);
  for (guint i = 0; i < members->len; i++)
    {
      TdMember *m = g_ptr_array_index (members, i);
      TdRankInput *in = td_rank_input_new (m->unit_id, m->name);
      gsize u = GPOINTER_TO_SIZE (g_hash_table_lookup (row_of, &m->unit_id));
      g_autoptr (GVariant) row = NULL;
      g_autoptr (GVariantIter) points = NULL;
      const char *code, *title;
      gint64 unit_id;
      TdPoints p;
      guint flags;

      g_ptr_array_add (inputs, in);
      in->scored = in->has_self = FALSE;
      if (u == 0)
        continue;
      row = g_variant_get_child_value (units, u - 1);
      g_variant_get (row, "(xuxxxxxxax&s&s)", &unit_id, &flags, &in->final_total, &in->self_total,
                     &in->assessed_total, &in->bonus, &in->deduction, &in->disagreement, &points,
                     &code, &title);
      in->scored = (flags & RANK_SCORED) != 0;
      in->has_self = (flags & RANK_HAS_SELF) != 0;
      in->has_assessed = (flags & RANK_HAS_ASSESSED) != 0;
      in->has_agreed = (flags & RANK_HAS_AGREED) != 0;
      for (gsize k = 0; g_variant_iter_next (points, "x", &p) && k < g_variant_n_children (keys);
           k++)
        {
          const char *key;

          g_variant_get_child (keys, k, "&s", &key);
          td_rank_input_set_section (in, key, p);
        }
      if (flags & RANK_DISQUALIFIED)
        {
          in->disqualified = TRUE;
          if (flags & RANK_DISQUALIFIED_BY)
            in->disqualified_reason = disqualified_reason (code, title);
        }
    }
  if (standard_total != NULL)
    *standard_total = standard;
  if (!load_votes (db, bloc_year_id, inputs, error))
    return FALSE;
  *out = g_steal_pointer (&inputs);
  return TRUE;
}

GPtrArray *
td_ranking_load_inputs (TdDb *db, gint64 bloc_year_id, TdPoints *standard_total, GError **error)
{
  GPtrArray *inputs = NULL;

  return load_inputs (db, bloc_year_id, TRUE, NULL, NULL, standard_total, &inputs, error) ? inputs
                                                                                          : NULL;
}

GPtrArray *
td_ranking_compute_inputs (TdDb *db, gint64 bloc_year_id, TdPoints *standard_total, GError **error)
{
  GPtrArray *inputs = NULL;

  return load_inputs (db, bloc_year_id, FALSE, NULL, NULL, standard_total, &inputs, error) ? inputs
                                                                                           : NULL;
}

GPtrArray *
td_ranking_list_sections (TdDb *db, gint64 bloc_year_id, GError **error)
{
  g_autoptr (TdCriteriaTable) table = td_criteria_load (db, bloc_year_id, error);
  g_autoptr (GArray) sections = NULL;
  GPtrArray *codes;

  if (table == NULL)
    return NULL;
  sections = td_criteria_table_get_sections (table);
  codes = g_ptr_array_new_with_free_func (g_free);
  for (guint k = 0; k < sections->len; k++)
    g_ptr_array_add (codes, g_strdup (section_key (td_criteria_table_get_node (
                                table, g_array_index (sections, gint, k)))));
  return codes;
}

TdRanking *
td_ranking_load (TdDb *db, gint64 bloc_year_id, TdRankSettings **settings_out, GError **error)
{
  return td_ranking_load_with_scores (db, bloc_year_id, NULL, NULL, settings_out, error);
}

TdRanking *
td_ranking_load_with_scores (TdDb *db, gint64 bloc_year_id, TdCriteriaTable *table,
                             TdScores *scores, TdRankSettings **settings_out, GError **error)
{
  g_autoptr (TdRankSettings) settings = td_ranking_load_settings (db, bloc_year_id, error);
  g_autoptr (GPtrArray) inputs = NULL;
  TdRanking *ranking;

  if (settings == NULL)
    return NULL;
  if (!load_inputs (db, bloc_year_id, TRUE, table, scores, &settings->scale.standard_total, &inputs,
                    error))
    return NULL;
  for (guint i = 0; settings->require_self_score && i < inputs->len; i++)
    {
      TdRankInput *in = g_ptr_array_index (inputs, i);
      if (in->has_self || in->disqualified)
        continue;
      in->disqualified = TRUE;
      in->disqualified_reason = g_strdup (_ ("No self-score was sent (not graded under the "
                                             "bloc's rules)"));
    }
  ranking = td_ranking_compute (inputs, settings);
  /* The rows point into the settings (overrides, rules): the ranking keeps them. */
  ranking->owned_settings = g_steal_pointer (&settings);
  if (settings_out != NULL)
    *settings_out = ranking->owned_settings;
  return ranking;
}

/* --- what changed since the clerk last looked ------------------------------ */

gboolean
td_ranking_mark_seen (TdDb *db, gint64 bloc_year_id, const TdRanking *ranking, GError **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree gchar *at = g_date_time_format_iso8601 (now);

  if (!td_db_begin (db, error))
    return FALSE;
  if (!td_query_run (db, "DELETE FROM ranking_seen WHERE bloc_year_id = ?", error, "x",
                     bloc_year_id))
    goto fail;
  for (guint i = 0; i < ranking->rows->len; i++)
    {
      const TdRankRow *row = g_ptr_array_index (ranking->rows, i);

      if (!td_query_run (db,
                         "INSERT INTO ranking_seen (bloc_year_id, unit_id, rank, final_total,"
                         " seen_at) VALUES (?, ?, ?, ?, ?)",
                         error, "xxixs", bloc_year_id, row->input->unit_id, row->rank,
                         row->input->final_total, at))
        goto fail;
    }
  return td_db_commit (db, error);
fail:
  td_db_rollback (db);
  return FALSE;
}

GPtrArray *
td_ranking_changes_since_seen (TdDb *db, gint64 bloc_year_id, const TdRanking *ranking,
                               gboolean *ever_seen, GError **error)
{
  sqlite3_stmt *stmt = td_query_prepare (
      db, "SELECT unit_id, rank, final_total FROM ranking_seen WHERE bloc_year_id = ?", error, "x",
      bloc_year_id);
  g_autoptr (GPtrArray) changes
      = g_ptr_array_new_with_free_func ((GDestroyNotify)td_rank_change_free);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  TdStep r;

  if (stmt == NULL)
    return NULL;
  while ((r = td_db_step (db, stmt, error)) == TD_STEP_ROW)
    {
      gint64 *key = g_new (gint64, 1);
      gint64 *value = g_new (gint64, 2);
      *key = sqlite3_column_int64 (stmt, 0);
      value[0] = sqlite3_column_int (stmt, 1);
      value[1] = sqlite3_column_int64 (stmt, 2);
      g_hash_table_insert (seen, key, value);
    }
  if (r != TD_STEP_DONE)
    return NULL;
  if (ever_seen != NULL)
    *ever_seen = g_hash_table_size (seen) > 0;
  if (g_hash_table_size (seen) == 0)
    return g_steal_pointer (&changes);

  for (guint i = 0; i < ranking->rows->len; i++)
    {
      const TdRankRow *row = g_ptr_array_index (ranking->rows, i);
      const gint64 *old = g_hash_table_lookup (seen, &row->input->unit_id);
      TdRankChange *change;

      if (old != NULL && old[0] == row->rank && old[1] == row->input->final_total)
        continue;
      change = g_new0 (TdRankChange, 1);
      change->unit_id = row->input->unit_id;
      change->name = g_strdup (row->input->name);
      change->old_rank = old ? (gint)old[0] : -1;
      change->new_rank = row->rank;
      change->old_total = old ? old[1] : 0;
      change->new_total = row->input->final_total;
      g_ptr_array_add (changes, change);
    }
  return g_steal_pointer (&changes);
}

gint64
td_ranking_default_bloc_year (TdDb *db)
{
  /* Until a bloc-year is chosen, the newest one is the one being ranked. */
  return td_query_int (db, "SELECT id FROM bloc_year ORDER BY year DESC, id DESC LIMIT 1", 0, NULL,
                       NULL);
}
