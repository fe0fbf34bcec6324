/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The form to add or edit a unit. */
#pragma once

#include <adwaita.h>

#include "td-form-window.h"

G_BEGIN_DECLS

#define TD_TYPE_UNIT_DIALOG (td_unit_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TdUnitDialog, td_unit_dialog, TD, UNIT_DIALOG, TdFormWindow)

TdUnitDialog *td_unit_dialog_new (GtkWindow *parent, TdDb *db, gint64 bloc_year_id, gint64 unit_id);

G_END_DECLS
