/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What can wait for the window's first frame.
 *
 * At start-up GTK builds, measures and draws everything before the clerk
 * sees anything.  Contents that would be measured and drawn for one frame
 * only to move out of sight (the lists below the fold of the Overview)
 * wait until that frame is on screen; menus are built when opened. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*TdFirstFrameFunc) (GtkWidget *widget);

/* Whether @widget is mapped in a window that has drawn no frame yet. */
gboolean td_first_frame_pending (GtkWidget *widget);

/* Calls @func (@widget) once the first frame of @widget's window is drawn,
 * from that frame's "after-paint"; at once when it is not pending
 * (td_first_frame_pending).  Nothing is called once @widget is finalized. */
void td_after_first_frame (GtkWidget *widget, TdFirstFrameFunc func);

/* Gives @button its menu when it is first opened: GTK 4.8 builds the
 * popover of a menu, a widget for every item, as soon as a menu button
 * has the menu. */
void td_menu_button_set_menu_when_opened (GtkMenuButton *button, GMenuModel *model);

G_END_DECLS
