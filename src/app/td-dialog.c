/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What every dialog shares: shown over the window it came from, and Tab in
 * reading order.
 *
 * GTK moves Tab by position.  In a message dialog of libadwaita 1.2 the
 * responses are read from the left, so Tab from the last field lands on
 * "Cancel" before the main button; in a window whose buttons are in the
 * header bar it wraps to "Cancel" at the top left.  A clerk fills the
 * fields, then looks for the button that does it: here Tab goes from the
 * fields to the main button, then to the others, then back to the first
 * field (Shift+Tab the other way).  Among the fields GTK's own order is
 * kept; only its steps onto and off the buttons are redirected. */
#include "config.h"

#include "td-dialog.h"

#include <glib/gi18n.h>

#define BUTTONS_KEY "td-dialog-buttons"

static gboolean
can_take_focus (GtkWidget *widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_is_sensitive (widget)
         && gtk_widget_get_focusable (widget);
}

/* The buttons in Tab order, main one first: the ones given to
 * td_dialog_set_buttons, or a message dialog's responses (the default,
 * then the others from the right, as they stand stacked when narrow). */
static GPtrArray *
dialog_buttons (GtkWindow *dialog)
{
  GPtrArray *given = g_object_get_data (G_OBJECT (dialog), BUTTONS_KEY);
  GtkWidget *main_button = gtk_window_get_default_widget (dialog);
  GPtrArray *buttons;

  if (given != NULL)
    return g_ptr_array_ref (given);
  if (!ADW_IS_MESSAGE_DIALOG (dialog) || main_button == NULL)
    return NULL;
  buttons = g_ptr_array_new ();
  g_ptr_array_add (buttons, main_button);
  for (GtkWidget *child = gtk_widget_get_last_child (gtk_widget_get_parent (main_button));
       child != NULL; child = gtk_widget_get_prev_sibling (child))
    if (child != main_button && GTK_IS_BUTTON (child))
      g_ptr_array_add (buttons, child);
  return buttons;
}

static gint
button_index (GPtrArray *buttons, GtkWidget *focus)
{
  for (guint i = 0; focus != NULL && i < buttons->len; i++)
    if (focus == g_ptr_array_index (buttons, i)
        || gtk_widget_is_ancestor (focus, g_ptr_array_index (buttons, i)))
      return (gint)i;
  return -1;
}

/* From @from (excluded) on in @step, the first button that takes the
 * focus; FALSE when there is none. */
static gboolean
focus_button (GPtrArray *buttons, gint from, gint step)
{
  for (gint i = from + step; i >= 0 && i < (gint)buttons->len; i += step)
    if (can_take_focus (g_ptr_array_index (buttons, i)))
      return gtk_widget_grab_focus (g_ptr_array_index (buttons, i));
  return FALSE;
}

static GtkWidget *
focus_of (GtkWindow *dialog)
{
  return gtk_root_get_focus (GTK_ROOT (dialog));
}

/* Past the last button: the first field (the last one going back), in
 * GTK's order from the window's edge, buttons skipped. */
static void
focus_fields (GtkWindow *dialog, GPtrArray *buttons, GtkDirectionType direction)
{
  GtkWidget *first_seen = NULL;

  gtk_window_set_focus (dialog, NULL);
  while (gtk_widget_child_focus (GTK_WIDGET (dialog), direction))
    {
      GtkWidget *focus = focus_of (dialog);

      if (focus == NULL || button_index (buttons, focus) < 0)
        return;
      if (focus == first_seen)
        break;
      if (first_seen == NULL)
        first_seen = focus;
    }
  /* Nothing but buttons: around them. */
  if (direction == GTK_DIR_TAB_FORWARD)
    focus_button (buttons, -1, 1);
  else
    focus_button (buttons, buttons->len, -1);
}

static void
move_focus (GtkWindow *dialog, GPtrArray *buttons, GtkDirectionType direction)
{
  gint step = direction == GTK_DIR_TAB_FORWARD ? 1 : -1;
  gint index = button_index (buttons, focus_of (dialog));

  if (index >= 0)
    {
      if (!focus_button (buttons, index, step))
        focus_fields (dialog, buttons, direction);
      return;
    }
  gtk_widget_child_focus (GTK_WIDGET (dialog), direction);
  if (button_index (buttons, focus_of (dialog)) < 0)
    return;
  /* GTK stepped onto a button: the fields are done, the main one comes
   * first (last, going back). */
  if (direction == GTK_DIR_TAB_FORWARD)
    focus_button (buttons, -1, 1);
  else
    focus_button (buttons, buttons->len, -1);
}

static gboolean
on_key_pressed (GtkEventControllerKey *key, guint keyval, guint keycode, GdkModifierType state,
                GtkWindow *dialog)
{
  g_autoptr (GPtrArray) buttons = NULL;
  GtkWidget *focus = focus_of (dialog);
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (key));
  GtkDirectionType direction;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  if (keyval == GDK_KEY_ISO_Left_Tab)
    direction = GTK_DIR_TAB_BACKWARD;
  else if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab)
    direction = (state & GDK_SHIFT_MASK) ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD;
  else
    return FALSE;
  /* A popover of the dialog (an editor, a menu) has its own Tab, and a
   * text view that takes Tab keeps it. */
  if (event != NULL && gdk_event_get_surface (event) != NULL
      && gdk_event_get_surface (event) != gtk_native_get_surface (GTK_NATIVE (dialog)))
    return FALSE;
  if (GTK_IS_TEXT_VIEW (focus) && gtk_text_view_get_accepts_tab (GTK_TEXT_VIEW (focus)))
    return FALSE;
  buttons = dialog_buttons (dialog);
  if (buttons == NULL || buttons->len == 0)
    return FALSE;
  move_focus (dialog, buttons, direction);
  gtk_window_set_focus_visible (dialog, TRUE);
  return TRUE;
}

static void
order_tab (GtkWindow *dialog)
{
  GtkEventController *key;

  if (g_object_get_data (G_OBJECT (dialog), "td-dialog-tab") != NULL)
    return;
  key = gtk_event_controller_key_new ();
  /* Before GTK's own Tab binding of the window, which runs last. */
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed), dialog);
  gtk_widget_add_controller (GTK_WIDGET (dialog), key);
  g_object_set_data (G_OBJECT (dialog), "td-dialog-tab", key);
}

/* Enter in any field of a message dialog answers with its default
 * response (when it is enabled): a number in a spin button and an entry
 * row's text do not do it by themselves.  A row that only holds a number
 * lets the focus go straight to it: Tab from "Năm" reaches the main
 * button at once, not the row first. */
static void
activate_default_from (GtkWidget *widget)
{
  if (GTK_IS_TEXT (widget))
    gtk_text_set_activates_default (GTK_TEXT (widget), TRUE);
  if (ADW_IS_ACTION_ROW (widget)
      && GTK_IS_SPIN_BUTTON (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (widget))))
    gtk_widget_set_focusable (widget, FALSE);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    activate_default_from (child);
}

static void
on_realize (GtkWidget *dialog)
{
  GtkWidget *form = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));

  if (form != NULL)
    activate_default_from (form);
}

GtkWidget *
td_message_dialog_new (GtkWidget *from, const char *heading, const char *body)
{
  GtkRoot *root = from ? gtk_widget_get_root (from) : NULL;
  GtkWidget *dialog
      = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);

  order_tab (GTK_WINDOW (dialog));
  /* Before it is mapped, where the first field takes the focus. */
  g_signal_connect (dialog, "realize", G_CALLBACK (on_realize), NULL);
  return dialog;
}

void
td_message_dialog_add_choice (GtkWidget *dialog, const char *response, const char *label,
                              AdwResponseAppearance appearance, gboolean enter_cancels)
{
  AdwMessageDialog *message = ADW_MESSAGE_DIALOG (dialog);

  adw_message_dialog_add_responses (message, "cancel", _ ("_Cancel"), response, label, NULL);
  adw_message_dialog_set_response_appearance (message, response, appearance);
  adw_message_dialog_set_default_response (message, enter_cancels ? "cancel" : response);
  adw_message_dialog_set_close_response (message, "cancel");
}

void
td_message_dialog_set_scrolled_child (GtkWidget *dialog, GtkWidget *child, int max_height)
{
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());

  gtk_scrolled_window_set_policy (scrolled, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (scrolled, TRUE);
  gtk_scrolled_window_set_max_content_height (scrolled, max_height);
  gtk_scrolled_window_set_child (scrolled, child);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), GTK_WIDGET (scrolled));
}

void
td_dialog_class_add_keys (GtkWidgetClass *widget_class, const TdDialogKey *keys, gsize n_keys)
{
  for (gsize i = 0; i < n_keys; i++)
    gtk_widget_class_add_binding_action (widget_class, keys[i].keyval, keys[i].mods,
                                         keys[i].action_name, NULL);
}

void
td_dialog_set_buttons (GtkWindow *dialog, GtkWidget *first, ...)
{
  GPtrArray *buttons = g_ptr_array_new ();
  va_list args;

  va_start (args, first);
  for (GtkWidget *button = first; button != NULL; button = va_arg (args, GtkWidget *))
    g_ptr_array_add (buttons, button);
  va_end (args);
  g_object_set_data_full (G_OBJECT (dialog), BUTTONS_KEY, buttons,
                          (GDestroyNotify)g_ptr_array_unref);
  order_tab (dialog);
}

GtkFileFilter *
td_file_chooser_add_filter (gpointer chooser, const char *name, const char *patterns)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_auto (GStrv) list = g_strsplit (patterns, " ", -1);

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; list[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, list[i]);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  return filter;
}
