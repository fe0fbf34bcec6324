/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Score entries: one unit's self or assessed score on one criterion.
 *
 * An entry holds every value field a rule may need; the criterion's kind
 * says which one counts (td_rule_kind_get_input).  An absent entry means
 * "not scored" (0).  Saving an entry is one transaction that also writes
 * the audit trail (old and new value, who, when). */
#pragma once

#include "td-criteria.h"

G_BEGIN_DECLS

typedef enum
{
  TD_SOURCE_SELF,     /* tự chấm */
  TD_SOURCE_ASSESSED, /* thẩm định */
  TD_SOURCE_FINAL,    /* computed only: assessed where it exists, else self */
} TdSource;

#define TD_N_STORED_SOURCES 2
#define TD_N_SOURCES 3

const char *td_source_to_string (TdSource source); /* "self", "assessed", "final" */
gboolean td_source_from_string (const char *name, TdSource *out);
const char *td_source_get_label (TdSource source); /* translated: "Self-score" → "Tự chấm" */

typedef struct
{
  gint64 id; /* 0 before it is saved */
  gint64 unit_id;
  gint64 criterion_id;
  TdSource source; /* SELF or ASSESSED */
  TdPoints points; /* INPUT_POINTS: as entered, ≥ 0 */
  gint64 count;    /* INPUT_COUNT: ≥ 0 */
  gint option;     /* INPUT_OPTION (and GRADED chosen grade): index, −1 none */
  gboolean has_measured;
  gint64 measured;       /* INPUT_MEASURED: hundredths ("97,5" → 9750) */
  gint size_class;       /* BRACKETS: index into the criterion's size classes */
  gboolean disqualified; /* INPUT_FLAG */
  gboolean exempt;       /* deduction kinds: the exemption applies, nothing is deducted */
  TdPoints bonus; /* standard-points kinds with bonus_max: the bonus given, 0 … bonus_max */
  /* ASSESSED only: the points the meeting agreed for this criterion (its
   * whole row, sub-rows included), which replace what the rule and the
   * row's own caps give; the caps of the rows above still apply.  Signed:
   * up to the row's standard points count as standard, the rest as
   * bonus, below 0 as deduction. */
  gboolean has_agreed;
  TdPoints agreed;
  gchar *agreed_reason; /* why, as the minutes say; never NULL, required with has_agreed */
  gchar *evidence;      /* document numbers, notes; never NULL */
  gchar *updated_at;    /* ISO 8601, set when saved */
  gchar *updated_by;
} TdEntry;

#define TD_TYPE_ENTRY (td_entry_get_type ())
GType td_entry_get_type (void); /* boxed: copy / free */

TdEntry *td_entry_new (gint64 unit_id, gint64 criterion_id, TdSource source);
TdEntry *td_entry_copy (const TdEntry *entry);
void td_entry_free (TdEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdEntry, td_entry_free)
/* Same values (ignoring id and timestamps). */
gboolean td_entry_equal (const TdEntry *a, const TdEntry *b);

/* Input for a score cell */

/* What the cell accepts, for a placeholder or a tooltip: "0 – 3",
 * "0, 1, 2 …", "Đạt / Không đạt", "%". Translated. */
gchar *td_criterion_input_hint (const TdCriterion *criterion);
/* Parses what the clerk typed into a cell for criterion and stores it in
 * entry's field for that kind.  Refuses, with a message naming the
 * criterion and the allowed values ("Enter a number from 0 to 3 for 1.a
 * …: “4” is too large."), a value out of range, a count that is not a whole
 * number ≥ 0, an option not in the list (accepted: the option's label,
 * case-insensitive and without diacritics, or its number 1, 2 …).  Empty
 * text is refused too: clearing a cell is td_entry_delete.  For a flag:
 * "x", "1", "có", "yes" / "0", "không", "no".  Measured values accept "%".
 * A row with a bonus (bonus_max) takes "3 + 0,5": the value, then the
 * bonus; a deduction with an exemption note takes "miễn trừ" ("miễn").
 * What is typed is the whole value: a bonus or exemption not typed again
 * is cleared; the meeting's agreed points and the evidence are kept. */
gboolean td_criterion_parse_input (const TdCriterion *criterion, const char *text, TdEntry *entry,
                                   GError **error);
/* The text of the entry's value as a cell shows it ("2,5", "3", the
 * option's label, "97,5", "x", "3 + 0,5", "miễn trừ"), as it can be typed
 * back; "" for NULL. */
gchar *td_criterion_format_input (const TdCriterion *criterion, const TdEntry *entry);
/* Parses the bonus typed for a standard row with bonus_max ("0,5"), into
 * entry->bonus; refuses a value outside 0 … bonus_max naming the row. */
gboolean td_criterion_parse_bonus (const TdCriterion *criterion, const char *text, TdEntry *entry,
                                   GError **error);
/* Checks an entry against its criterion (ranges, option index, size class). */
gboolean td_criterion_validate_entry (const TdCriterion *criterion, const TdEntry *entry,
                                      GError **error);

/* Storage (SQL in td-entries.c) */

/* Inserts or updates (by unit, criterion, source) in one transaction with
 * an audit row ("entry", id, "value", old, new) and sets entry->id,
 * updated_at, updated_by.  Validates first (criterion may be NULL: then the
 * criterion is read from the database).  Notifies "changed::entries". */
gboolean td_entry_save (TdDb *db, const TdCriterion *criterion, TdEntry *entry, GError **error);
/* Removes the entry (if any) with an audit row; the old value is returned
 * in *old_entry when not NULL (for Undo). */
gboolean td_entry_delete (TdDb *db, gint64 unit_id, gint64 criterion_id, TdSource source,
                          TdEntry **old_entry, GError **error);
/* The same for a criterion the caller already holds (td_entry_delete reads
 * its whole table to write the audit row): many deletes in one transaction,
 * such as the Undo of an import, read no table at all. */
gboolean td_entry_delete_with_criterion (TdDb *db, const TdCriterion *criterion, gint64 unit_id,
                                         TdSource source, TdEntry **old_entry, GError **error);
/* NULL without error when there is none. */
TdEntry *td_entry_load (TdDb *db, gint64 unit_id, gint64 criterion_id, TdSource source,
                        GError **error);
/* Every entry of the bloc-year's table, one query: TdEntry*.  For speed
 * updated_at and updated_by are left NULL here (td_entry_load and
 * td_entry_history have them). */
GPtrArray *td_entries_load_bloc_year (TdDb *db, gint64 bloc_year_id, GError **error);
/* Whether any entry refers to a criterion of this bloc-year. */
gboolean td_entries_exist (TdDb *db, gint64 bloc_year_id, GError **error);

/* The history of one cell, newest first.  Audit rows are written with
 * tbl "entry", row_id = the criterion id and field
 * "value:<source>:<unit id>" or "evidence:<source>:<unit id>", so a cell's
 * history survives clearing and entering it again. */
typedef struct
{
  gchar *field; /* "value" or "evidence" */
  gchar *at;    /* ISO 8601 */
  gchar *user;
  gchar *old_value; /* as text, NULL when it did not exist */
  gchar *new_value; /* as text, NULL when it was cleared */
} TdEntryChange;

void td_entry_change_free (TdEntryChange *change);
GPtrArray *td_entry_history (TdDb *db, gint64 unit_id, gint64 criterion_id, TdSource source,
                             GError **error);

G_END_DECLS
