/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "td-first-frame.h"

typedef struct
{
  GtkWidget *widget; /* not a reference: the closure is watched by it */
  TdFirstFrameFunc func;
  gulong handler;
} Pending;

static GQuark
drawn_quark (void)
{
  return g_quark_from_static_string ("td-first-frame-drawn");
}

gboolean
td_first_frame_pending (GtkWidget *widget)
{
  GdkFrameClock *clock;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  clock = gtk_widget_get_frame_clock (widget);
  /* -1 before the first frame, 0 while it is made and until the next one;
   * the callbacks below mark the clock once it is drawn. */
  return clock != NULL && gdk_frame_clock_get_frame_counter (clock) <= 0
         && g_object_get_qdata (G_OBJECT (clock), drawn_quark ()) == NULL;
}

static void
on_after_paint (GdkFrameClock *clock, Pending *pending)
{
  GtkWidget *widget = pending->widget;
  TdFirstFrameFunc func = pending->func;

  g_object_set_qdata (G_OBJECT (clock), drawn_quark (), GINT_TO_POINTER (TRUE));
  /* Frees @pending (the closure's notify): read it first. */
  g_signal_handler_disconnect (clock, pending->handler);
  func (widget);
}

static void
pending_free (gpointer data, GClosure *closure)
{
  g_free (data);
}

void
td_after_first_frame (GtkWidget *widget, TdFirstFrameFunc func)
{
  Pending *pending;
  GClosure *closure;
  GdkFrameClock *clock;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (func != NULL);
  if (!td_first_frame_pending (widget))
    {
      func (widget);
      return;
    }
  pending = g_new0 (Pending, 1);
  pending->widget = widget;
  pending->func = func;
  closure = g_cclosure_new (G_CALLBACK (on_after_paint), pending, pending_free);
  g_object_watch_closure (G_OBJECT (widget), closure);
  clock = gtk_widget_get_frame_clock (widget);
  pending->handler = g_signal_connect_closure (clock, "after-paint", closure, FALSE);
  /* Asked for from another handler of the first frame's after-paint, it
   * waits for the next frame, which it requests. */
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
}

static void
create_popup (GtkMenuButton *button, gpointer model)
{
  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, model);
}

void
td_menu_button_set_menu_when_opened (GtkMenuButton *button, GMenuModel *model)
{
  g_return_if_fail (GTK_IS_MENU_BUTTON (button));
  g_return_if_fail (G_IS_MENU_MODEL (model));
  gtk_menu_button_set_create_popup_func (button, create_popup, g_object_ref (model),
                                         g_object_unref);
}
