/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Printing official sheets: a GtkPrintOperation drawing td-pages.c pages. */
#pragma once

#include <gtk/gtk.h>

#include "td-sheet.h"

G_BEGIN_DECLS

#define TD_TYPE_PRINT_OPERATION (td_print_operation_get_type ())
G_DECLARE_FINAL_TYPE (TdPrintOperation, td_print_operation, TD, PRINT_OPERATION, GtkPrintOperation)

/* @sheets: TdSheet, printed one after the other (a sheet per unit …). */
TdPrintOperation *td_print_operation_new (GPtrArray *sheets);
/* Show the print dialog for @parent and print; errors go to a dialog. */
void td_print_operation_run_dialog (TdPrintOperation *self, GtkWindow *parent);

/* Where the chosen printer and paper are remembered between runs. */
gchar *td_print_operation_settings_path (void);

G_END_DECLS
