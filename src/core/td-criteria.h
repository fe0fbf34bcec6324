/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The criteria table of a bloc-year: a tree of criteria and their rules.
 *
 * Design of the rules
 * -------------------
 * Every node of the tree carries ONE rule kind (TdRuleKind) and a small,
 * fixed set of parameters shared by all kinds: standard points, a rate,
 * two separate subtree caps (bonus and deduction), a threshold and a step
 * for measured values, a list of options/brackets, size-class names and an
 * exemption note.  A kind only reads the parameters it needs.
 *
 * Scoring a node gives its OWN contribution (TdContribution: standard
 * points achieved, bonus, deduction — deduction kept as a positive amount)
 * from one entry; the subtree totals add the children, then apply the
 * node's bonus cap and deduction cap separately ("không liên quan đến điểm
 * cộng").  So:
 *   - a header with its own deduction is a node with children whose kind
 *     is a deduction kind (its standard points come from its children);
 *   - "Mỗi sáng kiến cộng 0,5, tối đa 1" is BONUS_EACH with bonus_cap 1;
 *   - "Tổng điểm trừ mục 2 không quá 1,5" is deduction_cap 1,5 on mục 2;
 *   - a zero-point option row with a deduction is DEDUCTION_EACH with
 *     standard 0.
 *
 * Adding a kind = one enum value + one row in the kind table in
 * td-criteria.c (name, label, which entry field it reads, whether it gives
 * standard points) + one case in td_rule_evaluate() (td-scoring.c) + one
 * case in td_criterion_describe_rule().  Storage does not change: the
 * parameters are columns of `criterion` and rows of `criterion_option`.
 *
 * The domain's thirteen kinds (DOMAIN.md, "Scoring tables"):
 *   1 standard points on a leaf ........ TD_RULE_STANDARD
 *   2 deduction per occurrence ......... TD_RULE_DEDUCTION_EACH
 *   3 cap on a subtree's deductions .... deduction_cap on any node
 *   4 bonus per occurrence with a cap .. TD_RULE_BONUS_EACH + bonus_cap
 *   5 bonus per occurrence, no cap ..... TD_RULE_BONUS_EACH
 *   6 either/or options ................ TD_RULE_OPTIONS
 *   7 brackets by value per size class . TD_RULE_BRACKETS
 *   8 graded standard points ........... TD_RULE_GRADED
 *   9 linear bonus with a cap .......... TD_RULE_LINEAR_BONUS + bonus_cap
 *  10 disqualifier ..................... TD_RULE_DISQUALIFIER
 *  11 deduction with an exemption ...... a deduction kind + exemption note
 *                                        (the entry's `exempt` flag)
 *  12 header with its own deduction,
 *     zero-point option rows ........... see above
 *  13 separate bonus/deduction caps .... bonus_cap / deduction_cap
 * Extra kinds that real tables use: TD_RULE_STANDARD_LESS_EACH ("3 điểm,
 * mỗi lần chậm trừ 0,5", never below 0), TD_RULE_BONUS_POINTS and
 * TD_RULE_DEDUCTION_POINTS (the scorer gives 0 … rate), and
 * TD_RULE_LINEAR_DEDUCTION (−rate per step below the threshold).
 *
 * Shapes of real tables (pasted from Word, see td-criteria-paste.h):
 *   - an item with its own standard points whose sub-rows only add or
 *     deduct ("a1 … (điểm chuẩn 3 điểm)" over "a1.1 Mỗi trường hợp … trừ
 *     0,5"): a standard-points kind on a node WITH children; its standard
 *     is its own, the children give no standard points, and its caps
 *     cover the whole subtree;
 *   - standard points and a bonus on one row ("3 | 0,5"): bonus_max on a
 *     standard-points kind, the scorer enters the bonus in entry->bonus;
 *   - graded levels written as sibling rows: one GRADED node with options;
 *   - "01 trong 02 trường hợp": one OPTIONS node with options;
 *   - notes capping an item ("Tổng điểm trừ của mục a1 không quá 1,5"):
 *     the item's deduction_cap / bonus_cap;
 *   - an exemption row under deductions: their exemption note;
 *   - size classes of brackets by files received: size_ranges.
 * The meeting's agreed points (TdEntry.has_agreed) override a rule on an
 * assessed entry; see td-scoring.h.
 *
 * The in-memory table keeps its nodes in pre-order (a parent before its
 * children, siblings by position), so subtree totals are one backwards
 * pass, and an entry is found by node index in O(1). */
#pragma once

#include "td-db.h"
#include "td-points.h"

G_BEGIN_DECLS

/* "No cap": caps are >= 0 when set. */
#define TD_NO_CAP ((TdPoints)-1)

typedef enum
{
  TD_RULE_GROUP,              /* a heading: standard points = sum of its children */
  TD_RULE_STANDARD,           /* scorer gives 0 … standard */
  TD_RULE_STANDARD_LESS_EACH, /* standard − count × rate, not below 0 */
  TD_RULE_GRADED,             /* standard points by measured value (or chosen grade) */
  TD_RULE_BONUS_EACH,         /* + count × rate */
  TD_RULE_DEDUCTION_EACH,     /* − count × rate */
  TD_RULE_BONUS_POINTS,       /* + 0 … rate, scorer's judgement */
  TD_RULE_DEDUCTION_POINTS,   /* − 0 … rate, scorer's judgement */
  TD_RULE_OPTIONS,            /* one of the options: + bonus or − deduction by its sign */
  TD_RULE_BRACKETS,           /* bracket by size class and measured value, signed points */
  TD_RULE_LINEAR_BONUS,       /* + rate per full step above threshold */
  TD_RULE_LINEAR_DEDUCTION,   /* − rate per full step below threshold */
  TD_RULE_DISQUALIFIER,       /* flag → "không xếp loại" */
  TD_RULE_N_KINDS
} TdRuleKind;

/* Which field of an entry (TdEntry) the kind reads: what a score cell edits. */
typedef enum
{
  TD_INPUT_NONE,     /* a heading with no own rule: nothing to enter */
  TD_INPUT_POINTS,   /* points, e.g. "2,5" */
  TD_INPUT_COUNT,    /* whole number ≥ 0 */
  TD_INPUT_OPTION,   /* one of the options (dropdown) */
  TD_INPUT_MEASURED, /* a measured value (percent, number), plus a size class for brackets */
  TD_INPUT_FLAG,     /* yes / no */
} TdInputField;

/* A range of measured values, low <= v < high; an open end when has_* is
 * FALSE.  Hundredths, like points. */
typedef struct
{
  gboolean has_low;
  gint64 low;
  gboolean has_high;
  gint64 high;
} TdRange;

gboolean td_range_contains (const TdRange *range, gint64 value);
/* "≥ 1.000", "1.000 – <3.000", "< 1.000" (with_unit: "hồ sơ" appended is the
 * caller's business); "" for an open range. */
gchar *td_range_format (const TdRange *range);

/* An option (TD_RULE_OPTIONS), a grade (TD_RULE_GRADED) or a bracket
 * (TD_RULE_BRACKETS).  Grades and brackets match a measured value v when
 * low <= v < high; has_low/has_high FALSE means open-ended.  Measured values
 * are hundredths like points ("97,5" % = 9750). */
typedef struct
{
  gchar *label; /* "Hoàn thành tốt", "trước hạn 1 – <5%" */
  /* Signed for OPTIONS and BRACKETS (+ bonus, − deduction); for GRADED the
   * standard points achieved. */
  TdPoints points;
  gint size_class; /* BRACKETS: index into size_classes; 0 otherwise */
  gboolean has_low;
  gint64 low;
  gboolean has_high;
  gint64 high;
} TdRuleOption;

void td_rule_option_free (TdRuleOption *option);

typedef struct
{
  /* Stored */
  gint64 id;        /* 0 before it is saved */
  gint64 parent_id; /* 0 at the top level */
  gint position;    /* among its siblings */
  gchar *code;      /* "I", "1", "a", "a1", "a1.1", "3.3.2.1", or "" */
  gchar *title;
  gchar *guidance;  /* guidance / evidence required (căn cứ chấm điểm) */
  gchar *assessor;  /* who assesses it (a department of the head unit) */
  gchar *exemption; /* exemption note for a deduction (kind 11) */
  TdRuleKind kind;
  TdPoints standard;      /* stated standard points (a heading: as written in the table) */
  TdPoints rate;          /* per occurrence / per step; *_POINTS: the most one may give */
  TdPoints bonus_cap;     /* on the bonuses of this subtree, TD_NO_CAP when none */
  TdPoints deduction_cap; /* on the deductions of this subtree, TD_NO_CAP when none */
  TdPoints bonus_max;     /* standard-points kinds: a bonus of 0 … bonus_max on top (0: none) */
  gint64 threshold;       /* LINEAR_*: measured value where it starts (hundredths) */
  gint64 step;            /* LINEAR_*: per how much (hundredths, 100 = 1 unit/1 %) */
  GPtrArray *options;     /* TdRuleOption*, in order; never NULL */
  GStrv size_classes;     /* BRACKETS: names, "< 1000 hồ sơ"…; never NULL */
  /* BRACKETS: the range of each size class in hundredths (files per year
   * × 100), one per name of size_classes; NULL or shorter when not given. */
  GArray *size_ranges; /* TdRange */

  /* Derived by the table (td_criteria_table_reindex); read-only */
  gint index;       /* position in table->nodes (pre-order) */
  gint parent;      /* index of the parent, −1 at the top */
  gint depth;       /* 0 at the top */
  gint n_children;  /* direct children */
  gint subtree_end; /* index just past the last descendant */
} TdCriterion;

#define TD_TYPE_CRITERION (td_criterion_get_type ())
GType td_criterion_get_type (void); /* boxed: copy / free */

TdCriterion *td_criterion_new (TdRuleKind kind);
TdCriterion *td_criterion_copy (const TdCriterion *criterion);
void td_criterion_free (TdCriterion *criterion);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdCriterion, td_criterion_free)

/* Appends an option/grade/bracket; copies label. */
TdRuleOption *td_criterion_add_option (TdCriterion *criterion, const char *label, TdPoints points);
TdRuleOption *td_criterion_add_bracket (TdCriterion *criterion, gint size_class, gboolean has_low,
                                        gint64 low, gboolean has_high, gint64 high,
                                        TdPoints points);
/* Appends a size class (BRACKETS) with its name and range (NULL: none
 * given); returns its index. */
gint td_criterion_add_size_class (TdCriterion *criterion, const char *name, const TdRange *range);
/* The range of size class i, or NULL when the table gave none. */
const TdRange *td_criterion_get_size_range (const TdCriterion *criterion, gint size_class);
/* The size class whose range holds value (files per year, hundredths), −1 when none. */
gint td_criterion_find_size_class (const TdCriterion *criterion, gint64 value);
/* Whether the node takes standard points of its own (a standard-points
 * kind), children or not. */
gboolean td_criterion_has_own_standard (const TdCriterion *criterion);

/* The table: stated total and table-wide caps, plus the tree in pre-order.
 * Reference counted: pages and the scores share it. */
typedef struct
{
  gint64 id;           /* criteria_table.id, 0 when not saved */
  gint64 bloc_year_id; /* 0 for a table only in memory (paste preview, tests) */
  gchar *title;        /* "Bảng tiêu chí chấm điểm thi đua năm 2024" */
  TdPoints total;      /* stated total standard points, e.g. 100 */
  TdPoints bonus_cap;  /* on all bonuses, TD_NO_CAP when none */
  TdPoints deduction_cap;
  gchar *notes;
  /* The bloc's rules count a standard-points row that a unit left empty
   * as fully met, once the unit has scored anything in that source. */
  gboolean full_by_default;
  GPtrArray *nodes; /* TdCriterion*, pre-order; owned */

  /*< private >*/
  GHashTable *by_id;
  gint ref_count;
} TdCriteriaTable;

TdCriteriaTable *td_criteria_table_new (void);
TdCriteriaTable *td_criteria_table_ref (TdCriteriaTable *table);
void td_criteria_table_unref (TdCriteriaTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdCriteriaTable, td_criteria_table_unref)

/* In-memory building (tests, paste): appends criterion (taken) as the last
 * child of the node at parent_index (−1: top level); returns its index.
 * Indices of later nodes may shift; the table is reindexed. */
gint td_criteria_table_append (TdCriteriaTable *table, gint parent_index, TdCriterion *criterion);
/* Recomputes index/parent/depth/n_children/subtree_end and by_id after
 * nodes were sorted into pre-order. */
void td_criteria_table_reindex (TdCriteriaTable *table);
guint td_criteria_table_get_n_nodes (const TdCriteriaTable *table);
TdCriterion *td_criteria_table_get_node (const TdCriteriaTable *table, gint index);
/* Index of the criterion with this id, −1 when absent. */
gint td_criteria_table_find (const TdCriteriaTable *table, gint64 criterion_id);
/* Walking the tree by index: the first child of index (−1: the first
 * top-level node) and the next sibling; −1 when there is none. */
gint td_criteria_table_first_child (const TdCriteriaTable *table, gint index);
gint td_criteria_table_next_sibling (const TdCriteriaTable *table, gint index);
/* Sum of the top-level nodes' stated standard points. */
TdPoints td_criteria_table_sum_standard (const TdCriteriaTable *table);
/* The top-level nodes (sections), as indices into nodes. */
GArray *td_criteria_table_get_sections (const TdCriteriaTable *table);

/* Rule kinds */
const char *td_rule_kind_to_string (TdRuleKind kind); /* stable name stored in the database */
gboolean td_rule_kind_from_string (const char *name, TdRuleKind *out);
const char *td_rule_kind_get_label (TdRuleKind kind); /* translated, for a dropdown */
TdInputField td_rule_kind_get_input (TdRuleKind kind);
gboolean td_rule_kind_gives_standard (TdRuleKind kind); /* STANDARD, LESS_EACH, GRADED */
gboolean td_rule_kind_is_deduction (TdRuleKind kind);   /* the exemption flag applies */

/* The rule in words for the UI and the sheets, translated, e.g.
 * "−0,5 each, at most −1,5" → "−0,5 mỗi trường hợp, tối đa −1,5".
 * Empty string for a plain heading. */
gchar *td_criterion_describe_rule (const TdCriterion *criterion);

/* Checks */
typedef enum
{
  TD_PROBLEM_SUM_MISMATCH, /* children's standard points ≠ the parent's (or the table total) */
  TD_PROBLEM_NEGATIVE,     /* a cap, a rate or standard points below zero */
  TD_PROBLEM_DUPLICATE_OPTION,
  TD_PROBLEM_NO_OPTIONS,    /* OPTIONS/GRADED/BRACKETS without any */
  TD_PROBLEM_BAD_BRACKET,   /* empty or overlapping range, unknown size class */
  TD_PROBLEM_BAD_PARAMETER, /* e.g. LINEAR without a step, a grade above the standard */
  TD_PROBLEM_HEADING_RULE,  /* own standard points AND sub-rows that give standard points */
  TD_PROBLEM_NO_TITLE,
} TdProblemKind;

typedef struct
{
  TdProblemKind kind;
  gint index;          /* node index, −1 for the whole table */
  gint64 criterion_id; /* 0 for the whole table or unsaved nodes */
  TdPoints difference; /* SUM_MISMATCH: children's sum − stated */
  gchar *message;      /* translated, names the node by code and title */
} TdCriteriaProblem;

void td_criteria_problem_free (TdCriteriaProblem *problem);
/* All problems, never "fixed"; empty array when the table is sound. */
GPtrArray *td_criteria_table_check (const TdCriteriaTable *table);

/* Storage (SQL in td-criteria-store.c).  Each call is one transaction,
 * notifies "changed::criteria" and fails with a message a clerk can act on. */

/* The table of a bloc-year with all its live criteria and options, in two
 * queries.  A bloc-year without a table gives an empty table (id 0, total
 * 100) — never NULL unless the query fails. */
TdCriteriaTable *td_criteria_load (TdDb *db, gint64 bloc_year_id, GError **error);
/* Creates the criteria_table row when needed; returns its id. */
gint64 td_criteria_ensure_table (TdDb *db, gint64 bloc_year_id, GError **error);
gboolean td_criteria_set_table_info (TdDb *db, gint64 bloc_year_id, const char *title,
                                     TdPoints total, TdPoints bonus_cap, TdPoints deduction_cap,
                                     GError **error);

/* Whether an empty standard-points row counts as fully met
 * (TdCriteriaTable.full_by_default); audited. */
gboolean td_criteria_set_full_by_default (TdDb *db, gint64 bloc_year_id, gboolean full,
                                          GError **error);
/* Inserts criterion as a child of parent_id (0: top level) at position
 * (−1: last; siblings from there move down).  criterion->id/parent_id/
 * position are ignored.  Returns the new id, 0 on error. */
gint64 td_criteria_add (TdDb *db, gint64 bloc_year_id, gint64 parent_id, gint position,
                        const TdCriterion *criterion, GError **error);
/* Adds after sibling_id, same parent. */
gint64 td_criteria_add_sibling (TdDb *db, gint64 sibling_id, const TdCriterion *criterion,
                                GError **error);
/* Saves every stored field of criterion (by id) except parent and position,
 * options and size classes included.  A changed title or rule is written
 * to the audit trail (tbl "criterion", field "title" / "rule"). */
gboolean td_criteria_update (TdDb *db, const TdCriterion *criterion, GError **error);
/* Becomes the last child of its previous sibling; refused for the first one. */
gboolean td_criteria_indent (TdDb *db, gint64 criterion_id, GError **error);
/* Becomes the sibling just after its parent; refused at the top level. */
gboolean td_criteria_outdent (TdDb *db, gint64 criterion_id, GError **error);
gboolean td_criteria_move_up (TdDb *db, gint64 criterion_id, GError **error);
gboolean td_criteria_move_down (TdDb *db, gint64 criterion_id, GError **error);
/* Soft-deletes the node and its subtree (entries are kept).  Returns an
 * undo token (> 0) for td_criteria_undelete, 0 on error. */
gint64 td_criteria_delete (TdDb *db, gint64 criterion_id, GError **error);
gboolean td_criteria_undelete (TdDb *db, gint64 undo_token, GError **error);

/* Saves table (an in-memory table, e.g. a fixed paste preview, with its
 * title, total and caps) as the criteria of bloc_year_id.  When the
 * bloc-year already has live criteria it is refused (TD_ERROR_CONSTRAINT)
 * unless replace is TRUE; then the old criteria are soft-deleted (their
 * entries are kept, never deleted).  An empty title or notes keeps the
 * year's own (a pasted table has none). */
gboolean td_criteria_save_table (TdDb *db, gint64 bloc_year_id, const TdCriteriaTable *table,
                                 gboolean replace, GError **error);
/* Copies the table (title, total, caps, tree, rules; no entries) of
 * from_bloc_year to to_bloc_year, which must have no criteria yet.  This is
 * also the copy step for "start a new year". */
gboolean td_criteria_copy_table (TdDb *db, gint64 from_bloc_year, gint64 to_bloc_year,
                                 GError **error);
/* The copy step of "start a new year", with the signature of the
 * registry's TdNewYearHook: copies from_bloc_year's table to
 * to_bloc_year when the first has one and the second has none; otherwise
 * does nothing and succeeds.  Register it once with
 * td_registry_add_new_year_hook (td_criteria_new_year_hook, NULL). */
gboolean td_criteria_new_year_hook (TdDb *db, gint64 from_bloc_year, gint64 to_bloc_year,
                                    gpointer user_data, GError **error);
/* The bloc-year of the same bloc in the previous year, 0 when none. */
gint64 td_criteria_previous_bloc_year (TdDb *db, gint64 bloc_year_id, GError **error);

G_END_DECLS
