/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window.
 *
 * A sidebar lists the sections; each section is a page in the GtkStack of
 * ui/td-window.ui.  The window owns the open database and the current
 * bloc-year and binds both to every page that has a "database" or
 * "bloc-year-id" property, so adding a section is: write the page class,
 * add one <child> to the stack, and g_type_ensure it in class_init. */
#include "config.h"

#include "td-window.h"
#include "td-overview-page.h"
#include "td-ranking-page.h"
#include "td-screenshot.h"

#include <glib/gi18n.h>

#define MAX_RECENT 10

struct _TdWindow
{
  AdwApplicationWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  AdwLeaflet *leaflet;
  GtkListBox *sidebar_list;
  GtkWidget *sidebar_separator;
  GtkWidget *content_box;
  GtkStack *stack;
  AdwWindowTitle *window_title;
  GtkBox *header_start_box;
  GtkRevealer *notice_revealer;
  GtkLabel *notice_label;

  TdDb *database;
  gint64 bloc_year_id;
};

G_DEFINE_FINAL_TYPE (TdWindow, td_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_DATABASE,
  PROP_BLOC_YEAR_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_titles (TdWindow *self)
{
  GtkStackPage *page = NULL;
  GtkWidget *child = gtk_stack_get_visible_child (self->stack);
  g_autofree gchar *name = NULL;

  if (child != NULL)
    page = gtk_stack_get_page (self->stack, child);
  adw_window_title_set_title (self->window_title, page ? gtk_stack_page_get_title (page) : "");

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

static void
update_actions (TdWindow *self)
{
  gboolean open = self->database != NULL;
  gboolean writable = open && !td_db_is_read_only (self->database);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-database", open);
  gtk_revealer_set_reveal_child (self->notice_revealer, open && !writable);
}

static void
remember_database (TdWindow *self, const char *path)
{
  GSettings *settings = td_settings_get ();
  g_auto (GStrv) old = NULL;
  g_autoptr (GStrvBuilder) builder = NULL;
  g_auto (GStrv) recent = NULL;
  guint n = 1;

  if (settings == NULL)
    return;
  g_settings_set_string (settings, "last-database", path);

  old = g_settings_get_strv (settings, "recent-databases");
  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, path);
  for (guint i = 0; old[i] != NULL && n < MAX_RECENT; i++)
    if (g_strcmp0 (old[i], path) != 0)
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }
  recent = g_strv_builder_end (builder);
  g_settings_set_strv (settings, "recent-databases", (const char *const *)recent);
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
  g_set_object (&self->database, db);
  if (db != NULL && remember)
    remember_database (self, td_db_get_path (db));
  update_titles (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

gboolean
td_window_open_path (TdWindow *self, const char *path, TdDbOpenFlags flags)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdDb) db = td_db_open (path, flags, &error);

  if (db == NULL)
    {
      g_autofree gchar *heading = NULL;
      g_autofree gchar *name = g_filename_display_basename (path);

      heading = g_strdup_printf (_ ("Could not open “%s”"), name);
      td_window_show_error (GTK_WIDGET (self), heading, error);
      return FALSE;
    }
  td_window_set_database (self, db, TRUE);
  return TRUE;
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
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BLOC_YEAR_ID]);
}

GtkWidget *
td_window_get_header_start (TdWindow *self)
{
  return GTK_WIDGET (self->header_start_box);
}

gboolean
td_window_show_section (TdWindow *self, const char *name)
{
  if (gtk_stack_get_child_by_name (self->stack, name) == NULL)
    return FALSE;
  gtk_stack_set_visible_child_name (self->stack, name);
  return TRUE;
}

const char *
td_window_get_section (TdWindow *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

static void
quit_after_screenshot (gpointer user_data)
{
  g_application_quit (g_application_get_default ());
}

void
td_window_screenshot_and_quit (TdWindow *self, const char *path)
{
  td_screenshot_after_paint (GTK_WIDGET (self), path, G_CALLBACK (quit_after_screenshot), NULL);
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
  GtkRoot *root = gtk_widget_get_root (from);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   error ? error->message : NULL);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
td_window_toast (GtkWidget *from, AdwToast *toast)
{
  TdWindow *self = window_of (from);

  if (self == NULL)
    {
      g_object_unref (toast);
      return;
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
td_window_toast_text (GtkWidget *from, const char *text)
{
  td_window_toast (from, adw_toast_new (text));
}

static GtkWidget *
create_sidebar_row (gpointer item, gpointer user_data)
{
  GtkStackPage *page = GTK_STACK_PAGE (item);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (gtk_stack_page_get_icon_name (page));
  GtkWidget *label = gtk_label_new (gtk_stack_page_get_title (page));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

static void
on_row_selected (GtkListBox *list, GtkListBoxRow *row, TdWindow *self)
{
  g_autoptr (GtkSelectionModel) pages = NULL;
  g_autoptr (GObject) page = NULL;

  if (row == NULL)
    return;
  pages = gtk_stack_get_pages (self->stack);
  page = g_list_model_get_item (G_LIST_MODEL (pages), gtk_list_box_row_get_index (row));
  gtk_stack_set_visible_child (self->stack, gtk_stack_page_get_child (GTK_STACK_PAGE (page)));
}

static void
on_row_activated (GtkListBox *list, GtkListBoxRow *row, TdWindow *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
on_visible_child (GtkStack *stack, GParamSpec *pspec, TdWindow *self)
{
  g_autoptr (GtkSelectionModel) pages = gtk_stack_get_pages (stack);
  GtkWidget *child = gtk_stack_get_visible_child (stack);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (pages));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GObject) page = g_list_model_get_item (G_LIST_MODEL (pages), i);

      if (gtk_stack_page_get_child (GTK_STACK_PAGE (page)) == child)
        {
          GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->sidebar_list, i);
          if (row != NULL && gtk_list_box_get_selected_row (self->sidebar_list) != row)
            gtk_list_box_select_row (self->sidebar_list, row);
        }
    }
  update_titles (self);
}

static void
show_section_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdWindow *self = TD_WINDOW (widget);

  td_window_show_section (self, g_variant_get_string (param, NULL));
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
back_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdWindow *self = TD_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static GtkFileFilter *
database_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _ ("Thi Đua databases"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_filter_add_pattern (filter, "*.sqlite");
  gtk_file_filter_add_pattern (filter, "*.thidua");
  return filter;
}

static void
on_open_response (GtkNativeDialog *native, int response, TdWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree gchar *path = g_file_get_path (file);

      if (path != NULL)
        td_window_open_path (self, path, TD_DB_OPEN_DEFAULT);
    }
  g_object_unref (native);
}

static void
open_database_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdWindow *self = TD_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_ ("Open Database"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Open"), _ ("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), database_filter ());
  gtk_file_filter_set_name (all, _ ("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  g_signal_connect (native, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
on_new_response (GtkNativeDialog *native, int response, TdWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree gchar *path = g_file_get_path (file);

      if (path != NULL && g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_autoptr (GError) error = g_error_new (
              TD_ERROR, TD_ERROR_INVALID,
              _ ("A file named “%s” already exists. A new database never replaces a file: choose "
                 "another name, or open the existing file with Open Database."),
              g_file_peek_path (file));
          td_window_show_error (GTK_WIDGET (self), _ ("Could not create the database"), error);
        }
      else if (path != NULL)
        {
          if (!g_str_has_suffix (path, ".db"))
            {
              gchar *with_suffix = g_strconcat (path, ".db", NULL);
              g_free (path);
              path = with_suffix;
            }
          td_window_open_path (self, path, TD_DB_OPEN_CREATE);
        }
    }
  g_object_unref (native);
}

static void
new_database_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdWindow *self = TD_WINDOW (widget);
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_ ("New Database"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _ ("C_reate"), _ ("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), database_filter ());
  /* Translators: proposed file name of a new database; keep the .db ending */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _ ("Emulation bloc.db"));
  g_signal_connect (native, "response", G_CALLBACK (on_new_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
close_database_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdWindow *self = TD_WINDOW (widget);
  GSettings *settings = td_settings_get ();

  td_window_set_database (self, NULL, FALSE);
  if (settings != NULL)
    g_settings_set_string (settings, "last-database", "");
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

static void
bind_pages (TdWindow *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->stack)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GObjectClass *klass = G_OBJECT_GET_CLASS (child);

      if (g_object_class_find_property (klass, "database") != NULL)
        g_object_bind_property (self, "database", child, "database", G_BINDING_SYNC_CREATE);
      if (g_object_class_find_property (klass, "bloc-year-id") != NULL)
        g_object_bind_property (self, "bloc-year-id", child, "bloc-year-id", G_BINDING_SYNC_CREATE);
    }
}

static void
td_window_constructed (GObject *object)
{
  TdWindow *self = TD_WINDOW (object);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr (GtkSelectionModel) pages = gtk_stack_get_pages (self->stack);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (pages));
  GSettings *settings = td_settings_get ();

  G_OBJECT_CLASS (td_window_parent_class)->constructed (object);

  /* Alt+1 … Alt+9 open the sections in sidebar order. */
  for (guint i = 0; app != NULL && i < n && i < 9; i++)
    {
      g_autoptr (GObject) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      g_autofree gchar *action = g_strdup_printf ("win.show-section::%s",
                                                  gtk_stack_page_get_name (GTK_STACK_PAGE (page)));
      g_autofree gchar *accel = g_strdup_printf ("<Alt>%u", i + 1);

      gtk_application_set_accels_for_action (app, action, (const char *[]){ accel, NULL });
    }

  if (settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self), g_settings_get_int (settings, "window-width"),
                                   g_settings_get_int (settings, "window-height"));
      if (g_settings_get_boolean (settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
}

static void
td_window_dispose (GObject *object)
{
  TdWindow *self = TD_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_WINDOW);
  g_clear_object (&self->database);
  G_OBJECT_CLASS (td_window_parent_class)->dispose (object);
}

static void
td_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TdWindow *self = TD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    case PROP_BLOC_YEAR_ID:
      g_value_set_int64 (value, self->bloc_year_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_window_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  TdWindow *self = TD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      td_window_set_database (self, g_value_get_object (value), FALSE);
      break;
    case PROP_BLOC_YEAR_ID:
      td_window_set_bloc_year_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_window_class_init (TdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = td_window_constructed;
  object_class->dispose = td_window_dispose;
  object_class->get_property = td_window_get_property;
  object_class->set_property = td_window_set_property;
  window_class->close_request = td_window_close_request;

  properties[PROP_DATABASE]
      = g_param_spec_object ("database", NULL, NULL, TD_TYPE_DB,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BLOC_YEAR_ID]
      = g_param_spec_int64 ("bloc-year-id", NULL, NULL, 0, G_MAXINT64, 0,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TD_TYPE_OVERVIEW_PAGE);
  g_type_ensure (TD_TYPE_RANKING_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/ThiDua/ui/td-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, sidebar_separator);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, header_start_box);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, notice_revealer);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, notice_label);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_child);

  gtk_widget_class_install_action (widget_class, "win.show-section", "s", show_section_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.open-database", NULL, open_database_action);
  gtk_widget_class_install_action (widget_class, "win.new-database", NULL, new_database_action);
  gtk_widget_class_install_action (widget_class, "win.close-database", NULL, close_database_action);
}

static void
td_window_init (TdWindow *self)
{
  g_autoptr (GtkSelectionModel) pages = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Set here rather than with an AdwLeafletPage in the template: libadwaita
   * 1.2 disposes such a page after its child and fails a critical. */
  adw_leaflet_page_set_navigatable (adw_leaflet_get_page (self->leaflet, self->sidebar_separator),
                                    FALSE);

  pages = gtk_stack_get_pages (self->stack);
  gtk_list_box_bind_model (self->sidebar_list, G_LIST_MODEL (pages), create_sidebar_row, NULL,
                           NULL);
  gtk_list_box_select_row (self->sidebar_list,
                           gtk_list_box_get_row_at_index (self->sidebar_list, 0));
  bind_pages (self);
  update_titles (self);
  update_actions (self);
}

TdWindow *
td_window_new (TdApplication *application)
{
  return g_object_new (TD_TYPE_WINDOW, "application", application, NULL);
}
