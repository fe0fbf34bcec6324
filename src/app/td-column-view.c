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
