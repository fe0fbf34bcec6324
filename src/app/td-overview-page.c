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

#include <glib/gi18n.h>
#include <glib/gstdio.h>

struct _TdOverviewPage
{
  TdSectionPage parent_instance;

  GtkStack *stack;
  AdwStatusPage *welcome_page;
  AdwPreferencesGroup *file_group;
  AdwActionRow *path_row;
  AdwActionRow *created_row;
  AdwActionRow *size_row;
  AdwActionRow *description_row;
  AdwPreferencesGroup *next_group;
  GtkLabel *next_title;
  GtkLabel *next_subtitle;
  GtkButton *next_button;
  AdwPreferencesGroup *registry_group;
  GtkLabel *units_count;
  GtkLabel *blocs_count;
  AdwActionRow *members_row;
  GtkLabel *members_count;
  AdwActionRow *campaigns_row;
  GtkLabel *campaigns_count;
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
  g_autofree gchar *blocs = NULL;
  const char *title, *subtitle, *button, *section;

  td_registry_get_summary (db, bloc_year_id, &sum);
  set_count (self->units_count, sum.n_units);
  /* Translators: counts on the overview, e.g. "1 blocs · 2 years" */
  blocs = g_strdup_printf (_ ("%d blocs · %d years"), sum.n_blocs, sum.n_years);
  gtk_label_set_text (self->blocs_count, blocs);
  set_count (self->members_count, sum.n_members);
  set_count (self->campaigns_count, sum.n_campaigns);
  gtk_widget_set_visible (GTK_WIDGET (self->members_row), bloc_year_id != 0);
  gtk_widget_set_visible (GTK_WIDGET (self->campaigns_row), bloc_year_id != 0);

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

static void
show_below_the_fold (GtkWidget *widget)
{
  TdOverviewPage *self = TD_OVERVIEW_PAGE (widget);

  gtk_widget_set_visible (GTK_WIDGET (self->registry_group), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->file_group), TRUE);
}

static void
td_overview_page_reload (TdSectionPage *page)
{
  TdOverviewPage *self = TD_OVERVIEW_PAGE (page);
  TdDb *db = td_section_page_get_database (page);
  g_autofree gchar *created = NULL;
  g_autofree gchar *description = NULL;
  g_autofree gchar *size = NULL;
  const char *path;
  GStatBuf st;

  if (db == NULL)
    {
      /* The welcome page is hidden until it is needed, and its picture
       * set then: GTK would measure the page and load the picture (and
       * the SVG library, 6 MB) at start-up, when a file is opened. */
      adw_status_page_set_icon_name (self->welcome_page, "com.example.ThiDua");
      gtk_widget_set_visible (GTK_WIDGET (self->welcome_page), TRUE);
      gtk_stack_set_visible_child_name (self->stack, "welcome");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "summary");
  gtk_widget_set_visible (GTK_WIDGET (self->welcome_page), FALSE);
  /* At start-up the registry and the file wait for the first frame: drawn
   * in it, they would move out of sight when the coming dates fill in. */
  td_after_first_frame (GTK_WIDGET (self), show_below_the_fold);

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
  refresh_registry (self, db, td_section_page_get_bloc_year_id (page));
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
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/ThiDua/ui/td-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TdOverviewPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TdOverviewPage, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, TdOverviewPage, file_group);
  gtk_widget_class_bind_template_child (widget_class, TdOverviewPage, path_row);
  gtk_widget_class_bind_template_child (widget_class, TdOverviewPage, created_row);
  gtk_widget_class_bind_template_child (widget_class, TdOverviewPage, size_row);
  gtk_widget_class_bind_template_child (widget_class, TdOverviewPage, description_row);
  gtk_widget_class_bind_template_child (widget_class, TdOverviewPage, next_group);
  gtk_widget_class_bind_template_child (widget_class, TdOverviewPage, next_title);
  gtk_widget_class_bind_template_child (widget_class, TdOverviewPage, next_subtitle);
  gtk_widget_class_bind_template_child (widget_class, TdOverviewPage, next_button);
  gtk_widget_class_bind_template_child (widget_class, TdOverviewPage, registry_group);
  gtk_widget_class_bind_template_child (widget_class, TdOverviewPage, units_count);
  gtk_widget_class_bind_template_child (widget_class, TdOverviewPage, blocs_count);
  gtk_widget_class_bind_template_child (widget_class, TdOverviewPage, members_row);
  gtk_widget_class_bind_template_child (widget_class, TdOverviewPage, members_count);
  gtk_widget_class_bind_template_child (widget_class, TdOverviewPage, campaigns_row);
  gtk_widget_class_bind_template_child (widget_class, TdOverviewPage, campaigns_count);
}

static void
td_overview_page_init (TdOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
