/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One editable cell of a score grid: a text entry or a dropdown of options. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Where the focus goes after a commit. */
typedef enum
{
  TD_CELL_MOVE_NONE, /* focus left the cell (click elsewhere) */
  TD_CELL_MOVE_NEXT, /* Tab */
  TD_CELL_MOVE_PREV, /* Shift+Tab */
  TD_CELL_MOVE_DOWN, /* Enter */
  TD_CELL_MOVE_UP,   /* Shift+Enter */
  /* Arrow keys, as in a spreadsheet: no wrapping to the next row or column. */
  TD_CELL_MOVE_LEFT,
  TD_CELL_MOVE_RIGHT,
  TD_CELL_MOVE_ARROW_UP,
  TD_CELL_MOVE_ARROW_DOWN,
} TdCellMove;

#define TD_TYPE_SCORE_CELL (td_score_cell_get_type ())
G_DECLARE_FINAL_TYPE (TdScoreCell, td_score_cell, TD, SCORE_CELL, GtkWidget)

GtkWidget *td_score_cell_new (void);
GtkWidget *td_score_cell_new_text (void);

void td_score_cell_set_text (TdScoreCell *self, const char *text);
const char *td_score_cell_get_saved_text (TdScoreCell *self);
void td_score_cell_set_choices (TdScoreCell *self, const char *const *choices, guint selected);
gboolean td_score_cell_is_choice (TdScoreCell *self);
void td_score_cell_set_editable (TdScoreCell *self, gboolean editable);
void td_score_cell_set_placeholder (TdScoreCell *self, const char *text);
void td_score_cell_set_error (TdScoreCell *self, const char *message);
void td_score_cell_set_xalign (TdScoreCell *self, float xalign);
void td_score_cell_focus (TdScoreCell *self);
GtkEditable *td_score_cell_get_editable (TdScoreCell *self);
GtkDropDown *td_score_cell_get_dropdown (TdScoreCell *self);

/* What the cell stands for, set by whoever binds it to a row. */
void td_score_cell_set_key (TdScoreCell *self, guint row, guint column);
guint td_score_cell_get_row (TdScoreCell *self);
guint td_score_cell_get_column (TdScoreCell *self);

G_END_DECLS
