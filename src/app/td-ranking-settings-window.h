/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The ranking rules of a bloc-year: tie-break rules, grade thresholds,
 * proposal rules and the catalogue of titles and awards. */
#pragma once

#include <adwaita.h>

#include "td-db.h"

G_BEGIN_DECLS

#define TD_TYPE_RANKING_SETTINGS_WINDOW (td_ranking_settings_window_get_type ())
G_DECLARE_FINAL_TYPE (TdRankingSettingsWindow, td_ranking_settings_window, TD,
                      RANKING_SETTINGS_WINDOW, AdwPreferencesWindow)

TdRankingSettingsWindow *td_ranking_settings_window_new (TdDb *db, gint64 bloc_year_id);

G_END_DECLS
