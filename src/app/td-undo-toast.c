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
  TdDbSteps undo;
  gpointer data;
  GDestroyNotify data_free;
  gint64 created;  /* monotonic µs */
  gboolean undone; /* by Ctrl+Z: the button does nothing more */
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

  if (u->undone)
    return;
  u->undone = TRUE;
  if (u->db == NULL || td_db_transaction (u->db, u->undo, u->data, &error))
    return;
  if (u->owner != NULL)
    td_window_show_error (u->owner, _ ("Could not undo the deletion"), error);
  else
    g_warning ("Undo failed: %s", error ? error->message : "?");
}

/* The window's last undo toast, while it is shown. */
#define LATEST_KEY "td-undo-toast-latest"
#define UNDO_KEY "td-undo-toast-undo"

static void
on_dismissed (AdwToast *toast, GtkWidget *root)
{
  if (g_object_get_data (G_OBJECT (root), LATEST_KEY) == toast)
    g_object_set_data (G_OBJECT (root), LATEST_KEY, NULL);
  g_signal_handlers_disconnect_by_func (toast, on_dismissed, root);
}

static void
remember_latest (AdwToast *toast, GtkWidget *owner)
{
  GtkWidget *root = owner ? GTK_WIDGET (gtk_widget_get_root (owner)) : NULL;

  if (root == NULL)
    return;
  /* Held by the window until the toast goes: its Undo keeps its data. */
  g_object_set_data_full (G_OBJECT (root), LATEST_KEY, g_object_ref (toast), g_object_unref);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_dismissed), root, 0);
}

/* A toast's slide-in, with some margin (SHOW_DURATION in libadwaita). */
#define SLIDE_IN_MS 400

typedef struct
{
  AdwToast *toast;
  GWeakRef root;
} Later;

static void
later_free (gpointer data)
{
  Later *later = data;

  g_object_unref (later->toast);
  g_weak_ref_clear (&later->root);
  g_free (later);
}

/* Only while its window is still there: a closed window's overlay is gone. */
static gboolean
dismiss_later (gpointer data)
{
  Later *later = data;
  g_autoptr (GtkWidget) root = g_weak_ref_get (&later->root);

  if (root != NULL && gtk_widget_get_visible (root))
    adw_toast_dismiss (later->toast);
  return G_SOURCE_REMOVE;
}

gboolean
td_undo_toast_undo_latest (GtkWidget *widget)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (widget));
  g_autoptr (AdwToast) toast = NULL;
  Undo *u;
  gint64 age_ms;

  if (root == NULL || g_object_get_data (G_OBJECT (root), LATEST_KEY) == NULL)
    return FALSE;
  toast = g_object_ref (g_object_get_data (G_OBJECT (root), LATEST_KEY));
  g_object_set_data (G_OBJECT (root), LATEST_KEY, NULL);
  u = g_object_get_data (G_OBJECT (toast), UNDO_KEY);
  on_undo_clicked (toast, u);
  if (td_window_withdraw_message (root, toast))
    return TRUE;
  /* libadwaita 1.2 crashes later when a toast is dismissed while it still
   * slides in (300 ms): one that young goes once it is in place. */
  age_ms = (g_get_monotonic_time () - u->created) / 1000;
  if (age_ms >= SLIDE_IN_MS)
    adw_toast_dismiss (toast);
  else
    {
      Later *later = g_new0 (Later, 1);

      later->toast = g_object_ref (toast);
      g_weak_ref_init (&later->root, root);
      g_timeout_add_full (G_PRIORITY_DEFAULT, SLIDE_IN_MS - age_ms, dismiss_later, later,
                          later_free);
    }
  return TRUE;
}

void
td_undo_toast_undo_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  if (!td_undo_toast_undo_latest (widget))
    gtk_widget_error_bell (widget);
}

AdwToast *
td_undo_toast_new (GtkWidget *owner, const char *title, TdDb *db, TdDbSteps undo, gpointer data,
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
  u->created = g_get_monotonic_time ();
  adw_toast_set_button_label (toast, _ ("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_clicked), u, undo_free, 0);
  g_object_set_data (G_OBJECT (toast), UNDO_KEY, u);
  remember_latest (toast, owner);
  return toast;
}
