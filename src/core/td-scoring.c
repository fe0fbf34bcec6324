/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Totals: what each rule gives, subtree caps, the three sources, the
 * differences between self and assessed, and the in-memory score sheet.
 * Pure computation; see td-scoring.h for the shape of the pass. */
#include "config.h"

#include "td-scoring.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* A count beyond this is a typing slip, not a real number of cases; it
 * also keeps count × rate far from overflowing. */
#define MAX_COUNT 1000000

gint
td_rule_match_option (const TdCriterion *c, const TdEntry *e)
{
  if (e == NULL)
    return -1;
  if ((c->kind == TD_RULE_GRADED || c->kind == TD_RULE_BRACKETS) && e->has_measured)
    {
      for (guint i = 0; i < c->options->len; i++)
        {
          const TdRuleOption *o = g_ptr_array_index (c->options, i);

          if (c->kind == TD_RULE_BRACKETS && o->size_class != e->size_class)
            continue;
          if (!o->has_low && !o->has_high)
            continue; /* a named grade without a range is chosen, not matched */
          if ((!o->has_low || e->measured >= o->low) && (!o->has_high || e->measured < o->high))
            return (gint)i;
        }
      return -1;
    }
  if (e->option >= 0 && (guint)e->option < c->options->len)
    return e->option;
  return -1;
}

TdContribution
td_rule_evaluate (const TdCriterion *c, const TdEntry *e)
{
  TdContribution r = { 0, 0, 0, FALSE };
  gint64 count;
  gint i;

  if (e == NULL)
    return r;
  count = CLAMP (e->count, 0, MAX_COUNT);

  switch (c->kind)
    {
    case TD_RULE_GROUP:
    case TD_RULE_N_KINDS:
      break;
    case TD_RULE_STANDARD:
      r.standard = CLAMP (e->points, 0, MAX (c->standard, 0));
      r.bonus = CLAMP (e->bonus, 0, MAX (c->bonus_max, 0));
      break;
    case TD_RULE_STANDARD_LESS_EACH:
      r.standard = MAX (c->standard - count * c->rate, 0);
      r.bonus = CLAMP (e->bonus, 0, MAX (c->bonus_max, 0));
      break;
    case TD_RULE_GRADED:
      i = td_rule_match_option (c, e);
      if (i >= 0)
        r.standard
            = CLAMP (((TdRuleOption *)g_ptr_array_index (c->options, i))->points, 0, c->standard);
      r.bonus = CLAMP (e->bonus, 0, MAX (c->bonus_max, 0));
      break;
    case TD_RULE_BONUS_EACH:
      r.bonus = count * c->rate;
      break;
    case TD_RULE_DEDUCTION_EACH:
      r.deduction = count * c->rate;
      break;
    case TD_RULE_BONUS_POINTS:
      r.bonus = CLAMP (e->points, 0, c->rate);
      break;
    case TD_RULE_DEDUCTION_POINTS:
      r.deduction = CLAMP (e->points, 0, c->rate);
      break;
    case TD_RULE_OPTIONS:
    case TD_RULE_BRACKETS:
      i = td_rule_match_option (c, e);
      if (i >= 0)
        {
          TdPoints p = ((TdRuleOption *)g_ptr_array_index (c->options, i))->points;
          if (p >= 0)
            r.bonus = p;
          else
            r.deduction = -p;
        }
      break;
    case TD_RULE_LINEAR_BONUS:
      if (e->has_measured && c->step > 0 && e->measured > c->threshold)
        r.bonus = ((e->measured - c->threshold) / c->step) * c->rate;
      break;
    case TD_RULE_LINEAR_DEDUCTION:
      if (e->has_measured && c->step > 0 && e->measured < c->threshold)
        r.deduction = ((c->threshold - e->measured) / c->step) * c->rate;
      break;
    case TD_RULE_DISQUALIFIER:
      r.disqualified = e->disqualified;
      break;
    }
  if (e->exempt && td_rule_kind_is_deduction (c->kind))
    r.deduction = 0;
  return r;
}

/* Totals */

TdUnitTotals *
td_unit_totals_new (guint n_nodes)
{
  TdUnitTotals *t = g_new0 (TdUnitTotals, 1);

  t->n_nodes = n_nodes;
  for (guint s = 0; s < TD_N_SOURCES; s++)
    {
      t->nodes[s] = g_new0 (TdNodeTotals, MAX (n_nodes, 1));
      t->disqualified_by[s] = -1;
    }
  return t;
}

void
td_unit_totals_free (TdUnitTotals *t)
{
  if (t == NULL)
    return;
  for (guint s = 0; s < TD_N_SOURCES; s++)
    g_free (t->nodes[s]);
  g_free (t);
}

TdNodeTotals
td_scoring_agreed_totals (const TdCriterion *criterion, TdPoints agreed)
{
  TdNodeTotals t = { 0 };
  TdPoints most = MAX (criterion->standard, 0);

  /* Up to the row's standard points the agreed score is standard points,
   * above them a bonus, below zero a deduction: how the sheets' Thưởng
   * and Trừ columns show it. */
  if (agreed < 0)
    t.deduction = -agreed;
  else if (agreed > most)
    {
      t.standard = most;
      t.bonus = agreed - most;
    }
  else
    t.standard = agreed;
  t.total = agreed;
  return t;
}

/* What an empty standard-points row gives when the table counts it as
 * fully met. */
static TdContribution
full_by_default (const TdCriterion *c)
{
  TdContribution r = { 0, 0, 0, FALSE };

  if (td_rule_kind_gives_standard (c->kind))
    r.standard = MAX (c->standard, 0);
  return r;
}

static inline void
apply_caps (TdNodeTotals *t, TdPoints bonus_cap, TdPoints deduction_cap)
{
  if (bonus_cap != TD_NO_CAP && t->bonus > bonus_cap)
    t->bonus = bonus_cap;
  if (deduction_cap != TD_NO_CAP && t->deduction > deduction_cap)
    t->deduction = deduction_cap;
  t->total = t->standard + t->bonus - t->deduction;
}

void
td_scoring_compute (const TdCriteriaTable *table, TdEntry *const *self, TdEntry *const *assessed,
                    TdUnitTotals *out)
{
  guint n = table->nodes->len;
  TdCriterion *const *nodes = (TdCriterion *const *)table->nodes->pdata;

  gboolean any[TD_N_SOURCES] = { FALSE, FALSE, FALSE };

  g_return_if_fail (out->n_nodes == n);

  for (guint s = 0; s < TD_N_SOURCES; s++)
    {
      memset (out->nodes[s], 0, sizeof (TdNodeTotals) * n);
      memset (&out->table[s], 0, sizeof (TdNodeTotals));
      out->disqualified[s] = FALSE;
      out->disqualified_by[s] = -1;
    }
  out->n_entries[TD_SOURCE_SELF] = 0;
  out->n_entries[TD_SOURCE_ASSESSED] = 0;
  /* An empty row counts as met only for a unit that scored something in
   * that source: a unit that sent nothing stays "not sent". */
  if (table->full_by_default)
    for (guint i = 0; i < n && !(any[TD_SOURCE_SELF] && any[TD_SOURCE_ASSESSED]); i++)
      {
        any[TD_SOURCE_SELF] |= self && self[i];
        any[TD_SOURCE_ASSESSED] |= assessed && assessed[i];
      }
  any[TD_SOURCE_FINAL] = any[TD_SOURCE_SELF] || any[TD_SOURCE_ASSESSED];

  /* Children have larger indices than their parent (pre-order), so going
   * backwards every subtree is complete when its root is reached. */
  for (gint i = (gint)n - 1; i >= 0; i--)
    {
      const TdCriterion *c = nodes[i];
      const TdEntry *e[TD_N_SOURCES];

      e[TD_SOURCE_SELF] = self ? self[i] : NULL;
      e[TD_SOURCE_ASSESSED] = assessed ? assessed[i] : NULL;
      e[TD_SOURCE_FINAL] = e[TD_SOURCE_ASSESSED] ? e[TD_SOURCE_ASSESSED] : e[TD_SOURCE_SELF];
      if (e[TD_SOURCE_SELF])
        out->n_entries[TD_SOURCE_SELF]++;
      if (e[TD_SOURCE_ASSESSED])
        out->n_entries[TD_SOURCE_ASSESSED]++;

      for (guint s = 0; s < TD_N_SOURCES; s++)
        {
          TdNodeTotals *t = &out->nodes[s][i];
          TdNodeTotals *up;

          if ((e[s] != NULL || any[s]) && c->kind != TD_RULE_GROUP)
            {
              TdContribution r = e[s] ? td_rule_evaluate (c, e[s]) : full_by_default (c);

              t->standard += r.standard;
              t->bonus += r.bonus;
              t->deduction += r.deduction;
              if (r.disqualified)
                {
                  out->disqualified[s] = TRUE;
                  out->disqualified_by[s] = i;
                }
            }
          apply_caps (t, c->bonus_cap, c->deduction_cap);
          /* The meeting's agreed points replace the row's whole result. */
          if (s != TD_SOURCE_SELF && e[TD_SOURCE_ASSESSED] && e[TD_SOURCE_ASSESSED]->has_agreed)
            *t = td_scoring_agreed_totals (c, e[TD_SOURCE_ASSESSED]->agreed);

          up = c->parent >= 0 ? &out->nodes[s][c->parent] : &out->table[s];
          up->standard += t->standard;
          up->bonus += t->bonus;
          up->deduction += t->deduction;
        }
    }
  for (guint s = 0; s < TD_N_SOURCES; s++)
    apply_caps (&out->table[s], table->bonus_cap, table->deduction_cap);
}

gchar *
td_unit_totals_dup_disqualified_reason (const TdUnitTotals *totals, const TdCriteriaTable *table,
                                        TdSource source)
{
  const TdCriterion *c;

  g_return_val_if_fail (source < TD_N_SOURCES, NULL);
  if (!totals->disqualified[source] || totals->disqualified_by[source] < 0
      || (guint)totals->disqualified_by[source] >= table->nodes->len)
    return NULL;
  c = g_ptr_array_index (table->nodes, totals->disqualified_by[source]);
  if (c->code && *c->code)
    /* Translators: why a unit is not graded; %s %s is the criterion's code and title */
    return g_strdup_printf (_ ("Not graded: %s %s"), c->code, c->title);
  return g_strdup_printf (_ ("Not graded: %s"), c->title);
}

/* Differences */

static inline TdPoints
net (TdContribution r)
{
  return r.standard + r.bonus - r.deduction;
}

static TdContribution
contribution_of (TdNodeTotals t)
{
  TdContribution r = { t.standard, t.bonus, t.deduction, FALSE };
  return r;
}

GArray *
td_scoring_differences (const TdCriteriaTable *table, TdEntry *const *self,
                        TdEntry *const *assessed, const TdUnitTotals *totals)
{
  GArray *out = g_array_new (FALSE, TRUE, sizeof (TdDifference));

  for (guint i = 0; i < table->nodes->len; i++)
    {
      const TdCriterion *c = g_ptr_array_index (table->nodes, i);
      const TdEntry *es = self ? self[i] : NULL;
      const TdEntry *ea = assessed ? assessed[i] : NULL;
      TdDifference d = { 0 };

      if (ea == NULL || (c->kind == TD_RULE_GROUP && !ea->has_agreed))
        continue;
      d.index = (gint)i;
      d.criterion_id = c->id;
      d.self = td_rule_evaluate (c, es);
      d.assessed = td_rule_evaluate (c, ea);
      if (ea->has_agreed)
        {
          /* Agreed points stand for the whole row, sub-rows included: set
           * them against the self-score of the whole row. */
          d.assessed = contribution_of (td_scoring_agreed_totals (c, ea->agreed));
          if (totals != NULL && c->n_children > 0)
            d.self = contribution_of (totals->nodes[TD_SOURCE_SELF][i]);
        }
      d.has_self = es != NULL;
      d.has_assessed = TRUE;
      d.delta = net (d.assessed) - net (d.self);
      if (d.self.standard != d.assessed.standard || d.self.bonus != d.assessed.bonus
          || d.self.deduction != d.assessed.deduction
          || d.self.disqualified != d.assessed.disqualified)
        g_array_append_val (out, d);
    }
  return out;
}

/* The sheet */

struct _TdScores
{
  TdCriteriaTable *table;
  guint n_nodes;
  guint n_units;
  gint64 *unit_ids;
  TdEntry **entries; /* [(unit * 2 + source) * n_nodes + node] */
  TdUnitTotals **totals;
};

static inline TdEntry **
slot (TdScores *scores, guint unit, TdSource source)
{
  return scores->entries + ((gsize)unit * TD_N_STORED_SOURCES + source) * scores->n_nodes;
}

TdScores *
td_scores_new (TdCriteriaTable *table, const gint64 *unit_ids, guint n_units)
{
  TdScores *scores = g_new0 (TdScores, 1);

  scores->table = td_criteria_table_ref (table);
  scores->n_nodes = table->nodes->len;
  scores->n_units = n_units;
  scores->unit_ids = g_memdup2 (unit_ids, sizeof (gint64) * MAX (n_units, 1));
  scores->entries
      = g_new0 (TdEntry *, MAX ((gsize)n_units * TD_N_STORED_SOURCES * scores->n_nodes, 1));
  scores->totals = g_new0 (TdUnitTotals *, MAX (n_units, 1));
  for (guint u = 0; u < n_units; u++)
    {
      scores->totals[u] = td_unit_totals_new (scores->n_nodes);
      scores->totals[u]->unit_id = unit_ids[u];
    }
  td_scores_recompute_all (scores);
  return scores;
}

void
td_scores_free (TdScores *scores)
{
  if (scores == NULL)
    return;
  for (gsize i = 0; i < (gsize)scores->n_units * TD_N_STORED_SOURCES * scores->n_nodes; i++)
    td_entry_free (scores->entries[i]);
  for (guint u = 0; u < scores->n_units; u++)
    td_unit_totals_free (scores->totals[u]);
  g_free (scores->entries);
  g_free (scores->totals);
  g_free (scores->unit_ids);
  td_criteria_table_unref (scores->table);
  g_free (scores);
}

TdCriteriaTable *
td_scores_get_table (TdScores *scores)
{
  return scores->table;
}

guint
td_scores_get_n_units (TdScores *scores)
{
  return scores->n_units;
}

gint64
td_scores_get_unit_id (TdScores *scores, guint unit_index)
{
  g_return_val_if_fail (unit_index < scores->n_units, 0);
  return scores->unit_ids[unit_index];
}

gint
td_scores_find_unit (TdScores *scores, gint64 unit_id)
{
  for (guint u = 0; u < scores->n_units; u++)
    if (scores->unit_ids[u] == unit_id)
      return (gint)u;
  return -1;
}

const TdEntry *
td_scores_get_entry (TdScores *scores, guint unit_index, gint node_index, TdSource source)
{
  g_return_val_if_fail (unit_index < scores->n_units, NULL);
  g_return_val_if_fail (node_index >= 0 && (guint)node_index < scores->n_nodes, NULL);

  if (source == TD_SOURCE_FINAL)
    {
      const TdEntry *a = slot (scores, unit_index, TD_SOURCE_ASSESSED)[node_index];
      return a ? a : slot (scores, unit_index, TD_SOURCE_SELF)[node_index];
    }
  return slot (scores, unit_index, source)[node_index];
}

TdEntry *const *
td_scores_get_entries (TdScores *scores, guint unit_index, TdSource source)
{
  g_return_val_if_fail (unit_index < scores->n_units, NULL);
  g_return_val_if_fail (source < TD_N_STORED_SOURCES, NULL);
  return slot (scores, unit_index, source);
}

void
td_scores_put_entry (TdScores *scores, guint unit_index, gint node_index, TdSource source,
                     const TdEntry *entry)
{
  TdEntry **cell;

  g_return_if_fail (unit_index < scores->n_units);
  g_return_if_fail (node_index >= 0 && (guint)node_index < scores->n_nodes);
  g_return_if_fail (source < TD_N_STORED_SOURCES);

  cell = &slot (scores, unit_index, source)[node_index];
  td_entry_free (*cell);
  *cell = entry ? td_entry_copy (entry) : NULL;
  td_scores_recompute_unit (scores, unit_index);
}

gboolean
td_scores_set_entry (TdScores *scores, TdDb *db, guint unit_index, gint node_index, TdEntry *entry,
                     GError **error)
{
  const TdCriterion *c;

  g_return_val_if_fail (unit_index < scores->n_units, FALSE);
  g_return_val_if_fail (node_index >= 0 && (guint)node_index < scores->n_nodes, FALSE);
  c = g_ptr_array_index (scores->table->nodes, node_index);
  g_return_val_if_fail (entry->unit_id == scores->unit_ids[unit_index], FALSE);
  g_return_val_if_fail (entry->criterion_id == c->id, FALSE);

  if (!td_entry_save (db, c, entry, error))
    return FALSE;
  td_scores_put_entry (scores, unit_index, node_index, entry->source, entry);
  return TRUE;
}

gboolean
td_scores_clear_entry (TdScores *scores, TdDb *db, guint unit_index, gint node_index,
                       TdSource source, GError **error)
{
  const TdCriterion *c;

  g_return_val_if_fail (unit_index < scores->n_units, FALSE);
  g_return_val_if_fail (node_index >= 0 && (guint)node_index < scores->n_nodes, FALSE);
  c = g_ptr_array_index (scores->table->nodes, node_index);
  if (!td_entry_delete (db, scores->unit_ids[unit_index], c->id, source, NULL, error))
    return FALSE;
  td_scores_put_entry (scores, unit_index, node_index, source, NULL);
  return TRUE;
}

gboolean
td_scores_unit_has_agreed (TdScores *scores, guint unit_index)
{
  TdEntry *const *assessed;

  g_return_val_if_fail (unit_index < scores->n_units, FALSE);
  assessed = slot (scores, unit_index, TD_SOURCE_ASSESSED);
  for (guint i = 0; i < scores->n_nodes; i++)
    if (assessed[i] != NULL && assessed[i]->has_agreed)
      return TRUE;
  return FALSE;
}

void
td_scores_recompute_unit (TdScores *scores, guint unit_index)
{
  g_return_if_fail (unit_index < scores->n_units);
  td_scoring_compute (scores->table, slot (scores, unit_index, TD_SOURCE_SELF),
                      slot (scores, unit_index, TD_SOURCE_ASSESSED), scores->totals[unit_index]);
}

void
td_scores_recompute_all (TdScores *scores)
{
  for (guint u = 0; u < scores->n_units; u++)
    td_scores_recompute_unit (scores, u);
}

const TdUnitTotals *
td_scores_get_totals (TdScores *scores, guint unit_index)
{
  g_return_val_if_fail (unit_index < scores->n_units, NULL);
  return scores->totals[unit_index];
}

GArray *
td_scores_get_differences (TdScores *scores, guint unit_index)
{
  g_return_val_if_fail (unit_index < scores->n_units, NULL);
  return td_scoring_differences (scores->table, slot (scores, unit_index, TD_SOURCE_SELF),
                                 slot (scores, unit_index, TD_SOURCE_ASSESSED),
                                 scores->totals[unit_index]);
}

TdNodeTotals
td_scores_node_totals (TdScores *scores, guint unit_index, gint node_index, TdSource source)
{
  TdNodeTotals zero = { 0 };

  g_return_val_if_fail (unit_index < scores->n_units, zero);
  g_return_val_if_fail (source < TD_N_SOURCES, zero);
  if (node_index < 0)
    return scores->totals[unit_index]->table[source];
  g_return_val_if_fail ((guint)node_index < scores->n_nodes, zero);
  return scores->totals[unit_index]->nodes[source][node_index];
}

GArray *
td_scores_section_totals (TdScores *scores, guint unit_index, TdSource source)
{
  g_autoptr (GArray) sections = td_criteria_table_get_sections (scores->table);
  GArray *out = g_array_sized_new (FALSE, TRUE, sizeof (TdNodeTotals), sections->len);

  for (guint i = 0; i < sections->len; i++)
    {
      TdNodeTotals t
          = td_scores_node_totals (scores, unit_index, g_array_index (sections, gint, i), source);
      g_array_append_val (out, t);
    }
  return out;
}

TdAgreement
td_scores_agreement (TdScores *scores, guint unit_index)
{
  TdAgreement a = { 0 };
  g_autoptr (GArray) diffs = NULL;
  const TdUnitTotals *t;

  g_return_val_if_fail (unit_index < scores->n_units, a);
  diffs = td_scores_get_differences (scores, unit_index);
  for (guint i = 0; i < diffs->len; i++)
    {
      TdPoints d = g_array_index (diffs, TdDifference, i).delta;
      a.sum_abs_delta += d < 0 ? -d : d;
    }
  a.n_differences = diffs->len;
  t = scores->totals[unit_index];
  a.total_delta = t->table[TD_SOURCE_FINAL].total - t->table[TD_SOURCE_SELF].total;
  return a;
}
