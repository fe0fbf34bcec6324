/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The campaign form: name, kind, theme, slogan and its window.  The core
 * checks it (empty name, dates, end before start); the message is shown
 * under the field and the form stays open with what was typed. */
#include "config.h"

#include "td-campaign-dialog.h"
#include "td-date.h"
#include "td-form.h"
#include "td-form-window.h"
#include "td-campaign.h"
#include "td-registry.h"
#include "td-template.h"

#include <glib/gi18n.h>

struct _TdCampaignDialog
{
  TdFormWindow parent_instance;

  GtkWidget *save_button;
  GtkWidget *cancel_button;

  AdwWindowTitle *window_title;
  AdwEntryRow *name_row;
  GtkLabel *name_error;
  AdwComboRow *kind_row;
  AdwEntryRow *theme_row;
  AdwEntryRow *slogan_row;
  AdwEntryRow *starts_row;
  AdwEntryRow *ends_row;
  GtkLabel *date_error;
  AdwEntryRow *notes_row;
};

G_DEFINE_FINAL_TYPE (TdCampaignDialog, td_campaign_dialog, TD_TYPE_FORM_WINDOW)

static gboolean
td_campaign_dialog_save (TdFormWindow *form)
{
  TdCampaignDialog *self = TD_CAMPAIGN_DIALOG (form);
  TdDb *db = td_form_window_get_database (form);
  g_autoptr (TdCampaign) c = td_campaign_new ();
  g_autoptr (GError) error = NULL;
  gboolean ok;

  td_form_show_field_error (GTK_WIDGET (self->name_row), self->name_error, NULL);
  td_form_show_field_error (GTK_WIDGET (self->starts_row), self->date_error, NULL);
  td_form_show_field_error (GTK_WIDGET (self->ends_row), self->date_error, NULL);

  c->id = td_form_window_get_id (form);
  c->bloc_year_id = td_form_window_get_bloc_year_id (form);
  c->name = g_strdup (td_form_row_text (self->name_row));
  c->kind = (TdCampaignKind)adw_combo_row_get_selected (self->kind_row);
  c->theme = g_strdup (td_form_row_text (self->theme_row));
  c->slogan = g_strdup (td_form_row_text (self->slogan_row));
  c->notes = g_strdup (td_form_row_text (self->notes_row));
  /* A date that cannot be read is refused here, saying what is wrong. */
  if (!td_form_row_get_date (self->starts_row, self->date_error, _ ("Starts: %s"), &c->starts)
      || !td_form_row_get_date (self->ends_row, self->date_error, _ ("Ends: %s"), &c->ends))
    return FALSE;

  if (!td_campaign_check (c, &error))
    {
      /* The core checks in this order: name, start, end, end ≥ start. */
      g_autofree gchar *name = g_strstrip (g_strdup (c->name));

      if (name[0] == '\0')
        td_form_show_field_error (GTK_WIDGET (self->name_row), self->name_error, error->message);
      else if (!g_date_valid (&c->starts))
        td_form_show_field_error (GTK_WIDGET (self->starts_row), self->date_error, error->message);
      else
        td_form_show_field_error (GTK_WIDGET (self->ends_row), self->date_error, error->message);
      return FALSE;
    }
  if (c->id == 0)
    ok = td_campaign_add (db, c, &error) != 0;
  else
    ok = td_campaign_update (db, c, &error);
  return td_form_window_close_if_saved (form, ok, error, _ ("Could not save the campaign"));
}

static void
td_campaign_dialog_class_init (TdCampaignDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  TD_FORM_WINDOW_CLASS (klass)->save = td_campaign_dialog_save;
  td_widget_class_set_template (widget_class, "td-campaign-dialog.ui");
  td_widget_class_bind_template_children (
      widget_class, TdCampaignDialog, save_button, cancel_button, window_title, name_row,
      name_error, kind_row, theme_row, slogan_row, starts_row, ends_row, date_error, notes_row);
}

static void
td_campaign_dialog_init (TdCampaignDialog *self)
{
  g_autoptr (GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  td_form_window_set_buttons (TD_FORM_WINDOW (self), self->save_button, self->cancel_button);
  for (guint i = 0; i < TD_CAMPAIGN_N_KINDS; i++)
    gtk_string_list_append (kinds, td_campaign_kind_label ((TdCampaignKind)i));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
}

TdCampaignDialog *
td_campaign_dialog_new (GtkWindow *parent, TdDb *db, gint64 bloc_year_id, gint64 campaign_id)
{
  TdCampaignDialog *self = g_object_new (TD_TYPE_CAMPAIGN_DIALOG, "transient-for", parent, NULL);
  g_autoptr (TdCampaign) c = campaign_id ? td_campaign_get (db, campaign_id, NULL) : NULL;

  td_form_window_set_record (TD_FORM_WINDOW (self), db, bloc_year_id, campaign_id);
  adw_window_title_set_title (self->window_title,
                              campaign_id ? _ ("Edit Campaign") : _ ("New Campaign"));
  if (c != NULL)
    {
      g_autofree gchar *starts = td_date_to_display (&c->starts);
      g_autofree gchar *ends = td_date_to_display (&c->ends);

      td_form_row_set_text (self->name_row, c->name);
      adw_combo_row_set_selected (self->kind_row, c->kind);
      td_form_row_set_text (self->theme_row, c->theme);
      td_form_row_set_text (self->slogan_row, c->slogan);
      td_form_row_set_text (self->starts_row, starts);
      td_form_row_set_text (self->ends_row, ends);
      td_form_row_set_text (self->notes_row, c->notes);
    }
  else
    {
      g_autoptr (TdBlocYear) by = td_registry_get_bloc_year (db, bloc_year_id, NULL);
      g_autofree gchar *starts = g_strdup_printf ("01/01/%d", by ? by->year : 2024);
      g_autofree gchar *ends = g_strdup_printf ("31/12/%d", by ? by->year : 2024);

      td_form_row_set_text (self->starts_row, starts);
      td_form_row_set_text (self->ends_row, ends);
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}
