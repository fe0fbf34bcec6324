/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Ranking storage: the settings, votes, overrides and proposal decisions of
 * a bloc-year, the award catalogue, the "last seen" snapshot, and the
 * adapter that fills the pure engine's input from the scoring core. */
#pragma once

#include "td-db.h"
#include "td-ranking.h"
#include "td-scoring.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 id;
  gchar *name;
  gchar *level;   /* issuing level: "Chủ tịch UBND tỉnh" */
  gboolean title; /* danh hiệu, else hình thức khen thưởng */
  gint position;
} TdAward;

/* How a unit's place changed since the clerk last looked. */
typedef struct
{
  gint64 unit_id;
  gchar *name;
  gint old_rank; /* 0 = not ranked then; -1 = not in the table then */
  gint new_rank; /* 0 = not ranked now */
  TdPoints old_total;
  TdPoints new_total;
} TdRankChange;

TdAward *td_award_new (void);
void td_award_free (TdAward *award);
void td_rank_change_free (TdRankChange *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdAward, td_award_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdRankChange, td_rank_change_free)

GPtrArray *td_award_list (TdDb *db, GError **error);
gint64 td_award_save (TdDb *db, const TdAward *award, GError **error);
gboolean td_award_delete (TdDb *db, gint64 award_id, GError **error);

/* Saved settings, or the defaults for a bloc-year that has none yet. */
TdRankSettings *td_ranking_load_settings (TdDb *db, gint64 bloc_year_id, GError **error);
/* Writes the defaults, so rules get ids before anything refers to them. */
gboolean td_ranking_ensure_settings (TdDb *db, gint64 bloc_year_id, GError **error);
gboolean td_ranking_copy_settings (TdDb *db, gint64 from_bloc_year_id, gint64 to_bloc_year_id,
                                   GError **error);
/* td_ranking_copy_settings with the registry's TdNewYearHook signature, so
 * "start a new year" copies the rules: register it with
 * td_registry_add_new_year_hook (td_ranking_new_year_hook, NULL). */
gboolean td_ranking_new_year_hook (TdDb *db, gint64 from_bloc_year_id, gint64 to_bloc_year_id,
                                   gpointer user_data, GError **error);

gboolean td_ranking_set_grade_scale (TdDb *db, gint64 bloc_year_id, const TdGradeScale *scale,
                                     GError **error);
gboolean td_ranking_set_require_self_score (TdDb *db, gint64 bloc_year_id, gboolean require,
                                            GError **error);
gboolean td_ranking_set_tie_breaks (TdDb *db, gint64 bloc_year_id, GPtrArray *rules,
                                    GError **error);
gint64 td_ranking_save_proposal_rule (TdDb *db, gint64 bloc_year_id, const TdProposalRule *rule,
                                      GError **error);
gboolean td_ranking_delete_proposal_rule (TdDb *db, gint64 rule_id, GError **error);

gboolean td_ranking_set_votes (TdDb *db, gint64 bloc_year_id, gint64 unit_id, gint votes,
                               GError **error);
gboolean td_ranking_set_override (TdDb *db, gint64 bloc_year_id, gint64 unit_id, gint position,
                                  const char *reason, GError **error);
gboolean td_ranking_clear_override (TdDb *db, gint64 bloc_year_id, gint64 unit_id, GError **error);
gboolean td_ranking_set_decision (TdDb *db, gint64 rule_id, gint64 unit_id, TdDecisionKind kind,
                                  const char *reason, GError **error);
gboolean td_ranking_clear_decision (TdDb *db, gint64 rule_id, gint64 unit_id, GError **error);

/* The adapter: one record per member, from the scoring core.  The
 * members' totals are read from the stored totals of the bloc-year when
 * there are some (the schema's triggers delete them whenever an entry, a
 * criterion, an option, the criteria table or the membership changes),
 * else computed from every entry and stored (not in a read-only file). */
GPtrArray *td_ranking_load_inputs (TdDb *db, gint64 bloc_year_id, TdPoints *standard_total,
                                   GError **error);
/* The same, always computed from the entries; the stored totals are
 * neither read nor written.  For checking the stored ones. */
GPtrArray *td_ranking_compute_inputs (TdDb *db, gint64 bloc_year_id, TdPoints *standard_total,
                                      GError **error);
/* Whether the bloc-year's totals are stored (and readable by this build). */
gboolean td_ranking_has_stored_totals (TdDb *db, gint64 bloc_year_id);
/* Deletes the stored totals of a bloc-year (0: of every bloc-year), so the
 * next ranking computes them again. */
gboolean td_ranking_forget_totals (TdDb *db, gint64 bloc_year_id, GError **error);
/* The codes of the table's sections, for a "section" tie-break rule. */
GPtrArray *td_ranking_list_sections (TdDb *db, gint64 bloc_year_id, GError **error);
/* Inputs + settings + engine in one call.  The ranking owns the settings;
 * settings_out (may be NULL) borrows them. */
TdRanking *td_ranking_load (TdDb *db, gint64 bloc_year_id, TdRankSettings **settings_out,
                            GError **error);
/* The same from the criteria table and scores of @bloc_year_id that the
 * caller loaded already (td_criteria_load + td_scores_load), so an export
 * that shows both reads the entries once; NULL @table or @scores loads them. */
TdRanking *td_ranking_load_with_scores (TdDb *db, gint64 bloc_year_id, TdCriteriaTable *table,
                                        TdScores *scores, TdRankSettings **settings_out,
                                        GError **error);

/* The newest bloc-year of the file, 0 when there is none. */
gint64 td_ranking_default_bloc_year (TdDb *db);

gboolean td_ranking_mark_seen (TdDb *db, gint64 bloc_year_id, const TdRanking *ranking,
                               GError **error);
GPtrArray *td_ranking_changes_since_seen (TdDb *db, gint64 bloc_year_id, const TdRanking *ranking,
                                          gboolean *ever_seen, GError **error);

G_END_DECLS
