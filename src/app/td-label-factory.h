/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Drop-downs whose items are long names: each shown whole, wrapped, or cut
 * with the whole name on hover where the column must stay narrow. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A factory for a GtkStringList's items: labels of at most
 * @max_width_chars that wrap (@wrap) or end in "…" with the whole text as
 * their tooltip. */
GtkListItemFactory *td_label_factory_new (gboolean wrap, int max_width_chars);

G_END_DECLS
