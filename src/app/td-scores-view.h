/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One view of the Scores section: what the one-unit view and the matrix
 * share (their rows, cells, filling, focus movement), as a controller of a
 * GtkColumnView of ui/td-scores-page.ui.  The two views are
 * td-scores-unit-view.c and td-scores-matrix-view.c. */
#pragma once

#include <adwaita.h>

#include "td-criterion-item.h"
#include "td-registry.h"
#include "td-score-cell.h"
#include "td-scoring.h"

G_BEGIN_DECLS

typedef enum
{
  TD_SCORES_KIND_CODE,
  TD_SCORES_KIND_TITLE,
  TD_SCORES_KIND_RULE,
  TD_SCORES_KIND_SELF,
  TD_SCORES_KIND_ASSESSED,
  TD_SCORES_KIND_DIFF,
  TD_SCORES_KIND_EVIDENCE,
  TD_SCORES_KIND_ASSESSED_EVIDENCE,
  TD_SCORES_KIND_HISTORY,
  TD_SCORES_KIND_MATRIX_UNIT,
} TdScoresCellKind;

/* What the section loaded, shared by its views (owned by the section). */
typedef struct
{
  TdCriteriaTable *table;
  TdScores *scores;
  GPtrArray *members;  /* TdMember*, as in the unit drop-down */
  GArray *member_unit; /* guint: the scores' unit index of each member */
  guint member;        /* index into members of the one-unit view */
  TdSource matrix_source;
  gboolean writable;
  gboolean filling; /* widgets being filled: their signals are not edits */
} TdScoresState;

guint td_scores_state_n_members (const TdScoresState *state);
guint td_scores_state_unit_of (const TdScoresState *state, guint member);
/* TRUE when the one-unit view has a unit to show. */
gboolean td_scores_state_has_unit (const TdScoresState *state);

#define TD_TYPE_SCORES_VIEW (td_scores_view_get_type ())
G_DECLARE_DERIVABLE_TYPE (TdScoresView, td_scores_view, TD, SCORES_VIEW, GObject)

struct _TdScoresViewClass
{
  GObjectClass parent_class;

  /* Fills a cell of the view's own kinds (the base fills code, title, rule
   * and the history button). */
  void (*fill) (TdScoresView *self, GtkWidget *widget, TdScoresCellKind kind, TdCriterionItem *item,
                guint column);
  /* How many cell columns the focus moves through with Tab. */
  guint (*n_columns) (TdScoresView *self);
  /* After an edit of @member: whether this cell shows a total that
   * follows it (@label: the cell is a subtotal, not an input). */
  gboolean (*follows_member) (TdScoresView *self, TdScoresCellKind kind, guint column, guint member,
                              gboolean label);
};

void td_scores_view_attach (TdScoresView *self, GtkColumnView *column_view, TdScoresState *state);
/* The matrix: a list of the criteria beside the grid, on the same rows
 * (td_scores_view_add_frozen_column), that stays when the grid scrolls
 * right.  Its scroller shares the grid's vertical adjustment; every row of
 * both has one height, so the two lists stay row for row. */
void td_scores_view_attach_frozen (TdScoresView *self, GtkColumnView *frozen);
GtkColumnViewColumn *td_scores_view_add_frozen_column (TdScoresView *self, const char *title,
                                                       TdScoresCellKind kind, int width);
GtkColumnView *td_scores_view_get_column_view (TdScoresView *self);
TdScoresState *td_scores_view_get_state (TdScoresView *self);
GtkColumnViewColumn *td_scores_view_add_column (TdScoresView *self, const char *title,
                                                TdScoresCellKind kind, guint column, int width,
                                                gboolean expand);

/* Rows: the section's items, put in when the view is first shown. */
gboolean td_scores_view_has_rows (TdScoresView *self);
void td_scores_view_splice (TdScoresView *self, guint position, guint n_removed, gpointer *added,
                            guint n_added);
void td_scores_view_clear (TdScoresView *self);
void td_scores_view_set_only_differences (TdScoresView *self, gboolean only);
guint td_scores_view_get_n_rows (TdScoresView *self);
/* The node index of every row shown, top to bottom (−1: the Total row):
 * GArray of gint. */
GArray *td_scores_view_get_row_indices (TdScoresView *self);

/* Filling the bound cells: all of them, those following an edit of
 * @member, or (after a reload that kept the rows) those on screen now and
 * the others once the new contents are painted. */
void td_scores_view_refresh_bound (TdScoresView *self);
void td_scores_view_refresh_after_edit (TdScoresView *self, guint member);
void td_scores_view_refill (TdScoresView *self);
void td_scores_view_flush (TdScoresView *self);

/* The cells: found by (node index, column), which stays valid while the
 * filter moves rows. */
TdScoreCell *td_scores_view_get_cell (TdScoresView *self, gint index, guint column);
void td_scores_view_forget_cells (TdScoresView *self);
void td_scores_view_cancel_focus (TdScoresView *self);
/* Whether Enter under the last row goes on at the top of the next column
 * (the matrix: one paper form per column). */
void td_scores_view_set_enter_next_column (TdScoresView *self, gboolean next_column);
/* Whether an input row shows, next to the value, its unit and the points
 * it gives (the one-unit view). */
void td_scores_view_set_show_points (TdScoresView *self, gboolean show);

/* The rows that differ, which stay when only the differences are shown:
 * adding node @index adds its headings too. */
void td_scores_view_add_difference (TdScoresView *self, gint index);
gboolean td_scores_view_differs (TdScoresView *self, gint index);
void td_scores_view_forget_differences (TdScoresView *self);
/* What an empty score cell shows: the allowed values, or the standard
 * points an item not scored counts (TdCriteriaTable.full_by_default). */
void td_scores_view_set_placeholder (TdScoresState *state, TdScoreCell *cell, const TdCriterion *c,
                                     guint unit, TdSource source);

/* For the views: a score cell (an input, or a subtotal label for headings
 * and the total row); @differs: -1 leaves its mark alone, else marks it. */
void td_scores_view_fill_score (TdScoresView *self, GtkWidget *box, TdCriterionItem *item,
                                TdSource source, guint unit, guint column, gint differs);
/* Registers @cell at (@index, @column) for td_scores_view_get_cell. */
void td_scores_view_remember_cell (TdScoresView *self, gint index, guint column, TdScoreCell *cell);
void td_scores_view_mark_cell (TdScoreCell *cell, gboolean differs);
/* Adds or removes @css_class on the cell's field (a mark of the grid). */
void td_scores_view_set_cell_class (TdScoreCell *cell, const char *css_class, gboolean on);
gboolean td_scores_view_cell_has_focus (GtkWidget *widget);

G_END_DECLS
