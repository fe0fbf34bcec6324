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
 * save in a thread and report on @from's window: a toast with "Open", or a dialog
 * saying what failed and what to do. */
void td_export_sheets (GtkWidget *from, GPtrArray *sheets, TdExportFormat format);

/* The saving and the report, without the file chooser. */
gboolean td_export_save (GtkWidget *from, GPtrArray *sheets, TdExportFormat format, GFile *file);

/* The same in a thread, with a toast "Saving …" whose Cancel button (or
 * @cancellable) stops it: a cancelled export leaves no file and no
 * temporary file, and reports nothing.  The result says whether the file
 * was saved; the report is made either way. */
void td_export_save_async (GtkWidget *from, GPtrArray *sheets, TdExportFormat format, GFile *file,
                           GCancellable *cancellable, GAsyncReadyCallback callback,
                           gpointer user_data);
gboolean td_export_save_finish (GAsyncResult *result, GError **error);

G_END_DECLS
