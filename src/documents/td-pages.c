/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Sheet model → paginated cairo pages (see td-pages.h).
 *
 * Layout is done once in td_pages_new: every block is measured with Pango,
 * then rows are placed page by page.  Rules of the paper: rows are never
 * cut, the table header repeats on each page, the page number is at the
 * top centre from page 2, and the signature block never stands alone — if
 * it does not fit under the last row, the last rows move with it. */
#include "config.h"

#include "td-pages.h"
#include "td-record.h"
#include "td-output.h"
#include "td-official.h"
#include "td-xlsx.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <cairo-pdf.h>
#include <string.h>
#include <unistd.h>

#define FAMILY "Times New Roman"
#define PAD 3.0
#define GAP 8.0
#define LINE 0.6
#define SIGN_SPACE 62.0 /* room for the signature and the seal */
#define TABLE_SIZE 12

/* Rows first_row … first_row + n_rows − 1 of one band of columns; the
 * first may start @from points into a row continued from the page
 * before, the last may end at @to (−1: whole). */
typedef struct
{
  guint first_row, n_rows;
  double from, to;
  gboolean head, footer;
  guint band;
} Page;

struct _TdPages
{
  TdSheet *sheet;
  TdPageSetup setup;
  PangoContext *context;
  double content_width;
  double *col_x, *col_w; /* n_columns */
  double head_h, title_h, theader_h, group_h, footer_h;
  double *row_h;
  GArray *bands;     /* guint: first column of each band after the repeated ones */
  guint n_fixed;     /* columns repeated on every band */
  GArray *row_pages; /* Page: the breaks between rows, shared by every band */
  GArray *pages;     /* Page: what is printed, band after band */
  gboolean top_align;
  double line_h;       /* one line of table text */
  GHashTable *heights; /* cell_text_height(), shared by a document's sheets */
};

void
td_page_setup_init (TdPageSetup *setup, TdSheetOrientation orientation)
{
  double a = TD_MM (210), b = TD_MM (297);

  setup->width = orientation == TD_SHEET_LANDSCAPE ? b : a;
  setup->height = orientation == TD_SHEET_LANDSCAPE ? a : b;
  setup->top = TD_MM (20);
  setup->bottom = TD_MM (20);
  setup->left = TD_MM (30);
  setup->right = TD_MM (15);
}

static PangoLayout *
text_layout (TdPages *p, const char *text, const char *style, double size, double width,
             PangoAlignment align)
{
  PangoLayout *layout = pango_layout_new (p->context);
  g_autofree gchar *font = g_strdup_printf ("%s, %s %g", FAMILY, style ? style : "", size);
  PangoFontDescription *desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_text (layout, text ? text : "", -1);
  pango_layout_set_width (layout, (int)(MAX (width, 1) * PANGO_SCALE));
  /* Whole words only: Pango would hyphenate Vietnamese syllables. */
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_alignment (layout, align);
  /* A word wider than its column (a short name in a narrow matrix
   * column) would overflow the grid: then break inside the word. */
  {
    int w, h;
    pango_layout_get_size (layout, &w, &h);
    if (w > (int)(MAX (width, 1) * PANGO_SCALE))
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  }
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double)h / PANGO_SCALE;
}

/* Draw (cr != NULL) or measure a text block; returns its height. */
static double
text_block (TdPages *p, cairo_t *cr, double x, double y, double width, const char *text,
            const char *style, double size, PangoAlignment align)
{
  g_autoptr (PangoLayout) layout = text_layout (p, text, style, size, width, align);
  double h = layout_height (layout);

  if (cr != NULL)
    {
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
    }
  return h;
}

static double
text_width (TdPages *p, const char *text, const char *style, double size)
{
  g_autoptr (PangoLayout) layout = text_layout (p, text, style, size, 10000, PANGO_ALIGN_LEFT);
  int w, h;

  pango_layout_set_width (layout, -1);
  pango_layout_get_size (layout, &w, &h);
  return (double)w / PANGO_SCALE;
}

static void
hline (cairo_t *cr, double x1, double x2, double y, double width)
{
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, x1, y);
  cairo_line_to (cr, x2, y);
  cairo_stroke (cr);
}

/* The national header and the issuing body; returns the height. */
static double
head_block (TdPages *p, cairo_t *cr, double y0)
{
  TdSheet *s = p->sheet;
  double x = p->setup.left, w = p->content_width;
  double lw = w * 0.42, rx = x + w * 0.40, rw = w * 0.60;
  double ly = y0, ry = y0;
  g_autofree gchar *date_line = td_sheet_dup_date_line (s);

  /* The parent body in plain capitals, the issuing body (last) in bold. */
  for (guint i = 0; s->issuer && s->issuer[i]; i++)
    ly += text_block (p, cr, x, ly, lw, s->issuer[i], s->issuer[i + 1] ? NULL : "Bold", 12,
                      PANGO_ALIGN_CENTER);
  if (s->issuer && s->issuer[0])
    {
      /* A short rule under the issuing body, a third of its width. */
      if (cr)
        hline (cr, x + lw / 3, x + 2 * lw / 3, ly + 2, LINE);
      ly += 6;
    }
  if (s->number)
    ly += text_block (p, cr, x, ly, lw, s->number, NULL, 12, PANGO_ALIGN_CENTER);

  ry += text_block (p, cr, rx, ry, rw, TD_OFFICIAL_NATION, "Bold", 12, PANGO_ALIGN_CENTER);
  ry += text_block (p, cr, rx, ry, rw, TD_OFFICIAL_MOTTO, "Bold", 13, PANGO_ALIGN_CENTER);
  {
    /* The solid line under the motto is as long as the motto. */
    double mw = text_width (p, TD_OFFICIAL_MOTTO, "Bold", 13);
    if (cr)
      hline (cr, rx + (rw - mw) / 2, rx + (rw + mw) / 2, ry + 1.5, LINE);
    ry += 8;
  }
  if (date_line)
    ry += text_block (p, cr, rx, ry, rw, date_line, "Italic", 13, PANGO_ALIGN_CENTER);
  return MAX (ly, ry) - y0;
}

static double
title_block (TdPages *p, cairo_t *cr, double y0)
{
  TdSheet *s = p->sheet;
  double x = p->setup.left, w = p->content_width, y = y0 + GAP * 1.5;

  y += text_block (p, cr, x + w * 0.05, y, w * 0.9, s->title, "Bold", 14, PANGO_ALIGN_CENTER);
  for (guint i = 0; s->subtitles && s->subtitles[i]; i++)
    y += text_block (p, cr, x, y, w, s->subtitles[i], "Italic", 13, PANGO_ALIGN_CENTER);
  if (s->notes_before)
    y += GAP / 2;
  for (guint i = 0; s->notes_before && s->notes_before[i]; i++)
    y += text_block (p, cr, x, y, w, s->notes_before[i], "Italic", 12, PANGO_ALIGN_LEFT);
  return y + GAP - y0;
}

static PangoAlignment
pango_align (TdAlign align)
{
  return align == TD_ALIGN_LEFT    ? PANGO_ALIGN_LEFT
         : align == TD_ALIGN_RIGHT ? PANGO_ALIGN_RIGHT
                                   : PANGO_ALIGN_CENTER;
}

static void
cell_box (cairo_t *cr, double x, double y, double w, double h)
{
  cairo_set_line_width (cr, LINE);
  cairo_rectangle (cr, x, y, w, h);
  cairo_stroke (cr);
}

/* A text centred vertically in its cell. */
static void
cell_text (TdPages *p, cairo_t *cr, double x, double y, double w, double h, const char *text,
           const char *style, PangoAlignment align)
{
  g_autoptr (PangoLayout) layout = text_layout (p, text, style, TABLE_SIZE, w - 2 * PAD, align);
  double th = layout_height (layout);

  /* A row cut across pages is read from the top. */
  cairo_move_to (cr, x + PAD, p->top_align ? y + PAD : y + (h - th) / 2);
  pango_cairo_show_layout (cr, layout);
}

/* Header height; with groups, p->group_h is the group row and the rest is
 * the row of the grouped columns' own headers. */
static double
measure_header (TdPages *p)
{
  TdSheet *s = p->sheet;
  guint n = td_sheet_get_n_columns (s);
  double lower = 0, whole = 0, gmax = 0;

  for (guint c = 0; c < n; c++)
    {
      TdSheetColumn *col = td_sheet_get_column (s, c);
      g_autoptr (PangoLayout) l = text_layout (p, col->header, "Bold", TABLE_SIZE,
                                               p->col_w[c] - 2 * PAD, PANGO_ALIGN_CENTER);
      double h = layout_height (l) + 2 * PAD;

      if (col->group == NULL)
        {
          whole = MAX (whole, h);
          continue;
        }
      lower = MAX (lower, h);
      if (c == 0 || g_strcmp0 (td_sheet_get_column (s, c - 1)->group, col->group) != 0)
        {
          guint last = c;
          double gw = 0;
          while (last + 1 < n
                 && g_strcmp0 (td_sheet_get_column (s, last + 1)->group, col->group) == 0)
            last++;
          for (guint k = c; k <= last; k++)
            gw += p->col_w[k];
          {
            g_autoptr (PangoLayout) g
                = text_layout (p, col->group, "Bold", TABLE_SIZE, gw - 2 * PAD, PANGO_ALIGN_CENTER);
            gmax = MAX (gmax, layout_height (g) + 2 * PAD);
          }
        }
    }
  p->group_h = gmax;
  if (gmax == 0)
    return whole;
  /* Ungrouped headers span both rows: grow the lower row if they need it. */
  return MAX (gmax + lower, whole);
}

static void
draw_header (TdPages *p, cairo_t *cr, double y)
{
  TdSheet *s = p->sheet;
  guint n = td_sheet_get_n_columns (s);
  double full = p->theader_h, lower = p->theader_h - p->group_h;

  for (guint c = 0; c < n; c++)
    {
      TdSheetColumn *col = td_sheet_get_column (s, c);
      if (p->col_x[c] < 0)
        continue;
      if (col->group == NULL)
        {
          cell_box (cr, p->col_x[c], y, p->col_w[c], full);
          cell_text (p, cr, p->col_x[c], y, p->col_w[c], full, col->header, "Bold",
                     PANGO_ALIGN_CENTER);
          continue;
        }
      {
        /* The group over its columns of this band. */
        guint last = c;
        double gw = 0;
        while (last + 1 < n && p->col_x[last + 1] >= 0
               && g_strcmp0 (td_sheet_get_column (s, last + 1)->group, col->group) == 0)
          last++;
        for (guint k = c; k <= last; k++)
          {
            gw += p->col_w[k];
            cell_box (cr, p->col_x[k], y + p->group_h, p->col_w[k], lower);
            cell_text (p, cr, p->col_x[k], y + p->group_h, p->col_w[k], lower,
                       td_sheet_get_column (s, k)->header, "Bold", PANGO_ALIGN_CENTER);
          }
        cell_box (cr, p->col_x[c], y, gw, p->group_h);
        cell_text (p, cr, p->col_x[c], y, gw, p->group_h, col->group, "Bold", PANGO_ALIGN_CENTER);
        c = last;
      }
    }
}

/* The width of the band being drawn. */
static double
band_width (TdPages *p)
{
  double w = 0;

  for (guint c = 0; c < td_sheet_get_n_columns (p->sheet); c++)
    if (p->col_x[c] >= 0)
      w += p->col_w[c];
  return w;
}

/* The height of a table cell's text in @width, shaped once per document:
 * a workbook's scoring sheets repeat the same criteria in the same column
 * widths, one sheet per member, and shaping them again for every sheet
 * was most of a workbook export (about 1 s for a bloc of 15 members and
 * 200 criteria). */
static double
cell_text_height (TdPages *p, const char *text, const char *style, double width,
                  PangoAlignment align)
{
  g_autofree gchar *key = g_strdup_printf ("%s\x1f%d\x1f%d\x1f%s", style ? style : "",
                                           (int)(width * PANGO_SCALE), align, text);
  double *found = g_hash_table_lookup (p->heights, key);
  double h;

  if (found != NULL)
    return *found;
  {
    g_autoptr (PangoLayout) l = text_layout (p, text, style, TABLE_SIZE, width, align);
    h = layout_height (l);
  }
  g_hash_table_insert (p->heights, g_steal_pointer (&key), g_memdup2 (&h, sizeof h));
  return h;
}

/* Height of a row (cr NULL: every column), or draw its cells of the band. */
static double
table_row (TdPages *p, cairo_t *cr, guint r, double y, double h)
{
  TdSheet *s = p->sheet;
  TdSheetRow *row = td_sheet_get_row (s, r);
  const char *style = row->level == TD_ROW_NORMAL ? NULL : "Bold";
  double hmax = 0;

  for (guint c = 0; c < td_sheet_get_n_columns (s); c++)
    {
      TdSheetColumn *col = td_sheet_get_column (s, c);
      TdSheetCell *cell = td_sheet_get_cell (s, r, c);
      g_autofree gchar *text = NULL;
      double w = p->col_w[c];
      PangoAlignment align = pango_align (col->align);

      if ((gint)c > row->span_first && (gint)c <= row->span_last)
        continue;
      if (cr != NULL && p->col_x[c] < 0)
        continue;
      if ((gint)c == row->span_first)
        {
          for (gint k = row->span_first + 1; k <= row->span_last; k++)
            if (cr == NULL || p->col_x[k] >= 0)
              w += p->col_w[k];
          align = PANGO_ALIGN_CENTER;
        }
      text = td_sheet_cell_display (s, r, c);
      if (cr == NULL)
        {
          /* One short line needs no layout: most number cells. */
          if (col->kind != TD_COLUMN_TEXT && strlen (text) < 12)
            hmax = MAX (hmax, p->line_h + 2 * PAD);
          else
            hmax = MAX (hmax, cell_text_height (p, text, style, w - 2 * PAD, align) + 2 * PAD);
        }
      else
        {
          if (cell->input)
            {
              /* Where to type, on paper as in the workbook. */
              cairo_save (cr);
              cairo_set_source_rgb (cr, 1.0, 0.949, 0.8);
              cairo_rectangle (cr, p->col_x[c], y, w, h);
              cairo_fill (cr);
              cairo_restore (cr);
            }
          cell_box (cr, p->col_x[c], y, w, h);
          if (*text)
            cell_text (p, cr, p->col_x[c], y, w, h, text, style, align);
        }
    }
  return hmax;
}

/* Notes after the table, "Nơi nhận" left and the signature right. */
static double
footer_block (TdPages *p, cairo_t *cr, double y0)
{
  TdSheet *s = p->sheet;
  double x = p->setup.left, w = p->content_width, y = y0 + GAP / 2;
  double lw = w * 0.45, rx = x + w * 0.5, rw = w * 0.5;
  double ly, ry;

  for (guint i = 0; s->notes_after && s->notes_after[i]; i++)
    y += text_block (p, cr, x, y, w, s->notes_after[i], "Italic", 12, PANGO_ALIGN_LEFT);
  y += GAP;
  ly = ry = y;
  if (s->recipients)
    {
      ly += text_block (p, cr, x, ly, lw, "Nơi nhận:", "Bold Italic", 12, PANGO_ALIGN_LEFT);
      for (guint i = 0; s->recipients[i]; i++)
        ly += text_block (p, cr, x, ly, lw, s->recipients[i], NULL, 11, PANGO_ALIGN_LEFT);
    }
  for (guint i = 0; s->authority && s->authority[i]; i++)
    ry += text_block (p, cr, rx, ry, rw, s->authority[i], "Bold", 13, PANGO_ALIGN_CENTER);
  if (s->position)
    ry += text_block (p, cr, rx, ry, rw, s->position, "Bold", 13, PANGO_ALIGN_CENTER);
  if (s->sign_note)
    ry += text_block (p, cr, rx, ry, rw, s->sign_note, "Italic", 12, PANGO_ALIGN_CENTER);
  if (s->authority || s->position)
    ry += SIGN_SPACE;
  if (s->signer && *s->signer)
    ry += text_block (p, cr, rx, ry, rw, s->signer, "Bold", 13, PANGO_ALIGN_CENTER);
  return MAX (ly, ry) - y0;
}

/* --- columns ------------------------------------------------------------- */

/* An Excel width unit in points (Calibri 11's digit, which the widths of
 * the sheet model count in); the xlsx writer converts back with it. */
#define UNIT_PT 5.25

/* The narrowest a column may be: its header's longest word in bold, and
 * for numbers the widest value (digits of Times are all the same width). */
static double
min_width (TdPages *p, guint c)
{
  TdSheet *s = p->sheet;
  TdSheetColumn *col = td_sheet_get_column (s, c);
  g_auto (GStrv) words = g_strsplit_set (col->header ? col->header : "", " \n", -1);
  double w = 0;

  for (guint i = 0; words[i]; i++)
    if (*words[i])
      w = MAX (w, text_width (p, words[i], "Bold", TABLE_SIZE));
  if (col->kind != TD_COLUMN_TEXT)
    {
      double digit = text_width (p, "0", "Bold", TABLE_SIZE);
      glong longest = 0;

      for (guint r = 0; r < td_sheet_get_n_rows (s); r++)
        {
          TdSheetRow *row = td_sheet_get_row (s, r);
          g_autofree gchar *text = NULL;

          if (row->span_first >= 0 && (gint)c >= row->span_first && (gint)c <= row->span_last)
            continue;
          text = td_sheet_cell_display (s, r, c);
          longest = MAX (longest, g_utf8_strlen (text, -1));
        }
      w = MAX (w, longest * digit);
    }
  return MIN (w + 2 * PAD + 1, p->content_width / 3);
}

/* Widths that fill the page in the model's proportions, every column at
 * least its minimum; a sheet that may split (the matrix) keeps natural
 * widths and is cut into bands of columns that each fit, the first
 * freeze_columns repeated on every band. */
static void
layout_columns (TdPages *p)
{
  TdSheet *s = p->sheet;
  guint n = td_sheet_get_n_columns (s);
  guint fixed = MIN (s->freeze_columns, n);
  g_autofree double *mins = g_new0 (double, MAX (n, 1));
  double natural = 0, scale;

  for (guint c = 0; c < n; c++)
    {
      mins[c] = min_width (p, c);
      p->col_w[c] = MAX (mins[c], td_sheet_get_column (s, c)->width * UNIT_PT);
      natural += p->col_w[c];
    }
  p->bands = g_array_new (FALSE, FALSE, sizeof (guint));
  if (s->split_columns && natural > p->content_width && fixed > 0 && fixed < n)
    {
      double fixed_w = 0, band_w = 0, widest = 0;

      for (guint c = 0; c < fixed; c++)
        fixed_w += p->col_w[c];
      /* Each band starts at a column; greedy, at least one column each. */
      for (guint c = fixed; c < n; c++)
        {
          if (c == fixed || fixed_w + band_w + p->col_w[c] > p->content_width)
            {
              if (c != fixed)
                widest = MAX (widest, fixed_w + band_w);
              g_array_append_val (p->bands, c);
              band_w = 0;
            }
          band_w += p->col_w[c];
        }
      widest = MAX (widest, fixed_w + band_w);
      p->n_fixed = fixed;
      scale = p->content_width / MAX (widest, 1);
      for (guint c = 0; c < n; c++)
        p->col_w[c] *= scale;
      return;
    }
  {
    guint zero = 0;
    g_array_append_val (p->bands, zero);
  }
  p->n_fixed = 0;
  /* Fill the width in proportion, then give each column its minimum,
   * taken from the columns that have room to spare. */
  {
    double total = 0;
    for (guint c = 0; c < n; c++)
      total += td_sheet_get_column (s, c)->width;
    for (guint c = 0; c < n; c++)
      p->col_w[c] = p->content_width * td_sheet_get_column (s, c)->width / MAX (total, 1);
  }
  for (guint round = 0; round < 3; round++)
    {
      double deficit = 0, spare = 0;

      for (guint c = 0; c < n; c++)
        if (p->col_w[c] < mins[c])
          deficit += mins[c] - p->col_w[c];
        else
          spare += p->col_w[c] - mins[c];
      if (deficit <= 0.01 || spare <= 0)
        break;
      for (guint c = 0; c < n; c++)
        if (p->col_w[c] < mins[c])
          p->col_w[c] = mins[c];
        else
          p->col_w[c] -= (p->col_w[c] - mins[c]) * MIN (deficit / spare, 1);
    }
}

/* The columns of band @band, in drawing order: the repeated ones first. */
static GArray *
band_columns (TdPages *p, guint band)
{
  guint n = td_sheet_get_n_columns (p->sheet);
  guint first = g_array_index (p->bands, guint, band);
  guint last = band + 1 < p->bands->len ? g_array_index (p->bands, guint, band + 1) : n;
  GArray *cols = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint c = 0; c < p->n_fixed; c++)
    g_array_append_val (cols, c);
  for (guint c = first; c < last; c++)
    g_array_append_val (cols, c);
  return cols;
}

/* x of every column for @band (columns outside the band: -1). */
static void
place_band (TdPages *p, guint band)
{
  guint n = td_sheet_get_n_columns (p->sheet);
  g_autoptr (GArray) cols = band_columns (p, band);
  double x = p->setup.left;

  for (guint c = 0; c < n; c++)
    p->col_x[c] = -1;
  for (guint i = 0; i < cols->len; i++)
    {
      guint c = g_array_index (cols, guint, i);
      p->col_x[c] = x;
      x += p->col_w[c];
    }
}

/* --- rows across pages ---------------------------------------------------- */

/* Where a row taller than a page may be cut: below each line of its
 * tallest cell (row coordinates).  Sorted, last = the row's height. */
static GArray *
row_cuts (TdPages *p, guint r)
{
  TdSheet *s = p->sheet;
  TdSheetRow *row = td_sheet_get_row (s, r);
  const char *style = row->level == TD_ROW_NORMAL ? NULL : "Bold";
  GArray *cuts = g_array_new (FALSE, FALSE, sizeof (double));
  PangoLayout *tallest = NULL;
  double best = -1;

  for (guint c = 0; c < td_sheet_get_n_columns (s); c++)
    {
      g_autofree gchar *text = NULL;
      PangoLayout *l;
      double w = p->col_w[c], h;

      if ((gint)c > row->span_first && (gint)c <= row->span_last)
        continue;
      if ((gint)c == row->span_first)
        for (gint k = row->span_first + 1; k <= row->span_last; k++)
          w += p->col_w[k];
      text = td_sheet_cell_display (s, r, c);
      l = text_layout (p, text, style, TABLE_SIZE, w - 2 * PAD,
                       pango_align (td_sheet_get_column (s, c)->align));
      h = layout_height (l);
      if (h > best)
        {
          g_clear_object (&tallest);
          tallest = l;
          best = h;
        }
      else
        g_object_unref (l);
    }
  if (tallest != NULL)
    {
      PangoLayoutIter *iter = pango_layout_get_iter (tallest);
      do
        {
          int y0, y1;
          double cut;
          pango_layout_iter_get_line_yrange (iter, &y0, &y1);
          cut = PAD + (double)y1 / PANGO_SCALE;
          g_array_append_val (cuts, cut);
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
      g_object_unref (tallest);
    }
  g_array_append_val (cuts, p->row_h[r]);
  return cuts;
}

static gboolean
keep_with_next (TdPages *p, guint r)
{
  TdSheet *s = p->sheet;
  TdRowLevel level = td_sheet_get_row (s, r)->level;
  TdRowLevel next;

  if (r + 1 >= td_sheet_get_n_rows (s))
    return FALSE;
  next = td_sheet_get_row (s, r + 1)->level;
  /* A heading never stands alone at the foot of a page; a run of total
   * rows (Tổng điểm, Xếp thứ …) stays together. */
  return level == TD_ROW_SECTION
         || ((level == TD_ROW_TOTAL || level == TD_ROW_SUBTOTAL)
             && (next == TD_ROW_TOTAL || next == TD_ROW_SUBTOTAL));
}

static void
push_page (TdPages *p, Page *page)
{
  g_array_append_val (p->row_pages, *page);
}

/* Rows onto pages, the same breaks for every band: fill each page, keep
 * headings with their first row, cut a row taller than a page between
 * its lines, and keep the signature with at least the last row. */
static void
paginate (TdPages *p)
{
  guint nrows = td_sheet_get_n_rows (p->sheet);
  double limit = p->setup.height - p->setup.bottom;
  double top = p->setup.top + p->theader_h;
  double body = limit - top;
  Page page = { 0, 0, 0, -1, TRUE, FALSE };
  double y = p->setup.top + p->head_h + p->title_h + (nrows ? p->theader_h : 0);

  for (guint r = 0; r < nrows;)
    {
      double h = p->row_h[r] - (page.n_rows == 0 ? page.from : 0);

      if (y + h <= limit)
        {
          page.n_rows++;
          y += h;
          r++;
          continue;
        }
      if (p->row_h[r] > body)
        {
          /* Taller than any page: as many of its lines as fit here (at
           * least three lines of room, else from the next page). */
          g_autoptr (GArray) cuts = row_cuts (p, r);
          double from = page.n_rows == 0 ? page.from : 0, cut = -1;

          for (guint i = 0; i < cuts->len; i++)
            {
              double c = g_array_index (cuts, double, i);
              if (c > from && y + (c - from) <= limit)
                cut = c;
            }
          if (cut > from && (cut - from > 3 * TABLE_SIZE * 1.2 || page.n_rows == 0))
            {
              page.n_rows++;
              page.to = cut;
              push_page (p, &page);
              page = (Page){ r, 0, cut, -1, FALSE, FALSE };
              y = top;
              continue;
            }
        }
      if (page.n_rows == 0)
        {
          /* Nothing fits even on an empty page: the row alone. */
          page.n_rows = 1;
          y += h;
          r++;
          continue;
        }
      /* Break before r; carry the headings that lead into it. */
      {
        guint carry = 0;
        while (carry + 1 < page.n_rows && page.from == 0
               && keep_with_next (p, page.first_row + page.n_rows - carry - 1))
          carry++;
        page.n_rows -= carry;
        push_page (p, &page);
        page = (Page){ r - carry, 0, 0, -1, FALSE, FALSE };
        y = top;
        r -= carry;
      }
    }
  if (y + p->footer_h <= limit)
    {
      page.footer = TRUE;
      push_page (p, &page);
      return;
    }
  /* The signature does not fit under the last row: the last row (and the
   * headings or totals it belongs with) moves with it, the rest of the
   * page stays filled. */
  if (page.n_rows > 1 && page.from == 0 && page.to < 0)
    {
      guint move = 1;
      double need = p->footer_h + p->row_h[page.first_row + page.n_rows - 1];

      while (move < page.n_rows && keep_with_next (p, page.first_row + page.n_rows - move - 1))
        need += p->row_h[page.first_row + page.n_rows - ++move];
      if (top + need <= limit && move < page.n_rows)
        {
          Page last = { page.first_row + page.n_rows - move, move, 0, -1, FALSE, TRUE };
          page.n_rows -= move;
          push_page (p, &page);
          push_page (p, &last);
          return;
        }
    }
  push_page (p, &page);
  {
    Page last = { page.first_row + page.n_rows, 0, 0, -1, FALSE, TRUE };
    push_page (p, &last);
  }
}

GHashTable *
td_pages_shaping_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

TdPages *
td_pages_new (TdSheet *sheet, const TdPageSetup *setup)
{
  g_autoptr (GHashTable) own = td_pages_shaping_new ();

  return td_pages_new_shared (sheet, setup, own);
}

TdPages *
td_pages_new_shared (TdSheet *sheet, const TdPageSetup *setup, GHashTable *shaping)
{
  TdPages *p = g_new0 (TdPages, 1);
  guint ncols = td_sheet_get_n_columns (sheet), nrows = td_sheet_get_n_rows (sheet);
  cairo_font_options_t *options = cairo_font_options_create ();

  p->sheet = td_sheet_ref (sheet);
  p->heights = g_hash_table_ref (shaping);
  if (setup)
    p->setup = *setup;
  else
    td_page_setup_init (&p->setup, sheet->orientation);
  p->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (p->context, 72);
  /* Device-independent metrics, so preview, printer and PDF agree. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (p->context, options);
  cairo_font_options_destroy (options);
  p->content_width = p->setup.width - p->setup.left - p->setup.right;

  p->col_x = g_new0 (double, MAX (ncols, 1));
  p->col_w = g_new0 (double, MAX (ncols, 1));
  layout_columns (p);
  place_band (p, 0);

  {
    g_autoptr (PangoLayout) one = text_layout (p, "0", "Bold", TABLE_SIZE, 100, PANGO_ALIGN_LEFT);
    p->line_h = layout_height (one);
  }
  p->head_h = head_block (p, NULL, 0);
  p->title_h = title_block (p, NULL, 0);
  p->theader_h = ncols ? measure_header (p) : 0;
  p->row_h = g_new0 (double, MAX (nrows, 1));
  for (guint r = 0; r < nrows; r++)
    p->row_h[r] = table_row (p, NULL, r, 0, 0);
  p->footer_h = footer_block (p, NULL, 0);
  p->row_pages = g_array_new (FALSE, FALSE, sizeof (Page));
  paginate (p);
  /* Every band prints the same row pages; the title on the very first
   * page, the signature on the very last. */
  p->pages = g_array_new (FALSE, FALSE, sizeof (Page));
  for (guint b = 0; b < p->bands->len; b++)
    for (guint i = 0; i < p->row_pages->len; i++)
      {
        Page page = g_array_index (p->row_pages, Page, i);
        page.band = b;
        page.head = b == 0 && i == 0;
        page.footer = page.footer && b + 1 == p->bands->len;
        if (page.n_rows == 0 && !page.footer && !page.head)
          continue;
        g_array_append_val (p->pages, page);
      }
  return p;
}

static const TdRecordPart pages_parts[] = { TD_RECORD_PART (TdPages, sheet, td_sheet_free),
                                            TD_RECORD_PART (TdPages, context, g_object_unref),
                                            TD_RECORD_PART (TdPages, col_x, g_free),
                                            TD_RECORD_PART (TdPages, col_w, g_free),
                                            TD_RECORD_PART (TdPages, row_h, g_free),
                                            TD_RECORD_PART (TdPages, pages, g_array_unref),
                                            TD_RECORD_PART (TdPages, row_pages, g_array_unref),
                                            TD_RECORD_PART (TdPages, bands, g_array_unref),
                                            TD_RECORD_PART (TdPages, heights, g_hash_table_unref),
                                            TD_RECORD_PARTS_END };

TD_RECORD_DEFINE_FREE_FULL (TdPages, td_pages_free, NULL, pages_parts);

guint
td_pages_get_n_pages (TdPages *p)
{
  return p->pages->len;
}

const TdPageSetup *
td_pages_get_setup (TdPages *p)
{
  return &p->setup;
}

void
td_pages_get_rows (TdPages *p, guint page, guint *first, guint *n_rows)
{
  Page *pg;

  g_return_if_fail (page < p->pages->len);
  pg = &g_array_index (p->pages, Page, page);
  if (first)
    *first = pg->first_row;
  if (n_rows)
    *n_rows = pg->n_rows;
}

gboolean
td_pages_has_signature (TdPages *p, guint page)
{
  g_return_val_if_fail (page < p->pages->len, FALSE);
  return g_array_index (p->pages, Page, page).footer;
}

const double *
td_pages_get_column_widths (TdPages *p)
{
  return p->col_w;
}

const double *
td_pages_get_row_heights (TdPages *p)
{
  return p->row_h;
}

GArray *
td_pages_get_row_breaks (TdPages *p)
{
  GArray *breaks = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 1; i < p->row_pages->len; i++)
    {
      const Page *pg = &g_array_index (p->row_pages, Page, i);
      /* A continued row cannot be cut in a spreadsheet: break after it. */
      guint row = pg->from > 0 ? pg->first_row + 1 : pg->first_row;
      if (row < td_sheet_get_n_rows (p->sheet)
          && (breaks->len == 0 || g_array_index (breaks, guint, breaks->len - 1) < row))
        g_array_append_val (breaks, row);
    }
  return breaks;
}

GArray *
td_pages_get_column_bands (TdPages *p, guint *n_repeated)
{
  if (n_repeated)
    *n_repeated = p->n_fixed;
  return g_array_ref (p->bands);
}

gboolean
td_pages_signature_on_new_page (TdPages *p)
{
  const Page *last = &g_array_index (p->row_pages, Page, p->row_pages->len - 1);
  return p->row_pages->len > 1 && last->footer && last->n_rows == 0;
}

void
td_pages_draw (TdPages *p, cairo_t *cr, guint index)
{
  Page *page;
  double y = p->setup.top;

  g_return_if_fail (index < p->pages->len);
  page = &g_array_index (p->pages, Page, index);
  place_band (p, page->band);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  if (index > 0)
    {
      g_autofree gchar *number = g_strdup_printf ("%u", index + 1);
      text_block (p, cr, p->setup.left, p->setup.top / 2 - 7, p->content_width, number, NULL, 12,
                  PANGO_ALIGN_CENTER);
    }
  if (page->head)
    {
      head_block (p, cr, y);
      y += p->head_h;
      title_block (p, cr, y);
      y += p->title_h;
    }
  if (page->n_rows > 0)
    {
      draw_header (p, cr, y);
      y += p->theader_h;
      for (guint r = page->first_row; r < page->first_row + page->n_rows; r++)
        {
          gboolean first = r == page->first_row, last = r + 1 == page->first_row + page->n_rows;
          double from = first ? page->from : 0;
          double to = last && page->to >= 0 ? page->to : p->row_h[r];

          if (from == 0 && to == p->row_h[r])
            table_row (p, cr, r, y, p->row_h[r]);
          else
            {
              /* A slice of a row taller than a page. */
              cairo_save (cr);
              cairo_rectangle (cr, p->setup.left - 1, y, p->content_width + 2, to - from);
              cairo_clip (cr);
              p->top_align = TRUE;
              table_row (p, cr, r, y - from, p->row_h[r]);
              p->top_align = FALSE;
              cairo_restore (cr);
              cairo_set_line_width (cr, LINE);
              hline (cr, p->setup.left, p->setup.left + band_width (p), y, LINE);
              hline (cr, p->setup.left, p->setup.left + band_width (p), y + to - from, LINE);
            }
          y += to - from;
        }
    }
  if (page->footer)
    footer_block (p, cr, y);
  cairo_restore (cr);
}

gboolean
td_pages_write_pdf (TdSheet *const *sheets, guint n_sheets, const char *path, GError **error)
{
  g_autoptr (GHashTable) shaping = NULL;
  TdPageSetup first;
  g_autofree gchar *tmp = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  g_return_val_if_fail (n_sheets > 0, FALSE);
  tmp = td_output_begin (path, error);
  if (tmp == NULL)
    return FALSE;

  td_page_setup_init (&first, sheets[0]->orientation);
  surface = cairo_pdf_surface_create (tmp, first.width, first.height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, sheets[0]->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Thi Đua");
  cr = cairo_create (surface);
  shaping = td_pages_shaping_new ();
  for (guint k = 0; k < n_sheets; k++)
    {
      g_autoptr (TdPages) pages = td_pages_new_shared (sheets[k], NULL, shaping);

      for (guint i = 0; i < td_pages_get_n_pages (pages); i++)
        {
          /* Before drawing: the size applies from the next page on. */
          cairo_pdf_surface_set_size (surface, pages->setup.width, pages->setup.height);
          td_pages_draw (pages, cr, i);
          cairo_show_page (cr);
        }
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return td_output_finish (
      tmp, path, status != CAIRO_STATUS_SUCCESS ? cairo_status_to_string (status) : NULL, error);
}
