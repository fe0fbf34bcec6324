/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TdSectionPage under Xvfb: a section reads its data when it is shown, not
 * while hidden; a burst of changes reloads once; its window-wide shortcuts
 * reach the window's shortcut manager; its menu items and sheet are what
 * the class declared.  A small section made here stands for the real ones. */
#include "config.h"

#include "td-section-page.h"
#include "td-sheet-builders.h"
#include "td-test-util.h"

#define TD_TYPE_PROBE_SECTION (td_probe_section_get_type ())
G_DECLARE_FINAL_TYPE (TdProbeSection, td_probe_section, TD, PROBE_SECTION, TdSectionPage)

struct _TdProbeSection
{
  TdSectionPage parent_instance;
  guint reloads;
  guint contexts;
  guint pokes;
  gint64 reloaded_bloc_year;
};

G_DEFINE_FINAL_TYPE (TdProbeSection, td_probe_section, TD_TYPE_SECTION_PAGE)

static void
probe_reload (TdSectionPage *page)
{
  TdProbeSection *self = TD_PROBE_SECTION (page);

  self->reloads++;
  self->reloaded_bloc_year = td_section_page_get_bloc_year_id (page);
}

/* As the sections do: scores typed elsewhere do not concern it, other
 * changes reload once the window is idle. */
static void
probe_refresh (TdSectionPage *page, const char *what)
{
  if (g_strcmp0 (what, "entries") != 0)
    td_section_page_queue_reload (page);
}

static void
probe_context_changed (TdSectionPage *page)
{
  TD_PROBE_SECTION (page)->contexts++;
}

static void
poke_action (GtkWidget *widget, const char *name, GVariant *param)
{
  TD_PROBE_SECTION (widget)->pokes++;
}

static void
td_probe_section_class_init (TdProbeSectionClass *klass)
{
  TdSectionPageClass *section_class = TD_SECTION_PAGE_CLASS (klass);

  section_class->reload = probe_reload;
  section_class->refresh = probe_refresh;
  section_class->context_changed = probe_context_changed;
  td_section_page_class_set_section (section_class, "probe", "Probe", "starred-symbolic",
                                     TD_SHEET_CALENDAR);
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "probe.poke", NULL, poke_action);
  td_section_page_class_add_shortcut (section_class, TD_SHORTCUT_WINDOW, GDK_KEY_k,
                                      GDK_CONTROL_MASK, "probe.poke", NULL);
  td_section_page_class_add_shortcut (section_class, TD_SHORTCUT_FOCUS, GDK_KEY_Delete, 0,
                                      "probe.poke", NULL);
  td_section_page_class_add_menu_item (section_class, "Poke", "probe.poke");
}

static void
td_probe_section_init (TdProbeSection *self)
{
  adw_bin_set_child (ADW_BIN (self), gtk_label_new ("probe"));
}

typedef struct
{
  GtkWindow *window;
  GtkStack *stack;
  GtkWidget *other;
  TdProbeSection *probe;
  TdDb *db;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->window = GTK_WINDOW (gtk_window_new ());
  f->stack = GTK_STACK (gtk_stack_new ());
  f->other = gtk_label_new ("another section");
  f->probe = g_object_new (TD_TYPE_PROBE_SECTION, NULL);
  gtk_stack_add_named (f->stack, f->other, "other");
  gtk_stack_add_named (f->stack, GTK_WIDGET (f->probe), "probe");
  gtk_window_set_child (f->window, GTK_WIDGET (f->stack));
  gtk_window_present (f->window);
  td_test_wait_drawn (GTK_WIDGET (f->window));
  f->db = td_db_new_memory (&error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (f->window);
  td_test_iterate ();
  g_clear_object (&f->db);
}

static void
show (Fixture *f, GtkWidget *child)
{
  gtk_stack_set_visible_child (f->stack, child);
  td_test_iterate ();
}

static void
test_reload_when_shown (Fixture *f, gconstpointer data)
{
  TdSectionPage *page = TD_SECTION_PAGE (f->probe);

  /* Hidden: nothing is read, however often the context changes. */
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (f->probe)));
  g_assert_cmpuint (f->probe->reloads, ==, 0);
  g_object_set (f->probe, "database", f->db, "bloc-year-id", (gint64)7, NULL);
  g_assert_true (td_section_page_get_database (page) == f->db);
  g_assert_cmpuint (f->probe->reloads, ==, 0);
  g_assert_cmpuint (f->probe->contexts, ==, 2);

  /* Shown: read once, with the bloc-year set meanwhile. */
  show (f, GTK_WIDGET (f->probe));
  g_assert_cmpuint (f->probe->reloads, ==, 1);
  g_assert_cmpint (f->probe->reloaded_bloc_year, ==, 7);

  /* Shown, a change of bloc-year reads at once. */
  td_section_page_set_bloc_year_id (page, 8);
  g_assert_cmpuint (f->probe->reloads, ==, 2);
  g_assert_cmpint (f->probe->reloaded_bloc_year, ==, 8);

  /* A burst of changes reloads once, when the window is idle; a change
   * that does not concern the section reloads nothing. */
  td_db_notify_changed (f->db, "registry");
  td_db_notify_changed (f->db, "registry");
  td_db_notify_changed (f->db, "campaigns");
  g_assert_cmpuint (f->probe->reloads, ==, 2);
  td_test_iterate ();
  g_assert_cmpuint (f->probe->reloads, ==, 3);
  td_db_notify_changed (f->db, "entries");
  td_test_iterate ();
  g_assert_cmpuint (f->probe->reloads, ==, 3);

  /* Hidden again: changes wait; a getter may ask for the current state. */
  show (f, f->other);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (f->probe)));
  td_db_notify_changed (f->db, "registry");
  td_test_iterate ();
  g_assert_cmpuint (f->probe->reloads, ==, 3);
  td_section_page_ensure_loaded (page);
  g_assert_cmpuint (f->probe->reloads, ==, 4);
  td_section_page_ensure_loaded (page);
  g_assert_cmpuint (f->probe->reloads, ==, 4);
  td_db_notify_changed (f->db, "registry");
  td_section_page_set_bloc_year_id (page, 9);
  g_assert_cmpuint (f->probe->reloads, ==, 4);
  show (f, GTK_WIDGET (f->probe));
  g_assert_cmpuint (f->probe->reloads, ==, 5);
  g_assert_cmpint (f->probe->reloaded_bloc_year, ==, 9);

  /* A closed database is not listened to any more. */
  td_section_page_set_database (page, NULL);
  g_assert_cmpuint (f->probe->reloads, ==, 6);
  td_db_notify_changed (f->db, "registry");
  td_test_iterate ();
  g_assert_cmpuint (f->probe->reloads, ==, 6);
}

/* The GtkShortcut of @controller (or of the list models it holds) whose
 * trigger reads @accel. */
static GtkShortcut *
find_shortcut (GListModel *controller, const char *accel)
{
  for (guint i = 0; i < g_list_model_get_n_items (controller); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (controller, i);
      g_autofree gchar *trigger = NULL;

      if (!GTK_IS_SHORTCUT (item))
        continue;
      trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (GTK_SHORTCUT (item)));
      if (g_strcmp0 (trigger, accel) == 0)
        return GTK_SHORTCUT (item);
    }
  return NULL;
}

/* A shortcut controller of @widget that holds @accel, and its scope. */
static GtkShortcutController *
controller_with (GtkWidget *widget, const char *accel)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_SHORTCUT_CONTROLLER (controller)
          && find_shortcut (G_LIST_MODEL (controller), accel) != NULL)
        return GTK_SHORTCUT_CONTROLLER (controller);
    }
  return NULL;
}

static void
test_shortcuts_and_menu (Fixture *f, gconstpointer data)
{
  TdSectionPageClass *klass = TD_SECTION_PAGE_GET_CLASS (f->probe);
  GtkShortcutController *controller;
  GtkShortcut *shortcut;
  GMenuModel *menu;
  g_autofree gchar *label = NULL;
  g_autoptr (GMenuModel) section = NULL;

  g_assert_cmpstr (td_section_page_class_get_name (klass), ==, "probe");
  g_assert_cmpstr (td_section_page_class_get_title (klass), ==, "Probe");
  g_assert_cmpstr (td_section_page_class_get_icon_name (klass), ==, "starred-symbolic");
  g_assert_cmpstr (td_section_page_get_sheet_for_print (TD_SECTION_PAGE (f->probe)), ==,
                   TD_SHEET_CALENDAR);
  g_assert_cmpuint (g_list_model_get_n_items (td_section_page_class_get_shortcuts (klass)), ==, 2);

  /* Window-wide: a managed controller, which the window's shortcut
   * manager runs wherever the focus is, while the section is mapped. */
  controller = controller_with (GTK_WIDGET (f->probe), "<Control>k");
  g_assert_nonnull (controller);
  g_assert_cmpint (gtk_shortcut_controller_get_scope (controller), ==, GTK_SHORTCUT_SCOPE_MANAGED);
  controller = controller_with (GTK_WIDGET (f->window), "<Control>k");
  g_assert_nonnull (controller);
  shortcut = find_shortcut (G_LIST_MODEL (controller), "<Control>k");
  show (f, GTK_WIDGET (f->probe));
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                               GTK_WIDGET (f->probe),
                                               gtk_shortcut_get_arguments (shortcut)));
  g_assert_cmpuint (f->probe->pokes, ==, 1);

  /* Focus only: the section's own key bindings, not the window's. */
  controller = controller_with (GTK_WIDGET (f->probe), "Delete");
  g_assert_nonnull (controller);
  g_assert_cmpint (gtk_shortcut_controller_get_scope (controller), ==, GTK_SHORTCUT_SCOPE_LOCAL);
  g_assert_null (controller_with (GTK_WIDGET (f->window), "Delete"));

  /* The menu: one section per class, the items in order. */
  menu = td_section_page_get_menu (TD_SECTION_PAGE (f->probe));
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 1);
  section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
  g_assert_cmpint (g_menu_model_get_n_items (section), ==, 1);
  g_assert_true (g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_LABEL, "s", &label));
  g_assert_cmpstr (label, ==, "Poke");
}

int
main (int argc, char **argv)
{
  td_test_init (&argc, &argv);
  g_test_add ("/section-page/reload-when-shown", Fixture, NULL, fixture_set_up,
              test_reload_when_shown, fixture_tear_down);
  g_test_add ("/section-page/shortcuts-and-menu", Fixture, NULL, fixture_set_up,
              test_shortcuts_and_menu, fixture_tear_down);
  return g_test_run ();
}
