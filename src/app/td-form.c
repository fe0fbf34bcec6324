/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What every form of the window shares.
 *
 * A form refuses bad input where it is typed: the message names the field
 * and what is allowed, the main button stays disabled while the input is
 * refused, and nothing typed is lost.  The unit and campaign forms are
 * windows of their own; the registry's smaller forms (rename, retire,
 * merge, a new year, a new bloc, a target…) are built here inside an
 * AdwMessageDialog. */
#include "config.h"

#include "td-form.h"
#include "td-date.h"
#include "td-window.h"
#include "td-dialog.h"

#include <glib/gi18n.h>

const char *
td_form_row_text (gpointer editable_row)
{
  return gtk_editable_get_text (GTK_EDITABLE (editable_row));
}

void
td_form_row_set_text (gpointer editable_row, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable_row), text ? text : "");
}

void
td_form_show_field_error (GtkWidget *row, GtkLabel *label, const char *message)
{
  gtk_label_set_text (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
  if (message == NULL)
    {
      gtk_widget_remove_css_class (row, "error");
      return;
    }
  gtk_widget_add_css_class (row, "error");
  gtk_widget_grab_focus (row);
}

gboolean
td_form_row_get_date (gpointer editable_row, GtkLabel *label, const char *message_format,
                      GDate *date)
{
  const char *text = td_form_row_text (editable_row);
  g_autoptr (GError) error = NULL;
  g_autofree gchar *message = NULL;

  if (text[0] == '\0' || td_date_parse (text, TD_DATE_YEAR_MIN, TD_DATE_YEAR_MAX, date, &error))
    return TRUE;
    /* @message_format is a caller's translated message with one %s. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  message = g_strdup_printf (message_format, error->message);
#pragma GCC diagnostic pop
  td_form_show_field_error (GTK_WIDGET (editable_row), label, message);
  return FALSE;
}

static void
form_free (gpointer data)
{
  TdForm *form = data;

  if (form->data_free != NULL)
    form->data_free (form->data);
  g_clear_weak_pointer (&form->owner);
  g_clear_pointer (&form->checks, g_ptr_array_unref);
  g_free (form->response);
  g_free (form);
}

TdForm *
td_form_new (GtkWidget *owner, const char *heading, const char *body, const char *response,
             const char *response_label)
{
  TdForm *form = g_new0 (TdForm, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  g_set_weak_pointer (&form->owner, owner);
  form->response = g_strdup (response);
  form->dialog = td_message_dialog_new (owner, heading, body);
  td_message_dialog_add_choice (form->dialog, response, response_label, ADW_RESPONSE_SUGGESTED,
                                FALSE);
  form->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (form->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (form->list, "boxed-list");
  form->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (form->error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (form->error_label), 0);
  gtk_widget_add_css_class (form->error_label, "error");
  gtk_widget_set_visible (form->error_label, FALSE);
  gtk_box_append (GTK_BOX (box), form->list);
  gtk_box_append (GTK_BOX (box), form->error_label);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (form->dialog), box);
  g_object_set_data_full (G_OBJECT (form->dialog), "td-form", form, form_free);
  return form;
}

GtkWidget *
td_form_add_entry (TdForm *form, const char *title, const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  td_form_row_set_text (row, text);
  gtk_list_box_append (GTK_LIST_BOX (form->list), row);
  return row;
}

GtkWidget *
td_form_add_spin (TdForm *form, const char *title, gint value, gint min, gint max)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, 1);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  gtk_list_box_append (GTK_LIST_BOX (form->list), row);
  return spin;
}

GtkWidget *
td_form_add_combo (TdForm *form, const char *title, GListModel *model, guint selected)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* The choice is written under the title, where a unit's whole name
   * ("Sở Thông tin và Truyền thông") has the row's width, not cut beside
   * the title in the dialog's narrow width. */
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), model);
  if (selected != GTK_INVALID_LIST_POSITION)
    adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  gtk_list_box_append (GTK_LIST_BOX (form->list), row);
  return row;
}

const char *
td_form_text (TdForm *form, guint entry)
{
  return td_form_row_text (form->entries[entry]);
}

void
td_form_set_error (TdForm *form, const GError *error)
{
  gtk_label_set_text (GTK_LABEL (form->error_label), error ? error->message : "");
  gtk_widget_set_visible (form->error_label, error != NULL);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (form->dialog), form->response,
                                           error == NULL);
}

static void
on_response (AdwMessageDialog *dialog, const char *response, TdForm *form)
{
  /* The owner goes when its section is rebuilt or the window closes. */
  if (g_strcmp0 (response, form->response) == 0 && form->owner != NULL)
    form->accept (form);
}

void
td_form_present (TdForm *form, TdFormAccept accept)
{
  form->accept = accept;
  g_signal_connect (form->dialog, "response", G_CALLBACK (on_response), form);
  gtk_window_present (GTK_WINDOW (form->dialog));
}

void
td_form_report (TdForm *form, gboolean ok, const GError *error, const char *failed,
                const char *done)
{
  if (form->owner == NULL)
    return;
  if (ok)
    td_window_toast_text (form->owner, done);
  else
    td_window_show_error (form->owner, failed, error);
}
