/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window under Xvfb, in Vietnamese: sections, actions, database,
 * screenshots, and no leak of the window. */
#include "config.h"

#include "td-bloc-selector.h"
#include "td-calendar-page.h"
#include "td-demo.h"
#include "td-overview-page.h"
#include "td-ranking-page.h"
#include "td-registry.h"
#include "td-scores-page.h"
#include "td-sheet-preview.h"
#include "td-units-page.h"
#include "td-upcoming-group.h"
#include "td-test-util.h"
#include "td-window-private.h"

#include <glib/gstdio.h>
#include <string.h>
#include <time.h>
#include <utime.h>

static void
test_welcome_in_vietnamese (void)
{
  TdWindow *window = td_test_window_new ();
  GtkWidget *welcome;
  g_autofree gchar *shot = NULL;

  g_assert_null (td_window_get_database (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Thi Đua");
  welcome = td_test_find_widget (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE,
                                 "Chào mừng đến với Thi Đua");
  g_assert_nonnull (welcome);
  g_assert_nonnull (td_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, "Tổng quan"));
  shot = td_test_screenshot (GTK_WIDGET (window), "window-welcome.png");
  td_test_destroy_window (window);
}

static void
test_open_database_and_sections (void)
{
  g_autofree gchar *dir = td_test_tmpdir ();
  g_autofree gchar *path = g_build_filename (dir, "Khoi-6.db", NULL);
  TdWindow *window = td_test_window_new ();
  g_autofree gchar *shot = NULL;

  g_assert_true (td_window_open_path (window, path, TD_DB_OPEN_CREATE | TD_DB_OPEN_NO_BACKUP));
  g_assert_nonnull (td_window_get_database (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Khoi-6.db — Thi Đua");

  td_test_activate (GTK_WIDGET (window), "win.show-section", g_variant_new_string ("overview"));
  g_assert_cmpstr (td_window_get_section (window), ==, "overview");
  g_assert_false (td_window_show_section (window, "no-such-section"));
  g_assert_nonnull (td_test_find_widget (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, "Tệp"));
  shot = td_test_screenshot (GTK_WIDGET (window), "window-overview.png");

  td_test_activate (GTK_WIDGET (window), "win.close-database", NULL);
  g_assert_null (td_window_get_database (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Thi Đua");
  td_test_destroy_window (window);
}

static void
test_open_refused_file_reports (void)
{
  g_autofree gchar *dir = td_test_tmpdir ();
  g_autofree gchar *path = g_build_filename (dir, "notes.db", NULL);
  TdWindow *window = td_test_window_new ();
  AdwMessageDialog *dialog;

  g_assert_true (g_file_set_contents (path, "không phải cơ sở dữ liệu", -1, NULL));
  g_assert_false (td_window_open_path (window, path, TD_DB_OPEN_DEFAULT));
  td_test_iterate ();
  dialog = ADW_MESSAGE_DIALOG (td_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Không mở được “notes.db”");
  g_assert_nonnull (
      strstr (adw_message_dialog_get_body (dialog), "không phải là cơ sở dữ liệu Thi Đua"));
  g_assert_null (td_window_get_database (window));
  td_test_destroy_window (window);
}

static gboolean
has_database (gpointer window)
{
  return td_window_get_database (window) != NULL;
}

static gboolean
checked (gpointer path)
{
  return !td_db_open_will_check (path);
}

/* As if the file had been copied from elsewhere: changed since this
 * program last closed it. */
static void
touch_old (const char *path, gint64 seconds_ago)
{
  struct utimbuf when
      = { .actime = time (NULL) - seconds_ago, .modtime = time (NULL) - seconds_ago };

  g_assert_cmpint (g_utime (path, &when), ==, 0);
  g_assert_true (td_db_open_will_check (path));
}

static GtkRevealer *
revealer_of (GtkWidget *widget)
{
  GtkWidget *w = widget;

  while (w != NULL && !GTK_IS_REVEALER (w))
    w = gtk_widget_get_parent (w);
  return GTK_REVEALER (w);
}

/* A large file that must be checked whole opens in a thread: the window
 * says so meanwhile, and a later open wins over it. */
static void
test_large_file_checked_in_thread (void)
{
  g_autofree gchar *dir = td_test_tmpdir ();
  g_autofree gchar *big = g_build_filename (dir, "Tinh.db", NULL);
  g_autofree gchar *small = g_build_filename (dir, "Khoi-6.db", NULL);
  TdWindow *window;
  GtkWidget *spinner;

  {
    g_autoptr (GError) error = NULL;
    g_autoptr (TdDb) db = td_db_open (big, TD_DB_OPEN_CREATE | TD_DB_OPEN_NO_BACKUP, &error);

    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_exec (td_db_get_handle (db),
                                   "CREATE TABLE filler (b BLOB);"
                                   "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1"
                                   " FROM n WHERE i < 72) INSERT INTO filler"
                                   " SELECT randomblob (1048576) FROM n",
                                   NULL, NULL, NULL),
                     ==, SQLITE_OK);
    td_db_close (db);
  }
  touch_old (big, 3600);

  window = td_test_window_new ();
  g_assert_true (td_window_open_path (window, big, TD_DB_OPEN_NO_BACKUP));
  /* Not open yet: the bar turns while the thread reads the file. */
  g_assert_null (td_window_get_database (window));
  spinner = td_test_find_widget (GTK_WIDGET (window), GTK_TYPE_SPINNER, NULL);
  g_assert_nonnull (spinner);
  g_assert_true (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));
  g_assert_true (gtk_revealer_get_reveal_child (revealer_of (spinner)));
  td_test_wait_until (has_database, window, 30000);
  g_assert_cmpstr (td_db_get_path (td_window_get_database (window)), ==, big);
  g_assert_false (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));
  g_assert_false (gtk_revealer_get_reveal_child (revealer_of (spinner)));

  /* Opened anew while a copy is checked: the later open stays. */
  td_test_activate (GTK_WIDGET (window), "win.close-database", NULL);
  g_assert_null (td_window_get_database (window));
  touch_old (big, 7200);
  g_assert_true (td_window_open_path (window, big, TD_DB_OPEN_NO_BACKUP));
  g_assert_true (td_window_open_path (window, small, TD_DB_OPEN_CREATE | TD_DB_OPEN_NO_BACKUP));
  g_assert_false (gtk_revealer_get_reveal_child (revealer_of (spinner)));
  td_test_wait_until (checked, big, 30000);
  td_test_iterate ();
  g_assert_cmpstr (td_db_get_path (td_window_get_database (window)), ==, small);
  td_test_destroy_window (window);
}

static void
test_about_and_shortcuts (void)
{
  TdWindow *window = td_test_window_new ();
  GtkWindow *about, *shortcuts;
  g_autofree gchar *shot = NULL;

  td_test_activate (GTK_WIDGET (window), "app.about", NULL);
  about = td_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==, "Thi Đua");
  gtk_window_destroy (about);
  td_test_iterate ();

  td_test_activate (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  shortcuts = td_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  g_assert_nonnull (td_test_find_widget (GTK_WIDGET (shortcuts), GTK_TYPE_SHORTCUTS_SHORTCUT,
                                         "Mở cơ sở dữ liệu"));
  shot = td_test_screenshot (GTK_WIDGET (shortcuts), "window-shortcuts.png");
  td_test_destroy_window (window);
}

static void
test_demo_opens (void)
{
  TdWindow *window = td_test_window_new ();
  g_autofree gchar *shot = NULL;

  td_test_activate (GTK_WIDGET (window), "app.open-demo", NULL);
  g_assert_nonnull (td_window_get_database (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "demo.db — Thi Đua");
  shot = td_test_screenshot (GTK_WIDGET (window), "window-demo.png");
  td_test_destroy_window (window);
}

static void
test_size_remembered (void)
{
  TdWindow *window = td_test_window_new ();
  GSettings *settings = td_settings_get ();
  TdWindow *again;
  int width = 0, height = 0;

  g_assert_nonnull (settings);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  td_test_iterate ();
  g_object_ref (window);
  gtk_window_close (GTK_WINDOW (window));
  td_test_iterate ();
  g_assert_finalize_object (window);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  again = td_test_window_new ();
  gtk_window_get_default_size (GTK_WINDOW (again), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);
  td_test_destroy_window (again);
}

static void
test_last_database_reopened (void)
{
  g_autofree gchar *dir = td_test_tmpdir ();
  g_autofree gchar *path = g_build_filename (dir, "Cum-1.db", NULL);
  GSettings *settings = td_settings_get ();
  TdWindow *window = td_test_window_new ();
  g_auto (GStrv) recent = NULL;

  g_assert_true (td_window_open_path (window, path, TD_DB_OPEN_CREATE | TD_DB_OPEN_NO_BACKUP));
  td_test_destroy_window (window);
  g_assert_cmpstr (g_settings_get_string (settings, "last-database"), ==, path);
  recent = g_settings_get_strv (settings, "recent-databases");
  g_assert_cmpstr (recent[0], ==, path);

  /* Activating the application with no window opens the last database. */
  g_application_activate (G_APPLICATION (td_test_app_get ()));
  td_test_iterate ();
  window = TD_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (td_test_app_get ())));
  g_assert_nonnull (window);
  g_assert_nonnull (td_window_get_database (window));
  g_assert_cmpstr (td_db_get_path (td_window_get_database (window)), ==, path);
  td_test_destroy_window (window);
}

static gboolean
opened_path (gpointer data)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (td_test_app_get ()));
  TdDb *db = TD_IS_WINDOW (active) ? td_window_get_database (TD_WINDOW (active)) : NULL;

  return db != NULL && g_strcmp0 (td_db_get_path (db), data) == 0;
}

/* `thidua FILE.db` (and a double-click: Exec=thidua %f) opens that file,
 * not the one used last: the command line the application is given, with
 * the last database remembered and no window open. */
static void
test_command_line_opens_named_file (void)
{
  g_autofree gchar *dir = td_test_tmpdir ();
  g_autofree gchar *last = g_build_filename (dir, "Khoi-6.db", NULL);
  g_autofree gchar *other = g_build_filename (dir, "Cum-2.db", NULL);
  const char *argv[] = { "thidua", other, NULL };
  g_autoptr (GApplicationCommandLine) cmdline = NULL;
  TdWindow *window = td_test_window_new ();
  GtkWindow *active;
  int status = -1;

  g_assert_true (td_window_open_path (window, other, TD_DB_OPEN_CREATE | TD_DB_OPEN_NO_BACKUP));
  g_assert_true (td_window_open_path (window, last, TD_DB_OPEN_CREATE | TD_DB_OPEN_NO_BACKUP));
  td_test_destroy_window (window);
  g_assert_cmpstr (g_settings_get_string (td_settings_get (), "last-database"), ==, last);

  cmdline = g_object_new (G_TYPE_APPLICATION_COMMAND_LINE, "arguments",
                          g_variant_new_bytestring_array (argv, -1), "options",
                          g_variant_new ("a{sv}", NULL), NULL);
  g_signal_emit_by_name (td_test_app_get (), "command-line", cmdline, &status);
  g_assert_cmpint (status, ==, 0);
  td_test_wait_until (opened_path, other, 10000);
  active = gtk_application_get_active_window (GTK_APPLICATION (td_test_app_get ()));
  g_assert_cmpstr (td_db_get_path (td_window_get_database (TD_WINDOW (active))), ==, other);
  td_test_destroy_window (TD_WINDOW (active));
}

/* The header's sheet menu and Ctrl+P open the official sheets of the
 * chosen bloc-year in the preview. */
static void
test_sheets_from_the_window (void)
{
  g_autofree gchar *dir = NULL;
  TdWindow *window = td_test_window_open_demo (&dir);
  GtkWindow *preview;
  g_autofree gchar *shot = NULL;

  td_test_dismiss_toasts (window);
  g_assert_cmpint (td_window_get_bloc_year_id (window), >, 0);

  td_test_activate (GTK_WIDGET (window), "win.preview-sheet", g_variant_new_string ("ranking"));
  preview = td_test_find_toplevel (TD_TYPE_SHEET_PREVIEW);
  g_assert_nonnull (preview);
  g_assert_nonnull (
      td_test_find_widget (GTK_WIDGET (preview), ADW_TYPE_WINDOW_TITLE,
                           "BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM VÀ XẾP HẠNG THI ĐUA NĂM 2024"));
  shot = td_test_screenshot (GTK_WIDGET (preview), "window-sheet-preview.png");
  gtk_window_destroy (preview);
  td_test_iterate ();

  /* Ctrl+P in Calendar: the dates and deadlines of the year. */
  td_test_activate (GTK_WIDGET (window), "win.show-section", g_variant_new_string ("calendar"));
  td_test_activate (GTK_WIDGET (window), "win.print-current", NULL);
  preview = td_test_find_toplevel (TD_TYPE_SHEET_PREVIEW);
  g_assert_nonnull (preview);
  gtk_window_destroy (preview);
  td_test_iterate ();

  /* Without a bloc-year there is nothing to print, and the window says so. */
  td_window_set_bloc_year_id (window, 0);
  td_test_activate (GTK_WIDGET (window), "win.print-current", NULL);
  g_assert_null (td_test_find_toplevel (TD_TYPE_SHEET_PREVIEW));
  td_test_destroy_window (window);
}

/* The window's own key binding for @accel, run as the key would (from
 * the shortcut controller that holds the window's key bindings). */
static void
press_window_key (TdWindow *window, const char *accel)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller)
          || gtk_shortcut_controller_get_scope (GTK_SHORTCUT_CONTROLLER (controller))
                 != GTK_SHORTCUT_SCOPE_LOCAL)
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcut *shortcut = GTK_IS_SHORTCUT (item) ? GTK_SHORTCUT (item) : NULL;
          g_autofree gchar *trigger
              = shortcut ? gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut))
                         : NULL;

          if (g_strcmp0 (trigger, accel) == 0)
            {
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                           GTK_WIDGET (window),
                                                           gtk_shortcut_get_arguments (shortcut)));
              td_test_iterate ();
              return;
            }
        }
    }
  g_error ("the window has no key binding %s", accel);
}

/* Only the section shown is built, the first time it is shown; the sidebar
 * lists every section all the same, and Alt+1 … Alt+7 show them in order. */
static void
test_sections_built_when_shown (void)
{
  const char *order[]
      = { "overview", "units", "campaigns", "criteria", "scores", "ranking", "calendar" };
  g_autofree gchar *dir = NULL;
  TdWindow *window = td_test_window_open_demo (&dir);
  TdSectionPage *units;

  td_test_dismiss_toasts (window);
  g_assert_cmpstr (td_window_get_section (window), ==, "overview");
  g_assert_nonnull (td_test_find_widget (GTK_WIDGET (window), TD_TYPE_OVERVIEW_PAGE, NULL));
  g_assert_null (td_test_find_widget (GTK_WIDGET (window), TD_TYPE_UNITS_PAGE, NULL));
  g_assert_null (td_test_find_widget (GTK_WIDGET (window), TD_TYPE_SCORES_PAGE, NULL));
  g_assert_null (td_test_find_widget (GTK_WIDGET (window), TD_TYPE_RANKING_PAGE, NULL));
  g_assert_null (td_test_find_widget (GTK_WIDGET (window), TD_TYPE_CALENDAR_PAGE, NULL));
  /* The sidebar names them all, in Vietnamese. */
  g_assert_nonnull (td_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, "Xếp hạng"));
  g_assert_nonnull (td_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, "Lịch"));

  /* Alt+2: Units is built, follows the window's database and bloc-year. */
  press_window_key (window, "<Alt>2");
  g_assert_cmpstr (td_window_get_section (window), ==, "units");
  units = TD_SECTION_PAGE (td_test_find_widget (GTK_WIDGET (window), TD_TYPE_UNITS_PAGE, NULL));
  g_assert_nonnull (units);
  g_assert_true (units == td_window_get_page (window, "units"));
  g_assert_true (td_section_page_get_database (units) == td_window_get_database (window));
  g_assert_cmpint (td_section_page_get_bloc_year_id (units), ==,
                   td_window_get_bloc_year_id (window));
  g_assert_cmpuint (g_list_model_get_n_items (td_units_page_get_model (TD_UNITS_PAGE (units))), ==,
                    12);
  g_assert_null (td_test_find_widget (GTK_WIDGET (window), TD_TYPE_SCORES_PAGE, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autofree gchar *accel = g_strdup_printf ("<Alt>%u", i + 1);

      press_window_key (window, accel);
      g_assert_cmpstr (td_window_get_section (window), ==, order[i]);
    }
  g_assert_null (td_window_get_page (window, "no-such-section"));
  td_test_destroy_window (window);
}

typedef struct
{
  TdWindow *window;
  gulong handler;
  gboolean painted;
  guint upcoming_rows; /* in the first frame */
  gboolean registry_visible;
  gboolean welcome_visible;
  gboolean toast_shown;
  guint n_blocs_listed;
} FirstFrame;

/* How many blocs the header's bloc drop-down lists. */
static guint
n_blocs_listed (TdWindow *window)
{
  GtkWidget *selector = td_test_find_widget (GTK_WIDGET (window), TD_TYPE_BLOC_SELECTOR, NULL);
  GtkWidget *dropdown = td_test_find_widget (selector, GTK_TYPE_DROP_DOWN, NULL);

  return g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown)));
}

/* The toast that announces the demo's overdue deadlines on opening. */
static GtkWidget *
overdue_toast (TdWindow *window)
{
  return td_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, "2 thời hạn đã quá hạn");
}

/* The Overview's "Registry" group, below the coming dates. */
static GtkWidget *
registry_group (TdWindow *window)
{
  return td_test_find_widget (GTK_WIDGET (window), ADW_TYPE_PREFERENCES_GROUP, "Danh mục");
}

static void
on_first_paint (GdkFrameClock *clock, FirstFrame *f)
{
  GtkWidget *group = td_test_find_widget (GTK_WIDGET (f->window), TD_TYPE_UPCOMING_GROUP, NULL);

  g_clear_signal_handler (&f->handler, clock);
  f->painted = TRUE;
  f->upcoming_rows = group ? td_upcoming_group_get_n_rows (TD_UPCOMING_GROUP (group)) : G_MAXUINT;
  f->registry_visible
      = registry_group (f->window) != NULL && gtk_widget_get_visible (registry_group (f->window));
  {
    GtkWidget *welcome = td_test_find_widget (GTK_WIDGET (f->window), ADW_TYPE_STATUS_PAGE, NULL);

    f->welcome_visible = welcome != NULL && gtk_widget_get_visible (welcome);
  }
  f->toast_shown = overdue_toast (f->window) != NULL;
  f->n_blocs_listed = n_blocs_listed (f->window);
}

static void
on_realize (GtkWidget *widget, FirstFrame *f)
{
  f->handler = g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                                 G_CALLBACK (on_first_paint), f);
}

static gboolean
first_frame_painted (gpointer data)
{
  return ((FirstFrame *)data)->painted;
}

/* The first frame holds only what must be there: the section shown, no
 * closed notice (GTK measures a closed revealer's text all the same), no
 * welcome page behind the Overview of a file, only the bloc shown in the
 * bloc drop-down; the Overview's coming dates, the groups below them, the
 * other blocs and the toast of overdue deadlines follow just after it. */
static void
test_first_frame_is_light (void)
{
  g_autofree gchar *dir = td_test_tmpdir ();
  g_autofree gchar *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) db = td_demo_create (path, &error);
  FirstFrame f = { 0 };
  GtkWidget *group;

  g_assert_no_error (error);
  {
    /* A second bloc, with a year, for the drop-down to list. */
    g_autoptr (TdBloc) bloc = td_bloc_new ();
    g_autoptr (TdBlocYear) by = td_bloc_year_new ();

    bloc->name = g_strdup ("Cụm thi đua số 2");
    by->bloc_id = td_registry_add_bloc (db, bloc, &error);
    g_assert_no_error (error);
    by->year = 2024;
    td_registry_add_bloc_year (db, by, &error);
    g_assert_no_error (error);
  }
  g_clear_object (&db);
  f.window = td_window_new (td_test_app_get ());
  g_signal_connect (f.window, "realize", G_CALLBACK (on_realize), &f);
  g_assert_true (td_window_open_path (f.window, path, TD_DB_OPEN_NO_BACKUP));
  gtk_window_present (GTK_WINDOW (f.window));
  td_test_wait_until (first_frame_painted, &f, 5000);
  g_assert_cmpuint (f.upcoming_rows, ==, 0);
  g_assert_false (f.registry_visible);
  g_assert_false (f.welcome_visible);
  g_assert_false (f.toast_shown);
  g_assert_cmpuint (f.n_blocs_listed, ==, 1);
  td_test_wait_drawn (GTK_WIDGET (f.window));
  g_assert_nonnull (overdue_toast (f.window));
  {
    TdDb *db = td_window_get_database (f.window);
    g_autoptr (GPtrArray) blocs = td_registry_list_blocs (db, NULL);

    g_assert_cmpuint (blocs->len, ==, 2);
    g_assert_cmpuint (n_blocs_listed (f.window), ==, blocs->len);
  }
  group = td_test_find_widget (GTK_WIDGET (f.window), TD_TYPE_UPCOMING_GROUP, NULL);
  g_assert_cmpuint (td_upcoming_group_get_n_rows (TD_UPCOMING_GROUP (group)), >, 0);
  g_assert_true (gtk_widget_get_visible (registry_group (f.window)));
  /* Below the coming dates, where the template had it. */
  g_assert_true (TD_IS_UPCOMING_GROUP (gtk_widget_get_prev_sibling (registry_group (f.window))));
  g_assert_null (td_test_find_widget (GTK_WIDGET (f.window), TD_TYPE_UNITS_PAGE, NULL));
  /* The read-only notice is not just closed but out of the layout. */
  {
    GtkWidget *notice = td_test_find_widget (GTK_WIDGET (f.window), GTK_TYPE_LABEL,
                                             "Cơ sở dữ liệu này chỉ cho phép đọc: bạn có thể xem "
                                             "và xuất dữ liệu nhưng không thể thay đổi.");

    g_assert_nonnull (notice);
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (revealer_of (notice))));
  }
  td_test_destroy_window (f.window);
}

/* The menu button with @icon under @root. */
static GtkMenuButton *
menu_button_with_icon (GtkWidget *root, const char *icon)
{
  if (GTK_IS_MENU_BUTTON (root)
      && g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (root)), icon) == 0)
    return GTK_MENU_BUTTON (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = menu_button_with_icon (child, icon);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Opens @button's menu and checks it holds @item. */
static void
assert_menu_opens_with (GtkMenuButton *button, const char *item)
{
  GtkPopover *popover;

  /* Nothing of the menu is built before it is first opened. */
  g_assert_null (gtk_menu_button_get_popover (button));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
  gtk_menu_button_popup (button);
  td_test_iterate ();
  popover = gtk_menu_button_get_popover (button);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_nonnull (td_test_find_widget (GTK_WIDGET (popover), GTK_TYPE_WIDGET, item));
  gtk_menu_button_popdown (button);
  td_test_iterate ();
  /* Built once: opened again, it is the same popover. */
  gtk_menu_button_popup (button);
  td_test_iterate ();
  g_assert_true (gtk_menu_button_get_popover (button) == popover);
  gtk_menu_button_popdown (button);
  td_test_iterate ();
}

/* The main menu and the sheets menu are built when first opened (GTK 4.8
 * builds a menu's popover as soon as its button has the menu). */
static void
test_menus_built_when_opened (void)
{
  g_autofree gchar *dir = NULL;
  TdWindow *window = td_test_window_open_demo (&dir);

  td_test_wait_drawn (GTK_WIDGET (window));
  assert_menu_opens_with (menu_button_with_icon (GTK_WIDGET (window), "open-menu-symbolic"),
                          "_Mở cơ sở dữ liệu…");
  assert_menu_opens_with (menu_button_with_icon (GTK_WIDGET (window), "document-print-symbolic"),
                          "Bảng tổng hợp _xếp hạng");
  td_test_destroy_window (window);
}

/* A first start takes the whole of an office laptop's screen; a large
 * monitor keeps the first size. */
static void
test_first_start_size (void)
{
  const struct
  {
    int monitor_width, monitor_height, width, height;
  } cases[] = {
    { 1366, 768, 1366, 768 },  { 1280, 1024, 1280, 1024 }, { 1440, 900, 1440, 900 },
    { 1920, 1080, 1180, 760 }, { 2560, 1440, 1180, 760 },  { 0, 0, 1180, 760 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int width = 1180, height = 760;

      td_window_first_start_size (cases[i].monitor_width, cases[i].monitor_height, &width, &height);
      g_assert_cmpint (width, ==, cases[i].width);
      g_assert_cmpint (height, ==, cases[i].height);
    }
}

int
main (int argc, char **argv)
{
  td_test_init (&argc, &argv);
  g_test_add_func ("/window/first-start-size", test_first_start_size);
  g_test_add_func ("/window/welcome-in-vietnamese", test_welcome_in_vietnamese);
  g_test_add_func ("/window/open-database-and-sections", test_open_database_and_sections);
  g_test_add_func ("/window/open-refused-file-reports", test_open_refused_file_reports);
  g_test_add_func ("/window/large-file-checked-in-thread", test_large_file_checked_in_thread);
  g_test_add_func ("/window/about-and-shortcuts", test_about_and_shortcuts);
  g_test_add_func ("/window/demo-opens", test_demo_opens);
  g_test_add_func ("/window/size-remembered", test_size_remembered);
  g_test_add_func ("/window/sheets-from-the-window", test_sheets_from_the_window);
  g_test_add_func ("/window/last-database-reopened", test_last_database_reopened);
  g_test_add_func ("/window/command-line-opens-named-file", test_command_line_opens_named_file);
  g_test_add_func ("/window/sections-built-when-shown", test_sections_built_when_shown);
  g_test_add_func ("/window/first-frame-is-light", test_first_frame_is_light);
  g_test_add_func ("/window/menus-built-when-opened", test_menus_built_when_opened);
  return g_test_run ();
}
