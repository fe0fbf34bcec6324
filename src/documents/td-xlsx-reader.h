/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading .xlsx workbooks that come from outside (filled self-score forms).
 *
 * The zip container is opened with libgsf and every XML part is read with
 * libxml2's streaming xmlTextReader, so a part is never held whole in
 * memory.  It reads what Excel, LibreOffice and WPS write: shared strings
 * (with rich-text runs), inline strings, formula cells with their cached
 * values (numbers, strings, booleans, errors), dates (by their number
 * format, 1900 or 1904 system) and sheet states (visible, hidden,
 * veryHidden).
 *
 * A workbook is untrusted input: the file size, the number of zip parts,
 * the uncompressed bytes of each part and of all parts together, rows,
 * cells, shared strings and sheets are limited (TdXlsxLimits), counted as
 * the bytes are inflated, so a zip bomb or a sheet of a million rows is
 * refused after reading no more than the limit.  Part names come from the
 * workbook's relationships and are resolved inside the archive only; one
 * that climbs out of it ("../../x") is refused.  A document type
 * declaration is refused (no entity tricks). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TD_XLSX_READER_ERROR (td_xlsx_reader_error_quark ())
GQuark td_xlsx_reader_error_quark (void);

typedef enum
{
  TD_XLSX_READER_ERROR_NOT_XLSX, /* not a zip, or a zip without a workbook */
  TD_XLSX_READER_ERROR_DAMAGED,  /* a part is missing or its XML is broken */
  TD_XLSX_READER_ERROR_TOO_LARGE,
  TD_XLSX_READER_ERROR_UNSAFE, /* a part name outside the archive, a DTD */
} TdXlsxReaderError;

typedef struct
{
  gsize max_file_bytes;  /* the .xlsx itself */
  guint max_parts;       /* entries of the zip */
  gsize max_part_bytes;  /* one part, uncompressed */
  gsize max_total_bytes; /* all parts read, uncompressed */
  guint max_sheets;
  guint max_rows; /* rows of one sheet that hold cells */
  guint max_cells;
  guint max_strings; /* shared strings */
} TdXlsxLimits;

/* Generous for any form (a 200-criterion form is about 300 rows): 20 MB
 * file, 10,000 parts, 48 MB per part, 96 MB in all, 256 sheets, 100,000
 * rows, 500,000 cells, 200,000 shared strings. */
const TdXlsxLimits *td_xlsx_limits_default (void);

typedef enum
{
  TD_XLSX_SHEET_VISIBLE,
  TD_XLSX_SHEET_HIDDEN,
  TD_XLSX_SHEET_VERY_HIDDEN,
} TdXlsxSheetState;

typedef enum
{
  TD_XLSX_STRING,
  TD_XLSX_NUMBER,
  TD_XLSX_DATE, /* number is the serial day (1900 system, fractions are the time) */
  TD_XLSX_BOOL, /* number is 0 or 1 */
  TD_XLSX_ERROR /* text is "#VALUE!", "#N/A" … */
} TdXlsxValueType;

typedef struct
{
  guint32 row, col; /* 0-based: A1 is (0, 0) */
  TdXlsxValueType type;
  gboolean formula; /* the value is the cached result of a formula */
  double number;
  const char *text; /* STRING and ERROR; valid UTF-8, owned by the sheet */
} TdXlsxCell;

typedef struct _TdXlsxReader TdXlsxReader;
typedef struct _TdXlsxSheet TdXlsxSheet;

/* Opens a workbook: reads the zip directory, the workbook part (sheets,
 * structure protection, date system), its relationships, the shared
 * strings and the styles.  @limits NULL: the defaults. */
TdXlsxReader *td_xlsx_reader_open (const char *path, const TdXlsxLimits *limits, GError **error);
/* The same from bytes in memory (kept referenced); for tests and fuzzing. */
TdXlsxReader *td_xlsx_reader_open_bytes (GBytes *bytes, const TdXlsxLimits *limits, GError **error);
void td_xlsx_reader_free (TdXlsxReader *reader);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdXlsxReader, td_xlsx_reader_free)

guint td_xlsx_reader_get_n_sheets (TdXlsxReader *reader);
const char *td_xlsx_reader_get_sheet_name (TdXlsxReader *reader, guint index);
TdXlsxSheetState td_xlsx_reader_get_sheet_state (TdXlsxReader *reader, guint index);
/* The index of the sheet named @name (compared as Excel does, without
 * regard to case), −1 when none. */
gint td_xlsx_reader_find_sheet (TdXlsxReader *reader, const char *name);
/* Whether the workbook's structure is protected (sheets cannot be added,
 * deleted, renamed or shown). */
gboolean td_xlsx_reader_get_structure_locked (TdXlsxReader *reader);

/* Reads every cell of one sheet. */
TdXlsxSheet *td_xlsx_reader_read_sheet (TdXlsxReader *reader, guint index, GError **error);
void td_xlsx_sheet_free (TdXlsxSheet *sheet);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdXlsxSheet, td_xlsx_sheet_free)

/* NULL for an empty cell. */
const TdXlsxCell *td_xlsx_sheet_get_cell (TdXlsxSheet *sheet, guint32 row, guint32 col);
guint td_xlsx_sheet_get_n_cells (TdXlsxSheet *sheet);
const TdXlsxCell *td_xlsx_sheet_get_nth_cell (TdXlsxSheet *sheet, guint n); /* row by row */

/* The cell as a person reads it: the text; a number with a dot and no
 * needless digits ("2.5", "3"); a date as dd/mm/yyyy; "TRUE"/"FALSE"; the
 * error's text.  "" for NULL. */
gchar *td_xlsx_cell_to_text (const TdXlsxCell *cell);
/* "F23" for (22, 5). */
gchar *td_xlsx_cell_name (guint32 row, guint32 col);

G_END_DECLS
