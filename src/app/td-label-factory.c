/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Drop-downs whose items are long names (a rule kind, "5 · a1 Tham mưu
 * UBND huyện ban hành…"): GTK's own factory shows them on one line as wide
 * as they are, and a narrow column then cuts them with no way to read the
 * rest.  These labels wrap, or end in "…" with the whole name on hover. */
#include "config.h"

#include "td-label-factory.h"

static void
setup_label (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  GtkWidget *label = gtk_label_new (NULL);
  gboolean wrap = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "wrap"));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (label),
                                 GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "width")));
  if (wrap)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    }
  else
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_label (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *text = gtk_string_object_get_string (gtk_list_item_get_item (item));

  gtk_label_set_text (GTK_LABEL (label), text);
  if (gtk_label_get_ellipsize (GTK_LABEL (label)) != PANGO_ELLIPSIZE_NONE)
    gtk_widget_set_tooltip_text (label, text);
}

GtkListItemFactory *
td_label_factory_new (gboolean wrap, int max_width_chars)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "wrap", GINT_TO_POINTER (wrap));
  g_object_set_data (G_OBJECT (factory), "width", GINT_TO_POINTER (max_width_chars));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_label), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label), NULL);
  return factory;
}
