/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Scores section under Xvfb, in Vietnamese, on the demo database:
 * keyboard entry in the one-unit view and in the matrix, refused values
 * with the allowed range, exact totals after each edit, the differences
 * filter and a cell's history. */
#include "config.h"

#include "td-demo.h"
#include "td-registry.h"
#include "td-lazy-tooltip.h"
#include "td-scores-page.h"
#include "td-agreed-dialog.h"
#include "td-ranking-store.h"
#include "td-test-util.h"
#include "td-text.h"

#include <string.h>

typedef struct
{
  TdWindow *window;
  TdDb *db;
  gint64 bloc_year_id;
  TdScoresPage *page;
  gchar *dir;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->db = td_test_demo_db (&f->dir);
  f->bloc_year_id = td_test_first_bloc_year (f->db, 2024);
  f->window = td_test_window_with (f->db, f->bloc_year_id, 0, 0);
  g_assert_true (td_window_show_section (f->window, "scores"));
  f->page
      = TD_SCORES_PAGE (td_test_find_widget (GTK_WIDGET (f->window), TD_TYPE_SCORES_PAGE, NULL));
  g_assert_nonnull (f->page);
  td_test_wait_drawn (GTK_WIDGET (f->page));
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  td_test_destroy_window (f->window);
  g_clear_object (&f->db);
  g_free (f->dir);
}

/* The first node of @kind at @depth whose standard points are @standard
 * (−1: any). */
static const TdCriterion *
find_node (TdScores *scores, TdRuleKind kind, gint depth, TdPoints standard)
{
  TdCriteriaTable *table = td_scores_get_table (scores);

  for (guint i = 0; i < td_criteria_table_get_n_nodes (table); i++)
    {
      const TdCriterion *c = td_criteria_table_get_node (table, i);
      if (c->kind == kind && c->depth == depth && (standard < 0 || c->standard == standard))
        return c;
    }
  g_assert_not_reached ();
}

static gboolean
cell_has_focus (TdScoreCell *cell)
{
  return (gtk_widget_get_state_flags (GTK_WIDGET (cell)) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0;
}

static gint64 slowest_commit_us;

/* Types @text into @cell and presses Enter; keeps the slowest time from
 * Enter to the saved value, recomputed totals and refreshed labels. */
static void
type_enter (TdScoreCell *cell, const char *text)
{
  GtkEditable *editable = td_score_cell_get_editable (cell);
  gint64 start;

  td_score_cell_focus (cell);
  gtk_editable_set_text (editable, text);
  start = g_get_monotonic_time ();
  g_signal_emit_by_name (editable, "activate");
  slowest_commit_us = MAX (slowest_commit_us, g_get_monotonic_time () - start);
  td_test_iterate ();
}

/* Types @text into @cell and presses Tab (through the cell's own key
 * handler, as a keyboard would reach it). */
static void
type_tab (TdScoreCell *cell, const char *text)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (cell));
  gboolean handled = FALSE;

  td_score_cell_focus (cell);
  gtk_editable_set_text (td_score_cell_get_editable (cell), text);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Tab, 0, 0, &handled);
    }
  g_assert_true (handled);
  td_test_iterate ();
}

static gchar *
expected_total (const char *label, TdPoints points)
{
  g_autofree gchar *text = td_points_format (points);
  return g_strdup_printf ("%s: %s", label, text);
}

/* The score cell holding the keyboard focus, NULL when none does. */
static TdScoreCell *
focused_cell (Fixture *f)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

  return focus ? TD_SCORE_CELL (gtk_widget_get_ancestor (focus, TD_TYPE_SCORE_CELL)) : NULL;
}

typedef struct
{
  Fixture *f;
  TdScoreCell *from;
} FocusWait;

static gboolean
focus_moved (gpointer data)
{
  FocusWait *w = data;

  return focused_cell (w->f) != w->from;
}

/* Presses @keyval in the focused cell (through its own key handler, as a
 * keyboard would reach it) and waits for the focus to settle: a cell
 * whose row is scrolled into sight is focused a moment later. */
static void
press (Fixture *f, guint keyval, GdkModifierType mods)
{
  TdScoreCell *cell = focused_cell (f);
  g_autoptr (GListModel) controllers = NULL;
  gboolean handled = FALSE;
  FocusWait w = { f, cell };

  g_assert_nonnull (cell);
  if (keyval == GDK_KEY_Return && mods == 0)
    {
      g_signal_emit_by_name (td_score_cell_get_editable (cell), "activate");
      handled = TRUE;
    }
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (cell));
  for (guint i = 0; !handled && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, mods, &handled);
    }
  /* Some keys rightly leave the focus where it is (Up in the top row). */
  for (gint64 end = g_get_monotonic_time () + 300 * 1000;
       !focus_moved (&w) && g_get_monotonic_time () < end;)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  td_test_iterate ();
}

/* The first and the last node that take a value. */
static void
editable_range (TdScores *scores, gint *first, gint *last)
{
  TdCriteriaTable *table = td_scores_get_table (scores);

  *first = *last = -1;
  for (guint i = 0; i < td_criteria_table_get_n_nodes (table); i++)
    if (td_rule_kind_get_input (td_criteria_table_get_node (table, i)->kind) != TD_INPUT_NONE)
      {
        if (*first < 0)
          *first = i;
        *last = i;
      }
}

/* Whether @cell is wholly inside its grid's visible width (once the
 * scrolled grid is laid out again). */
static gboolean
in_sight (gpointer cell)
{
  GtkWidget *grid = gtk_widget_get_ancestor (cell, GTK_TYPE_COLUMN_VIEW);
  graphene_rect_t b;

  return gtk_widget_compute_bounds (cell, grid, &b) && b.origin.x >= 0
         && b.origin.x + b.size.width <= gtk_widget_get_width (grid) + 1;
}

/* Whether @cell is wholly inside its grid's visible height. */
static gboolean
in_sight_down (gpointer cell)
{
  GtkWidget *grid = gtk_widget_get_ancestor (cell, GTK_TYPE_COLUMN_VIEW);
  graphene_rect_t b;

  return gtk_widget_compute_bounds (cell, grid, &b) && b.origin.y >= 0
         && b.origin.y + b.size.height <= gtk_widget_get_height (grid) + 1;
}

/* The matrix as a spreadsheet: arrows move between cells (Left and Right
 * only from the text's edge), Enter goes down a whole column and on at
 * the top of the next one, Shift+Tab before the first cell leaves the
 * grid, and the focused cell is always in sight. */
static void
test_matrix_spreadsheet (Fixture *f, gconstpointer data)
{
  TdScores *scores = td_scores_page_get_scores (f->page);
  TdCriteriaTable *table = td_scores_get_table (scores);
  GtkWidget *grid;
  TdScoreCell *cell;
  gint first, last;
  guint steps = 0;
  graphene_rect_t bounds;
  const struct
  {
    guint right, left, down, up;
  } arrows[] = {
    { GDK_KEY_Right, GDK_KEY_Left, GDK_KEY_Down, GDK_KEY_Up },
    { GDK_KEY_KP_Right, GDK_KEY_KP_Left, GDK_KEY_KP_Down, GDK_KEY_KP_Up },
  };

  editable_range (scores, &first, &last);
  td_test_activate (GTK_WIDGET (f->page), "scores.show-view", g_variant_new_string ("matrix"));
  td_scores_page_set_matrix_source (f->page, TD_SOURCE_ASSESSED);
  td_test_wait_drawn (GTK_WIDGET (f->page));

  cell = td_scores_page_get_cell (f->page, TRUE, td_criteria_table_get_node (table, first)->id, 1);
  g_assert_nonnull (cell);
  td_score_cell_focus (cell);
  grid = gtk_widget_get_ancestor (GTK_WIDGET (cell), GTK_TYPE_COLUMN_VIEW);

  /* Right, Left, Down, Up, then the same on the keypad: the next cell
   * each way; Up at the top stays. */
  for (guint k = 0; k < G_N_ELEMENTS (arrows); k++)
    {
      press (f, arrows[k].right, 0);
      g_assert_cmpuint (td_score_cell_get_column (focused_cell (f)), ==, 2);
      press (f, arrows[k].left, 0);
      g_assert_cmpuint (td_score_cell_get_column (focused_cell (f)), ==, 1);
      press (f, arrows[k].down, 0);
      g_assert_cmpuint (td_score_cell_get_row (focused_cell (f)), >, (guint)first);
      g_assert_cmpuint (td_score_cell_get_column (focused_cell (f)), ==, 1);
      press (f, arrows[k].up, 0);
      g_assert_cmpuint (td_score_cell_get_row (focused_cell (f)), ==, (guint)first);
      press (f, arrows[k].up, 0);
      g_assert_cmpuint (td_score_cell_get_row (focused_cell (f)), ==, (guint)first);
    }

  /* With the caret inside the text, Left moves the caret, not the cell. */
  if (!td_score_cell_is_choice (focused_cell (f)))
    {
      GtkEditable *editable = td_score_cell_get_editable (focused_cell (f));

      gtk_editable_set_text (editable, "12");
      gtk_editable_set_position (editable, 1);
      press (f, GDK_KEY_Left, 0);
      g_assert_cmpuint (td_score_cell_get_column (focused_cell (f)), ==, 1);
      gtk_editable_set_text (editable, td_score_cell_get_saved_text (focused_cell (f)));
    }

  /* Enter down the whole column, every cell scrolled into sight, then on
   * at the top of the next unit's column. */
  while (td_score_cell_get_column (focused_cell (f)) == 1 && steps++ < 200)
    {
      cell = focused_cell (f);
      /* Scrolled on the next frame. */
      td_test_wait_until (in_sight_down, cell, 2000);
      g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (cell), grid, &bounds));
      g_assert_cmpfloat (bounds.origin.y, >=, 0);
      g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=,
                         gtk_widget_get_height (grid) + 1);
      press (f, GDK_KEY_Return, 0);
    }
  g_assert_cmpuint (td_score_cell_get_row (cell), ==, (guint)last);
  g_assert_cmpuint (td_score_cell_get_column (focused_cell (f)), ==, 2);
  g_assert_cmpuint (td_score_cell_get_row (focused_cell (f)), ==, (guint)first);

  /* The last unit's column is brought into sight when reached. */
  for (guint m = 2; m + 1 < td_scores_get_n_units (scores); m++)
    press (f, GDK_KEY_Right, 0);
  cell = focused_cell (f);
  g_assert_cmpuint (td_score_cell_get_column (cell), ==, td_scores_get_n_units (scores) - 1);
  td_test_wait_until (in_sight, cell, 2000);
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (cell), grid, &bounds));
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (grid) + 1);
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_free (td_test_screenshot (GTK_WIDGET (f->window), "scores-matrix-last-unit.png"));

  /* Shift+Tab before the first cell leaves the grid. */
  td_score_cell_focus (
      td_scores_page_get_cell (f->page, TRUE, td_criteria_table_get_node (table, first)->id, 0));
  td_test_iterate ();
  press (f, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK);
  g_assert_null (focused_cell (f));
}

/* Ctrl+Z puts back the entries the last edits replaced, newest first:
 * a changed value, then a value typed where there was none. */
static void
test_undo_last_edits (Fixture *f, gconstpointer data)
{
  TdScores *scores = td_scores_page_get_scores (f->page);
  const TdCriterion *c = find_node (scores, TD_RULE_STANDARD, 1, TD_POINTS (20));
  TdScoreCell *cell;
  const TdEntry *entry;
  TdPoints old;
  guint unit = 3;

  td_test_activate (GTK_WIDGET (f->page), "scores.show-view", g_variant_new_string ("matrix"));
  td_scores_page_set_matrix_source (f->page, TD_SOURCE_ASSESSED);
  td_test_wait_drawn (GTK_WIDGET (f->page));
  entry = td_scores_get_entry (scores, unit, c->index, TD_SOURCE_ASSESSED);
  g_assert_nonnull (entry);
  old = entry->points;

  cell = td_scores_page_get_cell (f->page, TRUE, c->id, unit);
  type_enter (cell, "3");
  g_assert_cmpint (td_scores_get_entry (scores, unit, c->index, TD_SOURCE_ASSESSED)->points, ==,
                   300);
  type_enter (cell, "");
  g_assert_null (td_scores_get_entry (scores, unit, c->index, TD_SOURCE_ASSESSED));

  td_test_activate (GTK_WIDGET (f->page), "scores.undo", NULL);
  g_assert_cmpint (td_scores_get_entry (scores, unit, c->index, TD_SOURCE_ASSESSED)->points, ==,
                   300);
  g_assert_cmpstr (gtk_editable_get_text (td_score_cell_get_editable (cell)), ==, "3");
  td_test_activate (GTK_WIDGET (f->page), "scores.undo", NULL);
  g_assert_cmpint (td_scores_get_entry (scores, unit, c->index, TD_SOURCE_ASSESSED)->points, ==,
                   old);
  /* And the file holds it: what a reload reads back. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (TdEntry) saved = td_entry_load (f->db, td_scores_get_unit_id (scores, unit), c->id,
                                               TD_SOURCE_ASSESSED, &error);
    g_assert_no_error (error);
    g_assert_cmpint (saved->points, ==, old);
  }
}

/* The one-unit view shows, next to each value, what it gives: a count
 * with its unit and points, so the rows add up to the subtotal. */
static void
test_rows_show_points (Fixture *f, gconstpointer data)
{
  TdScores *scores = td_scores_page_get_scores (f->page);
  const TdCriterion *c = find_node (scores, TD_RULE_BONUS_EACH, 1, -1);
  guint unit = td_scores_find_unit (scores, td_scores_page_get_unit (f->page));
  TdScoreCell *cell = td_scores_page_get_cell (f->page, FALSE, c->id, TD_SCORES_COL_SELF);
  GtkWidget *label = gtk_widget_get_next_sibling (GTK_WIDGET (cell));
  g_autofree gchar *points = NULL, *expect = NULL;

  type_enter (cell, "2");
  points = td_points_format (td_scores_node_totals (scores, unit, c->index, TD_SOURCE_SELF).total);
  g_assert_cmpint (td_scores_node_totals (scores, unit, c->index, TD_SOURCE_SELF).total, ==,
                   2 * c->rate);
  expect = g_strdup_printf ("trường hợp → %s", points);
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, expect);

  /* An option says its points itself ("Bằng khen … (+1)"): nothing beside
   * it repeats them, so the option's label has the column's width. */
  c = find_node (scores, TD_RULE_OPTIONS, 1, -1);
  cell = td_scores_page_get_cell (f->page, FALSE, c->id, TD_SCORES_COL_SELF);
  g_assert_nonnull (cell);
  g_assert_nonnull (td_scores_get_entry (scores, unit, c->index, TD_SOURCE_SELF));
  g_assert_true (td_score_cell_is_choice (cell));
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_next_sibling (GTK_WIDGET (cell))));
}

static void
test_one_unit_keyboard (Fixture *f, gconstpointer data)
{
  TdScores *scores = td_scores_page_get_scores (f->page);
  const TdCriterion *c;
  TdScoreCell *self_cell, *assessed_cell;
  gint64 unit_id;
  guint unit;
  TdPoints before, old;
  const TdEntry *entry;
  g_autofree gchar *expect = NULL, *hint = NULL, *shot = NULL, *expect_self = NULL;
  const char *tooltip;

  g_assert_nonnull (scores);
  unit = 1;
  unit_id = td_scores_get_unit_id (scores, unit);
  g_assert_true (td_scores_page_set_unit (f->page, unit_id));
  td_test_wait_drawn (GTK_WIDGET (f->page));

  /* I.3: standard points 0 … 5 */
  c = find_node (scores, TD_RULE_STANDARD, 1, TD_POINTS (5));
  self_cell = td_scores_page_get_cell (f->page, FALSE, c->id, TD_SCORES_COL_SELF);
  g_assert_nonnull (self_cell);
  before = td_scores_get_totals (scores, unit)->table[TD_SOURCE_SELF].total;
  entry = td_scores_get_entry (scores, unit, c->index, TD_SOURCE_SELF);
  old = entry ? entry->points : 0;

  /* A decimal comma, then Tab to the assessed cell of the same row. */
  type_tab (self_cell, "4,5");
  entry = td_scores_get_entry (scores, unit, c->index, TD_SOURCE_SELF);
  g_assert_nonnull (entry);
  g_assert_cmpint (entry->points, ==, 450);
  expect = expected_total ("Tự chấm", before - old + 450);
  g_assert_cmpstr (td_scores_page_get_total_text (f->page, TD_SOURCE_SELF), ==, expect);
  assessed_cell = td_scores_page_get_cell (f->page, FALSE, c->id, TD_SCORES_COL_ASSESSED);
  g_assert_true (cell_has_focus (assessed_cell));

  /* A decimal dot in the assessed cell: the final total and the difference. */
  type_enter (assessed_cell, "3.5");
  entry = td_scores_get_entry (scores, unit, c->index, TD_SOURCE_ASSESSED);
  g_assert_cmpint (entry->points, ==, 350);
  g_assert_cmpstr (gtk_editable_get_text (td_score_cell_get_editable (assessed_cell)), ==, "3,5");
  g_clear_pointer (&expect, g_free);
  expect = expected_total ("Tổng điểm",
                           td_scores_get_totals (scores, unit)->table[TD_SOURCE_FINAL].total);
  g_assert_cmpstr (td_scores_page_get_total_text (f->page, TD_SOURCE_FINAL), ==, expect);
  g_assert_nonnull (td_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_LABEL, "−1"));
  expect_self = g_strdup (td_scores_page_get_total_text (f->page, TD_SOURCE_SELF));

  /* Too much: refused at the cell, naming the range; nothing saved. */
  type_enter (self_cell, "7");
  hint = td_criterion_input_hint (c);
  tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (td_score_cell_get_editable (self_cell)));
  g_assert_nonnull (tooltip);
  g_test_message ("refused: %s", tooltip);
  g_assert_nonnull (strstr (tooltip, hint));
  g_assert_nonnull (strstr (tooltip, "0 – 5"));
  g_assert_true (
      gtk_widget_has_css_class (GTK_WIDGET (td_score_cell_get_editable (self_cell)), "error"));
  g_assert_true (cell_has_focus (self_cell));
  g_assert_cmpint (td_scores_get_entry (scores, unit, c->index, TD_SOURCE_SELF)->points, ==, 450);
  g_clear_pointer (&expect, g_free);
  expect = expected_total ("Tự chấm", before - old + 450);
  g_assert_cmpstr (td_scores_page_get_total_text (f->page, TD_SOURCE_SELF), ==, expect);
  shot = td_test_screenshot (GTK_WIDGET (f->window), "scores-refused.png");
  g_clear_pointer (&shot, g_free);

  /* Escape puts back the saved value. */
  {
    g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (self_cell));
    gboolean handled = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);
        if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
          g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Escape, 0, 0, &handled);
      }
    g_assert_true (handled);
    g_assert_cmpstr (gtk_editable_get_text (td_score_cell_get_editable (self_cell)), ==, "4,5");
  }

  /* An emptied cell is "not scored" again. */
  type_enter (assessed_cell, "");
  g_assert_null (td_scores_get_entry (scores, unit, c->index, TD_SOURCE_ASSESSED));
  type_enter (assessed_cell, "3,5");
  g_assert_cmpint (td_scores_get_entry (scores, unit, c->index, TD_SOURCE_ASSESSED)->points, ==,
                   350);

  /* Alt+Page Down: the next member, Alt+Page Up: back. */
  {
    GtkDropDown *units
        = GTK_DROP_DOWN (td_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_DROP_DOWN, NULL));
    guint selected = gtk_drop_down_get_selected (units);

    td_test_activate (GTK_WIDGET (f->page), "scores.next-unit", NULL);
    g_assert_cmpuint (gtk_drop_down_get_selected (units), ==, selected + 1);
    td_test_activate (GTK_WIDGET (f->page), "scores.previous-unit", NULL);
    g_assert_cmpuint (gtk_drop_down_get_selected (units), ==, selected);
  }
  g_assert_cmpstr (td_scores_page_get_total_text (f->page, TD_SOURCE_SELF), ==, expect_self);

  /* A count is a whole number. */
  c = find_node (scores, TD_RULE_DEDUCTION_EACH, 1, -1);
  self_cell = td_scores_page_get_cell (f->page, FALSE, c->id, TD_SCORES_COL_SELF);
  if (self_cell != NULL)
    {
      type_enter (self_cell, "1,5");
      g_assert_true (
          gtk_widget_has_css_class (GTK_WIDGET (td_score_cell_get_editable (self_cell)), "error"));
    }

  /* The history of the edited cell, on request. */
  c = find_node (scores, TD_RULE_STANDARD, 1, TD_POINTS (5));
  self_cell = td_scores_page_get_cell (f->page, FALSE, c->id, TD_SCORES_COL_SELF);
  td_score_cell_focus (self_cell);
  td_test_activate (GTK_WIDGET (f->page), "scores.history", NULL);
  td_test_wait_drawn (GTK_WIDGET (f->page));
  {
    g_autofree gchar *heading = g_strdup_printf ("Lịch sử thay đổi %s %s", c->code, c->title);
    GtkWidget *title = td_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_LABEL, heading);
    GtkWidget *popover = title ? gtk_widget_get_ancestor (title, GTK_TYPE_POPOVER) : NULL;
    g_autofree gchar *change = g_strdup_printf ("Tự chấm, điểm: %s → 4,5", old ? "" : "(chưa có)");
    GtkWidget *row;

    g_assert_nonnull (popover);
    g_assert_true (gtk_widget_get_visible (popover));
    /* The newest change first: self-score, old → 4,5, when and who. */
    row = td_test_find_widget (popover, ADW_TYPE_ACTION_ROW, NULL);
    g_assert_nonnull (row);
    g_test_message ("history: %s", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
    g_assert_true (
        g_str_has_suffix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "→ 4,5"));
    g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                     "Tự chấm, điểm: "));
    (void)change;
    g_free (td_test_screenshot (popover, "scores-history.png"));
  }
  shot = td_test_screenshot (GTK_WIDGET (f->window), "scores-unit.png");
}

static void
test_matrix_keyboard (Fixture *f, gconstpointer data)
{
  TdScores *scores = td_scores_page_get_scores (f->page);
  const TdCriterion *c, *next;
  TdScoreCell *cell;
  TdPoints before, old;
  const TdEntry *entry;
  g_autofree gchar *shot = NULL, *expect = NULL;
  guint unit = 2;

  td_test_activate (GTK_WIDGET (f->page), "scores.show-view", g_variant_new_string ("matrix"));
  td_scores_page_set_matrix_source (f->page, TD_SOURCE_ASSESSED);
  td_test_wait_drawn (GTK_WIDGET (f->page));

  c = find_node (scores, TD_RULE_STANDARD, 1, TD_POINTS (20));
  cell = td_scores_page_get_cell (f->page, TRUE, c->id, unit);
  g_assert_nonnull (cell);
  before = td_scores_get_totals (scores, unit)->table[TD_SOURCE_ASSESSED].total;
  entry = td_scores_get_entry (scores, unit, c->index, TD_SOURCE_ASSESSED);
  old = entry ? entry->points : 0;

  type_enter (cell, "18,25");
  entry = td_scores_get_entry (scores, unit, c->index, TD_SOURCE_ASSESSED);
  g_assert_cmpint (entry->points, ==, 1825);
  g_assert_cmpint (td_scores_get_totals (scores, unit)->table[TD_SOURCE_ASSESSED].total, ==,
                   before - old + 1825);
  /* The Total row of that unit's column follows. */
  expect = td_points_format (before - old + 1825);
  g_assert_nonnull (td_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_LABEL, expect));

  /* Enter went down to the next criterion that takes a value. */
  next = td_criteria_table_get_node (td_scores_get_table (scores), c->index + 1);
  g_assert_true (cell_has_focus (td_scores_page_get_cell (f->page, TRUE, next->id, unit)));

  /* Out of range in the matrix too. */
  type_enter (cell, "25");
  g_assert_true (
      gtk_widget_has_css_class (GTK_WIDGET (td_score_cell_get_editable (cell)), "error"));
  g_assert_cmpint (td_scores_get_entry (scores, unit, c->index, TD_SOURCE_ASSESSED)->points, ==,
                   1825);
  type_enter (cell, "18,25");
  shot = td_test_screenshot (GTK_WIDGET (f->window), "scores-matrix.png");

  /* One keystroke's work (save with its audit row, recompute the unit,
   * refresh the shown labels), for a developer to read; the benchmark
   * holds the target, not this test. */
  g_test_message ("slowest commit: %.1f ms", slowest_commit_us / 1000.0);
}

static void
test_only_differences (Fixture *f, gconstpointer data)
{
  TdScores *scores = td_scores_page_get_scores (f->page);
  guint all, only;
  g_autofree gchar *shot = NULL;
  guint unit = 0;
  g_autoptr (GArray) diffs = NULL;

  /* A member whose assessed score differs from its self-score. */
  for (unit = 0; unit < td_scores_get_n_units (scores); unit++)
    {
      g_clear_pointer (&diffs, g_array_unref);
      diffs = td_scores_get_differences (scores, unit);
      if (diffs->len > 0)
        break;
    }
  g_assert_cmpuint (unit, <, td_scores_get_n_units (scores));
  g_assert_true (td_scores_page_set_unit (f->page, td_scores_get_unit_id (scores, unit)));
  all = td_scores_page_get_n_rows (f->page, FALSE);
  g_free (td_test_screenshot (GTK_WIDGET (f->window), "scores-one-unit.png"));
  td_test_activate (GTK_WIDGET (f->page), "scores.toggle-differences", NULL);
  only = td_scores_page_get_n_rows (f->page, FALSE);
  g_test_message ("rows: %u, differing: %u", all, only);
  g_assert_cmpuint (only, <, all);
  /* The differing criteria, their headings and the total row. */
  g_assert_cmpuint (only, >=, diffs->len + 2);
  shot = td_test_screenshot (GTK_WIDGET (f->window), "scores-differences.png");
  td_test_activate (GTK_WIDGET (f->page), "scores.toggle-differences", NULL);
  g_assert_cmpuint (td_scores_page_get_n_rows (f->page, FALSE), ==, all);
}

/* The unit's evidence and the assessor's note, each on its own entry,
 * typed in the one-unit view and saved at once. */
static void
test_evidence_and_assessment_note (Fixture *f, gconstpointer data)
{
  TdScores *scores = td_scores_page_get_scores (f->page);
  const TdCriterion *c = find_node (scores, TD_RULE_STANDARD, 1, TD_POINTS (5));
  guint unit = 2;
  gint64 unit_id = td_scores_get_unit_id (scores, unit);
  TdScoreCell *self_cell, *assessed_cell, *evidence_cell, *note_cell;
  g_autoptr (GError) error = NULL;
  g_autoptr (TdCriteriaTable) table = NULL;
  g_autoptr (TdScores) reloaded = NULL;
  const TdEntry *entry;
  const char *tooltip;

  g_assert_true (td_scores_page_set_unit (f->page, unit_id));
  td_test_wait_drawn (GTK_WIDGET (f->page));
  self_cell = td_scores_page_get_cell (f->page, FALSE, c->id, TD_SCORES_COL_SELF);
  assessed_cell = td_scores_page_get_cell (f->page, FALSE, c->id, TD_SCORES_COL_ASSESSED);
  evidence_cell = td_scores_page_get_cell (f->page, FALSE, c->id, TD_SCORES_COL_EVIDENCE);
  note_cell = td_scores_page_get_cell (f->page, FALSE, c->id, TD_SCORES_COL_ASSESSED_EVIDENCE);
  g_assert_nonnull (evidence_cell);
  g_assert_nonnull (note_cell);

  /* No assessed score yet: the note is refused, saying what to do first. */
  type_enter (self_cell, "4");
  type_enter (assessed_cell, "");
  g_assert_null (td_scores_get_entry (scores, unit, c->index, TD_SOURCE_ASSESSED));
  type_enter (note_cell, "Thiếu văn bản");
  tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (td_score_cell_get_editable (note_cell)));
  g_assert_nonnull (tooltip);
  g_test_message ("refused: %s", tooltip);
  g_assert_nonnull (strstr (tooltip, "điểm thẩm định"));

  /* With the assessed score, both notes are saved on their own entries. */
  type_enter (assessed_cell, "3");
  type_enter (evidence_cell, "  Báo cáo số 12/BC-STP  ");
  type_enter (note_cell, "Chưa có kế hoạch số hóa hồ sơ");
  entry = td_scores_get_entry (scores, unit, c->index, TD_SOURCE_SELF);
  g_assert_cmpstr (entry->evidence, ==, "Báo cáo số 12/BC-STP");
  g_assert_cmpint (entry->points, ==, 400);
  entry = td_scores_get_entry (scores, unit, c->index, TD_SOURCE_ASSESSED);
  g_assert_cmpstr (entry->evidence, ==, "Chưa có kế hoạch số hóa hồ sơ");
  g_assert_cmpint (entry->points, ==, 300);
  g_assert_cmpstr (td_lazy_tooltip_get (GTK_WIDGET (note_cell)), ==,
                   "Chưa có kế hoạch số hóa hồ sơ");
  g_free (td_test_screenshot (GTK_WIDGET (f->window), "scores-assessment-note.png"));

  /* A long text is shown whole, wrapped to the column, and saved as typed;
   * the entry's own line is back (at the same height) while it is edited. */
  {
    const char *text = "Báo cáo số 12/BC-STP ngày 15/11/2024 của Sở Tư pháp về kết quả thực "
                       "hiện nhiệm vụ năm 2024 và Quyết định số 45/QĐ-UBND";
    GtkWidget *widget = GTK_WIDGET (evidence_cell);
    GtkWidget *line = GTK_WIDGET (td_score_cell_get_editable (evidence_cell));
    g_autoptr (PangoLayout) layout = NULL;
    int height, min, nat;

    type_enter (evidence_cell, text);
    g_assert_cmpstr (td_scores_get_entry (scores, unit, c->index, TD_SOURCE_SELF)->evidence, ==,
                     text);
    td_test_wait_drawn (GTK_WIDGET (f->page));
    g_assert_true (gtk_widget_has_css_class (line, "score-wrapped"));
    layout = gtk_widget_create_pango_layout (widget, text);
    pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_width (layout, (gtk_widget_get_width (widget) - 16) * PANGO_SCALE);
    pango_layout_get_pixel_size (layout, NULL, &height);
    g_test_message ("%d lines in %d px: the cell is %d px high",
                    pango_layout_get_line_count (layout), gtk_widget_get_width (widget),
                    gtk_widget_get_height (widget));
    g_assert_cmpint (pango_layout_get_line_count (layout), >, 2);
    g_assert_cmpint (gtk_widget_get_height (widget), >=, height);
    g_assert_cmpint (gtk_widget_get_height (widget), >,
                     2 * gtk_widget_get_height (GTK_WIDGET (self_cell)));
    g_free (td_test_screenshot (GTK_WIDGET (f->window), "scores-evidence-whole.png"));

    td_score_cell_focus (evidence_cell);
    td_test_wait_drawn (GTK_WIDGET (f->page));
    g_assert_false (gtk_widget_has_css_class (line, "score-wrapped"));
    gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (widget), &min, &nat,
                        NULL, NULL);
    g_assert_cmpint (nat, >=, height);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (line)), ==, text);
    gtk_editable_set_text (GTK_EDITABLE (line), "Báo cáo số 12/BC-STP");
    g_signal_emit_by_name (line, "activate");
    td_test_iterate ();
    g_assert_cmpstr (td_scores_get_entry (scores, unit, c->index, TD_SOURCE_SELF)->evidence, ==,
                     "Báo cáo số 12/BC-STP");
  }

  /* In the file, not only on screen. */
  table = td_criteria_load (f->db, f->bloc_year_id, &error);
  g_assert_no_error (error);
  reloaded = td_scores_load (f->db, table, &error);
  g_assert_no_error (error);
  entry = td_scores_get_entry (reloaded, unit, c->index, TD_SOURCE_ASSESSED);
  g_assert_nonnull (entry);
  g_assert_cmpstr (entry->evidence, ==, "Chưa có kế hoạch số hóa hồ sơ");
  entry = td_scores_get_entry (reloaded, unit, c->index, TD_SOURCE_SELF);
  g_assert_cmpstr (entry->evidence, ==, "Báo cáo số 12/BC-STP");
}

static const char *
cell_text (TdScoresPage *page, gint64 criterion_id)
{
  TdScoreCell *cell = td_scores_page_get_cell (page, FALSE, criterion_id, TD_SCORES_COL_SELF);

  g_assert_nonnull (cell);
  return gtk_editable_get_text (td_score_cell_get_editable (cell));
}

/* Switching year keeps the rows and their widgets for speed: every kept
 * row must show the new table's criterion and the new year's score, and
 * the length follow the table, in both views. */
static void
test_switch_year_rebinds_rows (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdBlocYear) current = td_registry_get_bloc_year (f->db, f->bloc_year_id, &error);
  g_autoptr (TdCriteriaTable) table = NULL;
  g_autoptr (TdScores) scores = NULL;
  g_autoptr (TdEntry) entry = NULL;
  TdScores *shown = td_scores_page_get_scores (f->page);
  const TdCriterion *c2024 = find_node (shown, TD_RULE_STANDARD, 1, TD_POINTS (5));
  gint64 c2024_id = c2024->id;
  g_autofree gchar *text2024 = NULL;
  guint rows2024 = td_scores_page_get_n_rows (f->page, FALSE);
  const TdCriterion *first, *c = NULL;
  gint64 id, unit_id;

  g_assert_no_error (error);
  g_assert_true (td_scores_page_set_unit (f->page, td_scores_get_unit_id (shown, 0)));
  td_test_iterate ();
  text2024 = g_strdup (cell_text (f->page, c2024_id));
  unit_id = td_scores_get_unit_id (shown, 0);

  /* 2025: the same table without its first section, one score of its own. */
  id = td_registry_start_new_year (f->db, current->bloc_id, 2025, &error);
  g_assert_no_error (error);
  table = td_criteria_load (f->db, id, &error);
  g_assert_no_error (error);
  if (td_criteria_table_get_n_nodes (table) == 0)
    {
      g_assert_true (td_criteria_copy_table (f->db, f->bloc_year_id, id, &error));
      g_clear_pointer (&table, td_criteria_table_unref);
      table = td_criteria_load (f->db, id, &error);
    }
  first = td_criteria_table_get_node (table, 0);
  g_assert_cmpint (td_criteria_delete (f->db, first->id, &error), >, 0);
  g_assert_no_error (error);
  g_clear_pointer (&table, td_criteria_table_unref);
  table = td_criteria_load (f->db, id, &error);
  scores = td_scores_load (f->db, table, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < td_criteria_table_get_n_nodes (table); i++)
    {
      c = td_criteria_table_get_node (table, i);
      if (c->kind == TD_RULE_STANDARD && c->n_children == 0 && c->standard >= TD_POINTS (2))
        break;
    }
  g_assert_nonnull (c);
  g_assert_true (c->kind == TD_RULE_STANDARD);
  entry = td_entry_new (unit_id, c->id, TD_SOURCE_SELF);
  entry->points = 125;
  g_assert_true (td_scores_set_entry (scores, f->db, td_scores_find_unit (scores, unit_id),
                                      c->index, entry, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (td_criteria_table_get_n_nodes (table) + 1, <, rows2024);

  td_window_set_bloc_year_id (f->window, id);
  td_test_iterate ();
  g_assert_true (td_scores_page_set_unit (f->page, unit_id));
  td_test_iterate ();
  g_assert_cmpuint (td_scores_page_get_n_rows (f->page, FALSE), ==,
                    td_criteria_table_get_n_nodes (table) + 1);
  g_assert_cmpstr (cell_text (f->page, c->id), ==, "1,25");
  g_assert_null (td_scores_page_get_cell (f->page, FALSE, c2024_id, TD_SCORES_COL_SELF));
  /* The first row is now the old second section. */
  g_assert_nonnull (td_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_LABEL,
                                         td_criteria_table_get_node (table, 0)->title));
  g_free (td_test_screenshot (GTK_WIDGET (f->window), "scores-switched-year.png"));

  /* The matrix fills when shown, with the new year's rows. */
  td_test_activate (GTK_WIDGET (f->page), "scores.show-view", g_variant_new_string ("matrix"));
  td_test_iterate ();
  g_assert_cmpuint (td_scores_page_get_n_rows (f->page, TRUE), ==,
                    td_criteria_table_get_n_nodes (table) + 1);

  /* Back to 2024 with the matrix shown, then the one-unit view. */
  td_window_set_bloc_year_id (f->window, f->bloc_year_id);
  td_test_iterate ();
  g_assert_cmpuint (td_scores_page_get_n_rows (f->page, TRUE), ==, rows2024);
  td_test_activate (GTK_WIDGET (f->page), "scores.show-view", g_variant_new_string ("unit"));
  td_test_iterate ();
  g_assert_true (td_scores_page_set_unit (f->page, unit_id));
  td_test_iterate ();
  g_assert_cmpuint (td_scores_page_get_n_rows (f->page, FALSE), ==, rows2024);
  g_assert_cmpstr (cell_text (f->page, c2024_id), ==, text2024);
}

static void
test_not_graded (Fixture *f, gconstpointer data)
{
  TdScores *scores = td_scores_page_get_scores (f->page);
  guint unit;
  g_autofree gchar *reason = NULL;

  /* The demo has one member not graded for a missing year report. */
  for (unit = 0; unit < td_scores_get_n_units (scores); unit++)
    if (td_scores_get_totals (scores, unit)->disqualified[TD_SOURCE_FINAL])
      break;
  g_assert_cmpuint (unit, <, td_scores_get_n_units (scores));
  g_assert_true (td_scores_page_set_unit (f->page, td_scores_get_unit_id (scores, unit)));
  td_test_iterate ();
  reason = td_unit_totals_dup_disqualified_reason (td_scores_get_totals (scores, unit),
                                                   td_scores_get_table (scores), TD_SOURCE_FINAL);
  g_assert_nonnull (reason);
  g_test_message ("not graded: %s", reason);
  g_assert_nonnull (td_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_LABEL, reason));
  g_free (td_test_screenshot (GTK_WIDGET (f->window), "scores-not-graded.png"));
}

/* The first shown widget under @widget whose CSS name is @name: in a
 * drop-down's button, its "arrow" and the "label" of the chosen option. */
static GtkWidget *
find_shown (GtkWidget *widget, const char *name)
{
  if (gtk_widget_get_mapped (widget) && g_str_equal (gtk_widget_get_css_name (widget), name))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = GTK_IS_POPOVER (child) ? NULL : find_shown (child, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A clerk sees that an option is a drop-down: its arrow is shown, whole,
 * inside the button, whatever the length of the chosen option, and the
 * option is read beside it: whole on at most three lines in the one-unit
 * view, on at most @max_lines (the matrix's narrow columns end it with
 * "…", its whole text on hover). */
static void
assert_arrow_shown (TdScoreCell *cell, int max_lines)
{
  GtkWidget *dropdown = GTK_WIDGET (td_score_cell_get_dropdown (cell));
  GtkWidget *arrow = find_shown (dropdown, "arrow");
  GtkWidget *label = find_shown (dropdown, "label");
  PangoLayout *layout;
  GtkWidget *box;
  graphene_rect_t b, l;
  int width, height;

  g_assert_nonnull (arrow);
  g_assert_nonnull (label);
  /* Inside the button's content (within its padding), after the label. */
  box = gtk_widget_get_parent (arrow);
  g_assert_true (gtk_widget_compute_bounds (arrow, box, &b));
  g_assert_cmpfloat (b.size.width, >=, 16);
  g_assert_cmpfloat (b.origin.x, >=, 0);
  g_assert_cmpfloat (b.origin.x + b.size.width, <=, gtk_widget_get_width (box));
  g_assert_cmpfloat (b.origin.y, >=, 0);
  g_assert_cmpfloat (b.origin.y + b.size.height, <=, gtk_widget_get_height (box));
  g_assert_true (gtk_widget_compute_bounds (arrow, dropdown, &b));
  g_assert_cmpfloat (b.origin.x + b.size.width, <=, gtk_widget_get_width (dropdown));

  g_assert_true (gtk_widget_compute_bounds (label, dropdown, &l));
  g_assert_cmpfloat (l.origin.x + l.size.width, <=, b.origin.x);
  layout = gtk_label_get_layout (GTK_LABEL (label));
  pango_layout_get_pixel_size (layout, &width, &height);
  g_assert_cmpint (width, <=, gtk_widget_get_width (label));
  g_assert_cmpint (height, <=, gtk_widget_get_height (label));
  if (max_lines == 3)
    g_assert_false (pango_layout_is_ellipsized (layout));
  g_assert_cmpint (pango_layout_get_line_count (layout), <=, max_lines);
}

static void
test_option_dropdown (Fixture *f, gconstpointer data)
{
  TdScores *scores = td_scores_page_get_scores (f->page);
  const TdCriterion *c = find_node (scores, TD_RULE_OPTIONS, 1, -1);
  TdScoreCell *cell = td_scores_page_get_cell (f->page, FALSE, c->id, TD_SCORES_COL_ASSESSED);
  GtkDropDown *dropdown;
  const TdEntry *entry;
  guint choice;
  guint unit = 0;

  /* An option is chosen from a list, never typed. */
  g_assert_nonnull (cell);
  g_assert_true (td_score_cell_is_choice (cell));
  dropdown = td_score_cell_get_dropdown (cell);
  g_assert_nonnull (dropdown);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), ==,
                    c->options->len);
  assert_arrow_shown (td_scores_page_get_cell (f->page, FALSE, c->id, TD_SCORES_COL_SELF), 3);
  assert_arrow_shown (cell, 3);
  g_free (td_test_screenshot (GTK_WIDGET (f->window), "scores-option-dropdown.png"));
  entry = td_scores_get_entry (scores, unit, c->index, TD_SOURCE_ASSESSED);
  choice = entry && entry->option == 0 ? 1 : 0;
  gtk_drop_down_set_selected (dropdown, choice);
  td_test_iterate ();
  entry = td_scores_get_entry (scores, unit, c->index, TD_SOURCE_ASSESSED);
  g_assert_nonnull (entry);
  g_assert_cmpint (entry->option, ==, choice);
  assert_arrow_shown (cell, 3);

  td_test_activate (GTK_WIDGET (f->page), "scores.show-view", g_variant_new_string ("matrix"));
  td_test_wait_drawn (GTK_WIDGET (f->page));
  assert_arrow_shown (td_scores_page_get_cell (f->page, TRUE, c->id, 0), 2);
}

static void
test_year_without_table (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdBlocYear) by = td_bloc_year_new ();
  g_autoptr (TdBlocYear) current = td_registry_get_bloc_year (f->db, f->bloc_year_id, &error);
  gint64 id;

  g_assert_no_error (error);
  by->bloc_id = current->bloc_id;
  by->year = 2025;
  id = td_registry_add_bloc_year (f->db, by, &error);
  g_assert_no_error (error);
  td_window_set_bloc_year_id (f->window, id);
  td_test_iterate ();
  /* Nothing to score yet: the page says what to set up first. */
  td_test_wait_drawn (GTK_WIDGET (f->page));
  g_assert_true (gtk_widget_get_mapped (
      td_test_find_widget (GTK_WIDGET (f->page), ADW_TYPE_STATUS_PAGE, "Chưa có bảng tiêu chí")));
  g_assert_false (gtk_widget_get_mapped (
      td_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_COLUMN_VIEW, NULL)));
  g_free (td_test_screenshot (GTK_WIDGET (f->window), "scores-no-table.png"));

  /* Ctrl+Z with nothing to score undoes nothing; back in the year with a
   * table, an edit is still one step of Ctrl+Z. */
  td_test_activate (GTK_WIDGET (f->page), "scores.undo", NULL);
  td_window_set_bloc_year_id (f->window, f->bloc_year_id);
  td_test_iterate ();
  td_test_wait_drawn (GTK_WIDGET (f->page));
  {
    TdScores *scores = td_scores_page_get_scores (f->page);
    const TdCriterion *c = find_node (scores, TD_RULE_STANDARD, 1, TD_POINTS (20));
    const TdEntry *entry = td_scores_get_entry (scores, 0, c->index, TD_SOURCE_SELF);
    g_autoptr (TdEntry) before = entry ? td_entry_copy (entry) : NULL;
    TdScoreCell *cell;

    g_assert_true (td_scores_page_set_unit (f->page, td_scores_get_unit_id (scores, 0)));
    td_test_wait_drawn (GTK_WIDGET (f->page));
    cell = td_scores_page_get_cell (f->page, FALSE, c->id, TD_SCORES_COL_SELF);
    g_assert_nonnull (cell);
    type_enter (cell, before && before->points == 300 ? "2" : "3");
    g_assert_false (
        td_entry_equal (td_scores_get_entry (scores, 0, c->index, TD_SOURCE_SELF), before));
    td_test_activate (GTK_WIDGET (f->page), "scores.undo", NULL);
    g_assert_true (
        td_entry_equal (td_scores_get_entry (scores, 0, c->index, TD_SOURCE_SELF), before));
  }
}

static void
test_read_only (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree gchar *path = g_strdup (td_db_get_path (f->db));
  g_autoptr (TdDb) ro = NULL;

  /* The writable connection is closed first, as when the clerk reopens. */
  td_window_set_database (f->window, NULL, FALSE);
  td_db_close (f->db);
  g_clear_object (&f->db);
  ro = td_db_open (path, TD_DB_OPEN_READ_ONLY, &error);
  TdScores *scores;
  const TdCriterion *c;
  TdScoreCell *cell;

  g_assert_no_error (error);
  td_window_set_database (f->window, ro, FALSE);
  td_window_set_bloc_year_id (f->window, f->bloc_year_id);
  td_test_wait_drawn (GTK_WIDGET (f->page));
  scores = td_scores_page_get_scores (f->page);
  g_assert_nonnull (scores);
  c = find_node (scores, TD_RULE_STANDARD, 1, TD_POINTS (5));
  cell = td_scores_page_get_cell (f->page, FALSE, c->id, TD_SCORES_COL_SELF);
  g_assert_nonnull (cell);
  g_assert_false (gtk_editable_get_editable (td_score_cell_get_editable (cell)));
}

/* The unit drop-down's search ignores case and diacritics and matches
 * inside the name, with a Vietnamese placeholder. */
static void
test_unit_search (Fixture *f, gconstpointer data)
{
  GtkDropDown *dropdown
      = GTK_DROP_DOWN (td_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_DROP_DOWN, NULL));
  GListModel *names = gtk_drop_down_get_model (dropdown);
  g_autoptr (GPtrArray) entries
      = td_test_collect_widgets (GTK_WIDGET (dropdown), GTK_TYPE_SEARCH_ENTRY);
  g_autoptr (GPtrArray) lists = td_test_collect_widgets (GTK_WIDGET (dropdown), GTK_TYPE_LIST_VIEW);
  GtkEditable *entry;
  GListModel *shown;
  g_autofree gchar *placeholder = NULL;
  const char *name = NULL;
  g_auto (GStrv) words = NULL;
  g_autofree gchar *query = NULL;
  gboolean found = FALSE;

  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpuint (lists->len, ==, 1);
  entry = GTK_EDITABLE (g_ptr_array_index (entries, 0));
  shown = G_LIST_MODEL (gtk_list_view_get_model (g_ptr_array_index (lists, 0)));
  g_object_get (entry, "placeholder-text", &placeholder, NULL);
  g_assert_cmpstr (placeholder, ==, "Tìm theo từ bất kỳ…");

  /* A name whose last word has diacritics ("Sở Tư pháp"): that word typed
   * without them, in capitals, finds it. */
  for (guint i = 0; i < g_list_model_get_n_items (names) && name == NULL; i++)
    {
      g_autoptr (GtkStringObject) item = g_list_model_get_item (names, i);
      const char *text = gtk_string_object_get_string (item);
      const char *last = strrchr (text, ' ');

      if (last != NULL && !g_str_is_ascii (last))
        name = text;
    }
  g_assert_nonnull (name);
  words = g_strsplit (name, " ", -1);
  query = td_text_fold (words[g_strv_length (words) - 1]);
  {
    g_autofree gchar *upper = g_utf8_strup (query, -1);

    gtk_editable_set_text (entry, upper);
  }
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (shown), >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (shown), <, g_list_model_get_n_items (names));
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr (GtkStringObject) item = g_list_model_get_item (shown, i);
      found |= g_str_equal (gtk_string_object_get_string (item), name);
    }
  g_assert_true (found);
  gtk_editable_set_text (entry, "zzzz");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
}

/* The open agreed-points dialog (the only AdwMessageDialog shown). */
static GtkWidget *
find_agreed_dialog (void)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static TdRankInput *
rank_input_of (GPtrArray *inputs, gint64 unit_id)
{
  for (guint i = 0; i < inputs->len; i++)
    if (((TdRankInput *)g_ptr_array_index (inputs, i))->unit_id == unit_id)
      return g_ptr_array_index (inputs, i);
  g_assert_not_reached ();
}

/* Ctrl+T on an assessed cell: the meeting's agreed points replace what the
 * rule gives in the totals and the ranking, marked beside the cell, and
 * can be taken back. */
static void
test_agreed_points (Fixture *f, gconstpointer data)
{
  TdScores *scores = td_scores_page_get_scores (f->page);
  guint unit = 1;
  gint64 unit_id = td_scores_get_unit_id (scores, unit);
  const TdCriterion *c;
  TdScoreCell *cell;
  TdPoints before;
  GtkWidget *dialog, *mark;
  const TdEntry *entry;
  g_autoptr (GPtrArray) inputs = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (td_scores_page_set_unit (f->page, unit_id));
  td_test_wait_drawn (GTK_WIDGET (f->page));
  c = find_node (scores, TD_RULE_STANDARD, 1, TD_POINTS (5));
  cell = td_scores_page_get_cell (f->page, FALSE, c->id, TD_SCORES_COL_ASSESSED);
  type_enter (cell, "3,5");
  before = td_scores_get_totals (scores, unit)->table[TD_SOURCE_FINAL].total;

  td_score_cell_focus (cell);
  td_test_activate (GTK_WIDGET (f->page), "scores.agree", NULL);
  td_test_iterate ();
  dialog = find_agreed_dialog ();
  g_assert_nonnull (dialog);
  /* No error before anything is typed, but no Save without a reason. */
  g_assert_null (td_agreed_dialog_get_problem (dialog));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  td_agreed_dialog_fill (dialog, "abc", "Hội nghị chấp thuận điểm thưởng vượt mức");
  g_assert_nonnull (td_agreed_dialog_get_problem (dialog));
  g_test_message ("refused: %s", td_agreed_dialog_get_problem (dialog));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  td_agreed_dialog_fill (dialog, "6", NULL);
  g_assert_null (td_agreed_dialog_get_problem (dialog));
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  g_free (td_test_screenshot (dialog, "scores-agreed-dialog.png"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  td_test_iterate ();

  /* Saved on the assessed entry, its value kept; the totals follow. */
  entry = td_scores_get_entry (scores, unit, c->index, TD_SOURCE_ASSESSED);
  g_assert_true (entry->has_agreed);
  g_assert_cmpint (entry->agreed, ==, 600);
  g_assert_cmpint (entry->points, ==, 350);
  g_assert_cmpstr (entry->agreed_reason, ==, "Hội nghị chấp thuận điểm thưởng vượt mức");
  g_assert_cmpint (td_scores_get_totals (scores, unit)->table[TD_SOURCE_FINAL].total, ==,
                   before + 250);
  td_test_wait_drawn (GTK_WIDGET (f->page));
  /* Beside the input, with the points it gives: "→ 6*". */
  mark = td_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_LABEL, "→ 6*");
  g_assert_nonnull (mark);
  g_assert_true (gtk_widget_get_visible (mark));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (mark), "vượt mức"));
  inputs = td_ranking_load_inputs (f->db, f->bloc_year_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rank_input_of (inputs, unit_id)->has_agreed);
  g_assert_cmpint (rank_input_of (inputs, unit_id)->final_total, ==, before + 250);
  g_clear_pointer (&inputs, g_ptr_array_unref);
  g_free (td_test_screenshot (GTK_WIDGET (f->window), "scores-agreed.png"));

  /* Typing the value again keeps the meeting's points. */
  type_enter (cell, "4");
  entry = td_scores_get_entry (scores, unit, c->index, TD_SOURCE_ASSESSED);
  g_assert_true (entry->has_agreed);
  g_assert_cmpint (entry->agreed, ==, 600);

  /* Removed: the rule's points again, no mark. */
  td_score_cell_focus (cell);
  td_test_activate (GTK_WIDGET (f->page), "scores.agree", NULL);
  td_test_iterate ();
  dialog = find_agreed_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "remove");
  td_test_iterate ();
  entry = td_scores_get_entry (scores, unit, c->index, TD_SOURCE_ASSESSED);
  g_assert_false (entry->has_agreed);
  g_assert_cmpint (entry->points, ==, 400);
  g_assert_cmpint (td_scores_get_totals (scores, unit)->table[TD_SOURCE_FINAL].total, ==,
                   before + 50);
  td_test_wait_drawn (GTK_WIDGET (f->page));
  /* The mark is gone. */
  mark = td_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_LABEL, "→ 6*");
  g_assert_true (mark == NULL || !gtk_widget_get_visible (mark));
  inputs = td_ranking_load_inputs (f->db, f->bloc_year_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (rank_input_of (inputs, unit_id)->has_agreed);
}

/* A table that counts an item not scored as full says so in the empty
 * cells of a unit that scored anything, and counts it in the total. */
static void
test_full_by_default_placeholder (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  TdScores *scores;
  const TdCriterion *c;
  const TdEntry *entry;
  TdScoreCell *cell;
  guint unit = 1;
  TdPoints before, old;

  g_assert_true (td_criteria_set_full_by_default (f->db, f->bloc_year_id, TRUE, &error));
  g_assert_no_error (error);
  td_window_set_database (f->window, f->db, FALSE);
  td_window_set_bloc_year_id (f->window, f->bloc_year_id);
  g_assert_true (td_window_show_section (f->window, "scores"));
  td_test_wait_drawn (GTK_WIDGET (f->page));
  scores = td_scores_page_get_scores (f->page);
  g_assert_true (td_scores_page_set_unit (f->page, td_scores_get_unit_id (scores, unit)));
  td_test_wait_drawn (GTK_WIDGET (f->page));
  c = find_node (scores, TD_RULE_STANDARD, 1, TD_POINTS (5));
  cell = td_scores_page_get_cell (f->page, FALSE, c->id, TD_SCORES_COL_SELF);
  before = td_scores_get_totals (scores, unit)->table[TD_SOURCE_SELF].total;
  entry = td_scores_get_entry (scores, unit, c->index, TD_SOURCE_SELF);
  old = entry ? entry->points : 500;
  /* Emptied: the row still counts its 5 points, and the cell says so. */
  type_enter (cell, "");
  g_assert_null (td_scores_get_entry (scores, unit, c->index, TD_SOURCE_SELF));
  g_assert_true (td_scores_get_table (scores)->full_by_default);
  td_test_wait_drawn (GTK_WIDGET (f->page));
  g_assert_cmpstr (gtk_entry_get_placeholder_text (GTK_ENTRY (td_score_cell_get_editable (cell))),
                   ==, "5 (đủ điểm)");
  g_assert_cmpint (td_scores_get_totals (scores, unit)->table[TD_SOURCE_SELF].total, ==,
                   before - old + 500);
}

int
main (int argc, char **argv)
{
  td_test_init (&argc, &argv);
  g_test_add ("/scores-page/one-unit-keyboard", Fixture, NULL, fixture_setup,
              test_one_unit_keyboard, fixture_teardown);
  g_test_add ("/scores-page/matrix-keyboard", Fixture, NULL, fixture_setup, test_matrix_keyboard,
              fixture_teardown);
  g_test_add ("/scores-page/only-differences", Fixture, NULL, fixture_setup, test_only_differences,
              fixture_teardown);
  g_test_add ("/scores-page/evidence-and-assessment-note", Fixture, NULL, fixture_setup,
              test_evidence_and_assessment_note, fixture_teardown);
  g_test_add ("/scores-page/switch-year-rebinds-rows", Fixture, NULL, fixture_setup,
              test_switch_year_rebinds_rows, fixture_teardown);
  g_test_add ("/scores-page/not-graded", Fixture, NULL, fixture_setup, test_not_graded,
              fixture_teardown);
  g_test_add ("/scores-page/option-dropdown", Fixture, NULL, fixture_setup, test_option_dropdown,
              fixture_teardown);
  g_test_add ("/scores-page/year-without-table", Fixture, NULL, fixture_setup,
              test_year_without_table, fixture_teardown);
  g_test_add ("/scores-page/matrix-spreadsheet", Fixture, NULL, fixture_setup,
              test_matrix_spreadsheet, fixture_teardown);
  g_test_add ("/scores-page/undo-last-edits", Fixture, NULL, fixture_setup, test_undo_last_edits,
              fixture_teardown);
  g_test_add ("/scores-page/rows-show-points", Fixture, NULL, fixture_setup, test_rows_show_points,
              fixture_teardown);
  g_test_add ("/scores-page/unit-search", Fixture, NULL, fixture_setup, test_unit_search,
              fixture_teardown);
  g_test_add ("/scores-page/read-only", Fixture, NULL, fixture_setup, test_read_only,
              fixture_teardown);
  g_test_add ("/scores-page/agreed-points", Fixture, NULL, fixture_setup, test_agreed_points,
              fixture_teardown);
  g_test_add ("/scores-page/full-by-default-placeholder", Fixture, NULL, fixture_setup,
              test_full_by_default_placeholder, fixture_teardown);
  return g_test_run ();
}
