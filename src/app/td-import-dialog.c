/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Adding a list of units.
 *
 * The text (pasted, or a CSV file's contents) is parsed again on every
 * change into preview rows: what will be added, what is a duplicate and
 * what is invalid, with the reason.  Only "Add" writes, in one
 * transaction, the rows marked to add. */
#include "config.h"

#include "td-import-dialog.h"
#include "td-dialog.h"
#include "td-unit-import.h"
#include "td-window.h"
#include "td-template.h"

#include <glib/gi18n.h>

struct _TdImportDialog
{
  AdwWindow parent_instance;

  GtkWidget *cancel_button;

  GtkTextView *text_view;
  GtkLabel *counts_label;
  GtkListBox *preview_list;
  GtkButton *add_button;

  TdDb *database;
  gint64 bloc_year_id;
  GPtrArray *rows;
};

G_DEFINE_FINAL_TYPE (TdImportDialog, td_import_dialog, ADW_TYPE_WINDOW)

/* How a row of the list shows its status: an icon and a word. */
static const struct
{
  const char *icon;
  const char *label;
} statuses[] = {
  [TD_IMPORT_ADD] = { "list-add-symbolic", N_ ("To add") },
  [TD_IMPORT_DUPLICATE] = { "edit-copy-symbolic", N_ ("Duplicate") },
  [TD_IMPORT_INVALID] = { "dialog-warning-symbolic", N_ ("Invalid") },
};

static void
refresh (TdImportDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;
  g_autofree gchar *text = NULL;
  g_autofree gchar *counts = NULL;
  g_autofree gchar *button = NULL;
  GtkWidget *child;
  guint n_add, n_dup, n_bad;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  self->rows = td_unit_import_parse (text, -1, self->database, self->bloc_year_id);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_list))) != NULL)
    gtk_list_box_remove (self->preview_list, child);
  for (guint i = 0; i < self->rows->len; i++)
    {
      TdImportRow *r = self->rows->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name (statuses[r->status].icon);
      GtkWidget *label = gtk_label_new (_ (statuses[r->status].label));
      g_autofree gchar *title = NULL;
      g_autofree gchar *subtitle = NULL;

      title = r->name[0] ? g_markup_escape_text (r->name, -1) : g_strdup ("—");
      /* Translators: preview row subtitle: line number, short name, kind */
      subtitle = g_markup_printf_escaped (_ ("Line %u · %s · %s"), r->line,
                                          r->short_name[0] ? r->short_name : "—",
                                          r->kind[0] ? r->kind : "—");
      if (r->reason != NULL)
        {
          g_autofree gchar *reason = g_markup_escape_text (r->reason, -1);
          gchar *both = g_strconcat (subtitle, "\n", reason, NULL);

          g_free (subtitle);
          subtitle = both;
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      if (r->status != TD_IMPORT_ADD)
        gtk_widget_add_css_class (label, r->status == TD_IMPORT_INVALID ? "error" : "dim-label");
      gtk_list_box_append (self->preview_list, row);
    }

  n_add = td_unit_import_count (self->rows, TD_IMPORT_ADD);
  n_dup = td_unit_import_count (self->rows, TD_IMPORT_DUPLICATE);
  n_bad = td_unit_import_count (self->rows, TD_IMPORT_INVALID);
  counts = g_strdup_printf (_ ("To add: %u · Duplicates: %u · Invalid: %u"), n_add, n_dup, n_bad);
  gtk_label_set_text (self->counts_label, counts);
  button = g_strdup_printf (g_dngettext (NULL, "_Add %u Unit", "_Add %u Units", n_add), n_add);
  gtk_button_set_label (self->add_button, button);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply", n_add > 0);
}

static void
on_text_changed (GtkTextBuffer *buffer, TdImportDialog *self)
{
  refresh (self);
}

static void
apply_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdImportDialog *self = TD_IMPORT_DIALOG (widget);
  g_autoptr (GError) error = NULL;
  g_autofree gchar *text = NULL;
  gint added;

  added = td_unit_import_apply (self->database, self->bloc_year_id, self->rows, &error);
  if (added < 0)
    {
      td_window_show_error (widget, _ ("Could not add the units"), error);
      return;
    }
  text = g_strdup_printf (g_dngettext (NULL, "%d unit added", "%d units added", added), added);
  td_window_toast_text (widget, text);
  gtk_window_destroy (GTK_WINDOW (self));
}

void
td_import_dialog_set_text (TdImportDialog *self, const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text ? text : "", -1);
}

GPtrArray *
td_import_dialog_get_rows (TdImportDialog *self)
{
  return self->rows;
}

static void
td_import_dialog_dispose (GObject *object)
{
  TdImportDialog *self = TD_IMPORT_DIALOG (object);

  g_clear_object (&self->database);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_IMPORT_DIALOG);
  G_OBJECT_CLASS (td_import_dialog_parent_class)->dispose (object);
}

static void
td_import_dialog_class_init (TdImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_import_dialog_dispose;
  td_widget_class_set_template (widget_class, "td-import-dialog.ui");
  td_widget_class_bind_template_children (widget_class, TdImportDialog, cancel_button, text_view,
                                          counts_label, preview_list, add_button);
  gtk_widget_class_install_action (widget_class, "import.apply", NULL, apply_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
td_import_dialog_init (TdImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  td_dialog_set_buttons (GTK_WINDOW (self), GTK_WIDGET (self->add_button), self->cancel_button,
                         NULL);
}

TdImportDialog *
td_import_dialog_new (GtkWindow *parent, TdDb *db, gint64 bloc_year_id, const char *text)
{
  TdImportDialog *self = g_object_new (TD_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);

  self->database = g_object_ref (db);
  self->bloc_year_id = bloc_year_id;
  td_import_dialog_set_text (self, text);
  /* The list first, not Cancel at the top left. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->text_view));
  refresh (self);
  g_signal_connect (gtk_text_view_get_buffer (self->text_view), "changed",
                    G_CALLBACK (on_text_changed), self);
  return self;
}
