/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the Units & Blocs section shares with its forms (td-units-forms.c). */
#pragma once

#include "td-units-page.h"

G_BEGIN_DECLS

/* The year of the bloc-year shown, 0 before one is chosen. */
gint td_units_page_get_year (TdUnitsPage *self);
/* Every unit listed, before search and sorting. */
GListModel *td_units_page_get_units (TdUnitsPage *self);

void td_units_page_rename (TdUnitsPage *self);
void td_units_page_retire (TdUnitsPage *self);
void td_units_page_merge (TdUnitsPage *self);
void td_units_page_start_new_year (TdUnitsPage *self);
void td_units_page_new_bloc (TdUnitsPage *self);
void td_units_page_edit_bloc_year (TdUnitsPage *self);
void td_units_page_paste (TdUnitsPage *self);
void td_units_page_import_csv (TdUnitsPage *self);

G_END_DECLS
