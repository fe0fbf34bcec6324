/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The sheet model: one official paper, built once, rendered by every output.
 *
 * A TdSheet is what a builder function fills from core data and what the
 * renderers read: td-xlsx.c (a worksheet), td-pages.c (cairo pages for PDF,
 * the printer and the preview).  No renderer knows which sheet it draws.
 *
 * The paper, top to bottom (Nghị định 30/2020, Phụ lục I):
 *
 *   ISSUER LINE 1 (bold caps)          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
 *   ISSUER LINE 2 (bold caps)             Độc lập - Tự do - Hạnh phúc
 *   Số: …/…                              ───────────────────────────
 *                                   Bình Phước, ngày 05 tháng 01 năm 2025 (italic)
 *                           TITLE IN BOLD CAPITALS
 *                                 subtitle lines
 *   notes before the table (instructions of a form)
 *   ┌─────┬──────────────┬───── group header ─────┐   header: one row, or two
 *   │ STT │ Đơn vị       │ Tự chấm │ Thẩm định    │   when column groups exist
 *   ├─────┼──────────────┼─────────┼──────────────┤
 *   │ rows with a level: normal, section (bold), subtotal (bold), total (bold)
 *   └─────┴──────────────┴─────────┴──────────────┘
 *   notes after the table
 *   Nơi nhận:                                 TM. KHỐI THI ĐUA SỐ 6 (bold caps)
 *   - Như trên;                                    KHỐI TRƯỞNG (bold caps)
 *   - Lưu: VT.                                      (space to sign)
 *                                                   Nguyễn Văn A (bold)
 *
 * Cells are typed: text, points (TdPoints, shown "118,4"), integer.  A cell
 * may carry a formula intent — a signed sum of cell ranges, or the rank of
 * a cell among a range — together with its computed value: xlsx writes a
 * real formula with that value cached, pages print the value.  Row and
 * column indices are 0-based positions in the table (row 0 is the first row
 * after the header); renderers translate them to their own coordinates.
 *
 * Input cells (the self-score form) are unlocked in xlsx and carry a
 * validation (points or whole numbers in a range, or one of a list), with a
 * Vietnamese message.  Rows may carry a key (e.g. a criterion id) and the
 * sheet key/value metadata (bloc, year, unit) so an importer can map a
 * filled form back; td-xlsx.c writes both on a hidden sheet.
 *
 * A builder is one function: td_sheet_new, the header fields, columns,
 * then rows; see td_sheet_sample_ranking() in td-sheet-sample.c. */
#pragma once

#include <glib-object.h>

#include "td-points.h"

G_BEGIN_DECLS

typedef enum
{
  TD_SHEET_PORTRAIT,
  TD_SHEET_LANDSCAPE,
} TdSheetOrientation;

typedef enum
{
  TD_COLUMN_TEXT,
  TD_COLUMN_POINTS,
  TD_COLUMN_INTEGER,
  TD_COLUMN_RANK,
} TdColumnKind;

typedef enum
{
  TD_ALIGN_LEFT,
  TD_ALIGN_CENTER,
  TD_ALIGN_RIGHT,
} TdAlign;

typedef enum
{
  TD_ROW_NORMAL,
  TD_ROW_SECTION,
  TD_ROW_SUBTOTAL,
  TD_ROW_TOTAL,
} TdRowLevel;

typedef enum
{
  TD_CELL_EMPTY,
  TD_CELL_TEXT,
  TD_CELL_POINTS,
  TD_CELL_INTEGER,
} TdCellType;

typedef enum
{
  TD_FORMULA_NONE,
  TD_FORMULA_SUM,  /* Σ sign × range, over td_sheet_sum_add terms */
  TD_FORMULA_RANK, /* rank (1 = highest) of ref among range */
  TD_FORMULA_EXPR, /* an expression with {row,col} references, td_sheet_set_formula */
} TdFormulaKind;

typedef enum
{
  TD_VALIDATE_NONE,
  TD_VALIDATE_POINTS, /* a number, hundredths allowed, min..max */
  TD_VALIDATE_WHOLE,  /* a whole number, min..max (in hundredths too) */
  TD_VALIDATE_LIST,   /* one of items */
} TdValidateKind;

/* A rectangle of table cells, inclusive. */
typedef struct
{
  guint row1, col1, row2, col2;
  gint sign; /* +1 or -1 in a sum */
} TdSheetRange;

typedef struct
{
  char *header;
  char *group;  /* owning group header text, or NULL */
  double width; /* hint in characters of the table font (Excel width) */
  TdAlign align;
  TdColumnKind kind;
} TdSheetColumn;

typedef struct
{
  TdCellType type;
  char *text;
  gint64 value; /* TdPoints for POINTS, plain for INTEGER */
  TdFormulaKind formula;
  GArray *terms;          /* TdSheetRange, for SUM and (one range) RANK */
  guint ref_row, ref_col; /* RANK: the ranked cell */
  char *expr;             /* EXPR */
  gboolean input;
  TdValidateKind validate;
  TdPoints min, max;
  char **items;
  char *message;
  char *suffix; /* shown after a number, e.g. " (điều chỉnh)" or the agreed mark */
} TdSheetCell;

typedef struct
{
  TdRowLevel level;
  char *key;
  gint span_first, span_last; /* merged cells, -1 when none */
  TdSheetCell *cells;
} TdSheetRow;

typedef struct _TdSheet TdSheet;

struct _TdSheet
{
  gint ref_count;
  char *name;      /* short name for the workbook tab, e.g. "Tổng hợp" */
  char *file_stem; /* e.g. "Bảng xếp hạng Khối 6 2024", see suggest_filename */
  TdSheetOrientation orientation;
  char **issuer; /* "KHỐI THI ĐUA SỐ 6", "SỞ Y TẾ" */
  char *number;  /* "Số: 05/BC-KTĐ", or NULL */
  char *place;
  GDate date;      /* invalid: no date line */
  char *date_text; /* a date line as is ("…, ngày … tháng … năm 2025"), wins over date */
  char *title;
  char **subtitles;
  char **notes_before;
  char **notes_after;
  char **authority; /* "TM. KHỐI THI ĐUA SỐ 6" */
  char *position;   /* "KHỐI TRƯỞNG" */
  char *sign_note;  /* italic, under the position: "(Ký, ghi rõ họ tên)" */
  char *signer;
  char **recipients; /* "- Như trên;", "- Lưu: VT." */
  guint freeze_columns;
  gboolean split_columns; /* too wide for a page: bands of columns, the frozen ones repeated */
  gboolean hide_zero;     /* show 0 as an empty cell (blank forms) */
  GPtrArray *columns;     /* TdSheetColumn */
  GPtrArray *rows;        /* TdSheetRow */
  GPtrArray *meta;        /* char * pairs: key, value, key, value … */
};

#define TD_TYPE_SHEET (td_sheet_get_type ())
GType td_sheet_get_type (void) G_GNUC_CONST;

/* Reference-counted so a preview or a print job can keep the sheet it
 * draws; td_sheet_free drops one reference. */
TdSheet *td_sheet_new (const char *name, const char *title, TdSheetOrientation orientation);
TdSheet *td_sheet_ref (TdSheet *sheet);
void td_sheet_free (TdSheet *sheet);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdSheet, td_sheet_free)

/* Header and footer blocks; every char ** is copied, NULL-terminated. */
void td_sheet_set_issuer (TdSheet *sheet, const char *const *lines, const char *number);
void td_sheet_set_date (TdSheet *sheet, const char *place, const GDate *date);
void td_sheet_add_subtitle (TdSheet *sheet, const char *line);
void td_sheet_add_note_before (TdSheet *sheet, const char *line);
void td_sheet_add_note_after (TdSheet *sheet, const char *line);
void td_sheet_set_signature (TdSheet *sheet, const char *const *authority, const char *position,
                             const char *signer);
void td_sheet_set_date_text (TdSheet *sheet, const char *line);
void td_sheet_set_sign_note (TdSheet *sheet, const char *note);
void td_sheet_add_recipient (TdSheet *sheet, const char *line);
void td_sheet_set_file_stem (TdSheet *sheet, const char *stem);
void td_sheet_set_meta (TdSheet *sheet, const char *key, const char *value);
const char *td_sheet_get_meta (TdSheet *sheet, const char *key);
/* The date line, "Bình Phước, ngày 05 tháng 01 năm 2025", or NULL. */
gchar *td_sheet_dup_date_line (TdSheet *sheet);

/* Columns: returns the column index. */
guint td_sheet_add_column (TdSheet *sheet, const char *header, TdColumnKind kind, double width,
                           TdAlign align);
/* Put columns first..last under one group header (a two-row table header). */
void td_sheet_group_columns (TdSheet *sheet, guint first, guint last, const char *group);
gboolean td_sheet_has_groups (TdSheet *sheet);
guint td_sheet_get_n_columns (TdSheet *sheet);
TdSheetColumn *td_sheet_get_column (TdSheet *sheet, guint col);

/* Rows: returns the row index. */
guint td_sheet_add_row (TdSheet *sheet, TdRowLevel level);
guint td_sheet_get_n_rows (TdSheet *sheet);
TdSheetRow *td_sheet_get_row (TdSheet *sheet, guint row);
void td_sheet_set_row_key (TdSheet *sheet, guint row, const char *key);
/* Merge cells first..last of the row (the text of the first is shown). */
void td_sheet_span (TdSheet *sheet, guint row, guint first, guint last);

/* Cells. */
TdSheetCell *td_sheet_get_cell (TdSheet *sheet, guint row, guint col);
void td_sheet_set_text (TdSheet *sheet, guint row, guint col, const char *text);
void td_sheet_set_points (TdSheet *sheet, guint row, guint col, TdPoints points);
void td_sheet_set_integer (TdSheet *sheet, guint row, guint col, gint64 value);
/* A sum formula whose computed value is @value (points or integer, after
 * the column kind); add its terms with td_sheet_sum_add. */
void td_sheet_set_sum (TdSheet *sheet, guint row, guint col, gint64 value);
void td_sheet_sum_add (TdSheet *sheet, guint row, guint col, gint sign, guint row1, guint col1,
                       guint row2, guint col2);
/* Shortcut: value = sum of column @col over rows first..last. */
void td_sheet_set_column_sum (TdSheet *sheet, guint row, guint col, gint64 value, guint first,
                              guint last);
/* A sum of value @value whose terms are column @col on each row of @rows
 * (guint): a heading's or a total's sum of the rows under it. */
void td_sheet_set_rows_sum (TdSheet *sheet, guint row, guint col, gint64 value, const GArray *rows);
/* The rank @rank of cell (ref_row, ref_col) among the range, highest = 1. */
void td_sheet_set_rank (TdSheet *sheet, guint row, guint col, gint64 rank, guint ref_row,
                        guint ref_col, guint row1, guint col1, guint row2, guint col2);

/* Text shown right after the cell's number (the value stays a number in
 * xlsx: the suffix is part of its number format). */
void td_sheet_set_suffix (TdSheet *sheet, guint row, guint col, const char *suffix);
/* A value the meeting agreed on: marked "*", with the legend added once to
 * the notes after the table. */
void td_sheet_mark_agreed (TdSheet *sheet, guint row, guint col);
/* Any other formula: an Excel expression (without "=") whose references
 * to table cells are written {row,col} (see td_sheet_cell_ref), e.g.
 * "ROUND(MIN(1.5,{4,6}*0.5),2)", with its computed value (points or
 * integer after the column kind); _text caches a text result.  Functions
 * and constants are Excel's (dot decimals, English names). */
void td_sheet_set_formula (TdSheet *sheet, guint row, guint col, const char *expr, gint64 value);
void td_sheet_set_formula_text (TdSheet *sheet, guint row, guint col, const char *expr,
                                const char *text);
/* "{row,col}" for an expression. */
gchar *td_sheet_cell_ref (guint row, guint col);

/* An input cell of a form; @message NULL makes one from the range. */
void td_sheet_set_input (TdSheet *sheet, guint row, guint col);
void td_sheet_set_input_points (TdSheet *sheet, guint row, guint col, TdPoints min, TdPoints max,
                                gboolean whole, const char *message);
void td_sheet_set_input_list (TdSheet *sheet, guint row, guint col, const char *const *items,
                              const char *message);
gboolean td_sheet_has_inputs (TdSheet *sheet);

/* What a reader sees in the cell: "118,4", "12", the text, or "" (also
 * for 0 when the sheet hides zeros). */
gchar *td_sheet_cell_display (TdSheet *sheet, guint row, guint col);

/* "Bảng xếp hạng Khối 6 2024" → "Bang-xep-hang-Khoi-6-2024.xlsx": ASCII,
 * no diacritics (đ → d), spaces → "-", nothing a file system refuses. */
gchar *td_sheet_suggest_filename (const char *stem, const char *extension);

G_END_DECLS
