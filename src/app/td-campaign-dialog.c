/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The campaign form: name, kind, theme, slogan and its window.  The core
 * checks it (empty name, dates, end before start); the message is shown
 * under the field and the form stays open with what was typed. */
#include "config.h"

#include "td-campaign-dialog.h"
#include "td-date.h"
#include "td-campaign.h"
#include "td-registry.h"
#include "td-window.h"

#include <glib/gi18n.h>

struct _TdCampaignDialog
{
  AdwWindow parent_instance;

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

  TdDb *database;
  gint64 bloc_year_id;
  gint64 campaign_id;
};

G_DEFINE_FINAL_TYPE (TdCampaignDialog, td_campaign_dialog, ADW_TYPE_WINDOW)

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
set_text (AdwEntryRow *row, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static void
show_error (GtkLabel *label, GtkWidget *row, const char *message)
{
  gtk_label_set_text (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
  if (row != NULL && message != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_grab_focus (row);
    }
}

gboolean
td_campaign_dialog_save (TdCampaignDialog *self)
{
  g_autoptr (TdCampaign) c = td_campaign_new ();
  g_autoptr (GError) error = NULL;
  gboolean ok;

  show_error (self->name_error, NULL, NULL);
  show_error (self->date_error, NULL, NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->starts_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->ends_row), "error");

  c->id = self->campaign_id;
  c->bloc_year_id = self->bloc_year_id;
  c->name = g_strdup (text_of (self->name_row));
  c->kind = (TdCampaignKind)adw_combo_row_get_selected (self->kind_row);
  c->theme = g_strdup (text_of (self->theme_row));
  c->slogan = g_strdup (text_of (self->slogan_row));
  c->notes = g_strdup (text_of (self->notes_row));
  /* A date that cannot be read is refused here, saying what is wrong. */
  if (!td_date_parse (text_of (self->starts_row), TD_DATE_YEAR_MIN, TD_DATE_YEAR_MAX, &c->starts,
                      &error)
      && *text_of (self->starts_row) != '\0')
    {
      g_autofree gchar *message = g_strdup_printf (_ ("Starts: %s"), error->message);

      show_error (self->date_error, GTK_WIDGET (self->starts_row), message);
      return FALSE;
    }
  g_clear_error (&error);
  if (!td_date_parse (text_of (self->ends_row), TD_DATE_YEAR_MIN, TD_DATE_YEAR_MAX, &c->ends,
                      &error)
      && *text_of (self->ends_row) != '\0')
    {
      g_autofree gchar *message = g_strdup_printf (_ ("Ends: %s"), error->message);

      show_error (self->date_error, GTK_WIDGET (self->ends_row), message);
      return FALSE;
    }
  g_clear_error (&error);

  if (!td_campaign_check (c, &error))
    {
      /* The core checks in this order: name, start, end, end ≥ start. */
      g_autofree gchar *name = g_strstrip (g_strdup (c->name));

      if (name[0] == '\0')
        show_error (self->name_error, GTK_WIDGET (self->name_row), error->message);
      else if (!g_date_valid (&c->starts))
        show_error (self->date_error, GTK_WIDGET (self->starts_row), error->message);
      else
        show_error (self->date_error, GTK_WIDGET (self->ends_row), error->message);
      return FALSE;
    }
  if (self->campaign_id == 0)
    ok = td_campaign_add (self->database, c, &error) != 0;
  else
    ok = td_campaign_update (self->database, c, &error);
  if (!ok)
    {
      td_window_show_error (GTK_WIDGET (self), _ ("Could not save the campaign"), error);
      return FALSE;
    }
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  td_campaign_dialog_save (TD_CAMPAIGN_DIALOG (widget));
}

static void
td_campaign_dialog_dispose (GObject *object)
{
  TdCampaignDialog *self = TD_CAMPAIGN_DIALOG (object);

  g_clear_object (&self->database);
  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_CAMPAIGN_DIALOG);
  G_OBJECT_CLASS (td_campaign_dialog_parent_class)->dispose (object);
}

static void
td_campaign_dialog_class_init (TdCampaignDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_campaign_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/ThiDua/ui/td-campaign-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TdCampaignDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, TdCampaignDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, TdCampaignDialog, name_error);
  gtk_widget_class_bind_template_child (widget_class, TdCampaignDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, TdCampaignDialog, theme_row);
  gtk_widget_class_bind_template_child (widget_class, TdCampaignDialog, slogan_row);
  gtk_widget_class_bind_template_child (widget_class, TdCampaignDialog, starts_row);
  gtk_widget_class_bind_template_child (widget_class, TdCampaignDialog, ends_row);
  gtk_widget_class_bind_template_child (widget_class, TdCampaignDialog, date_error);
  gtk_widget_class_bind_template_child (widget_class, TdCampaignDialog, notes_row);
  gtk_widget_class_install_action (widget_class, "campaign.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

/* Enter in any field saves, as in other GNOME forms.  Connected to each
 * row's text rather than through the default widget, which an AdwEntryRow
 * of libadwaita 1.2 does not reach reliably. */
static void
on_field_activate (GtkText *text, TdCampaignDialog *self)
{
  td_campaign_dialog_save (self);
}

static void
connect_enter (GtkWidget *widget, TdCampaignDialog *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_ENTRY_ROW (child))
        g_signal_connect (gtk_editable_get_delegate (GTK_EDITABLE (child)), "activate",
                          G_CALLBACK (on_field_activate), self);
      else
        connect_enter (child, self);
    }
}

static void
td_campaign_dialog_init (TdCampaignDialog *self)
{
  g_autoptr (GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  connect_enter (GTK_WIDGET (self), self);
  for (guint i = 0; i < TD_CAMPAIGN_N_KINDS; i++)
    gtk_string_list_append (kinds, td_campaign_kind_label ((TdCampaignKind)i));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
}

TdCampaignDialog *
td_campaign_dialog_new (GtkWindow *parent, TdDb *db, gint64 bloc_year_id, gint64 campaign_id)
{
  TdCampaignDialog *self = g_object_new (TD_TYPE_CAMPAIGN_DIALOG, "transient-for", parent, NULL);
  g_autoptr (TdCampaign) c = campaign_id ? td_campaign_get (db, campaign_id, NULL) : NULL;

  self->database = g_object_ref (db);
  self->bloc_year_id = bloc_year_id;
  self->campaign_id = campaign_id;
  adw_window_title_set_title (self->window_title,
                              campaign_id ? _ ("Edit Campaign") : _ ("New Campaign"));
  if (c != NULL)
    {
      g_autofree gchar *starts = td_date_to_display (&c->starts);
      g_autofree gchar *ends = td_date_to_display (&c->ends);

      set_text (self->name_row, c->name);
      adw_combo_row_set_selected (self->kind_row, c->kind);
      set_text (self->theme_row, c->theme);
      set_text (self->slogan_row, c->slogan);
      set_text (self->starts_row, starts);
      set_text (self->ends_row, ends);
      set_text (self->notes_row, c->notes);
    }
  else
    {
      g_autoptr (TdBlocYear) by = td_registry_get_bloc_year (db, bloc_year_id, NULL);
      g_autofree gchar *starts = g_strdup_printf ("01/01/%d", by ? by->year : 2024);
      g_autofree gchar *ends = g_strdup_printf ("31/12/%d", by ? by->year : 2024);

      set_text (self->starts_row, starts);
      set_text (self->ends_row, ends);
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}
