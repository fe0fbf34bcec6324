/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Printing official sheets.
 *
 * The pages are those of td-pages.c — the same as the PDF and the preview —
 * drawn on the printer's cairo context with use-full-page and points as
 * the unit, so the official margins are ours, not the printer's.  Each
 * sheet keeps its own orientation (request-page-setup).  The printer and
 * its options are remembered in a key file in the user's config folder,
 * written only after a print the user confirmed. */
#include "config.h"

#include "td-print-operation.h"
#include "td-pages.h"
#include "td-window.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

struct _TdPrintOperation
{
  GtkPrintOperation parent_instance;

  GPtrArray *sheets;   /* TdSheet */
  GPtrArray *pages;    /* TdPages, one per sheet, during a print */
  gboolean remember;   /* the user chose in the print dialog */
  GtkPaperSize *paper; /* the paper of the last begin-print */
};

G_DEFINE_FINAL_TYPE (TdPrintOperation, td_print_operation, GTK_TYPE_PRINT_OPERATION)

gchar *
td_print_operation_settings_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "thidua", "print-settings.ini", NULL);
}

/* The paper is remembered apart from the printer: each sheet sets its own
 * orientation, so only the paper size is worth keeping. */
static gchar *
page_setup_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "thidua", "page-setup.ini", NULL);
}

/* Page @page_nr of the whole job → the sheet's pages and its own index. */
static TdPages *
locate (TdPrintOperation *self, int page_nr, guint *index)
{
  for (guint i = 0; i < self->pages->len; i++)
    {
      TdPages *pages = self->pages->pdata[i];
      guint n = td_pages_get_n_pages (pages);

      if ((guint)page_nr < n)
        {
          *index = page_nr;
          return pages;
        }
      page_nr -= n;
    }
  return NULL;
}

static void
td_print_operation_begin_print (GtkPrintOperation *op, GtkPrintContext *context)
{
  TdPrintOperation *self = TD_PRINT_OPERATION (op);
  GtkPageSetup *page_setup = gtk_print_context_get_page_setup (context);
  guint total = 0;

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->paper, gtk_paper_size_free);
  self->paper = gtk_paper_size_copy (gtk_page_setup_get_paper_size (page_setup));
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify)td_pages_free);
  for (guint i = 0; i < self->sheets->len; i++)
    {
      TdSheet *sheet = self->sheets->pdata[i];
      TdPageSetup setup;
      double pw
          = gtk_paper_size_get_width (gtk_page_setup_get_paper_size (page_setup), GTK_UNIT_POINTS);
      double ph
          = gtk_paper_size_get_height (gtk_page_setup_get_paper_size (page_setup), GTK_UNIT_POINTS);

      /* The paper the user chose, turned the sheet's way. */
      td_page_setup_init (&setup, sheet->orientation);
      setup.width = sheet->orientation == TD_SHEET_LANDSCAPE ? MAX (pw, ph) : MIN (pw, ph);
      setup.height = sheet->orientation == TD_SHEET_LANDSCAPE ? MIN (pw, ph) : MAX (pw, ph);
      g_ptr_array_add (self->pages, td_pages_new (sheet, &setup));
      total += td_pages_get_n_pages (self->pages->pdata[i]);
    }
  gtk_print_operation_set_n_pages (op, MAX (total, 1));
}

static void
td_print_operation_request_page_setup (GtkPrintOperation *op, GtkPrintContext *context, int page_nr,
                                       GtkPageSetup *setup)
{
  TdPrintOperation *self = TD_PRINT_OPERATION (op);
  guint index;
  TdPages *pages = self->pages ? locate (self, page_nr, &index) : NULL;
  const TdPageSetup *ps;

  if (pages == NULL)
    return;
  ps = td_pages_get_setup (pages);
  gtk_page_setup_set_orientation (setup, ps->width > ps->height ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                                : GTK_PAGE_ORIENTATION_PORTRAIT);
}

static void
td_print_operation_draw_page (GtkPrintOperation *op, GtkPrintContext *context, int page_nr)
{
  TdPrintOperation *self = TD_PRINT_OPERATION (op);
  guint index;
  TdPages *pages = locate (self, page_nr, &index);

  if (pages != NULL)
    td_pages_draw (pages, gtk_print_context_get_cairo_context (context), index);
}

static void
td_print_operation_end_print (GtkPrintOperation *op, GtkPrintContext *context)
{
  TdPrintOperation *self = TD_PRINT_OPERATION (op);

  g_clear_pointer (&self->pages, g_ptr_array_unref);
}

static void
td_print_operation_done (GtkPrintOperation *op, GtkPrintOperationResult result)
{
  GtkPrintSettings *settings = gtk_print_operation_get_print_settings (op);

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY && settings != NULL
      && TD_PRINT_OPERATION (op)->remember)
    {
      g_autofree gchar *path = td_print_operation_settings_path ();
      g_autofree gchar *dir = g_path_get_dirname (path);
      g_autoptr (GError) error = NULL;

      g_mkdir_with_parents (dir, 0700);
      /* Losing a remembered printer is harmless: say it in the log only. */
      if (!gtk_print_settings_to_file (settings, path, &error))
        g_message ("Could not remember the print settings: %s", error->message);
      if (TD_PRINT_OPERATION (op)->paper != NULL)
        {
          g_autoptr (GtkPageSetup) setup = gtk_page_setup_new ();
          g_autofree gchar *setup_path = page_setup_path ();

          gtk_page_setup_set_paper_size (setup, TD_PRINT_OPERATION (op)->paper);
          if (!gtk_page_setup_to_file (setup, setup_path, NULL))
            g_message ("Could not remember the paper size");
        }
    }
}

static void
td_print_operation_finalize (GObject *object)
{
  TdPrintOperation *self = TD_PRINT_OPERATION (object);

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->sheets, g_ptr_array_unref);
  g_clear_pointer (&self->paper, gtk_paper_size_free);
  G_OBJECT_CLASS (td_print_operation_parent_class)->finalize (object);
}

static void
td_print_operation_class_init (TdPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *op_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = td_print_operation_finalize;
  op_class->begin_print = td_print_operation_begin_print;
  op_class->request_page_setup = td_print_operation_request_page_setup;
  op_class->draw_page = td_print_operation_draw_page;
  op_class->end_print = td_print_operation_end_print;
  op_class->done = td_print_operation_done;
}

static void
td_print_operation_init (TdPrintOperation *self)
{
  g_autofree gchar *path = td_print_operation_settings_path ();
  g_autoptr (GtkPrintSettings) settings = NULL;

  gtk_print_operation_set_use_full_page (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_unit (GTK_PRINT_OPERATION (self), GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (GTK_PRINT_OPERATION (self), TRUE);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    settings = gtk_print_settings_new_from_file (path, NULL);
  if (settings != NULL)
    gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (self), settings);
}

TdPrintOperation *
td_print_operation_new (GPtrArray *sheets)
{
  TdPrintOperation *self = g_object_new (TD_TYPE_PRINT_OPERATION, NULL);
  g_autoptr (GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr (GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autofree gchar *saved_path = page_setup_path ();
  g_autoptr (GtkPageSetup) saved = NULL;
  TdSheet *first;

  g_return_val_if_fail (sheets != NULL && sheets->len > 0, self);
  self->sheets = g_ptr_array_ref (sheets);
  first = sheets->pdata[0];
  /* A4 unless the user printed on another paper last time. */
  if (g_file_test (saved_path, G_FILE_TEST_EXISTS))
    saved = gtk_page_setup_new_from_file (saved_path, NULL);
  gtk_page_setup_set_paper_size (setup, saved ? gtk_page_setup_get_paper_size (saved) : a4);
  gtk_page_setup_set_orientation (setup, first->orientation == TD_SHEET_LANDSCAPE
                                             ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                             : GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), first->title);
  return self;
}

void
td_print_operation_run_dialog (TdPrintOperation *self, GtkWindow *parent)
{
  g_autoptr (GError) error = NULL;
  GtkPrintOperationResult result;

  self->remember = TRUE;
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (self),
                                    GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    td_window_show_error (GTK_WIDGET (parent), _ ("Could not print"), error);
}
