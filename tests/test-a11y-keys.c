/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A clerk without a mouse or without sight (issue 20), in the real window
 * on the demo: the sidebar moves focus without switching sections, F6
 * cycles sidebar, header and section, Tab and Shift+Tab walk every
 * section with no trap and never land on a hidden widget, and a refused
 * score is marked invalid, described and announced.  Accessible
 * properties are read through GTK's test backend (GTK_A11Y=test). */
#include "config.h"

#include "td-a11y.h"
#include "td-bloc-selector.h"
#include "td-demo.h"
#include "td-registry.h"
#include "td-score-cell.h"
#include "td-scores-page.h"
#include "td-scoring.h"
#include "td-test-util.h"

#include <string.h>

static const char *const sections[]
    = { "overview", "units", "campaigns", "criteria", "scores", "ranking", "calendar" };

typedef struct
{
  TdWindow *window;
  TdDb *db;
  gchar *dir;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree gchar *path = NULL;
  g_autoptr (GPtrArray) blocs = NULL;
  gint64 bloc_year;

  f->dir = td_test_tmpdir ();
  path = g_build_filename (f->dir, "demo.db", NULL);
  f->db = td_demo_create (path, &error);
  g_assert_no_error (error);
  blocs = td_registry_list_blocs (f->db, &error);
  g_assert_no_error (error);
  bloc_year = td_registry_find_bloc_year (f->db, ((TdBloc *)g_ptr_array_index (blocs, 0))->id, 2024,
                                          &error);
  g_assert_no_error (error);
  f->window = td_test_window_new ();
  td_window_set_database (f->window, f->db, FALSE);
  td_window_set_bloc_year_id (f->window, bloc_year);
  td_test_iterate ();
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  td_test_destroy_window (f->window);
  g_clear_object (&f->db);
  g_free (f->dir);
}

static GtkWidget *
focus_of (Fixture *f)
{
  return gtk_root_get_focus (GTK_ROOT (f->window));
}

static GtkListBox *
sidebar (Fixture *f)
{
  GPtrArray *lists = td_test_collect_widgets (GTK_WIDGET (f->window), GTK_TYPE_LIST_BOX);
  GtkListBox *found = NULL;

  for (guint i = 0; i < lists->len && found == NULL; i++)
    if (gtk_widget_has_css_class (lists->pdata[i], "navigation-sidebar"))
      found = lists->pdata[i];
  g_ptr_array_unref (lists);
  g_assert_nonnull (found);
  return found;
}

/* TRUE when @widget and every ancestor are visible, mapped and have room. */
static gboolean
shown (GtkWidget *widget)
{
  if (!gtk_widget_is_drawable (widget))
    return FALSE;
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    if (!gtk_widget_get_visible (w) || gtk_widget_get_opacity (w) == 0.0)
      return FALSE;
  return gtk_widget_get_width (widget) > 0 && gtk_widget_get_height (widget) > 0;
}

/* Shown, and inside the part of its scrolled window in sight: what a
 * keyboard user can see the focus on. */
static gboolean
on_screen (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t b;

  if (!shown (widget))
    return FALSE;
  if (scroller == NULL)
    return TRUE;
  if (!gtk_widget_compute_bounds (widget, scroller, &b))
    return FALSE;
  /* (a list's row may show in part, under its column titles) */
  return b.origin.x < gtk_widget_get_width (scroller) && b.origin.x + b.size.width > 0
         && b.origin.y < gtk_widget_get_height (scroller) && b.origin.y + b.size.height > 0;
}

/* A score cell the focus is in is whole in sight, below the column titles. */
static gboolean
cell_in_sight (GtkWidget *focus)
{
  GtkWidget *cell = gtk_widget_get_ancestor (focus, TD_TYPE_SCORE_CELL);
  GtkWidget *view = cell ? gtk_widget_get_ancestor (cell, GTK_TYPE_COLUMN_VIEW) : NULL;
  GtkWidget *header = view ? gtk_widget_get_first_child (view) : NULL;
  graphene_rect_t b;

  if (cell == NULL || view == NULL)
    return TRUE;
  if (!gtk_widget_compute_bounds (cell, view, &b))
    return FALSE;
  return b.origin.y >= (header ? gtk_widget_get_height (header) : 0) - 1
         && b.origin.y + b.size.height <= gtk_widget_get_height (view) + 1 && b.origin.x >= -1
         && b.origin.x + b.size.width <= gtk_widget_get_width (view) + 1;
}

/* Presses Tab (or Shift+Tab) as the window would dispatch it: the key
 * controllers from the focus up (a score cell moves to the next cell
 * itself), then the window's focus chain. */
static void
press_tab (Fixture *f, gboolean backward)
{
  GtkWidget *focus = focus_of (f);
  GdkModifierType mods = backward ? GDK_SHIFT_MASK : 0;
  guint keyval = backward ? GDK_KEY_ISO_Left_Tab : GDK_KEY_Tab;

  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    {
      g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (w);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);
          gboolean handled = FALSE;

          if (!GTK_IS_EVENT_CONTROLLER_KEY (controller))
            continue;
          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, mods, &handled);
          if (handled)
            {
              td_test_iterate ();
              return;
            }
        }
    }
  g_signal_emit_by_name (f->window, "move-focus",
                         backward ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD);
  td_test_iterate ();
}

static gboolean
is_list (GtkWidget *w)
{
  return GTK_IS_LIST_VIEW (w) || GTK_IS_COLUMN_VIEW (w) || GTK_IS_LIST_BOX (w)
         || GTK_IS_GRID_VIEW (w) || GTK_IS_FLOW_BOX (w);
}

/* The controls of @root a keyboard user must reach with Tab: focusable,
 * sensitive and on screen.  Inside a list only the list counts (arrows
 * move in it); inside a composite control (an entry's text, a drop-down's
 * button) the control. */
static void
collect_controls (GtkWidget *w, GPtrArray *out)
{
  if (!gtk_widget_get_visible (w) || !gtk_widget_get_child_visible (w))
    return;
  if (is_list (w))
    {
      if (gtk_widget_get_first_child (w) != NULL && shown (w))
        g_ptr_array_add (out, w);
      return;
    }
  if ((GTK_IS_BUTTON (w) || GTK_IS_EDITABLE (w) || GTK_IS_DROP_DOWN (w) || GTK_IS_MENU_BUTTON (w)
       || GTK_IS_SWITCH (w) || GTK_IS_SCALE (w))
      && gtk_widget_get_focusable (w) && gtk_widget_is_sensitive (w) && shown (w))
    {
      g_ptr_array_add (out, w);
      return;
    }
  if (GTK_IS_DROP_DOWN (w) || GTK_IS_MENU_BUTTON (w))
    {
      if (gtk_widget_is_sensitive (w) && shown (w))
        g_ptr_array_add (out, w);
      return;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    collect_controls (c, out);
}

static gboolean
reached (GPtrArray *visited, GtkWidget *control)
{
  for (guint i = 0; i < visited->len; i++)
    {
      GtkWidget *v = visited->pdata[i];
      if (v == control || gtk_widget_is_ancestor (v, control))
        return TRUE;
    }
  return FALSE;
}

static const char *
describe (GtkWidget *w)
{
  static gchar buffer[256];
  const char *text = NULL;

  if (GTK_IS_BUTTON (w))
    text = gtk_button_get_label (GTK_BUTTON (w));
  if (text == NULL)
    text = gtk_widget_get_tooltip_text (w);
  g_snprintf (buffer, sizeof buffer, "%s %s (in %s)", G_OBJECT_TYPE_NAME (w), text ? text : "",
              gtk_widget_get_parent (w) ? G_OBJECT_TYPE_NAME (gtk_widget_get_parent (w)) : "");
  return buffer;
}

/* From the sidebar, Tab (or Shift+Tab) until the focus comes back: every
 * focus on screen, every control of the section reached, no trap. */
static void
walk_section (Fixture *f, const char *name, gboolean backward)
{
  GtkWidget *page;
  GtkListBoxRow *row;
  g_autoptr (GPtrArray) visited = g_ptr_array_new ();
  g_autoptr (GPtrArray) controls = g_ptr_array_new ();
  GtkWidget *start;
  guint presses = 0, first_in_section = 0, missing = 0;
  gboolean left = FALSE;
  const guint limit = 800;

  td_test_activate (GTK_WIDGET (f->window), "win.show-section", g_variant_new_string (name));
  page = GTK_WIDGET (td_window_get_page (f->window, name));
  td_test_wait_drawn (page);
  td_test_dismiss_toasts (f->window);
  td_test_iterate ();
  row = gtk_list_box_get_row_at_index (sidebar (f), 0);
  gtk_widget_grab_focus (GTK_WIDGET (row));
  start = focus_of (f);
  g_assert_true (start == GTK_WIDGET (row));
  do
    {
      GtkWidget *before = focus_of (f), *focus;

      press_tab (f, backward);
      presses++;
      /* A cell of a row being scrolled to is focused from idle. */
      for (guint wait = 0; wait < 200 && focus_of (f) == before; wait++)
        {
          g_usleep (5000);
          td_test_iterate ();
        }
      focus = focus_of (f);
      g_assert_nonnull (focus);
      if (focus == before)
        {
          g_error ("%s: %s is trapped at %s", name, backward ? "Shift+Tab" : "Tab",
                   describe (focus));
        }
      /* A row scrolled to is placed at the next frame. */
      for (guint wait = 0; wait < 200 && !(on_screen (focus) && cell_in_sight (focus)); wait++)
        {
          g_usleep (10000);
          td_test_iterate ();
        }
      if (!on_screen (focus))
        for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
          g_test_message ("  %s visible %d child-visible %d mapped %d %dx%d opacity %.1f",
                          G_OBJECT_TYPE_NAME (w), gtk_widget_get_visible (w),
                          gtk_widget_get_child_visible (w), gtk_widget_get_mapped (w),
                          gtk_widget_get_width (w), gtk_widget_get_height (w),
                          gtk_widget_get_opacity (w));
      /* In a score grid whose rows grow with wrapped text, GTK 4.8's list
       * can move the focus into a row it has not placed: the view must
       * bring it into sight. */
      if (!on_screen (focus))
        g_error ("%s: Tab %u landed on a hidden widget: %s", name, presses, describe (focus));
      if (!cell_in_sight (focus))
        g_error ("%s: Tab %u landed on a score cell not whole in sight: %s", name, presses,
                 describe (focus));
      if (first_in_section == 0 && gtk_widget_is_ancestor (focus, page))
        first_in_section = presses;
      g_ptr_array_add (visited, focus);
      if (g_test_verbose ())
        g_test_message ("%s %u: %s", name, presses, describe (focus));
      left = left || !gtk_widget_is_ancestor (focus, GTK_WIDGET (sidebar (f)));
    }
  while (presses < limit
         && !(left && gtk_widget_is_ancestor (focus_of (f), GTK_WIDGET (sidebar (f)))));
  if (presses >= limit)
    g_error ("%s: %s never came back to the sidebar after %u presses (trapped at %s)", name,
             backward ? "Shift+Tab" : "Tab", limit, describe (focus_of (f)));

  collect_controls (page, controls);
  for (guint i = 0; i < controls->len; i++)
    if (!reached (visited, controls->pdata[i]))
      {
        g_test_message ("%s: %s never reached: %s", name, backward ? "Shift+Tab" : "Tab",
                        describe (controls->pdata[i]));
        missing++;
      }
  g_test_message ("%s: %s went round in %u presses, the section's first control after %u, "
                  "%u of %u controls reached",
                  name, backward ? "Shift+Tab" : "Tab", presses, first_in_section,
                  controls->len - missing, controls->len);
  g_assert_cmpuint (first_in_section, >, 0);
  g_assert_cmpuint (missing, ==, 0);
  if (!backward)
    g_assert_cmpuint (first_in_section, <=, 12);
}

static void
test_tab_walk (Fixture *f, gconstpointer data)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      walk_section (f, sections[i], FALSE);
      walk_section (f, sections[i], TRUE);
    }
}

/* Moving through the sidebar moves the focus only; Enter (the row's
 * activate) opens the section. */
static void
test_sidebar_moves_without_switching (Fixture *f, gconstpointer data)
{
  GtkListBox *list = sidebar (f);
  GtkListBoxRow *row;

  td_test_activate (GTK_WIDGET (f->window), "win.show-section", g_variant_new_string ("overview"));
  td_test_iterate ();
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)));
  for (int i = 0; i < 4; i++)
    {
      g_signal_emit_by_name (list, "move-cursor", GTK_MOVEMENT_DISPLAY_LINES, 1, FALSE, FALSE);
      td_test_iterate ();
    }
  row = gtk_list_box_get_row_at_index (list, 4);
  g_assert_true (focus_of (f) == GTK_WIDGET (row));
  g_assert_cmpstr (td_window_get_section (f->window), ==, "overview");
  g_assert_true (
      gtk_widget_has_css_class (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)), "current"));
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (row),
                                                     GTK_ACCESSIBLE_PROPERTY_LABEL, "Chấm điểm"));

  g_signal_emit_by_name (row, "activate");
  td_test_iterate ();
  g_assert_cmpstr (td_window_get_section (f->window), ==, "scores");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "current"));
  g_assert_false (
      gtk_widget_has_css_class (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)), "current"));
  /* The section left is hidden from readers, the one shown is not. */
  g_assert_null (
      gtk_test_accessible_check_state (GTK_ACCESSIBLE (td_window_get_page (f->window, "overview")),
                                       GTK_ACCESSIBLE_STATE_HIDDEN, TRUE));
  g_assert_null (
      gtk_test_accessible_check_state (GTK_ACCESSIBLE (td_window_get_page (f->window, "scores")),
                                       GTK_ACCESSIBLE_STATE_HIDDEN, FALSE));
}

/* F6 goes sidebar → header → section → sidebar; Shift+F6 back. */
static void
test_f6_cycles_panes (Fixture *f, gconstpointer data)
{
  GtkListBox *list = sidebar (f);
  GtkWidget *page;
  GtkWidget *header;

  td_test_activate (GTK_WIDGET (f->window), "win.show-section", g_variant_new_string ("ranking"));
  page = GTK_WIDGET (td_window_get_page (f->window, "ranking"));
  td_test_wait_drawn (page);
  header = gtk_widget_get_ancestor (
      GTK_WIDGET (td_test_find_widget (GTK_WIDGET (f->window), TD_TYPE_BLOC_SELECTOR, NULL)),
      ADW_TYPE_HEADER_BAR);
  g_assert_nonnull (header);
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)));

  td_test_activate (GTK_WIDGET (f->window), "win.cycle-pane", g_variant_new_boolean (FALSE));
  g_assert_true (gtk_widget_is_ancestor (focus_of (f), header));
  td_test_activate (GTK_WIDGET (f->window), "win.cycle-pane", g_variant_new_boolean (FALSE));
  g_assert_true (gtk_widget_is_ancestor (focus_of (f), page));
  g_assert_true (on_screen (focus_of (f)));
  td_test_activate (GTK_WIDGET (f->window), "win.cycle-pane", g_variant_new_boolean (FALSE));
  /* Back on the row of the section shown. */
  g_assert_true (focus_of (f) == GTK_WIDGET (gtk_list_box_get_row_at_index (list, 5)));
  td_test_activate (GTK_WIDGET (f->window), "win.cycle-pane", g_variant_new_boolean (TRUE));
  g_assert_true (gtk_widget_is_ancestor (focus_of (f), page));
}

/* A score field says its column and criterion, with the rule after it; a
 * refused value marks it invalid, describes why and is announced. */
static void
test_refused_value_announced (Fixture *f, gconstpointer data)
{
  TdScoresPage *page;
  TdScores *scores;
  TdCriteriaTable *table;
  const TdCriterion *c = NULL;
  TdScoreCell *cell;
  GtkAccessible *entry;
  GtkLabel *announcer = NULL;
  g_autoptr (GPtrArray) labels = NULL;
  g_autofree gchar *name = NULL, *rule = NULL;
  const char *tooltip;

  td_test_activate (GTK_WIDGET (f->window), "win.show-section", g_variant_new_string ("scores"));
  page = TD_SCORES_PAGE (td_window_get_page (f->window, "scores"));
  td_test_wait_drawn (GTK_WIDGET (page));
  scores = td_scores_page_get_scores (page);
  g_assert_true (td_scores_page_set_unit (page, td_scores_get_unit_id (scores, 1)));
  td_test_wait_drawn (GTK_WIDGET (page));
  table = td_scores_get_table (scores);
  for (guint i = 0; i < td_criteria_table_get_n_nodes (table) && c == NULL; i++)
    {
      const TdCriterion *n = td_criteria_table_get_node (table, i);
      if (n->kind == TD_RULE_STANDARD && n->depth == 1)
        c = n;
    }
  g_assert_nonnull (c);
  cell = td_scores_page_get_cell (page, FALSE, c->id, TD_SCORES_COL_SELF);
  g_assert_nonnull (cell);
  entry = GTK_ACCESSIBLE (td_score_cell_get_editable (cell));

  name = g_strdup_printf ("Tự chấm, %s %s", c->code, c->title);
  rule = td_criterion_describe_rule (c);
  g_assert_null (gtk_test_accessible_check_property (entry, GTK_ACCESSIBLE_PROPERTY_LABEL, name));
  g_assert_null (
      gtk_test_accessible_check_property (entry, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, rule));
  g_assert_false (gtk_test_accessible_has_state (entry, GTK_ACCESSIBLE_STATE_INVALID));

  td_score_cell_focus (cell);
  gtk_editable_set_text (GTK_EDITABLE (entry), "abc");
  g_signal_emit_by_name (entry, "activate");
  td_test_iterate ();
  tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (entry));
  g_assert_nonnull (tooltip);
  g_assert_null (gtk_test_accessible_check_state (entry, GTK_ACCESSIBLE_STATE_INVALID,
                                                  GTK_ACCESSIBLE_INVALID_TRUE));
  g_assert_null (
      gtk_test_accessible_check_property (entry, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip));

  /* The window's alert says it. */
  labels = td_test_collect_widgets (GTK_WIDGET (f->window), GTK_TYPE_LABEL);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_accessible_get_accessible_role (labels->pdata[i]) == GTK_ACCESSIBLE_ROLE_ALERT)
      announcer = labels->pdata[i];
  g_assert_nonnull (announcer);
  g_assert_cmpstr (gtk_label_get_text (announcer), ==, tooltip);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (announcer)));
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (announcer),
                                                     GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip));

  /* Corrected: valid again, the rule back as description. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "1");
  g_signal_emit_by_name (entry, "activate");
  td_test_iterate ();
  g_assert_false (gtk_test_accessible_has_state (entry, GTK_ACCESSIBLE_STATE_INVALID));
  g_assert_null (
      gtk_test_accessible_check_property (entry, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, rule));
}

/* Every row of a table has a spoken summary and every cell a name; a
 * matrix cell says its unit and criterion. */
static void
test_tables_named (Fixture *f, gconstpointer data)
{
  const char *names[] = { "ranking", "units", "criteria" };
  TdScoresPage *page;
  TdScores *scores;
  const TdCriterion *c = NULL;
  TdScoreCell *cell;
  TdCriteriaTable *table;

  for (guint s = 0; s < G_N_ELEMENTS (names); s++)
    {
      GtkWidget *section;
      g_autoptr (GPtrArray) views = NULL;
      guint rows = 0, cells = 0;

      td_test_activate (GTK_WIDGET (f->window), "win.show-section",
                        g_variant_new_string (names[s]));
      section = GTK_WIDGET (td_window_get_page (f->window, names[s]));
      td_test_wait_drawn (section);
      views = td_test_collect_widgets (section, GTK_TYPE_COLUMN_VIEW);
      g_assert_cmpuint (views->len, >, 0);
      g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (views->pdata[0]),
                                                       GTK_ACCESSIBLE_PROPERTY_LABEL));
      for (GtkWidget *list = gtk_widget_get_first_child (views->pdata[0]); list != NULL;
           list = gtk_widget_get_next_sibling (list))
        {
          if (g_strcmp0 (G_OBJECT_TYPE_NAME (list), "GtkColumnListView") != 0)
            continue;
          for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
               row = gtk_widget_get_next_sibling (row))
            {
              if (!gtk_widget_get_mapped (row)
                  || g_strcmp0 (G_OBJECT_TYPE_NAME (row), "GtkListItemWidget") != 0)
                continue;
              g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (row),
                                                               GTK_ACCESSIBLE_PROPERTY_LABEL));
              rows++;
              for (GtkWidget *c2 = gtk_widget_get_first_child (row); c2 != NULL;
                   c2 = gtk_widget_get_next_sibling (c2), cells++)
                g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (c2),
                                                                 GTK_ACCESSIBLE_PROPERTY_LABEL));
            }
        }
      g_test_message ("%s: %u rows and %u cells named", names[s], rows, cells);
      g_assert_cmpuint (rows, >, 3);
    }

  td_test_activate (GTK_WIDGET (f->window), "win.show-section", g_variant_new_string ("scores"));
  page = TD_SCORES_PAGE (td_window_get_page (f->window, "scores"));
  td_test_wait_drawn (GTK_WIDGET (page));
  td_test_activate (GTK_WIDGET (page), "scores.show-view", g_variant_new_string ("matrix"));
  td_test_wait_drawn (GTK_WIDGET (page));
  scores = td_scores_page_get_scores (page);
  table = td_scores_get_table (scores);
  for (guint i = 0; i < td_criteria_table_get_n_nodes (table) && c == NULL; i++)
    {
      const TdCriterion *n = td_criteria_table_get_node (table, i);
      if (n->kind == TD_RULE_STANDARD && n->depth == 1)
        c = n;
    }
  cell = td_scores_page_get_cell (page, TRUE, c->id, 1);
  g_assert_nonnull (cell);
  g_assert_true (gtk_test_accessible_has_property (
      GTK_ACCESSIBLE (td_score_cell_get_editable (cell)), GTK_ACCESSIBLE_PROPERTY_LABEL));
  g_assert_true (gtk_test_accessible_has_property (
      GTK_ACCESSIBLE (td_score_cell_get_editable (cell)), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
}

/* The list can hand the focus to a cell of a row it keeps out of sight
 * (unplaced, or placed below the viewport): the cell is brought whole
 * into sight, whichever row it is. */
static void
test_focus_scrolled_into_sight (Fixture *f, gconstpointer data)
{
  GtkWidget *page, *view = NULL;
  g_autoptr (GPtrArray) views = NULL;
  guint tried = 0, unplaced = 0;

  td_test_activate (GTK_WIDGET (f->window), "win.show-section", g_variant_new_string ("scores"));
  page = GTK_WIDGET (td_window_get_page (f->window, "scores"));
  td_test_wait_drawn (page);
  td_test_dismiss_toasts (f->window);
  views = td_test_collect_widgets (page, GTK_TYPE_COLUMN_VIEW);
  for (guint i = 0; i < views->len && view == NULL; i++)
    if (gtk_widget_get_mapped (views->pdata[i]))
      view = views->pdata[i];
  g_assert_nonnull (view);

  for (guint round = 0; round < 6; round++)
    {
      GtkAdjustment *v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
      g_autoptr (GPtrArray) cells = NULL;
      GtkWidget *target = NULL, *focus;

      /* From the top, the first cell out of sight, or (every other round)
       * the last one of a row the list has not placed. */
      gtk_root_set_focus (GTK_ROOT (f->window), NULL);
      gtk_adjustment_set_value (v, 0);
      td_test_wait_drawn (view);
      cells = td_test_collect_widgets (view, TD_TYPE_SCORE_CELL);
      for (guint i = 0; i < cells->len; i++)
        {
          GtkWidget *cell = cells->pdata[i];

          if (!gtk_widget_get_visible (cell) || on_screen (cell))
            continue;
          if (target == NULL || (round % 2 == 0 && !gtk_widget_get_mapped (cell)))
            target = cell;
        }
      if (target == NULL)
        break;
      tried++;
      unplaced += !gtk_widget_get_mapped (target);
      g_assert_true (gtk_widget_grab_focus (target));
      for (guint wait = 0;
           wait < 200 && !(on_screen (focus_of (f)) && cell_in_sight (focus_of (f))); wait++)
        {
          g_usleep (10000);
          td_test_iterate ();
        }
      focus = focus_of (f);
      g_assert_true (gtk_widget_is_ancestor (focus, target));
      g_assert_true (on_screen (focus));
      g_assert_true (cell_in_sight (focus));
    }
  g_test_message ("%u cells out of sight focused (%u of rows not placed), each brought into sight",
                  tried, unplaced);
  g_assert_cmpuint (tried, >, 0);
}

/* A window opens with the focus on the first control of the section it
 * shows, not on a header bar's button. */
static void
test_initial_focus (Fixture *f, gconstpointer data)
{
  const char *sections_shown[] = { NULL, "scores", "ranking" };
  gint64 bloc_year = td_window_get_bloc_year_id (f->window);

  for (guint i = 0; i < G_N_ELEMENTS (sections_shown); i++)
    {
      GtkWidget *focus, *page;

      /* One window at a time: destroying one closes the others. */
      td_test_destroy_window (f->window);
      f->window = td_window_new (td_test_app_get ());
      td_window_set_database (f->window, f->db, FALSE);
      td_window_set_bloc_year_id (f->window, bloc_year);
      if (sections_shown[i] != NULL)
        g_assert_true (td_window_show_section (f->window, sections_shown[i]));
      gtk_window_present (GTK_WINDOW (f->window));
      td_test_wait_drawn (GTK_WIDGET (f->window));
      td_test_iterate ();
      page = GTK_WIDGET (td_window_get_page (f->window, td_window_get_section (f->window)));
      focus = focus_of (f);
      g_test_message ("%s: the focus opens on %s", td_window_get_section (f->window),
                      focus ? describe (focus) : "nothing");
      g_assert_nonnull (focus);
      g_assert_null (gtk_widget_get_ancestor (focus, ADW_TYPE_HEADER_BAR));
      g_assert_true (gtk_widget_is_ancestor (focus, page));
      g_assert_true (shown (focus));
    }
}

int
main (int argc, char **argv)
{
  /* GTK's test backend keeps every accessible property for the asserts. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  td_test_init (&argc, &argv);
  g_test_add ("/a11y/sidebar-moves-without-switching", Fixture, NULL, fixture_setup,
              test_sidebar_moves_without_switching, fixture_teardown);
  g_test_add ("/a11y/initial-focus", Fixture, NULL, fixture_setup, test_initial_focus,
              fixture_teardown);
  g_test_add ("/a11y/f6-cycles-panes", Fixture, NULL, fixture_setup, test_f6_cycles_panes,
              fixture_teardown);
  g_test_add ("/a11y/refused-value-announced", Fixture, NULL, fixture_setup,
              test_refused_value_announced, fixture_teardown);
  g_test_add ("/a11y/tables-named", Fixture, NULL, fixture_setup, test_tables_named,
              fixture_teardown);
  g_test_add ("/a11y/focus-scrolled-into-sight", Fixture, NULL, fixture_setup,
              test_focus_scrolled_into_sight, fixture_teardown);
  g_test_add ("/a11y/tab-walk", Fixture, NULL, fixture_setup, test_tab_walk, fixture_teardown);
  return g_test_run ();
}
