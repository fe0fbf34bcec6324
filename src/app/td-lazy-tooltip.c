/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tooltips given on demand: see td-lazy-tooltip.h for why. */
#include "config.h"

#include "td-lazy-tooltip.h"

static GQuark
text_quark (void)
{
  static GQuark quark;

  if (quark == 0)
    quark = g_quark_from_static_string ("td-lazy-tooltip");
  return quark;
}

static gboolean
on_query_tooltip (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip,
                  gpointer data)
{
  const char *text = td_lazy_tooltip_get (widget);

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

void
td_lazy_tooltip_set (GtkWidget *widget, const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (g_strcmp0 (td_lazy_tooltip_get (widget), text && *text ? text : NULL) == 0)
    return;
  if (g_object_get_qdata (G_OBJECT (widget), g_quark_from_static_string ("td-lazy-tooltip-on"))
      == NULL)
    {
      g_object_set_qdata (G_OBJECT (widget), g_quark_from_static_string ("td-lazy-tooltip-on"),
                          GINT_TO_POINTER (1));
      g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
      gtk_widget_set_has_tooltip (widget, TRUE);
    }
  g_object_set_qdata_full (G_OBJECT (widget), text_quark (), text && *text ? g_strdup (text) : NULL,
                           g_free);
}

const char *
td_lazy_tooltip_get (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  return g_object_get_qdata (G_OBJECT (widget), text_quark ());
}
