/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A block of scores pasted into the Scores matrix from a spreadsheet.
 *
 * The clerk copies a block of cells in Excel or LibreOffice Calc (text
 * with tabs between cells and a line per row) and pastes it at a cell of
 * the matrix: the block lands row for row, unit for unit, from there.
 * td_score_paste_plan() reads the text (bounded, checked UTF-8) and says,
 * cell by cell, what would change (old → new) and what is refused and
 * why — outside the grid, a heading, not a value the row's rule takes,
 * agreed by the meeting — with the same parsing and messages as a value
 * typed in a cell (td_criterion_parse_input).  A blank cell, or a lone
 * dash, means "not entered": it clears the cell.  Nothing is saved until
 * td_score_paste_save_cells() writes the changes in one transaction; the
 * same call puts the old entries back for Undo. */
#pragma once

#include "td-scoring.h"

G_BEGIN_DECLS

/* What a paste may hold: bytes of text, and rows × columns of the block. */
#define TD_SCORE_PASTE_MAX_BYTES (256 * 1024)
#define TD_SCORE_PASTE_MAX_CELLS 20000

/* One cell of the block: a change, or a refusal with its reason. */
typedef struct
{
  guint block_row, block_column; /* in the pasted block, from 0 */
  guint row, column;             /* in the grid (row of @rows, unit column) */
  gint index;                    /* the criterion's node, −1: the Total row or outside */
  guint unit;                    /* unit index of the scores, G_MAXUINT: outside */
  gchar *text;                   /* what was pasted, trimmed */
  gchar *old_text;               /* the value as a cell shows it, "" when not entered */
  gchar *new_text;               /* changes only: "" when it clears the cell */
  TdEntry *before;               /* changes only: the entry replaced, NULL when none */
  TdEntry *entry;                /* changes only: the new entry, NULL when cleared */
  gchar *reason;                 /* refusals only, translated */
} TdScorePasteCell;

typedef struct
{
  TdSource source;
  guint n_rows, n_columns; /* of the pasted block */
  GPtrArray *changes;      /* TdScorePasteCell*, in reading order */
  GPtrArray *refused;      /* TdScorePasteCell*, in reading order */
  guint n_unchanged;       /* cells that already hold the pasted value */
} TdScorePaste;

void td_score_paste_free (TdScorePaste *paste);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdScorePaste, td_score_paste_free)

/* Splits @text (tab-separated, Excel's quoting) into rows of trimmed
 * cells: GPtrArray of GPtrArray of gchar*.  The final line break is not
 * a row.  Refuses text that is not UTF-8, larger than
 * TD_SCORE_PASTE_MAX_BYTES or with more than TD_SCORE_PASTE_MAX_CELLS
 * cells, and an empty text. */
GPtrArray *td_score_paste_split (const char *text, gssize length, GError **error);

/* Plans pasting @text at (@at_row, @at_column) of a grid of @n_rows rows
 * (@rows: the node index of each row shown, −1 for the Total row) and
 * @n_columns columns (@units: the unit index of each column) for
 * @source.  NULL with @error when the text is refused as a whole. */
TdScorePaste *td_score_paste_plan (TdScores *scores, TdSource source, const gint *rows,
                                   guint n_rows, const guint *units, guint n_columns, guint at_row,
                                   guint at_column, const char *text, GError **error);

/* The plan's changes in one transaction: each cell gets its new entry or
 * is cleared, with its audit row; the scores in memory follow once the
 * transaction is committed, and are untouched when it fails. */
gboolean td_score_paste_apply (TdScorePaste *paste, TdScores *scores, TdDb *db, GError **error);

/* Saves @entries[i] (or clears the cell when it is NULL) for (@units[i],
 * @indices[i]) in @source, all @n in one transaction, then in memory.
 * What a paste and its Undo both use. */
gboolean td_score_paste_save_cells (TdScores *scores, TdDb *db, TdSource source, guint n,
                                    const guint *units, const gint *indices,
                                    TdEntry *const *entries, GError **error);

/* The cells of @scores as a tab-separated block, as a spreadsheet takes
 * them: rows @rows (node index, −1 the Total row) × units @units, each
 * value as a cell shows it (a heading its subtotal), "" when not entered;
 * a line break after each row. */
gchar *td_score_paste_copy (TdScores *scores, TdSource source, const gint *rows, guint n_rows,
                            const guint *units, guint n_columns);

G_END_DECLS
