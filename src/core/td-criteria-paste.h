/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Pasting a criteria table copied from Word, Excel or LibreOffice.
 *
 * The text is tab-separated rows (STT | Nội dung | Điểm chuẩn | Điểm
 * thưởng | Điểm trừ, or fewer/more columns; a column-header row, if any,
 * is recognised and skipped).  Each row becomes a TdPasteRow: the raw
 * cells, the interpretation (level from the code, rule kind from the sign
 * and the column, numbers with comma or dot) and its problems.  The clerk
 * fixes rows in a preview (td_paste_row_set_cells, or by editing
 * row->criterion / row->depth directly and calling td_paste_preview_recheck)
 * and only then saves with td_paste_preview_to_table + td_criteria_save_table. */
#pragma once

#include "td-criteria.h"

G_BEGIN_DECLS

typedef enum
{
  TD_PASTE_COL_CODE,
  TD_PASTE_COL_TITLE,
  TD_PASTE_COL_STANDARD,
  TD_PASTE_COL_BONUS,
  TD_PASTE_COL_DEDUCTION,
  TD_PASTE_N_COLS
} TdPasteColumn;

typedef enum
{
  TD_PASTE_OK,
  TD_PASTE_WARNING, /* saved as interpreted, but look at it */
  TD_PASTE_ERROR,   /* cannot be saved until fixed (or skipped) */
} TdPasteStatus;

typedef struct
{
  guint line;                    /* 1-based line of the pasted text */
  gchar *cells[TD_PASTE_N_COLS]; /* raw text per column, trimmed, never NULL */
  gboolean skip;                 /* column headers, empty or total rows; the clerk may toggle */
  gint depth;                    /* level, 0 = top */
  TdCriterion *criterion;        /* the interpretation (code, title, kind, standard, rate…) */
  TdPasteStatus status;
  gchar *problems;       /* translated, one per line; "" when none */
  gchar *interpretation; /* in words: "Level 2 · 3 points" / "−0,5 each" */

  /*< private >*/
  gchar *cell_problems; /* from reading the cells; kept across rechecks */
  TdPasteStatus cell_status;
} TdPasteRow;

typedef struct
{
  GPtrArray *rows;               /* TdPasteRow* */
  gint columns[TD_PASTE_N_COLS]; /* source column index of each meaning, −1 absent */
  TdPoints total;                /* stated total when a "Tổng cộng" row was seen, else sum */

  /*< private >*/
  gboolean total_stated;
  gboolean signed_column; /* one column "Điểm thưởng/trừ": signs decide, no warning */
} TdPastePreview;

/* Never fails on content: problems go to the rows.  Fails only on empty
 * text (TD_ERROR_INVALID). */
TdPastePreview *td_paste_parse (const char *text, GError **error);
void td_paste_preview_free (TdPastePreview *preview);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdPastePreview, td_paste_preview_free)

/* Replaces the raw cells of a row (NULL keeps a cell) and interprets it
 * again, then rechecks levels. */
void td_paste_row_set_cells (TdPastePreview *preview, guint row_index, const char *code,
                             const char *title, const char *standard, const char *bonus,
                             const char *deduction);
/* After direct edits of rows (skip, depth, criterion): recompute levels'
 * consistency, statuses and problems. */
void td_paste_preview_recheck (TdPastePreview *preview);
/* Number of rows with status ERROR that are not skipped. */
guint td_paste_preview_count_errors (const TdPastePreview *preview);
/* The table built from the non-skipped rows; refused (TD_ERROR_INVALID,
 * naming the first bad line) while errors remain. */
TdCriteriaTable *td_paste_preview_to_table (const TdPastePreview *preview, GError **error);

/* td_paste_preview_to_table, then td_criteria_save_table: the whole paste
 * in one call for the dialog's Save button. */
gboolean td_paste_preview_save (const TdPastePreview *preview, TdDb *db, gint64 bloc_year_id,
                                gboolean replace, GError **error);

/* The rank of a code's style, which gives the levels: Roman numerals 0
 * ("I", "IV"), a single capital 5 ("A"), numbers 10 + dots ("1" → 10,
 * "1.2" → 11, "3.3.2.1" → 13), letters 20 + their numeric parts ("a" → 20,
 * "a1" / "a.1" → 21, "a1.1" / "a.7.1" → 22), bullets 40 ("-") and 41 ("+").
 * Words such as "Tiêu chuẩn", "Mục" and a trailing "." or ")" are ignored.
 * −1 for an empty code, −2 for text that is not a code.  A row goes under
 * the nearest row above with a lower rank, so levels are relative: "1"
 * is at the top when the table has no Roman numerals. */
gint td_paste_code_level (const char *code);

G_END_DECLS
