/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The header-bar choice of bloc and year that the whole window follows. */
#pragma once

#include <adwaita.h>

#include "td-db.h"

G_BEGIN_DECLS

#define TD_TYPE_BLOC_SELECTOR (td_bloc_selector_get_type ())
G_DECLARE_FINAL_TYPE (TdBlocSelector, td_bloc_selector, TD, BLOC_SELECTOR, GtkBox)

GtkWidget *td_bloc_selector_new (void);
gint64 td_bloc_selector_get_bloc_year_id (TdBlocSelector *self);
void td_bloc_selector_set_bloc_year_id (TdBlocSelector *self, gint64 bloc_year_id);

G_END_DECLS
