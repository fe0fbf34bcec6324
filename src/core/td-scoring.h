/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Totals: pure functions from a criteria table and entries to exact points.
 *
 * No SQL here (except td_scores_load, which only fills the in-memory sheet
 * from td_entries_load_bloc_year).  For one unit and one source the
 * computation is one backwards pass over the pre-ordered nodes: each node's
 * own contribution (td_rule_evaluate) is added to its subtree, the
 * subtree's bonus cap and deduction cap are applied separately, and the
 * result is added to the parent.  The table caps apply last.  An assessed
 * entry with the meeting's agreed points replaces its row's subtree result
 * (after the row's own caps) for the assessed and final sources; the rows
 * above add it and apply their caps as usual.  A table with
 * full_by_default counts an empty standard-points row as met for a unit
 * with at least one entry in that source.  All three
 * sources (self, assessed, final) are computed together: O(nodes) per unit,
 * so recomputing one unit after one edit is a few microseconds. */
#pragma once

#include "td-criteria.h"
#include "td-entries.h"

G_BEGIN_DECLS

/* A node's own contribution from one entry, before any cap.  Deduction is a
 * positive amount taken off. */
typedef struct
{
  TdPoints standard;
  TdPoints bonus;
  TdPoints deduction;
  gboolean disqualified;
} TdContribution;

/* Pure: what criterion gives for entry (NULL entry: nothing). */
TdContribution td_rule_evaluate (const TdCriterion *criterion, const TdEntry *entry);
/* GRADED/BRACKETS: the option matching the entry (measured value and size
 * class, else the chosen option), −1 when none. */
gint td_rule_match_option (const TdCriterion *criterion, const TdEntry *entry);

/* Subtree totals of a node after its caps. total = standard + bonus − deduction. */
typedef struct
{
  TdPoints standard; /* standard points achieved */
  TdPoints bonus;
  TdPoints deduction; /* positive amount */
  TdPoints total;
} TdNodeTotals;

/* What agreed points (TdEntry.agreed) stand for on criterion: standard
 * points up to the row's standard, the rest bonus; below 0 a deduction. */
TdNodeTotals td_scoring_agreed_totals (const TdCriterion *criterion, TdPoints agreed);

/* One unit's totals for the three sources. */
typedef struct
{
  gint64 unit_id;
  guint n_nodes;
  TdNodeTotals *nodes[TD_N_SOURCES]; /* [source][node index] */
  TdNodeTotals table[TD_N_SOURCES];  /* whole table, table caps applied */
  gboolean disqualified[TD_N_SOURCES];
  gint disqualified_by[TD_N_SOURCES];   /* node index of the first disqualifier, −1 */
  guint n_entries[TD_N_STORED_SOURCES]; /* how many criteria were scored */
} TdUnitTotals;

TdUnitTotals *td_unit_totals_new (guint n_nodes);
void td_unit_totals_free (TdUnitTotals *totals);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdUnitTotals, td_unit_totals_free)

/* Pure.  self and assessed are arrays of table->nodes->len entry pointers
 * indexed by node index (NULL: no entry).  out must have n_nodes equal to
 * the table's; every field of out is overwritten. */
void td_scoring_compute (const TdCriteriaTable *table, TdEntry *const *self,
                         TdEntry *const *assessed, TdUnitTotals *out);

/* "Không xếp loại" reason for a source, translated, naming the criterion
 * (and its evidence); NULL when not disqualified. */
gchar *td_unit_totals_dup_disqualified_reason (const TdUnitTotals *totals,
                                               const TdCriteriaTable *table, TdSource source);

/* A criterion where self and assessed differ. */
typedef struct
{
  gint index; /* node index */
  gint64 criterion_id;
  TdContribution self;
  TdContribution assessed;
  TdPoints delta; /* (assessed standard + bonus − deduction) − (self …) */
  gboolean has_self;
  gboolean has_assessed;
} TdDifference;

/* Pure: every criterion whose assessed entry exists and gives another
 * contribution than the self entry (a missing self entry gives nothing),
 * in table order.  Agreed points on a row with sub-rows are set against
 * the row's whole self-score, taken from totals (may be NULL).  GArray of
 * TdDifference. */
GArray *td_scoring_differences (const TdCriteriaTable *table, TdEntry *const *self,
                                TdEntry *const *assessed, const TdUnitTotals *totals);

/* The sheet of a bloc-year: the table, its units and all their entries,
 * with totals kept up to date.  Units are given by index 0 … n_units − 1,
 * criteria by node index.  The sheet holds the table it was made with:
 * after a rule of a node changes in that table, td_scores_recompute_all;
 * after the tree changes (a node added, moved or deleted), load a new
 * sheet (td_criteria_load + td_scores_load, a few milliseconds). */
typedef struct _TdScores TdScores;

/* An empty sheet for these units (no entries). table is referenced. */
TdScores *td_scores_new (TdCriteriaTable *table, const gint64 *unit_ids, guint n_units);
/* Members of the table's bloc-year (registry order) and every entry: one
 * query for members, one for entries; totals computed. */
TdScores *td_scores_load (TdDb *db, TdCriteriaTable *table, GError **error);
void td_scores_free (TdScores *scores);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdScores, td_scores_free)

TdCriteriaTable *td_scores_get_table (TdScores *scores);
guint td_scores_get_n_units (TdScores *scores);
gint64 td_scores_get_unit_id (TdScores *scores, guint unit_index);
gint td_scores_find_unit (TdScores *scores, gint64 unit_id); /* −1 when absent */

/* NULL when there is no entry.  source is SELF or ASSESSED; FINAL gives
 * the assessed entry when there is one, else the self entry. */
const TdEntry *td_scores_get_entry (TdScores *scores, guint unit_index, gint node_index,
                                    TdSource source);
/* The entries of a unit for one stored source, by node index. */
TdEntry *const *td_scores_get_entries (TdScores *scores, guint unit_index, TdSource source);

/* In memory only: replaces (a copy of entry) or clears (entry NULL) and
 * recomputes that unit. */
void td_scores_put_entry (TdScores *scores, guint unit_index, gint node_index, TdSource source,
                          const TdEntry *entry);
/* Saves with td_entry_save, then td_scores_put_entry.  entry's unit and
 * criterion ids must match unit_index/node_index. */
gboolean td_scores_set_entry (TdScores *scores, TdDb *db, guint unit_index, gint node_index,
                              TdEntry *entry, GError **error);
/* Deletes with td_entry_delete, then clears in memory. */
gboolean td_scores_clear_entry (TdScores *scores, TdDb *db, guint unit_index, gint node_index,
                                TdSource source, GError **error);

/* Whether any assessed entry of the unit carries the meeting's agreed
 * points (the sheets mark its totals). */
gboolean td_scores_unit_has_agreed (TdScores *scores, guint unit_index);

/* Recomputes one unit (what the benchmark times) or all. */
void td_scores_recompute_unit (TdScores *scores, guint unit_index);
void td_scores_recompute_all (TdScores *scores);
const TdUnitTotals *td_scores_get_totals (TdScores *scores, guint unit_index);
GArray *td_scores_get_differences (TdScores *scores, guint unit_index);

/* For the ranking engine */

/* Final totals of one unit's section (top-level node section_index, i.e.
 * an index returned by td_criteria_table_get_sections), or of any node. */
TdNodeTotals td_scores_node_totals (TdScores *scores, guint unit_index, gint node_index,
                                    TdSource source);
/* Per top-level section final totals of one unit: GArray of TdNodeTotals in
 * section order (same order as td_criteria_table_get_sections). */
GArray *td_scores_section_totals (TdScores *scores, guint unit_index, TdSource source);

/* Agreement between self and assessed for one unit: the number of
 * criteria that differ and the sum of |delta| over them. */
typedef struct
{
  guint n_differences;
  TdPoints sum_abs_delta;
  TdPoints total_delta; /* final table total − self table total */
} TdAgreement;

TdAgreement td_scores_agreement (TdScores *scores, guint unit_index);

G_END_DECLS
