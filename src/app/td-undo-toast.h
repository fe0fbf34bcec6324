/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The toast that offers Undo after a deletion: every delete of the window
 * is saved at once and can be taken back from it. */
#pragma once

#include <adwaita.h>

#include "td-db.h"

G_BEGIN_DECLS

/* A toast saying @title (text, not markup) with an Undo button that
 * brings back into @db what was deleted: @undo (@db, @data), in one
 * transaction (all of it comes back or none of it).  Show it with
 * td_window_toast (@owner, …).  @db is held weakly: a database closed
 * meanwhile is not kept open, and its Undo then does nothing.  An Undo
 * that fails is reported in @owner's window.  @data_free frees @data when
 * the toast goes. */
AdwToast *td_undo_toast_new (GtkWidget *owner, const char *title, TdDb *db, TdDbSteps undo,
                             gpointer data, GDestroyNotify data_free);

/* Takes back the deletion of the last undo toast shown in @widget's window
 * while that toast is still shown, as its button would, and dismisses it
 * (Ctrl+Z in a section that deletes with an undo toast).  FALSE when
 * there is none. */
gboolean td_undo_toast_undo_latest (GtkWidget *widget);
/* A section's "undo-delete" action: td_undo_toast_undo_latest, or the
 * error bell when nothing is left to undo. */
void td_undo_toast_undo_action (GtkWidget *widget, const char *action_name, GVariant *param);

G_END_DECLS
