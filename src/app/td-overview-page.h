/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Overview section: what the open database holds and what to do next. */
#pragma once

#include "td-section-page.h"

G_BEGIN_DECLS

#define TD_TYPE_OVERVIEW_PAGE (td_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (TdOverviewPage, td_overview_page, TD, OVERVIEW_PAGE, TdSectionPage)

G_END_DECLS
