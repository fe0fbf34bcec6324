/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A form in a window of its own (see td-form-window.h): what the unit and
 * the campaign forms share, so that each keeps only its fields. */
#include "config.h"

#include "td-form-window.h"
#include "td-dialog.h"
#include "td-window.h"

typedef struct
{
  TdDb *database;
  gint64 bloc_year_id;
  gint64 id;
} TdFormWindowPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (TdFormWindow, td_form_window, ADW_TYPE_WINDOW)

static void
save (TdFormWindow *self)
{
  TD_FORM_WINDOW_GET_CLASS (self)->save (self);
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  save (TD_FORM_WINDOW (widget));
}

/* Enter in any field saves, as in other GNOME forms. */
static void
on_field_activate (GtkText *text, TdFormWindow *self)
{
  save (self);
}

static void
save_on_enter (TdFormWindow *self, GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_ENTRY_ROW (child))
        g_signal_connect (gtk_editable_get_delegate (GTK_EDITABLE (child)), "activate",
                          G_CALLBACK (on_field_activate), self);
      else
        save_on_enter (self, child);
    }
}

void
td_form_window_set_buttons (TdFormWindow *self, GtkWidget *save_button, GtkWidget *cancel_button)
{
  td_dialog_set_buttons (GTK_WINDOW (self), save_button, cancel_button, NULL);
  save_on_enter (self, GTK_WIDGET (self));
}

void
td_form_window_set_record (TdFormWindow *self, TdDb *db, gint64 bloc_year_id, gint64 id)
{
  TdFormWindowPrivate *priv = td_form_window_get_instance_private (self);

  g_set_object (&priv->database, db);
  priv->bloc_year_id = bloc_year_id;
  priv->id = id;
}

TdDb *
td_form_window_get_database (TdFormWindow *self)
{
  TdFormWindowPrivate *priv = td_form_window_get_instance_private (self);

  return priv->database;
}

gint64
td_form_window_get_bloc_year_id (TdFormWindow *self)
{
  TdFormWindowPrivate *priv = td_form_window_get_instance_private (self);

  return priv->bloc_year_id;
}

gint64
td_form_window_get_id (TdFormWindow *self)
{
  TdFormWindowPrivate *priv = td_form_window_get_instance_private (self);

  return priv->id;
}

gboolean
td_form_window_close_if_saved (TdFormWindow *self, gboolean ok, const GError *error,
                               const char *failed)
{
  if (!ok)
    {
      td_window_show_error (GTK_WIDGET (self), failed, error);
      return FALSE;
    }
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
td_form_window_dispose (GObject *object)
{
  TdFormWindow *self = TD_FORM_WINDOW (object);
  TdFormWindowPrivate *priv = td_form_window_get_instance_private (self);

  g_clear_object (&priv->database);
  /* The subclass's template: each form has one and nothing else to let go. */
  gtk_widget_dispose_template (GTK_WIDGET (self), G_OBJECT_TYPE (self));
  G_OBJECT_CLASS (td_form_window_parent_class)->dispose (object);
}

static void
td_form_window_class_init (TdFormWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_form_window_dispose;
  gtk_widget_class_install_action (widget_class, "form.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
td_form_window_init (TdFormWindow *self)
{
}
