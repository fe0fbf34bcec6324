/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The "choose a bloc and year" empty state of the Criteria and Scores
 * sections.
 *
 * Criteria and scores belong to one bloc in one year, so these sections are
 * empty until one is chosen.  Rather than only pointing elsewhere, the
 * prompt lists the database's bloc-years (newest first) and makes the
 * chosen one the window's current bloc-year. */
#include "config.h"

#include "td-bloc-year-prompt.h"
#include "td-db-follow.h"
#include "td-registry.h"
#include "td-window.h"
#include "td-template.h"

#include <glib/gi18n.h>

struct _TdBlocYearPrompt
{
  AdwBin parent_instance;

  AdwStatusPage *status_page;
  GtkListBox *list;

  TdDbFollow database;
};

G_DEFINE_FINAL_TYPE (TdBlocYearPrompt, td_bloc_year_prompt, ADW_TYPE_BIN)

static void
on_row_activated (GtkListBox *list, GtkListBoxRow *row, TdBlocYearPrompt *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "bloc-year-id"));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (TD_IS_WINDOW (root))
    td_window_set_bloc_year_id (TD_WINDOW (root), id);
}

void
td_bloc_year_prompt_refresh (TdBlocYearPrompt *self)
{
  g_autoptr (GPtrArray) blocs = NULL;
  GtkWidget *child;
  guint n_rows = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  if (self->database.db != NULL)
    blocs = td_registry_list_blocs (self->database.db, NULL);
  for (guint i = 0; blocs != NULL && i < blocs->len; i++)
    {
      TdBloc *bloc = g_ptr_array_index (blocs, i);
      g_autoptr (GArray) years = td_registry_list_years (self->database.db, bloc->id, NULL);

      /* The registry lists the newest year first: the one a clerk works on. */
      for (guint j = 0; years != NULL && j < years->len; j++)
        {
          gint year = g_array_index (years, gint, j);
          gint64 id = td_registry_find_bloc_year (self->database.db, bloc->id, year, NULL);
          g_autofree gchar *subtitle = g_strdup_printf (_ ("Year %d"), year);
          GtkWidget *row = adw_action_row_new ();

          if (id == 0)
            continue;
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bloc->name);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     gtk_image_new_from_icon_name ("go-next-symbolic"));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          g_object_set_data (G_OBJECT (row), "bloc-year-id", GSIZE_TO_POINTER ((gsize)id));
          gtk_list_box_append (self->list, row);
          n_rows++;
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->list), n_rows > 0);
  if (self->database.db == NULL)
    adw_status_page_set_description (
        self->status_page, _ ("No database is open. Open one, or explore the demo, from the "
                              "Overview."));
  else
    adw_status_page_set_description (
        self->status_page,
        n_rows > 0 ? _ ("Criteria and scores belong to one bloc in one year. Choose which one to "
                        "work on.")
                   : _ ("This database has no bloc yet. Add a bloc, its year and its member "
                        "units in the registry first."));
}

static void
on_database_changed (TdDb *db, const char *what, TdBlocYearPrompt *self)
{
  /* Only blocs and years are listed: a score typed (many a minute) must
   * not rebuild the list on every page. */
  if (what == NULL || g_str_equal (what, "registry") || g_str_equal (what, "new-year")
      || g_str_equal (what, "restore"))
    td_bloc_year_prompt_refresh (self);
}

static void
td_bloc_year_prompt_dispose (GObject *object)
{
  td_db_follow_clear (&TD_BLOC_YEAR_PROMPT (object)->database);
  /* AdwBin unparents its child itself (no gtk_widget_dispose_template). */
  G_OBJECT_CLASS (td_bloc_year_prompt_parent_class)->dispose (object);
}

static void
td_bloc_year_prompt_class_init (TdBlocYearPromptClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_bloc_year_prompt_dispose;
  td_db_follow_class_install (object_class, G_STRUCT_OFFSET (TdBlocYearPrompt, database),
                              G_CALLBACK (on_database_changed),
                              (void (*) (gpointer))td_bloc_year_prompt_refresh);

  td_widget_class_set_template (widget_class, "td-bloc-year-prompt.ui");
  td_widget_class_bind_template_children (widget_class, TdBlocYearPrompt, status_page, list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
td_bloc_year_prompt_init (TdBlocYearPrompt *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  td_bloc_year_prompt_refresh (self);
}
