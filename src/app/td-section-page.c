/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The base of every section of the main window.
 *
 * A section is one class, one .ui file and one line in the window's list
 * of sections (td-window.c).  Its class_init names it
 * (td_section_page_class_set_section), declares its shortcuts and menu
 * items, and overrides reload (read everything for the database and
 * bloc-year) and, when some changes do not concern it, refresh.  The base
 * owns the rest:
 *
 *   TdWindow ──"database", "bloc-year-id" (bound)──▶ TdSectionPage
 *   TdDb ::changed (what) ──▶ refresh ──▶ reload now      (shown)
 *                                      └─▶ stale, reload when mapped (hidden)
 *
 * so a hidden section costs nothing while the clerk types scores in
 * another, and one shown is always current.  Its shortcuts with
 * TD_SHORTCUT_WINDOW are a managed GtkShortcutController: GTK runs them
 * wherever the focus is in the window, and only while the section is
 * mapped, so two sections may both use Ctrl+N. */
#include "config.h"

#include "td-section-page.h"
#include "td-a11y.h"
#include "td-db-follow.h"

#include <glib/gi18n.h>

typedef struct
{
  TdDbFollow database;
  gint64 bloc_year_id;
  guint reload_source;
  guint name_source; /* names what the last reload built, when idle */
  gboolean stale;    /* changed while hidden: reload when shown */
} TdSectionPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (TdSectionPage, td_section_page, ADW_TYPE_BIN)

enum
{
  PROP_DATABASE = TD_CONTEXT_PROP_DATABASE,
  PROP_BLOC_YEAR_ID,
  PROP_MENU_MODEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Per class, not inherited by copy: the class struct of a subclass starts
 * as a copy of its parent's, so lists live in the type's qdata instead. */
static GQuark shortcuts_quark;
static GQuark window_shortcuts_quark;
static GQuark menu_quark;
static GQuark type_menu_quark;

static GListStore *
class_list (TdSectionPageClass *klass, GQuark quark, GType item_type)
{
  GType type = G_TYPE_FROM_CLASS (klass);
  GListStore *store = g_type_get_qdata (type, quark);

  if (store == NULL)
    {
      store = g_list_store_new (item_type);
      g_type_set_qdata (type, quark, store); /* lives as long as the type */
    }
  return store;
}

void
td_section_page_class_set_section (TdSectionPageClass *klass, const char *name, const char *title,
                                   const char *icon_name, const char *sheet)
{
  g_autofree char *template = g_strdup_printf ("/com/example/ThiDua/ui/td-%s-page.ui", name);

  klass->name = name;
  klass->title = title;
  klass->icon_name = icon_name;
  klass->sheet = sheet;
  /* A section built in code (the tests' probe) has none. */
  if (g_resources_get_info (template, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL))
    gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass), template);
}

void
td_section_page_class_add_shortcut (TdSectionPageClass *klass, TdShortcutScope scope, guint keyval,
                                    GdkModifierType mods, const char *action_name,
                                    const char *format_string, ...)
{
  GVariant *args = NULL;
  GtkShortcut *shortcut;

  if (format_string != NULL)
    {
      va_list ap;

      va_start (ap, format_string);
      args = g_variant_new_va (format_string, NULL, &ap);
      va_end (ap);
    }
  shortcut = gtk_shortcut_new_with_arguments (gtk_keyval_trigger_new (keyval, mods),
                                              gtk_named_action_new (action_name), NULL, NULL);
  if (args != NULL)
    gtk_shortcut_set_arguments (shortcut, args);
  g_list_store_append (class_list (klass, shortcuts_quark, GTK_TYPE_SHORTCUT), shortcut);
  if (scope == TD_SHORTCUT_WINDOW)
    g_list_store_append (class_list (klass, window_shortcuts_quark, GTK_TYPE_SHORTCUT), shortcut);
  else
    gtk_widget_class_add_shortcut (GTK_WIDGET_CLASS (klass), shortcut);
  g_object_unref (shortcut);
}

void
td_section_page_class_add_shortcuts (TdSectionPageClass *klass, const TdSectionShortcut *shortcuts,
                                     gsize n_shortcuts)
{
  for (gsize i = 0; i < n_shortcuts; i++)
    td_section_page_class_add_shortcut (klass, shortcuts[i].scope, shortcuts[i].keyval,
                                        shortcuts[i].mods, shortcuts[i].action_name,
                                        shortcuts[i].target ? "s" : NULL, shortcuts[i].target);
}

void
td_section_page_class_add_menu_item (TdSectionPageClass *klass, const char *label,
                                     const char *detailed_action)
{
  GListStore *items = class_list (klass, menu_quark, G_TYPE_MENU_ITEM);
  g_autoptr (GMenuItem) item = g_menu_item_new (label, detailed_action);

  g_list_store_append (items, item);
}

const char *
td_section_page_class_get_name (TdSectionPageClass *klass)
{
  return klass->name;
}

const char *
td_section_page_class_get_title (TdSectionPageClass *klass)
{
  return klass->title ? _ (klass->title) : NULL;
}

const char *
td_section_page_class_get_icon_name (TdSectionPageClass *klass)
{
  return klass->icon_name;
}

GListModel *
td_section_page_class_get_shortcuts (TdSectionPageClass *klass)
{
  return G_LIST_MODEL (class_list (klass, shortcuts_quark, GTK_TYPE_SHORTCUT));
}

/* ---- reloading ---- */

static gboolean
name_unnamed_idle (gpointer data)
{
  TdSectionPage *self = data;
  TdSectionPagePrivate *priv = td_section_page_get_instance_private (self);

  priv->name_source = 0;
  td_a11y_name_unnamed (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

static void
reload_now (TdSectionPage *self)
{
  TdSectionPagePrivate *priv = td_section_page_get_instance_private (self);

  priv->stale = FALSE;
  g_clear_handle_id (&priv->reload_source, g_source_remove);
  TD_SECTION_PAGE_GET_CLASS (self)->reload (self);
  /* Rows and buttons made by the reload get their accessible names. */
  if (priv->name_source == 0)
    priv->name_source = g_idle_add_full (G_PRIORITY_LOW, name_unnamed_idle, self, NULL);
}

void
td_section_page_reload_when_shown (TdSectionPage *self)
{
  TdSectionPagePrivate *priv = td_section_page_get_instance_private (self);

  g_return_if_fail (TD_IS_SECTION_PAGE (self));
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload_now (self);
  else
    priv->stale = TRUE;
}

static gboolean
reload_idle (gpointer data)
{
  TdSectionPage *self = data;
  TdSectionPagePrivate *priv = td_section_page_get_instance_private (self);

  priv->reload_source = 0;
  reload_now (self);
  return G_SOURCE_REMOVE;
}

void
td_section_page_queue_reload (TdSectionPage *self)
{
  TdSectionPagePrivate *priv = td_section_page_get_instance_private (self);

  g_return_if_fail (TD_IS_SECTION_PAGE (self));
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    priv->stale = TRUE;
  else if (priv->reload_source == 0)
    priv->reload_source = g_idle_add (reload_idle, self);
}

void
td_section_page_ensure_loaded (TdSectionPage *self)
{
  TdSectionPagePrivate *priv = td_section_page_get_instance_private (self);

  g_return_if_fail (TD_IS_SECTION_PAGE (self));
  if (priv->stale || priv->reload_source != 0)
    reload_now (self);
}

static void
td_section_page_real_refresh (TdSectionPage *self, const char *what)
{
  td_section_page_reload_when_shown (self);
}

static const char *
td_section_page_real_sheet_for_print (TdSectionPage *self)
{
  return TD_SECTION_PAGE_GET_CLASS (self)->sheet;
}

static void
on_database_changed (TdDb *db, const char *what, TdSectionPage *self)
{
  TD_SECTION_PAGE_GET_CLASS (self)->refresh (self, what);
}

static void
td_section_page_map (GtkWidget *widget)
{
  TdSectionPage *self = TD_SECTION_PAGE (widget);
  TdSectionPagePrivate *priv = td_section_page_get_instance_private (self);

  GTK_WIDGET_CLASS (td_section_page_parent_class)->map (widget);
  /* Mapped, before anything is drawn: the first frame shows the new
   * contents, and a section may tell the rows on screen from the others. */
  if (priv->stale)
    reload_now (self);
}

/* ---- properties ---- */

static void
context_changed (TdSectionPage *self)
{
  TdSectionPageClass *klass = TD_SECTION_PAGE_GET_CLASS (self);

  if (klass->context_changed != NULL)
    klass->context_changed (self);
}

TdDb *
td_section_page_get_database (TdSectionPage *self)
{
  TdSectionPagePrivate *priv = td_section_page_get_instance_private (self);

  g_return_val_if_fail (TD_IS_SECTION_PAGE (self), NULL);
  return priv->database.db;
}

void
td_section_page_set_database (TdSectionPage *self, TdDb *db)
{
  TdSectionPagePrivate *priv = td_section_page_get_instance_private (self);

  g_return_if_fail (TD_IS_SECTION_PAGE (self));
  if (priv->database.db == db)
    return;
  context_changed (self);
  td_db_follow_set (&priv->database, db, G_CALLBACK (on_database_changed), self);
  td_section_page_reload_when_shown (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

gint64
td_section_page_get_bloc_year_id (TdSectionPage *self)
{
  TdSectionPagePrivate *priv = td_section_page_get_instance_private (self);

  g_return_val_if_fail (TD_IS_SECTION_PAGE (self), 0);
  return priv->bloc_year_id;
}

void
td_section_page_set_bloc_year_id (TdSectionPage *self, gint64 bloc_year_id)
{
  TdSectionPagePrivate *priv = td_section_page_get_instance_private (self);

  g_return_if_fail (TD_IS_SECTION_PAGE (self));
  if (priv->bloc_year_id == bloc_year_id)
    return;
  context_changed (self);
  priv->bloc_year_id = bloc_year_id;
  td_section_page_reload_when_shown (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BLOC_YEAR_ID]);
}

gboolean
td_section_page_is_writable (TdSectionPage *self)
{
  TdDb *db = td_section_page_get_database (self);

  return db != NULL && !td_db_is_read_only (db);
}

const char *
td_section_page_get_sheet_for_print (TdSectionPage *self)
{
  g_return_val_if_fail (TD_IS_SECTION_PAGE (self), NULL);
  return TD_SECTION_PAGE_GET_CLASS (self)->sheet_for_print (self);
}

/* The menu of the section's type: the items of each class from the base
 * down, one menu section per class.  The items are the classes', so every
 * instance shares the menu, made the first time it is asked for. */
GMenuModel *
td_section_page_get_menu (TdSectionPage *self)
{
  GType type = G_OBJECT_TYPE (self);
  GMenu *menu = g_type_get_qdata (type, type_menu_quark);
  g_autoptr (GPtrArray) types = NULL;

  g_return_val_if_fail (TD_IS_SECTION_PAGE (self), NULL);
  if (menu != NULL)
    return G_MENU_MODEL (menu);
  menu = g_menu_new ();
  g_type_set_qdata (type, type_menu_quark, menu); /* lives as long as the type */
  types = g_ptr_array_new ();
  for (GType t = type; t != TD_TYPE_SECTION_PAGE; t = g_type_parent (t))
    g_ptr_array_insert (types, 0, GSIZE_TO_POINTER (t));
  for (guint i = 0; i < types->len; i++)
    {
      GListModel *items = g_type_get_qdata (GPOINTER_TO_SIZE (types->pdata[i]), menu_quark);
      g_autoptr (GMenu) section = NULL;

      if (items == NULL || g_list_model_get_n_items (items) == 0)
        continue;
      section = g_menu_new ();
      for (guint j = 0; j < g_list_model_get_n_items (items); j++)
        {
          g_autoptr (GMenuItem) item = g_list_model_get_item (items, j);
          g_menu_append_item (section, item);
        }
      g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
    }
  return G_MENU_MODEL (menu);
}

GtkWindow *
td_section_page_get_window (TdSectionPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* ---- object ---- */

static void
add_window_shortcuts (TdSectionPage *self)
{
  GtkEventController *controller = NULL;

  for (GType t = G_OBJECT_TYPE (self); t != TD_TYPE_SECTION_PAGE; t = g_type_parent (t))
    {
      GListModel *shortcuts = g_type_get_qdata (t, window_shortcuts_quark);

      for (guint i = 0; shortcuts != NULL && i < g_list_model_get_n_items (shortcuts); i++)
        {
          if (controller == NULL)
            {
              controller = gtk_shortcut_controller_new ();
              gtk_event_controller_set_name (controller, "td-section-shortcuts");
              gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller),
                                                 GTK_SHORTCUT_SCOPE_MANAGED);
            }
          gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                                g_list_model_get_item (shortcuts, i));
        }
    }
  if (controller != NULL)
    gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* Not in init: while the base's init runs, the instance's type is still
 * the base's, not the section's. */
static void
td_section_page_constructed (GObject *object)
{
  TdSectionPage *self = TD_SECTION_PAGE (object);

  G_OBJECT_CLASS (td_section_page_parent_class)->constructed (object);
  add_window_shortcuts (self);
}

static void
td_section_page_dispose (GObject *object)
{
  TdSectionPage *self = TD_SECTION_PAGE (object);
  TdSectionPagePrivate *priv = td_section_page_get_instance_private (self);

  g_clear_handle_id (&priv->reload_source, g_source_remove);
  g_clear_handle_id (&priv->name_source, g_source_remove);
  td_db_follow_clear (&priv->database);
  /* AdwBin unparents its child itself: a section never calls
   * gtk_widget_dispose_template(). */
  G_OBJECT_CLASS (td_section_page_parent_class)->dispose (object);
}

static void
td_section_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  if (prop_id == PROP_MENU_MODEL)
    g_value_set_object (value, td_section_page_get_menu (TD_SECTION_PAGE (object)));
  else
    td_context_get_property (object, prop_id, value, pspec);
}

static const TdContextAccessors context_accessors
    = TD_CONTEXT_ACCESSORS (td_section_page_get_database, td_section_page_set_database,
                            td_section_page_get_bloc_year_id, td_section_page_set_bloc_year_id);

static void
td_section_page_class_init (TdSectionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = td_section_page_constructed;
  object_class->dispose = td_section_page_dispose;
  widget_class->map = td_section_page_map;
  klass->refresh = td_section_page_real_refresh;
  klass->sheet_for_print = td_section_page_real_sheet_for_print;

  shortcuts_quark = g_quark_from_static_string ("td-section-shortcuts");
  window_shortcuts_quark = g_quark_from_static_string ("td-section-window-shortcuts");
  menu_quark = g_quark_from_static_string ("td-section-menu");
  type_menu_quark = g_quark_from_static_string ("td-section-type-menu");

  td_db_follow_class_install_context (object_class, &context_accessors, properties);
  object_class->get_property = td_section_page_get_property;
  /**
   * TdSectionPage:menu-model:
   *
   * The section's menu items (td_section_page_class_add_menu_item), for a
   * menu button of the section's own.
   */
  properties[PROP_MENU_MODEL] = g_param_spec_object ("menu-model", NULL, NULL, G_TYPE_MENU_MODEL,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
td_section_page_init (TdSectionPage *self)
{
  TdSectionPagePrivate *priv = td_section_page_get_instance_private (self);

  /* Nothing is read until the section is first shown. */
  priv->stale = TRUE;
}
