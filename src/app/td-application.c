/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The application object.
 *
 * Handles the command-line options (--database, --demo, --screenshot …),
 * refuses politely when there is no display, owns the GSettings and the
 * application-wide actions (about, quit, open the demo). */
#include "config.h"

#include "td-application.h"
#include "td-backup.h"
#include "td-cli.h"
#include "td-demo.h"
#include "td-output-guard.h"
#include "td-output.h"
#include "td-resources.h"
#include "td-window.h"

#include <glib/gi18n.h>

struct _TdApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
  int exit_status;
  TdWindow *opening;            /* the window still opening the file named by --database */
  GDBusConnection *session_bus; /* held from before the display is opened */
};

G_DEFINE_FINAL_TYPE (TdApplication, td_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL, N_ ("Open the database FILE"), N_ ("FILE") },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_ ("Open a fresh demo database (example data, kept apart from your own)"), NULL },
  { "section", 's', 0, G_OPTION_ARG_STRING, NULL,
    N_ ("Show the section NAME (overview, units, criteria, scores, ranking, calendar)"),
    N_ ("NAME") },
  { "screenshot", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_ ("Save a picture of the window as the PNG FILE once it is drawn, then quit"), N_ ("FILE") },
  { "version", 'v', 0, G_OPTION_ARG_NONE, NULL, N_ ("Show the version and quit"), NULL },
  { NULL }
};

GSettings *
td_application_get_settings (TdApplication *self)
{
  return self->settings;
}

/* The settings of the running application, or NULL when the schema is not
 * installed (a build run without GSETTINGS_SCHEMA_DIR): then nothing is
 * remembered, but nothing fails either. */
GSettings *
td_settings_get (void)
{
  GApplication *app = g_application_get_default ();

  if (app == NULL || !TD_IS_APPLICATION (app))
    return NULL;
  return TD_APPLICATION (app)->settings;
}

/* The database the window will open: --database, the demo, or the last
 * one (read from the settings, which the application has not opened yet). */
static gchar *
named_database (GVariantDict *options)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;
  g_autofree gchar *database = NULL;

  if (g_variant_dict_contains (options, "demo"))
    return td_demo_default_path ();
  if (g_variant_dict_lookup (options, "database", "^ay", &database))
    return g_canonicalize_filename (database, NULL);
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    {
      g_autoptr (GSettings) settings = g_settings_new (APP_ID);
      g_autofree gchar *last = g_settings_get_string (settings, "last-database");

      if (*last != '\0')
        return g_steal_pointer (&last);
    }
  return NULL;
}

/* The picture is checked before anything else, display included: a folder
 * that does not exist, or the database itself as the picture's name, ends
 * the command at once with the reason. */
static gboolean
check_screenshot_path (GVariantDict *options, GError **error)
{
  g_autofree gchar *screenshot = NULL;
  g_autofree gchar *path = NULL;
  g_autofree gchar *named = NULL;

  if (!g_variant_dict_lookup (options, "screenshot", "^ay", &screenshot))
    return TRUE;
  path = g_canonicalize_filename (screenshot, NULL);
  named = named_database (options);
  return td_output_guard (path, named, TD_OUTPUT_DOCUMENT, error)
         && td_output_check_writable (path, error);
}

void
td_application_fail (void)
{
  GApplication *app = g_application_get_default ();

  if (app != NULL && TD_IS_APPLICATION (app))
    TD_APPLICATION (app)->exit_status = 1;
}

int
td_application_get_exit_status (TdApplication *self)
{
  g_return_val_if_fail (TD_IS_APPLICATION (self), 1);
  return self->exit_status;
}

/* The file named on the command line opened (perhaps in a thread). */
static void
on_named_database_opened (TdWindow *window, GParamSpec *pspec, TdApplication *self)
{
  if (td_window_get_database (window) == NULL)
    return;
  g_signal_handlers_disconnect_by_func (window, on_named_database_opened, self);
  g_clear_weak_pointer (&self->opening);
}

static gint
td_application_handle_local_options (GApplication *app, GVariantDict *options)
{
  g_autoptr (GError) error = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", _ ("Thi Đua"), PACKAGE_VERSION);
      return 0;
    }
  if (!check_screenshot_path (options, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  /* GDK looks for the desktop's settings on the session bus as it opens
   * the display, and lets the connection go when nothing answers them; held
   * here, that same connection then registers the application.  Without a
   * session bus (under Xvfb, say) each new connection runs dbus-launch,
   * which twice cost a start some 20 ms. */
  TD_APPLICATION (app)->session_bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  if (!gtk_init_check ())
    {
      g_printerr ("%s\n", _ ("Thi Đua needs a graphical display, and none was found (DISPLAY "
                             "and WAYLAND_DISPLAY are not set or cannot be opened). Start it "
                             "from a desktop session, or under Xvfb with “xvfb-run -a thidua”. "
                             "Exports and imports work without a display: see “thidua help”."));
      return 1;
    }
  return -1;
}

static TdWindow *
get_window (TdApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (td_window_new (self));
  return TD_WINDOW (window);
}

static void
open_last_database (TdApplication *self, TdWindow *window)
{
  g_autofree gchar *last = NULL;

  if (self->settings == NULL)
    return;
  last = g_settings_get_string (self->settings, "last-database");
  if (last[0] != '\0' && g_file_test (last, G_FILE_TEST_IS_REGULAR))
    td_window_open_path (window, last, TD_DB_OPEN_DEFAULT);
}

static void
open_demo (TdApplication *self, TdWindow *window)
{
  g_autoptr (GError) error = NULL;
  g_autofree gchar *path = td_demo_default_path ();
  g_autoptr (TdDb) db = td_demo_create (path, &error);

  if (db == NULL)
    {
      td_window_show_error (GTK_WIDGET (window), _ ("Could not create the demo database"), error);
      return;
    }
  td_window_set_database (window, db, FALSE);
}

static void
td_application_activate (GApplication *app)
{
  TdApplication *self = TD_APPLICATION (app);
  gboolean fresh = gtk_application_get_active_window (GTK_APPLICATION (app)) == NULL;
  TdWindow *window = get_window (self);

  if (fresh)
    open_last_database (self, window);
  gtk_window_present (GTK_WINDOW (window));
}

static gint
td_application_command_line (GApplication *app, GApplicationCommandLine *cmdline)
{
  TdApplication *self = TD_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (cmdline);
  g_autofree gchar *database = NULL;
  g_autofree gchar *database_path = NULL;
  g_autofree gchar *section = NULL;
  g_autofree gchar *screenshot = NULL;
  g_autofree gchar *screenshot_path = NULL;
  gboolean demo = g_variant_dict_contains (options, "demo");
  gboolean fresh = gtk_application_get_active_window (GTK_APPLICATION (app)) == NULL;
  TdWindow *window;

  g_variant_dict_lookup (options, "database", "^ay", &database);
  g_variant_dict_lookup (options, "section", "s", &section);
  g_variant_dict_lookup (options, "screenshot", "^ay", &screenshot);
  if (database == NULL)
    {
      /* `thidua FILE.db`, and a double-click (Exec=thidua %f): the file
       * named opens, not the last one. */
      g_auto (GStrv) argv = g_application_command_line_get_arguments (cmdline, NULL);

      if (argv != NULL && argv[0] != NULL && argv[1] != NULL)
        database = g_strdup (argv[1]);
    }
  if (database != NULL)
    {
      g_autoptr (GFile) file = g_application_command_line_create_file_for_arg (cmdline, database);

      database_path = g_file_get_path (file);
    }
  if (screenshot != NULL)
    {
      g_autoptr (GFile) file = g_application_command_line_create_file_for_arg (cmdline, screenshot);

      screenshot_path = g_file_get_path (file);
    }

  window = get_window (self);
  if (demo)
    open_demo (self, window);
  else if (database_path != NULL)
    {
      if (!td_window_open_path (window, database_path, TD_DB_OPEN_DEFAULT))
        td_application_fail ();
      else if (td_window_get_database (window) == NULL)
        {
          /* Opening in a thread: still not open at exit is a failure. */
          g_set_weak_pointer (&self->opening, window);
          g_signal_connect (window, "notify::database", G_CALLBACK (on_named_database_opened),
                            self);
        }
    }
  else if (fresh)
    open_last_database (self, window);

  if (section != NULL && !td_window_show_section (window, section))
    {
      g_application_command_line_printerr (cmdline, _ ("There is no section named “%s”.\n"),
                                           section);
      return 1;
    }
  if (screenshot_path != NULL)
    td_window_screenshot_and_quit (window, screenshot_path);

  gtk_window_present (GTK_WINDOW (window));
  return 0;
}

static void
about_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { _ ("The Thi Đua developers"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW, "transient-for",
                        gtk_application_get_active_window (app), "application-name", _ ("Thi Đua"),
                        "application-icon", APP_ID, "developer-name", _ ("The Thi Đua developers"),
                        "version", PACKAGE_VERSION, "comments",
                        _ ("Scores, rankings, award proposals and the calendar of an "
                           "emulation bloc, with the official sheets for every meeting."),
                        "license-type", GTK_LICENSE_GPL_3_0, "developers", developers,
                        /* Translators: put your names here, one per line */
                        "translator-credits", _ ("translator-credits"), "copyright",
                        "© 2026 The Thi Đua developers", NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (app);

  /* Close windows first so that each one saves its size. */
  for (GList *l = windows; l != NULL;)
    {
      GList *next = l->next;
      gtk_window_close (GTK_WINDOW (l->data));
      l = next;
    }
  g_application_quit (G_APPLICATION (app));
}

static void
open_demo_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  TdApplication *self = TD_APPLICATION (user_data);

  open_demo (self, get_window (self));
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "quit", quit_action },
  { "open-demo", open_demo_action },
};

/* The application's accelerators. win.show-help-overlay is among them because
 * GtkApplication sets it only when it makes the shortcuts window itself. */
static const struct
{
  const char *action;
  const char *accel;
} accels[] = {
  { "app.quit", "<Control>q" },
  { "win.show-help-overlay", "<Control>question" },
  { "win.close", "<Control>w" },
  { "win.open-database", "<Control>o" },
  { "win.new-database", "<Control><Shift>n" },
  { "win.save-copy", "<Control><Shift>s" },
  { "win.back-up-now", "<Control><Shift>b" },
};

static void
td_application_startup (GApplication *app)
{
  TdApplication *self = TD_APPLICATION (app);
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  G_APPLICATION_CLASS (td_application_parent_class)->startup (app);

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    self->settings = g_settings_new (APP_ID);
  else
    g_message ("The settings schema %s is not installed; window size and recent files "
               "will not be remembered.",
               APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions),
                                   app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action,
                                           (const char *[]){ accels[i].accel, NULL });
}

/* Quitting leaves the windows alive until the process exits, and with
 * them the database connection: SQLite would leave its -wal file behind,
 * and the next start would have to check the whole file again.  Destroy
 * the windows, then close what they had open, so the file is left clean. */
static void
td_application_shutdown (GApplication *app)
{
  g_autoptr (GPtrArray) dbs = g_ptr_array_new_with_free_func (g_object_unref);
  GList *windows;

  /* A daily copy still running when the clerk quits is stopped and its
   * unfinished file removed; the next start of the day makes it again. */
  td_backup_stop_daily ();
  if (TD_APPLICATION (app)->opening != NULL)
    {
      td_application_fail ();
      g_signal_handlers_disconnect_by_func (TD_APPLICATION (app)->opening, on_named_database_opened,
                                            app);
      g_clear_weak_pointer (&TD_APPLICATION (app)->opening);
    }
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    {
      if (TD_IS_WINDOW (windows->data) && td_window_get_database (windows->data) != NULL)
        g_ptr_array_add (dbs, g_object_ref (td_window_get_database (windows->data)));
      gtk_window_destroy (windows->data);
    }
  for (guint i = 0; i < dbs->len; i++)
    td_db_close (g_ptr_array_index (dbs, i));
  G_APPLICATION_CLASS (td_application_parent_class)->shutdown (app);
}

static void
td_application_dispose (GObject *object)
{
  TdApplication *self = TD_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->session_bus);
  G_OBJECT_CLASS (td_application_parent_class)->dispose (object);
}

static void
td_application_class_init (TdApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = td_application_dispose;
  app_class->handle_local_options = td_application_handle_local_options;
  app_class->command_line = td_application_command_line;
  app_class->activate = td_application_activate;
  app_class->startup = td_application_startup;
  app_class->shutdown = td_application_shutdown;
}

static void
td_application_init (TdApplication *self)
{
  /* The resources live in a static library: referencing them keeps the
   * linker from dropping them. */
  (void)td_get_resource ();
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _ ("[COMMAND …]"));
  g_application_set_option_context_summary (
      G_APPLICATION (self),
      _ ("Thi Đua keeps an emulation bloc's units, scores, rankings and calendar."));
  {
    g_autofree gchar *list = td_cli_describe_commands ();
    g_autofree gchar *description = g_strdup_printf (
        "%s\n%s", _ ("Commands that need no display (“thidua help COMMAND” shows their options):"),
        list);
    g_application_set_option_context_description (G_APPLICATION (self), description);
  }
}

TdApplication *
td_application_new (GApplicationFlags flags)
{
  return g_object_new (TD_TYPE_APPLICATION, "application-id", APP_ID, "flags",
                       flags | G_APPLICATION_HANDLES_COMMAND_LINE, "resource-base-path",
                       "/com/example/ThiDua", NULL);
}
