/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the self-score form asks for each criterion, shared by the form
 * builder (td-sheet-form.c) and the importer (td-form-import.c) so that both
 * read the table the same way.
 *
 * Each criterion that takes input has one or more input fields, derived
 * from its rule kind (td_rule_kind_get_input) and parameters: the first is
 * on the criterion's own row (for an item with sub-rows, on the row of its
 * own rule just under it), the others on rows under it.  Adding an input
 * to the model is one more TdFormField and one more case in
 * td_form_fields(), here, in the form's formulas (td-sheet-form.c) and in
 * the importer's reading of a cell (td-form-cells.c).
 *
 * The data sheet of a form identifies it: the bloc-year, the unit, the
 * table and a fingerprint of the table's rows (every parameter that
 * changes what a row reads or gives), sealed with a key only the database
 * holds, so a form of another year, another bloc, another database or with
 * an edited data sheet is recognised as such. */
#pragma once

#include "td-criteria.h"
#include "td-db.h"

G_BEGIN_DECLS

/* 3: a bonus beside standard points, the number of files choosing a size
 * class, an item's own rule on the row under it. */
#define TD_FORM_LAYOUT_VERSION 3
#define TD_FORM_MAX_FIELDS 4

typedef enum
{
  TD_FORM_FIELD_POINTS,     /* entry->points, a number of points */
  TD_FORM_FIELD_COUNT,      /* entry->count, a whole number */
  TD_FORM_FIELD_OPTION,     /* entry->option, one of a list */
  TD_FORM_FIELD_GRADE,      /* entry->option of a graded row whose grades have no ranges */
  TD_FORM_FIELD_MEASURED,   /* entry->measured, a measured value (often a %) */
  TD_FORM_FIELD_FLAG,       /* entry->disqualified, Có / Không */
  TD_FORM_FIELD_SIZE_CLASS, /* entry->size_class, one of the size classes */
  TD_FORM_FIELD_EXEMPT,     /* entry->exempt, Có / Không */
  TD_FORM_FIELD_BONUS,      /* entry->bonus of a standard-points row with bonus_max */
  TD_FORM_FIELD_FILES,      /* entry->size_class, chosen by the number of files received */
  TD_FORM_N_FIELDS
} TdFormField;

const char *td_form_field_to_string (TdFormField field); /* "points", "size_class"… */
gboolean td_form_field_from_string (const char *name, TdFormField *out);

/* The input fields of @c in form order (the rule's own input, then the
 * size class or the files, the bonus, the exemption); 0 for a heading
 * without a rule. */
guint td_form_fields (const TdCriterion *c, TdFormField fields[TD_FORM_MAX_FIELDS]);

/* The words of "Có / Không" lists (official Vietnamese). */
#define TD_FORM_YES "Có"
#define TD_FORM_NO "Không"

/* The list a field offers (OPTION, GRADE, SIZE_CLASS, FLAG, EXEMPT), NULL
 * for the others.  Options carry their points ("Bằng khen của UBND tỉnh
 * (+2 điểm)"); every item is unique and short enough for Excel. */
GStrv td_form_field_items (const TdCriterion *c, TdFormField field);
/* The unit column (ĐVT): "điểm", "số lượng", "%", "chọn", "Có/Không", "hồ sơ". */
const char *td_form_field_unit (const TdCriterion *c, TdFormField field);
/* The input message of the cell (Vietnamese, under 255 characters). */
gchar *td_form_field_message (const TdCriterion *c, TdFormField field);
/* The label of a field's own row under the criterion ("– Quy mô của đơn
 * vị", "– Điểm thưởng, từ 0 đến 0,5 điểm"). */
gchar *td_form_field_row_label (const TdCriterion *c, TdFormField field);
/* Whether a measured value of @c is a percentage (0 – 100 on the form). */
gboolean td_form_measured_is_percent (const TdCriterion *c);
/* The range the form accepts for a POINTS, COUNT, MEASURED, BONUS or FILES
 * field (hundredths; files are counted in hundredths too, as size ranges). */
void td_form_field_range (const TdCriterion *c, TdFormField field, gint64 *min, gint64 *max);

/* The codes of the node at @index from the top, each once: "II.3",
 * "1.a1.2" (not "1.a.a1.a1.2": "a1" already says it is in "a"); "" when
 * no node on the way has a code. */
gchar *td_form_criterion_path (const TdCriteriaTable *table, gint index);

/* Whether the brackets of @c choose their size class by the number of
 * files received (every class has a range), not from a list. */
gboolean td_form_sizes_by_files (const TdCriterion *c);

/* A short hex digest of the table's rows: ids, tree, kinds and every
 * scoring parameter, and the table's rule for empty rows (titles and codes
 * may change without a new form). */
gchar *td_form_table_fingerprint (const TdCriteriaTable *table);
/* The seal of a form: a keyed digest of what identifies it, with a key the
 * database holds (so a member cannot make a form for another unit). */
gchar *td_form_seal (TdDb *db, gint64 bloc_year_id, gint64 unit_id, gint64 table_id,
                     const char *fingerprint);

G_END_DECLS
