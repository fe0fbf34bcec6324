/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The sheet model shared by the xlsx, PDF, print and preview outputs.
 * See td-sheet.h for the picture of the paper. */
#include "td-sheet.h"
#include "td-official.h"
#include "td-record.h"

#include <string.h>

static void
strv_append (char ***strv, const char *line)
{
  guint n = *strv ? g_strv_length (*strv) : 0;

  *strv = g_renew (char *, *strv, n + 2);
  (*strv)[n] = g_strdup (line);
  (*strv)[n + 1] = NULL;
}

static void
column_free (gpointer data)
{
  TdSheetColumn *column = data;

  g_free (column->header);
  g_free (column->group);
  g_free (column);
}

static void
cell_clear (TdSheetCell *cell)
{
  g_free (cell->text);
  g_clear_pointer (&cell->terms, g_array_unref);
  g_free (cell->expr);
  g_strfreev (cell->items);
  g_free (cell->message);
  g_free (cell->suffix);
  memset (cell, 0, sizeof *cell);
}

static void
row_free (gpointer data, guint n_columns)
{
  TdSheetRow *row = data;

  for (guint i = 0; i < n_columns; i++)
    cell_clear (&row->cells[i]);
  g_free (row->cells);
  g_free (row->key);
  g_free (row);
}

TdSheet *
td_sheet_new (const char *name, const char *title, TdSheetOrientation orientation)
{
  TdSheet *sheet = g_new0 (TdSheet, 1);

  sheet->ref_count = 1;
  sheet->name = g_strdup (name);
  sheet->title = g_strdup (title);
  sheet->file_stem = g_strdup (name);
  sheet->orientation = orientation;
  sheet->columns = g_ptr_array_new_with_free_func (column_free);
  sheet->rows = g_ptr_array_new ();
  sheet->meta = g_ptr_array_new_with_free_func (g_free);
  g_date_clear (&sheet->date, 1);
  return sheet;
}

G_DEFINE_BOXED_TYPE (TdSheet, td_sheet, td_sheet_ref, td_sheet_free)

TdSheet *
td_sheet_ref (TdSheet *sheet)
{
  g_atomic_int_inc (&sheet->ref_count);
  return sheet;
}

static const gsize sheet_texts[]
    = { G_STRUCT_OFFSET (TdSheet, name),      G_STRUCT_OFFSET (TdSheet, file_stem),
        G_STRUCT_OFFSET (TdSheet, number),    G_STRUCT_OFFSET (TdSheet, place),
        G_STRUCT_OFFSET (TdSheet, title),     G_STRUCT_OFFSET (TdSheet, position),
        G_STRUCT_OFFSET (TdSheet, signer),    G_STRUCT_OFFSET (TdSheet, sign_note),
        G_STRUCT_OFFSET (TdSheet, date_text), TD_RECORD_END };

/* The lines of the header and footer blocks, and the tables. */
static const TdRecordPart sheet_parts[] = {
  TD_RECORD_PART (TdSheet, rows, g_ptr_array_unref),
  TD_RECORD_PART (TdSheet, columns, g_ptr_array_unref),
  TD_RECORD_PART (TdSheet, meta, g_ptr_array_unref),
  TD_RECORD_PART (TdSheet, issuer, g_strfreev),
  TD_RECORD_PART (TdSheet, subtitles, g_strfreev),
  TD_RECORD_PART (TdSheet, notes_before, g_strfreev),
  TD_RECORD_PART (TdSheet, notes_after, g_strfreev),
  TD_RECORD_PART (TdSheet, authority, g_strfreev),
  TD_RECORD_PART (TdSheet, recipients, g_strfreev),
  TD_RECORD_PARTS_END,
};

void
td_sheet_free (TdSheet *sheet)
{
  if (sheet == NULL || !g_atomic_int_dec_and_test (&sheet->ref_count))
    return;
  for (guint i = 0; i < sheet->rows->len; i++)
    row_free (sheet->rows->pdata[i], sheet->columns->len);
  td_record_free_full (sheet, sheet_texts, sheet_parts);
}

void
td_sheet_set_issuer (TdSheet *sheet, const char *const *lines, const char *number)
{
  g_strfreev (sheet->issuer);
  sheet->issuer = g_strdupv ((char **)lines);
  g_free (sheet->number);
  sheet->number = g_strdup (number);
}

void
td_sheet_set_date (TdSheet *sheet, const char *place, const GDate *date)
{
  g_free (sheet->place);
  sheet->place = g_strdup (place);
  if (date != NULL && g_date_valid (date))
    sheet->date = *date;
  else
    g_date_clear (&sheet->date, 1);
}

void
td_sheet_set_date_text (TdSheet *sheet, const char *line)
{
  g_free (sheet->date_text);
  sheet->date_text = g_strdup (line);
}

void
td_sheet_set_sign_note (TdSheet *sheet, const char *note)
{
  g_free (sheet->sign_note);
  sheet->sign_note = g_strdup (note);
}

gchar *
td_sheet_dup_date_line (TdSheet *sheet)
{
  if (sheet->date_text != NULL)
    return g_strdup (sheet->date_text);
  if (!g_date_valid (&sheet->date))
    return NULL;
  return td_official_date_line (sheet->place, &sheet->date);
}

void
td_sheet_add_subtitle (TdSheet *sheet, const char *line)
{
  strv_append (&sheet->subtitles, line);
}

void
td_sheet_add_note_before (TdSheet *sheet, const char *line)
{
  strv_append (&sheet->notes_before, line);
}

void
td_sheet_add_note_after (TdSheet *sheet, const char *line)
{
  strv_append (&sheet->notes_after, line);
}

void
td_sheet_set_signature (TdSheet *sheet, const char *const *authority, const char *position,
                        const char *signer)
{
  g_strfreev (sheet->authority);
  sheet->authority = g_strdupv ((char **)authority);
  g_free (sheet->position);
  sheet->position = g_strdup (position);
  g_free (sheet->signer);
  sheet->signer = g_strdup (signer);
}

void
td_sheet_add_recipient (TdSheet *sheet, const char *line)
{
  strv_append (&sheet->recipients, line);
}

void
td_sheet_set_file_stem (TdSheet *sheet, const char *stem)
{
  g_free (sheet->file_stem);
  sheet->file_stem = g_strdup (stem);
}

void
td_sheet_set_meta (TdSheet *sheet, const char *key, const char *value)
{
  for (guint i = 0; i + 1 < sheet->meta->len; i += 2)
    if (g_str_equal (sheet->meta->pdata[i], key))
      {
        g_free (sheet->meta->pdata[i + 1]);
        sheet->meta->pdata[i + 1] = g_strdup (value);
        return;
      }
  g_ptr_array_add (sheet->meta, g_strdup (key));
  g_ptr_array_add (sheet->meta, g_strdup (value));
}

const char *
td_sheet_get_meta (TdSheet *sheet, const char *key)
{
  for (guint i = 0; i + 1 < sheet->meta->len; i += 2)
    if (g_str_equal (sheet->meta->pdata[i], key))
      return sheet->meta->pdata[i + 1];
  return NULL;
}

guint
td_sheet_add_column (TdSheet *sheet, const char *header, TdColumnKind kind, double width,
                     TdAlign align)
{
  TdSheetColumn *column = g_new0 (TdSheetColumn, 1);

  /* Rows hold one cell per column: columns come before rows. */
  g_return_val_if_fail (sheet->rows->len == 0, 0);
  column->header = g_strdup (header);
  column->kind = kind;
  column->width = width > 0 ? width : 10;
  column->align = align;
  g_ptr_array_add (sheet->columns, column);
  return sheet->columns->len - 1;
}

void
td_sheet_group_columns (TdSheet *sheet, guint first, guint last, const char *group)
{
  g_return_if_fail (first <= last && last < sheet->columns->len);
  for (guint i = first; i <= last; i++)
    {
      TdSheetColumn *column = sheet->columns->pdata[i];
      g_free (column->group);
      column->group = g_strdup (group);
    }
}

gboolean
td_sheet_has_groups (TdSheet *sheet)
{
  for (guint i = 0; i < sheet->columns->len; i++)
    if (((TdSheetColumn *)sheet->columns->pdata[i])->group != NULL)
      return TRUE;
  return FALSE;
}

guint
td_sheet_get_n_columns (TdSheet *sheet)
{
  return sheet->columns->len;
}

TdSheetColumn *
td_sheet_get_column (TdSheet *sheet, guint col)
{
  g_return_val_if_fail (col < sheet->columns->len, NULL);
  return sheet->columns->pdata[col];
}

guint
td_sheet_add_row (TdSheet *sheet, TdRowLevel level)
{
  TdSheetRow *row = g_new0 (TdSheetRow, 1);

  row->level = level;
  row->span_first = row->span_last = -1;
  row->cells = g_new0 (TdSheetCell, MAX (sheet->columns->len, 1));
  g_ptr_array_add (sheet->rows, row);
  return sheet->rows->len - 1;
}

guint
td_sheet_get_n_rows (TdSheet *sheet)
{
  return sheet->rows->len;
}

TdSheetRow *
td_sheet_get_row (TdSheet *sheet, guint row)
{
  g_return_val_if_fail (row < sheet->rows->len, NULL);
  return sheet->rows->pdata[row];
}

void
td_sheet_set_row_key (TdSheet *sheet, guint row, const char *key)
{
  TdSheetRow *r = td_sheet_get_row (sheet, row);

  g_free (r->key);
  r->key = g_strdup (key);
}

void
td_sheet_span (TdSheet *sheet, guint row, guint first, guint last)
{
  TdSheetRow *r = td_sheet_get_row (sheet, row);

  g_return_if_fail (first < last && last < sheet->columns->len);
  r->span_first = first;
  r->span_last = last;
}

TdSheetCell *
td_sheet_get_cell (TdSheet *sheet, guint row, guint col)
{
  g_return_val_if_fail (row < sheet->rows->len && col < sheet->columns->len, NULL);
  return &((TdSheetRow *)sheet->rows->pdata[row])->cells[col];
}

/* Setting a value keeps an input mark (a form may pre-fill a cell). */
static TdSheetCell *
reset_value (TdSheet *sheet, guint row, guint col)
{
  TdSheetCell *cell = td_sheet_get_cell (sheet, row, col);

  g_clear_pointer (&cell->text, g_free);
  g_clear_pointer (&cell->terms, g_array_unref);
  g_clear_pointer (&cell->expr, g_free);
  cell->formula = TD_FORMULA_NONE;
  cell->value = 0;
  cell->type = TD_CELL_EMPTY;
  return cell;
}

void
td_sheet_set_text (TdSheet *sheet, guint row, guint col, const char *text)
{
  TdSheetCell *cell = reset_value (sheet, row, col);

  cell->type = text ? TD_CELL_TEXT : TD_CELL_EMPTY;
  cell->text = g_strdup (text);
}

void
td_sheet_set_points (TdSheet *sheet, guint row, guint col, TdPoints points)
{
  TdSheetCell *cell = reset_value (sheet, row, col);

  cell->type = TD_CELL_POINTS;
  cell->value = points;
}

void
td_sheet_set_integer (TdSheet *sheet, guint row, guint col, gint64 value)
{
  TdSheetCell *cell = reset_value (sheet, row, col);

  cell->type = TD_CELL_INTEGER;
  cell->value = value;
}

void
td_sheet_set_suffix (TdSheet *sheet, guint row, guint col, const char *suffix)
{
  TdSheetCell *cell = td_sheet_get_cell (sheet, row, col);

  g_free (cell->suffix);
  cell->suffix = suffix && *suffix ? g_strdup (suffix) : NULL;
}

void
td_sheet_mark_agreed (TdSheet *sheet, guint row, guint col)
{
  td_sheet_set_suffix (sheet, row, col, TD_OFFICIAL_AGREED_MARK);
  if (sheet->notes_after == NULL
      || !g_strv_contains ((const char *const *)sheet->notes_after, TD_OFFICIAL_AGREED_NOTE))
    td_sheet_add_note_after (sheet, TD_OFFICIAL_AGREED_NOTE);
}

static TdCellType
numeric_type (TdSheet *sheet, guint col)
{
  return td_sheet_get_column (sheet, col)->kind == TD_COLUMN_POINTS ? TD_CELL_POINTS
                                                                    : TD_CELL_INTEGER;
}

void
td_sheet_set_sum (TdSheet *sheet, guint row, guint col, gint64 value)
{
  TdSheetCell *cell = reset_value (sheet, row, col);

  cell->type = numeric_type (sheet, col);
  cell->value = value;
  cell->formula = TD_FORMULA_SUM;
  cell->terms = g_array_new (FALSE, FALSE, sizeof (TdSheetRange));
}

void
td_sheet_sum_add (TdSheet *sheet, guint row, guint col, gint sign, guint row1, guint col1,
                  guint row2, guint col2)
{
  TdSheetCell *cell = td_sheet_get_cell (sheet, row, col);
  TdSheetRange range = { MIN (row1, row2), MIN (col1, col2), MAX (row1, row2), MAX (col1, col2),
                         sign < 0 ? -1 : 1 };

  g_return_if_fail (cell->formula == TD_FORMULA_SUM);
  /* Rows may come later (a rank over all units is set on the first). */
  g_return_if_fail (range.col2 < sheet->columns->len);
  g_array_append_val (cell->terms, range);
}

void
td_sheet_set_column_sum (TdSheet *sheet, guint row, guint col, gint64 value, guint first,
                         guint last)
{
  td_sheet_set_sum (sheet, row, col, value);
  td_sheet_sum_add (sheet, row, col, +1, first, col, last, col);
}

void
td_sheet_set_rows_sum (TdSheet *sheet, guint row, guint col, gint64 value, const GArray *rows)
{
  td_sheet_set_sum (sheet, row, col, value);
  for (guint i = 0; i < rows->len; i++)
    {
      guint r = g_array_index (rows, guint, i);

      td_sheet_sum_add (sheet, row, col, +1, r, col, r, col);
    }
}

void
td_sheet_set_rank (TdSheet *sheet, guint row, guint col, gint64 rank, guint ref_row, guint ref_col,
                   guint row1, guint col1, guint row2, guint col2)
{
  TdSheetCell *cell = reset_value (sheet, row, col);
  TdSheetRange range
      = { MIN (row1, row2), MIN (col1, col2), MAX (row1, row2), MAX (col1, col2), 1 };

  /* Rows may come later (a rank over all units is set on the first). */
  g_return_if_fail (range.col2 < sheet->columns->len);
  cell->type = TD_CELL_INTEGER;
  cell->value = rank;
  cell->formula = TD_FORMULA_RANK;
  cell->ref_row = ref_row;
  cell->ref_col = ref_col;
  cell->terms = g_array_new (FALSE, FALSE, sizeof (TdSheetRange));
  g_array_append_val (cell->terms, range);
}

void
td_sheet_set_formula (TdSheet *sheet, guint row, guint col, const char *expr, gint64 value)
{
  TdSheetCell *cell = reset_value (sheet, row, col);

  cell->type = numeric_type (sheet, col);
  cell->value = value;
  cell->formula = TD_FORMULA_EXPR;
  cell->expr = g_strdup (expr);
}

void
td_sheet_set_formula_text (TdSheet *sheet, guint row, guint col, const char *expr, const char *text)
{
  TdSheetCell *cell = reset_value (sheet, row, col);

  cell->type = TD_CELL_TEXT;
  cell->text = g_strdup (text ? text : "");
  cell->formula = TD_FORMULA_EXPR;
  cell->expr = g_strdup (expr);
}

gchar *
td_sheet_cell_ref (guint row, guint col)
{
  return g_strdup_printf ("{%u,%u}", row, col);
}

void
td_sheet_set_input (TdSheet *sheet, guint row, guint col)
{
  td_sheet_get_cell (sheet, row, col)->input = TRUE;
}

void
td_sheet_set_input_points (TdSheet *sheet, guint row, guint col, TdPoints min, TdPoints max,
                           gboolean whole, const char *message)
{
  TdSheetCell *cell = td_sheet_get_cell (sheet, row, col);

  cell->input = TRUE;
  cell->validate = whole ? TD_VALIDATE_WHOLE : TD_VALIDATE_POINTS;
  cell->min = min;
  cell->max = max;
  g_free (cell->message);
  if (message != NULL)
    cell->message = g_strdup (message);
  else
    {
      g_autofree gchar *lo = td_points_format (min);
      g_autofree gchar *hi = td_points_format (max);
      cell->message = g_strdup_printf (whole ? "Nhập một số nguyên từ %s đến %s."
                                             : "Nhập số điểm từ %s đến %s (dùng dấu phẩy cho "
                                               "phần thập phân, ví dụ 0,5).",
                                       lo, hi);
    }
}

void
td_sheet_set_input_list (TdSheet *sheet, guint row, guint col, const char *const *items,
                         const char *message)
{
  TdSheetCell *cell = td_sheet_get_cell (sheet, row, col);

  cell->input = TRUE;
  cell->validate = TD_VALIDATE_LIST;
  g_strfreev (cell->items);
  cell->items = g_strdupv ((char **)items);
  g_free (cell->message);
  cell->message = g_strdup (message ? message : "Chọn một giá trị trong danh sách.");
}

gboolean
td_sheet_has_inputs (TdSheet *sheet)
{
  for (guint r = 0; r < sheet->rows->len; r++)
    for (guint c = 0; c < sheet->columns->len; c++)
      if (td_sheet_get_cell (sheet, r, c)->input)
        return TRUE;
  return FALSE;
}

gchar *
td_sheet_cell_display (TdSheet *sheet, guint row, guint col)
{
  TdSheetCell *cell = td_sheet_get_cell (sheet, row, col);

  if (sheet->hide_zero && cell->value == 0
      && (cell->type == TD_CELL_POINTS || cell->type == TD_CELL_INTEGER))
    return g_strdup ("");
  switch (cell->type)
    {
    case TD_CELL_TEXT:
      return g_strdup (cell->text);
    case TD_CELL_POINTS:
      {
        g_autofree gchar *number = td_points_format (cell->value);
        return g_strconcat (number, cell->suffix, NULL);
      }
    case TD_CELL_INTEGER:
      return g_strdup_printf ("%" G_GINT64_FORMAT "%s", cell->value,
                              cell->suffix ? cell->suffix : "");
    case TD_CELL_EMPTY:
    default:
      return g_strdup ("");
    }
}

gchar *
td_sheet_suggest_filename (const char *stem, const char *extension)
{
  GString *out = g_string_new (NULL);
  gboolean dash = FALSE;

  for (const char *p = stem ? stem : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
      gsize n;

      /* đ has no decomposition: it is its own letter. */
      if (c == 0x0111)
        c = 'd';
      else if (c == 0x0110)
        c = 'D';
      else
        {
          n = g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed));
          if (n > 0)
            c = decomposed[0];
        }
      if (c < 128 && g_ascii_isalnum (c))
        {
          if (dash && out->len > 0)
            g_string_append_c (out, '-');
          dash = FALSE;
          g_string_append_c (out, (char)c);
        }
      else if (c == '.' || c == '_')
        {
          if (dash && out->len > 0)
            g_string_append_c (out, '-');
          dash = FALSE;
          g_string_append_c (out, c == '.' ? '-' : '_');
        }
      else
        dash = TRUE;
    }
  if (out->len == 0)
    g_string_append (out, "Bang");
  if (extension != NULL && *extension)
    g_string_append_printf (out, ".%s", extension[0] == '.' ? extension + 1 : extension);
  return g_string_free (out, FALSE);
}
