/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A block of scores pasted into the matrix: reading it, planning it cell
 * by cell, saving it in one transaction (see td-score-paste.h). */
#include "config.h"

#include "td-query.h"
#include "td-record.h"
#include "td-score-paste.h"
#include "td-text.h"
#include "td-paste-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

static const gsize cell_texts[]
    = { G_STRUCT_OFFSET (TdScorePasteCell, text), G_STRUCT_OFFSET (TdScorePasteCell, old_text),
        G_STRUCT_OFFSET (TdScorePasteCell, new_text), G_STRUCT_OFFSET (TdScorePasteCell, reason),
        TD_RECORD_END };
static const TdRecordPart cell_parts[]
    = { TD_RECORD_PART (TdScorePasteCell, before, td_entry_free),
        TD_RECORD_PART (TdScorePasteCell, entry, td_entry_free), TD_RECORD_PARTS_END };

static void
cell_free (gpointer data)
{
  td_record_free_full (data, cell_texts, cell_parts);
}

void
td_score_paste_free (TdScorePaste *paste)
{
  if (paste == NULL)
    return;
  g_ptr_array_unref (paste->changes);
  g_ptr_array_unref (paste->refused);
  g_free (paste);
}

GPtrArray *
td_score_paste_split (const char *text, gssize length, GError **error)
{
  g_autofree gchar *copy = NULL;
  g_autofree gchar *stripped = NULL;
  GPtrArray *rows;
  gsize n = length < 0 ? (text ? strlen (text) : 0) : (gsize)length;
  guint cells = 0;

  if (n > TD_SCORE_PASTE_MAX_BYTES)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("The copied block is too large to paste (%u KB; at most %d KB): copy "
                      "fewer cells."),
                   (guint)(n / 1024), TD_SCORE_PASTE_MAX_BYTES / 1024);
      return NULL;
    }
  /* The text reaches no UTF-8 function unless it is text, and it ends at
   * its length (a NUL inside is not text either). */
  if (text == NULL || !g_utf8_validate (text, n, NULL) || memchr (text, '\0', n) != NULL)
    {
      g_set_error_literal (error, TD_ERROR, TD_ERROR_INVALID,
                           _ ("The clipboard does not hold text that can be read: copy the "
                              "cells again from the spreadsheet."));
      return NULL;
    }
  copy = g_strndup (text, n);
  stripped = g_strstrip (g_strdup (copy));
  if (*stripped == '\0' && strchr (copy, '\t') == NULL)
    {
      g_set_error_literal (error, TD_ERROR, TD_ERROR_INVALID,
                           _ ("The clipboard is empty: copy the cells in the spreadsheet first."));
      return NULL;
    }
  rows = td_paste_split_lines (copy, '\t');
  /* A spreadsheet ends the block with a line break: not a row. */
  if (rows->len > 1 && (g_str_has_suffix (copy, "\n") || g_str_has_suffix (copy, "\r")))
    {
      GPtrArray *last = g_ptr_array_index (rows, rows->len - 1);

      if (last->len == 1 && *(const char *)g_ptr_array_index (last, 0) == '\0')
        g_ptr_array_remove_index (rows, rows->len - 1);
    }
  for (guint r = 0; r < rows->len; r++)
    cells += ((GPtrArray *)g_ptr_array_index (rows, r))->len;
  if (cells > TD_SCORE_PASTE_MAX_CELLS)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _ ("The copied block has %u cells; at most %d can be pasted at once."), cells,
                   TD_SCORE_PASTE_MAX_CELLS);
      g_ptr_array_unref (rows);
      return NULL;
    }
  return rows;
}

/* "", "-", "–", "—": not entered. */
static gboolean
is_blank (const char *text)
{
  return *text == '\0' || g_str_equal (text, "-") || g_str_equal (text, "–")
         || g_str_equal (text, "—");
}

/* What a cell of the grid shows: the value as typed back, or a heading's
 * subtotal (the Total row: the unit's total). */
static gchar *
shown_text (TdScores *scores, TdSource source, gint index, guint unit)
{
  TdCriteriaTable *table = td_scores_get_table (scores);
  const TdCriterion *c = index >= 0 ? td_criteria_table_get_node (table, index) : NULL;

  if (c == NULL)
    return td_points_format (td_scores_get_totals (scores, unit)->table[source].total);
  if (td_rule_kind_get_input (c->kind) == TD_INPUT_NONE)
    return td_points_format (td_scores_node_totals (scores, unit, index, source).total);
  return td_criterion_format_input (c, td_scores_get_entry (scores, unit, index, source));
}

static TdScorePasteCell *
refuse (TdScorePaste *paste, TdScorePasteCell *cell, gchar *reason)
{
  cell->reason = reason;
  g_ptr_array_add (paste->refused, cell);
  return cell;
}

/* Plans one cell of the grid. */
static void
plan_cell (TdScorePaste *paste, TdScores *scores, TdScorePasteCell *cell)
{
  TdCriteriaTable *table = td_scores_get_table (scores);
  const TdCriterion *c = cell->index >= 0 ? td_criteria_table_get_node (table, cell->index) : NULL;
  const TdEntry *before
      = c ? td_scores_get_entry (scores, cell->unit, cell->index, paste->source) : NULL;
  g_autoptr (TdEntry) entry = NULL;
  GError *error = NULL;

  cell->old_text = shown_text (scores, paste->source, cell->index, cell->unit);
  /* A heading or the Total row takes nothing; its own subtotal copied
   * back with the block is no change. */
  if (c == NULL || td_rule_kind_get_input (c->kind) == TD_INPUT_NONE)
    {
      if (is_blank (cell->text) || g_str_equal (cell->text, cell->old_text))
        {
          paste->n_unchanged++;
          cell_free (cell);
        }
      else if (c == NULL)
        refuse (paste, cell,
                g_strdup (_ ("The Total row is computed from the rows above: it takes no value.")));
      else
        {
          g_autoptr (TdEntry) probe = td_entry_new (0, 0, paste->source);

          td_criterion_parse_input (c, cell->text, probe, &error);
          refuse (paste, cell, g_strdup (error->message));
          g_error_free (error);
        }
      return;
    }

  /* A blank over a cell that shows nothing (no entry, or a flag not
   * set) is no change: the entry and its evidence stay. */
  if (is_blank (cell->text) && *cell->old_text == '\0')
    {
      paste->n_unchanged++;
      cell_free (cell);
      return;
    }
  if (is_blank (cell->text))
    entry = NULL;
  else
    {
      entry = before
                  ? td_entry_copy (before)
                  : td_entry_new (td_scores_get_unit_id (scores, cell->unit), c->id, paste->source);
      if (!td_criterion_parse_input (c, cell->text, entry, &error))
        {
          refuse (paste, cell, g_strdup (error->message));
          g_error_free (error);
          return;
        }
    }
  if (entry == NULL ? before == NULL : before != NULL && td_entry_equal (before, entry))
    {
      paste->n_unchanged++;
      cell_free (cell);
      return;
    }
  /* The meeting's agreed points replace what the rule gives: a pasted
   * value would change nothing the clerk sees, and clearing the cell
   * would lose them. */
  if (before != NULL && before->has_agreed)
    {
      g_autofree gchar *points = td_points_format (before->agreed);

      refuse (paste, cell,
              g_strdup_printf (_ ("The meeting agreed %s points for this criterion: change or "
                                  "remove them first (Ctrl+T)."),
                               points));
      return;
    }
  cell->before = before ? td_entry_copy (before) : NULL;
  cell->new_text = entry ? td_criterion_format_input (c, entry) : g_strdup ("");
  cell->entry = g_steal_pointer (&entry);
  g_ptr_array_add (paste->changes, cell);
}

TdScorePaste *
td_score_paste_plan (TdScores *scores, TdSource source, const gint *rows, guint n_rows,
                     const guint *units, guint n_columns, guint at_row, guint at_column,
                     const char *text, GError **error)
{
  g_autoptr (GPtrArray) block = td_score_paste_split (text, -1, error);
  TdScorePaste *paste;

  g_return_val_if_fail (source == TD_SOURCE_SELF || source == TD_SOURCE_ASSESSED, NULL);
  if (block == NULL)
    return NULL;
  paste = g_new0 (TdScorePaste, 1);
  paste->source = source;
  paste->changes = g_ptr_array_new_with_free_func (cell_free);
  paste->refused = g_ptr_array_new_with_free_func (cell_free);
  paste->n_rows = block->len;
  for (guint r = 0; r < block->len; r++)
    {
      GPtrArray *line = g_ptr_array_index (block, r);

      paste->n_columns = MAX (paste->n_columns, line->len);
      for (guint k = 0; k < line->len; k++)
        {
          TdScorePasteCell *cell = g_new0 (TdScorePasteCell, 1);
          guint row = at_row + r, column = at_column + k;

          cell->block_row = r;
          cell->block_column = k;
          cell->row = row;
          cell->column = column;
          cell->text = g_strdup (g_ptr_array_index (line, k));
          cell->index = -1;
          cell->unit = G_MAXUINT;
          if (row >= n_rows || column >= n_columns)
            {
              if (is_blank (cell->text))
                cell_free (cell);
              else
                refuse (paste, cell,
                        g_strdup (row >= n_rows ? _ ("Below the last row of the matrix.")
                                                : _ ("Right of the last unit of the matrix.")));
              continue;
            }
          cell->index = rows[row];
          cell->unit = units[column];
          plan_cell (paste, scores, cell);
        }
    }
  return paste;
}

gboolean
td_score_paste_save_cells (TdScores *scores, TdDb *db, TdSource source, guint n, const guint *units,
                           const gint *indices, TdEntry *const *entries, GError **error)
{
  TdCriteriaTable *table = td_scores_get_table (scores);
  g_autoptr (GPtrArray) saved = g_ptr_array_new_with_free_func ((GDestroyNotify)td_entry_free);
  GError *local = NULL;
  gboolean ok;

  if (!td_db_begin (db, error))
    return FALSE;
  td_db_freeze_notify (db);
  for (guint i = 0; i < n && local == NULL; i++)
    {
      const TdCriterion *c = td_criteria_table_get_node (table, indices[i]);

      if (entries[i] != NULL)
        {
          TdEntry *copy = td_entry_copy (entries[i]);

          copy->source = source;
          g_ptr_array_add (saved, copy);
          td_entry_save (db, c, copy, &local);
        }
      else
        {
          g_ptr_array_add (saved, NULL);
          td_entry_delete_with_criterion (db, c, td_scores_get_unit_id (scores, units[i]), source,
                                          NULL, &local);
        }
    }
  /* The notifications wait until the scores hold what was saved. */
  ok = td_query_finish_local (db, local, error);
  for (guint i = 0; ok && i < n; i++)
    td_scores_put_entry (scores, units[i], indices[i], source, g_ptr_array_index (saved, i));
  td_db_thaw_notify (db);
  return ok;
}

gboolean
td_score_paste_apply (TdScorePaste *paste, TdScores *scores, TdDb *db, GError **error)
{
  guint n = paste->changes->len;
  g_autofree guint *units = g_new (guint, MAX (n, 1));
  g_autofree gint *indices = g_new (gint, MAX (n, 1));
  g_autofree TdEntry **entries = g_new (TdEntry *, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      TdScorePasteCell *cell = g_ptr_array_index (paste->changes, i);

      units[i] = cell->unit;
      indices[i] = cell->index;
      entries[i] = cell->entry;
    }
  return td_score_paste_save_cells (scores, db, paste->source, n, units, indices, entries, error);
}

gchar *
td_score_paste_copy (TdScores *scores, TdSource source, const gint *rows, guint n_rows,
                     const guint *units, guint n_columns)
{
  GString *out = g_string_new (NULL);

  for (guint r = 0; r < n_rows; r++)
    {
      for (guint k = 0; k < n_columns; k++)
        {
          g_autofree gchar *text = shown_text (scores, source, rows[r], units[k]);

          /* A value with a tab, a line break or a quote is quoted. */
          td_text_append_tsv_cell (out, k, text, strpbrk (text, "\t\n\r\"") != NULL);
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}
