/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What every dialog shares: shown over the window it came from, and Tab
 * in reading order (the fields, then the main button, then the others). */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* An AdwMessageDialog over the window of @from (NULL: none) whose Tab goes
 * from its fields to the default response first, then to the other
 * responses from the right. */
GtkWidget *td_message_dialog_new (GtkWidget *from, const char *heading, const char *body);

/* Gives the message dialog @dialog "Cancel", which Escape chooses, and
 * its main @response (@label, shown as @appearance), which Enter chooses
 * (Cancel instead when @enter_cancels: a change hard to take back). */
void td_message_dialog_add_choice (GtkWidget *dialog, const char *response, const char *label,
                                   AdwResponseAppearance appearance, gboolean enter_cancels);

/* Puts @child in the message dialog @dialog below its body, scrolled once
 * it is taller than @max_height. */
void td_message_dialog_set_scrolled_child (GtkWidget *dialog, GtkWidget *child, int max_height);

/* A key of a dialog's class, for a table of them: @keyval with @mods
 * activates @action_name (no argument). */
typedef struct
{
  guint keyval;
  GdkModifierType mods;
  const char *action_name;
} TdDialogKey;

/* For class_init: each key of the table @keys. */
void td_dialog_class_add_keys (GtkWidgetClass *widget_class, const TdDialogKey *keys, gsize n_keys);

/* Tab in @dialog goes from its fields to @first (its main button), then to
 * the other buttons in the order given (NULL-terminated), then back to the
 * first field; Shift+Tab the other way.  A message dialog made by
 * td_message_dialog_new does this for its responses by itself. */
void td_dialog_set_buttons (GtkWindow *dialog, GtkWidget *first, ...) G_GNUC_NULL_TERMINATED;

/* Adds to @chooser (a GtkFileChooser) a filter named @name for the
 * space-separated @patterns ("*.csv *.txt"); returns it (the chooser's)
 * for anything more. */
GtkFileFilter *td_file_chooser_add_filter (gpointer chooser, const char *name,
                                           const char *patterns);

G_END_DECLS
