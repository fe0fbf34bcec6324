/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The form to add or edit a campaign of a bloc-year. */
#pragma once

#include <adwaita.h>

#include "td-form-window.h"

G_BEGIN_DECLS

#define TD_TYPE_CAMPAIGN_DIALOG (td_campaign_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TdCampaignDialog, td_campaign_dialog, TD, CAMPAIGN_DIALOG, TdFormWindow)

TdCampaignDialog *td_campaign_dialog_new (GtkWindow *parent, TdDb *db, gint64 bloc_year_id,
                                          gint64 campaign_id);

G_END_DECLS
