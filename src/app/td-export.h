/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Saving official sheets from the window: file chooser, writing, report. */
#pragma once

#include <gtk/gtk.h>

#include "td-sheet.h"

G_BEGIN_DECLS

typedef enum
{
  TD_EXPORT_XLSX,
  TD_EXPORT_PDF,
} TdExportFormat;

/* Ask where to save @sheets (TdSheet; one workbook, or the pages of all in
 * one PDF), proposing an ASCII name from the first sheet's file stem, then
 * save and report on @from's window: a toast with "Open", or a dialog
 * saying what failed and what to do. */
void td_export_sheets (GtkWidget *from, GPtrArray *sheets, TdExportFormat format);

/* The saving and the report, without the file chooser. */
gboolean td_export_save (GtkWidget *from, GPtrArray *sheets, TdExportFormat format, GFile *file);

G_END_DECLS
