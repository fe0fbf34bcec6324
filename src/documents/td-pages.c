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
#include "td-official.h"
#include "td-xlsx.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <cairo-pdf.h>
#include <unistd.h>

#define FAMILY "Times New Roman"
#define PAD 3.0
#define GAP 8.0
#define LINE 0.6
#define SIGN_SPACE 62.0 /* room for the signature and the seal */
#define TABLE_SIZE 12
#define ROWS_WITH_SIGNATURE 2

typedef struct
{
  guint first_row, n_rows;
  gboolean head, footer;
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
  GArray *pages; /* Page */
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

  cairo_move_to (cr, x + PAD, y + (h - th) / 2);
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
      if (col->group == NULL)
        {
          cell_box (cr, p->col_x[c], y, p->col_w[c], full);
          cell_text (p, cr, p->col_x[c], y, p->col_w[c], full, col->header, "Bold",
                     PANGO_ALIGN_CENTER);
          continue;
        }
      {
        guint last = c;
        double gw = 0;
        while (last + 1 < n
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

/* Height of a row, or draw it. */
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
      g_autofree gchar *text = NULL;
      double w = p->col_w[c];
      PangoAlignment align = pango_align (col->align);

      if ((gint)c > row->span_first && (gint)c <= row->span_last)
        continue;
      if ((gint)c == row->span_first)
        {
          w = p->col_x[row->span_last] + p->col_w[row->span_last] - p->col_x[c];
          align = PANGO_ALIGN_CENTER;
        }
      text = td_sheet_cell_display (s, r, c);
      if (cr == NULL)
        {
          g_autoptr (PangoLayout) l = text_layout (p, text, style, TABLE_SIZE, w - 2 * PAD, align);
          hmax = MAX (hmax, layout_height (l) + 2 * PAD);
        }
      else
        {
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

static void
paginate (TdPages *p)
{
  guint nrows = td_sheet_get_n_rows (p->sheet);
  double limit = p->setup.height - p->setup.bottom;
  double start = p->setup.top + p->head_h + p->title_h;
  Page page = { 0, 0, TRUE, FALSE };
  double y = start + (nrows ? p->theader_h : 0);

  for (guint r = 0; r < nrows; r++)
    {
      if (y + p->row_h[r] > limit && page.n_rows > 0)
        {
          g_array_append_val (p->pages, page);
          page = (Page){ r, 0, FALSE, FALSE };
          y = p->setup.top + p->theader_h;
        }
      page.n_rows++;
      y += p->row_h[r];
    }
  if (y + p->footer_h <= limit)
    {
      page.footer = TRUE;
      g_array_append_val (p->pages, page);
      return;
    }
  /* The signature does not fit: carry the last rows over with it. */
  if (page.n_rows > ROWS_WITH_SIGNATURE)
    {
      Page last = { page.first_row + page.n_rows - ROWS_WITH_SIGNATURE, ROWS_WITH_SIGNATURE, FALSE,
                    TRUE };
      page.n_rows -= ROWS_WITH_SIGNATURE;
      g_array_append_val (p->pages, page);
      g_array_append_val (p->pages, last);
    }
  else
    {
      Page last = { page.first_row + page.n_rows, 0, FALSE, TRUE };
      g_array_append_val (p->pages, page);
      g_array_append_val (p->pages, last);
    }
}

TdPages *
td_pages_new (TdSheet *sheet, const TdPageSetup *setup)
{
  TdPages *p = g_new0 (TdPages, 1);
  guint ncols = td_sheet_get_n_columns (sheet), nrows = td_sheet_get_n_rows (sheet);
  double total = 0, x;
  cairo_font_options_t *options = cairo_font_options_create ();

  p->sheet = td_sheet_ref (sheet);
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
  for (guint c = 0; c < ncols; c++)
    total += td_sheet_get_column (sheet, c)->width;
  x = p->setup.left;
  for (guint c = 0; c < ncols; c++)
    {
      p->col_x[c] = x;
      p->col_w[c] = p->content_width * td_sheet_get_column (sheet, c)->width / MAX (total, 1);
      x += p->col_w[c];
    }

  p->head_h = head_block (p, NULL, 0);
  p->title_h = title_block (p, NULL, 0);
  p->theader_h = ncols ? measure_header (p) : 0;
  p->row_h = g_new0 (double, MAX (nrows, 1));
  for (guint r = 0; r < nrows; r++)
    p->row_h[r] = table_row (p, NULL, r, 0, 0);
  p->footer_h = footer_block (p, NULL, 0);
  p->pages = g_array_new (FALSE, FALSE, sizeof (Page));
  paginate (p);
  return p;
}

void
td_pages_free (TdPages *p)
{
  if (p == NULL)
    return;
  td_sheet_free (p->sheet);
  g_object_unref (p->context);
  g_free (p->col_x);
  g_free (p->col_w);
  g_free (p->row_h);
  g_array_unref (p->pages);
  g_free (p);
}

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

void
td_pages_draw (TdPages *p, cairo_t *cr, guint index)
{
  Page *page;
  double y = p->setup.top;

  g_return_if_fail (index < p->pages->len);
  page = &g_array_index (p->pages, Page, index);
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
          table_row (p, cr, r, y, p->row_h[r]);
          y += p->row_h[r];
        }
    }
  if (page->footer)
    footer_block (p, cr, y);
  cairo_restore (cr);
}

gboolean
td_pages_write_pdf (TdSheet *const *sheets, guint n_sheets, const char *path, GError **error)
{
  TdPageSetup first;
  g_autofree gchar *tmp = g_strdup_printf ("%s.XXXXXX", path);
  g_autofree gchar *base = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  int fd;

  g_return_val_if_fail (n_sheets > 0, FALSE);
  if (!td_xlsx_check_writable (path, error))
    return FALSE;
  base = g_filename_display_basename (path);
  fd = g_mkstemp (tmp);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _ ("Could not write “%s”: %s. Check that the disk is not full and that you "
                      "may write in this folder."),
                   base, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  g_chmod (tmp, 0644);

  td_page_setup_init (&first, sheets[0]->orientation);
  surface = cairo_pdf_surface_create (tmp, first.width, first.height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, sheets[0]->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Thi Đua");
  cr = cairo_create (surface);
  for (guint k = 0; k < n_sheets; k++)
    {
      g_autoptr (TdPages) pages = td_pages_new (sheets[k], NULL);

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
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _ ("Could not write “%s” (%s). The disk may be full: free some space or "
                      "choose another place."),
                   base, cairo_status_to_string (status));
      return FALSE;
    }
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;
      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _ ("Could not save “%s”: %s."),
                   base, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}
