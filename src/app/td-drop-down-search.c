/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Word search in drop-downs (see td-drop-down-search.h).
 *
 * GTK 4.8's drop-down only filters by the start of the whole name, with
 * diacritics: "phap" never finds "Sở Tư pháp".  Its filter is kept (it
 * resets itself when an item is chosen, so positions match), but matches
 * anywhere in a key that holds the name and its folded form; its search
 * field, internal, is found among its descendants for the placeholder. */
#include "config.h"

#include "td-drop-down-search.h"
#include "td-text.h"

#include <glib/gi18n.h>

/* What the drop-down's own filter matches the typed text in: the name as
 * written, then folded ("Sở Tư pháp\nso tu phap"), so "Tư", "tư pháp",
 * "phap" and "tu phap" all find it.  @name: the drop-down's own
 * expression, evaluated on @item. */
static gchar *
search_key (GObject *item, const char *name, gpointer data)
{
  g_autofree gchar *folded = td_text_fold (name ? name : "");

  return g_strdup_printf ("%s\n%s", name ? name : "", folded);
}

static GtkWidget *
find_descendant (GtkWidget *widget, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
td_drop_down_search_words (GtkDropDown *dropdown)
{
  GtkExpression *name = gtk_drop_down_get_expression (dropdown);
  GtkWidget *entry, *list;
  GListModel *model;

  if (name == NULL)
    return;
  /* The drop-down keeps its own filter, which resets itself when an item
   * is chosen (so positions match); only what it matches in changes. */
  gtk_drop_down_set_expression (
      dropdown, gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 1,
                                             (GtkExpression *[]){ gtk_expression_ref (name) },
                                             G_CALLBACK (search_key), NULL, NULL));
  gtk_drop_down_set_enable_search (dropdown, TRUE);
  entry = find_descendant (GTK_WIDGET (dropdown), GTK_TYPE_SEARCH_ENTRY);
  list = find_descendant (GTK_WIDGET (dropdown), GTK_TYPE_LIST_VIEW);
  /* Translators: the placeholder of the search field of a drop-down list */
  if (entry != NULL)
    g_object_set (entry, "placeholder-text", _ ("Search by any word…"), NULL);
  model = list ? G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list))) : NULL;
  if (model != NULL && GTK_IS_SINGLE_SELECTION (model))
    model = gtk_single_selection_get_model (GTK_SINGLE_SELECTION (model));
  if (model != NULL && GTK_IS_FILTER_LIST_MODEL (model)
      && GTK_IS_STRING_FILTER (gtk_filter_list_model_get_filter (GTK_FILTER_LIST_MODEL (model))))
    gtk_string_filter_set_match_mode (
        GTK_STRING_FILTER (gtk_filter_list_model_get_filter (GTK_FILTER_LIST_MODEL (model))),
        GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
}
