/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Ranking, grades and award proposals: pure functions over per-unit totals.
 *
 * Nothing here reads the database: the caller fills TdRankInput records
 * (td-ranking-store.h does it from the scoring core) and a TdRankSettings,
 * and td_ranking_compute () returns the table the bloc meeting discusses,
 * with an explanation for every position. */
#pragma once

#include "td-points.h"

G_BEGIN_DECLS

/* Ordered worst to best, so "at least good" is a plain comparison. */
typedef enum
{
  TD_GRADE_NONE = -1, /* không xếp loại (disqualified) */
  TD_GRADE_NOT_DONE = 0,
  TD_GRADE_DONE,
  TD_GRADE_GOOD,
  TD_GRADE_EXCELLENT,
} TdGrade;

#define TD_GRADE_LAST TD_GRADE_EXCELLENT

/* Points of one section (a top-level node) of the criteria table, keyed by
 * its code ("I", "1", "A") so a rule survives into the next year's table. */
typedef struct
{
  gchar *code;
  TdPoints points;
} TdRankSection;

typedef struct
{
  gint64 unit_id;
  gchar *name;
  TdPoints final_total;
  TdPoints self_total;
  TdPoints assessed_total;
  gboolean has_assessed;
  TdPoints bonus;
  TdPoints deduction; /* points taken off, as a positive number */
  GArray *sections;   /* of TdRankSection */
  /* How far the self-score is from the assessed score (sum of the absolute
   * differences per criterion): smaller is better agreement. */
  TdPoints disagreement;
  gint votes;        /* the meeting's vote; -1 when not entered */
  gboolean scored;   /* any self or assessed entry (TRUE from td_rank_input_new) */
  gboolean has_self; /* any self-score entry (TRUE from td_rank_input_new) */
  gboolean disqualified;
  gchar *disqualified_reason;
  gboolean has_agreed; /* some of its points are the meeting's agreed points */
} TdRankInput;

typedef enum
{
  TD_TIE_BREAK_SECTION,         /* higher points in a chosen section */
  TD_TIE_BREAK_FEWER_DEDUCTION, /* fewer deduction points */
  TD_TIE_BREAK_MORE_BONUS,      /* more bonus points */
  TD_TIE_BREAK_AGREEMENT,       /* self-score closer to the assessed score */
  TD_TIE_BREAK_VOTE,            /* more votes at the meeting */
} TdTieBreakKind;

#define TD_TIE_BREAK_LAST TD_TIE_BREAK_VOTE

typedef struct
{
  TdTieBreakKind kind;
  gchar *section_code; /* TD_TIE_BREAK_SECTION only */
} TdTieBreak;

/* Thresholds for the three upper grades; below `done` is "not done".
 * In points (hundredths) or in hundredths of a percent of standard_total. */
typedef struct
{
  gboolean percent;
  TdPoints excellent;
  TdPoints good;
  TdPoints done;
  TdPoints standard_total; /* the table's standard total, for percent */
} TdGradeScale;

typedef enum
{
  TD_QUOTA_FIXED,      /* count */
  TD_QUOTA_BY_MEMBERS, /* count, or count_large when members >= members_threshold */
  TD_QUOTA_PERCENT,    /* percent (hundredths) of the members, rounded down */
} TdQuotaKind;

#define TD_QUOTA_LAST TD_QUOTA_PERCENT

typedef struct
{
  gint64 id;
  gint64 award_id;
  gchar *award_name;
  TdQuotaKind quota_kind;
  gint count;
  gint members_threshold;
  gint count_large;
  gint percent; /* hundredths of a percent: 30 % = 3000 */
  TdGrade min_grade;
  gint rank_from;         /* 0 = from the top */
  gint rank_to;           /* 0 = no limit */
  gboolean skip_proposed; /* leave out units an earlier rule proposed */
} TdProposalRule;

/* The clerk moved a unit to a place in the table. */
typedef struct
{
  gint64 unit_id;
  gint position; /* 1-based place among the ranked units */
  gchar *reason;
} TdRankOverride;

typedef enum
{
  TD_DECISION_ACCEPT,
  TD_DECISION_REMOVE,
  TD_DECISION_ADD,
} TdDecisionKind;

typedef struct
{
  gint64 rule_id;
  gint64 unit_id;
  TdDecisionKind kind;
  gchar *reason;
} TdProposalDecision;

typedef struct
{
  GPtrArray *tie_breaks; /* of TdTieBreak */
  TdGradeScale scale;
  GPtrArray *proposal_rules; /* of TdProposalRule */
  GPtrArray *overrides;      /* of TdRankOverride */
  GPtrArray *decisions;      /* of TdProposalDecision */
  /* The bloc's rules say a unit that sent no self-score is not graded;
   * applied by the adapter (td_ranking_load_inputs), which knows. */
  gboolean require_self_score;
} TdRankSettings;

typedef enum
{
  TD_PROPOSAL_PROPOSED, /* by the engine, not yet confirmed */
  TD_PROPOSAL_ACCEPTED, /* by the engine, accepted by the clerk */
  TD_PROPOSAL_REMOVED,  /* by the engine, removed by the clerk */
  TD_PROPOSAL_ADDED,    /* by the clerk */
} TdProposalState;

typedef struct
{
  const TdProposalRule *rule;
  const TdRankInput *unit;
  TdProposalState state;
  gchar *reason; /* the clerk's reason, for accepted/removed/added */
} TdProposal;

typedef struct
{
  const TdRankInput *input;
  guint position;      /* 1-based place in the table, disqualified included */
  gint rank;           /* 0 for disqualified units */
  gboolean shared;     /* đồng hạng */
  gboolean needs_vote; /* still tied, and only the meeting's vote can break it */
  gint decided_by;     /* rule index that put it above the next row, or -1 */
  const TdRankOverride *override;
  TdGrade grade;
  gchar *proposals;  /* award names, joined with ", " ("" when none) */
  gchar *quota_ties; /* awards whose limit falls inside this shared rank, or NULL */
  gchar *explanation;
} TdRankRow;

typedef struct
{
  GPtrArray *inputs;    /* kept alive for the rows' pointers */
  GPtrArray *rows;      /* of TdRankRow, in table order */
  GPtrArray *proposals; /* of TdProposal, in rule order then rank */
  guint n_ranked;
  gboolean needs_vote;
  TdRankSettings *owned_settings; /* freed with the ranking, may be NULL */
} TdRanking;

TdRankInput *td_rank_input_new (gint64 unit_id, const char *name);
void td_rank_input_free (TdRankInput *input);
void td_rank_input_set_section (TdRankInput *input, const char *code, TdPoints points);
gboolean td_rank_input_get_section (const TdRankInput *input, const char *code, TdPoints *points);

TdTieBreak *td_tie_break_new (TdTieBreakKind kind, const char *section_code);
void td_tie_break_free (TdTieBreak *rule);
TdProposalRule *td_proposal_rule_new (void);
TdProposalRule *td_proposal_rule_copy (const TdProposalRule *rule);
void td_proposal_rule_free (TdProposalRule *rule);
TdRankOverride *td_rank_override_new (gint64 unit_id, gint position, const char *reason);
void td_rank_override_free (TdRankOverride *override);
TdProposalDecision *td_proposal_decision_new (gint64 rule_id, gint64 unit_id, TdDecisionKind kind,
                                              const char *reason);
void td_proposal_decision_free (TdProposalDecision *decision);

TdRankSettings *td_rank_settings_new (void);
void td_rank_settings_free (TdRankSettings *settings);
void td_grade_scale_init_default (TdGradeScale *scale);

TdRanking *td_ranking_compute (GPtrArray *inputs, const TdRankSettings *settings);
void td_ranking_free (TdRanking *ranking);
const TdRankRow *td_ranking_find_unit (const TdRanking *ranking, gint64 unit_id);

TdGrade td_grade_for (const TdGradeScale *scale, TdPoints total);
/* Thresholds in points above the table's standard total cannot be met
 * without bonuses: a message for the clerk (translated), else NULL. */
gchar *td_grade_scale_warning (const TdGradeScale *scale);
gint td_proposal_rule_quota (const TdProposalRule *rule, guint n_members);

/* What the proposal column says for a row, the same on screen and paper:
 * the awards proposed (the meeting's confirmations and additions marked),
 * then "<awards>: the meeting decides" where an award's limit falls inside
 * the row's shared rank (those awards are not listed as proposed).
 * @official: the fixed Vietnamese of the sheets, else translated. */
gchar *td_rank_row_describe_proposals (const TdRanking *ranking, const TdRankRow *row,
                                       gboolean official);

const char *td_grade_to_string (TdGrade grade);
const char *td_grade_to_short_string (TdGrade grade);
const char *td_grade_to_id (TdGrade grade);
TdGrade td_grade_from_id (const char *id);
const char *td_tie_break_kind_to_id (TdTieBreakKind kind);
gboolean td_tie_break_kind_from_id (const char *id, TdTieBreakKind *kind);
gchar *td_tie_break_describe (const TdTieBreak *rule);
const char *td_quota_kind_to_id (TdQuotaKind kind);
gboolean td_quota_kind_from_id (const char *id, TdQuotaKind *kind);
gchar *td_proposal_rule_describe_quota (const TdProposalRule *rule);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdRankInput, td_rank_input_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdTieBreak, td_tie_break_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdProposalRule, td_proposal_rule_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdRankOverride, td_rank_override_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdProposalDecision, td_proposal_decision_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdRankSettings, td_rank_settings_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdRanking, td_ranking_free)

G_END_DECLS
