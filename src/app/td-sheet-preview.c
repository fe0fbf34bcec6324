/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The print preview window of official sheets.
 *
 * Every page of td-pages.c is a GtkDrawingArea that draws the page scaled
 * to the zoom: what is shown is exactly what the printer and the PDF get,
 * with no external previewer.  Print… runs TdPrintOperation on the same
 * sheets; Export saves them through td-export.c and toasts here. */
#include "config.h"

#include "td-sheet-preview.h"
#include "td-dialog.h"
#include "td-export.h"
#include "td-pages.h"
#include "td-print-operation.h"
#include "td-template.h"

#include <glib/gi18n.h>

#define ZOOM_MIN 0.5
#define ZOOM_MAX 2.5
/* A landscape A4 page fits the default window width. */
#define ZOOM_DEFAULT 0.8
/* Points to pixels at 100 %: 96 dpi screens. */
#define PX_PER_POINT (96.0 / 72.0)

struct _TdSheetPreview
{
  AdwWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  GtkBox *pages_box;

  GPtrArray *sheets; /* TdSheet */
  GPtrArray *pages;  /* TdPages, one per sheet */
  double zoom;
  guint n_pages;
};

G_DEFINE_FINAL_TYPE (TdSheetPreview, td_sheet_preview, ADW_TYPE_WINDOW)

typedef struct
{
  TdPages *pages;
  guint index;
} PageRef;

static void
draw_page (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  PageRef *ref = data;
  const TdPageSetup *setup = td_pages_get_setup (ref->pages);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, width / setup->width, height / setup->height);
  td_pages_draw (ref->pages, cr, ref->index);
}

static void
size_pages (TdSheetPreview *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      PageRef *ref = g_object_get_data (G_OBJECT (child), "page");
      const TdPageSetup *setup = td_pages_get_setup (ref->pages);

      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (child),
                                          (int)(setup->width * PX_PER_POINT * self->zoom));
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (child),
                                           (int)(setup->height * PX_PER_POINT * self->zoom));
    }
}

static void
build_pages (TdSheetPreview *self)
{
  g_autofree gchar *subtitle = NULL;

  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify)td_pages_free);
  for (guint i = 0; i < self->sheets->len; i++)
    {
      TdPages *pages = td_pages_new (self->sheets->pdata[i], NULL);

      g_ptr_array_add (self->pages, pages);
      for (guint p = 0; p < td_pages_get_n_pages (pages); p++)
        {
          GtkWidget *area = gtk_drawing_area_new ();
          PageRef *ref = g_new0 (PageRef, 1);
          g_autofree gchar *label = g_strdup_printf (_ ("Page %u"), self->n_pages + 1);

          ref->pages = pages;
          ref->index = p;
          g_object_set_data_full (G_OBJECT (area), "page", ref, g_free);
          gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_page, ref, NULL);
          gtk_widget_add_css_class (area, "sheet-page");
          gtk_widget_set_halign (area, GTK_ALIGN_CENTER);
          gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          label, -1);
          gtk_box_append (self->pages_box, area);
          self->n_pages++;
        }
    }
  size_pages (self);
  if (self->sheets->len > 0)
    adw_window_title_set_title (self->window_title, ((TdSheet *)self->sheets->pdata[0])->title);
  subtitle = g_strdup_printf (ngettext ("%u page", "%u pages", self->n_pages), self->n_pages);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
set_zoom (TdSheetPreview *self, double zoom)
{
  self->zoom = CLAMP (zoom, ZOOM_MIN, ZOOM_MAX);
  size_pages (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-in", self->zoom < ZOOM_MAX);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-out", self->zoom > ZOOM_MIN);
}

static void
zoom_in_action (GtkWidget *widget, const char *action, GVariant *param)
{
  TdSheetPreview *self = TD_SHEET_PREVIEW (widget);

  set_zoom (self, self->zoom * 1.25);
}

static void
zoom_out_action (GtkWidget *widget, const char *action, GVariant *param)
{
  TdSheetPreview *self = TD_SHEET_PREVIEW (widget);

  set_zoom (self, self->zoom / 1.25);
}

static void
print_action (GtkWidget *widget, const char *action, GVariant *param)
{
  TdSheetPreview *self = TD_SHEET_PREVIEW (widget);
  g_autoptr (TdPrintOperation) op = td_print_operation_new (self->sheets);

  td_print_operation_run_dialog (op, GTK_WINDOW (self));
}

static void
export_action (GtkWidget *widget, const char *action, GVariant *param)
{
  TdSheetPreview *self = TD_SHEET_PREVIEW (widget);
  const char *format = g_variant_get_string (param, NULL);

  td_export_sheets (GTK_WIDGET (self->pages_box), self->sheets,
                    g_str_equal (format, "pdf") ? TD_EXPORT_PDF : TD_EXPORT_XLSX);
}

static void
td_sheet_preview_dispose (GObject *object)
{
  TdSheetPreview *self = TD_SHEET_PREVIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_SHEET_PREVIEW);
  G_OBJECT_CLASS (td_sheet_preview_parent_class)->dispose (object);
}

static void
td_sheet_preview_finalize (GObject *object)
{
  TdSheetPreview *self = TD_SHEET_PREVIEW (object);

  /* After the drawing areas (disposed with the template) that use them. */
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->sheets, g_ptr_array_unref);
  G_OBJECT_CLASS (td_sheet_preview_parent_class)->finalize (object);
}

/* The keys of the dialog. */
static const TdDialogKey keys[] = {
  { GDK_KEY_p, GDK_CONTROL_MASK, "preview.print" },
  { GDK_KEY_plus, GDK_CONTROL_MASK, "preview.zoom-in" },
  { GDK_KEY_equal, GDK_CONTROL_MASK, "preview.zoom-in" },
  { GDK_KEY_minus, GDK_CONTROL_MASK, "preview.zoom-out" },
  { GDK_KEY_Escape, 0, "window.close" },
};

static void
td_sheet_preview_class_init (TdSheetPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_sheet_preview_dispose;
  object_class->finalize = td_sheet_preview_finalize;

  td_widget_class_set_template (widget_class, "td-sheet-preview.ui");
  td_widget_class_bind_template_children (widget_class, TdSheetPreview, toast_overlay, window_title,
                                          pages_box);

  gtk_widget_class_install_action (widget_class, "preview.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "preview.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-out", NULL, zoom_out_action);
  td_dialog_class_add_keys (widget_class, keys, G_N_ELEMENTS (keys));
}

static void
td_sheet_preview_init (TdSheetPreview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->zoom = ZOOM_DEFAULT;
}

TdSheetPreview *
td_sheet_preview_new (GtkWindow *parent, GPtrArray *sheets)
{
  TdSheetPreview *self = g_object_new (TD_TYPE_SHEET_PREVIEW, "transient-for", parent, NULL);

  g_return_val_if_fail (sheets != NULL && sheets->len > 0, self);
  self->sheets = g_ptr_array_ref (sheets);
  build_pages (self);
  set_zoom (self, ZOOM_DEFAULT);
  return self;
}

void
td_sheet_preview_show (GtkWidget *from, GPtrArray *sheets)
{
  GtkRoot *root = gtk_widget_get_root (from);
  TdSheetPreview *self
      = td_sheet_preview_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, sheets);

  gtk_window_present (GTK_WINDOW (self));
}

guint
td_sheet_preview_get_n_pages (TdSheetPreview *self)
{
  return self->n_pages;
}

double
td_sheet_preview_get_zoom (TdSheetPreview *self)
{
  return self->zoom;
}

GPtrArray *
td_sheet_preview_get_sheets (TdSheetPreview *self)
{
  return self->sheets;
}
