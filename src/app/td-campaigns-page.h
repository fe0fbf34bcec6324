/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The "Campaigns" section. */
#pragma once

#include "td-section-page.h"

G_BEGIN_DECLS

#define TD_TYPE_CAMPAIGNS_PAGE (td_campaigns_page_get_type ())
G_DECLARE_FINAL_TYPE (TdCampaignsPage, td_campaigns_page, TD, CAMPAIGNS_PAGE, TdSectionPage)

gint64 td_campaigns_page_get_campaign_id (TdCampaignsPage *self);

G_END_DECLS
