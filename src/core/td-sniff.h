/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a file given to an importer really is, from its first bytes.
 *
 * Every importer checks its input with td_sniff_expect() before parsing, so
 * a workbook given as CSV, a photo of a form, a PDF or an empty file is
 * refused with a message that names what the file is and what was
 * expected, instead of being read as garbage ("PK\x03\x04…" as a unit). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  TD_FILE_EMPTY,
  TD_FILE_TEXT,  /* text without NUL bytes (CSV, TSV…) */
  TD_FILE_UTF16, /* text with a UTF-16 byte-order mark ("Unicode text" from Excel) */
  TD_FILE_HTML,  /* a web page, also what some systems name ".xls" */
  TD_FILE_XLSX,  /* an Office Open XML workbook */
  TD_FILE_DOCX,  /* a Word document (or another Office Open XML file) */
  TD_FILE_ODS,   /* an OpenDocument spreadsheet */
  TD_FILE_ODT,   /* an OpenDocument text (or another OpenDocument file) */
  TD_FILE_ZIP,   /* another zip archive */
  TD_FILE_OLE2,  /* Excel 97–2003 (.xls) or Word 97–2003 (.doc) */
  TD_FILE_PDF,
  TD_FILE_IMAGE,  /* PNG, JPEG, GIF, BMP, TIFF, WebP, HEIC */
  TD_FILE_BINARY, /* anything else that is not text */
} TdFileKind;

/* How many leading bytes td_sniff_file reads: enough for the names of the
 * first parts of a zip. */
#define TD_SNIFF_HEAD 65536

/* Classifies @data (the first bytes of a file, or all of it). */
TdFileKind td_sniff_data (const guint8 *data, gsize length);
/* Reads the head of @path and classifies it; FALSE when it cannot be read. */
gboolean td_sniff_file (const char *path, TdFileKind *kind, GError **error);
/* "an Excel workbook (.xlsx)", "a picture", "an empty file"…, translated. */
const char *td_file_kind_describe (TdFileKind kind);

/* What an importer expects, for the messages. */
typedef enum
{
  TD_EXPECT_TEXT_TABLE, /* a CSV or tab-separated text file */
  TD_EXPECT_XLSX,       /* a self-score form, .xlsx */
} TdSniffExpect;

/* TRUE when @kind is what @expect takes.  Otherwise FALSE with a
 * TD_ERROR_INVALID message naming the file (@display_name), what it is, what
 * was expected and what to do, e.g. "“Phieu.xls” is an Excel 97–2003 file
 * (.xls), not … Open it in Excel or LibreOffice and save it as …". */
gboolean td_sniff_expect (TdFileKind kind, TdSniffExpect expect, const char *display_name,
                          GError **error);

G_END_DECLS
