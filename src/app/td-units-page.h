/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The "Units & blocs" section. */
#pragma once

#include "td-section-page.h"

G_BEGIN_DECLS

#define TD_TYPE_UNITS_PAGE (td_units_page_get_type ())
G_DECLARE_FINAL_TYPE (TdUnitsPage, td_units_page, TD, UNITS_PAGE, TdSectionPage)

GtkColumnView *td_units_page_get_column_view (TdUnitsPage *self);
GListModel *td_units_page_get_model (TdUnitsPage *self);
gint64 td_units_page_get_selected_unit (TdUnitsPage *self);
gboolean td_units_page_select_unit (TdUnitsPage *self, gint64 unit_id);
void td_units_page_set_search (TdUnitsPage *self, const char *text);

G_END_DECLS
