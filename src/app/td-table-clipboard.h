/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A criteria table from the clipboard (td-table-clipboard.c). */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* @text: the table as tab-separated text, NULL when the clipboard holds
 * none; @from_html: it came from a table in HTML (LibreOffice Writer). */
typedef void (*TdTableClipboardDone) (const char *text, gboolean from_html, gpointer owner);

/* Reads @clipboard and calls @done with @owner, unless @owner has gone
 * meanwhile (it is not kept alive) or is a widget whose window was closed
 * or hidden. */
void td_table_clipboard_read (GdkClipboard *clipboard, TdTableClipboardDone done, GObject *owner);

G_END_DECLS
