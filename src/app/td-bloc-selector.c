/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The bloc and year selector.
 *
 * Two linked drop-downs in the header bar: the bloc, then its year.  The
 * window binds its "database" and "bloc-year-id" to ours, so choosing here
 * moves every page.  The choice is remembered in GSettings (last-bloc-id,
 * last-year) and restored when a database opens; without a remembered
 * choice the newest year of the first bloc is shown.  Hidden while the
 * database has no bloc. */
#include "config.h"

#include "td-bloc-selector.h"
#include "td-db-follow.h"
#include "td-first-frame.h"
#include "td-application.h"
#include "td-registry.h"
#include "td-template.h"

#include <glib/gi18n.h>

struct _TdBlocSelector
{
  GtkBox parent_instance;

  GtkDropDown *bloc_dropdown;
  GtkDropDown *year_dropdown;
  GtkStringList *bloc_names;
  GtkStringList *year_names;

  GArray *bloc_ids;      /* parallel to bloc_names */
  GArray *bloc_year_ids; /* parallel to year_names */
  TdDbFollow database;
  gint64 bloc_year_id;
  gboolean updating;
  gboolean brief; /* only the bloc and year shown, until the first frame */
};

G_DEFINE_FINAL_TYPE (TdBlocSelector, td_bloc_selector, GTK_TYPE_BOX)

enum
{
  PROP_DATABASE = TD_CONTEXT_PROP_DATABASE,
  PROP_BLOC_YEAR_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Puts @strings in @list, leaving it alone when it already holds them: a
 * drop-down whose model changes rebuilds its rows, and switching year
 * must stay within a frame. */
static void
set_strings (GtkStringList *list, GPtrArray *strings)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  gboolean same = n == strings->len;

  for (guint i = 0; same && i < n; i++)
    same = g_strcmp0 (gtk_string_list_get_string (list, i), g_ptr_array_index (strings, i)) == 0;
  if (same)
    return;
  g_ptr_array_add (strings, NULL);
  gtk_string_list_splice (list, 0, n, (const char *const *)strings->pdata);
  g_ptr_array_remove_index (strings, strings->len - 1);
}

/* Before its window is first drawn, the drop-downs hold only the bloc and
 * year shown (a drop-down builds a row for every item, and a province has
 * forty blocs); the lists follow the first frame. Adds those two names and
 * returns TRUE while the brief lists are due. */
static gboolean
reload_brief (TdBlocSelector *self, GPtrArray *bloc_names, GPtrArray *year_names)
{
  g_autoptr (TdBlocYear) current = NULL;
  g_autoptr (TdBloc) bloc = NULL;

  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && !td_first_frame_pending (GTK_WIDGET (self)))
    return FALSE;
  if (self->database.db == NULL || self->bloc_year_id == 0
      || (current = td_registry_get_bloc_year (self->database.db, self->bloc_year_id, NULL)) == NULL
      || (bloc = td_registry_get_bloc (self->database.db, current->bloc_id, NULL)) == NULL)
    return FALSE;
  g_ptr_array_add (bloc_names, g_strdup (bloc->name));
  g_array_append_val (self->bloc_ids, bloc->id);
  g_ptr_array_add (year_names, g_strdup_printf ("%d", current->year));
  g_array_append_val (self->bloc_year_ids, current->id);
  return TRUE;
}

/* Fills both drop-downs from the database and selects the current year. */
static void
reload (TdBlocSelector *self)
{
  g_autoptr (GPtrArray) blocs = NULL;
  g_autoptr (TdBlocYear) current = NULL;
  g_autoptr (GPtrArray) bloc_names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) year_names = g_ptr_array_new_with_free_func (g_free);
  guint bloc_pos = GTK_INVALID_LIST_POSITION, year_pos = GTK_INVALID_LIST_POSITION;

  self->updating = TRUE;
  g_array_set_size (self->bloc_ids, 0);
  g_array_set_size (self->bloc_year_ids, 0);
  self->brief = reload_brief (self, bloc_names, year_names);
  if (self->brief)
    bloc_pos = year_pos = 0;

  if (!self->brief && self->database.db != NULL)
    blocs = td_registry_list_blocs (self->database.db, NULL);
  if (!self->brief && self->database.db != NULL && self->bloc_year_id != 0)
    current = td_registry_get_bloc_year (self->database.db, self->bloc_year_id, NULL);

  for (guint i = 0; blocs != NULL && i < blocs->len; i++)
    {
      TdBloc *bloc = blocs->pdata[i];

      g_ptr_array_add (bloc_names, g_strdup (bloc->name));
      g_array_append_val (self->bloc_ids, bloc->id);
      if (current != NULL && bloc->id == current->bloc_id)
        bloc_pos = i;
    }
  if (current != NULL)
    {
      g_autoptr (GArray) years = td_registry_list_years (self->database.db, current->bloc_id, NULL);

      for (guint i = 0; years != NULL && i < years->len; i++)
        {
          gint year = g_array_index (years, gint, i);
          gint64 id = td_registry_find_bloc_year (self->database.db, current->bloc_id, year, NULL);

          g_ptr_array_add (year_names, g_strdup_printf ("%d", year));
          g_array_append_val (self->bloc_year_ids, id);
          if (id == current->id)
            year_pos = i;
        }
    }
  set_strings (self->bloc_names, bloc_names);
  set_strings (self->year_names, year_names);
  gtk_drop_down_set_selected (self->bloc_dropdown, bloc_pos);
  gtk_drop_down_set_selected (self->year_dropdown, year_pos);
  gtk_widget_set_visible (GTK_WIDGET (self), bloc_names->len > 0);
  self->updating = FALSE;
}

static void
remember (TdBlocSelector *self)
{
  GSettings *settings = td_settings_get ();
  g_autoptr (TdBlocYear) by = NULL;

  if (settings == NULL || self->database.db == NULL || self->bloc_year_id == 0)
    return;
  by = td_registry_get_bloc_year (self->database.db, self->bloc_year_id, NULL);
  if (by == NULL)
    return;
  g_settings_set_int64 (settings, "last-bloc-id", by->bloc_id);
  g_settings_set_int (settings, "last-year", by->year);
}

static void
select_bloc_year (TdBlocSelector *self, gint64 bloc_year_id, gboolean remember_it)
{
  gboolean changed = self->bloc_year_id != bloc_year_id;

  self->bloc_year_id = bloc_year_id;
  reload (self);
  if (remember_it)
    remember (self);
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BLOC_YEAR_ID]);
}

/* The remembered bloc and year when this database has them, else the
 * newest year of the remembered bloc, else of the first bloc. */
static gint64
initial_bloc_year (TdBlocSelector *self)
{
  GSettings *settings = td_settings_get ();
  g_autoptr (GPtrArray) blocs = td_registry_list_blocs (self->database.db, NULL);
  gint64 id = 0;

  if (blocs == NULL || blocs->len == 0)
    return 0;
  if (settings != NULL)
    {
      gint64 bloc_id = g_settings_get_int64 (settings, "last-bloc-id");
      gint year = g_settings_get_int (settings, "last-year");

      for (guint i = 0; i < blocs->len; i++)
        if (((TdBloc *)blocs->pdata[i])->id == bloc_id)
          {
            id = td_registry_find_bloc_year (self->database.db, bloc_id, year, NULL);
            if (id == 0)
              id = td_registry_newest_bloc_year (self->database.db, bloc_id);
          }
    }
  if (id == 0)
    id = td_registry_newest_bloc_year (self->database.db, ((TdBloc *)blocs->pdata[0])->id);
  return id;
}

static void
on_database_changed (TdDb *db, const char *what, TdBlocSelector *self)
{
  g_autoptr (TdBlocYear) by = NULL;

  if (g_strcmp0 (what, "registry") != 0 && g_strcmp0 (what, "new-year") != 0)
    return;
  /* A first bloc-year just created: show it. */
  if (self->bloc_year_id == 0
      || (by = td_registry_get_bloc_year (db, self->bloc_year_id, NULL)) == NULL)
    select_bloc_year (self, initial_bloc_year (self), TRUE);
  else
    reload (self);
}

static void
set_database (TdBlocSelector *self, TdDb *db)
{
  if (!td_db_follow_set (&self->database, db, G_CALLBACK (on_database_changed), self))
    return;
  self->bloc_year_id = 0;
  select_bloc_year (self, db != NULL ? initial_bloc_year (self) : 0, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

typedef struct
{
  TdBlocSelector *self;
  gint64 bloc_id;
} BlocChange;

/* Refilling the drop-downs inside their own "notify::selected" makes
 * GtkDropDown select again, and again: change the bloc from idle. */
static gboolean
change_bloc_idle (gpointer data)
{
  BlocChange *change = data;
  TdBlocSelector *self = change->self;

  if (self->database.db != NULL)
    select_bloc_year (self, td_registry_newest_bloc_year (self->database.db, change->bloc_id),
                      TRUE);
  g_object_unref (self);
  g_free (change);
  return G_SOURCE_REMOVE;
}

static void
on_bloc_selected (GtkDropDown *dropdown, GParamSpec *pspec, TdBlocSelector *self)
{
  guint pos = gtk_drop_down_get_selected (dropdown);
  g_autoptr (TdBlocYear) current = NULL;
  BlocChange *change;
  gint64 bloc_id;

  if (self->updating || pos >= self->bloc_ids->len)
    return;
  bloc_id = g_array_index (self->bloc_ids, gint64, pos);
  current = td_registry_get_bloc_year (self->database.db, self->bloc_year_id, NULL);
  if (current != NULL && current->bloc_id == bloc_id)
    return;
  change = g_new0 (BlocChange, 1);
  change->self = g_object_ref (self);
  change->bloc_id = bloc_id;
  g_idle_add (change_bloc_idle, change);
}

/* Another year of the same bloc: the lists stay as they are. */
static void
on_year_selected (GtkDropDown *dropdown, GParamSpec *pspec, TdBlocSelector *self)
{
  guint pos = gtk_drop_down_get_selected (dropdown);
  gint64 id;

  if (self->updating || pos >= self->bloc_year_ids->len)
    return;
  id = g_array_index (self->bloc_year_ids, gint64, pos);
  if (id == self->bloc_year_id)
    return;
  self->bloc_year_id = id;
  remember (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BLOC_YEAR_ID]);
}

gint64
td_bloc_selector_get_bloc_year_id (TdBlocSelector *self)
{
  g_return_val_if_fail (TD_IS_BLOC_SELECTOR (self), 0);
  return self->bloc_year_id;
}

/* Shows @bloc_year_id (e.g. a year just started) and remembers it. */
void
td_bloc_selector_set_bloc_year_id (TdBlocSelector *self, gint64 bloc_year_id)
{
  g_return_if_fail (TD_IS_BLOC_SELECTOR (self));
  if (self->bloc_year_id == bloc_year_id)
    return;
  select_bloc_year (self, bloc_year_id, TRUE);
}

GtkWidget *
td_bloc_selector_new (void)
{
  return g_object_new (TD_TYPE_BLOC_SELECTOR, NULL);
}

static void
on_first_frame (GtkWidget *widget)
{
  TdBlocSelector *self = TD_BLOC_SELECTOR (widget);

  if (self->brief)
    reload (self);
}

static void
on_map (GtkWidget *widget, gpointer data)
{
  if (TD_BLOC_SELECTOR (widget)->brief)
    td_after_first_frame (widget, on_first_frame);
}

static void
td_bloc_selector_dispose (GObject *object)
{
  TdBlocSelector *self = TD_BLOC_SELECTOR (object);

  td_db_follow_clear (&self->database);
  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_BLOC_SELECTOR);
  G_OBJECT_CLASS (td_bloc_selector_parent_class)->dispose (object);
}

static void
td_bloc_selector_finalize (GObject *object)
{
  TdBlocSelector *self = TD_BLOC_SELECTOR (object);

  g_array_unref (self->bloc_ids);
  g_array_unref (self->bloc_year_ids);
  G_OBJECT_CLASS (td_bloc_selector_parent_class)->finalize (object);
}

static TdDb *
get_database (TdBlocSelector *self)
{
  return self->database.db;
}

static const TdContextAccessors context_accessors
    = TD_CONTEXT_ACCESSORS (get_database, set_database, td_bloc_selector_get_bloc_year_id,
                            td_bloc_selector_set_bloc_year_id);

static void
td_bloc_selector_class_init (TdBlocSelectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_bloc_selector_dispose;
  object_class->finalize = td_bloc_selector_finalize;
  td_db_follow_class_install_context (object_class, &context_accessors, properties);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  td_widget_class_set_template (widget_class, "td-bloc-selector.ui");
  td_widget_class_bind_template_children (widget_class, TdBlocSelector, bloc_dropdown,
                                          year_dropdown, bloc_names, year_names);
  td_widget_class_bind_template_callbacks (widget_class, on_bloc_selected, on_year_selected);
}

static void
td_bloc_selector_init (TdBlocSelector *self)
{
  self->bloc_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->bloc_year_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
}
