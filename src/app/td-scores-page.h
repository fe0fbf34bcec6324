/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Scores section: self and assessed scores, one unit at a time or as a matrix. */
#pragma once

#include "td-section-page.h"

#include "td-score-cell.h"
#include "td-scoring.h"

G_BEGIN_DECLS

#define TD_TYPE_SCORES_PAGE (td_scores_page_get_type ())
G_DECLARE_FINAL_TYPE (TdScoresPage, td_scores_page, TD, SCORES_PAGE, TdSectionPage)

/* Logical columns of the one-unit view (the matrix has one per unit). */
typedef enum
{
  TD_SCORES_COL_SELF,
  TD_SCORES_COL_ASSESSED,
  TD_SCORES_COL_EVIDENCE,          /* the unit's evidence, on its self entry */
  TD_SCORES_COL_ASSESSED_EVIDENCE, /* the assessor's note, on the assessed entry */
} TdScoresUnitColumn;

TdScores *td_scores_page_get_scores (TdScoresPage *self);
gint64 td_scores_page_get_unit (TdScoresPage *self);
gboolean td_scores_page_set_unit (TdScoresPage *self, gint64 unit_id);
void td_scores_page_set_matrix_source (TdScoresPage *self, TdSource source);
/* The shown cell for a criterion, NULL when its row is not on screen.  In
 * the one-unit view @column is a TdScoresUnitColumn, in the matrix the
 * unit's index. */
TdScoreCell *td_scores_page_get_cell (TdScoresPage *self, gboolean matrix, gint64 criterion_id,
                                      guint column);
/* The totals bar's text for SELF, ASSESSED or FINAL. */
const char *td_scores_page_get_total_text (TdScoresPage *self, TdSource source);
guint td_scores_page_get_n_rows (TdScoresPage *self, gboolean matrix);

G_END_DECLS
