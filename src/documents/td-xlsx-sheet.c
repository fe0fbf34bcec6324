/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The .xlsx reader's sheets: every <c> of a worksheet streamed into a
 * sorted array of cells, within the limits (see td-xlsx-reader.h). */
#include "config.h"

#include "td-xlsx-reader-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* "AB12" → (11, 27); FALSE when it is not a cell reference within Excel's
 * grid. */
static gboolean
parse_ref (const char *ref, guint32 *row, guint32 *col)
{
  guint64 c = 0, r = 0;
  const char *p = ref;

  if (ref == NULL)
    return FALSE;
  for (; g_ascii_isalpha (*p); p++)
    {
      c = c * 26 + (g_ascii_toupper (*p) - 'A' + 1);
      if (c > MAX_COL)
        return FALSE;
    }
  for (; g_ascii_isdigit (*p); p++)
    {
      r = r * 10 + (*p - '0');
      if (r > MAX_ROW)
        return FALSE;
    }
  if (*p != '\0' || c == 0 || r == 0)
    return FALSE;
  *row = (guint32)(r - 1);
  *col = (guint32)(c - 1);
  return TRUE;
}

static gboolean
parse_number (const char *text, double *out)
{
  gchar *end = NULL;
  double v;

  if (text == NULL)
    return FALSE;
  while (g_ascii_isspace (*text))
    text++;
  if (*text == '\0')
    return FALSE;
  v = g_ascii_strtod (text, &end);
  while (end && g_ascii_isspace (*end))
    end++;
  if (end == NULL || *end != '\0' || !isfinite (v))
    return FALSE;
  *out = v;
  return TRUE;
}

/* "2024-12-30" or "2024-12-30T08:15:00" (t="d") → a 1900-system serial. */
static gboolean
parse_iso_date (const char *text, double *serial)
{
  gint y, m, d, hh = 0, mm = 0, ss = 0;
  GDate date, base;

  if (text == NULL || sscanf (text, "%d-%d-%d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  if (strchr (text, 'T') != NULL)
    sscanf (strchr (text, 'T') + 1, "%d:%d:%d", &hh, &mm, &ss);
  g_date_clear (&date, 1);
  g_date_clear (&base, 1);
  g_date_set_dmy (&date, d, m, y);
  g_date_set_dmy (&base, 30, 12, 1899);
  *serial = g_date_days_between (&base, &date) + (hh * 3600 + mm * 60 + ss) / 86400.0;
  return TRUE;
}

static gint
compare_cells (gconstpointer a, gconstpointer b)
{
  const TdXlsxCell *x = a, *y = b;
  if (x->row != y->row)
    return x->row < y->row ? -1 : 1;
  return x->col < y->col ? -1 : x->col > y->col ? 1 : 0;
}

typedef struct
{
  TdXlsxReader *reader;
  TdXlsxSheet *sheet;
  TdXlsxPart *part;
  GString *value;
  GString *inline_text;
  guint n_rows; /* <row> elements */
  guint32 row, next_col;
} SheetParse;

/* One <c> element and what it holds. */
static gboolean
read_cell (SheetParse *sp, GError **error)
{
  TdXlsxPart *part = sp->part;
  g_autofree gchar *ref = NULL, *type = NULL, *style = NULL;
  gboolean has_value = FALSE, has_inline = FALSE, positioned = FALSE;
  TdXlsxCell cell = { 0 };
  gint depth = xmlTextReaderDepth (part->xml);
  int r;

  /* The three attributes of a cell in one pass (a form has thousands). */
  if (xmlTextReaderMoveToFirstAttribute (part->xml) == 1)
    {
      do
        {
          const char *name = (const char *)xmlTextReaderConstLocalName (part->xml);
          gchar **slot = name[0] == '\0' || name[1] != '\0' ? NULL
                         : name[0] == 'r'                   ? &ref
                         : name[0] == 't'                   ? &type
                         : name[0] == 's'                   ? &style
                                                            : NULL;
          if (slot != NULL && *slot == NULL)
            *slot = g_strdup ((const char *)xmlTextReaderConstValue (part->xml));
        }
      while (xmlTextReaderMoveToNextAttribute (part->xml) == 1);
      xmlTextReaderMoveToElement (part->xml);
    }
  if (ref != NULL)
    {
      if (!parse_ref (ref, &cell.row, &cell.col))
        return td_xlsx_damaged (error, part->name, ref);
    }
  else
    {
      if (sp->next_col >= MAX_COL)
        return td_xlsx_damaged (error, part->name, "c");
      cell.row = sp->row;
      cell.col = sp->next_col;
    }
  sp->row = cell.row;
  sp->next_col = cell.col + 1;
  g_string_truncate (sp->value, 0);
  g_string_truncate (sp->inline_text, 0);

  r = 1;
  if (!xmlTextReaderIsEmptyElement (part->xml))
    while (positioned || (r = td_xlsx_part_next (part, error)) == 1)
      {
        int node = xmlTextReaderNodeType (part->xml);

        positioned = FALSE;

        if (node == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth (part->xml) == depth)
          break;
        if (node != XML_READER_TYPE_ELEMENT)
          continue;
        if (g_strcmp0 (td_xlsx_part_local_name (part), "v") == 0)
          {
            has_value = TRUE;
            if (!td_xlsx_part_read_text (part, "v", sp->value, error))
              return FALSE;
          }
        else if (g_strcmp0 (td_xlsx_part_local_name (part), "f") == 0)
          {
            /* Only the cached value matters; the formula's text (long
             * nested IFs on a form) is skipped unread. */
            cell.formula = TRUE;
            if (!xmlTextReaderIsEmptyElement (part->xml))
              {
                r = xmlTextReaderNext (part->xml);
                if (r < 0)
                  return part->stream.too_large ? td_xlsx_too_large (error, part->name)
                                                : td_xlsx_damaged (error, part->name, "f");
                positioned = r == 1; /* on the node after </f> */
              }
          }
        else if (g_strcmp0 (td_xlsx_part_local_name (part), "is") == 0)
          {
            has_inline = TRUE;
            if (!td_xlsx_part_read_text (part, "is", sp->inline_text, error))
              return FALSE;
          }
      }
  if (r == 0)
    return td_xlsx_damaged (error, part->name, "c");
  if (r < 0)
    return FALSE;

  /* openpyxl writes <v></v> for a formula it did not compute. */
  if (has_value && g_strcmp0 (type, "inlineStr") != 0)
    {
      g_strstrip (sp->value->str);
      sp->value->len = strlen (sp->value->str);
      has_value = sp->value->len > 0;
    }
  if (g_strcmp0 (type, "inlineStr") == 0 || (has_inline && !has_value))
    {
      cell.type = TD_XLSX_STRING;
      cell.text = g_string_chunk_insert_const (sp->sheet->chunk, sp->inline_text->str);
    }
  else if (!has_value)
    return TRUE; /* a formatted empty cell */
  else if (g_strcmp0 (type, "s") == 0)
    {
      guint64 index;
      if (!g_ascii_string_to_unsigned (g_strstrip (sp->value->str), 10, 0, G_MAXUINT32, &index,
                                       NULL)
          || index >= sp->reader->strings->len)
        return td_xlsx_damaged (error, part->name, _ ("a shared string that does not exist"));
      cell.type = TD_XLSX_STRING;
      cell.text = sp->reader->strings->pdata[index];
      cell.text = g_string_chunk_insert_const (sp->sheet->chunk, cell.text);
    }
  else if (g_strcmp0 (type, "str") == 0)
    {
      cell.type = TD_XLSX_STRING;
      cell.text = g_string_chunk_insert_const (sp->sheet->chunk, sp->value->str);
    }
  else if (g_strcmp0 (type, "e") == 0)
    {
      cell.type = TD_XLSX_ERROR;
      cell.text = g_string_chunk_insert_const (sp->sheet->chunk, g_strstrip (sp->value->str));
    }
  else if (g_strcmp0 (type, "b") == 0)
    {
      cell.type = TD_XLSX_BOOL;
      cell.number = g_strcmp0 (g_strstrip (sp->value->str), "1") == 0 ? 1 : 0;
    }
  else if (g_strcmp0 (type, "d") == 0)
    {
      if (!parse_iso_date (sp->value->str, &cell.number))
        return td_xlsx_damaged (error, part->name, sp->value->str);
      cell.type = TD_XLSX_DATE;
    }
  else
    {
      guint64 xf = 0;
      if (!parse_number (sp->value->str, &cell.number))
        return td_xlsx_damaged (error, part->name, _ ("a number that cannot be read"));
      cell.type = TD_XLSX_NUMBER;
      if (style && g_ascii_string_to_unsigned (style, 10, 0, G_MAXUINT32, &xf, NULL)
          && xf < sp->reader->date_styles->len
          && g_array_index (sp->reader->date_styles, gboolean, xf))
        {
          cell.type = TD_XLSX_DATE;
          if (sp->reader->date1904)
            cell.number += 1462;
        }
    }
  if (sp->sheet->cells->len >= sp->reader->limits.max_cells)
    return td_xlsx_too_large (error, _ ("too many cells"));
  g_array_append_val (sp->sheet->cells, cell);
  return TRUE;
}

TdXlsxSheet *
td_xlsx_reader_read_sheet (TdXlsxReader *reader, guint index, GError **error)
{
  g_autoptr (TdXlsxSheet) sheet = g_new0 (TdXlsxSheet, 1);
  g_autoptr (GString) value = g_string_new (NULL);
  g_autoptr (GString) inline_text = g_string_new (NULL);
  TdXlsxSheetInfo *info;
  SheetParse sp = { 0 };
  gboolean sorted = TRUE;
  TdXlsxPart part;
  int r;

  g_return_val_if_fail (index < reader->sheets->len, NULL);
  info = &g_array_index (reader->sheets, TdXlsxSheetInfo, index);
  sheet->cells = g_array_new (FALSE, FALSE, sizeof (TdXlsxCell));
  sheet->chunk = g_string_chunk_new (4096);
  if (info->part == NULL)
    {
      td_xlsx_damaged (error, info->name, _ ("missing"));
      return NULL;
    }
  if (!td_xlsx_part_open (reader, info->part, TRUE, &part, error))
    return NULL;
  sp.reader = reader;
  sp.sheet = sheet;
  sp.part = &part;
  sp.value = value;
  sp.inline_text = inline_text;
  while ((r = td_xlsx_part_next (&part, error)) == 1)
    {
      if (td_xlsx_part_is_element (&part, "row"))
        {
          g_autofree gchar *row = td_xlsx_part_attribute (&part, "r", FALSE);
          guint64 n;

          if (++sp.n_rows > reader->limits.max_rows)
            {
              td_xlsx_too_large (error, _ ("too many rows"));
              r = -1;
              break;
            }
          if (row != NULL)
            {
              if (!g_ascii_string_to_unsigned (row, 10, 1, MAX_ROW, &n, NULL))
                {
                  td_xlsx_damaged (error, part.name, row);
                  r = -1;
                  break;
                }
              sp.row = (guint32)(n - 1);
            }
          else if (sp.n_rows > 1)
            sp.row++;
          sp.next_col = 0;
        }
      else if (td_xlsx_part_is_element (&part, "c") && !read_cell (&sp, error))
        {
          r = -1;
          break;
        }
    }
  td_xlsx_part_close (&part);
  if (r < 0)
    return NULL;
  for (guint i = 1; i < sheet->cells->len && sorted; i++)
    sorted = compare_cells (&g_array_index (sheet->cells, TdXlsxCell, i - 1),
                            &g_array_index (sheet->cells, TdXlsxCell, i))
             < 0;
  if (!sorted)
    g_array_sort (sheet->cells, compare_cells);
  return g_steal_pointer (&sheet);
}

void
td_xlsx_sheet_free (TdXlsxSheet *sheet)
{
  if (sheet == NULL)
    return;
  if (sheet->cells)
    g_array_unref (sheet->cells);
  if (sheet->chunk)
    g_string_chunk_free (sheet->chunk);
  g_free (sheet);
}

const TdXlsxCell *
td_xlsx_sheet_get_cell (TdXlsxSheet *sheet, guint32 row, guint32 col)
{
  TdXlsxCell key = { .row = row, .col = col };
  guint lo = 0, hi = sheet->cells->len;

  /* The last of equal cells wins, as when a writer repeats one. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (compare_cells (&g_array_index (sheet->cells, TdXlsxCell, mid), &key) <= 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo > 0 && compare_cells (&g_array_index (sheet->cells, TdXlsxCell, lo - 1), &key) == 0)
    return &g_array_index (sheet->cells, TdXlsxCell, lo - 1);
  return NULL;
}

guint
td_xlsx_sheet_get_n_cells (TdXlsxSheet *sheet)
{
  return sheet->cells->len;
}

const TdXlsxCell *
td_xlsx_sheet_get_nth_cell (TdXlsxSheet *sheet, guint n)
{
  g_return_val_if_fail (n < sheet->cells->len, NULL);
  return &g_array_index (sheet->cells, TdXlsxCell, n);
}

gchar *
td_xlsx_cell_to_text (const TdXlsxCell *cell)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (cell == NULL)
    return g_strdup ("");
  switch (cell->type)
    {
    case TD_XLSX_STRING:
    case TD_XLSX_ERROR:
      return g_strdup (cell->text);
    case TD_XLSX_BOOL:
      return g_strdup (cell->number != 0 ? "TRUE" : "FALSE");
    case TD_XLSX_DATE:
      {
        GDate date;
        double days = floor (cell->number);

        g_date_clear (&date, 1);
        g_date_set_dmy (&date, 30, 12, 1899);
        /* Serial 60 is Excel's 29/02/1900, which never was; before it the
         * serials are one day off. */
        if (days >= 1 && days < 60)
          days += 1;
        if (days < 1 || days > 2958465)
          {
            g_ascii_formatd (buffer, sizeof buffer, "%.15g", cell->number);
            return g_strdup (buffer);
          }
        g_date_add_days (&date, (guint)days);
        return g_strdup_printf ("%02d/%02d/%04d", g_date_get_day (&date), g_date_get_month (&date),
                                g_date_get_year (&date));
      }
    case TD_XLSX_NUMBER:
    default:
      {
        /* 15 significant digits, as Excel shows: 0.1 + 0.2 reads 0.3. */
        g_ascii_formatd (buffer, sizeof buffer, "%.15g", cell->number);
        return g_strdup (buffer);
      }
    }
}

gchar *
td_xlsx_cell_name (guint32 row, guint32 col)
{
  char letters[8];
  gint n = 0;
  guint32 c = col + 1;
  GString *out = g_string_new (NULL);

  while (c > 0 && n < (gint)sizeof letters)
    {
      letters[n++] = (char)('A' + (c - 1) % 26);
      c = (c - 1) / 26;
    }
  while (n > 0)
    g_string_append_c (out, letters[--n]);
  g_string_append_printf (out, "%u", row + 1);
  return g_string_free (out, FALSE);
}
