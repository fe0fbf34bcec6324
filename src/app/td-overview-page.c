/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Overview section.
 *
 * With no database open it is the welcome screen and offers the three ways
 * in (new, open, demo).  With a database it shows what the file holds and
 * the clerk's next step (create the bloc, add members, then the sections
 * that follow), with a button that goes there. */
#include "config.h"

#include "td-overview-page.h"
#include "td-db.h"
#include "td-first-frame.h"
#include "td-sheet-builders.h"
#include "td-upcoming-group.h"
#include "td-registry.h"
#include "td-template.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

struct _TdOverviewPage
{
  TdSectionPage parent_instance;

  GtkStack *stack;
  AdwPreferencesPage *summary_page;
  AdwPreferencesGroup *next_group;
  GtkLabel *next_title;
  GtkLabel *next_subtitle;
  GtkButton *next_button;
  TdRegistrySummary summary; /* as read by the last reload */

  /* Built when first needed (td-overview-welcome.ui, td-overview-details.ui),
   * NULL until then. */
  AdwStatusPage *welcome_page;
  AdwPreferencesGroup *registry_group;
  GtkLabel *units_count;
  GtkLabel *blocs_count;
  AdwActionRow *members_row;
  GtkLabel *members_count;
  AdwActionRow *campaigns_row;
  GtkLabel *campaigns_count;
  AdwPreferencesGroup *file_group;
  AdwActionRow *path_row;
  AdwActionRow *created_row;
  AdwActionRow *size_row;
  AdwActionRow *description_row;
};

G_DEFINE_FINAL_TYPE (TdOverviewPage, td_overview_page, TD_TYPE_SECTION_PAGE)

static void
set_count (GtkLabel *label, gint n)
{
  g_autofree gchar *text = g_strdup_printf ("%d", n);

  gtk_label_set_text (label, text);
}

/* What a new user does next, in the order a bloc is set up. */
static void
refresh_registry (TdOverviewPage *self, TdDb *db, gint64 bloc_year_id)
{
  TdRegistrySummary sum;
  const char *title, *subtitle, *button, *section;

  td_registry_get_summary (db, bloc_year_id, &sum);
  self->summary = sum;

  if (sum.n_blocs == 0)
    {
      title = _ ("Create your bloc");
      subtitle = _ ("Name the Khối or Cụm thi đua, its authority and place, and its first year.");
      button = _ ("_New Bloc…");
      section = "units";
    }
  else if (sum.n_members == 0)
    {
      title = _ ("Add member units");
      subtitle = _ ("Add the bloc's units one by one, paste a list, or start the year from the "
                    "previous one.");
      button = _ ("_Add Units");
      section = "units";
    }
  else if (sum.n_campaigns == 0)
    {
      title = _ ("Set up this year's campaign");
      subtitle = _ ("Record the campaign's window, slogan and targets.");
      button = _ ("Open _Campaigns");
      section = "campaigns";
    }
  else
    {
      title = _ ("The registry is ready");
      subtitle = _ ("Members, head, deputy and campaigns are set for this year. Check the head, "
                    "deputy and signatory before printing sheets.");
      button = _ ("Open _Units & Blocs");
      section = "units";
    }
  gtk_label_set_text (self->next_title, title);
  gtk_label_set_text (self->next_subtitle, subtitle);
  gtk_button_set_label (self->next_button, button);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->next_button), "s", section);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->next_button), "win.show-section");
}

static GObject *
builder_object (GtkBuilder *builder, const char *id)
{
  GObject *object = gtk_builder_get_object (builder, id);

  g_assert (object != NULL);
  return object;
}

/* Sets each named member of @self to the builder's object of that id, as
 * template children are bound (td-template.h). */
#define BUILDER_OBJECT_(builder, self, member)                                                     \
  (self)->member = (gpointer)builder_object (builder, #member);
#define builder_get_objects(builder, self, ...)                                                    \
  G_STMT_START{ TD_EACH (BUILDER_OBJECT_, builder, self, __VA_ARGS__) } G_STMT_END

/* The welcome page, the first time no file is open. */
static void
ensure_welcome (TdOverviewPage *self)
{
  g_autoptr (GtkBuilder) builder = NULL;

  if (self->welcome_page != NULL)
    return;
  builder = gtk_builder_new_from_resource ("/com/example/ThiDua/ui/td-overview-welcome.ui");
  self->welcome_page = ADW_STATUS_PAGE (builder_object (builder, "welcome_page"));
  adw_status_page_set_icon_name (self->welcome_page, "com.example.ThiDua");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->welcome_page), "welcome");
}

/* The registry and file groups, below the coming dates. */
static void
ensure_details (TdOverviewPage *self)
{
  g_autoptr (GtkBuilder) builder = NULL;

  if (self->registry_group != NULL)
    return;
  builder = gtk_builder_new_from_resource ("/com/example/ThiDua/ui/td-overview-details.ui");
  builder_get_objects (builder, self, registry_group, units_count, blocs_count, members_row,
                       members_count, campaigns_row, campaigns_count, file_group, path_row,
                       created_row, size_row, description_row);
  adw_preferences_page_add (self->summary_page, self->registry_group);
  adw_preferences_page_add (self->summary_page, self->file_group);
}

/* The registry's counts and the file's path, dates, size and description. */
static void
show_details (GtkWidget *widget)
{
  TdOverviewPage *self = TD_OVERVIEW_PAGE (widget);
  TdDb *db = td_section_page_get_database (TD_SECTION_PAGE (self));
  gint64 bloc_year_id = td_section_page_get_bloc_year_id (TD_SECTION_PAGE (self));
  const TdRegistrySummary *sum = &self->summary;
  g_autofree gchar *blocs = NULL;
  g_autofree gchar *created = NULL;
  g_autofree gchar *description = NULL;
  g_autofree gchar *size = NULL;
  const char *path;
  GStatBuf st;

  if (db == NULL)
    return;
  ensure_details (self);
  set_count (self->units_count, sum->n_units);
  /* Translators: counts on the overview, e.g. "1 blocs · 2 years" */
  blocs = g_strdup_printf (_ ("%d blocs · %d years"), sum->n_blocs, sum->n_years);
  gtk_label_set_text (self->blocs_count, blocs);
  set_count (self->members_count, sum->n_members);
  set_count (self->campaigns_count, sum->n_campaigns);
  gtk_widget_set_visible (GTK_WIDGET (self->members_row), bloc_year_id != 0);
  gtk_widget_set_visible (GTK_WIDGET (self->campaigns_row), bloc_year_id != 0);

  path = td_db_get_path (db);
  adw_action_row_set_subtitle (self->path_row, path);

  created = td_db_get_meta (db, "created");
  if (created != NULL)
    {
      g_autoptr (GDateTime) when = g_date_time_new_from_iso8601 (created, NULL);
      g_autofree gchar *text = when ? g_date_time_format (when, "%d/%m/%Y %H:%M") : NULL;

      adw_action_row_set_subtitle (self->created_row, text ? text : created);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->created_row), created != NULL);

  if (g_stat (path, &st) == 0)
    size = g_format_size ((guint64)st.st_size);
  adw_action_row_set_subtitle (self->size_row, size ? size : "");
  gtk_widget_set_visible (GTK_WIDGET (self->size_row), size != NULL);

  description = td_db_get_meta (db, "description");
  adw_action_row_set_subtitle (self->description_row, description ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->description_row), description != NULL);
}

static void
td_overview_page_reload (TdSectionPage *page)
{
  TdOverviewPage *self = TD_OVERVIEW_PAGE (page);
  TdDb *db = td_section_page_get_database (page);

  if (db == NULL)
    {
      /* The welcome page is built when first needed and hidden while a
       * file is open: GTK would build and measure it, and load its SVG
       * picture (and librsvg, 6 MB), at every start. */
      ensure_welcome (self);
      gtk_widget_set_visible (GTK_WIDGET (self->welcome_page), TRUE);
      gtk_stack_set_visible_child_name (self->stack, "welcome");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "summary");
  if (self->welcome_page != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->welcome_page), FALSE);
  refresh_registry (self, db, td_section_page_get_bloc_year_id (page));
  /* At start-up the registry and the file wait for the first frame: drawn
   * in it, they would move out of sight when the coming dates fill in. */
  td_after_first_frame (GTK_WIDGET (self), show_details);
}

static void
td_overview_page_class_init (TdOverviewPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TdSectionPageClass *section_class = TD_SECTION_PAGE_CLASS (klass);

  /* Hidden, the overview waits to be shown (the base's default refresh):
   * its counts and the coming deadlines read the whole file, and a score
   * typed in another section must not wait for them. */
  section_class->reload = td_overview_page_reload;
  td_section_page_class_set_section (section_class, "overview", N_ ("Overview"),
                                     "view-grid-symbolic", TD_SHEET_RANKING);

  g_type_ensure (TD_TYPE_UPCOMING_GROUP);
  td_widget_class_bind_template_children (widget_class, TdOverviewPage, stack, summary_page,
                                          next_group, next_title, next_subtitle, next_button);
}

static void
td_overview_page_init (TdOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
