/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The toast that offers Undo after a deletion: every delete of the window
 * is saved at once and can be taken back from it. */
#pragma once

#include <adwaita.h>

#include "td-db.h"

G_BEGIN_DECLS

/* Brings back into @db what was deleted, from @data. */
typedef gboolean (*TdUndoFunc) (TdDb *db, gpointer data, GError **error);

/* A toast saying @title (text, not markup) with an Undo button that calls
 * @undo (@db, @data); show it with td_window_toast (@owner, …).  @db is
 * held weakly: a database closed meanwhile is not kept open, and its Undo
 * then does nothing.  An Undo that fails is reported in @owner's window.
 * @data_free frees @data when the toast goes. */
AdwToast *td_undo_toast_new (GtkWidget *owner, const char *title, TdDb *db, TdUndoFunc undo,
                             gpointer data, GDestroyNotify data_free);

G_END_DECLS
