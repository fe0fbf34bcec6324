/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What every form of the window shares: a message naming the field under
 * it, the main button enabled only while the input is valid, Enter to
 * save, and the small forms built inside an AdwMessageDialog. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* ---- the fields of a form in a window of its own (TdFormWindow) ---- */

const char *td_form_row_text (gpointer editable_row);
void td_form_row_set_text (gpointer editable_row, const char *text);
/* Shows @message under @row in @label and marks the row (the focus goes
 * there), or clears both when @message is NULL. */
void td_form_show_field_error (GtkWidget *row, GtkLabel *label, const char *message);
/* Reads the date (dd/mm/yyyy) typed in @row into @date, which an empty row
 * leaves alone.  A date that cannot be read is refused: @message_format
 * (e.g. "Starts: %s") with the reason is shown under @row in @label. */
gboolean td_form_row_get_date (gpointer editable_row, GtkLabel *label, const char *message_format,
                               GDate *date);

/* ---- small forms in a message dialog ---- */

typedef struct _TdForm TdForm;
typedef void (*TdFormAccept) (TdForm *form);

struct _TdForm
{
  GtkWidget *owner;  /* the widget that opened it (weak): errors are shown there */
  GtkWidget *dialog; /* AdwMessageDialog */
  GtkWidget *list;   /* the boxed list the rows go in */
  GtkWidget *error_label;
  gchar *response; /* enabled only while the form is valid */
  GtkWidget *entries[6];
  GtkWidget *spin;
  GtkWidget *combo;
  GPtrArray *checks;
  gint64 id;
  gpointer data;
  GDestroyNotify data_free;
  TdFormAccept accept; /* td_form_present's */
};

/* A form with @heading and @body whose main response is @response; it
 * lives as long as its dialog. */
TdForm *td_form_new (GtkWidget *owner, const char *heading, const char *body, const char *response,
                     const char *response_label);
GtkWidget *td_form_add_entry (TdForm *form, const char *title, const char *text);
/* The spin button of a row with @title. */
GtkWidget *td_form_add_spin (TdForm *form, const char *title, gint value, gint min, gint max);
GtkWidget *td_form_add_combo (TdForm *form, const char *title, GListModel *model, guint selected);
const char *td_form_text (TdForm *form, guint entry);
/* Says why the input is refused (NULL: it is accepted) and enables the
 * main response accordingly. */
void td_form_set_error (TdForm *form, const GError *error);
/* Shows the dialog; when its main response is chosen while the widget
 * that opened it is still there, calls @accept (@form). */
void td_form_present (TdForm *form, TdFormAccept accept);
/* After the form's change: a toast saying @done when @ok, otherwise the
 * error under the heading @failed, in the owner's window. */
void td_form_report (TdForm *form, gboolean ok, const GError *error, const char *failed,
                     const char *done);

G_END_DECLS
