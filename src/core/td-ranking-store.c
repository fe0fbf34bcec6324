/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Ranking storage: settings, votes, overrides and decisions per bloc-year,
 * the award catalogue and the "last seen" snapshot.
 *
 * A bloc-year without a ranking_settings row has never been edited: it
 * reads as the defaults, and the first edit writes them first so proposal
 * decisions always have a rule row to refer to. */
#include "config.h"

#include "td-ranking-store.h"
#include "td-registry.h"
#include "td-scoring.h"

#include <glib/gi18n-lib.h>

static gchar *
column_dup (sqlite3_stmt *stmt, int col)
{
  gchar *text = td_db_dup_text (stmt, col);
  return text ? text : g_strdup ("");
}

static gchar *
now_iso (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format_iso8601 (now);
}

TdAward *
td_award_new (void)
{
  TdAward *award = g_new0 (TdAward, 1);

  award->name = g_strdup ("");
  award->level = g_strdup ("");
  return award;
}

void
td_award_free (TdAward *award)
{
  if (award == NULL)
    return;
  g_free (award->name);
  g_free (award->level);
  g_free (award);
}

void
td_rank_change_free (TdRankChange *change)
{
  if (change == NULL)
    return;
  g_free (change->name);
  g_free (change);
}

/* --- award catalogue ----------------------------------------------------- */

GPtrArray *
td_award_list (TdDb *db, GError **error)
{
  sqlite3_stmt *stmt = td_db_prepare (db,
                                      "SELECT id, name, level, kind = 'title', position"
                                      " FROM award_catalogue ORDER BY position, name COLLATE VI",
                                      error);
  g_autoptr (GPtrArray) awards = g_ptr_array_new_with_free_func ((GDestroyNotify)td_award_free);
  TdStep r;

  if (stmt == NULL)
    return NULL;
  while ((r = td_db_step (db, stmt, error)) == TD_STEP_ROW)
    {
      TdAward *a = g_new0 (TdAward, 1);
      a->id = sqlite3_column_int64 (stmt, 0);
      a->name = column_dup (stmt, 1);
      a->level = column_dup (stmt, 2);
      a->title = sqlite3_column_int (stmt, 3) != 0;
      a->position = sqlite3_column_int (stmt, 4);
      g_ptr_array_add (awards, a);
    }
  return r == TD_STEP_DONE ? g_steal_pointer (&awards) : NULL;
}

gint64
td_award_save (TdDb *db, const TdAward *award, GError **error)
{
  g_autofree gchar *name = g_strstrip (g_strdup (award->name ? award->name : ""));
  sqlite3_stmt *stmt;

  if (*name == '\0')
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("The name of a title or award cannot be empty."));
      return 0;
    }
  if (award->id > 0)
    stmt = td_db_prepare (db,
                          "UPDATE award_catalogue SET name = ?1, level = ?2, kind = ?3,"
                          " position = ?4 WHERE id = ?5",
                          error);
  else
    stmt = td_db_prepare (db,
                          "INSERT INTO award_catalogue (name, level, kind, position)"
                          " VALUES (?1, ?2, ?3, ?4)",
                          error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, award->level ? award->level : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, award->title ? "title" : "award", -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, award->position);
  if (award->id > 0)
    sqlite3_bind_int64 (stmt, 5, award->id);
  if (!td_db_run (db, stmt, error))
    {
      if (error && *error && (*error)->code == TD_ERROR_CONSTRAINT)
        {
          g_clear_error (error);
          g_set_error (error, TD_ERROR, TD_ERROR_CONSTRAINT,
                       _ ("The catalogue already has “%s”. Choose another name."), name);
        }
      return 0;
    }
  td_db_notify_changed (db, "ranking");
  return award->id > 0 ? award->id : td_db_last_insert_id (db);
}

gboolean
td_award_delete (TdDb *db, gint64 award_id, GError **error)
{
  sqlite3_stmt *stmt;
  gint64 used = 0;

  stmt = td_db_prepare (db, "SELECT count(*) FROM proposal_rule WHERE award_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, award_id);
  if (td_db_step (db, stmt, error) == TD_STEP_ROW)
    used = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (used > 0)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_CONSTRAINT,
                   _ ("This title or award is used by a proposal rule. Delete the rule first."));
      return FALSE;
    }
  stmt = td_db_prepare (db, "DELETE FROM award_catalogue WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, award_id);
  if (!td_db_run (db, stmt, error))
    return FALSE;
  td_db_notify_changed (db, "ranking");
  return TRUE;
}

/* --- settings ------------------------------------------------------------ */

static gint64
award_by_name (TdDb *db, const char *name)
{
  sqlite3_stmt *stmt = td_db_prepare (db, "SELECT id FROM award_catalogue WHERE name = ?", NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (td_db_step (db, stmt, NULL) == TD_STEP_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/* The defaults of a new bloc-year: the pattern of DOMAIN.md, when the
 * catalogue still holds the awards it names. */
static void
add_default_settings (TdDb *db, TdRankSettings *settings)
{
  gint64 flag = award_by_name (db, "Cờ thi đua của UBND tỉnh");
  gint64 merit = award_by_name (db, "Bằng khen của Chủ tịch UBND tỉnh");

  g_ptr_array_add (settings->tie_breaks, td_tie_break_new (TD_TIE_BREAK_FEWER_DEDUCTION, NULL));
  g_ptr_array_add (settings->tie_breaks, td_tie_break_new (TD_TIE_BREAK_MORE_BONUS, NULL));
  g_ptr_array_add (settings->tie_breaks, td_tie_break_new (TD_TIE_BREAK_VOTE, NULL));
  if (flag > 0)
    {
      TdProposalRule *rule = td_proposal_rule_new ();
      rule->award_id = flag;
      g_free (rule->award_name);
      rule->award_name = g_strdup ("Cờ thi đua của UBND tỉnh");
      rule->quota_kind = TD_QUOTA_BY_MEMBERS;
      rule->count = 1;
      rule->count_large = 2;
      rule->members_threshold = 12;
      rule->min_grade = TD_GRADE_EXCELLENT;
      g_ptr_array_add (settings->proposal_rules, rule);
    }
  if (merit > 0)
    {
      TdProposalRule *rule = td_proposal_rule_new ();
      rule->award_id = merit;
      g_free (rule->award_name);
      rule->award_name = g_strdup ("Bằng khen của Chủ tịch UBND tỉnh");
      rule->quota_kind = TD_QUOTA_PERCENT;
      rule->percent = 3000;
      rule->min_grade = TD_GRADE_EXCELLENT;
      rule->skip_proposed = TRUE;
      g_ptr_array_add (settings->proposal_rules, rule);
    }
}

static gboolean
has_settings (TdDb *db, gint64 bloc_year_id, GError **error)
{
  sqlite3_stmt *stmt
      = td_db_prepare (db,
                       "SELECT grade_unit = 'percent', excellent, good, done FROM ranking_settings"
                       " WHERE bloc_year_id = ?",
                       error);
  TdStep r;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, bloc_year_id);
  r = td_db_step (db, stmt, error);
  sqlite3_reset (stmt);
  return r == TD_STEP_ROW;
}

static gboolean
load_scale (TdDb *db, gint64 bloc_year_id, TdGradeScale *scale, gboolean *require_self,
            GError **error)
{
  sqlite3_stmt *stmt = td_db_prepare (db,
                                      "SELECT grade_unit = 'percent', excellent, good, done,"
                                      " require_self_score FROM ranking_settings"
                                      " WHERE bloc_year_id = ?",
                                      error);
  TdStep r;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, bloc_year_id);
  r = td_db_step (db, stmt, error);
  if (r == TD_STEP_ROW)
    {
      scale->percent = sqlite3_column_int (stmt, 0) != 0;
      scale->excellent = sqlite3_column_int64 (stmt, 1);
      scale->good = sqlite3_column_int64 (stmt, 2);
      scale->done = sqlite3_column_int64 (stmt, 3);
      *require_self = sqlite3_column_int (stmt, 4) != 0;
      sqlite3_reset (stmt);
    }
  return r != TD_STEP_ERROR;
}

static gboolean
load_tie_breaks (TdDb *db, gint64 bloc_year_id, GPtrArray *out, GError **error)
{
  sqlite3_stmt *stmt = td_db_prepare (db,
                                      "SELECT kind, section_code FROM tie_break_rule"
                                      " WHERE bloc_year_id = ? ORDER BY position, id",
                                      error);
  TdStep r;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, bloc_year_id);
  while ((r = td_db_step (db, stmt, error)) == TD_STEP_ROW)
    {
      TdTieBreakKind kind;
      if (td_tie_break_kind_from_id ((const char *)sqlite3_column_text (stmt, 0), &kind))
        g_ptr_array_add (out, td_tie_break_new (kind, (const char *)sqlite3_column_text (stmt, 1)));
    }
  return r == TD_STEP_DONE;
}

static gboolean
load_proposal_rules (TdDb *db, gint64 bloc_year_id, GPtrArray *out, GError **error)
{
  sqlite3_stmt *stmt = td_db_prepare (
      db,
      "SELECT r.id, r.award_id, a.name, r.quota_kind, r.count, r.members_threshold,"
      "  r.count_large, r.percent, r.min_grade, r.rank_from, r.rank_to, r.skip_proposed"
      " FROM proposal_rule r JOIN award_catalogue a ON a.id = r.award_id"
      " WHERE r.bloc_year_id = ? ORDER BY r.position, r.id",
      error);
  TdStep r;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, bloc_year_id);
  while ((r = td_db_step (db, stmt, error)) == TD_STEP_ROW)
    {
      TdProposalRule *rule = td_proposal_rule_new ();
      rule->id = sqlite3_column_int64 (stmt, 0);
      rule->award_id = sqlite3_column_int64 (stmt, 1);
      g_free (rule->award_name);
      rule->award_name = column_dup (stmt, 2);
      td_quota_kind_from_id ((const char *)sqlite3_column_text (stmt, 3), &rule->quota_kind);
      rule->count = sqlite3_column_int (stmt, 4);
      rule->members_threshold = sqlite3_column_int (stmt, 5);
      rule->count_large = sqlite3_column_int (stmt, 6);
      rule->percent = sqlite3_column_int (stmt, 7);
      rule->min_grade = td_grade_from_id ((const char *)sqlite3_column_text (stmt, 8));
      rule->rank_from = sqlite3_column_int (stmt, 9);
      rule->rank_to = sqlite3_column_int (stmt, 10);
      rule->skip_proposed = sqlite3_column_int (stmt, 11) != 0;
      g_ptr_array_add (out, rule);
    }
  return r == TD_STEP_DONE;
}

static gboolean
load_overrides (TdDb *db, gint64 bloc_year_id, GPtrArray *out, GError **error)
{
  sqlite3_stmt *stmt = td_db_prepare (db,
                                      "SELECT unit_id, position, reason FROM ranking_override"
                                      " WHERE bloc_year_id = ? ORDER BY id",
                                      error);
  TdStep r;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, bloc_year_id);
  while ((r = td_db_step (db, stmt, error)) == TD_STEP_ROW)
    g_ptr_array_add (out, td_rank_override_new (sqlite3_column_int64 (stmt, 0),
                                                sqlite3_column_int (stmt, 1),
                                                (const char *)sqlite3_column_text (stmt, 2)));
  return r == TD_STEP_DONE;
}

static const char *const decision_ids[] = { "accept", "remove", "add" };

static gboolean
load_decisions (TdDb *db, gint64 bloc_year_id, GPtrArray *out, GError **error)
{
  sqlite3_stmt *stmt = td_db_prepare (db,
                                      "SELECT d.rule_id, d.unit_id, d.kind, d.reason"
                                      " FROM proposal_decision d"
                                      " JOIN proposal_rule r ON r.id = d.rule_id"
                                      " WHERE r.bloc_year_id = ? ORDER BY d.id",
                                      error);
  TdStep r;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, bloc_year_id);
  while ((r = td_db_step (db, stmt, error)) == TD_STEP_ROW)
    {
      const char *kind = (const char *)sqlite3_column_text (stmt, 2);
      for (guint i = 0; i < G_N_ELEMENTS (decision_ids); i++)
        if (g_strcmp0 (kind, decision_ids[i]) == 0)
          g_ptr_array_add (
              out, td_proposal_decision_new (sqlite3_column_int64 (stmt, 0),
                                             sqlite3_column_int64 (stmt, 1), (TdDecisionKind)i,
                                             (const char *)sqlite3_column_text (stmt, 3)));
    }
  return r == TD_STEP_DONE;
}

TdRankSettings *
td_ranking_load_settings (TdDb *db, gint64 bloc_year_id, GError **error)
{
  g_autoptr (TdRankSettings) settings = td_rank_settings_new ();
  g_autoptr (GError) local = NULL;

  if (!has_settings (db, bloc_year_id, &local))
    {
      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      add_default_settings (db, settings);
    }
  else if (!load_scale (db, bloc_year_id, &settings->scale, &settings->require_self_score, error)
           || !load_tie_breaks (db, bloc_year_id, settings->tie_breaks, error)
           || !load_proposal_rules (db, bloc_year_id, settings->proposal_rules, error))
    return NULL;

  if (!load_overrides (db, bloc_year_id, settings->overrides, error)
      || !load_decisions (db, bloc_year_id, settings->decisions, error))
    return NULL;
  return g_steal_pointer (&settings);
}

static gboolean
write_scale (TdDb *db, gint64 bloc_year_id, const TdGradeScale *scale, GError **error)
{
  sqlite3_stmt *stmt = td_db_prepare (
      db,
      "INSERT INTO ranking_settings (bloc_year_id, grade_unit, excellent, good, done)"
      " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (bloc_year_id) DO UPDATE SET"
      " grade_unit = ?2, excellent = ?3, good = ?4, done = ?5",
      error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, bloc_year_id);
  sqlite3_bind_text (stmt, 2, scale->percent ? "percent" : "points", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, scale->excellent);
  sqlite3_bind_int64 (stmt, 4, scale->good);
  sqlite3_bind_int64 (stmt, 5, scale->done);
  return td_db_run (db, stmt, error);
}

static gboolean
write_require_self (TdDb *db, gint64 bloc_year_id, gboolean require, GError **error)
{
  sqlite3_stmt *stmt = td_db_prepare (
      db, "UPDATE ranking_settings SET require_self_score = ? WHERE bloc_year_id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, require ? 1 : 0);
  sqlite3_bind_int64 (stmt, 2, bloc_year_id);
  return td_db_run (db, stmt, error);
}

static gboolean
write_tie_breaks (TdDb *db, gint64 bloc_year_id, GPtrArray *rules, GError **error)
{
  sqlite3_stmt *stmt
      = td_db_prepare (db, "DELETE FROM tie_break_rule WHERE bloc_year_id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, bloc_year_id);
  if (!td_db_run (db, stmt, error))
    return FALSE;
  for (guint i = 0; i < rules->len; i++)
    {
      const TdTieBreak *rule = g_ptr_array_index (rules, i);
      stmt = td_db_prepare (db,
                            "INSERT INTO tie_break_rule (bloc_year_id, position, kind,"
                            " section_code) VALUES (?, ?, ?, ?)",
                            error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, bloc_year_id);
      sqlite3_bind_int (stmt, 2, (int)i);
      sqlite3_bind_text (stmt, 3, td_tie_break_kind_to_id (rule->kind), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, rule->section_code ? rule->section_code : "", -1,
                         SQLITE_TRANSIENT);
      if (!td_db_run (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gint64
write_proposal_rule (TdDb *db, gint64 bloc_year_id, const TdProposalRule *rule, gint position,
                     GError **error)
{
  sqlite3_stmt *stmt;

  if (rule->id > 0)
    stmt = td_db_prepare (db,
                          "UPDATE proposal_rule SET award_id = ?2, quota_kind = ?3, count = ?4,"
                          " members_threshold = ?5, count_large = ?6, percent = ?7, min_grade = ?8,"
                          " rank_from = ?9, rank_to = ?10, skip_proposed = ?11 WHERE id = ?12",
                          error);
  else
    stmt = td_db_prepare (
        db,
        "INSERT INTO proposal_rule (bloc_year_id, award_id, quota_kind, count,"
        " members_threshold, count_large, percent, min_grade, rank_from, rank_to, skip_proposed,"
        " position) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, bloc_year_id);
  sqlite3_bind_int64 (stmt, 2, rule->award_id);
  sqlite3_bind_text (stmt, 3, td_quota_kind_to_id (rule->quota_kind), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, rule->count);
  sqlite3_bind_int (stmt, 5, rule->members_threshold);
  sqlite3_bind_int (stmt, 6, rule->count_large);
  sqlite3_bind_int (stmt, 7, rule->percent);
  sqlite3_bind_text (stmt, 8, td_grade_to_id (rule->min_grade), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 9, rule->rank_from);
  sqlite3_bind_int (stmt, 10, rule->rank_to);
  sqlite3_bind_int (stmt, 11, rule->skip_proposed);
  if (rule->id > 0)
    sqlite3_bind_int64 (stmt, 12, rule->id);
  else
    sqlite3_bind_int (stmt, 12, position);
  if (!td_db_run (db, stmt, error))
    return 0;
  return rule->id > 0 ? rule->id : td_db_last_insert_id (db);
}

static gboolean
ensure_settings (TdDb *db, gint64 bloc_year_id, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (TdRankSettings) defaults = NULL;

  if (has_settings (db, bloc_year_id, &local))
    return TRUE;
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  defaults = td_rank_settings_new ();
  add_default_settings (db, defaults);
  if (!write_scale (db, bloc_year_id, &defaults->scale, error)
      || !write_tie_breaks (db, bloc_year_id, defaults->tie_breaks, error))
    return FALSE;
  for (guint i = 0; i < defaults->proposal_rules->len; i++)
    if (write_proposal_rule (db, bloc_year_id, g_ptr_array_index (defaults->proposal_rules, i),
                             (gint)i, error)
        == 0)
      return FALSE;
  return TRUE;
}

/* Runs `body` inside a transaction after making sure the settings exist. */
#define WITH_SETTINGS(db, bloc_year_id, error, body)                                               \
  G_STMT_START                                                                                     \
  {                                                                                                \
    if (!td_db_begin (db, error))                                                                  \
      return FALSE;                                                                                \
    if (!ensure_settings (db, bloc_year_id, error) || !(body))                                     \
      {                                                                                            \
        td_db_rollback (db);                                                                       \
        return FALSE;                                                                              \
      }                                                                                            \
    if (!td_db_commit (db, error))                                                                 \
      return FALSE;                                                                                \
    td_db_notify_changed (db, "ranking");                                                          \
  }                                                                                                \
  G_STMT_END

gboolean
td_ranking_ensure_settings (TdDb *db, gint64 bloc_year_id, GError **error)
{
  WITH_SETTINGS (db, bloc_year_id, error, TRUE);
  return TRUE;
}

gboolean
td_ranking_set_grade_scale (TdDb *db, gint64 bloc_year_id, const TdGradeScale *scale,
                            GError **error)
{
  if (scale->done < 0 || scale->good < scale->done || scale->excellent < scale->good)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("Grade thresholds: “excellent” must be at least “good”, “good” at least "
                      "“completed”, and none may be negative."));
      return FALSE;
    }
  if (scale->percent && scale->excellent > 10000)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("Grade thresholds in percent must be between 0 and 100."));
      return FALSE;
    }
  WITH_SETTINGS (db, bloc_year_id, error, write_scale (db, bloc_year_id, scale, error));
  return TRUE;
}

gboolean
td_ranking_set_require_self_score (TdDb *db, gint64 bloc_year_id, gboolean require, GError **error)
{
  WITH_SETTINGS (db, bloc_year_id, error, write_require_self (db, bloc_year_id, require, error));
  return TRUE;
}

gboolean
td_ranking_set_tie_breaks (TdDb *db, gint64 bloc_year_id, GPtrArray *rules, GError **error)
{
  for (guint i = 0; i < rules->len; i++)
    {
      const TdTieBreak *rule = g_ptr_array_index (rules, i);
      if (rule->kind == TD_TIE_BREAK_SECTION
          && (rule->section_code == NULL || *rule->section_code == '\0'))
        {
          g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                       _ ("Tie-break rule %u: choose the section whose points decide."), i + 1);
          return FALSE;
        }
    }
  WITH_SETTINGS (db, bloc_year_id, error, write_tie_breaks (db, bloc_year_id, rules, error));
  return TRUE;
}

gint64
td_ranking_save_proposal_rule (TdDb *db, gint64 bloc_year_id, const TdProposalRule *rule,
                               GError **error)
{
  gint64 id = 0;
  gint position;

  if (rule->award_id <= 0)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("Proposal rule: choose a title or award from the catalogue."));
      return 0;
    }
  if (rule->percent < 0 || rule->percent > 10000 || rule->count < 0 || rule->count_large < 0)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("Proposal rule: counts must be 0 or more and the percent between 0 and "
                      "100."));
      return 0;
    }
  if (rule->rank_to > 0 && rule->rank_from > rule->rank_to)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("Proposal rule: the first rank must not be after the last rank."));
      return 0;
    }
  if (!td_db_begin (db, error))
    return 0;
  position = (gint)td_db_query_int (
      db, "SELECT 1 + coalesce (max (position), 0) FROM proposal_rule", 0, NULL);
  if (!ensure_settings (db, bloc_year_id, error)
      || (id = write_proposal_rule (db, bloc_year_id, rule, position, error)) == 0
      || !td_db_commit (db, error))
    {
      td_db_rollback (db);
      return 0;
    }
  td_db_notify_changed (db, "ranking");
  return id;
}

gboolean
td_ranking_delete_proposal_rule (TdDb *db, gint64 rule_id, GError **error)
{
  sqlite3_stmt *stmt = td_db_prepare (db, "DELETE FROM proposal_rule WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rule_id);
  if (!td_db_run (db, stmt, error))
    return FALSE;
  td_db_notify_changed (db, "ranking");
  return TRUE;
}

/* --- votes, overrides and decisions ------------------------------------- */

static gchar *
query_text (TdDb *db, const char *sql, gint64 a, gint64 b)
{
  sqlite3_stmt *stmt = td_db_prepare (db, sql, NULL);
  gchar *text = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  if (td_db_step (db, stmt, NULL) == TD_STEP_ROW)
    text = column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return text;
}

gboolean
td_ranking_set_votes (TdDb *db, gint64 bloc_year_id, gint64 unit_id, gint votes, GError **error)
{
  g_autofree gchar *old
      = query_text (db, "SELECT votes FROM ranking_vote WHERE bloc_year_id = ? AND unit_id = ?",
                    bloc_year_id, unit_id);
  g_autofree gchar *new_text = votes >= 0 ? g_strdup_printf ("%d", votes) : NULL;
  sqlite3_stmt *stmt;

  if (!td_db_begin (db, error))
    return FALSE;
  if (votes < 0)
    stmt = td_db_prepare (db, "DELETE FROM ranking_vote WHERE bloc_year_id = ?1 AND unit_id = ?2",
                          error);
  else
    stmt = td_db_prepare (db,
                          "INSERT INTO ranking_vote (bloc_year_id, unit_id, votes)"
                          " VALUES (?1, ?2, ?3) ON CONFLICT DO UPDATE SET votes = ?3",
                          error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, bloc_year_id);
  sqlite3_bind_int64 (stmt, 2, unit_id);
  if (votes >= 0)
    sqlite3_bind_int (stmt, 3, votes);
  /* Votes move units in the table: they belong in the audit trail. */
  if (!td_db_run (db, stmt, error)
      || !td_db_audit (db, "ranking_vote", unit_id, "votes", old, new_text, error)
      || !td_db_commit (db, error))
    goto fail;
  td_db_notify_changed (db, "ranking");
  return TRUE;
fail:
  td_db_rollback (db);
  return FALSE;
}

gboolean
td_ranking_set_override (TdDb *db, gint64 bloc_year_id, gint64 unit_id, gint position,
                         const char *reason, GError **error)
{
  g_autofree gchar *why = g_strstrip (g_strdup (reason ? reason : ""));
  g_autofree gchar *old = query_text (db,
                                      "SELECT position || ': ' || reason FROM ranking_override"
                                      " WHERE bloc_year_id = ? AND unit_id = ?",
                                      bloc_year_id, unit_id);
  g_autofree gchar *new_text = NULL;
  g_autofree gchar *at = now_iso ();
  g_autofree gchar *user = td_db_current_user ();
  sqlite3_stmt *stmt;

  if (*why == '\0')
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("Reason: a manual change of the order needs a reason."));
      return FALSE;
    }
  if (position < 1)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID, _ ("Place: enter a place of 1 or more."));
      return FALSE;
    }
  new_text = g_strdup_printf ("%d: %s", position, why);
  if (!td_db_begin (db, error))
    return FALSE;
  /* Delete then insert: an override is applied in the order it was made. */
  stmt = td_db_prepare (db, "DELETE FROM ranking_override WHERE bloc_year_id = ? AND unit_id = ?",
                        error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, bloc_year_id);
  sqlite3_bind_int64 (stmt, 2, unit_id);
  if (!td_db_run (db, stmt, error))
    goto fail;
  stmt = td_db_prepare (db,
                        "INSERT INTO ranking_override (bloc_year_id, unit_id, position, reason,"
                        " at, user) VALUES (?, ?, ?, ?, ?, ?)",
                        error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, bloc_year_id);
  sqlite3_bind_int64 (stmt, 2, unit_id);
  sqlite3_bind_int (stmt, 3, position);
  sqlite3_bind_text (stmt, 4, why, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, user, -1, SQLITE_TRANSIENT);
  if (!td_db_run (db, stmt, error)
      || !td_db_audit (db, "ranking_override", unit_id, "position", old, new_text, error)
      || !td_db_commit (db, error))
    goto fail;
  td_db_notify_changed (db, "ranking");
  return TRUE;
fail:
  td_db_rollback (db);
  return FALSE;
}

gboolean
td_ranking_clear_override (TdDb *db, gint64 bloc_year_id, gint64 unit_id, GError **error)
{
  g_autofree gchar *old = query_text (db,
                                      "SELECT position || ': ' || reason FROM ranking_override"
                                      " WHERE bloc_year_id = ? AND unit_id = ?",
                                      bloc_year_id, unit_id);
  sqlite3_stmt *stmt;

  if (old == NULL)
    return TRUE;
  if (!td_db_begin (db, error))
    return FALSE;
  stmt = td_db_prepare (db, "DELETE FROM ranking_override WHERE bloc_year_id = ? AND unit_id = ?",
                        error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, bloc_year_id);
  sqlite3_bind_int64 (stmt, 2, unit_id);
  if (!td_db_run (db, stmt, error)
      || !td_db_audit (db, "ranking_override", unit_id, "position", old, NULL, error)
      || !td_db_commit (db, error))
    goto fail;
  td_db_notify_changed (db, "ranking");
  return TRUE;
fail:
  td_db_rollback (db);
  return FALSE;
}

gboolean
td_ranking_set_decision (TdDb *db, gint64 rule_id, gint64 unit_id, TdDecisionKind kind,
                         const char *reason, GError **error)
{
  g_autofree gchar *why = g_strstrip (g_strdup (reason ? reason : ""));
  g_autofree gchar *old = query_text (
      db, "SELECT kind || ': ' || reason FROM proposal_decision WHERE rule_id = ? AND unit_id = ?",
      rule_id, unit_id);
  g_autofree gchar *new_text = g_strdup_printf ("%s: %s", decision_ids[kind], why);
  g_autofree gchar *at = now_iso ();
  g_autofree gchar *user = td_db_current_user ();
  sqlite3_stmt *stmt;

  if (kind != TD_DECISION_ACCEPT && *why == '\0')
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("Reason: removing or adding a proposal needs a reason."));
      return FALSE;
    }
  if (!td_db_begin (db, error))
    return FALSE;
  stmt = td_db_prepare (db,
                        "INSERT INTO proposal_decision (rule_id, unit_id, kind, reason, at, user)"
                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (rule_id, unit_id)"
                        " DO UPDATE SET kind = ?3, reason = ?4, at = ?5, user = ?6",
                        error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, rule_id);
  sqlite3_bind_int64 (stmt, 2, unit_id);
  sqlite3_bind_text (stmt, 3, decision_ids[kind], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, why, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, user, -1, SQLITE_TRANSIENT);
  if (!td_db_run (db, stmt, error)
      || !td_db_audit (db, "proposal_decision", unit_id, "kind", old, new_text, error)
      || !td_db_commit (db, error))
    goto fail;
  td_db_notify_changed (db, "ranking");
  return TRUE;
fail:
  td_db_rollback (db);
  return FALSE;
}

gboolean
td_ranking_clear_decision (TdDb *db, gint64 rule_id, gint64 unit_id, GError **error)
{
  g_autofree gchar *old = query_text (
      db, "SELECT kind || ': ' || reason FROM proposal_decision WHERE rule_id = ? AND unit_id = ?",
      rule_id, unit_id);
  sqlite3_stmt *stmt;

  if (old == NULL)
    return TRUE;
  if (!td_db_begin (db, error))
    return FALSE;
  stmt = td_db_prepare (db, "DELETE FROM proposal_decision WHERE rule_id = ? AND unit_id = ?",
                        error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, rule_id);
  sqlite3_bind_int64 (stmt, 2, unit_id);
  if (!td_db_run (db, stmt, error)
      || !td_db_audit (db, "proposal_decision", unit_id, "kind", old, NULL, error)
      || !td_db_commit (db, error))
    goto fail;
  td_db_notify_changed (db, "ranking");
  return TRUE;
fail:
  td_db_rollback (db);
  return FALSE;
}

/* --- copying to a new year ---------------------------------------------- */

gboolean
td_ranking_copy_settings (TdDb *db, gint64 from_bloc_year_id, gint64 to_bloc_year_id,
                          GError **error)
{
  g_autoptr (TdRankSettings) settings = td_ranking_load_settings (db, from_bloc_year_id, error);
  sqlite3_stmt *stmt;

  if (settings == NULL || !td_db_begin (db, error))
    return FALSE;
  /* Votes, overrides and decisions belong to one meeting: not copied. */
  stmt = td_db_prepare (db, "DELETE FROM proposal_rule WHERE bloc_year_id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, to_bloc_year_id);
  if (!td_db_run (db, stmt, error) || !write_scale (db, to_bloc_year_id, &settings->scale, error)
      || !write_tie_breaks (db, to_bloc_year_id, settings->tie_breaks, error)
      || !write_require_self (db, to_bloc_year_id, settings->require_self_score, error))
    goto fail;
  for (guint i = 0; i < settings->proposal_rules->len; i++)
    {
      g_autoptr (TdProposalRule) rule
          = td_proposal_rule_copy (g_ptr_array_index (settings->proposal_rules, i));
      rule->id = 0;
      if (write_proposal_rule (db, to_bloc_year_id, rule, (gint)i, error) == 0)
        goto fail;
    }
  if (!td_db_commit (db, error))
    goto fail;
  td_db_notify_changed (db, "ranking");
  return TRUE;
fail:
  td_db_rollback (db);
  return FALSE;
}

/* --- the adapter ---------------------------------------------------------- */

static gboolean
load_votes (TdDb *db, gint64 bloc_year_id, GPtrArray *inputs, GError **error)
{
  sqlite3_stmt *stmt
      = td_db_prepare (db, "SELECT unit_id, votes FROM ranking_vote WHERE bloc_year_id = ?", error);
  TdStep r;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, bloc_year_id);
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
#define RANK_TOTALS_FORMAT "1:" PACKAGE_VERSION

enum
{
  RANK_SCORED = 1 << 0,
  RANK_HAS_SELF = 1 << 1,
  RANK_HAS_ASSESSED = 1 << 2,
  RANK_DISQUALIFIED = 1 << 3,
  RANK_DISQUALIFIED_BY = 1 << 4, /* the code and title name the criterion */
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
  sqlite3_stmt *stmt = td_db_prepare (db,
                                      "SELECT totals FROM rank_totals"
                                      " WHERE bloc_year_id = ? AND format = ?",
                                      NULL);
  g_autoptr (GBytes) bytes = NULL;
  GVariant *value;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, bloc_year_id);
  sqlite3_bind_text (stmt, 2, RANK_TOTALS_FORMAT, -1, SQLITE_STATIC);
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
  stmt = td_db_prepare (db,
                        "INSERT OR REPLACE INTO rank_totals (bloc_year_id, format, totals)"
                        " VALUES (?, ?, ?)",
                        NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, bloc_year_id);
  sqlite3_bind_text (stmt, 2, RANK_TOTALS_FORMAT, -1, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 3, g_variant_get_data (totals), (int)g_variant_get_size (totals),
                     SQLITE_TRANSIENT);
  td_db_run (db, stmt, NULL);
}

gboolean
td_ranking_forget_totals (TdDb *db, gint64 bloc_year_id, GError **error)
{
  sqlite3_stmt *stmt
      = td_db_prepare (db, "DELETE FROM rank_totals WHERE ?1 = 0 OR bloc_year_id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, bloc_year_id);
  return td_db_run (db, stmt, error);
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
  g_autofree gchar *at = now_iso ();
  sqlite3_stmt *stmt;

  if (!td_db_begin (db, error))
    return FALSE;
  stmt = td_db_prepare (db, "DELETE FROM ranking_seen WHERE bloc_year_id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, bloc_year_id);
  if (!td_db_run (db, stmt, error))
    goto fail;
  for (guint i = 0; i < ranking->rows->len; i++)
    {
      const TdRankRow *row = g_ptr_array_index (ranking->rows, i);
      stmt = td_db_prepare (db,
                            "INSERT INTO ranking_seen (bloc_year_id, unit_id, rank, final_total,"
                            " seen_at) VALUES (?, ?, ?, ?, ?)",
                            error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, bloc_year_id);
      sqlite3_bind_int64 (stmt, 2, row->input->unit_id);
      sqlite3_bind_int (stmt, 3, row->rank);
      sqlite3_bind_int64 (stmt, 4, row->input->final_total);
      sqlite3_bind_text (stmt, 5, at, -1, SQLITE_TRANSIENT);
      if (!td_db_run (db, stmt, error))
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
  sqlite3_stmt *stmt = td_db_prepare (
      db, "SELECT unit_id, rank, final_total FROM ranking_seen WHERE bloc_year_id = ?", error);
  g_autoptr (GPtrArray) changes
      = g_ptr_array_new_with_free_func ((GDestroyNotify)td_rank_change_free);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  TdStep r;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, bloc_year_id);
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
  return td_db_query_int (db, "SELECT id FROM bloc_year ORDER BY year DESC, id DESC LIMIT 1", 0,
                          NULL);
}

gboolean
td_ranking_new_year_hook (TdDb *db, gint64 from_bloc_year_id, gint64 to_bloc_year_id,
                          gpointer user_data, GError **error)
{
  return td_ranking_copy_settings (db, from_bloc_year_id, to_bloc_year_id, error);
}
