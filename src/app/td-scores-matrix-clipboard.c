/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The matrix's copy and paste, as in a spreadsheet.
 *
 * Its own keys come before a field's (a shortcut controller in the
 * capture phase on the grid): Shift+arrows choose a block from the
 * focused cell (td-scores-matrix-view.c keeps it), Ctrl+C copies the
 * block or the cell as tab-separated text, Ctrl+V reads the clipboard
 * (td-table-clipboard.c: a table in HTML first, then text), plans the
 * paste in the core (td-score-paste.c) and shows the preview
 * (td-score-paste-dialog.c); its Enter emits the view's "paste", which
 * the section saves in one step of Ctrl+Z.  One value without tab or
 * line break goes into the focused field as typed text.  While the clerk
 * selects letters inside a field, its own Ctrl+C and Shift+arrows work. */
#include "config.h"

#include "td-score-paste-dialog.h"
#include "td-scores-matrix-view.h"
#include "td-table-clipboard.h"
#include "td-window.h"

#include <glib/gi18n.h>
#include <string.h>

/* The matrix cell with the focus: its node and column. */
static gboolean
focused_matrix_cell (TdScoresMatrixView *self, gint *node, guint *column)
{
  GtkWidget *grid = GTK_WIDGET (td_scores_view_get_column_view (TD_SCORES_VIEW (self)));
  GtkRoot *root = gtk_widget_get_root (grid);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *cell = focus ? gtk_widget_get_ancestor (focus, TD_TYPE_SCORE_CELL) : NULL;

  if (cell == NULL || !gtk_widget_is_ancestor (cell, grid)
      || td_scores_view_get_state (TD_SCORES_VIEW (self))->scores == NULL)
    return FALSE;
  *node = (gint)td_score_cell_get_row (TD_SCORE_CELL (cell));
  *column = td_score_cell_get_column (TD_SCORE_CELL (cell));
  return TRUE;
}

/* The units of @n columns from @first. */
static guint *
column_units (TdScoresState *state, guint first, guint n)
{
  guint *units = g_new (guint, MAX (n, 1));

  for (guint k = 0; k < n; k++)
    units[k] = td_scores_state_unit_of (state, first + k);
  return units;
}

/* Ctrl+C: the block chosen with Shift+arrows, or the focused cell, as
 * text a spreadsheet takes (tabs between cells, a line per row). */
void
td_scores_matrix_view_copy (TdScoresMatrixView *self)
{
  TdScoresState *state = td_scores_view_get_state (TD_SCORES_VIEW (self));
  GtkWidget *widget = GTK_WIDGET (td_scores_view_get_column_view (TD_SCORES_VIEW (self)));
  g_autoptr (GArray) rows = NULL;
  g_autofree guint *units = NULL;
  g_autofree gchar *text = NULL;
  g_autofree gchar *done = NULL;
  guint row, n_rows, column, n_columns;
  gint node;

  if (!gtk_widget_get_mapped (widget) || !focused_matrix_cell (self, &node, &column))
    {
      td_window_toast_text (widget, _ ("Put the cursor in a cell of the matrix to copy it "
                                       "(Shift+arrows choose a block)."));
      return;
    }
  rows = td_scores_view_get_row_indices (TD_SCORES_VIEW (self));
  td_scores_matrix_view_get_block (self, node, column, rows, &row, &n_rows, &column, &n_columns);
  units = column_units (state, column, n_columns);
  text = td_score_paste_copy (state->scores, state->matrix_source, (const gint *)rows->data + row,
                              n_rows, units, n_columns);
  /* One cell is its value, without the line break of a row. */
  if (n_rows * n_columns == 1)
    g_strchomp (text);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  done = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "%u cell copied.", "%u cells copied.", n_rows * n_columns),
      n_rows * n_columns);
  td_window_toast_text (widget, done);
}

/* The preview's Enter: the view says so, the section saves. */
static void
on_apply (TdScorePaste *paste, gpointer data)
{
  g_autoptr (TdScoresMatrixView) self = g_weak_ref_get (data);

  if (self != NULL)
    g_signal_emit_by_name (self, "paste", paste);
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

/* One value (no tab, one line) goes into the focused cell like typing. */
static gboolean
paste_into_cell (TdScoresMatrixView *self, const char *text)
{
  g_autofree gchar *value = g_strdup (text);
  gint node;
  guint column;
  GtkEditable *editable;
  TdScoreCell *cell;
  int position;

  g_strchomp (value);
  if (strchr (value, '\t') != NULL || strchr (value, '\n') != NULL || strchr (value, '\r') != NULL
      || !g_utf8_validate (value, -1, NULL))
    return FALSE;
  if (!focused_matrix_cell (self, &node, &column)
      || (cell = td_scores_view_get_cell (TD_SCORES_VIEW (self), node, column)) == NULL
      || td_score_cell_is_choice (cell))
    return FALSE;
  editable = td_score_cell_get_editable (cell);
  gtk_editable_delete_selection (editable);
  position = gtk_editable_get_position (editable);
  gtk_editable_insert_text (editable, g_strstrip (value), -1, &position);
  gtk_editable_set_position (editable, position);
  return TRUE;
}

static void
on_clipboard_text (const char *text, gboolean from_html, gpointer owner)
{
  TdScoresMatrixView *self = TD_SCORES_MATRIX_VIEW (owner);
  TdScoresState *state = td_scores_view_get_state (TD_SCORES_VIEW (self));
  GtkWidget *grid = GTK_WIDGET (td_scores_view_get_column_view (TD_SCORES_VIEW (self)));
  g_autoptr (GArray) rows = NULL;
  g_autofree guint *units = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) names = NULL;
  TdScorePaste *paste;
  GtkRoot *root = gtk_widget_get_root (grid);
  GWeakRef *ref;
  guint n = td_scores_state_n_members (state);
  gint node;
  guint column;
  GtkWidget *dialog;

  if (state->scores == NULL || !gtk_widget_get_mapped (grid))
    return;
  if (text == NULL)
    {
      td_window_toast_text (grid,
                            _ ("The clipboard holds no text: copy the cells in the spreadsheet "
                               "first."));
      return;
    }
  if (!focused_matrix_cell (self, &node, &column))
    {
      td_window_toast_text (grid, _ ("Put the cursor in the matrix cell where the copied block "
                                     "should start, then paste."));
      return;
    }
  if (paste_into_cell (self, text))
    return;
  rows = td_scores_view_get_row_indices (TD_SCORES_VIEW (self));
  units = column_units (state, 0, n);
  {
    guint at = 0;

    for (guint i = 0; i < rows->len; i++)
      if (g_array_index (rows, gint, i) == node)
        at = i;
    paste = td_score_paste_plan (state->scores, state->matrix_source, (const gint *)rows->data,
                                 rows->len, units, n, at, column, text, &error);
  }
  if (paste == NULL)
    {
      td_window_toast_text (grid, error->message);
      return;
    }
  if (paste->changes->len == 0 && paste->refused->len == 0)
    {
      td_window_toast_text (grid, _ ("The matrix already holds the pasted values."));
      td_score_paste_free (paste);
      return;
    }
  names = g_ptr_array_new ();
  for (guint m = 0; m < n; m++)
    {
      TdMember *member = g_ptr_array_index (state->members, m);
      g_ptr_array_add (names, member->name);
    }
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  dialog = td_score_paste_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, paste,
                                      state->table, names, on_apply, ref, weak_ref_free);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Ctrl+V in the matrix: a block copied from a spreadsheet lands from the
 * focused cell on, after a preview. */
void
td_scores_matrix_view_paste (TdScoresMatrixView *self)
{
  GtkWidget *widget = GTK_WIDGET (td_scores_view_get_column_view (TD_SCORES_VIEW (self)));
  gint node;
  guint column;

  if (!td_scores_view_get_state (TD_SCORES_VIEW (self))->writable)
    {
      td_window_toast_text (widget, _ ("This database is open read-only."));
      return;
    }
  if (!gtk_widget_get_mapped (widget) || !focused_matrix_cell (self, &node, &column))
    {
      td_window_toast_text (widget, _ ("Put the cursor in the matrix cell where the copied "
                                       "block should start, then paste."));
      return;
    }
  td_table_clipboard_read (gtk_widget_get_clipboard (widget), on_clipboard_text, G_OBJECT (self));
}

/* Whether the focused field has only part of its text selected: the
 * clerk is copying or choosing letters, not cells. */
static gboolean
editing_text (GtkWidget *grid, gboolean left_right)
{
  GtkRoot *root = gtk_widget_get_root (grid);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkEditable *editable;
  int start, end, length;

  if (focus == NULL || !GTK_IS_EDITABLE (focus))
    return FALSE;
  editable = GTK_EDITABLE (focus);
  length = g_utf8_strlen (gtk_editable_get_text (editable), -1);
  if (gtk_editable_get_selection_bounds (editable, &start, &end))
    return !(start == 0 && end == length);
  /* Shift+Left/Right with the caret inside the text select letters. */
  return left_right && length > 0;
}

/* The matrix's own keys, before the field's: Ctrl+C, Ctrl+V and
 * Shift+arrows work on cells (unless the clerk is selecting letters). */
static gboolean
on_matrix_key (GtkWidget *widget, GVariant *args, gpointer data)
{
  TdScoresMatrixView *self = TD_SCORES_MATRIX_VIEW (data);
  const char *what = g_variant_get_string (args, NULL);
  gint node;
  guint column;

  if (!focused_matrix_cell (self, &node, &column))
    return FALSE;
  if (g_str_equal (what, "copy"))
    {
      if (editing_text (widget, FALSE))
        return FALSE;
      td_scores_matrix_view_copy (self);
    }
  else if (g_str_equal (what, "paste"))
    td_scores_matrix_view_paste (self);
  else
    {
      gboolean across = g_str_equal (what, "left") || g_str_equal (what, "right");

      if (across && editing_text (widget, TRUE))
        return FALSE;
      td_scores_matrix_view_extend_block (self, node, column,
                                          g_str_equal (what, "up")     ? -1
                                          : g_str_equal (what, "down") ? 1
                                                                       : 0,
                                          g_str_equal (what, "left")    ? -1
                                          : g_str_equal (what, "right") ? 1
                                                                        : 0);
    }
  return TRUE;
}

void
td_scores_matrix_view_add_keys (TdScoresMatrixView *self)
{
  static const struct
  {
    guint keyval;
    GdkModifierType mods;
    const char *what;
  } keys[] = {
    { GDK_KEY_c, GDK_CONTROL_MASK, "copy" },  { GDK_KEY_v, GDK_CONTROL_MASK, "paste" },
    { GDK_KEY_Up, GDK_SHIFT_MASK, "up" },     { GDK_KEY_Down, GDK_SHIFT_MASK, "down" },
    { GDK_KEY_Left, GDK_SHIFT_MASK, "left" }, { GDK_KEY_Right, GDK_SHIFT_MASK, "right" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_name (controller, "td-matrix-keys");
  /* Before the field's own Ctrl+C, Ctrl+V and Shift+arrows. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkShortcut *shortcut
          = gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].keyval, keys[i].mods),
                              gtk_callback_action_new (on_matrix_key, self, NULL));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_string (keys[i].what));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (td_scores_view_get_column_view (TD_SCORES_VIEW (self))),
                             controller);
}
