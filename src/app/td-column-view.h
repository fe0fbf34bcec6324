/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What GtkColumnView lacks on GTK 4.8 and several lists need: scrolling
 * to a row, and a column made from a few factory callbacks. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Scrolls @view so that row @position is in sight. */
void td_column_view_scroll_to (GtkColumnView *view, guint position);

/* Appends a resizable column with @title to @view; its cells are made by a
 * GtkSignalListItemFactory whose "setup", "bind" and "unbind" callbacks
 * (@unbind may be NULL) are given @data, and on which @owner is kept for
 * them (td_column_view_factory_owner).  @fixed_width > 0 sets the width
 * the column starts with.  The column belongs to @view. */
GtkColumnViewColumn *td_column_view_add_column (GtkColumnView *view, const char *title,
                                                gboolean expand, int fixed_width, gpointer owner,
                                                GCallback setup, GCallback bind, GCallback unbind,
                                                gpointer data);
/* td_column_view_add_column in two steps, for a factory that carries more
 * for its callbacks: set it on the factory before the column is appended
 * (rows already in the view set up their cells at once).  The factory
 * (full) becomes the column's. */
GtkListItemFactory *td_column_view_factory_new (gpointer owner, GCallback setup, GCallback bind,
                                                GCallback unbind, gpointer data);
GtkColumnViewColumn *td_column_view_append (GtkColumnView *view, const char *title,
                                            GtkListItemFactory *factory, gboolean expand,
                                            int fixed_width);
/* The @owner given to td_column_view_add_column, in its callbacks. */
gpointer td_column_view_factory_owner (GtkSignalListItemFactory *factory);

G_END_DECLS
