/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Sheet models → one Excel workbook.
 *
 * Each TdSheet becomes a worksheet laid out like the paper (see td-sheet.h):
 * header block in two merged halves, merged title, the table with borders,
 * notes, "Nơi nhận" left and the signature right.  Totals and ranks are
 * real formulas with their computed value cached, so the file shows the
 * right numbers when opened (openpyxl and LibreOffice trust the cache) and
 * stays right when someone edits a score.
 *
 * A sheet with input cells (the self-score form) is protected with its input
 * cells unlocked, and gets a hidden companion worksheet "TD_DATA" (then
 * "TD_DATA2" …) that an importer reads back.  Its stable layout:
 *   A1 "thidua-sheet"  B1 1 (layout version)
 *   A2 "worksheet"     B2 the visible worksheet's name
 *   A3 "first_row"     B3 Excel row number (1-based) of table row 0
 *   A4 "n_rows"        B4 table rows;  A5 "n_columns" B5 table columns
 *   A6… key / value pairs of td_sheet_set_meta, then an empty row, then
 *   "row" | "excel_row" | "key" and one line per table row with a key.
 *   Column H onwards: the items of list validations (one column per list),
 *   referred to by the validations, since inline lists over ~255 bytes
 *   crash libxlsxwriter 1.1.4. */
#include "config.h"

#include "td-official.h"
#include "td-pages.h"
#include "td-xlsx.h"
#include "td-output.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <locale.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/statvfs.h>
#include <unistd.h>
#include <xlsxwriter.h>

#define FONT "Times New Roman"
#define TABLE_SIZE 12.0
#define LINE_HEIGHT 16.5 /* points per line of 12 pt text */

/* Format cache: libxlsxwriter formats are per workbook and never freed
 * before workbook_close, so share them by their properties. */
enum
{
  F_BOLD = 1 << 0,
  F_ITALIC = 1 << 1,
  F_UNDERLINE = 1 << 2,
  F_BORDER = 1 << 3,
  F_WRAP = 1 << 4,
  F_UNLOCKED = 1 << 5,
  F_LEFT = 1 << 6,
  F_RIGHT = 1 << 7,
  F_CENTER = 1 << 8,
  F_TOP = 1 << 9,
  F_POINTS = 1 << 10,
  F_INTEGER = 1 << 11,
  F_HIDE_ZERO = 1 << 12,  /* a blank form: 0 shows as an empty cell */
  F_PLAIN_ZERO = 1 << 13, /* a form's input: 0 shows as "0" */
};

typedef struct
{
  lxw_workbook *workbook;
  GHashTable *formats; /* "flags size suffix" → lxw_format */
  GHashTable *used_names;
  guint n_data_sheets;
  lxw_format *whole;     /* conditional: a whole number shows no decimal separator */
  GHashTable *shaping;   /* text measured once for every sheet (td_pages_new_shared) */
  GPtrArray *data_names; /* made veryHidden after closing (td-xlsx-zip.c) */
} Writer;

/* Points: at most two decimals, the reader's separator; a whole number
 * gets no separator from the conditional format over every points cell
 * (one number format cannot tell 95 from 95,5).  A suffix (" (điều
 * chỉnh)", the agreed mark) is part of the format, so the value stays a
 * number. */
static void
append_suffix (GString *f, const char *suffix)
{
  if (suffix == NULL || *suffix == '\0')
    return;
  g_string_append_c (f, '"');
  for (const char *c = suffix; *c; c++)
    if (*c != '"')
      g_string_append_c (f, *c);
  g_string_append_c (f, '"');
}

/* @zero: the format's own section for 0, NULL for none: "" hides it
 * ("0.##;-0.##;;@": a blank form's totals are empty, as in its PDF, in
 * Excel and in LibreOffice alike, which ignores the sheet's "show zeros"
 * setting), "0" shows a 0 the member typed without a decimal separator
 * (the conditional format for whole numbers leaves zeros to this). */
static gchar *
number_format (const char *base, const char *suffix, const char *zero)
{
  GString *f = g_string_new (base);

  append_suffix (f, suffix);
  if (zero != NULL)
    {
      g_string_append_printf (f, ";-%s", base);
      append_suffix (f, suffix);
      g_string_append_printf (f, ";%s;@", zero);
    }
  return g_string_free (f, FALSE);
}

static lxw_format *get_format_full (Writer *w, guint flags, double size, const char *suffix);

static lxw_format *
get_format (Writer *w, guint flags, double size)
{
  return get_format_full (w, flags, size, NULL);
}

static lxw_format *
get_format_full (Writer *w, guint flags, double size, const char *suffix)
{
  g_autofree gchar *key = g_strdup_printf ("%u %g %s", flags, size, suffix ? suffix : "");
  lxw_format *f = g_hash_table_lookup (w->formats, key);

  if (f != NULL)
    return f;
  f = workbook_add_format (w->workbook);
  format_set_font_name (f, FONT);
  format_set_font_size (f, size);
  if (flags & F_BOLD)
    format_set_bold (f);
  if (flags & F_ITALIC)
    format_set_italic (f);
  if (flags & F_UNDERLINE)
    format_set_underline (f, LXW_UNDERLINE_SINGLE);
  if (flags & F_BORDER)
    format_set_border (f, LXW_BORDER_THIN);
  if (flags & F_WRAP)
    format_set_text_wrap (f);
  if (flags & F_UNLOCKED)
    {
      /* Pale yellow shows where to type; it prints as near white. */
      format_set_unlocked (f);
      format_set_bg_color (f, 0xFFF2CC);
    }
  if (flags & F_LEFT)
    format_set_align (f, LXW_ALIGN_LEFT);
  if (flags & F_RIGHT)
    format_set_align (f, LXW_ALIGN_RIGHT);
  if (flags & F_CENTER)
    format_set_align (f, LXW_ALIGN_CENTER);
  format_set_align (f, (flags & F_TOP) ? LXW_ALIGN_VERTICAL_TOP : LXW_ALIGN_VERTICAL_CENTER);
  if (flags & (F_POINTS | F_INTEGER))
    {
      const char *zero = (flags & F_HIDE_ZERO) ? "" : (flags & F_PLAIN_ZERO) ? "0" : NULL;
      g_autofree gchar *nf = number_format ((flags & F_POINTS) ? "0.##" : "0", suffix, zero);
      format_set_num_format (f, nf);
    }
  g_hash_table_insert (w->formats, g_steal_pointer (&key), f);
  return f;
}

gchar *
td_xlsx_sheet_name (const char *wanted, GHashTable *used)
{
  GString *name = g_string_new (NULL);
  g_autofree gchar *base = NULL;
  guint n = 0;

  for (const char *p = wanted ? wanted : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (strchr ("[]:*?/\\", (int)c) != NULL && c < 128)
        c = '-';
      else if (g_unichar_iscntrl (c))
        c = ' ';
      g_string_append_unichar (name, c);
    }
  base = g_strstrip (g_string_free (name, FALSE));
  while (base[0] == '\'')
    memmove (base, base + 1, strlen (base));
  while (*base && base[strlen (base) - 1] == '\'')
    base[strlen (base) - 1] = '\0';
  g_strstrip (base);
  if (*base == '\0')
    {
      g_free (base);
      base = g_strdup ("Trang");
    }
  /* "History" is reserved by Excel. */
  if (g_ascii_strcasecmp (base, "History") == 0)
    {
      gchar *renamed = g_strconcat (base, "-", NULL);
      g_free (base);
      base = renamed;
    }

  for (n = 1;; n++)
    {
      g_autofree gchar *suffix = n == 1 ? g_strdup ("") : g_strdup_printf (" (%u)", n);
      glong room = 31 - (glong)strlen (suffix);
      glong len = g_utf8_strlen (base, -1);
      g_autofree gchar *cut = g_utf8_substring (base, 0, MIN (len, room));
      g_autofree gchar *candidate = NULL;
      g_autofree gchar *folded = NULL;

      g_strchomp (cut);
      while (*cut && cut[strlen (cut) - 1] == '\'')
        cut[strlen (cut) - 1] = '\0';
      candidate = g_strconcat (cut, suffix, NULL);
      folded = g_utf8_casefold (candidate, -1);
      if (used == NULL)
        return g_steal_pointer (&candidate);
      if (!g_hash_table_contains (used, folded))
        {
          g_hash_table_add (used, g_steal_pointer (&folded));
          return g_steal_pointer (&candidate);
        }
    }
}

/* Lines a text needs in a column @chars wide (Excel width units).  Called
 * for every text cell, so it counts characters in one pass without
 * splitting or allocating (UTF-8 lead bytes, as g_utf8_strlen counts). */
static guint
count_lines (const char *text, double chars)
{
  /* Times New Roman is narrower than Calibri's width unit: ~1.15
   * characters fit in one unit; keep a margin for word breaks. */
  double fit = MAX (chars * 1.1 - 1, 1);
  guint lines = 0;
  const guchar *p = (const guchar *)text;
  gsize bytes;

  if (text == NULL || *text == '\0')
    return 1;
  /* Most cells are one short line: no more bytes than fit, so no more
   * characters either. */
  bytes = strlen (text);
  if (bytes <= fit && memchr (text, '\n', bytes) == NULL)
    return 1;
  for (;;)
    {
      glong len = 0;

      for (; *p != '\0' && *p != '\n'; p++)
        len += (*p & 0xC0) != 0x80;
      lines += (guint)MAX (1, (len + fit - 1) / fit);
      if (*p == '\0')
        break;
      p++;
    }
  return lines;
}

/* Lines of a header line: bold capitals ("KHỐI THI ĐUA SỐ 6", 6,7 pt a
 * letter at 12 pt) are much wider than the average count_lines() assumes. */
static guint
header_lines (const char *text, double chars)
{
  gboolean capitals = text != NULL;

  for (const char *p = text; p && *p && capitals; p = g_utf8_next_char (p))
    capitals = !g_unichar_islower (g_utf8_get_char (p));
  return count_lines (text, capitals ? chars * 0.72 : chars);
}

static double
span_width (TdSheet *sheet, guint first, guint last)
{
  double w = 0;

  for (guint c = first; c <= last; c++)
    w += td_sheet_get_column (sheet, c)->width;
  return w;
}

static void
cell_name (char *out, guint row, guint col, gboolean absolute)
{
  if (absolute)
    lxw_rowcol_to_cell_abs (out, row, col, 1, 1);
  else
    lxw_rowcol_to_cell (out, row, col);
}

static void
append_range (GString *f, const TdSheetRange *r, guint base, gboolean absolute)
{
  char a[32], b[32];

  cell_name (a, base + r->row1, r->col1, absolute);
  if (r->row1 == r->row2 && r->col1 == r->col2)
    g_string_append (f, a);
  else
    {
      cell_name (b, base + r->row2, r->col2, absolute);
      g_string_append_printf (f, "%s:%s", a, b);
    }
}

/* {row,col} references of an expression → A1 references. */
static void
append_expr (GString *f, const char *expr, guint base)
{
  for (const char *p = expr; *p; p++)
    {
      guint row, col;
      int used = 0;
      char ref[32];

      if (*p == '{' && sscanf (p, "{%u,%u}%n", &row, &col, &used) == 2 && used > 0)
        {
          cell_name (ref, base + row, col, FALSE);
          g_string_append (f, ref);
          p += used - 1;
        }
      else
        g_string_append_c (f, *p);
    }
}

static gchar *
make_formula (TdSheetCell *cell, guint base)
{
  GString *f = g_string_new ("=");

  if (cell->formula == TD_FORMULA_EXPR)
    {
      append_expr (f, cell->expr, base);
      return g_string_free (f, FALSE);
    }

  if (cell->formula == TD_FORMULA_RANK)
    {
      char ref[32];
      cell_name (ref, base + cell->ref_row, cell->ref_col, FALSE);
      g_string_append_printf (f, "RANK(%s,", ref);
      append_range (f, &g_array_index (cell->terms, TdSheetRange, 0), base, TRUE);
      g_string_append (f, ",0)");
      return g_string_free (f, FALSE);
    }
  for (guint i = 0; i < cell->terms->len; i++)
    {
      TdSheetRange *r = &g_array_index (cell->terms, TdSheetRange, i);
      gboolean single = r->row1 == r->row2 && r->col1 == r->col2;

      if (r->sign < 0)
        g_string_append_c (f, '-');
      else if (i > 0)
        g_string_append_c (f, '+');
      if (!single)
        g_string_append (f, "SUM(");
      append_range (f, r, base, FALSE);
      if (!single)
        g_string_append_c (f, ')');
    }
  if (cell->terms->len == 0)
    g_string_append_c (f, '0');
  return g_string_free (f, FALSE);
}

static double
cell_number (TdSheetCell *cell)
{
  return cell->type == TD_CELL_POINTS ? (double)cell->value / 100.0 : (double)cell->value;
}

/* The left block (issuer) takes about 40 % of the width of @first …
 * @last, at least one column, and leaves the national header at least
 * half the width so it prints whole. */
static guint
split_column (TdSheet *sheet, guint first, guint last)
{
  double total = span_width (sheet, first, last), acc = 0, best_gap = G_MAXDOUBLE;
  guint best = last;

  for (guint c = first; c < last; c++)
    {
      acc += td_sheet_get_column (sheet, c)->width;
      if (total - acc >= total * 0.5 && ABS (acc - total * 0.4) < best_gap)
        {
          best_gap = ABS (acc - total * 0.4);
          best = c + 1;
        }
    }
  return best;
}

/* @text with its last two words held together by a no-break space: where
 * the issuer block is narrower in the grid than on the PDF's page (the
 * portrait calendar), it wraps as "KHỐI THI ĐUA / SỐ 6", never leaving
 * "6" alone on a line. */
static gchar *
keep_last_words (const char *text)
{
  gchar *out = g_strdup (text ? text : "");
  char *last = strrchr (out, ' ');
  g_autofree gchar *head = NULL;

  if (last == NULL || last == out || strchr (out, ' ') == last || last[1] == '\0')
    return out;
  *last = '\0';
  head = out;
  return g_strconcat (head, "\u00a0", last + 1, NULL);
}

static void
merged (lxw_worksheet *ws, guint row, guint first, guint last, const char *text, lxw_format *f)
{
  if (first == last)
    worksheet_write_string (ws, row, first, text ? text : "", f);
  else
    worksheet_merge_range (ws, row, first, row, last, text ? text : "", f);
}

static void
set_height (lxw_worksheet *ws, guint row, guint lines, double line_height)
{
  worksheet_set_row (ws, row, MAX (lines, 1) * line_height + 3, NULL);
}

static gboolean
write_data_sheet (Writer *w, TdSheet *sheet, const char *visible_name, guint first_row,
                  lxw_worksheet *visible, GError **error)
{
  g_autofree gchar *wanted = w->n_data_sheets == 0
                                 ? g_strdup ("TD_DATA")
                                 : g_strdup_printf ("TD_DATA%u", w->n_data_sheets + 1);
  g_autofree gchar *name = td_xlsx_sheet_name (wanted, w->used_names);
  lxw_worksheet *ws = workbook_add_worksheet (w->workbook, name);
  guint row = 0, list_col = 7;

  w->n_data_sheets++;
  g_ptr_array_add (w->data_names, g_strdup (name));
  if (ws == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "cannot add worksheet %s", name);
      return FALSE;
    }
  worksheet_write_string (ws, row, 0, "thidua-sheet", NULL);
  worksheet_write_number (ws, row++, 1, 1, NULL);
  worksheet_write_string (ws, row, 0, "worksheet", NULL);
  worksheet_write_string (ws, row++, 1, visible_name, NULL);
  worksheet_write_string (ws, row, 0, "first_row", NULL);
  worksheet_write_number (ws, row++, 1, first_row + 1, NULL);
  worksheet_write_string (ws, row, 0, "n_rows", NULL);
  worksheet_write_number (ws, row++, 1, td_sheet_get_n_rows (sheet), NULL);
  worksheet_write_string (ws, row, 0, "n_columns", NULL);
  worksheet_write_number (ws, row++, 1, td_sheet_get_n_columns (sheet), NULL);
  for (guint i = 0; i + 1 < sheet->meta->len; i += 2)
    {
      worksheet_write_string (ws, row, 0, sheet->meta->pdata[i], NULL);
      worksheet_write_string (ws, row++, 1, sheet->meta->pdata[i + 1], NULL);
    }
  row++;
  worksheet_write_string (ws, row, 0, "row", NULL);
  worksheet_write_string (ws, row, 1, "excel_row", NULL);
  worksheet_write_string (ws, row++, 2, "key", NULL);
  for (guint r = 0; r < td_sheet_get_n_rows (sheet); r++)
    {
      TdSheetRow *srow = td_sheet_get_row (sheet, r);
      if (srow->key == NULL)
        continue;
      worksheet_write_number (ws, row, 0, r, NULL);
      worksheet_write_number (ws, row, 1, first_row + r + 1, NULL);
      worksheet_write_string (ws, row++, 2, srow->key, NULL);
    }

  /* The validations of the visible sheet; lists point here. */
  for (guint r = 0; r < td_sheet_get_n_rows (sheet); r++)
    for (guint c = 0; c < td_sheet_get_n_columns (sheet); c++)
      {
        TdSheetCell *cell = td_sheet_get_cell (sheet, r, c);
        lxw_data_validation v = { 0 };
        g_autofree gchar *formula = NULL;

        if (!cell->input || cell->validate == TD_VALIDATE_NONE)
          continue;
        v.show_input = LXW_VALIDATION_ON;
        v.show_error = LXW_VALIDATION_ON;
        v.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
        v.input_title = (char *)"Hướng dẫn nhập";
        v.input_message = cell->message;
        v.error_title = (char *)"Giá trị không hợp lệ";
        v.error_message = cell->message;
        switch (cell->validate)
          {
          case TD_VALIDATE_POINTS:
          case TD_VALIDATE_WHOLE:
            v.validate = cell->validate == TD_VALIDATE_WHOLE ? LXW_VALIDATION_TYPE_INTEGER
                                                             : LXW_VALIDATION_TYPE_DECIMAL;
            v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
            v.minimum_number = cell->min / 100.0;
            v.maximum_number = cell->max / 100.0;
            break;
          case TD_VALIDATE_LIST:
            {
              guint n = cell->items ? g_strv_length (cell->items) : 0;
              char a[32], b[32];
              for (guint i = 0; i < n; i++)
                worksheet_write_string (ws, i, list_col, cell->items[i], NULL);
              lxw_rowcol_to_cell_abs (a, 0, list_col, 1, 1);
              lxw_rowcol_to_cell_abs (b, MAX (n, 1) - 1, list_col, 1, 1);
              formula = g_strdup_printf ("='%s'!%s:%s", name, a, b);
              v.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
              v.value_formula = formula;
              v.dropdown = LXW_VALIDATION_ON;
              list_col++;
            }
            break;
          case TD_VALIDATE_NONE:
          default:
            break;
          }
        worksheet_data_validation_cell (visible, first_row + r, c, &v);
      }
  worksheet_hide (ws);
  worksheet_protect (ws, NULL, NULL);
  return TRUE;
}

/* Excel column width (characters of the default font) for @pt points:
 * a width w is 7w + 5 pixels at 96 dpi. */
static double
width_units (double pt)
{
  return MAX ((pt / 0.75 - 5) / 7, 1);
}

static gboolean
write_sheet (Writer *w, TdSheet *sheet, GError **error)
{
  guint ncols = td_sheet_get_n_columns (sheet);
  guint nrows = td_sheet_get_n_rows (sheet);
  guint split, row = 0, n_left, n_right, header_rows, first_table, header_first;
  guint head_last, foot_first, n_repeated = 0;
  gboolean groups = td_sheet_has_groups (sheet);
  gboolean protect = td_sheet_has_inputs (sheet);
  g_autofree gchar *name = NULL;
  g_autofree gchar *date_line = td_sheet_dup_date_line (sheet);
  g_autoptr (TdPages) pages = NULL;
  g_autoptr (GArray) bands = NULL;
  g_autoptr (GArray) breaks = NULL;
  const double *col_w, *row_h;
  lxw_worksheet *ws;
  double head_width, foot_width;

  if (ncols < 2)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "sheet “%s” needs at least two columns", sheet->name);
      return FALSE;
    }
  name = td_xlsx_sheet_name (sheet->name, w->used_names);
  ws = workbook_add_worksheet (w->workbook, name);
  if (ws == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "cannot add worksheet %s", name);
      return FALSE;
    }
  /* The PDF's layout (td-pages.c), so the workbook prints the same pages:
   * its column widths and row heights, its page breaks, its bands. */
  pages = td_pages_new_shared (sheet, NULL, w->shaping);
  col_w = td_pages_get_column_widths (pages);
  row_h = td_pages_get_row_heights (pages);
  bands = td_pages_get_column_bands (pages, &n_repeated);
  breaks = td_pages_get_row_breaks (pages);
  for (guint c = 0; c < ncols; c++)
    worksheet_set_column (ws, c, c, width_units (col_w[c]), NULL);
  /* The header block over the first band, the notes and signature over
   * the last (a merged cell must not cross a page). */
  head_last = bands->len > 1 ? g_array_index (bands, guint, 1) - 1 : ncols - 1;
  foot_first = bands->len > 1 ? g_array_index (bands, guint, bands->len - 1) : 0;
  head_width = span_width (sheet, 0, head_last);
  foot_width = span_width (sheet, foot_first, ncols - 1);
  split = split_column (sheet, 0, head_last);

  /* Header block: issuer (and number) left, nation, motto, date right. */
  n_left = (sheet->issuer ? g_strv_length (sheet->issuer) : 0) + (sheet->number ? 1 : 0);
  n_right = date_line ? 3 : 2;
  for (guint i = 0; i < MAX (n_left, n_right); i++)
    {
      guint n_issuer = sheet->issuer ? g_strv_length (sheet->issuer) : 0;
      const char *left = i < n_issuer ? sheet->issuer[i] : (i == n_issuer ? sheet->number : NULL);
      guint left_flags = i + 1 == n_issuer ? F_BOLD | F_CENTER | F_WRAP : F_CENTER | F_WRAP;
      const char *right = i == 0   ? TD_OFFICIAL_NATION
                          : i == 1 ? TD_OFFICIAL_MOTTO
                          : i == 2 ? date_line
                                   : NULL;
      guint right_flags = i == 0   ? F_BOLD | F_CENTER
                          : i == 1 ? F_BOLD | F_CENTER | F_UNDERLINE
                                   : F_ITALIC | F_CENTER;
      double left_width = span_width (sheet, 0, split - 1);
      /* Only a line that must wrap anyway. */
      g_autofree gchar *held
          = left && header_lines (left, left_width) > 1 ? keep_last_words (left) : g_strdup (left);

      merged (ws, row, 0, split - 1, held, get_format (w, left_flags, 12));
      merged (ws, row, split, head_last, right, get_format (w, right_flags, i == 1 ? 13 : 12));
      set_height (ws, row, left ? header_lines (left, left_width) : 1, 17);
      row++;
    }
  row++;
  merged (ws, row, 0, head_last, sheet->title, get_format (w, F_BOLD | F_CENTER | F_WRAP, 14));
  set_height (ws, row, count_lines (sheet->title, head_width * 0.85), 19);
  row++;
  for (guint i = 0; sheet->subtitles && sheet->subtitles[i]; i++, row++)
    {
      merged (ws, row, 0, head_last, sheet->subtitles[i],
              get_format (w, F_ITALIC | F_CENTER | F_WRAP, 13));
      set_height (ws, row, count_lines (sheet->subtitles[i], head_width * 0.9), 17.5);
    }
  for (guint i = 0; sheet->notes_before && sheet->notes_before[i]; i++, row++)
    {
      merged (ws, row, 0, head_last, sheet->notes_before[i],
              get_format (w, F_ITALIC | F_LEFT | F_WRAP | F_TOP, 12));
      set_height (ws, row, count_lines (sheet->notes_before[i], head_width), LINE_HEIGHT);
    }
  row++;

  /* Table header: one row, or two with group headers over their columns
   * and ungrouped headers merged down both rows. */
  header_first = row;
  header_rows = groups ? 2 : 1;
  {
    lxw_format *hf = get_format (w, F_BOLD | F_CENTER | F_BORDER | F_WRAP, TABLE_SIZE);
    guint lines = 1;

    for (guint c = 0; c < ncols; c++)
      {
        TdSheetColumn *col = td_sheet_get_column (sheet, c);
        if (!groups)
          worksheet_write_string (ws, row, c, col->header, hf);
        else if (col->group == NULL)
          worksheet_merge_range (ws, row, c, row + 1, c, col->header, hf);
        else
          {
            guint last = c;
            while (last + 1 < ncols
                   && g_strcmp0 (td_sheet_get_column (sheet, last + 1)->group, col->group) == 0)
              last++;
            merged (ws, row, c, last, col->group, hf);
            for (guint k = c; k <= last; k++)
              worksheet_write_string (ws, row + 1, k, td_sheet_get_column (sheet, k)->header, hf);
            c = last;
          }
      }
    for (guint c = 0; c < ncols; c++)
      lines = MAX (lines,
                   count_lines (td_sheet_get_column (sheet, c)->header, width_units (col_w[c])));
    set_height (ws, row, groups ? 1 : lines, LINE_HEIGHT);
    if (groups)
      set_height (ws, row + 1, lines, LINE_HEIGHT);
  }
  row += header_rows;
  first_table = row;

  for (guint r = 0; r < nrows; r++, row++)
    {
      TdSheetRow *srow = td_sheet_get_row (sheet, r);
      gboolean bold = srow->level != TD_ROW_NORMAL;
      guint first_points = G_MAXUINT, last_points = 0;

      for (guint c = 0; c < ncols; c++)
        {
          TdSheetColumn *col = td_sheet_get_column (sheet, c);
          TdSheetCell *cell = td_sheet_get_cell (sheet, r, c);
          guint flags = F_BORDER | F_WRAP;
          lxw_format *f;

          if ((gint)c > srow->span_first && (gint)c <= srow->span_last)
            continue;
          if (bold)
            flags |= F_BOLD;
          if (cell->input)
            flags |= F_UNLOCKED;
          if (col->kind == TD_COLUMN_POINTS)
            flags |= F_POINTS;
          else if (col->kind != TD_COLUMN_TEXT)
            flags |= F_INTEGER;
          /* What the member types stays as typed: a count of 0 is an answer. */
          if (sheet->hide_zero && col->kind != TD_COLUMN_TEXT)
            flags |= cell->input ? F_PLAIN_ZERO : F_HIDE_ZERO;
          flags |= (gint)c == srow->span_first    ? F_CENTER
                   : col->align == TD_ALIGN_LEFT  ? F_LEFT
                   : col->align == TD_ALIGN_RIGHT ? F_RIGHT
                                                  : F_CENTER;
          f = get_format_full (w, flags, TABLE_SIZE, cell->suffix);
          if ((gint)c == srow->span_first)
            {
              g_autofree gchar *text = td_sheet_cell_display (sheet, r, c);
              worksheet_merge_range (ws, row, c, row, srow->span_last, text, f);
              continue;
            }
          if (col->kind == TD_COLUMN_POINTS && cell->type != TD_CELL_TEXT)
            {
              first_points = MIN (first_points, c);
              last_points = MAX (last_points, c);
            }
          if (cell->formula != TD_FORMULA_NONE)
            {
              g_autofree gchar *formula = make_formula (cell, first_table);
              if (cell->type == TD_CELL_TEXT)
                worksheet_write_formula_str (ws, row, c, formula, f, cell->text);
              else
                worksheet_write_formula_num (ws, row, c, formula, f, cell_number (cell));
            }
          else if (cell->type == TD_CELL_TEXT)
            worksheet_write_string (ws, row, c, cell->text, f);
          else if (cell->type == TD_CELL_POINTS || cell->type == TD_CELL_INTEGER)
            worksheet_write_number (ws, row, c, cell_number (cell), f);
          else
            worksheet_write_blank (ws, row, c, f);
        }
      /* Excel's tallest row is 409 points: a longer cell prints cut there
       * (the PDF continues it on the next page). */
      worksheet_set_row (ws, row, MIN (row_h[r], 409), NULL);
      if (first_points != G_MAXUINT)
        {
          lxw_conditional_format cf = { 0 };
          char cell[32];
          g_autofree gchar *test = NULL;

          lxw_rowcol_to_cell (cell, row, first_points);
          /* A hidden 0 keeps the format that hides it. */
          test = sheet->hide_zero
                     ? g_strdup_printf ("=AND(ISNUMBER(%s),MOD(%s,1)=0,%s<>0)", cell, cell, cell)
                     : g_strdup_printf ("=AND(ISNUMBER(%s),MOD(%s,1)=0)", cell, cell);
          cf.type = LXW_CONDITIONAL_TYPE_FORMULA;
          cf.value_string = test;
          cf.format = w->whole;
          worksheet_conditional_format_range (ws, row, first_points, row, last_points, &cf);
        }
    }

  /* Notes, then "Nơi nhận" left and the signature right. */
  if (sheet->notes_after)
    row++;
  for (guint i = 0; sheet->notes_after && sheet->notes_after[i]; i++, row++)
    {
      merged (ws, row, foot_first, ncols - 1, sheet->notes_after[i],
              get_format (w, F_ITALIC | F_LEFT | F_WRAP | F_TOP, 12));
      set_height (ws, row, count_lines (sheet->notes_after[i], foot_width), LINE_HEIGHT);
    }
  row++;
  {
    GPtrArray *left = g_ptr_array_new ();
    GPtrArray *right = g_ptr_array_new ();
    guint foot_split = split_column (sheet, foot_first, ncols - 1);
    gint note_index = -1;
    guint n;

    if (sheet->recipients)
      {
        g_ptr_array_add (left, "Nơi nhận:");
        for (guint i = 0; sheet->recipients[i]; i++)
          g_ptr_array_add (left, sheet->recipients[i]);
      }
    for (guint i = 0; sheet->authority && sheet->authority[i]; i++)
      g_ptr_array_add (right, sheet->authority[i]);
    if (sheet->position)
      g_ptr_array_add (right, sheet->position);
    if (sheet->sign_note)
      {
        note_index = right->len;
        g_ptr_array_add (right, sheet->sign_note);
      }
    if (sheet->authority || sheet->position)
      for (guint i = 0; i < 3; i++)
        g_ptr_array_add (right, (gpointer) "");
    if (sheet->signer)
      g_ptr_array_add (right, sheet->signer);
    n = MAX (left->len, right->len);
    for (guint i = 0; i < n; i++, row++)
      {
        const char *l = i < left->len ? left->pdata[i] : NULL;
        const char *rt = i < right->len ? right->pdata[i] : NULL;
        if (l)
          {
            /* A narrow page (the portrait calendar) leaves "Nơi nhận" two
             * columns: a long recipient wraps there instead of being cut. */
            guint lines = count_lines (l, span_width (sheet, foot_first, foot_split - 1));

            merged (ws, row, foot_first, foot_split - 1, l,
                    get_format (w, i == 0 ? F_BOLD | F_ITALIC | F_LEFT : F_LEFT | F_WRAP | F_TOP,
                                i == 0 ? 12 : 11));
            if (lines > 1)
              set_height (ws, row, lines, LINE_HEIGHT - 1.5);
          }
        if (rt)
          merged (
              ws, row, foot_split, ncols - 1, rt,
              get_format (w, (gint)i == note_index ? F_ITALIC | F_CENTER : F_BOLD | F_CENTER, 12));
      }
    g_ptr_array_unref (left);
    g_ptr_array_unref (right);
  }

  /* Print setup: A4, orientation, the PDF's page breaks and bands, header
   * rows (and the first columns of a banded sheet) repeated, margins of
   * Nghị định 30 (inches), page number top centre from page 2 on (the
   * first page's empty header is added by td_xlsx_write). */
  worksheet_set_paper (ws, 9);
  if (sheet->orientation == TD_SHEET_LANDSCAPE)
    worksheet_set_landscape (ws);
  else
    worksheet_set_portrait (ws);
  {
    /* The same rows on each page as the PDF; the signature moves with
     * its rows, or starts a page of its own when the PDF's does. */
    g_autofree lxw_row_t *h = g_new0 (lxw_row_t, breaks->len + 2);
    guint n = 0;

    for (guint i = 0; i < breaks->len; i++)
      h[n++] = first_table + g_array_index (breaks, guint, i);
    if (td_pages_signature_on_new_page (pages))
      h[n++] = first_table + nrows;
    if (n > 0)
      worksheet_set_h_pagebreaks (ws, h);
  }
  if (bands->len > 1)
    {
      g_autofree lxw_col_t *v = g_new0 (lxw_col_t, bands->len + 1);

      for (guint i = 1; i < bands->len; i++)
        v[i - 1] = g_array_index (bands, guint, i);
      worksheet_set_v_pagebreaks (ws, v);
      worksheet_repeat_columns (ws, 0, n_repeated - 1);
    }
  worksheet_fit_to_pages (ws, bands->len, 0);
  worksheet_repeat_rows (ws, header_first, header_first + header_rows - 1);
  worksheet_print_area (ws, 0, 0, row > 0 ? row - 1 : 0, ncols - 1);
  worksheet_set_margins (ws, 30 / 25.4, 15 / 25.4, 20 / 25.4, 20 / 25.4);
  worksheet_set_header (ws, "&C&\"Times New Roman,Regular\"&12&P");
  worksheet_freeze_panes (ws, first_table, sheet->freeze_columns);

  if (protect)
    {
      lxw_protection options = { 0 };
      options.format_columns = 1;
      options.format_rows = 1;
      worksheet_protect (ws, NULL, &options);
      if (!write_data_sheet (w, sheet, name, first_table, ws, error))
        return FALSE;
    }
  return TRUE;
}

/* libxlsxwriter writes every worksheet's XML to a temporary file and reads
 * it back into the zip; by default in /tmp, which is often a real disk.  A
 * tmpfs ($XDG_RUNTIME_DIR, else /dev/shm) saves the file system work, when
 * it has room to spare (containers often give /dev/shm only 64 MB). */
#define SCRATCH_MIN_FREE (512 * 1024 * 1024ULL)

static gboolean
scratch_dir_usable (const char *dir)
{
  struct statvfs st;

  return dir != NULL && g_path_is_absolute (dir) && g_file_test (dir, G_FILE_TEST_IS_DIR)
         && access (dir, W_OK | X_OK) == 0 && statvfs (dir, &st) == 0
         && (guint64)st.f_bavail * st.f_frsize >= SCRATCH_MIN_FREE;
}

const char *
td_xlsx_scratch_dir (void)
{
  const char *candidates[] = { g_getenv ("XDG_RUNTIME_DIR"), "/dev/shm" };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (scratch_dir_usable (candidates[i]))
      return candidates[i];
  return NULL;
}

static gboolean write_workbook (TdSheet *const *sheets, guint n_sheets, const char *path,
                                const TdXlsxOptions *options, GError **error);

/* libxlsxwriter prints numbers with snprintf: under vi_VN that writes
 * "97,6" into the XML, which Excel and openpyxl reject.  Write in the C
 * numeric locale, for this thread only. */
gboolean
td_xlsx_write (TdSheet *const *sheets, guint n_sheets, const char *path,
               const TdXlsxOptions *options, GError **error)
{
  locale_t base = duplocale (uselocale ((locale_t)0));
  locale_t c_numeric = newlocale (LC_NUMERIC_MASK, "C", base);
  locale_t previous;
  gboolean ok;

  if (c_numeric == (locale_t)0)
    {
      freelocale (base);
      return write_workbook (sheets, n_sheets, path, options, error);
    }
  previous = uselocale (c_numeric);
  ok = write_workbook (sheets, n_sheets, path, options, error);
  uselocale (previous);
  freelocale (c_numeric);
  return ok;
}

static gboolean
write_workbook (TdSheet *const *sheets, guint n_sheets, const char *path,
                const TdXlsxOptions *options, GError **error)
{
  g_autofree gchar *tmp = NULL;
  g_autofree gchar *base_utf8 = g_filename_display_basename (path);
  g_autofree gchar *scratch = NULL;
  lxw_workbook_options wopts = { 0 };
  lxw_doc_properties props = { 0 };
  Writer w = { 0 };
  lxw_error err;
  gboolean ok = TRUE;

  g_return_val_if_fail (n_sheets > 0, FALSE);
  tmp = td_output_begin (path, error);
  if (tmp == NULL)
    return FALSE;

  scratch = g_strdup (td_xlsx_scratch_dir ());
  wopts.tmpdir = scratch;
  w.workbook = workbook_new_opt (tmp, &wopts);
  if (w.workbook == NULL)
    {
      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _ ("Could not create “%s”. Check that the disk is not full."), base_utf8);
      return FALSE;
    }
  w.formats = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  w.whole = workbook_add_format (w.workbook);
  format_set_num_format (w.whole, "0");
  w.used_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  w.shaping = td_pages_shaping_new ();
  w.data_names = g_ptr_array_new_with_free_func (g_free);
  props.title = sheets[0]->title;
  props.author = (char *)(options && options->author ? options->author : "Thi Đua");
  props.created = options && options->created_unix ? (time_t)options->created_unix : time (NULL);
  /* The reproducible-builds convention, for tests and scripts. */
  if ((options == NULL || options->created_unix == 0) && g_getenv ("SOURCE_DATE_EPOCH"))
    props.created = (time_t)g_ascii_strtoll (g_getenv ("SOURCE_DATE_EPOCH"), NULL, 10);
  workbook_set_properties (w.workbook, &props);

  for (guint i = 0; i < n_sheets && ok; i++)
    ok = write_sheet (&w, sheets[i], error);

  err = workbook_close (w.workbook);
  g_hash_table_unref (w.formats);
  g_hash_table_unref (w.used_names);
  g_hash_table_unref (w.shaping);
  /* Page numbers from page 2; a form's data sheet out of sight and out of
   * reach of its member. */
  g_ptr_array_add (w.data_names, NULL);
  if (ok && err == LXW_NO_ERROR)
    ok = td_xlsx_finish_package (tmp, (const char *const *)w.data_names->pdata, error);
  g_ptr_array_unref (w.data_names);
  if (!ok)
    {
      g_unlink (tmp);
      return FALSE;
    }
  return td_output_finish (tmp, path, err != LXW_NO_ERROR ? lxw_strerror (err) : NULL, error);
}
