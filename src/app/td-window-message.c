/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Messages too long for a toast.
 *
 * A toast shows one line and cuts the rest ("…thi đua”. (c…"): a refusal
 * that names the field and what is allowed would lose exactly the part
 * that says what to do.  libadwaita 1.2 has no AdwBanner, so such a
 * message goes to a bar under the window's header instead: wrapped, whole,
 * selectable, with the toast's button (Undo, Show…) if it had one, until
 * closed or replaced.  From a dialog (the main window may be hidden behind
 * it) it comes as a message dialog over that dialog. */
#include "config.h"

#include "td-window-private.h"
#include "td-dialog.h"
#include "td-template.h"

#include <glib/gi18n.h>
#include <string.h>

/* What a toast leaves around its title: its margins and padding, the
 * close button, and its own button when it has one. */
#define TOAST_FRAME 120
#define TOAST_BUTTON 110

static TdWindow *
main_window_of (GtkWidget *from)
{
  GtkRoot *root = gtk_widget_get_root (from);

  while (root != NULL && !TD_IS_WINDOW (root))
    {
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (root));

      root = parent ? GTK_ROOT (parent) : NULL;
    }
  return root ? TD_WINDOW (root) : NULL;
}

gboolean
td_window_message_too_long (GtkWidget *from, AdwToast *toast)
{
  const char *title = adw_toast_get_title (toast);
  const char *button = adw_toast_get_button_label (toast);
  TdWindow *window = main_window_of (from);
  GtkWidget *probe;
  int width, room;

  if (title == NULL || window == NULL)
    return FALSE;
  if (strchr (title, '\n') != NULL)
    return TRUE;
  /* The toast's title is one line of a "heading" label, at most the
   * window wide less the toast's frame: measured as such a label. */
  probe = g_object_ref_sink (gtk_label_new (NULL));
  gtk_widget_add_css_class (probe, "heading");
  gtk_label_set_markup (GTK_LABEL (probe), title);
  gtk_widget_measure (probe, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
  g_object_unref (probe);
  room = gtk_widget_get_width (GTK_WIDGET (window)) - TOAST_FRAME
         - (button != NULL && *button != '\0' ? TOAST_BUTTON : 0);
  return width > room;
}

void
td_window_close_message (TdWindow *self)
{
  g_autoptr (AdwToast) toast = g_steal_pointer (&self->message_toast);

  td_window_reveal (self->message_revealer, FALSE);
  /* Whoever waits for the toast to go (an Undo kept until then) hears it.
   * adw_toast_dismiss() does nothing for a toast no overlay holds. */
  if (toast != NULL)
    g_signal_emit_by_name (toast, "dismissed");
}

gboolean
td_window_withdraw_message (GtkWidget *from, AdwToast *toast)
{
  TdWindow *self = main_window_of (from);

  if (self == NULL || toast == NULL || self->message_toast != toast)
    return FALSE;
  td_window_close_message (self);
  return TRUE;
}

static void
on_message_button_clicked (TdWindow *self)
{
  g_autoptr (AdwToast) toast = self->message_toast ? g_object_ref (self->message_toast) : NULL;
  const char *action;

  if (toast == NULL)
    return;
  action = adw_toast_get_action_name (toast);
  if (action != NULL)
    gtk_widget_activate_action_variant (GTK_WIDGET (self), action,
                                        adw_toast_get_action_target_value (toast));
  g_signal_emit_by_name (toast, "button-clicked");
  td_window_close_message (self);
}

static void
show_over_dialog (GtkWindow *dialog, AdwToast *toast)
{
  g_autofree gchar *text = NULL;
  GtkWidget *message;

  if (!pango_parse_markup (adw_toast_get_title (toast), -1, 0, NULL, &text, NULL, NULL))
    text = g_strdup (adw_toast_get_title (toast));
  message = td_message_dialog_new (GTK_WIDGET (dialog), NULL, text);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _ ("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (message), "close");
  gtk_window_present (GTK_WINDOW (message));
  /* Never in an overlay: its listeners hear it gone, as in
   * td_window_close_message(). */
  g_signal_emit_by_name (toast, "dismissed");
  g_object_unref (toast);
}

void
td_window_show_message (GtkWidget *from, AdwToast *toast)
{
  GtkRoot *root = gtk_widget_get_root (from);
  TdWindow *self = main_window_of (from);
  const char *button;

  if (GTK_IS_WINDOW (root) && !TD_IS_WINDOW (root))
    {
      show_over_dialog (GTK_WINDOW (root), toast);
      return;
    }
  if (self == NULL)
    {
      g_object_unref (toast);
      return;
    }
  td_window_close_message (self);
  self->message_toast = toast;
  button = adw_toast_get_button_label (toast);
  gtk_label_set_markup (self->message_label, adw_toast_get_title (toast));
  gtk_widget_set_visible (self->message_button, button != NULL && *button != '\0');
  if (button != NULL)
    gtk_button_set_label (GTK_BUTTON (self->message_button), button);
  td_window_reveal (self->message_revealer, TRUE);
}

void
td_window_message_class_init (GtkWidgetClass *widget_class)
{
  td_widget_class_bind_template_children (widget_class, TdWindow, message_revealer, message_label,
                                          message_button);
  td_widget_class_bind_template_callbacks (widget_class, on_message_button_clicked,
                                           td_window_close_message);
}
