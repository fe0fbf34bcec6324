/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A form in a window of its own (the unit and the campaign forms): the
 * record it edits, Save and Cancel, Enter saves and Escape closes. */
#pragma once

#include <adwaita.h>

#include "td-db.h"

G_BEGIN_DECLS

#define TD_TYPE_FORM_WINDOW (td_form_window_get_type ())
G_DECLARE_DERIVABLE_TYPE (TdFormWindow, td_form_window, TD, FORM_WINDOW, AdwWindow)

struct _TdFormWindowClass
{
  AdwWindowClass parent_class;

  /* Checks and saves what was typed: FALSE, with the message at the
   * field, when it is refused.  The form's "form.save" action (its Save
   * button) and Enter in any of its fields run it. */
  gboolean (*save) (TdFormWindow *self);
};

/* For the subclass's init, after its template: Tab goes from the fields to
 * @save_button, then @cancel_button; Enter in a field saves. */
void td_form_window_set_buttons (TdFormWindow *self, GtkWidget *save_button,
                                 GtkWidget *cancel_button);
/* The record the form edits: @id in @db (0: a new one in @bloc_year_id). */
void td_form_window_set_record (TdFormWindow *self, TdDb *db, gint64 bloc_year_id, gint64 id);
TdDb *td_form_window_get_database (TdFormWindow *self);
gint64 td_form_window_get_bloc_year_id (TdFormWindow *self);
gint64 td_form_window_get_id (TdFormWindow *self);
/* The end of a save: closes the form when the change was saved (@ok),
 * otherwise says @failed and why (@error), keeping what was typed.
 * Returns @ok. */
gboolean td_form_window_close_if_saved (TdFormWindow *self, gboolean ok, const GError *error,
                                        const char *failed);

G_END_DECLS
