/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Criteria section: the bloc-year's criteria table as an editable tree. */
#pragma once

#include "td-section-page.h"

#include "td-criteria.h"

G_BEGIN_DECLS

#define TD_TYPE_CRITERIA_PAGE (td_criteria_page_get_type ())
G_DECLARE_FINAL_TYPE (TdCriteriaPage, td_criteria_page, TD, CRITERIA_PAGE, TdSectionPage)

/* The table as shown (NULL without a bloc-year). */
TdCriteriaTable *td_criteria_page_get_table (TdCriteriaPage *self);
gboolean td_criteria_page_select (TdCriteriaPage *self, gint64 criterion_id);
gint64 td_criteria_page_get_selected_id (TdCriteriaPage *self);
const char *td_criteria_page_get_total_text (TdCriteriaPage *self);

G_END_DECLS
