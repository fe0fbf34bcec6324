/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The unit form.
 *
 * A modal window with libadwaita rows.  Saving checks with the core (empty
 * name, duplicate in the bloc-year, date) and shows the message under the
 * field; the window stays open with everything typed, so nothing invalid
 * is saved and nothing valid is lost.  A new unit joins the bloc-year. */
#include "config.h"

#include "td-unit-dialog.h"
#include "td-date.h"
#include "td-form.h"
#include "td-form-window.h"
#include "td-registry.h"
#include "td-template.h"

#include <glib/gi18n.h>

struct _TdUnitDialog
{
  TdFormWindow parent_instance;

  GtkWidget *save_button;
  GtkWidget *cancel_button;

  AdwWindowTitle *window_title;
  AdwEntryRow *name_row;
  GtkLabel *name_error;
  AdwEntryRow *short_name_row;
  AdwEntryRow *kind_row;
  AdwEntryRow *parent_row;
  AdwEntryRow *founded_row;
  GtkLabel *founded_error;
  AdwEntryRow *head_name_row;
  AdwEntryRow *head_position_row;
  AdwEntryRow *address_row;
  AdwEntryRow *phone_row;
  AdwEntryRow *email_row;
  AdwEntryRow *notes_row;
};

G_DEFINE_FINAL_TYPE (TdUnitDialog, td_unit_dialog, TD_TYPE_FORM_WINDOW)

static void
on_name_changed (AdwEntryRow *row, TdUnitDialog *self)
{
  /* Clear a shown error once the clerk types; it is checked again on save. */
  if (gtk_widget_get_visible (GTK_WIDGET (self->name_error)))
    td_form_show_field_error (GTK_WIDGET (row), self->name_error, NULL);
}

/* Saves the form; FALSE (and the message at the field) when refused. */
static gboolean
td_unit_dialog_save (TdFormWindow *form)
{
  TdUnitDialog *self = TD_UNIT_DIALOG (form);
  TdDb *db = td_form_window_get_database (form);
  gint64 bloc_year_id = td_form_window_get_bloc_year_id (form);
  g_autoptr (TdUnit) unit = td_unit_new ();
  g_autoptr (GError) error = NULL;
  gboolean ok;

  td_form_show_field_error (GTK_WIDGET (self->name_row), self->name_error, NULL);
  td_form_show_field_error (GTK_WIDGET (self->founded_row), self->founded_error, NULL);

  unit->id = td_form_window_get_id (form);
  unit->name = g_strdup (td_form_row_text (self->name_row));
  unit->short_name = g_strdup (td_form_row_text (self->short_name_row));
  unit->kind = g_strdup (td_form_row_text (self->kind_row));
  unit->parent = g_strdup (td_form_row_text (self->parent_row));
  unit->head_name = g_strdup (td_form_row_text (self->head_name_row));
  unit->head_position = g_strdup (td_form_row_text (self->head_position_row));
  unit->address = g_strdup (td_form_row_text (self->address_row));
  unit->phone = g_strdup (td_form_row_text (self->phone_row));
  unit->email = g_strdup (td_form_row_text (self->email_row));
  unit->notes = g_strdup (td_form_row_text (self->notes_row));
  if (!td_form_row_get_date (self->founded_row, self->founded_error, _ ("Founded: %s"),
                             &unit->founded))
    return FALSE;

  if (!td_registry_check_unit_name (db, bloc_year_id, unit->id, unit->name, &error))
    {
      td_form_show_field_error (GTK_WIDGET (self->name_row), self->name_error, error->message);
      return FALSE;
    }
  if (unit->id == 0)
    ok = td_registry_add_unit_to_bloc_year (db, bloc_year_id, unit, &error) != 0;
  else
    ok = td_registry_update_unit (db, unit, &error);
  /* No toast: the list shows the unit at once, and a queue of toasts
   * would hold back an Undo the clerk may need next. */
  return td_form_window_close_if_saved (form, ok, error, _ ("Could not save the unit"));
}

static void
td_unit_dialog_class_init (TdUnitDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  TD_FORM_WINDOW_CLASS (klass)->save = td_unit_dialog_save;
  td_widget_class_set_template (widget_class, "td-unit-dialog.ui");
  td_widget_class_bind_template_children (
      widget_class, TdUnitDialog, save_button, cancel_button, window_title, name_row, name_error,
      short_name_row, kind_row, parent_row, founded_row, founded_error, head_name_row,
      head_position_row, address_row, phone_row, email_row, notes_row);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed);
}

static void
td_unit_dialog_init (TdUnitDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  td_form_window_set_buttons (TD_FORM_WINDOW (self), self->save_button, self->cancel_button);
}

TdUnitDialog *
td_unit_dialog_new (GtkWindow *parent, TdDb *db, gint64 bloc_year_id, gint64 unit_id)
{
  TdUnitDialog *self = g_object_new (TD_TYPE_UNIT_DIALOG, "transient-for", parent, NULL);

  td_form_window_set_record (TD_FORM_WINDOW (self), db, bloc_year_id, unit_id);
  if (unit_id != 0)
    {
      g_autoptr (TdUnit) unit = td_registry_get_unit (db, unit_id, NULL);
      g_autofree gchar *founded = unit ? td_date_to_display (&unit->founded) : NULL;

      adw_window_title_set_title (self->window_title, _ ("Edit Unit"));
      if (unit != NULL)
        {
          td_form_row_set_text (self->name_row, unit->name);
          td_form_row_set_text (self->short_name_row, unit->short_name);
          td_form_row_set_text (self->kind_row, unit->kind);
          td_form_row_set_text (self->parent_row, unit->parent);
          td_form_row_set_text (self->founded_row, founded);
          td_form_row_set_text (self->head_name_row, unit->head_name);
          td_form_row_set_text (self->head_position_row, unit->head_position);
          td_form_row_set_text (self->address_row, unit->address);
          td_form_row_set_text (self->phone_row, unit->phone);
          td_form_row_set_text (self->email_row, unit->email);
          td_form_row_set_text (self->notes_row, unit->notes);
        }
    }
  else
    adw_window_title_set_title (self->window_title, _ ("New Unit"));
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}
