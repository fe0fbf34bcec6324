/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What GtkColumnView lacks on GTK 4.8 and several lists need. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Scrolls @view so that row @position is in sight. */
void td_column_view_scroll_to (GtkColumnView *view, guint position);

G_END_DECLS
