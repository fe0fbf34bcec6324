/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What GtkColumnView lacks on GTK 4.8 (see td-column-view.h). */
#include "config.h"

#include "td-column-view.h"

/* GTK 4.8 has no gtk_column_view_scroll_to (4.12): its inner list view
 * has the "list.scroll-to-item" action. */
void
td_column_view_scroll_to (GtkColumnView *view, guint position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

GtkListItemFactory *
td_column_view_factory_new (gpointer owner, GCallback setup, GCallback bind, GCallback unbind,
                            gpointer data)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "td-owner", owner);
  g_signal_connect (factory, "setup", setup, data);
  g_signal_connect (factory, "bind", bind, data);
  if (unbind != NULL)
    g_signal_connect (factory, "unbind", unbind, data);
  return factory;
}

GtkColumnViewColumn *
td_column_view_append (GtkColumnView *view, const char *title, GtkListItemFactory *factory,
                       gboolean expand, int fixed_width)
{
  GtkColumnViewColumn *column = gtk_column_view_column_new (title, factory);

  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (column, fixed_width);
  gtk_column_view_append_column (view, column);
  g_object_unref (column);
  return column;
}

GtkColumnViewColumn *
td_column_view_add_column (GtkColumnView *view, const char *title, gboolean expand, int fixed_width,
                           gpointer owner, GCallback setup, GCallback bind, GCallback unbind,
                           gpointer data)
{
  return td_column_view_append (view, title,
                                td_column_view_factory_new (owner, setup, bind, unbind, data),
                                expand, fixed_width);
}

gpointer
td_column_view_factory_owner (GtkSignalListItemFactory *factory)
{
  return g_object_get_data (G_OBJECT (factory), "td-owner");
}
