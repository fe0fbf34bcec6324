/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tooltips for widgets of long lists, given on demand.
 *
 * gtk_widget_set_tooltip_text asks the display where the pointer is each
 * time it is called (a round trip to the X server); a list that binds a
 * thousand cells then spends most of a bloc-year switch waiting for the
 * server.  Here the text is only stored, and handed out when the tooltip
 * is really asked for. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* @text NULL or "" removes the tooltip. */
void td_lazy_tooltip_set (GtkWidget *widget, const char *text);
const char *td_lazy_tooltip_get (GtkWidget *widget);

G_END_DECLS
