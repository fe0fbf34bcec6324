/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers for widget tests.
 *
 * The tests run the real TdApplication (non-unique, so several can run at
 * once) and the real window, drive it through its actions as a user's
 * keyboard would, and save pictures into the build tree for a person to
 * look at. */
#include "config.h"

#include "td-test-util.h"
#include "td-demo.h"
#include "td-registry.h"
#include "td-screenshot.h"
#include "td-test-tmp.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

static TdApplication *test_app;

void
td_test_init (int *argc, char ***argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("THIDUA_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_test_init (argc, argv, NULL);
  /* GTK 4.8 warns "GtkText - unexpected blinking selection" when the caret
   * blink timer fires in an entry whose text was selected on focus (a GTK
   * bug, fixed later), and tests make warnings fatal: no blinking. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);
}

TdApplication *
td_test_app_get (void)
{
  g_autoptr (GError) error = NULL;

  if (test_app != NULL)
    return test_app;
  test_app = td_application_new (G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (test_app), NULL, &error));
  g_assert_no_error (error);
  return test_app;
}

void
td_test_iterate (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

void
td_test_wait_until (gboolean (*predicate) (gpointer), gpointer data, guint timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64)timeout_ms * 1000;

  while (!predicate (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
is_drawn (gpointer widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

void
td_test_wait_drawn (GtkWidget *widget)
{
  td_test_wait_until (is_drawn, widget, 10000);
  /* A few more frames so that lists and bindings settle. */
  for (int i = 0; i < 20; i++)
    {
      td_test_iterate ();
      g_usleep (5000);
    }
}

TdWindow *
td_test_window_new (void)
{
  TdWindow *window = td_window_new (td_test_app_get ());

  gtk_window_present (GTK_WINDOW (window));
  td_test_wait_drawn (GTK_WIDGET (window));
  return window;
}

gchar *
td_test_output_path (const char *name)
{
  const char *dir = g_getenv ("TD_TEST_OUTPUT_DIR");

  if (dir == NULL)
    dir = g_get_tmp_dir ();
  g_mkdir_with_parents (dir, 0755);
  return g_build_filename (dir, name, NULL);
}

/* Saves a picture of @widget into the build tree (TD_TEST_OUTPUT_DIR), for
 * a developer to look at, and checks that it is a real PNG. */
gchar *
td_test_screenshot (GtkWidget *widget, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree gchar *path = td_test_output_path (name);
  g_autofree gchar *contents = NULL;
  gsize length = 0;

  td_test_wait_drawn (widget);
  /* A popover just shown on a busy machine may be mapped before its first
   * frame is drawn: it then draws nothing for a moment. */
  for (int tries = 0; !td_screenshot_save (widget, path, &error) && tries < 300; tries++)
    {
      g_clear_error (&error);
      td_test_iterate ();
      g_usleep (10000);
    }
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_cmpmem (contents, 4, "\x89PNG", 4);
  g_test_message ("screenshot: %s", path);
  return g_steal_pointer (&path);
}

gchar *
td_test_tmpdir (void)
{
  return td_test_make_tmp_dir ("thidua-test-XXXXXX");
}

void
td_test_activate (GtkWidget *widget, const char *action, GVariant *param)
{
  g_assert_true (gtk_widget_activate_action_variant (widget, action, param));
  td_test_iterate ();
}

GtkWindow *
td_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

void
td_test_close_toplevels_except (GtkWindow *keep)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      if (window != keep && gtk_widget_get_visible (GTK_WIDGET (window)))
        gtk_window_destroy (window);
    }
  td_test_iterate ();
}

/* Depth-first search for a widget of @type whose label, title or text is
 * @label (any when @label is NULL). */
GtkWidget *
td_test_find_widget (GtkWidget *root, GType type, const char *label)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      const char *text = NULL;
      GObjectClass *klass = G_OBJECT_GET_CLASS (root);
      const char *props[] = { "label", "title", "text" };

      if (label == NULL)
        return root;
      for (guint i = 0; i < G_N_ELEMENTS (props) && text == NULL; i++)
        if (g_object_class_find_property (klass, props[i]) != NULL)
          {
            GParamSpec *pspec = g_object_class_find_property (klass, props[i]);
            if (pspec->value_type == G_TYPE_STRING)
              {
                g_autofree gchar *value = NULL;
                g_object_get (root, props[i], &value, NULL);
                if (g_strcmp0 (value, label) == 0)
                  return root;
              }
          }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = td_test_find_widget (child, type, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
td_test_find_named (GtkWidget *root, const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = td_test_find_named (child, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
collect_widgets (GtkWidget *root, GType type, GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (out, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, type, out);
}

GPtrArray *
td_test_collect_widgets (GtkWidget *root, GType type)
{
  GPtrArray *out = g_ptr_array_new ();

  collect_widgets (root, type, out);
  return out;
}

/* The mapped button with @icon that is not in @skip. */
static GtkWidget *
find_icon_button (GtkWidget *root, const char *icon, GPtrArray *skip)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (root)), icon) == 0
      && gtk_widget_get_mapped (root) && !g_ptr_array_find (skip, root, NULL))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_icon_button (child, icon, skip);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
timeout_done (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_done, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Closes the toasts on show (say, the overdue deadlines announced when a
 * database opens) as the clerk would, one click each, waiting for each to
 * leave: libadwaita 1.2 crashes when a toast is dismissed twice or while
 * its overlay is disposed mid-animation. */
void
td_test_dismiss_toasts (TdWindow *window)
{
  g_autoptr (GPtrArray) clicked = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *close;

  /* A toast still animating in must not be dismissed either. */
  wait_ms (400);
  while ((close = find_icon_button (GTK_WIDGET (window), "window-close-symbolic", clicked)) != NULL)
    {
      g_ptr_array_add (clicked, g_object_ref (close));
      g_signal_emit_by_name (close, "clicked");
      wait_ms (400);
    }
  wait_ms (100);
}

/* Destroys the window and checks that nothing keeps it alive. */
void
td_test_destroy_window (TdWindow *window)
{
  td_test_close_toplevels_except (GTK_WINDOW (window));
  /* libadwaita 1.2 crashes when a toast overlay is disposed while a toast
   * is still animating in or out: let them finish first. */
  td_test_dismiss_toasts (window);
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  td_test_iterate ();
  g_assert_finalize_object (window);
}

TdDb *
td_test_demo_db (gchar **dir_out)
{
  g_autoptr (GError) error = NULL;
  g_autofree gchar *dir = td_test_tmpdir ();
  g_autofree gchar *path = g_build_filename (dir, "demo.db", NULL);
  TdDb *db = td_demo_create (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  *dir_out = g_steal_pointer (&dir);
  return db;
}

gint64
td_test_first_bloc_year (TdDb *db, gint year)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) blocs = td_registry_list_blocs (db, &error);
  gint64 id;

  g_assert_no_error (error);
  g_assert_cmpuint (blocs->len, >, 0);
  id = td_registry_find_bloc_year (db, ((TdBloc *)g_ptr_array_index (blocs, 0))->id, year, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

TdWindow *
td_test_window_with (TdDb *db, gint64 bloc_year_id, int width, int height)
{
  TdWindow *window = td_test_window_new ();

  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  td_window_set_database (window, db, FALSE);
  if (bloc_year_id != 0)
    td_window_set_bloc_year_id (window, bloc_year_id);
  return window;
}

TdWindow *
td_test_window_open_demo (gchar **dir_out)
{
  g_autoptr (TdDb) db = td_test_demo_db (dir_out);
  g_autofree gchar *path = g_strdup (td_db_get_path (db));
  TdWindow *window;

  g_clear_object (&db);
  window = td_test_window_new ();
  g_assert_true (td_window_open_path (window, path, TD_DB_OPEN_NO_BACKUP));
  return window;
}

gboolean
td_test_trigger_matches (GtkShortcutTrigger *trigger, guint keyval, GdkModifierType mods)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return td_test_trigger_matches (
               gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval, mods)
           || td_test_trigger_matches (
               gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval,
               mods);
  return GTK_IS_KEYVAL_TRIGGER (trigger)
         && gdk_keyval_to_lower (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)))
                == gdk_keyval_to_lower (keyval)
         && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == mods;
}

/* The key controllers and key bindings of @widget in @phase. */
static gboolean
deliver_key (GtkWidget *widget, GtkPropagationPhase phase, guint keyval, GdkModifierType mods)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);
      gboolean handled = FALSE;

      if (gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller)) != phase)
        continue;
      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, mods, &handled);
      else if (GTK_IS_SHORTCUT_CONTROLLER (controller))
        for (guint j = 0; !handled && j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
          {
            g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

            if (td_test_trigger_matches (gtk_shortcut_get_trigger (shortcut), keyval, mods))
              handled = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                      gtk_shortcut_get_arguments (shortcut));
          }
      if (handled)
        return TRUE;
    }
  return FALSE;
}

void
td_test_press (GtkWidget *focus, guint keyval, GdkModifierType mods)
{
  g_autoptr (GPtrArray) chain = g_ptr_array_new ();
  gboolean handled = FALSE;

  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    g_ptr_array_add (chain, w);
  for (guint i = chain->len; !handled && i > 0; i--)
    handled = deliver_key (g_ptr_array_index (chain, i - 1), GTK_PHASE_CAPTURE, keyval, mods);
  for (guint i = 0; !handled && i < chain->len; i++)
    handled = deliver_key (g_ptr_array_index (chain, i), GTK_PHASE_BUBBLE, keyval, mods);
  td_test_iterate ();
}
