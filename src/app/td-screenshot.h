/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Saving a picture of a window, for developers and tests. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean td_screenshot_save (GtkWidget *widget, const char *path, GError **error);
/* Called once the picture is saved, with how long after the start of the
 * process the widget's first frame was drawn (-1 when unknown); @path is
 * NULL when the picture could not be saved (the reason is on stderr). */
typedef void (*TdScreenshotDone) (const char *path, gdouble first_frame_ms, gpointer user_data);

void td_screenshot_after_paint (GtkWidget *widget, const char *path, TdScreenshotDone done,
                                gpointer user_data);

G_END_DECLS
