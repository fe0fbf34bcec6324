/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The toast that offers Undo after a deletion (see td-undo-toast.h). */
#include "config.h"

#include "td-undo-toast.h"
#include "td-window.h"

#include <glib/gi18n.h>

typedef struct
{
  GtkWidget *owner; /* weak */
  TdDb *db;         /* weak */
  TdUndoFunc undo;
  gpointer data;
  GDestroyNotify data_free;
} Undo;

static void
undo_free (gpointer data, GClosure *closure)
{
  Undo *u = data;

  g_clear_weak_pointer (&u->owner);
  g_clear_weak_pointer (&u->db);
  if (u->data_free != NULL)
    u->data_free (u->data);
  g_free (u);
}

static void
on_undo_clicked (AdwToast *toast, Undo *u)
{
  g_autoptr (GError) error = NULL;

  if (u->db == NULL || u->undo (u->db, u->data, &error))
    return;
  if (u->owner != NULL)
    td_window_show_error (u->owner, _ ("Could not undo the deletion"), error);
  else
    g_warning ("Undo failed: %s", error ? error->message : "?");
}

AdwToast *
td_undo_toast_new (GtkWidget *owner, const char *title, TdDb *db, TdUndoFunc undo, gpointer data,
                   GDestroyNotify data_free)
{
  /* A toast's title is markup: a name with "&" or "<" must stay text. */
  g_autofree gchar *escaped = g_markup_escape_text (title, -1);
  AdwToast *toast = adw_toast_new (escaped);
  Undo *u = g_new0 (Undo, 1);

  g_set_weak_pointer (&u->owner, owner);
  g_set_weak_pointer (&u->db, db);
  u->undo = undo;
  u->data = data;
  u->data_free = data_free;
  adw_toast_set_button_label (toast, _ ("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_clicked), u, undo_free, 0);
  return toast;
}
