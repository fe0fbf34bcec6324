/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every shortcut the shortcuts window lists works, under Xvfb on the demo.
 *
 * The list is read from ui/gtk/help-overlay.ui itself: a shortcut added
 * there without a case here fails the test.  Each case shows the section,
 * finds who handles the keys while it is shown (a section's shortcut, a
 * window's or dialog's key binding, an application accelerator, a score
 * cell's own keys), sends them there and checks what they did. */
#include "config.h"

#include "td-registry.h"
#include "td-scores-page.h"
#include "td-sheet-preview.h"
#include "td-test-util.h"

#include <string.h>

typedef struct
{
  TdWindow *window;
  TdDb *db;
  gchar *dir;
} Fixture;

static Fixture fixture;

/* ---- finding and activating ---- */

/* The shortcut for @accel among the shortcut controllers of @widget. */
static GtkShortcut *
find_shortcut (GtkWidget *widget, const char *accel, GtkWidget **owner)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);
  guint keyval;
  GdkModifierType mods;

  g_assert_true (gtk_accelerator_parse (accel, &keyval, &mods));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (td_test_trigger_matches (gtk_shortcut_get_trigger (shortcut), keyval, mods))
            {
              *owner = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
              return shortcut;
            }
        }
    }
  return NULL;
}

/* Presses @accel where the window would deliver it while @section is shown:
 * the section's own shortcuts first, then the window's. */
static void
press_in (GtkWidget *where, const char *accel)
{
  GtkWidget *owner = NULL;
  GtkShortcut *shortcut = find_shortcut (where, accel, &owner);

  if (shortcut == NULL && where != GTK_WIDGET (fixture.window))
    shortcut = find_shortcut (GTK_WIDGET (fixture.window), accel, &owner);
  if (shortcut == NULL)
    g_error ("nothing handles %s", accel);
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, owner,
                                               gtk_shortcut_get_arguments (shortcut)));
  td_test_iterate ();
}

static void
section (const char *name)
{
  g_assert_true (td_window_show_section (fixture.window, name));
  td_test_wait_drawn (GTK_WIDGET (fixture.window));
  g_assert_cmpstr (td_window_get_section (fixture.window), ==, name);
}

/* The section page shown (a TdSectionPage): by its name, as the window
 * knows it; while the stack changes pages the one left is still mapped. */
static GtkWidget *
page (const char *name)
{
  GtkWidget *found;

  section (name);
  found = GTK_WIDGET (td_window_get_page (fixture.window, name));
  g_assert_nonnull (found);
  g_assert_true (gtk_widget_get_mapped (found));
  return found;
}

static guint
n_toplevels (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWidget) window = g_list_model_get_item (toplevels, i);
      n += gtk_widget_get_visible (window);
    }
  return n;
}

/* A shortcut that opens a dialog, a file chooser or a window: one more
 * toplevel is shown; it is closed again. */
static void
opens_window (const char *name, const char *accel)
{
  GtkWidget *p = page (name);
  guint before = n_toplevels ();

  press_in (p, accel);
  for (int i = 0; i < 50 && n_toplevels () <= before; i++)
    td_test_iterate ();
  g_assert_cmpuint (n_toplevels (), >, before);
  td_test_close_toplevels_except (GTK_WINDOW (fixture.window));
}

/* ---- the cases ---- */

typedef void (*CaseFunc) (const char *accel);

typedef struct
{
  const char *group;
  const char *accel; /* one of the shortcut's accelerators, or its action */
  CaseFunc func;
} Case;

static gboolean
has_class_action (GtkWidget *widget, const char *action)
{
  const char *name, *property;
  GType owner;
  const GVariantType *type;

  for (guint i = 0; gtk_widget_class_query_action (GTK_WIDGET_GET_CLASS (widget), i, &owner, &name,
                                                   &type, &property);
       i++)
    if (g_str_equal (name, action))
      return TRUE;
  return FALSE;
}

static void
app_accel (const char *action)
{
  GtkApplication *app = GTK_APPLICATION (td_test_app_get ());
  g_auto (GStrv) accels = gtk_application_get_accels_for_action (app, action);
  GActionGroup *group
      = g_str_has_prefix (action, "app.") ? G_ACTION_GROUP (app) : G_ACTION_GROUP (fixture.window);

  g_assert_nonnull (accels);
  g_assert_nonnull (accels[0]);
  /* An action of the application or window map, or a window's class
   * action (gtk_widget_class_install_action). */
  if (!g_action_group_has_action (group, strchr (action, '.') + 1))
    g_assert_true (has_class_action (GTK_WIDGET (fixture.window), action));
  else
    g_assert_true (g_action_group_get_action_enabled (group, strchr (action, '.') + 1));
  /* The help overlay is opened for real; the others would quit, close
   * the window or ask for a file. */
  if (g_str_equal (action, "win.show-help-overlay"))
    {
      g_action_group_activate_action (group, "show-help-overlay", NULL);
      td_test_iterate ();
      g_assert_nonnull (td_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));
      td_test_close_toplevels_except (GTK_WINDOW (fixture.window));
    }
}

static void
alt_section (const char *accel)
{
  const char *names[]
      = { "overview", "units", "campaigns", "criteria", "scores", "ranking", "calendar" };
  guint n = accel[strlen (accel) - 1] - '1';

  /* From another section, with the focus anywhere. */
  section (n == 0 ? "calendar" : "overview");
  press_in (GTK_WIDGET (fixture.window), accel);
  g_assert_cmpstr (td_window_get_section (fixture.window), ==, names[n]);
}

static TdSheetPreview *
open_preview (void)
{
  page ("ranking");
  press_in (GTK_WIDGET (fixture.window), "<Control>p");
  for (int i = 0; i < 100 && td_test_find_toplevel (TD_TYPE_SHEET_PREVIEW) == NULL; i++)
    td_test_iterate ();
  g_assert_nonnull (td_test_find_toplevel (TD_TYPE_SHEET_PREVIEW));
  return TD_SHEET_PREVIEW (td_test_find_toplevel (TD_TYPE_SHEET_PREVIEW));
}

static void
print_preview (const char *accel)
{
  open_preview ();
  td_test_close_toplevels_except (GTK_WINDOW (fixture.window));
}

static void
preview_key (const char *accel)
{
  TdSheetPreview *preview = open_preview ();
  GtkWidget *owner = NULL;
  GtkShortcut *shortcut = find_shortcut (GTK_WIDGET (preview), accel, &owner);

  g_assert_nonnull (shortcut);
  if (g_str_equal (accel, "<Ctrl>p"))
    {
      /* Printing asks the print dialog: only that the key is the preview's. */
      g_assert_cmpstr (
          gtk_named_action_get_action_name (GTK_NAMED_ACTION (gtk_shortcut_get_action (shortcut))),
          ==, "preview.print");
    }
  else
    {
      g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, owner,
                                                   gtk_shortcut_get_arguments (shortcut)));
      td_test_iterate ();
      if (g_str_equal (accel, "Escape"))
        g_assert_null (td_test_find_toplevel (TD_TYPE_SHEET_PREVIEW));
    }
  td_test_close_toplevels_except (GTK_WINDOW (fixture.window));
}

static void section_key (const char *name, const char *accel);

/* Ctrl+Z of a section that deletes with an undo toast. */
static void
undo_key (const char *name, const char *accel)
{
  GtkWidget *owner = NULL;
  GtkShortcut *shortcut = find_shortcut (page (name), accel, &owner);
  g_autofree char *action = g_strdup_printf ("%s.undo-delete", name);

  g_assert_nonnull (shortcut);
  g_assert_cmpstr (
      gtk_named_action_get_action_name (GTK_NAMED_ACTION (gtk_shortcut_get_action (shortcut))), ==,
      action);
  section_key (name, accel);
}

static void
units_key (const char *accel)
{
  if (g_str_equal (accel, "<Control>n"))
    opens_window ("units", accel);
  else if (g_str_equal (accel, "<Control>f"))
    {
      GtkWidget *focus;

      press_in (page ("units"), accel);
      focus = gtk_root_get_focus (GTK_ROOT (fixture.window));
      g_assert_nonnull (gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY));
    }
  else if (g_str_equal (accel, "Delete"))
    {
      GtkWidget *owner = NULL;

      /* While the focus is in the list: the section's own binding. */
      g_assert_nonnull (find_shortcut (page ("units"), accel, &owner));
    }
  else if (g_str_equal (accel, "<Control>z"))
    undo_key ("units", accel); /* test-units-page: what it undoes */
  else                         /* Return: the list's row activation opens the unit */
    {
      g_autoptr (GPtrArray) lists = td_test_collect_widgets (page ("units"), GTK_TYPE_COLUMN_VIEW);

      g_assert_cmpuint (lists->len, >, 0);
      g_assert_true (g_signal_has_handler_pending (
          g_ptr_array_index (lists, 0), g_signal_lookup ("activate", GTK_TYPE_COLUMN_VIEW), 0,
          FALSE));
    }
}

static void
section_key (const char *name, const char *accel)
{
  press_in (page (name), accel);
  td_test_close_toplevels_except (GTK_WINDOW (fixture.window));
}

static void
criteria_key (const char *accel)
{
  if (g_str_equal (accel, "<Control><Shift>v"))
    opens_window ("criteria", accel);
  else
    {
      GtkWidget *owner = NULL;
      g_assert_nonnull (find_shortcut (page ("criteria"), accel, &owner));
      if (g_str_has_prefix (accel, "<Control>Return"))
        section_key ("criteria", accel);
    }
}

static TdScoreCell *
focused_cell (void)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture.window));

  return focus ? TD_SCORE_CELL (gtk_widget_get_ancestor (focus, TD_TYPE_SCORE_CELL)) : NULL;
}

static void
cell_key (TdScoreCell *cell, guint keyval, GdkModifierType mods)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (cell));
  gboolean handled = FALSE;

  if (keyval == GDK_KEY_Return && mods == 0)
    {
      g_signal_emit_by_name (td_score_cell_get_editable (cell), "activate");
      handled = TRUE;
    }
  for (guint i = 0; !handled && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, mods, &handled);
    }
  g_assert_true (handled);
  for (int i = 0; i < 30; i++)
    td_test_iterate ();
}

/* The keys of a score cell, in the one-unit view's second row. */
static void
entry_key (const char *accel)
{
  TdScoresPage *scores = TD_SCORES_PAGE (page ("scores"));
  TdScores *s = td_scores_page_get_scores (scores);
  TdCriteriaTable *table = td_scores_get_table (s);
  gint first = -1, second = -1;
  TdScoreCell *cell;
  guint keyval;
  GdkModifierType mods;

  td_test_activate (GTK_WIDGET (scores), "scores.show-view", g_variant_new_string ("unit"));
  td_test_iterate ();
  for (guint i = 0; i < td_criteria_table_get_n_nodes (table) && second < 0; i++)
    if (td_rule_kind_get_input (td_criteria_table_get_node (table, i)->kind) == TD_INPUT_POINTS)
      {
        if (first < 0)
          first = i;
        else
          second = i;
      }
  cell = td_scores_page_get_cell (scores, FALSE, td_criteria_table_get_node (table, second)->id,
                                  TD_SCORES_COL_ASSESSED);
  g_assert_nonnull (cell);
  td_score_cell_focus (cell);
  g_assert_true (gtk_accelerator_parse (accel, &keyval, &mods));
  if (keyval == GDK_KEY_Escape)
    {
      GtkEditable *editable = td_score_cell_get_editable (cell);
      g_autofree gchar *saved = g_strdup (gtk_editable_get_text (editable));

      gtk_editable_set_text (editable, "999");
      cell_key (cell, keyval, mods);
      g_assert_cmpstr (gtk_editable_get_text (editable), ==, saved);
      return;
    }
  cell_key (cell, keyval == GDK_KEY_Tab && (mods & GDK_SHIFT_MASK) ? GDK_KEY_ISO_Left_Tab : keyval,
            mods);
  /* A row out of sight is scrolled to, then its cell focused. */
  for (gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC;
       focused_cell () == cell && g_get_monotonic_time () < end;)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_nonnull (focused_cell ());
  switch (keyval)
    {
    case GDK_KEY_Tab:
      g_assert_cmpuint (td_score_cell_get_column (focused_cell ()), ==,
                        mods ? TD_SCORES_COL_SELF : TD_SCORES_COL_EVIDENCE);
      break;
    case GDK_KEY_Return:
      if (mods)
        g_assert_cmpint (td_score_cell_get_row (focused_cell ()), <, second);
      else
        g_assert_cmpint (td_score_cell_get_row (focused_cell ()), >, second);
      break;
    case GDK_KEY_Up:
    case GDK_KEY_Down:
      if (keyval == GDK_KEY_Up)
        g_assert_cmpint (td_score_cell_get_row (focused_cell ()), <, second);
      else
        g_assert_cmpint (td_score_cell_get_row (focused_cell ()), >, second);
      break;
    case GDK_KEY_Left:
    case GDK_KEY_Right:
      g_assert_cmpuint (td_score_cell_get_column (focused_cell ()), ==,
                        keyval == GDK_KEY_Left ? TD_SCORES_COL_SELF : TD_SCORES_COL_EVIDENCE);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
scores_key (const char *accel)
{
  TdScoresPage *scores = TD_SCORES_PAGE (page ("scores"));
  AdwViewStack *views
      = ADW_VIEW_STACK (td_test_find_widget (GTK_WIDGET (scores), ADW_TYPE_VIEW_STACK, NULL));

  if (g_str_equal (accel, "<Control>1") || g_str_equal (accel, "<Control>2"))
    {
      press_in (GTK_WIDGET (scores), accel);
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (views), ==,
                       accel[strlen (accel) - 1] == '1' ? "unit" : "matrix");
    }
  else if (g_str_has_prefix (accel, "<Alt>Page_"))
    {
      gint64 before;

      td_scores_page_set_unit (scores,
                               td_scores_get_unit_id (td_scores_page_get_scores (scores), 1));
      before = td_scores_page_get_unit (scores);
      press_in (GTK_WIDGET (scores), accel);
      g_assert_cmpint (td_scores_page_get_unit (scores), !=, before);
    }
  else if (g_str_equal (accel, "<Control>d"))
    {
      g_autoptr (GPtrArray) toggles
          = td_test_collect_widgets (GTK_WIDGET (scores), GTK_TYPE_TOGGLE_BUTTON);
      GtkToggleButton *toggle = NULL;

      gboolean before;

      /* "Only differences": its tooltip names the key. */
      for (guint i = 0; i < toggles->len; i++)
        {
          const char *tip = gtk_widget_get_tooltip_text (g_ptr_array_index (toggles, i));

          if (tip != NULL && strstr (tip, "Ctrl+D") != NULL)
            toggle = g_ptr_array_index (toggles, i);
        }
      g_assert_nonnull (toggle);
      before = gtk_toggle_button_get_active (toggle);

      press_in (GTK_WIDGET (scores), accel);
      g_assert_true (gtk_toggle_button_get_active (toggle) != before);
      press_in (GTK_WIDGET (scores), accel);
    }
  else if (g_str_equal (accel, "<Control>z"))
    {
      TdScores *s = td_scores_page_get_scores (scores);
      guint unit = td_scores_find_unit (s, td_scores_page_get_unit (scores));
      TdCriteriaTable *table = td_scores_get_table (s);
      const TdCriterion *c = NULL;
      TdScoreCell *cell;
      TdPoints old;

      td_test_activate (GTK_WIDGET (scores), "scores.show-view", g_variant_new_string ("unit"));
      for (guint i = 0; i < td_criteria_table_get_n_nodes (table) && c == NULL; i++)
        if (td_criteria_table_get_node (table, i)->kind == TD_RULE_STANDARD)
          c = td_criteria_table_get_node (table, i);
      old = td_scores_get_entry (s, unit, c->index, TD_SOURCE_SELF)->points;
      cell = td_scores_page_get_cell (scores, FALSE, c->id, TD_SCORES_COL_SELF);
      td_score_cell_focus (cell);
      gtk_editable_set_text (td_score_cell_get_editable (cell), "0");
      g_signal_emit_by_name (td_score_cell_get_editable (cell), "activate");
      td_test_iterate ();
      g_assert_cmpint (td_scores_get_entry (s, unit, c->index, TD_SOURCE_SELF)->points, ==, 0);
      press_in (GTK_WIDGET (scores), accel);
      g_assert_cmpint (td_scores_get_entry (s, unit, c->index, TD_SOURCE_SELF)->points, ==, old);
    }
  else if (g_str_equal (accel, "<Control>i"))
    opens_window ("scores", accel);
  else if (g_str_equal (accel, "<Control>t"))
    {
      /* On an assessed cell: the meeting's agreed points dialog. */
      TdCriteriaTable *table = td_scores_get_table (td_scores_page_get_scores (scores));
      guint before = n_toplevels ();

      td_test_activate (GTK_WIDGET (scores), "scores.show-view", g_variant_new_string ("unit"));
      for (guint i = 0; i < td_criteria_table_get_n_nodes (table); i++)
        if (td_criteria_table_get_node (table, i)->kind == TD_RULE_STANDARD)
          {
            td_score_cell_focus (td_scores_page_get_cell (
                scores, FALSE, td_criteria_table_get_node (table, i)->id, TD_SCORES_COL_ASSESSED));
            break;
          }
      press_in (GTK_WIDGET (scores), accel);
      g_assert_cmpuint (n_toplevels (), >, before);
    }
  else /* <Control>h: the history of the focused cell */
    {
      TdScores *s = td_scores_page_get_scores (scores);
      TdCriteriaTable *table = td_scores_get_table (s);
      g_autoptr (GPtrArray) popovers = NULL;
      gboolean shown = FALSE;

      td_test_activate (GTK_WIDGET (scores), "scores.show-view", g_variant_new_string ("unit"));
      for (guint i = 0; i < td_criteria_table_get_n_nodes (table); i++)
        if (td_criteria_table_get_node (table, i)->kind == TD_RULE_STANDARD)
          {
            td_score_cell_focus (td_scores_page_get_cell (
                scores, FALSE, td_criteria_table_get_node (table, i)->id, TD_SCORES_COL_SELF));
            break;
          }
      press_in (GTK_WIDGET (scores), accel);
      popovers = td_test_collect_widgets (GTK_WIDGET (scores), GTK_TYPE_POPOVER);
      for (guint i = 0; i < popovers->len; i++)
        shown |= gtk_widget_get_visible (g_ptr_array_index (popovers, i));
      g_assert_true (shown);
    }
}

/* The matrix's own keys (before a field's): Shift+arrows choose a block
 * from the focused cell, Ctrl+C copies it, Ctrl+V previews a paste. */
static void
matrix_key (const char *accel)
{
  TdScoresPage *scores = TD_SCORES_PAGE (page ("scores"));
  TdScores *s = td_scores_page_get_scores (scores);
  TdCriteriaTable *table = td_scores_get_table (s);
  TdScoreCell *cell = NULL;
  GtkWidget *grid, *owner = NULL;
  GtkShortcut *shortcut;
  guint keyval;
  GdkModifierType mods;

  td_test_activate (GTK_WIDGET (scores), "scores.show-view", g_variant_new_string ("matrix"));
  td_test_wait_drawn (GTK_WIDGET (scores));
  for (guint i = 0; i + 1 < td_criteria_table_get_n_nodes (table) && cell == NULL; i++)
    if (td_criteria_table_get_node (table, i)->kind == TD_RULE_STANDARD
        && td_criteria_table_get_node (table, i + 1)->kind == TD_RULE_STANDARD)
      cell = td_scores_page_get_cell (scores, TRUE, td_criteria_table_get_node (table, i)->id, 1);
  g_assert_nonnull (cell);
  td_score_cell_focus (cell);
  td_test_iterate ();
  grid = gtk_widget_get_ancestor (GTK_WIDGET (cell), GTK_TYPE_COLUMN_VIEW);
  shortcut = find_shortcut (grid, accel, &owner);
  g_assert_nonnull (shortcut);
  g_assert_true (gtk_accelerator_parse (accel, &keyval, &mods));
  if (keyval == GDK_KEY_v)
    {
      guint before = n_toplevels ();

      gdk_clipboard_set_text (gtk_widget_get_clipboard (grid), "1\t2\n3\t4\n");
      g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, owner,
                                                   gtk_shortcut_get_arguments (shortcut)));
      for (gint64 end = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
           n_toplevels () == before && g_get_monotonic_time () < end;)
        {
          g_main_context_iteration (NULL, FALSE);
          g_usleep (1000);
        }
      g_assert_cmpuint (n_toplevels (), >, before);
      return;
    }
  if (keyval == GDK_KEY_c)
    {
      /* A field with part of its text selected copies those letters. */
      GtkEditable *editable = td_score_cell_get_editable (cell);

      gtk_editable_set_text (editable, "12");
      gtk_editable_select_region (editable, 0, 1);
      g_assert_false (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, owner,
                                                    gtk_shortcut_get_arguments (shortcut)));
      gtk_editable_set_text (editable, td_score_cell_get_saved_text (cell));
      gtk_editable_select_region (editable, 0, -1);
    }
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, owner,
                                               gtk_shortcut_get_arguments (shortcut)));
  td_test_iterate ();
  if (mods & GDK_SHIFT_MASK)
    {
      /* The cell beside or below (Up and Left at the top-left corner
       * stay in the first row and column: the block is the cell). */
      gboolean marked = gtk_widget_has_css_class (GTK_WIDGET (td_score_cell_get_editable (cell)),
                                                  "score-selected");

      g_assert_true (marked);
    }
  /* Focus stays on the cell the block starts from. */
  g_assert_true (focused_cell () == cell);
}

static void
ranking_key (const char *accel)
{
  if (g_str_equal (accel, "<Control>m"))
    {
      GtkWidget *owner = NULL;
      /* Moving needs a unit chosen in the table: the key is the section's. */
      g_assert_nonnull (find_shortcut (page ("ranking"), accel, &owner));
    }
  else
    opens_window ("ranking", accel);
}

static void
campaigns_key (const char *accel)
{
  undo_key ("campaigns", accel);
}

static void
calendar_key (const char *accel)
{
  if (g_str_equal (accel, "<Control>z"))
    {
      undo_key ("calendar", accel);
      return;
    }
  if (g_str_has_prefix (accel, "<Control>n") || g_str_has_prefix (accel, "<Control>d")
      || g_str_has_prefix (accel, "<Control>e"))
    opens_window ("calendar", accel);
  else
    section_key ("calendar", accel);
}

static const Case cases[] = {
  { "General", "win.show-help-overlay", app_accel },
  { "General", "<Control>p", print_preview },
  { "General", "win.close", app_accel },
  { "General", "app.quit", app_accel },
  { "Database", "win.new-database", app_accel },
  { "Database", "win.open-database", app_accel },
  { "Copies and Backups", "win.save-copy", app_accel },
  { "Copies and Backups", "win.back-up-now", app_accel },
  { "Sections", "<Alt>1", alt_section },
  { "Sections", "<Alt>2", alt_section },
  { "Sections", "<Alt>3", alt_section },
  { "Sections", "<Alt>4", alt_section },
  { "Sections", "<Alt>5", alt_section },
  { "Sections", "<Alt>6", alt_section },
  { "Sections", "<Alt>7", alt_section },
  { "Print Preview", "<Ctrl>p", preview_key },
  { "Print Preview", "<Ctrl>plus", preview_key },
  { "Print Preview", "<Ctrl>minus", preview_key },
  { "Print Preview", "Escape", preview_key },
  { "Units & Blocs", "<Control>n", units_key },
  { "Units & Blocs", "Delete", units_key },
  { "Units & Blocs", "<Control>z", units_key },
  { "Units & Blocs", "<Control>f", units_key },
  { "Units & Blocs", "Return", units_key },
  { "Criteria", "<Control>Return", criteria_key },
  { "Criteria", "<Control><Shift>Return", criteria_key },
  { "Criteria", "<Alt>Right", criteria_key },
  { "Criteria", "<Alt>Left", criteria_key },
  { "Criteria", "<Alt>Up", criteria_key },
  { "Criteria", "<Alt>Down", criteria_key },
  { "Criteria", "<Control>Delete", criteria_key },
  { "Criteria", "<Control><Shift>v", criteria_key },
  { "Score Entry", "Tab", entry_key },
  { "Score Entry", "<Shift>Tab", entry_key },
  { "Score Entry", "Return", entry_key },
  { "Score Entry", "<Shift>Return", entry_key },
  { "Score Entry", "Up", entry_key },
  { "Score Entry", "Down", entry_key },
  { "Score Entry", "Left", entry_key },
  { "Score Entry", "Right", entry_key },
  { "Score Entry", "Escape", entry_key },
  { "Score Entry", "<Shift>Up", matrix_key },
  { "Score Entry", "<Shift>Down", matrix_key },
  { "Score Entry", "<Shift>Left", matrix_key },
  { "Score Entry", "<Shift>Right", matrix_key },
  { "Score Entry", "<Control>c", matrix_key },
  { "Score Entry", "<Control>v", matrix_key },
  { "Score Entry", "<Control>z", scores_key },
  { "Score Entry", "<Control>1", scores_key },
  { "Score Entry", "<Control>2", scores_key },
  { "Score Entry", "<Alt>Page_Down", scores_key },
  { "Score Entry", "<Alt>Page_Up", scores_key },
  { "Score Entry", "<Control>d", scores_key },
  { "Score Entry", "<Control>h", scores_key },
  { "Score Entry", "<Control>t", scores_key },
  { "Score Entry", "<Control>i", scores_key },
  { "Ranking", "<Control>m", ranking_key },
  { "Ranking", "<Control><Shift>v", ranking_key },
  { "Ranking", "<Control><Shift>r", ranking_key },
  { "Campaigns", "<Control>z", campaigns_key },
  { "Calendar", "Page_Up", calendar_key },
  { "Calendar", "Page_Down", calendar_key },
  { "Calendar", "Home", calendar_key },
  { "Calendar", "<Control>n", calendar_key },
  { "Calendar", "<Control>d", calendar_key },
  { "Calendar", "<Control>e", calendar_key },
  { "Calendar", "<Control>z", calendar_key },
};

/* ---- the shortcuts window's list ---- */

typedef struct
{
  GPtrArray *listed; /* "group\naccel" */
  gchar *group;
  gchar *property;
  gboolean in_group_title;
  GString *text;
} Reader;

static void
start_element (GMarkupParseContext *context, const char *element, const char **names,
               const char **values, gpointer data, GError **error)
{
  Reader *r = data;

  g_clear_pointer (&r->property, g_free);
  if (g_str_equal (element, "object"))
    for (guint i = 0; names[i] != NULL; i++)
      if (g_str_equal (names[i], "class") && g_str_equal (values[i], "GtkShortcutsGroup"))
        r->in_group_title = TRUE;
  if (g_str_equal (element, "property"))
    for (guint i = 0; names[i] != NULL; i++)
      if (g_str_equal (names[i], "name"))
        r->property = g_strdup (values[i]);
  g_string_truncate (r->text, 0);
}

static void
end_element (GMarkupParseContext *context, const char *element, gpointer data, GError **error)
{
  Reader *r = data;

  if (r->property == NULL)
    return;
  if (g_str_equal (r->property, "title") && r->in_group_title)
    {
      g_free (r->group);
      r->group = g_strdup (r->text->str);
      r->in_group_title = FALSE;
    }
  else if (g_str_equal (r->property, "accelerator") || g_str_equal (r->property, "action-name"))
    {
      g_auto (GStrv) accels = g_strsplit (r->text->str, " ", -1);

      for (guint i = 0; accels[i] != NULL; i++)
        if (*accels[i])
          g_ptr_array_add (r->listed, g_strdup_printf ("%s\n%s", r->group, accels[i]));
    }
  g_clear_pointer (&r->property, g_free);
}

static void
text (GMarkupParseContext *context, const char *t, gsize len, gpointer data, GError **error)
{
  g_string_append_len (((Reader *)data)->text, t, len);
}

static GPtrArray *
listed_shortcuts (void)
{
  GMarkupParser parser = { start_element, end_element, text, NULL, NULL };
  Reader r
      = { g_ptr_array_new_with_free_func (g_free), g_strdup (""), NULL, FALSE, g_string_new ("") };
  g_autofree gchar *path
      = g_build_filename (g_getenv ("TD_SOURCE_ROOT"), "ui", "gtk", "help-overlay.ui", NULL);
  g_autofree gchar *contents = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GMarkupParseContext) context = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  context = g_markup_parse_context_new (&parser, 0, &r, NULL);
  g_assert_true (g_markup_parse_context_parse (context, contents, -1, &error));
  g_assert_no_error (error);
  g_free (r.group);
  g_string_free (r.text, TRUE);
  return r.listed;
}

static const Case *
find_case (const char *listed)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree gchar *key = g_strdup_printf ("%s\n%s", cases[i].group, cases[i].accel);
      if (g_str_equal (key, listed))
        return &cases[i];
    }
  return NULL;
}

/* Every shortcut listed has its case (and every case is listed). */
static void
test_every_listed_shortcut_has_a_test (void)
{
  g_autoptr (GPtrArray) listed = listed_shortcuts ();

  g_assert_cmpuint (listed->len, >, 40);
  for (guint i = 0; i < listed->len; i++)
    if (find_case (g_ptr_array_index (listed, i)) == NULL)
      g_error ("the shortcuts window lists “%s” without a test here",
               (char *)g_ptr_array_index (listed, i));
  g_assert_cmpuint (listed->len, ==, G_N_ELEMENTS (cases));
}

static void
run_case (gconstpointer data)
{
  const Case *c = data;

  c->func (c->accel);
  td_test_close_toplevels_except (GTK_WINDOW (fixture.window));
}

int
main (int argc, char **argv)
{
  int status;

  td_test_init (&argc, &argv);
  fixture.db = td_test_demo_db (&fixture.dir);
  fixture.window
      = td_test_window_with (fixture.db, td_test_first_bloc_year (fixture.db, 2024), 0, 0);
  td_test_dismiss_toasts (fixture.window);

  g_test_add_func ("/shortcuts/every-listed-shortcut-has-a-test",
                   test_every_listed_shortcut_has_a_test);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree gchar *name = g_strdup_printf ("/shortcuts/%s/%s", cases[i].group, cases[i].accel);

      g_strdelimit (name, " &<>", '-');
      g_test_add_data_func (name, &cases[i], run_case);
    }
  status = g_test_run ();
  td_test_destroy_window (fixture.window);
  g_clear_object (&fixture.db);
  return status;
}
