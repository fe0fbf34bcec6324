/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the two halves of the .xlsx reader (td-xlsx-reader.c: the
 * workbook, relationships, shared strings, styles; td-xlsx-sheet.c: the
 * worksheets).  Not installed, not for other modules. */
#pragma once

#include "td-xlsx-reader.h"

#include <gsf/gsf-infile.h>
#include <gsf/gsf-input.h>
#include <libxml/xmlreader.h>

G_BEGIN_DECLS

#define MAX_ROW 1048576 /* Excel's limits */
#define MAX_COL 16384
#define MAX_TEXT 32767 /* characters in a cell */

typedef struct
{
  gchar *name;
  gchar *part; /* path inside the archive */
  TdXlsxSheetState state;
} TdXlsxSheetInfo;

struct _TdXlsxReader
{
  TdXlsxLimits limits;
  GBytes *bytes;
  GsfInput *source;
  GsfInfile *zip;
  gsize total_read;
  gboolean date1904;
  gboolean structure_locked;
  GArray *sheets;     /* TdXlsxSheetInfo */
  GPtrArray *strings; /* shared strings, in strings_chunk */
  GStringChunk *strings_chunk;
  GArray *date_styles; /* gboolean per cell format (xf) index */
};

struct _TdXlsxSheet
{
  GArray *cells; /* TdXlsxCell, sorted by row then column */
  GStringChunk *chunk;
};

/* One XML part, streamed with a byte budget. */
typedef struct
{
  TdXlsxReader *reader;
  GsfInput *input;
  gsize read;
  gboolean too_large;
} TdXlsxPartStream;

typedef struct
{
  xmlTextReaderPtr xml;
  TdXlsxPartStream stream;
  gchar *name;
} TdXlsxPart;

/* @required: a missing part is an error; otherwise part->xml stays NULL. */
gboolean td_xlsx_part_open (TdXlsxReader *reader, const char *path, gboolean required,
                            TdXlsxPart *part, GError **error);
void td_xlsx_part_close (TdXlsxPart *part);
/* The next node: 1, 0 at the end, −1 (and @error) on a broken or oversized
 * part or a document type declaration. */
int td_xlsx_part_next (TdXlsxPart *part, GError **error);
const char *td_xlsx_part_local_name (TdXlsxPart *part);
gboolean td_xlsx_part_is_element (TdXlsxPart *part, const char *name);
gchar *td_xlsx_part_attribute (TdXlsxPart *part, const char *name, gboolean qualified);
/* The text inside the element the reader is on, up to its end. */
gboolean td_xlsx_part_read_text (TdXlsxPart *part, const char *element, GString *out,
                                 GError **error);
/* These set @error and return FALSE. */
gboolean td_xlsx_too_large (GError **error, const char *what);
gboolean td_xlsx_damaged (GError **error, const char *part, const char *detail);

G_END_DECLS
