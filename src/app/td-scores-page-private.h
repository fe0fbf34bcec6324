/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Between td-scores-page.c (loading, toolbar, history, agreed points) and
 * td-scores-edits.c (saving an edit, a pasted block, Ctrl+Z): the
 * section's fields and the few helpers both use.  Only those two include it. */
#pragma once

#include "td-bloc-year-prompt.h"
#include "td-score-totals.h"
#include "td-scores-matrix-view.h"
#include "td-scores-page.h"
#include "td-scores-unit-view.h"

G_BEGIN_DECLS

struct _TdScoresPage
{
  TdSectionPage parent_instance;

  GtkStack *stack;
  TdBlocYearPrompt *prompt;
  AdwStatusPage *no_table_page;
  GtkDropDown *unit_dropdown;
  GtkDropDown *source_dropdown;
  GtkMenuButton *menu_button;
  GtkToggleButton *differ_toggle;
  AdwViewStack *view_stack;
  GtkColumnView *unit_column_view;
  GtkColumnView *matrix_column_view;
  GtkColumnView *matrix_frozen_view;
  GtkScrolledWindow *matrix_scroller;
  GtkScrolledWindow *matrix_frozen_scroller;
  TdScoreTotals *totals_bar;
  GtkWidget *history_popover;

  TdScoresState state;
  TdScoresUnitView *unit_view;
  TdScoresMatrixView *matrix_view;
  GtkStringList *unit_names;
  GPtrArray *items; /* TdCriterionItem of the loaded table, for both views */
  GPtrArray *undo;  /* the last edits, newest last (Ctrl+Z: td-scores-edits.c) */
  gboolean saving;  /* our own save: the "entries changed" it causes reloads nothing */
};

/* The totals bar of the unit shown (the matrix: how to type in it). */
void td_scores_page_update_totals (TdScoresPage *self);
/* Fills every bound cell of @view (its contents changed as a whole). */
void td_scores_page_refresh_view (TdScoresPage *self, TdScoresView *view);

/* td-scores-edits.c: the actions scores.undo, scores.copy, scores.paste;
 * the views' "save" and the matrix's "paste" handled, the undo list made. */
void td_scores_edits_class_init (GtkWidgetClass *widget_class);
void td_scores_edits_init (TdScoresPage *self);

G_END_DECLS
