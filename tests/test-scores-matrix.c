/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Scores matrix as a spreadsheet, under Xvfb on the demo database in
 * Vietnamese: the criteria column stays when the units scroll right and
 * keeps to its rows when they scroll down, the unit names stay on top,
 * the legend names every mark, a block chosen with Shift+arrows is copied
 * as tab-separated text, and a block pasted from a spreadsheet is
 * previewed (changes and refusals), applied in one step and undone by one
 * Ctrl+Z.  Screenshots at 1366×768 and 1920×1080. */
#include "config.h"

#include "td-demo.h"
#include "td-registry.h"
#include "td-score-paste-dialog.h"
#include "td-scores-page.h"
#include "td-test-util.h"

#include <math.h>
#include <string.h>

typedef struct
{
  TdWindow *window;
  TdDb *db;
  TdScoresPage *page;
  GtkWidget *grid;   /* the units' column view */
  GtkWidget *frozen; /* the criteria's column view */
  gchar *dir;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  const int *size = data;
  g_autoptr (GPtrArray) views = NULL;

  f->db = td_test_demo_db (&f->dir);
  f->window = td_test_window_with (f->db, td_test_first_bloc_year (f->db, 2024),
                                   size != NULL ? size[0] : 0, size != NULL ? size[1] : 0);
  td_test_dismiss_toasts (f->window);
  g_assert_true (td_window_show_section (f->window, "scores"));
  f->page
      = TD_SCORES_PAGE (td_test_find_widget (GTK_WIDGET (f->window), TD_TYPE_SCORES_PAGE, NULL));
  td_test_activate (GTK_WIDGET (f->page), "scores.show-view", g_variant_new_string ("matrix"));
  td_scores_page_set_matrix_source (f->page, TD_SOURCE_ASSESSED);
  td_test_wait_drawn (GTK_WIDGET (f->page));
  views = td_test_collect_widgets (GTK_WIDGET (f->page), GTK_TYPE_COLUMN_VIEW);
  for (guint i = 0; i < views->len; i++)
    {
      GtkWidget *view = g_ptr_array_index (views, i);

      if (!gtk_widget_get_mapped (view))
        continue;
      if (gtk_widget_has_css_class (view, "matrix-frozen"))
        f->frozen = view;
      else
        f->grid = view;
    }
  g_assert_nonnull (f->grid);
  g_assert_nonnull (f->frozen);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  td_test_destroy_window (f->window);
  g_clear_object (&f->db);
  g_free (f->dir);
}

static TdScores *
scores (Fixture *f)
{
  return td_scores_page_get_scores (f->page);
}

/* The first of @n rows in a row that take standard points (at least 1). */
static gint
points_rows (Fixture *f, guint n)
{
  TdCriteriaTable *table = td_scores_get_table (scores (f));

  for (guint r = 0; r + n <= td_criteria_table_get_n_nodes (table); r++)
    {
      gboolean all = TRUE;

      for (guint k = 0; k < n && all; k++)
        {
          const TdCriterion *c = td_criteria_table_get_node (table, r + k);
          all = c->kind == TD_RULE_STANDARD && c->standard >= TD_POINTS (1);
        }
      if (all)
        return (gint)r;
    }
  g_assert_not_reached ();
}

static TdScoreCell *
cell_at (Fixture *f, gint node, guint column)
{
  const TdCriterion *c = td_criteria_table_get_node (td_scores_get_table (scores (f)), node);

  return td_scores_page_get_cell (f->page, TRUE, c->id, column);
}

/* The criterion's title as the frozen list shows it (mapped), or NULL. */
static GtkWidget *
title_of (Fixture *f, gint node)
{
  const TdCriterion *c = td_criteria_table_get_node (td_scores_get_table (scores (f)), node);
  g_autoptr (GPtrArray) labels = td_test_collect_widgets (f->frozen, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);

      if (gtk_widget_get_mapped (label)
          && g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), c->title) == 0)
        return label;
    }
  return NULL;
}

/* Whether @widget is wholly inside the window's width. */
static gboolean
inside_window (Fixture *f, GtkWidget *widget)
{
  graphene_rect_t b;

  return gtk_widget_compute_bounds (widget, GTK_WIDGET (f->window), &b) && b.origin.x >= 0
         && b.origin.x + b.size.width <= gtk_widget_get_width (GTK_WIDGET (f->window)) + 1;
}

typedef struct
{
  GtkAdjustment *adjustment;
  double value;
  Fixture *f;
} Scrolled;

/* The list under the adjustment has been laid out at its value: the
 * grid's first shown row moved. */
static gboolean
settled (gpointer data)
{
  Scrolled *s = data;

  td_test_iterate ();
  return gtk_adjustment_get_value (s->adjustment) == s->value;
}

static void
scroll_to (Fixture *f, GtkAdjustment *adjustment, double value)
{
  Scrolled s = { adjustment, 0, f };

  gtk_adjustment_set_value (adjustment, value);
  s.value = gtk_adjustment_get_value (adjustment);
  td_test_wait_until (settled, &s, 2000);
  /* A frame or two for the lists to be laid out at it. */
  for (int i = 0; i < 10; i++)
    {
      g_usleep (20000);
      td_test_iterate ();
    }
}

/* Two widgets on one row: their vertical middles within 2 px. */
static void
assert_same_row (GtkWidget *a, GtkWidget *b, GtkWidget *relative_to)
{
  graphene_rect_t ba, bb;

  g_assert_true (gtk_widget_compute_bounds (a, relative_to, &ba));
  g_assert_true (gtk_widget_compute_bounds (b, relative_to, &bb));
  g_assert_cmpfloat (fabs ((ba.origin.y + ba.size.height / 2) - (bb.origin.y + bb.size.height / 2)),
                     <=, 2.0);
}

/* Scrolled right, the criteria are still in view; scrolled down, the unit
 * names are still on top and every criterion stays beside its cells. */
static void
test_frozen (Fixture *f, gconstpointer data)
{
  const int *size = data;
  GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (f->grid));
  GtkAdjustment *v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f->grid));
  gint node = points_rows (f, 1);
  guint last = td_scores_get_n_units (scores (f)) - 1;
  GtkWidget *header = gtk_widget_get_first_child (f->grid);
  g_autofree gchar *name = NULL;
  TdCriteriaTable *table = td_scores_get_table (scores (f));
  gint low = -1;
  graphene_rect_t b;

  /* At 1366 px the units do not all fit: there is something to scroll. */
  if (size[0] < 1500)
    g_assert_cmpfloat (gtk_adjustment_get_upper (h), >, gtk_adjustment_get_page_size (h));
  if (gtk_adjustment_get_upper (h) > gtk_adjustment_get_page_size (h))
    {
      scroll_to (f, h, gtk_adjustment_get_upper (h) - gtk_adjustment_get_page_size (h));
      g_assert_cmpfloat (gtk_adjustment_get_value (h), >, 0);
    }
  /* The last unit's column is in sight, and so is the criterion. */
  g_assert_true (inside_window (f, GTK_WIDGET (cell_at (f, node, last))));
  g_assert_nonnull (title_of (f, node));
  g_assert_true (inside_window (f, title_of (f, node)));
  g_assert_true (gtk_widget_compute_bounds (title_of (f, node), f->frozen, &b));
  g_assert_cmpfloat (b.origin.x, >=, 0);
  assert_same_row (title_of (f, node), GTK_WIDGET (cell_at (f, node, last)),
                   GTK_WIDGET (f->window));
  name = g_strdup_printf ("scores-matrix-right-%dx%d.png", size[0], size[1]);
  g_free (td_test_screenshot (GTK_WIDGET (f->window), name));

  /* Down to a row far below: the unit names stay on top, the row's
   * criterion beside its cells. */
  for (guint i = 0; i < td_criteria_table_get_n_nodes (table); i++)
    if (td_criteria_table_get_node (table, i)->kind == TD_RULE_STANDARD)
      low = (gint)i;
  g_assert_cmpfloat (gtk_adjustment_get_upper (v), >, gtk_adjustment_get_page_size (v));
  scroll_to (f, v, gtk_adjustment_get_upper (v) - gtk_adjustment_get_page_size (v));
  g_assert_cmpfloat (gtk_adjustment_get_value (v), >, 0);
  g_assert_true (gtk_widget_get_mapped (header));
  g_assert_true (gtk_widget_compute_bounds (header, f->grid, &b));
  g_assert_cmpfloat (b.origin.y, ==, 0);
  g_assert_nonnull (cell_at (f, low, last));
  g_assert_nonnull (title_of (f, low));
  assert_same_row (title_of (f, low), GTK_WIDGET (cell_at (f, low, last)), GTK_WIDGET (f->window));
  /* The first row scrolled away with the rest. */
  g_assert_null (title_of (f, 0));
  g_free (name);
  name = g_strdup_printf ("scores-matrix-down-%dx%d.png", size[0], size[1]);
  g_free (td_test_screenshot (GTK_WIDGET (f->window), name));
}

/* The legend names each mark the grid draws, in words a reader hears. */
static void
test_legend (Fixture *f, gconstpointer data)
{
  GtkWidget *legend = NULL;
  g_autoptr (GPtrArray) boxes = td_test_collect_widgets (GTK_WIDGET (f->page), GTK_TYPE_BOX);
  g_autoptr (GPtrArray) labels = NULL;
  g_autoptr (GString) all = g_string_new (NULL);

  for (guint i = 0; i < boxes->len && legend == NULL; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (boxes, i), "matrix-legend"))
      legend = g_ptr_array_index (boxes, i);
  g_assert_nonnull (legend);
  g_assert_true (gtk_widget_get_mapped (legend));
  g_assert_true (inside_window (f, legend));
  labels = td_test_collect_widgets (legend, GTK_TYPE_LABEL);
  for (guint i = 0; i < labels->len; i++)
    {
      g_string_append (all, gtk_label_get_text (g_ptr_array_index (labels, i)));
      g_string_append_c (all, '\n');
    }
  /* Orange frame, the meeting's "*", not entered, refused (vi). */
  g_assert_nonnull (strstr (all->str, "cam"));
  g_assert_nonnull (strstr (all->str, "*"));
  g_assert_nonnull (strstr (all->str, "chưa nhập"));
  g_assert_nonnull (strstr (all->str, "đỏ"));
}

/* Presses @keyval with @mods where the matrix takes them before a field
 * (its own shortcuts: Ctrl+C, Ctrl+V, Shift+arrows). */
static gboolean
matrix_key (Fixture *f, guint keyval, GdkModifierType mods)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (f->grid);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == mods)
            {
              gboolean done
                  = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, f->grid,
                                                  gtk_shortcut_get_arguments (shortcut));
              td_test_iterate ();
              return done;
            }
        }
    }
  g_error ("the matrix does not take this key");
}

static void
on_text_read (GObject *source, GAsyncResult *result, gpointer data)
{
  gchar **out = data;

  *out = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  if (*out == NULL)
    *out = g_strdup ("");
}

static gboolean
is_set (gpointer data)
{
  return *(gchar **)data != NULL;
}

static gchar *
clipboard_text (Fixture *f)
{
  gchar *text = NULL;

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (f->grid), NULL, on_text_read, &text);
  td_test_wait_until (is_set, &text, 2000);
  return text;
}

static gchar *
shown (Fixture *f, gint node, guint unit)
{
  TdCriteriaTable *table = td_scores_get_table (scores (f));

  return td_criterion_format_input (
      td_criteria_table_get_node (table, node),
      td_scores_get_entry (scores (f), unit, node, TD_SOURCE_ASSESSED));
}

/* Shift+Down and Shift+Right choose a 2 × 2 block; Ctrl+C copies it as a
 * spreadsheet takes it; moving on clears the block. */
static void
test_copy_block (Fixture *f, gconstpointer data)
{
  gint r = points_rows (f, 2);
  g_autofree gchar *text = NULL;
  g_autofree gchar *expected = NULL;
  g_autofree gchar *a = shown (f, r, 1), *b = shown (f, r, 2);
  g_autofree gchar *c = shown (f, r + 1, 1), *d = shown (f, r + 1, 2);

  td_score_cell_focus (cell_at (f, r, 1));
  td_test_iterate ();
  g_assert_true (matrix_key (f, GDK_KEY_Down, GDK_SHIFT_MASK));
  g_assert_true (matrix_key (f, GDK_KEY_Right, GDK_SHIFT_MASK));
  g_assert_true (gtk_widget_has_css_class (
      GTK_WIDGET (td_score_cell_get_editable (cell_at (f, r + 1, 2))), "score-selected"));
  g_assert_false (gtk_widget_has_css_class (
      GTK_WIDGET (td_score_cell_get_editable (cell_at (f, r + 1, 3))), "score-selected"));
  g_assert_true (matrix_key (f, GDK_KEY_c, GDK_CONTROL_MASK));
  text = clipboard_text (f);
  expected = g_strdup_printf ("%s\t%s\n%s\t%s\n", a, b, c, d);
  g_assert_cmpstr (text, ==, expected);
  g_free (td_test_screenshot (GTK_WIDGET (f->window), "scores-matrix-block.png"));

  /* Another cell: the block is gone, Ctrl+C copies that cell alone. */
  td_score_cell_focus (cell_at (f, r + 1, 1));
  td_test_iterate ();
  g_assert_false (gtk_widget_has_css_class (
      GTK_WIDGET (td_score_cell_get_editable (cell_at (f, r + 1, 2))), "score-selected"));
  g_assert_true (matrix_key (f, GDK_KEY_c, GDK_CONTROL_MASK));
  g_clear_pointer (&text, g_free);
  text = clipboard_text (f);
  g_assert_cmpstr (text, ==, c);
}

static gboolean
dialog_shown (gpointer data)
{
  return td_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

/* A value that is not what the cell holds now. */
static const char *
other_value (Fixture *f, gint node, guint unit)
{
  const TdEntry *e = td_scores_get_entry (scores (f), unit, node, TD_SOURCE_ASSESSED);

  return e != NULL && e->points == 25 ? "0.5" : "0,25";
}

/* Tab in a dialog, as its key controllers see it before GTK's own
 * binding (td-dialog.c orders Tab there); FALSE when none took it. */
static gboolean
dialog_tab (GtkWindow *dialog)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (dialog));
  gboolean handled = FALSE;

  for (guint i = 0; !handled && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller)
          && gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller))
                 == GTK_PHASE_CAPTURE)
        g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Tab, 0, 0, &handled);
    }
  td_test_iterate ();
  return handled;
}

/* A 3 × 2 block with one value that is not a number: the preview lists 5
 * changes and 1 refusal, Enter saves the 5 in one step, Ctrl+Z puts all
 * of them back. */
static void
test_paste_block (Fixture *f, gconstpointer data)
{
  gint r = points_rows (f, 3);
  TdEntry *before[3][2];
  const char *value[3][2];
  g_autofree gchar *text = NULL;
  GtkWindow *dialog;
  GtkWidget *focused;
  TdScorePaste *paste;

  for (guint i = 0; i < 3; i++)
    for (guint k = 0; k < 2; k++)
      {
        const TdEntry *e = td_scores_get_entry (scores (f), 1 + k, r + i, TD_SOURCE_ASSESSED);
        before[i][k] = e ? td_entry_copy (e) : NULL;
        value[i][k] = other_value (f, r + i, 1 + k);
      }
  /* As Excel puts it on the clipboard: CRLF, decimal comma or point. */
  text = g_strdup_printf ("%s\t%s\r\n%s\tabc\r\n%s\t%s\r\n", value[0][0], value[0][1], value[1][0],
                          value[2][0], value[2][1]);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (f->grid), text);
  td_score_cell_focus (cell_at (f, r, 1));
  td_test_iterate ();
  g_assert_true (matrix_key (f, GDK_KEY_v, GDK_CONTROL_MASK));
  td_test_wait_until (dialog_shown, NULL, 3000);
  dialog = td_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  paste = td_score_paste_dialog_get_paste (GTK_WIDGET (dialog));
  g_assert_nonnull (paste);
  g_assert_cmpuint (paste->changes->len, ==, 5);
  g_assert_cmpuint (paste->refused->len, ==, 1);
  g_assert_cmpstr (((TdScorePasteCell *)g_ptr_array_index (paste->refused, 0))->text, ==, "abc");
  /* Nothing saved yet. */
  g_assert_true (
      td_entry_equal (td_scores_get_entry (scores (f), 1, r, TD_SOURCE_ASSESSED), before[0][0]));
  td_test_wait_drawn (GTK_WIDGET (dialog));
  g_free (td_test_screenshot (GTK_WIDGET (dialog), "scores-matrix-paste-preview.png"));
  /* Enter: the default response; Escape: cancel. */
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "apply");
  g_assert_cmpstr (adw_message_dialog_get_close_response (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "cancel");
  /* Tab from the lists (refused, then changes) reaches Paste, the button
   * Enter presses, before Cancel (td_message_dialog_new). */
  {
    GtkWidget *paste_button = td_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Dán");
    GtkWidget *row = td_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LIST_BOX_ROW, NULL);
    GtkWidget *focus = NULL;

    g_assert_nonnull (paste_button);
    g_assert_true (gtk_window_get_default_widget (dialog) == paste_button);
    g_assert_nonnull (row);
    gtk_widget_grab_focus (row);
    for (guint i = 0; i < 12 && !GTK_IS_BUTTON (focus); i++)
      {
        g_assert_true (dialog_tab (dialog));
        focus = gtk_root_get_focus (GTK_ROOT (dialog));
      }
    g_assert_true (focus == paste_button);
  }
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  td_test_iterate ();
  gtk_window_destroy (dialog);
  td_test_iterate ();

  /* Saved: in the database, in memory and in the cells. */
  for (guint i = 0; i < 3; i++)
    for (guint k = 0; k < 2; k++)
      {
        g_autoptr (GError) error = NULL;
        const TdCriterion *c
            = td_criteria_table_get_node (td_scores_get_table (scores (f)), r + (gint)i);
        g_autoptr (TdEntry) saved = td_entry_load (f->db, td_scores_get_unit_id (scores (f), 1 + k),
                                                   c->id, TD_SOURCE_ASSESSED, &error);
        g_autofree gchar *cell_text = NULL;

        g_assert_no_error (error);
        if (i == 1 && k == 1)
          {
            g_assert_true (td_entry_equal (saved, before[i][k]));
            continue;
          }
        g_assert_nonnull (saved);
        g_assert_cmpint (saved->points, ==, g_str_equal (value[i][k], "0.5") ? 50 : 25);
        g_assert_false (td_entry_equal (saved, before[i][k]));
        cell_text = shown (f, r + i, 1 + k);
        g_assert_cmpstr (
            gtk_editable_get_text (td_score_cell_get_editable (cell_at (f, r + i, 1 + k))), ==,
            cell_text);
      }

  /* One Ctrl+Z, pressed in the cell where the paste began as the clerk
   * would, puts the whole block back (the field's own history, which holds
   * the pasted text, must not take the key and clear the saved score). */
  td_score_cell_focus (cell_at (f, r, 1));
  td_test_iterate ();
  focused = gtk_root_get_focus (gtk_widget_get_root (f->grid));
  g_assert_true (gtk_widget_is_ancestor (focused, GTK_WIDGET (cell_at (f, r, 1))));
  td_test_press (focused, GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpstr (gtk_editable_get_text (td_score_cell_get_editable (cell_at (f, r, 1))), ==,
                   td_score_cell_get_saved_text (cell_at (f, r, 1)));
  for (guint i = 0; i < 3; i++)
    for (guint k = 0; k < 2; k++)
      {
        g_assert_true (td_entry_equal (
            td_scores_get_entry (scores (f), 1 + k, r + i, TD_SOURCE_ASSESSED), before[i][k]));
        g_clear_pointer (&before[i][k], td_entry_free);
      }
}

int
main (int argc, char **argv)
{
  static const int office[] = { 1366, 768 };
  static const int full_hd[] = { 1920, 1080 };

  td_test_init (&argc, &argv);
  g_test_add ("/scores-matrix/frozen-1366x768", Fixture, office, fixture_setup, test_frozen,
              fixture_teardown);
  g_test_add ("/scores-matrix/frozen-1920x1080", Fixture, full_hd, fixture_setup, test_frozen,
              fixture_teardown);
  g_test_add ("/scores-matrix/legend", Fixture, office, fixture_setup, test_legend,
              fixture_teardown);
  g_test_add ("/scores-matrix/copy-block", Fixture, NULL, fixture_setup, test_copy_block,
              fixture_teardown);
  g_test_add ("/scores-matrix/paste-block", Fixture, office, fixture_setup, test_paste_block,
              fixture_teardown);
  return g_test_run ();
}
