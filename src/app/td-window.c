/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window.
 *
 * The sidebar lists the sections of section_types below, from what each
 * class declares (TdSectionPage: title, icon); Alt+1 … Alt+9 show them in
 * that order.  A section is built the first time it is shown, and added to
 * the GtkStack of ui/td-window.ui then: at start-up only the section shown
 * is made.  The window owns the open database and the current bloc-year and
 * binds both to every section it builds. */
#include "config.h"

#include "td-window-private.h"
#include "td-dialog.h"
#include "td-a11y.h"
#include "td-calendar-page.h"
#include "td-calendar.h"
#include "td-bloc-selector.h"
#include "td-campaigns-page.h"
#include "td-criteria-page.h"
#include "td-db-follow.h"
#include "td-first-frame.h"
#include "td-overview-page.h"
#include "td-scores-page.h"
#include "td-ranking-page.h"
#include "td-screenshot.h"
#include "td-section-page.h"
#include "td-sheet-actions.h"
#include "td-sheet-builders.h"
#include "td-units-page.h"
#include "td-template.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

/* The sections, in sidebar order.  Adding a section is one line here. */
static GType (*const section_types[]) (void) = {
  td_overview_page_get_type, td_units_page_get_type,  td_campaigns_page_get_type,
  td_criteria_page_get_type, td_scores_page_get_type, td_ranking_page_get_type,
  td_calendar_page_get_type,
};

#define N_SECTIONS G_N_ELEMENTS (section_types)
G_STATIC_ASSERT (N_SECTIONS == TD_WINDOW_N_SECTIONS);

G_DEFINE_FINAL_TYPE (TdWindow, td_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_DATABASE = TD_CONTEXT_PROP_DATABASE,
  PROP_BLOC_YEAR_ID,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static TdSectionPageClass *
section_class (guint index)
{
  return g_type_class_peek (section_types[index]());
}

static gint
section_index (const char *name)
{
  for (guint i = 0; i < N_SECTIONS; i++)
    if (g_strcmp0 (td_section_page_class_get_name (section_class (i)), name) == 0)
      return (gint)i;
  return -1;
}

static void
update_titles (TdWindow *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->stack);
  g_autofree gchar *name = NULL;

  adw_window_title_set_title (
      self->window_title,
      child ? td_section_page_class_get_title (TD_SECTION_PAGE_GET_CLASS (child)) : "");

  if (self->database != NULL)
    {
      g_autofree gchar *title = NULL;

      name = td_db_dup_display_name (self->database);
      if (td_db_is_read_only (self->database))
        {
          g_autofree gchar *ro = g_strdup_printf (_ ("%s (read-only)"), name);
          g_free (name);
          name = g_steal_pointer (&ro);
        }
      /* Translators: window title, %s is the database file name */
      title = g_strdup_printf (_ ("%s — Thi Đua"), name);
      gtk_window_set_title (GTK_WINDOW (self), title);
    }
  else
    gtk_window_set_title (GTK_WINDOW (self), _ ("Thi Đua"));
  adw_window_title_set_subtitle (self->window_title, name ? name : _ ("No database open"));
}

/* A hidden revealer is made invisible too: GTK measures the child of a
 * revealer even while it is closed, and the long wrapped text of a notice
 * costs a few layouts at every size the window is measured for. */
static void
on_child_revealed (GtkRevealer *revealer, GParamSpec *pspec, gpointer data)
{
  if (!gtk_revealer_get_reveal_child (revealer) && !gtk_revealer_get_child_revealed (revealer))
    gtk_widget_set_visible (GTK_WIDGET (revealer), FALSE);
}

void
td_window_reveal (GtkRevealer *revealer, gboolean shown)
{
  if (shown)
    gtk_widget_set_visible (GTK_WIDGET (revealer), TRUE);
  gtk_revealer_set_reveal_child (revealer, shown);
}

void
td_window_update_actions (TdWindow *self)
{
  gboolean open = self->database != NULL;
  gboolean writable = open && !td_db_is_read_only (self->database);

  gboolean in_file = open && g_strcmp0 (td_db_get_path (self->database), ":memory:") != 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-database", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-copy", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back-up-now", in_file);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore-backup", in_file && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-restore",
                                 writable && self->undo_restore_path != NULL);
  td_window_reveal (self->notice_revealer, open && !writable);
}

/* TRUE when no database is open or the open one is read-only.  Pages
 * disable their editing actions while it is TRUE: bind to the window's
 * "read-only" property, or check td_db_is_read_only on their database. */
gboolean
td_window_get_read_only (TdWindow *self)
{
  g_return_val_if_fail (TD_IS_WINDOW (self), TRUE);
  return self->database == NULL || td_db_is_read_only (self->database);
}

/* On opening a file, the deadlines the clerk must act on this week. */
static void
toast_urgent_deadlines (TdWindow *self, TdDb *db)
{
  GDate today;
  guint n_overdue = 0, n_soon = 0;
  g_autofree gchar *overdue = NULL;
  g_autofree gchar *soon = NULL;
  g_autofree gchar *text = NULL;

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  td_calendar_count_urgent (db, 0, &today, &n_overdue, &n_soon);
  if (n_overdue == 0 && n_soon == 0)
    return;
  overdue = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "%u deadline overdue", "%u deadlines overdue", n_overdue),
      n_overdue);
  soon = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "%u due within 7 days", "%u due within 7 days", n_soon),
      n_soon);
  if (n_overdue > 0 && n_soon > 0)
    /* Translators: "2 deadlines overdue, 1 due within 7 days" */
    text = g_strdup_printf (_ ("%s, %s"), overdue, soon);
  else
    text = g_strdup (n_overdue > 0 ? overdue : soon);
  {
    AdwToast *toast = adw_toast_new (text);

    adw_toast_set_button_label (toast, _ ("_Show"));
    adw_toast_set_action_name (toast, "win.show-section");
    adw_toast_set_action_target_value (toast, g_variant_new_string ("calendar"));
    adw_toast_overlay_add_toast (self->toast_overlay, toast);
  }
}

static gboolean
toast_urgent_when_idle (gpointer data)
{
  TdWindow *self = TD_WINDOW (data);

  self->urgent_idle = 0;
  if (self->database != NULL)
    toast_urgent_deadlines (self, self->database);
  return G_SOURCE_REMOVE;
}

/* What waited for the window's first frame, done now.  The toast slides in
 * anyway, and neither its count nor its text should delay that frame: from
 * the frame's own after-paint (@in_after_paint), the count, which reads
 * every deadline of the file, waits until that frame's handling is done. */
static void
first_frame_drawn (TdWindow *self, gboolean in_after_paint)
{
  td_window_start_waiting_check (self);
  if (!self->urgent_pending)
    return;
  self->urgent_pending = FALSE;
  if (!in_after_paint)
    {
      if (self->database != NULL)
        toast_urgent_deadlines (self, self->database);
    }
  else if (self->urgent_idle == 0)
    self->urgent_idle = g_idle_add_full (G_PRIORITY_DEFAULT, toast_urgent_when_idle, self, NULL);
}

static void
on_first_frame (GtkWidget *widget)
{
  first_frame_drawn (TD_WINDOW (widget), TRUE);
}

void
td_window_after_first_frame (TdWindow *self)
{
  /* Not shown yet: td_window_map asks for the first frame. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  if (td_first_frame_pending (GTK_WIDGET (self)))
    td_after_first_frame (GTK_WIDGET (self), on_first_frame);
  else
    first_frame_drawn (self, FALSE);
}

static void
toast_urgent_deadlines_when_drawn (TdWindow *self, TdDb *db)
{
  /* Once a file: switching back to it (or reopening it) does not bring
   * the notice back over the rows the clerk is working on. */
  if (self->urgent_told == NULL)
    self->urgent_told = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!g_hash_table_add (self->urgent_told, g_strdup (td_db_get_path (db))))
    return;
  self->urgent_pending = TRUE;
  td_window_after_first_frame (self);
}

TdDb *
td_window_get_database (TdWindow *self)
{
  g_return_val_if_fail (TD_IS_WINDOW (self), NULL);
  return self->database;
}

/* Makes @db the window's database.  With @remember, it becomes the one
 * opened next time and heads the recent list (the demo is never remembered). */
void
td_window_set_database (TdWindow *self, TdDb *db, gboolean remember)
{
  g_return_if_fail (TD_IS_WINDOW (self));

  if (self->database == db)
    return;
  if (self->bloc_year_id != 0)
    td_window_set_bloc_year_id (self, 0);
  if (db == NULL || self->database == NULL
      || g_strcmp0 (td_db_get_path (self->database), td_db_get_path (db)) != 0)
    g_clear_pointer (&self->undo_restore_path, g_free);
  g_set_object (&self->database, db);
  if (db != NULL && remember)
    td_window_remember_database (self, td_db_get_path (db));
  update_titles (self);
  td_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
  if (db != NULL)
    toast_urgent_deadlines_when_drawn (self, db);
}

gint64
td_window_get_bloc_year_id (TdWindow *self)
{
  return self->bloc_year_id;
}

void
td_window_set_bloc_year_id (TdWindow *self, gint64 bloc_year_id)
{
  if (self->bloc_year_id == bloc_year_id)
    return;
  self->bloc_year_id = bloc_year_id;
  /* Sheets are made for one bloc-year. */
  gtk_widget_set_visible (self->sheets_button, bloc_year_id != 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BLOC_YEAR_ID]);
}

GtkWidget *
td_window_get_header_start (TdWindow *self)
{
  return GTK_WIDGET (self->header_start_box);
}

/* Builds the section at @index the first time it is asked for; it follows
 * the window's database and bloc-year from then on. */
static GtkWidget *
ensure_section (TdWindow *self, guint index)
{
  GtkWidget *page = self->sections[index];

  if (page != NULL)
    return page;
  page = g_object_new (section_types[index](), NULL);
  self->sections[index] = page;
  g_object_bind_property (self, "database", page, "database", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "bloc-year-id", page, "bloc-year-id", G_BINDING_SYNC_CREATE);
  gtk_stack_add_named (self->stack, page, td_section_page_class_get_name (section_class (index)));
  return page;
}

gboolean
td_window_show_section (TdWindow *self, const char *name)
{
  gint index = section_index (name);

  if (index < 0)
    return FALSE;
  self->section_chosen = TRUE;
  gtk_stack_set_visible_child (self->stack, ensure_section (self, index));
  return TRUE;
}

/* The section named @name, built now if it was never shown (tests reach
 * into sections this way); NULL when there is no such section. */
TdSectionPage *
td_window_get_page (TdWindow *self, const char *name)
{
  gint index = section_index (name);

  g_return_val_if_fail (TD_IS_WINDOW (self), NULL);
  return index < 0 ? NULL : TD_SECTION_PAGE (ensure_section (self, index));
}

const char *
td_window_get_section (TdWindow *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

static void
quit_after_screenshot (const char *path, gdouble first_frame_ms, gpointer user_data)
{
  /* A picture asked for and not saved makes the window exit 1. */
  if (path == NULL)
    td_application_fail ();
  /* The benchmark reads the time to the first frame here. */
  else if (first_frame_ms >= 0)
    g_print (_ ("First frame drawn %.0f ms after the start; picture saved to “%s”.\n"),
             first_frame_ms, path);
  g_application_quit (g_application_get_default ());
}

void
td_window_screenshot_and_quit (TdWindow *self, const char *path)
{
  td_screenshot_after_paint (GTK_WIDGET (self), path, quit_after_screenshot, NULL);
}

static TdWindow *
window_of (GtkWidget *from)
{
  GtkRoot *root;

  if (TD_IS_WINDOW (from))
    return TD_WINDOW (from);
  root = gtk_widget_get_root (from);
  while (root != NULL && !TD_IS_WINDOW (root))
    {
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (root));
      root = parent ? GTK_ROOT (parent) : NULL;
    }
  return root ? TD_WINDOW (root) : NULL;
}

/* A dialog that says what failed (@heading) and why, with what to do next
 * (the error message carries it). */
void
td_window_show_error (GtkWidget *from, const char *heading, const GError *error)
{
  GtkWidget *dialog;

  dialog = td_message_dialog_new (from, heading, error ? error->message : NULL);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A toast, or the whole message when a toast would cut it (see
 * td-window-message.c). */
void
td_window_toast (GtkWidget *from, AdwToast *toast)
{
  TdWindow *self = window_of (from);

  if (self == NULL)
    {
      g_object_unref (toast);
      return;
    }
  /* A toast raises no event a screen reader hears: say it too. */
  {
    g_autofree gchar *text = NULL;

    if (pango_parse_markup (adw_toast_get_title (toast), -1, 0, NULL, &text, NULL, NULL))
      td_a11y_announce (GTK_WIDGET (self), text);
  }
  if (td_window_message_too_long (from, toast))
    {
      td_window_show_message (from, toast);
      return;
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  td_window_name_unnamed_later (self);
}

void
td_window_toast_text (GtkWidget *from, const char *text)
{
  /* A toast's title is markup: "< 90 %" or "A & B" in a message must stay text. */
  g_autofree gchar *escaped = g_markup_escape_text (text, -1);

  td_window_toast (from, adw_toast_new (escaped));
}

/* One row per section, from what its class declares.  The row itself
 * carries the title as its accessible name (a reader would otherwise hear
 * an unnamed list item). */
static void
add_sidebar_rows (TdWindow *self)
{
  for (guint i = 0; i < N_SECTIONS; i++)
    {
      TdSectionPageClass *klass = section_class (i);
      const char *title = td_section_page_class_get_title (klass);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *icon = gtk_image_new_from_icon_name (td_section_page_class_get_icon_name (klass));
      GtkWidget *label = gtk_label_new (title);
      g_autofree gchar *key = g_strdup_printf ("Alt+%u", i + 1);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (box), icon);
      gtk_box_append (GTK_BOX (box), label);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                      GTK_ACCESSIBLE_PROPERTY_KEY_SHORTCUTS, key, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_SELECTED, FALSE, -1);
      gtk_list_box_append (self->sidebar_list, row);
    }
}

/* The list has no selection (moving through it with the keyboard must not
 * switch sections: Enter, Space or a click does): the row of the section
 * shown is marked "current" instead, for the eye and for a reader. */
static void
mark_current_row (TdWindow *self, gint index)
{
  for (guint i = 0; i < N_SECTIONS; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->sidebar_list, i);

      if (row == NULL)
        continue;
      if ((gint)i == index)
        gtk_widget_add_css_class (GTK_WIDGET (row), "current");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (row), "current");
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_SELECTED,
                                   (gint)i == index, -1);
    }
}

static void
on_row_activated (GtkListBox *list, GtkListBoxRow *row, TdWindow *self)
{
  gint index = gtk_list_box_row_get_index (row);

  if (index >= 0 && index < (gint)N_SECTIONS)
    {
      self->section_chosen = TRUE;
      gtk_stack_set_visible_child (self->stack, ensure_section (self, index));
    }
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
on_visible_child (GtkStack *stack, GParamSpec *pspec, TdWindow *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (stack);

  for (guint i = 0; i < N_SECTIONS; i++)
    if (self->sections[i] != NULL)
      {
        /* A reader walks every child of the stack: the sections not shown
         * say they are hidden, so that only what is on screen is heard. */
        gtk_accessible_update_state (GTK_ACCESSIBLE (self->sections[i]),
                                     GTK_ACCESSIBLE_STATE_HIDDEN, self->sections[i] != child, -1);
        if (self->sections[i] == child)
          mark_current_row (self, i);
      }
  update_titles (self);
  td_window_name_unnamed_later (self);
}

static gboolean
name_unnamed_idle (gpointer data)
{
  TdWindow *self = data;

  self->name_idle = 0;
  td_a11y_name_unnamed (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

/* Names the window's icon-only buttons and drop-downs once it is idle: a
 * section (re)built its widgets. */
void
td_window_name_unnamed_later (TdWindow *self)
{
  if (self->name_idle == 0)
    self->name_idle = g_idle_add_full (G_PRIORITY_LOW, name_unnamed_idle, self, NULL);
}

/* The panes F6 visits, in order. */
enum
{
  PANE_SIDEBAR,
  PANE_HEADER,
  PANE_CONTENT,
  N_PANES
};

static gint
focused_pane (TdWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus == NULL)
    return -1;
  if (gtk_widget_is_ancestor (focus, self->sidebar_box))
    return PANE_SIDEBAR;
  if (gtk_widget_is_ancestor (focus, self->content_header))
    return PANE_HEADER;
  return PANE_CONTENT;
}

/* Focuses the first control of @pane; FALSE when it has none on screen
 * (the sidebar of a folded window). */
static gboolean
focus_pane (TdWindow *self, gint pane)
{
  GtkWidget *target;

  switch (pane)
    {
    case PANE_SIDEBAR:
      if (!gtk_widget_get_mapped (GTK_WIDGET (self->sidebar_list)))
        return FALSE;
      for (guint i = 0; i < N_SECTIONS; i++)
        {
          GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->sidebar_list, i);
          if (row != NULL && gtk_widget_has_css_class (GTK_WIDGET (row), "current"))
            return gtk_widget_grab_focus (GTK_WIDGET (row));
        }
      target = GTK_WIDGET (self->sidebar_list);
      break;
    case PANE_HEADER:
      target = self->content_header;
      break;
    default:
      target = gtk_stack_get_visible_child (self->stack);
      break;
    }
  if (target == NULL || !gtk_widget_get_mapped (target))
    return FALSE;
  /* child_focus keeps the focus where it is when it is already inside. */
  gtk_root_set_focus (GTK_ROOT (self), NULL);
  return gtk_widget_child_focus (target, GTK_DIR_TAB_FORWARD);
}

/* win.cycle-pane (TRUE: backwards), F6 and Shift+F6. */
static void
cycle_pane_action (GtkWidget *widget, const char *action_name, GVariant *args)
{
  TdWindow *self = TD_WINDOW (widget);
  gint step = g_variant_get_boolean (args) ? N_PANES - 1 : 1;
  gint pane = focused_pane (self);

  if (pane < 0)
    pane = step == 1 ? N_PANES - 1 : 0;
  for (gint i = 0; i < N_PANES; i++)
    {
      pane = (pane + step) % N_PANES;
      if (focus_pane (self, pane))
        return;
    }
}

/* The unit a per-unit sheet is about: the one shown in Scores, if Scores
 * was ever shown. */
static gint64
current_unit (TdWindow *self)
{
  GtkWidget *scores = gtk_stack_get_child_by_name (self->stack, "scores");

  return scores != NULL ? td_scores_page_get_unit (TD_SCORES_PAGE (scores)) : 0;
}

static gboolean
check_sheet_ready (TdWindow *self)
{
  if (self->database == NULL || self->bloc_year_id == 0)
    {
      td_window_toast_text (GTK_WIDGET (self),
                            _ ("Choose a bloc and a year first: the sheets are made for one "
                               "bloc-year."));
      return FALSE;
    }
  return TRUE;
}

static void
preview_sheet_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdWindow *self = TD_WINDOW (widget);
  const char *sheet = g_variant_get_string (param, NULL);

  if (!check_sheet_ready (self))
    return;
  td_sheet_actions_preview (widget, self->database, self->bloc_year_id, sheet,
                            g_str_equal (sheet, TD_SHEET_SCORES) ? current_unit (self) : 0);
}

static void
export_sheet_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdWindow *self = TD_WINDOW (widget);
  const char *sheet = NULL;
  const char *format = NULL;

  g_variant_get (param, "(&s&s)", &sheet, &format);
  if (!check_sheet_ready (self))
    return;
  td_sheet_actions_export (widget, self->database, self->bloc_year_id, sheet,
                           g_str_equal (sheet, TD_SHEET_SCORES) ? current_unit (self) : 0,
                           g_str_equal (format, "pdf") ? TD_EXPORT_PDF : TD_EXPORT_XLSX);
}

/* Ctrl+P: the official sheet of the section shown. */
static void
print_current_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdWindow *self = TD_WINDOW (widget);
  GtkWidget *section = gtk_stack_get_visible_child (self->stack);
  const char *sheet
      = section ? td_section_page_get_sheet_for_print (TD_SECTION_PAGE (section)) : NULL;

  if (sheet != NULL)
    {
      g_autoptr (GVariant) target = g_variant_ref_sink (g_variant_new_string (sheet));
      preview_sheet_action (widget, NULL, target);
    }
}

static void
show_section_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdWindow *self = TD_WINDOW (widget);

  td_window_show_section (self, g_variant_get_string (param, NULL));
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

/* Ctrl+W (the application's accelerator for win.close). */
static void
close_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
back_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdWindow *self = TD_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* The keyboard shortcuts window is made the first time it is asked for:
 * GtkApplication would build it with every window (a long GtkBuilder file,
 * a fifth of a bare window's start-up), so it lives outside the resource
 * path GtkApplication looks in. */
static void
show_help_overlay (GSimpleAction *action, GVariant *param, gpointer data)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (data);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr (GtkBuilder) builder
          = gtk_builder_new_from_resource ("/com/example/ThiDua/ui/td-help-overlay.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

/* The window opens with the focus in its content, as GNOME apps do: on the
 * first control of the section shown, or on the sidebar's row of that
 * section when it has none on screen yet (a database still opening).
 * GTK's own pick, the first button of a header bar, is not kept; a focus
 * put anywhere else before the first frame is. */
static void
focus_content_initially (GtkWidget *widget)
{
  TdWindow *self = TD_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus != NULL && gtk_widget_get_ancestor (focus, ADW_TYPE_HEADER_BAR) == NULL)
    return;
  if (!focus_pane (self, PANE_CONTENT) && !focus_pane (self, PANE_SIDEBAR) && focus != NULL)
    gtk_widget_grab_focus (focus);
}

/* Nothing asked for a section before the window is shown: the first one
 * is built now, and no other before the first frame. */
static void
td_window_map (GtkWidget *widget)
{
  TdWindow *self = TD_WINDOW (widget);

  if (!self->section_chosen)
    td_window_show_section (self, td_section_page_class_get_name (section_class (0)));
  GTK_WIDGET_CLASS (td_window_parent_class)->map (widget);
  if (self->urgent_pending || self->check_waiting != NULL)
    td_after_first_frame (widget, on_first_frame);
  if (td_first_frame_pending (widget))
    td_after_first_frame (widget, focus_content_initially);
}

static gboolean
td_window_close_request (GtkWindow *window)
{
  GSettings *settings = td_settings_get ();
  int width = 0, height = 0;

  if (settings != NULL)
    {
      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
      if (!gtk_window_is_maximized (window) && width > 0 && height > 0)
        {
          g_settings_set_int (settings, "window-width", width);
          g_settings_set_int (settings, "window-height", height);
        }
    }
  return GTK_WINDOW_CLASS (td_window_parent_class)->close_request (window);
}

/* The bloc and year the whole window follows, at the start of the header
 * bar; it picks (and remembers) the bloc-year when a database opens. */
static void
add_bloc_selector (TdWindow *self)
{
  GtkWidget *selector = td_bloc_selector_new ();

  gtk_box_append (self->header_start_box, selector);
  g_object_bind_property (self, "database", selector, "database", G_BINDING_SYNC_CREATE);
  g_object_bind_property (selector, "bloc-year-id", self, "bloc-year-id",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}

static void
td_window_constructed (GObject *object)
{
  TdWindow *self = TD_WINDOW (object);
  GSettings *settings = td_settings_get ();

  G_OBJECT_CLASS (td_window_parent_class)->constructed (object);

  if (settings != NULL)
    g_signal_connect_object (settings, "changed::recent-databases",
                             G_CALLBACK (td_window_refresh_recent_menu), self, G_CONNECT_SWAPPED);
  td_window_refresh_recent_menu (self);

  if (settings != NULL)
    {
      g_autoptr (GVariant) remembered = g_settings_get_user_value (settings, "window-width");
      GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
      g_autoptr (GdkMonitor) monitor = g_list_model_get_item (monitors, 0);
      GdkRectangle area = { 0, 0, 0, 0 };
      int width = g_settings_get_int (settings, "window-width");
      int height = g_settings_get_int (settings, "window-height");

      if (remembered == NULL && monitor != NULL)
        {
          gdk_monitor_get_geometry (monitor, &area);
          td_window_first_start_size (area.width, area.height, &width, &height);
        }
      gtk_window_set_default_size (GTK_WINDOW (self), width, height);
      if (g_settings_get_boolean (settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
}

void
td_window_first_start_size (int monitor_width, int monitor_height, int *width, int *height)
{
  /* The first size is 1180×760; below about 1500×900 it would cover the
   * screen all but a margin anyway. */
  if (monitor_width > 0 && monitor_height > 0 && (monitor_width < 1500 || monitor_height < 900))
    {
      *width = monitor_width;
      *height = monitor_height;
    }
}

static void
td_window_dispose (GObject *object)
{
  TdWindow *self = TD_WINDOW (object);

  self->open_generation++; /* a file still being checked is dropped */
  g_clear_handle_id (&self->name_idle, g_source_remove);
  g_clear_handle_id (&self->urgent_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_WINDOW);
  memset (self->sections, 0, sizeof self->sections); /* went with the stack */
  g_clear_object (&self->database);
  g_clear_object (&self->check_waiting);
  g_clear_pointer (&self->undo_restore_path, g_free);
  g_clear_pointer (&self->urgent_told, g_hash_table_unref);
  g_clear_object (&self->message_toast);
  G_OBJECT_CLASS (td_window_parent_class)->dispose (object);
}

static void
td_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  if (prop_id == PROP_READ_ONLY)
    g_value_set_boolean (value, td_window_get_read_only (TD_WINDOW (object)));
  else
    td_context_get_property (object, prop_id, value, pspec);
}

/* Setting the property opens no file of its own: nothing to remember. */
static void
set_database_property (TdWindow *self, TdDb *db)
{
  td_window_set_database (self, db, FALSE);
}

static const TdContextAccessors context_accessors
    = TD_CONTEXT_ACCESSORS (td_window_get_database, set_database_property,
                            td_window_get_bloc_year_id, td_window_set_bloc_year_id);

static void
td_window_class_init (TdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = td_window_constructed;
  object_class->dispose = td_window_dispose;
  widget_class->map = td_window_map;
  window_class->close_request = td_window_close_request;

  td_db_follow_class_install_context (object_class, &context_accessors, properties);
  object_class->get_property = td_window_get_property;
  /**
   * TdWindow:read-only:
   *
   * TRUE when there is nothing to edit: no database, or a read-only one.
   * Pages bind their editing widgets' sensitivity to it (inverted).
   */
  properties[PROP_READ_ONLY]
      = g_param_spec_boolean ("read-only", NULL, NULL, TRUE,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The sections' classes say what the sidebar shows; Alt+1 … Alt+9 show
   * them in order wherever the focus is.  (They are the window's own key
   * bindings: an accelerator of the application set while the window is
   * built would find no application yet.) */
  for (guint i = 0; i < N_SECTIONS; i++)
    {
      TdSectionPageClass *section = g_type_class_ref (section_types[i]());

      if (i < 9)
        gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                             "win.show-section", "s",
                                             td_section_page_class_get_name (section));
    }

  /* F6 and Shift+F6 move between the sidebar, the header bar and the
   * section, as in other GNOME applications. */
  gtk_widget_class_install_action (widget_class, "win.cycle-pane", "b", cycle_pane_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F6, 0, "win.cycle-pane", "b", FALSE);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F6, GDK_SHIFT_MASK, "win.cycle-pane",
                                       "b", TRUE);

  td_widget_class_set_template (widget_class, "td-window.ui");
  td_widget_class_bind_template_children (
      widget_class, TdWindow, toast_overlay, leaflet, sidebar_list, sidebar_separator, content_box,
      sidebar_box, content_header, announcer, stack, window_title, sheets_button, primary_button,
      primary_menu, sheets_menu, header_start_box, notice_revealer, notice_label, checking_revealer,
      checking_label, checking_spinner, recent_menu);
  td_widget_class_bind_template_callbacks (widget_class, on_row_activated, on_visible_child);

  gtk_widget_class_install_action (widget_class, "win.show-section", "s", show_section_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.preview-sheet", "s", preview_sheet_action);
  gtk_widget_class_install_action (widget_class, "win.export-sheet", "(ss)", export_sheet_action);
  gtk_widget_class_install_action (widget_class, "win.print-current", NULL, print_current_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "win.print-current", NULL);
  td_window_files_class_init (widget_class);
  td_window_message_class_init (widget_class);
}

static void
td_window_init (TdWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Set here rather than with an AdwLeafletPage in the template: libadwaita
   * 1.2 disposes such a page after its child and fails a critical. */
  adw_leaflet_page_set_navigatable (adw_leaflet_get_page (self->leaflet, self->sidebar_separator),
                                    FALSE);
  add_sidebar_rows (self);
  td_a11y_set_announcer (self->announcer);
  td_menu_button_set_menu_when_opened (self->primary_button, self->primary_menu);
  td_menu_button_set_menu_when_opened (GTK_MENU_BUTTON (self->sheets_button), self->sheets_menu);
  {
    g_autoptr (GSimpleAction) help = g_simple_action_new ("show-help-overlay", NULL);

    g_signal_connect (help, "activate", G_CALLBACK (show_help_overlay), self);
    g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (help));
  }
  g_signal_connect (self->notice_revealer, "notify::child-revealed", G_CALLBACK (on_child_revealed),
                    NULL);
  g_signal_connect (self->checking_revealer, "notify::child-revealed",
                    G_CALLBACK (on_child_revealed), NULL);
  g_signal_connect (self->message_revealer, "notify::child-revealed",
                    G_CALLBACK (on_child_revealed), NULL);
  add_bloc_selector (self);
  update_titles (self);
  td_window_update_actions (self);
}

TdWindow *
td_window_new (TdApplication *application)
{
  return g_object_new (TD_TYPE_WINDOW, "application", application, NULL);
}
