/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Ranking, grades and award proposals: pure functions over per-unit totals.
 *
 * The meeting argues about every place in the table, so the engine keeps
 * what decided each place (which tie-break rule, which override and why)
 * and turns it into a sentence the clerk can read out. */
#include "config.h"

#include "td-enum.h"
#include "td-ranking.h"
#include "td-record.h"
#include "td-text.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* --- records --------------------------------------------------------- */

TdRankInput *
td_rank_input_new (gint64 unit_id, const char *name)
{
  TdRankInput *input = g_new0 (TdRankInput, 1);

  input->unit_id = unit_id;
  input->name = g_strdup (name ? name : "");
  input->votes = -1;
  input->scored = TRUE;
  input->has_self = TRUE;
  input->sections = g_array_new (FALSE, TRUE, sizeof (TdRankSection));
  return input;
}

static const gsize rank_input_texts[]
    = { G_STRUCT_OFFSET (TdRankInput, name), G_STRUCT_OFFSET (TdRankInput, disqualified_reason),
        TD_RECORD_END };

void
td_rank_input_free (TdRankInput *input)
{
  if (input == NULL)
    return;
  for (guint i = 0; i < input->sections->len; i++)
    g_free (g_array_index (input->sections, TdRankSection, i).code);
  g_array_unref (input->sections);
  td_record_free (input, rank_input_texts);
}

void
td_rank_input_set_section (TdRankInput *input, const char *code, TdPoints points)
{
  TdRankSection section;

  for (guint i = 0; i < input->sections->len; i++)
    {
      TdRankSection *s = &g_array_index (input->sections, TdRankSection, i);
      if (g_strcmp0 (s->code, code) == 0)
        {
          s->points = points;
          return;
        }
    }
  section.code = g_strdup (code);
  section.points = points;
  g_array_append_val (input->sections, section);
}

gboolean
td_rank_input_get_section (const TdRankInput *input, const char *code, TdPoints *points)
{
  for (guint i = 0; i < input->sections->len; i++)
    {
      const TdRankSection *s = &g_array_index (input->sections, TdRankSection, i);
      if (g_strcmp0 (s->code, code) == 0)
        {
          *points = s->points;
          return TRUE;
        }
    }
  *points = 0;
  return FALSE;
}

TdTieBreak *
td_tie_break_new (TdTieBreakKind kind, const char *section_code)
{
  TdTieBreak *rule = g_new0 (TdTieBreak, 1);

  rule->kind = kind;
  rule->section_code = g_strdup (section_code ? section_code : "");
  return rule;
}

static const gsize tie_break_texts[]
    = { G_STRUCT_OFFSET (TdTieBreak, section_code), TD_RECORD_END };

TD_RECORD_DEFINE_FREE (TdTieBreak, td_tie_break_free, tie_break_texts);

TdProposalRule *
td_proposal_rule_new (void)
{
  TdProposalRule *rule = g_new0 (TdProposalRule, 1);

  rule->award_name = g_strdup ("");
  rule->count = 1;
  rule->min_grade = TD_GRADE_EXCELLENT;
  return rule;
}

static const gsize proposal_rule_texts[]
    = { G_STRUCT_OFFSET (TdProposalRule, award_name), TD_RECORD_END };

TD_RECORD_DEFINE_COPY (TdProposalRule, td_proposal_rule_copy, proposal_rule_texts);

TD_RECORD_DEFINE_FREE (TdProposalRule, td_proposal_rule_free, proposal_rule_texts);

TdRankOverride *
td_rank_override_new (gint64 unit_id, gint position, const char *reason)
{
  TdRankOverride *override = g_new0 (TdRankOverride, 1);

  override->unit_id = unit_id;
  override->position = position;
  override->reason = g_strdup (reason ? reason : "");
  return override;
}

static const gsize override_texts[] = { G_STRUCT_OFFSET (TdRankOverride, reason), TD_RECORD_END };

TD_RECORD_DEFINE_FREE (TdRankOverride, td_rank_override_free, override_texts);

TdProposalDecision *
td_proposal_decision_new (gint64 rule_id, gint64 unit_id, TdDecisionKind kind, const char *reason)
{
  TdProposalDecision *decision = g_new0 (TdProposalDecision, 1);

  decision->rule_id = rule_id;
  decision->unit_id = unit_id;
  decision->kind = kind;
  decision->reason = g_strdup (reason ? reason : "");
  return decision;
}

static const gsize decision_texts[]
    = { G_STRUCT_OFFSET (TdProposalDecision, reason), TD_RECORD_END };

TD_RECORD_DEFINE_FREE (TdProposalDecision, td_proposal_decision_free, decision_texts);

void
td_grade_scale_init_default (TdGradeScale *scale)
{
  /* The common pattern from DOMAIN.md, >= 90, 70-<90, 50-<70, < 50, in
   * percent of the table's standard total: the same as points on a
   * 100-point table, and still right on a 30- or 1000-point one. */
  scale->percent = TRUE;
  scale->excellent = TD_POINTS (90);
  scale->good = TD_POINTS (70);
  scale->done = TD_POINTS (50);
  scale->standard_total = TD_POINTS (100);
}

TdRankSettings *
td_rank_settings_new (void)
{
  TdRankSettings *settings = g_new0 (TdRankSettings, 1);

  settings->tie_breaks = g_ptr_array_new_with_free_func ((GDestroyNotify)td_tie_break_free);
  settings->proposal_rules = g_ptr_array_new_with_free_func ((GDestroyNotify)td_proposal_rule_free);
  settings->overrides = g_ptr_array_new_with_free_func ((GDestroyNotify)td_rank_override_free);
  settings->decisions = g_ptr_array_new_with_free_func ((GDestroyNotify)td_proposal_decision_free);
  td_grade_scale_init_default (&settings->scale);
  return settings;
}

static const TdRecordPart settings_parts[]
    = { TD_RECORD_PART (TdRankSettings, tie_breaks, g_ptr_array_unref),
        TD_RECORD_PART (TdRankSettings, proposal_rules, g_ptr_array_unref),
        TD_RECORD_PART (TdRankSettings, overrides, g_ptr_array_unref),
        TD_RECORD_PART (TdRankSettings, decisions, g_ptr_array_unref), TD_RECORD_PARTS_END };

TD_RECORD_DEFINE_FREE_FULL (TdRankSettings, td_rank_settings_free, NULL, settings_parts);

static const gsize rank_row_texts[]
    = { G_STRUCT_OFFSET (TdRankRow, quota_ties), G_STRUCT_OFFSET (TdRankRow, proposals),
        G_STRUCT_OFFSET (TdRankRow, explanation), TD_RECORD_END };

static TD_RECORD_DEFINE_FREE (TdRankRow, rank_row_free, rank_row_texts);

static const gsize proposal_texts[] = { G_STRUCT_OFFSET (TdProposal, reason), TD_RECORD_END };

static TD_RECORD_DEFINE_FREE (TdProposal, proposal_free, proposal_texts);

static const TdRecordPart ranking_parts[]
    = { TD_RECORD_PART (TdRanking, rows, g_ptr_array_unref),
        TD_RECORD_PART (TdRanking, proposals, g_ptr_array_unref),
        TD_RECORD_PART (TdRanking, inputs, g_ptr_array_unref),
        TD_RECORD_PART (TdRanking, owned_settings, td_rank_settings_free), TD_RECORD_PARTS_END };

TD_RECORD_DEFINE_FREE_FULL (TdRanking, td_ranking_free, NULL, ranking_parts);

const TdRankRow *
td_ranking_find_unit (const TdRanking *ranking, gint64 unit_id)
{
  for (guint i = 0; i < ranking->rows->len; i++)
    {
      const TdRankRow *row = g_ptr_array_index (ranking->rows, i);
      if (row->input->unit_id == unit_id)
        return row;
    }
  return NULL;
}

/* --- names and ids ----------------------------------------------------- */

/* Each grade's id in the file, its name and its short name for narrow
 * places (a table column; the full name goes in a tooltip), from
 * TD_GRADE_NONE (−1) up: a grade's entry is grades[grade + 1]. */
static const struct
{
  const char *id, *name, *short_name;
} grades[] = {
  { "none", N_ ("Not graded"), NC_ ("grade", "Not graded") },
  { "not_done", N_ ("Did not complete duties"), NC_ ("grade", "Not completed") },
  { "done", N_ ("Completed duties"), NC_ ("grade", "Completed") },
  { "good", N_ ("Completed duties well"), NC_ ("grade", "Good") },
  { "excellent", N_ ("Completed duties excellently"), NC_ ("grade", "Excellent") },
};

/* A value past the grades (a damaged one) reads as not graded. */
static guint
grade_index (TdGrade grade)
{
  return grade < TD_GRADE_NONE || grade > TD_GRADE_LAST ? 0 : (guint)(grade - TD_GRADE_NONE);
}

const char *
td_grade_to_string (TdGrade grade)
{
  return _ (grades[grade_index (grade)].name);
}

const char *
td_grade_to_short_string (TdGrade grade)
{
  return g_dpgettext2 (GETTEXT_PACKAGE, "grade", grades[grade_index (grade)].short_name);
}

const char *
td_grade_to_id (TdGrade grade)
{
  return grades[grade_index (grade)].id;
}

TdGrade
td_grade_from_id (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (grades); i++)
    if (g_strcmp0 (grades[i].id, id) == 0)
      return (TdGrade)((gint)i + TD_GRADE_NONE);
  return TD_GRADE_NONE;
}

static const char *const tie_break_ids[]
    = { "section", "fewer_deduction", "more_bonus", "agreement", "vote" };

TD_ENUM_DEFINE_IDS (TdTieBreakKind, td_tie_break_kind_to_id, td_tie_break_kind_from_id,
                    tie_break_ids);

static const char *const quota_ids[] = { "fixed", "by_members", "percent" };

TD_ENUM_DEFINE_IDS (TdQuotaKind, td_quota_kind_to_id, td_quota_kind_from_id, quota_ids);

/* What a rule compares, as the object of "ahead on …". */
static gchar *
tie_break_subject (const TdTieBreak *rule, const TdRankInput *unit)
{
  static const char *const subjects[] = {
    [TD_TIE_BREAK_FEWER_DEDUCTION] = N_ ("deduction points (fewer)"),
    [TD_TIE_BREAK_MORE_BONUS] = N_ ("bonus points"),
    [TD_TIE_BREAK_AGREEMENT] = N_ ("agreement of self-score and assessed score"),
    [TD_TIE_BREAK_VOTE] = N_ ("the meeting's vote"),
  };

  if (rule->kind == TD_TIE_BREAK_VOTE && unit->votes >= 0)
    /* Translators: what decided, with the unit's own count: "the meeting's vote, 5 votes" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "the meeting's vote, %d vote",
                                         "the meeting's vote, %d votes", unit->votes),
                            unit->votes);
  if (rule->kind == TD_TIE_BREAK_SECTION)
    /* Translators: %s is the code of a section of the criteria table, e.g. "I" */
    return g_strdup_printf (_ ("section %s points"), rule->section_code);
  return g_strdup (TD_ENUM_LABEL (subjects, rule->kind, TD_TIE_BREAK_VOTE));
}

gchar *
td_tie_break_describe (const TdTieBreak *rule)
{
  static const char *const rules[] = {
    [TD_TIE_BREAK_FEWER_DEDUCTION] = N_ ("Fewer deduction points"),
    [TD_TIE_BREAK_MORE_BONUS] = N_ ("More bonus points"),
    [TD_TIE_BREAK_AGREEMENT] = N_ ("Self-score closer to the assessed score"),
    [TD_TIE_BREAK_VOTE] = N_ ("More votes at the meeting"),
  };

  if (rule->kind == TD_TIE_BREAK_SECTION)
    return g_strdup_printf (_ ("Higher points in section %s"), rule->section_code);
  return g_strdup (TD_ENUM_LABEL (rules, rule->kind, TD_TIE_BREAK_VOTE));
}

static gchar *
rule_ordinal (gint index)
{
  switch (index)
    {
    case 0:
      return g_strdup (_ ("first tie-break rule"));
    case 1:
      return g_strdup (_ ("second tie-break rule"));
    case 2:
      return g_strdup (_ ("third tie-break rule"));
    case 3:
      return g_strdup (_ ("fourth tie-break rule"));
    case 4:
      return g_strdup (_ ("fifth tie-break rule"));
    default:
      return g_strdup_printf (_ ("tie-break rule %d"), index + 1);
    }
}

gchar *
td_proposal_rule_describe_quota (const TdProposalRule *rule)
{
  switch (rule->quota_kind)
    {
    case TD_QUOTA_FIXED:
      return g_strdup_printf (_ ("At most %d"), rule->count);
    case TD_QUOTA_BY_MEMBERS:
      return g_strdup_printf (_ ("At most %d (%d when the bloc has %d members or more)"),
                              rule->count, rule->count_large, rule->members_threshold);
    case TD_QUOTA_PERCENT:
    default:
      {
        g_autofree gchar *pct = td_points_format (rule->percent);
        return g_strdup_printf (_ ("At most %s %% of the members, rounded down"), pct);
      }
    }
}

/* --- grades and quotas ------------------------------------------------- */

static gboolean
reaches (const TdGradeScale *scale, TdPoints total, TdPoints threshold)
{
  if (!scale->percent)
    return total >= threshold;
  /* total / standard * 100 >= threshold / 100, kept in integers so that
   * 89,99 % never rounds up to 90 %. */
  if (scale->standard_total <= 0)
    return FALSE;
  return total * 10000 >= threshold * scale->standard_total;
}

TdGrade
td_grade_for (const TdGradeScale *scale, TdPoints total)
{
  if (reaches (scale, total, scale->excellent))
    return TD_GRADE_EXCELLENT;
  if (reaches (scale, total, scale->good))
    return TD_GRADE_GOOD;
  if (reaches (scale, total, scale->done))
    return TD_GRADE_DONE;
  return TD_GRADE_NOT_DONE;
}

gchar *
td_grade_scale_warning (const TdGradeScale *scale)
{
  TdPoints highest;
  g_autofree gchar *threshold = NULL, *total = NULL;

  if (scale->percent || scale->standard_total <= 0)
    return NULL;
  highest = MAX (scale->excellent, MAX (scale->good, scale->done));
  if (highest <= scale->standard_total)
    return NULL;
  threshold = td_points_format (highest);
  total = td_points_format (scale->standard_total);
  return g_strdup_printf (
      /* Translators: %s is a grade threshold in points, %s the criteria table's standard total */
      _ ("A grade threshold is %s points but the criteria table is worth %s points: units "
         "cannot reach that grade without bonuses. Set the thresholds in %% of the table in "
         "the ranking rules (Ctrl+Shift+R)."),
      threshold, total);
}

gint
td_proposal_rule_quota (const TdProposalRule *rule, guint n_members)
{
  switch (rule->quota_kind)
    {
    case TD_QUOTA_FIXED:
      return MAX (rule->count, 0);
    case TD_QUOTA_BY_MEMBERS:
      return MAX ((gint)n_members >= rule->members_threshold ? rule->count_large : rule->count, 0);
    case TD_QUOTA_PERCENT:
    default:
      /* Rounded down: "không quá 30 %" of 10 members is 3, of 9 is 2. */
      return (gint)(((gint64)n_members * MAX (rule->percent, 0)) / 10000);
    }
}

/* --- ordering ------------------------------------------------------------ */

static gint
cmp_desc (TdPoints a, TdPoints b)
{
  return a > b ? -1 : a < b ? 1 : 0;
}

/* What an ordering needs besides the rules: the units whose vote is still
 * incomplete.  A vote decides only once every unit it has to separate
 * (same total, not separated by the rules before the vote) has its votes
 * entered; deciding on partial votes would make the order depend on which
 * pairs were compared. */
typedef struct
{
  const TdRankSettings *settings;
  GHashTable *vote_blocked; /* of TdRankInput* */
} OrderContext;

/* < 0 when rule puts a before b, 0 when it cannot separate them. */
static gint
rule_compare (const OrderContext *ctx, const TdTieBreak *rule, const TdRankInput *a,
              const TdRankInput *b)
{
  TdPoints pa, pb;

  switch (rule->kind)
    {
    case TD_TIE_BREAK_SECTION:
      td_rank_input_get_section (a, rule->section_code, &pa);
      td_rank_input_get_section (b, rule->section_code, &pb);
      return cmp_desc (pa, pb);
    case TD_TIE_BREAK_FEWER_DEDUCTION:
      return -cmp_desc (a->deduction, b->deduction);
    case TD_TIE_BREAK_MORE_BONUS:
      return cmp_desc (a->bonus, b->bonus);
    case TD_TIE_BREAK_AGREEMENT:
      return -cmp_desc (a->disagreement, b->disagreement);
    case TD_TIE_BREAK_VOTE:
    default:
      if (a->votes < 0 || b->votes < 0 || g_hash_table_contains (ctx->vote_blocked, a)
          || g_hash_table_contains (ctx->vote_blocked, b))
        return 0;
      return cmp_desc (a->votes, b->votes);
    }
}

/* Whether a rule before the first vote rule separates a and b. */
static gboolean
separated_before_vote (const TdRankSettings *settings, const TdRankInput *a, const TdRankInput *b)
{
  for (guint i = 0; i < settings->tie_breaks->len; i++)
    {
      const TdTieBreak *rule = g_ptr_array_index (settings->tie_breaks, i);
      if (rule->kind == TD_TIE_BREAK_VOTE)
        return FALSE;
      if (rule_compare (NULL, rule, a, b) != 0)
        return TRUE;
    }
  return FALSE;
}

/* The index of the rule that separates a and b, -1 when none does. */
static gint
deciding_rule (const OrderContext *ctx, const TdRankInput *a, const TdRankInput *b, gint *order)
{
  *order = 0;
  for (guint i = 0; i < ctx->settings->tie_breaks->len; i++)
    {
      gint c = rule_compare (ctx, g_ptr_array_index (ctx->settings->tie_breaks, i), a, b);
      if (c != 0)
        {
          *order = c;
          return (gint)i;
        }
    }
  return -1;
}

static gint
compare_inputs (gconstpointer pa, gconstpointer pb, gpointer user_data)
{
  const OrderContext *ctx = user_data;
  const TdRankInput *a = *(const TdRankInput *const *)pa;
  const TdRankInput *b = *(const TdRankInput *const *)pb;
  gint order, c;

  if (a->disqualified != b->disqualified)
    return a->disqualified ? 1 : -1;
  if (!a->disqualified)
    {
      if ((c = cmp_desc (a->final_total, b->final_total)) != 0)
        return c;
      deciding_rule (ctx, a, b, &order);
      if (order != 0)
        return order;
    }
  /* Only the display order of a shared rank depends on the name. */
  if ((c = td_text_collate (a->name, b->name)) != 0)
    return c;
  return a->unit_id < b->unit_id ? -1 : a->unit_id > b->unit_id;
}

static gboolean
has_vote_rule (const TdRankSettings *settings)
{
  for (guint i = 0; i < settings->tie_breaks->len; i++)
    if (((TdTieBreak *)g_ptr_array_index (settings->tie_breaks, i))->kind == TD_TIE_BREAK_VOTE)
      return TRUE;
  return FALSE;
}

static const TdRankOverride *
find_override (const TdRankSettings *settings, gint64 unit_id)
{
  const TdRankOverride *found = NULL;

  /* The last one for a unit wins, as the clerk entered them. */
  for (guint i = 0; i < settings->overrides->len; i++)
    {
      const TdRankOverride *o = g_ptr_array_index (settings->overrides, i);
      if (o->unit_id == unit_id)
        found = o;
    }
  return found;
}

static const TdProposalDecision *
find_decision (const TdRankSettings *settings, gint64 rule_id, gint64 unit_id)
{
  const TdProposalDecision *found = NULL;

  for (guint i = 0; i < settings->decisions->len; i++)
    {
      const TdProposalDecision *d = g_ptr_array_index (settings->decisions, i);
      if (d->rule_id == rule_id && d->unit_id == unit_id)
        found = d;
    }
  return found;
}

/* --- proposals ----------------------------------------------------------- */

static gboolean
proposed_earlier (GPtrArray *proposals, const TdRankInput *unit, const TdProposalRule *rule)
{
  for (guint i = 0; i < proposals->len; i++)
    {
      const TdProposal *p = g_ptr_array_index (proposals, i);
      if (p->rule == rule)
        return FALSE; /* reached this rule's own proposals */
      if (p->unit == unit && p->state != TD_PROPOSAL_REMOVED)
        return TRUE;
    }
  return FALSE;
}

static TdProposal *
add_proposal (GPtrArray *proposals, const TdProposalRule *rule, const TdRankInput *unit,
              TdProposalState state, const char *reason)
{
  TdProposal *p = g_new0 (TdProposal, 1);

  p->rule = rule;
  p->unit = unit;
  p->state = state;
  p->reason = g_strdup (reason ? reason : "");
  g_ptr_array_add (proposals, p);
  return p;
}

static gboolean
eligible (TdRanking *ranking, const TdProposalRule *rule, const TdRankRow *row)
{
  if (rule->rank_from > 0 && row->rank < rule->rank_from)
    return FALSE;
  if (rule->rank_to > 0 && row->rank > rule->rank_to)
    return FALSE;
  if (row->grade < rule->min_grade)
    return FALSE;
  return !rule->skip_proposed || !proposed_earlier (ranking->proposals, row->input, rule);
}

static void
append_name (gchar **list, const char *name)
{
  gchar *joined;

  if (*list != NULL && strstr (*list, name) != NULL)
    return;
  joined = *list ? g_strdup_printf ("%s, %s", *list, name) : g_strdup (name);
  g_free (*list);
  *list = joined;
}

static void
propose (TdRanking *ranking, const TdRankSettings *settings)
{
  guint n_members = ranking->inputs->len;

  for (guint r = 0; r < settings->proposal_rules->len; r++)
    {
      const TdProposalRule *rule = g_ptr_array_index (settings->proposal_rules, r);
      gint quota = td_proposal_rule_quota (rule, n_members);
      gint taken = 0;
      guint first = ranking->proposals->len;

      gint last_rank = 0;
      guint i;

      for (i = 0; i < ranking->n_ranked && taken < quota; i++)
        {
          TdRankRow *row = g_ptr_array_index (ranking->rows, i);
          const TdProposalDecision *d;

          if (!eligible (ranking, rule, row))
            continue;
          last_rank = row->rank;
          d = find_decision (settings, rule->id, row->input->unit_id);
          /* A removed proposal still uses its place in the quota: the
           * meeting decides who replaces it, by adding. */
          taken++;
          if (d != NULL && d->kind == TD_DECISION_REMOVE)
            add_proposal (ranking->proposals, rule, row->input, TD_PROPOSAL_REMOVED, d->reason);
          else if (d != NULL && d->kind == TD_DECISION_ACCEPT)
            add_proposal (ranking->proposals, rule, row->input, TD_PROPOSAL_ACCEPTED, d->reason);
          else
            add_proposal (ranking->proposals, rule, row->input, TD_PROPOSAL_PROPOSED, NULL);
        }
      /* The limit falls inside a shared rank: the engine cannot choose, so
       * every unit of that rank says the meeting must. */
      for (; taken == quota && quota > 0 && i < ranking->n_ranked; i++)
        {
          TdRankRow *next = g_ptr_array_index (ranking->rows, i);
          if (!eligible (ranking, rule, next))
            continue;
          if (next->rank == last_rank)
            for (guint k = 0; k < ranking->n_ranked; k++)
              {
                TdRankRow *row = g_ptr_array_index (ranking->rows, k);
                if (row->rank == last_rank && eligible (ranking, rule, row))
                  append_name (&row->quota_ties, rule->award_name);
              }
          break;
        }

      /* The clerk's additions, at most one proposal per unit and rule. */
      for (guint i = 0; i < settings->decisions->len; i++)
        {
          const TdProposalDecision *d = g_ptr_array_index (settings->decisions, i);
          const TdRankRow *row;
          gboolean present = FALSE;

          if (d->rule_id != rule->id || d->kind != TD_DECISION_ADD)
            continue;
          row = td_ranking_find_unit (ranking, d->unit_id);
          if (row == NULL)
            continue;
          for (guint k = first; k < ranking->proposals->len; k++)
            if (((TdProposal *)g_ptr_array_index (ranking->proposals, k))->unit == row->input)
              present = TRUE;
          if (!present)
            add_proposal (ranking->proposals, rule, row->input, TD_PROPOSAL_ADDED, d->reason);
        }
    }

  for (guint i = 0; i < ranking->rows->len; i++)
    {
      TdRankRow *row = g_ptr_array_index (ranking->rows, i);
      g_autoptr (GString) names = g_string_new (NULL);

      for (guint k = 0; k < ranking->proposals->len; k++)
        {
          const TdProposal *p = g_ptr_array_index (ranking->proposals, k);
          if (p->unit != row->input || p->state == TD_PROPOSAL_REMOVED)
            continue;
          if (names->len > 0)
            g_string_append (names, ", ");
          g_string_append (names, p->rule->award_name);
        }
      row->proposals = g_string_free (g_steal_pointer (&names), FALSE);
    }
}

/* --- explanations -------------------------------------------------------- */

static void
explain (TdRanking *ranking, TdRankRow *row, const OrderContext *ctx, GHashTable *natural_position)
{
  const TdRankSettings *settings = ctx->settings;
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree gchar *total = td_points_format (row->input->final_total);
  g_autoptr (GPtrArray) peers = g_ptr_array_new ();
  gboolean unresolved = FALSE;

  if (row->input->disqualified)
    {
      const char *reason = row->input->disqualified_reason;
      if (reason == NULL || *reason == '\0')
        reason = _ ("disqualified");
      /* Translators: %s is why the unit is not ranked */
      g_string_append_printf (text, _ ("Not ranked: %s"), reason);
      row->explanation = g_string_free (g_steal_pointer (&text), FALSE);
      return;
    }

  if (row->shared)
    /* Translators: shared rank; %d is the rank, %s the final total */
    g_string_append_printf (text, _ ("Shared rank %d: %s points"), row->rank, total);
  else
    g_string_append_printf (text, _ ("Ranked %d: %s points"), row->rank, total);

  if (row->override != NULL)
    {
      guint from = GPOINTER_TO_UINT (g_hash_table_lookup (natural_position, row->input));
      /* Translators: %d is the place the order gave, %s the clerk's reason */
      g_string_append_printf (text, _ ("; moved by the clerk from place %d, reason: %s"),
                              (gint)from, row->override->reason);
    }

  /* A moved unit's place is explained by the reason, not by its ties. */
  for (guint i = 0; row->override == NULL && i < ranking->n_ranked; i++)
    {
      const TdRankRow *other = g_ptr_array_index (ranking->rows, i);
      if (other != row && other->input->final_total == row->input->final_total)
        g_ptr_array_add (peers, (gpointer)other);
    }

  if (peers->len > 0)
    {
      g_autoptr (GString) names = g_string_new (NULL);

      for (guint i = 0; i < peers->len; i++)
        {
          const TdRankRow *other = g_ptr_array_index (peers, i);
          if (i > 0)
            g_string_append (names, ", ");
          g_string_append (names, other->input->name);
        }
      /* Translators: %s lists the units with the same final total */
      g_string_append_printf (text, _ ("; tied on points with %s"), names->str);

      /* One clause per (rule, ahead/behind), naming all the units it
       * separates, so a ten-way tie reads as two clauses, not ten. */
      for (guint i = 0; i < peers->len; i++)
        {
          const TdRankRow *other = g_ptr_array_index (peers, i);
          gint order;
          gint rule = deciding_rule (ctx, row->input, other->input, &order);
          g_autofree gchar *subject = NULL;
          g_autofree gchar *ordinal = NULL;
          g_autoptr (GString) group = NULL;
          gboolean seen = FALSE;

          if (rule < 0)
            {
              unresolved = TRUE;
              continue;
            }
          for (guint k = 0; k < i && !seen; k++)
            {
              gint o2;
              const TdRankRow *prev = g_ptr_array_index (peers, k);
              seen = deciding_rule (ctx, row->input, prev->input, &o2) == rule
                     && (o2 < 0) == (order < 0);
            }
          if (seen)
            continue;
          group = g_string_new (other->input->name);
          for (guint k = i + 1; k < peers->len; k++)
            {
              gint o2;
              const TdRankRow *next = g_ptr_array_index (peers, k);
              if (deciding_rule (ctx, row->input, next->input, &o2) == rule
                  && (o2 < 0) == (order < 0))
                g_string_append_printf (group, ", %s", next->input->name);
            }
          subject = tie_break_subject (g_ptr_array_index (settings->tie_breaks, rule), row->input);
          ordinal = rule_ordinal (rule);
          /* With one peer the name is already said: "tied with A, ahead on …". */
          if (peers->len == 1 && order < 0)
            /* Translators: "ahead on section I points (first tie-break rule)" */
            g_string_append_printf (text, _ (", ahead on %s (%s)"), subject, ordinal);
          else if (peers->len == 1)
            g_string_append_printf (text, _ (", behind on %s (%s)"), subject, ordinal);
          else if (order < 0)
            /* Translators: "ahead of <units> on <what> (<which rule>)" */
            g_string_append_printf (text, _ ("; ahead of %s on %s (%s)"), group->str, subject,
                                    ordinal);
          else
            g_string_append_printf (text, _ ("; behind %s on %s (%s)"), group->str, subject,
                                    ordinal);
        }
      if (unresolved && row->needs_vote)
        g_string_append (text, _ ("; no rule separates them yet: the meeting's vote is needed"));
      else if (unresolved)
        g_string_append (text, _ ("; no tie-break rule separates them"));
    }

  if (!row->input->scored)
    g_string_append (text, _ ("; no score entered yet"));
  /* Translators: %s is a grade, e.g. "Completed duties excellently" */
  g_string_append_printf (text, _ ("; grade: %s"), td_grade_to_string (row->grade));
  if (row->proposals != NULL && *row->proposals != '\0')
    /* Translators: %s lists the titles and awards proposed */
    g_string_append_printf (text, _ ("; proposed for: %s"), row->proposals);
  /* The clerk's decisions are judgment calls: say them. */
  for (guint i = 0; i < ranking->proposals->len; i++)
    {
      const TdProposal *p = g_ptr_array_index (ranking->proposals, i);
      if (p->unit != row->input)
        continue;
      if (p->state == TD_PROPOSAL_REMOVED)
        /* Translators: "; Giấy khen removed by the meeting: <reason>" */
        g_string_append_printf (text, _ ("; %s removed by the meeting: %s"), p->rule->award_name,
                                p->reason);
      else if (p->state == TD_PROPOSAL_ADDED)
        g_string_append_printf (text, _ ("; %s added by the meeting: %s"), p->rule->award_name,
                                p->reason);
    }
  if (row->quota_ties != NULL)
    /* Translators: %s lists titles or awards whose count limit falls inside a shared rank */
    g_string_append_printf (text,
                            _ ("; %s: the limit falls within a shared rank, the meeting "
                               "decides"),
                            row->quota_ties);

  row->explanation = g_string_free (g_steal_pointer (&text), FALSE);
}

/* --- what the proposal column says ------------------------------------- */

static gboolean
in_list (const char *list, const char *name)
{
  g_auto (GStrv) items = list ? g_strsplit (list, ", ", -1) : NULL;

  return items != NULL && g_strv_contains ((const char *const *)items, name);
}

gchar *
td_rank_row_describe_proposals (const TdRanking *ranking, const TdRankRow *row, gboolean official)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < ranking->proposals->len; i++)
    {
      const TdProposal *p = g_ptr_array_index (ranking->proposals, i);
      const char *award = p->rule->award_name;

      if (p->unit != row->input || p->state == TD_PROPOSAL_REMOVED)
        continue;
      /* An award whose limit falls inside this unit's shared rank is not
       * proposed yet: the meeting decides, and the clause below says so. */
      if (p->state == TD_PROPOSAL_PROPOSED && in_list (row->quota_ties, award))
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      if (p->state == TD_PROPOSAL_ACCEPTED)
        /* Translators: a proposal the meeting confirmed, in the table */
        g_string_append_printf (text, official ? "%s (Hội nghị thống nhất)" : _ ("%s (agreed)"),
                                award);
      else if (p->state == TD_PROPOSAL_ADDED)
        /* Translators: a proposal the meeting added */
        g_string_append_printf (text, official ? "%s (Hội nghị bổ sung)" : _ ("%s (added)"), award);
      else
        g_string_append (text, award);
    }
  if (row->quota_ties != NULL)
    {
      if (text->len > 0)
        g_string_append (text, "; ");
      /* Translators: %s lists awards whose limit falls inside this shared rank */
      g_string_append_printf (text,
                              official ? "%s: Hội nghị quyết định" : _ ("%s: the meeting decides"),
                              row->quota_ties);
    }
  return g_string_free (text, FALSE);
}

/* --- the table ------------------------------------------------------------ */

TdRanking *
td_ranking_compute (GPtrArray *inputs, const TdRankSettings *settings)
{
  TdRanking *ranking = g_new0 (TdRanking, 1);
  g_autoptr (GPtrArray) order = g_ptr_array_new ();
  g_autoptr (GPtrArray) ranked = g_ptr_array_new ();
  g_autoptr (GHashTable) natural_position = g_hash_table_new (NULL, NULL);
  g_autoptr (GHashTable) group = g_hash_table_new (NULL, NULL);
  gboolean vote_rule = has_vote_rule (settings);
  g_autoptr (GHashTable) blocked = g_hash_table_new (NULL, NULL);
  OrderContext ctx = { settings, blocked };
  guint n_ranked = 0;
  guint group_id = 0;

  for (guint i = 0; i < inputs->len; i++)
    for (guint k = i + 1; k < inputs->len; k++)
      {
        TdRankInput *a = g_ptr_array_index (inputs, i);
        TdRankInput *b = g_ptr_array_index (inputs, k);
        if (a->disqualified || b->disqualified || a->final_total != b->final_total
            || separated_before_vote (settings, a, b))
          continue;
        if (a->votes < 0 || b->votes < 0)
          {
            g_hash_table_add (blocked, a);
            g_hash_table_add (blocked, b);
          }
      }
  /* Close over the classes: a blocked unit blocks everyone it ties with. */
  for (guint i = 0; i < inputs->len; i++)
    for (guint k = 0; k < inputs->len; k++)
      {
        TdRankInput *a = g_ptr_array_index (inputs, i);
        TdRankInput *b = g_ptr_array_index (inputs, k);
        if (g_hash_table_contains (blocked, a) && !b->disqualified
            && a->final_total == b->final_total && !separated_before_vote (settings, a, b))
          g_hash_table_add (blocked, b);
      }

  ranking->inputs = g_ptr_array_ref (inputs);
  ranking->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)rank_row_free);
  ranking->proposals = g_ptr_array_new_with_free_func ((GDestroyNotify)proposal_free);

  for (guint i = 0; i < inputs->len; i++)
    g_ptr_array_add (order, g_ptr_array_index (inputs, i));
  g_ptr_array_sort_with_data (order, compare_inputs, &ctx);

  /* Units no rule can separate form a group that shares a rank. */
  for (guint i = 0; i < order->len; i++)
    {
      const TdRankInput *in = g_ptr_array_index (order, i);
      if (in->disqualified)
        continue;
      if (n_ranked > 0)
        {
          const TdRankInput *prev = g_ptr_array_index (ranked, n_ranked - 1);
          gint o;
          if (prev->final_total != in->final_total || deciding_rule (&ctx, prev, in, &o) >= 0)
            group_id++;
        }
      g_hash_table_insert (group, (gpointer)in, GUINT_TO_POINTER (group_id + 1));
      g_ptr_array_add (ranked, (gpointer)in);
      n_ranked++;
      g_hash_table_insert (natural_position, (gpointer)in, GUINT_TO_POINTER (n_ranked));
    }

  /* The clerk's moves, in the order they were made. */
  for (guint i = 0; i < settings->overrides->len; i++)
    {
      const TdRankOverride *o = g_ptr_array_index (settings->overrides, i);
      guint at;

      for (at = 0; at < ranked->len; at++)
        if (((TdRankInput *)g_ptr_array_index (ranked, at))->unit_id == o->unit_id)
          break;
      if (at == ranked->len)
        continue;
      {
        gpointer in = g_ptr_array_steal_index (ranked, at);
        guint to = (guint)CLAMP (o->position, 1, (gint)ranked->len + 1) - 1;
        g_ptr_array_insert (ranked, (gint)to, in);
      }
    }

  for (guint i = 0; i < ranked->len; i++)
    {
      TdRankRow *row = g_new0 (TdRankRow, 1);
      TdRankRow *prev = i > 0 ? g_ptr_array_index (ranking->rows, i - 1) : NULL;

      row->input = g_ptr_array_index (ranked, i);
      row->position = i + 1;
      row->override = find_override (settings, row->input->unit_id);
      row->decided_by = -1;
      if (prev != NULL && prev->override == NULL && row->override == NULL
          && g_hash_table_lookup (group, prev->input) == g_hash_table_lookup (group, row->input))
        {
          row->rank = prev->rank;
          row->shared = prev->shared = TRUE;
        }
      else
        row->rank = (gint)i + 1;
      if (prev != NULL && prev->input->final_total == row->input->final_total)
        {
          gint o;
          prev->decided_by = deciding_rule (&ctx, prev->input, row->input, &o);
        }
      row->grade = td_grade_for (&settings->scale, row->input->final_total);
      g_ptr_array_add (ranking->rows, row);
    }
  ranking->n_ranked = ranked->len;

  /* A shared rank a vote could still break, while votes are missing. */
  for (guint i = 0; vote_rule && i < ranking->rows->len; i++)
    {
      TdRankRow *row = g_ptr_array_index (ranking->rows, i);
      if (row->shared && g_hash_table_contains (blocked, row->input))
        row->needs_vote = ranking->needs_vote = TRUE;
    }

  for (guint i = 0; i < order->len; i++)
    {
      const TdRankInput *in = g_ptr_array_index (order, i);
      TdRankRow *row;
      if (!in->disqualified)
        continue;
      row = g_new0 (TdRankRow, 1);
      row->input = in;
      row->position = ranking->rows->len + 1;
      row->decided_by = -1;
      row->grade = TD_GRADE_NONE;
      g_ptr_array_add (ranking->rows, row);
    }

  propose (ranking, settings);
  for (guint i = 0; i < ranking->rows->len; i++)
    explain (ranking, g_ptr_array_index (ranking->rows, i), &ctx, natural_position);
  return ranking;
}
