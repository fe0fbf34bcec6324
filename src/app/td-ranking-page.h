/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Ranking section: ranks, grades and proposals of a bloc-year, explained. */
#pragma once

#include "td-section-page.h"

#include "td-ranking.h"

G_BEGIN_DECLS

#define TD_TYPE_RANKING_PAGE (td_ranking_page_get_type ())
G_DECLARE_FINAL_TYPE (TdRankingPage, td_ranking_page, TD, RANKING_PAGE, TdSectionPage)

const TdRanking *td_ranking_page_get_ranking (TdRankingPage *self);
gboolean td_ranking_page_select_unit (TdRankingPage *self, gint64 unit_id);
const char *td_ranking_page_get_explanation (TdRankingPage *self);
const char *td_ranking_page_get_changes (TdRankingPage *self);

G_END_DECLS
