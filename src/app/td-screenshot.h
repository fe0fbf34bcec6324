/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Saving a picture of a window, for developers and tests. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean td_screenshot_save (GtkWidget *widget, const char *path, GError **error);
void td_screenshot_after_paint (GtkWidget *widget, const char *path, GCallback done,
                                gpointer user_data);

G_END_DECLS
