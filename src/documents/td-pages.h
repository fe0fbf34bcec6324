/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Sheet model → paginated cairo pages, for PDF, the printer and the preview.
 *
 * Units are PostScript points (1/72 inch) with the origin at the top-left
 * corner of the paper.  A PDF writer draws on cairo_pdf_surface_create; a
 * GtkPrintOperation with use-full-page and GTK_UNIT_POINTS hands the same
 * coordinate system to draw-page; a preview scales a cairo_t to its widget.
 * Text is measured with a private 72-dpi Pango context, so the layout does
 * not depend on the output device: every output shows the same pages. */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "td-sheet.h"

G_BEGIN_DECLS

typedef struct
{
  double width, height;            /* the paper, points */
  double top, bottom, left, right; /* margins, points */
} TdPageSetup;

#define TD_MM(mm) ((mm)*72.0 / 25.4)

/* A4 in the sheet's orientation, margins of Nghị định 30/2020: top and
 * bottom 20 mm, left 30 mm, right 15 mm (swapped sides never: binding is
 * always on the left of the text). */
void td_page_setup_init (TdPageSetup *setup, TdSheetOrientation orientation);

typedef struct _TdPages TdPages;

TdPages *td_pages_new (TdSheet *sheet, const TdPageSetup *setup);
/* The same, sharing the text already measured with the other sheets of one
 * document (a workbook's scoring sheets repeat their criteria): @shaping
 * comes from td_pages_shaping_new() and lives as long as the document is
 * being laid out; a table of one thread only. */
GHashTable *td_pages_shaping_new (void);
TdPages *td_pages_new_shared (TdSheet *sheet, const TdPageSetup *setup, GHashTable *shaping);
void td_pages_free (TdPages *pages);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdPages, td_pages_free)

guint td_pages_get_n_pages (TdPages *pages);
const TdPageSetup *td_pages_get_setup (TdPages *pages);
/* Table rows on @page: first index and count (0 when none). */
void td_pages_get_rows (TdPages *pages, guint page, guint *first, guint *n_rows);
gboolean td_pages_has_signature (TdPages *pages, guint page);

/* The layout, for the xlsx writer to print the same pages: each column's
 * width and each row's height in points, the table rows that start a new
 * page, and the bands of a sheet too wide for one page (the first column
 * of each band after the @n_repeated columns repeated on every band). */
const double *td_pages_get_column_widths (TdPages *pages);
const double *td_pages_get_row_heights (TdPages *pages);
GArray *td_pages_get_row_breaks (TdPages *pages);
GArray *td_pages_get_column_bands (TdPages *pages, guint *n_repeated);
/* Whether the signature went to a page of its own (a table row could not
 * go with it). */
gboolean td_pages_signature_on_new_page (TdPages *pages);
/* Draw page @page (0-based) with the paper's top-left corner at the
 * current origin of @cr. */
void td_pages_draw (TdPages *pages, cairo_t *cr, guint page);

/* The pages of every sheet, one after the other, to a PDF file (fonts
 * embedded; each sheet numbers its own pages).  Same path checks and
 * errors as td_xlsx_write. */
gboolean td_pages_write_pdf (TdSheet *const *sheets, guint n_sheets, const char *path,
                             GError **error);

G_END_DECLS
