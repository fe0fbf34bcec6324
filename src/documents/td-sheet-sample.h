/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Example sheets from synthetic data: a check of the printer and of Excel
 * before real data exists, the fixtures of the document tests, and the
 * model for writing a builder. */
#pragma once

#include "td-sheet.h"

G_BEGIN_DECLS

/* The bloc's ranking table (Bảng tổng hợp … và xếp hạng), landscape. */
TdSheet *td_sheet_sample_ranking (guint n_units, int year);
/* The scoring sheet of one unit (Bảng chấm điểm), with section subtotals. */
TdSheet *td_sheet_sample_scores (int year);
/* The blank self-score form (Phiếu tự chấm điểm): input cells, validation. */
TdSheet *td_sheet_sample_form (int year);

/* The criteria × units matrix for the meeting: points per unit, totals
 * and ranks across the row of totals. */
TdSheet *td_sheet_sample_matrix (guint n_units, int year);
/* The year's commemorations and deadlines, portrait. */
TdSheet *td_sheet_sample_calendar (int year);

/* The name of the n-th synthetic unit (long, with diacritics). */
gchar *td_sheet_sample_unit_name (guint n);

G_END_DECLS
