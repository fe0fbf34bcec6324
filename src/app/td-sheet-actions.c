/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Showing and saving the official sheets of a bloc-year from a page. */
#include "config.h"

#include "td-sheet-actions.h"

#include "td-sheet-builders.h"
#include "td-window.h"

#include <glib/gi18n.h>

static GPtrArray *
build (GtkWidget *from, TdDb *db, gint64 bloc_year_id, const char *sheet, gint64 unit_id)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *sheets;

  if (db == NULL || bloc_year_id <= 0)
    {
      g_set_error (&error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("Open a database and choose a bloc and a year first."));
      td_window_show_error (from, _ ("Cannot prepare the sheet"), error);
      return NULL;
    }
  sheets = td_sheets_build (db, sheet, bloc_year_id, unit_id, &error);
  if (sheets == NULL)
    td_window_show_error (from, _ ("Cannot prepare the sheet"), error);
  return sheets;
}

TdSheetPreview *
td_sheet_actions_preview (GtkWidget *from, TdDb *db, gint64 bloc_year_id, const char *sheet,
                          gint64 unit_id)
{
  g_autoptr (GPtrArray) sheets = build (from, db, bloc_year_id, sheet, unit_id);
  GtkRoot *root;
  TdSheetPreview *preview;

  if (sheets == NULL)
    return NULL;
  root = gtk_widget_get_root (from);
  preview = td_sheet_preview_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, sheets);
  gtk_window_present (GTK_WINDOW (preview));
  return preview;
}

void
td_sheet_actions_export (GtkWidget *from, TdDb *db, gint64 bloc_year_id, const char *sheet,
                         gint64 unit_id, TdExportFormat format)
{
  g_autoptr (GPtrArray) sheets = build (from, db, bloc_year_id, sheet, unit_id);

  if (sheets != NULL)
    td_export_sheets (from, sheets, format);
}
