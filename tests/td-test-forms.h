/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Filled self-score forms for tests: a member's form built from the
 * database, values typed into its input cells in the sheet model, written
 * as .xlsx exactly as "thidua export form" writes it. */
#pragma once

#include "td-db.h"
#include "td-form-layout.h"
#include "td-sheet.h"

G_BEGIN_DECLS

gint64 td_test_forms_unit (TdDb *db, gint64 bloc_year_id, const char *name);
const TdCriterion *td_test_forms_criterion (TdCriteriaTable *table, const char *title_prefix);
TdSheet *td_test_forms_build (TdDb *db, gint64 bloc_year_id, const char *unit);
/* The table row of a criterion's input field. */
gint td_test_forms_row (TdSheet *sheet, gint64 criterion_id, TdFormField field);
/* Types a number (in hundredths) or, when @text is not NULL, text. */
void td_test_forms_fill (TdSheet *sheet, const TdCriterion *c, TdFormField field, gint64 hundredths,
                         const char *text);
void td_test_forms_fill_evidence (TdSheet *sheet, const TdCriterion *c, TdFormField field,
                                  const char *text);
/* Writes @sheet as @dir/@file_name; returns the path. */
gchar *td_test_forms_write (TdSheet *sheet, const char *dir, const char *file_name);

G_END_DECLS
