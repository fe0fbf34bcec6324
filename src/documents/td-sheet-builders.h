/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Builders of the official sheets from the database: each reads the
 * registry, the criteria table, the scores, the ranking or the calendar of
 * one bloc-year and fills a TdSheet (td-sheet.h) that every output renders.
 *
 * Totals and ranks are formulas whose cached values are the core's own
 * totals (td-scoring.h, td-ranking.h), so the sheet and the app always
 * agree.  Where the core caps bonuses or deductions, or a heading carries
 * its own rule, the sheet shows that as a row of its own inside the
 * section, so every formula stays a plain sum that Excel recomputes to the
 * same number.
 *
 * The self-score form has a stable layout for the importer, on its hidden
 * data sheet (td-xlsx.h, "TD_DATA"): meta keys
 *   sheet = "form", form_layout = "1", bloc_year_id, bloc, year, unit_id,
 *   unit, criteria_table_id, and the 0-based table columns col_standard,
 *   col_bonus, col_deduction, col_self, col_evidence;
 * and one keyed row "criterion:<id>" per criterion that takes an input.
 * The unit's value for that criterion is in col_self (standard points
 * achieved), col_bonus (bonus points) or col_deduction (points taken off,
 * a positive number); a disqualifier row has "Có vi phạm" / "Không vi
 * phạm" in col_evidence; evidence text is in col_evidence. */
#pragma once

#include "td-db.h"
#include "td-sheet.h"

G_BEGIN_DECLS

/* Sheet names understood by td_sheets_build, in the order of the help. */
#define TD_SHEET_SCORES "scores"
#define TD_SHEET_RANKING "ranking"
#define TD_SHEET_MATRIX "matrix"
#define TD_SHEET_FORM "form"
#define TD_SHEET_CALENDAR "calendar"
#define TD_SHEET_WORKBOOK "workbook"

/* Bảng chấm điểm of one member of the bloc-year. */
TdSheet *td_sheet_build_scores (TdDb *db, gint64 bloc_year_id, gint64 unit_id, GError **error);
/* Bảng tổng hợp kết quả chấm điểm và xếp hạng. */
TdSheet *td_sheet_build_ranking (TdDb *db, gint64 bloc_year_id, GError **error);
/* Criteria × units, final points, totals and ranks. */
TdSheet *td_sheet_build_matrix (TdDb *db, gint64 bloc_year_id, GError **error);
/* Phiếu tự chấm điểm (blank) of one member. */
TdSheet *td_sheet_build_form (TdDb *db, gint64 bloc_year_id, gint64 unit_id, GError **error);
/* Danh sách các ngày lễ lớn, sự kiện và thời hạn of the bloc-year. */
TdSheet *td_sheet_build_calendar (TdDb *db, gint64 bloc_year_id, GError **error);

/* The whole bloc-year: summary, matrix, then one scoring sheet per member
 * (in the registry's order).  GPtrArray of TdSheet, owning them. */
GPtrArray *td_sheets_build_bloc_year_workbook (TdDb *db, gint64 bloc_year_id, GError **error);

/* By name (TD_SHEET_*): the sheets of one export.  @unit_id 0 means every
 * member for "form" and is refused for "scores". */
GPtrArray *td_sheets_build (TdDb *db, const char *sheet, gint64 bloc_year_id, gint64 unit_id,
                            GError **error);

/* What a person typed on the command line, resolved.  Each fails with
 * TD_ERROR_NOT_FOUND and a message listing what exists (the blocs, the
 * bloc's years, the members). */
gint64 td_sheets_resolve_bloc (TdDb *db, const char *name_or_id, GError **error);
gint64 td_sheets_resolve_bloc_year (TdDb *db, gint64 bloc_id, gint year, GError **error);
gint64 td_sheets_resolve_unit (TdDb *db, gint64 bloc_year_id, const char *name_or_id,
                               GError **error);

G_END_DECLS
