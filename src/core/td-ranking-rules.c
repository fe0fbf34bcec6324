/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The ranking rules of a bloc-year as stored (part of the API in
 * td-ranking-store.h): the award catalogue, the grade thresholds, the
 * tie-break and proposal rules, and what the meeting decided (votes,
 * overrides, accepted or changed proposals), each with its audit row.
 *
 * A bloc-year without a ranking_settings row has never been edited: it
 * reads as the defaults, and the first edit writes them first so proposal
 * decisions always have a rule row to refer to. */
#include "config.h"

#include "td-query.h"
#include "td-ranking-store.h"
#include "td-record.h"

#include <glib/gi18n-lib.h>

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

static const gsize award_texts[]
    = { G_STRUCT_OFFSET (TdAward, name), G_STRUCT_OFFSET (TdAward, level), TD_RECORD_END };

TD_RECORD_DEFINE_FREE (TdAward, td_award_free, award_texts);

/* --- award catalogue ----------------------------------------------------- */

static gpointer
award_from_row (sqlite3_stmt *stmt)
{
  TdAward *a = g_new0 (TdAward, 1);

  td_query_columns (stmt, "xeebi", &a->id, &a->name, &a->level, &a->title, &a->position);
  return a;
}

GPtrArray *
td_award_list (TdDb *db, GError **error)
{
  return td_query_list (db,
                        "SELECT id, name, level, kind = 'title', position"
                        " FROM award_catalogue ORDER BY position, name COLLATE VI",
                        award_from_row, (GDestroyNotify)td_award_free, error, NULL);
}

gint64
td_award_save (TdDb *db, const TdAward *award, GError **error)
{
  g_autofree gchar *name = g_strstrip (g_strdup (award->name ? award->name : ""));
  const char *sql = award->id > 0 ? "UPDATE award_catalogue SET name = ?1, level = ?2, kind = ?3,"
                                    " position = ?4 WHERE id = ?5"
                                  : "INSERT INTO award_catalogue (name, level, kind, position)"
                                    " VALUES (?1, ?2, ?3, ?4)";

  if (*name == '\0')
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("The name of a title or award cannot be empty."));
      return 0;
    }
  if (!td_query_run_change (db, "ranking", NULL, error, sql, "sesix", name, award->level,
                            award->title ? "title" : "award", award->position, award->id))
    {
      if (error && *error && (*error)->code == TD_ERROR_CONSTRAINT)
        {
          g_clear_error (error);
          g_set_error (error, TD_ERROR, TD_ERROR_CONSTRAINT,
                       _ ("The catalogue already has “%s”. Choose another name."), name);
        }
      return 0;
    }
  return award->id > 0 ? award->id : td_db_last_insert_id (db);
}

gboolean
td_award_delete (TdDb *db, gint64 award_id, GError **error)
{
  GError *local = NULL;
  gint64 used = td_query_int (db, "SELECT count(*) FROM proposal_rule WHERE award_id = ?", 0,
                              &local, "x", award_id);

  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  if (used > 0)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_CONSTRAINT,
                   _ ("This title or award is used by a proposal rule. Delete the rule first."));
      return FALSE;
    }
  return td_query_run_change (db, "ranking", NULL, error,
                              "DELETE FROM award_catalogue WHERE id = ?", "x", award_id);
}

/* --- settings ------------------------------------------------------------ */

static gint64
award_by_name (TdDb *db, const char *name)
{
  return td_query_int (db, "SELECT id FROM award_catalogue WHERE name = ?", 0, NULL, "s", name);
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

/* TRUE when the bloc-year's settings were written once; FALSE with
 * @error unset when they never were. */
static gboolean
has_settings (TdDb *db, gint64 bloc_year_id, GError **error)
{
  return td_query_int (db, "SELECT 1 FROM ranking_settings WHERE bloc_year_id = ?", 0, error, "x",
                       bloc_year_id)
         != 0;
}

typedef struct
{
  TdGradeScale scale;
  gboolean require_self;
} Scale;

static gpointer
scale_from_row (sqlite3_stmt *stmt)
{
  Scale *s = g_new0 (Scale, 1);

  td_query_columns (stmt, "bxxxb", &s->scale.percent, &s->scale.excellent, &s->scale.good,
                    &s->scale.done, &s->require_self);
  return s;
}

static gboolean
load_scale (TdDb *db, gint64 bloc_year_id, TdGradeScale *scale, gboolean *require_self,
            GError **error)
{
  GError *local = NULL;
  g_autofree Scale *s = td_query_one (db,
                                      "SELECT grade_unit = 'percent', excellent, good, done,"
                                      " require_self_score FROM ranking_settings"
                                      " WHERE bloc_year_id = ?",
                                      scale_from_row, NULL, &local, "x", bloc_year_id);

  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  if (s != NULL)
    {
      /* The standard total is not stored: it comes from the criteria. */
      scale->percent = s->scale.percent;
      scale->excellent = s->scale.excellent;
      scale->good = s->scale.good;
      scale->done = s->scale.done;
      *require_self = s->require_self;
    }
  return TRUE;
}

static gpointer
tie_break_from_row (sqlite3_stmt *stmt)
{
  TdTieBreakKind kind;

  if (!td_tie_break_kind_from_id ((const char *)sqlite3_column_text (stmt, 0), &kind))
    return NULL; /* a kind from a newer program: left out */
  return td_tie_break_new (kind, (const char *)sqlite3_column_text (stmt, 1));
}

static gpointer
proposal_rule_from_row (sqlite3_stmt *stmt)
{
  TdProposalRule *rule = td_proposal_rule_new ();

  td_query_columns (stmt, "xxe-iiii-iib", &rule->id, &rule->award_id, &rule->award_name,
                    &rule->count, &rule->members_threshold, &rule->count_large, &rule->percent,
                    &rule->rank_from, &rule->rank_to, &rule->skip_proposed);
  td_quota_kind_from_id ((const char *)sqlite3_column_text (stmt, 3), &rule->quota_kind);
  rule->min_grade = td_grade_from_id ((const char *)sqlite3_column_text (stmt, 8));
  return rule;
}

static gpointer
override_from_row (sqlite3_stmt *stmt)
{
  return td_rank_override_new (sqlite3_column_int64 (stmt, 0), sqlite3_column_int (stmt, 1),
                               (const char *)sqlite3_column_text (stmt, 2));
}

static const char *const decision_ids[] = { "accept", "remove", "add" };

static gpointer
decision_from_row (sqlite3_stmt *stmt)
{
  const char *kind = (const char *)sqlite3_column_text (stmt, 2);

  for (guint i = 0; i < G_N_ELEMENTS (decision_ids); i++)
    if (g_strcmp0 (kind, decision_ids[i]) == 0)
      return td_proposal_decision_new (sqlite3_column_int64 (stmt, 0),
                                       sqlite3_column_int64 (stmt, 1), (TdDecisionKind)i,
                                       (const char *)sqlite3_column_text (stmt, 3));
  return NULL; /* a kind from a newer program: left out */
}

/* Appends the records of @sql (bound to @bloc_year_id) to @out, whose
 * elements @free_func frees, without the rows @row left out. */
static gboolean
load_into (TdDb *db, const char *sql, TdRowFunc row, GDestroyNotify free_func, gint64 bloc_year_id,
           GPtrArray *out, GError **error)
{
  g_autoptr (GPtrArray) records = td_query_list (db, sql, row, free_func, error, "x", bloc_year_id);

  if (records == NULL)
    return FALSE;
  g_ptr_array_set_free_func (records, NULL);
  for (guint i = 0; i < records->len; i++)
    if (records->pdata[i] != NULL)
      g_ptr_array_add (out, records->pdata[i]);
  return TRUE;
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
           || !load_into (db,
                          "SELECT kind, section_code FROM tie_break_rule"
                          " WHERE bloc_year_id = ? ORDER BY position, id",
                          tie_break_from_row, (GDestroyNotify)td_tie_break_free, bloc_year_id,
                          settings->tie_breaks, error)
           || !load_into (db,
                          "SELECT r.id, r.award_id, a.name, r.quota_kind, r.count,"
                          "  r.members_threshold, r.count_large, r.percent, r.min_grade,"
                          "  r.rank_from, r.rank_to, r.skip_proposed"
                          " FROM proposal_rule r JOIN award_catalogue a ON a.id = r.award_id"
                          " WHERE r.bloc_year_id = ? ORDER BY r.position, r.id",
                          proposal_rule_from_row, (GDestroyNotify)td_proposal_rule_free,
                          bloc_year_id, settings->proposal_rules, error))
    return NULL;

  if (!load_into (db,
                  "SELECT unit_id, position, reason FROM ranking_override"
                  " WHERE bloc_year_id = ? ORDER BY id",
                  override_from_row, (GDestroyNotify)td_rank_override_free, bloc_year_id,
                  settings->overrides, error)
      || !load_into (db,
                     "SELECT d.rule_id, d.unit_id, d.kind, d.reason FROM proposal_decision d"
                     " JOIN proposal_rule r ON r.id = d.rule_id"
                     " WHERE r.bloc_year_id = ? ORDER BY d.id",
                     decision_from_row, (GDestroyNotify)td_proposal_decision_free, bloc_year_id,
                     settings->decisions, error))
    return NULL;
  return g_steal_pointer (&settings);
}

static gboolean
write_scale (TdDb *db, gint64 bloc_year_id, const TdGradeScale *scale, GError **error)
{
  return td_query_run (db,
                       "INSERT INTO ranking_settings (bloc_year_id, grade_unit, excellent, good,"
                       " done) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (bloc_year_id) DO UPDATE"
                       " SET grade_unit = ?2, excellent = ?3, good = ?4, done = ?5",
                       error, "xsxxx", bloc_year_id, scale->percent ? "percent" : "points",
                       scale->excellent, scale->good, scale->done);
}

static gboolean
write_require_self (TdDb *db, gint64 bloc_year_id, gboolean require, GError **error)
{
  return td_query_run (db,
                       "UPDATE ranking_settings SET require_self_score = ? WHERE bloc_year_id = ?",
                       error, "bx", require, bloc_year_id);
}

static gboolean
write_tie_breaks (TdDb *db, gint64 bloc_year_id, GPtrArray *rules, GError **error)
{
  if (!td_query_run (db, "DELETE FROM tie_break_rule WHERE bloc_year_id = ?", error, "x",
                     bloc_year_id))
    return FALSE;
  for (guint i = 0; i < rules->len; i++)
    {
      const TdTieBreak *rule = g_ptr_array_index (rules, i);

      if (!td_query_run (db,
                         "INSERT INTO tie_break_rule (bloc_year_id, position, kind,"
                         " section_code) VALUES (?, ?, ?, ?)",
                         error, "xise", bloc_year_id, (gint)i, td_tie_break_kind_to_id (rule->kind),
                         rule->section_code))
        return FALSE;
    }
  return TRUE;
}

static gint64
write_proposal_rule (TdDb *db, gint64 bloc_year_id, const TdProposalRule *rule, gint position,
                     GError **error)
{
  const char *sql
      = rule->id > 0
            ? "UPDATE proposal_rule SET award_id = ?2, quota_kind = ?3, count = ?4,"
              " members_threshold = ?5, count_large = ?6, percent = ?7, min_grade = ?8,"
              " rank_from = ?9, rank_to = ?10, skip_proposed = ?11 WHERE id = ?12"
            : "INSERT INTO proposal_rule (bloc_year_id, award_id, quota_kind, count,"
              " members_threshold, count_large, percent, min_grade, rank_from, rank_to,"
              " skip_proposed, position) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
              " ?12)";

  /* ?12 is the rule's id when it exists, else its position. */
  if (!td_query_run (db, sql, error, "xxsiiiisiibx", bloc_year_id, rule->award_id,
                     td_quota_kind_to_id (rule->quota_kind), rule->count, rule->members_threshold,
                     rule->count_large, rule->percent, td_grade_to_id (rule->min_grade),
                     rule->rank_from, rule->rank_to, rule->skip_proposed,
                     rule->id > 0 ? rule->id : (gint64)position))
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

/* A change of the settings: they are written first if they never were. */
typedef struct
{
  gint64 bloc_year_id;
  gint kind;
  gconstpointer value;
} SettingsChange;

enum
{
  CHANGE_NOTHING,
  CHANGE_SCALE,
  CHANGE_REQUIRE_SELF,
  CHANGE_TIE_BREAKS,
};

static gboolean
change_settings (TdDb *db, gpointer data, GError **error)
{
  SettingsChange *c = data;

  if (!ensure_settings (db, c->bloc_year_id, error))
    return FALSE;
  switch (c->kind)
    {
    case CHANGE_SCALE:
      return write_scale (db, c->bloc_year_id, c->value, error);
    case CHANGE_REQUIRE_SELF:
      return write_require_self (db, c->bloc_year_id, GPOINTER_TO_INT (c->value), error);
    case CHANGE_TIE_BREAKS:
      return write_tie_breaks (db, c->bloc_year_id, (GPtrArray *)c->value, error);
    default:
      return TRUE;
    }
}

static gboolean
settings_change (TdDb *db, gint64 bloc_year_id, gint kind, gconstpointer value, GError **error)
{
  SettingsChange c = { bloc_year_id, kind, value };

  return td_query_change (db, "ranking", NULL, change_settings, &c, error);
}

gboolean
td_ranking_ensure_settings (TdDb *db, gint64 bloc_year_id, GError **error)
{
  return settings_change (db, bloc_year_id, CHANGE_NOTHING, NULL, error);
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
  return settings_change (db, bloc_year_id, CHANGE_SCALE, scale, error);
}

gboolean
td_ranking_set_require_self_score (TdDb *db, gint64 bloc_year_id, gboolean require, GError **error)
{
  return settings_change (db, bloc_year_id, CHANGE_REQUIRE_SELF, GINT_TO_POINTER (require), error);
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
  return settings_change (db, bloc_year_id, CHANGE_TIE_BREAKS, rules, error);
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
  position = (gint)td_query_int (db, "SELECT 1 + coalesce (max (position), 0) FROM proposal_rule",
                                 0, NULL, NULL);
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
  return td_query_run_change (db, "ranking", NULL, error, "DELETE FROM proposal_rule WHERE id = ?",
                              "x", rule_id);
}

/* --- votes, overrides and decisions ------------------------------------- */

/* What the meeting decides moves units in the table: every change of it
 * goes into the audit trail with what it replaced. */

gboolean
td_ranking_set_votes (TdDb *db, gint64 bloc_year_id, gint64 unit_id, gint votes, GError **error)
{
  g_autofree gchar *old
      = td_query_text (db, "SELECT votes FROM ranking_vote WHERE bloc_year_id = ? AND unit_id = ?",
                       NULL, "xx", bloc_year_id, unit_id);
  g_autofree gchar *new_text = votes >= 0 ? g_strdup_printf ("%d", votes) : NULL;
  TdAudit audit = { "ranking_vote", unit_id, "votes", old, new_text };

  if (votes < 0)
    return td_query_run_change (db, "ranking", &audit, error,
                                "DELETE FROM ranking_vote WHERE bloc_year_id = ?1 AND unit_id = ?2",
                                "xx", bloc_year_id, unit_id);
  return td_query_run_change (db, "ranking", &audit, error,
                              "INSERT INTO ranking_vote (bloc_year_id, unit_id, votes)"
                              " VALUES (?1, ?2, ?3) ON CONFLICT DO UPDATE SET votes = ?3",
                              "xxi", bloc_year_id, unit_id, votes);
}

typedef struct
{
  gint64 bloc_year_id, unit_id;
  gint position;
  const char *reason, *at, *user;
} Override;

/* Delete then insert: an override is applied in the order it was made. */
static gboolean
write_override (TdDb *db, gpointer data, GError **error)
{
  Override *o = data;

  return td_query_run (db, "DELETE FROM ranking_override WHERE bloc_year_id = ? AND unit_id = ?",
                       error, "xx", o->bloc_year_id, o->unit_id)
         && td_query_run (db,
                          "INSERT INTO ranking_override (bloc_year_id, unit_id, position, reason,"
                          " at, user) VALUES (?, ?, ?, ?, ?, ?)",
                          error, "xxisss", o->bloc_year_id, o->unit_id, o->position, o->reason,
                          o->at, o->user);
}

#define OVERRIDE_TEXT                                                                              \
  "SELECT position || ': ' || reason FROM ranking_override WHERE bloc_year_id = ? AND unit_id = ?"

gboolean
td_ranking_set_override (TdDb *db, gint64 bloc_year_id, gint64 unit_id, gint position,
                         const char *reason, GError **error)
{
  g_autofree gchar *why = g_strstrip (g_strdup (reason ? reason : ""));
  g_autofree gchar *old = td_query_text (db, OVERRIDE_TEXT, NULL, "xx", bloc_year_id, unit_id);
  g_autofree gchar *new_text = NULL;
  g_autofree gchar *at = now_iso ();
  g_autofree gchar *user = td_db_current_user ();
  Override o = { bloc_year_id, unit_id, position, why, at, user };
  TdAudit audit = { "ranking_override", unit_id, "position", old, NULL };

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
  audit.new_value = new_text = g_strdup_printf ("%d: %s", position, why);
  return td_query_change (db, "ranking", &audit, write_override, &o, error);
}

/* Deletes a unit's row of @table (an override or a decision, keyed by
 * @key and the unit), with the text @old_sql reads of it as the audit's
 * old value; nothing to do when there is no such row. */
static gboolean
clear_unit_row (TdDb *db, const char *table, const char *field, const char *old_sql,
                const char *delete_sql, gint64 key, gint64 unit_id, GError **error)
{
  g_autofree gchar *old = td_query_text (db, old_sql, NULL, "xx", key, unit_id);
  TdAudit audit = { table, unit_id, field, old, NULL };

  if (old == NULL)
    return TRUE;
  return td_query_run_change (db, "ranking", &audit, error, delete_sql, "xx", key, unit_id);
}

gboolean
td_ranking_clear_override (TdDb *db, gint64 bloc_year_id, gint64 unit_id, GError **error)
{
  return clear_unit_row (db, "ranking_override", "position", OVERRIDE_TEXT,
                         "DELETE FROM ranking_override WHERE bloc_year_id = ? AND unit_id = ?",
                         bloc_year_id, unit_id, error);
}

#define DECISION_TEXT                                                                              \
  "SELECT kind || ': ' || reason FROM proposal_decision WHERE rule_id = ? AND unit_id = ?"

gboolean
td_ranking_set_decision (TdDb *db, gint64 rule_id, gint64 unit_id, TdDecisionKind kind,
                         const char *reason, GError **error)
{
  g_autofree gchar *why = g_strstrip (g_strdup (reason ? reason : ""));
  g_autofree gchar *old = td_query_text (db, DECISION_TEXT, NULL, "xx", rule_id, unit_id);
  g_autofree gchar *new_text = g_strdup_printf ("%s: %s", decision_ids[kind], why);
  g_autofree gchar *at = now_iso ();
  g_autofree gchar *user = td_db_current_user ();
  TdAudit audit = { "proposal_decision", unit_id, "kind", old, new_text };

  if (kind != TD_DECISION_ACCEPT && *why == '\0')
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("Reason: removing or adding a proposal needs a reason."));
      return FALSE;
    }
  return td_query_run_change (db, "ranking", &audit, error,
                              "INSERT INTO proposal_decision (rule_id, unit_id, kind, reason, at,"
                              " user) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (rule_id,"
                              " unit_id) DO UPDATE SET kind = ?3, reason = ?4, at = ?5, user = ?6",
                              "xxssss", rule_id, unit_id, decision_ids[kind], why, at, user);
}

gboolean
td_ranking_clear_decision (TdDb *db, gint64 rule_id, gint64 unit_id, GError **error)
{
  return clear_unit_row (db, "proposal_decision", "kind", DECISION_TEXT,
                         "DELETE FROM proposal_decision WHERE rule_id = ? AND unit_id = ?", rule_id,
                         unit_id, error);
}

/* --- copying to a new year ---------------------------------------------- */

typedef struct
{
  gint64 to;
  TdRankSettings *settings;
} Copy;

/* Votes, overrides and decisions belong to one meeting: not copied. */
static gboolean
write_copy (TdDb *db, gpointer data, GError **error)
{
  Copy *c = data;

  if (!td_query_run (db, "DELETE FROM proposal_rule WHERE bloc_year_id = ?", error, "x", c->to)
      || !write_scale (db, c->to, &c->settings->scale, error)
      || !write_tie_breaks (db, c->to, c->settings->tie_breaks, error)
      || !write_require_self (db, c->to, c->settings->require_self_score, error))
    return FALSE;
  for (guint i = 0; i < c->settings->proposal_rules->len; i++)
    {
      g_autoptr (TdProposalRule) rule
          = td_proposal_rule_copy (g_ptr_array_index (c->settings->proposal_rules, i));

      rule->id = 0;
      if (write_proposal_rule (db, c->to, rule, (gint)i, error) == 0)
        return FALSE;
    }
  return TRUE;
}

gboolean
td_ranking_copy_settings (TdDb *db, gint64 from_bloc_year_id, gint64 to_bloc_year_id,
                          GError **error)
{
  g_autoptr (TdRankSettings) settings = td_ranking_load_settings (db, from_bloc_year_id, error);
  Copy c = { to_bloc_year_id, settings };

  return settings != NULL && td_query_change (db, "ranking", NULL, write_copy, &c, error);
}

gboolean
td_ranking_new_year_hook (TdDb *db, gint64 from_bloc_year_id, gint64 to_bloc_year_id,
                          gpointer user_data, GError **error)
{
  return td_ranking_copy_settings (db, from_bloc_year_id, to_bloc_year_id, error);
}
